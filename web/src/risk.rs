//! What the Risk panel and "How this design fails" read from the analysis worker's answers:
//! the parts of nines-core's risk report (`nines simulate --json`) and of the report's
//! `cut_sets` that they show, decoded from JSON, and how their figures are written. No figure
//! is computed here.

use nines_core::format_duration_brief;
use serde::Deserialize;

/// The risk report, as far as the panel shows it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Risk {
    /// Months simulated.
    pub trials: u64,
    /// The seed of the random streams.
    pub seed: u64,
    /// The simulated month's length, seconds.
    pub month_seconds: f64,
    /// Quantiles of the monthly downtime, seconds.
    pub downtime_seconds: Quantiles,
    /// The downtime histogram.
    pub histogram: Histogram,
    /// How likely a month misses the target (absent without a target).
    #[serde(default)]
    pub breach: Option<Breach>,
    /// Credits against losses per month.
    pub money: MoneyRisk,
    /// The simulation's assumptions, in the core's words.
    #[serde(default)]
    pub assumptions: Vec<String>,
    /// Each failure process (component or domain).
    #[serde(default)]
    pub processes: Vec<Process>,
    /// The convention of the simulated month.
    pub convention: ConventionName,
}

/// A convention's name, and its month for calendar months.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ConventionName {
    /// `30-day`, `calendar-month`, …
    pub name: String,
    /// `2026-02` for a calendar month.
    #[serde(default)]
    pub month: Option<String>,
}

impl ConventionName {
    /// The CLI option that picks it: `--month 2026-02` or `--convention 30-day`.
    pub fn cli_option(&self) -> String {
        match &self.month {
            Some(month) => format!("--month {month}"),
            None => format!("--convention {}", self.name),
        }
    }

    /// `2026-02`, or `30-day`.
    pub fn short(&self) -> &str {
        self.month.as_deref().unwrap_or(&self.name)
    }
}

/// One failure process of the simulation.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Process {
    /// The component or domain.
    pub component: String,
    /// Mean outage, minutes.
    pub mean_outage_minutes: f64,
    /// Where the mean outage came from (`default`, `outage_minutes`, …).
    pub outage_from: String,
}

impl Risk {
    /// The risk report in `json`, if it is one.
    pub fn from_json(json: &str) -> Option<Self> {
        serde_json::from_str(json).ok()
    }
}

/// Monthly downtime quantiles, seconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize)]
pub struct Quantiles {
    /// Mean.
    pub mean: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
    /// 99th percentile.
    pub p99: f64,
    /// 99.9th percentile.
    pub p999: f64,
}

/// Months by downtime: none, then `counts[i]` in bin `i` of `bin_seconds`, then `beyond`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Histogram {
    /// Months without downtime.
    pub zero_months: u64,
    /// Width of a bin, seconds.
    pub bin_seconds: f64,
    /// Months per bin.
    pub counts: Vec<u64>,
    /// Months past the last bin.
    pub beyond: u64,
}

/// The probability that a month misses a target, with its 95% interval.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Breach {
    /// The target, percent.
    pub target: f64,
    /// The estimate.
    pub probability: f64,
    /// Lower end of the 95% interval.
    pub low: f64,
    /// Upper end of the 95% interval (the bound when no month missed).
    pub high: f64,
    /// `months` (counted) or `importance_sampling`.
    pub method: String,
    /// Months that missed it.
    pub months: u64,
    /// Downtime the target allows per month, seconds.
    pub allowed_seconds: f64,
}

/// Money per month: credits, and losses when the model prices an hour of downtime.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct MoneyRisk {
    /// ISO currency code.
    pub currency: String,
    /// Expected credits per month.
    pub expected_credit: MoneyEstimate,
    /// Expected business loss per month.
    #[serde(default)]
    pub expected_loss: Option<MoneyEstimate>,
    /// The loss of a P99 month.
    #[serde(default)]
    pub p99_loss: Option<String>,
    /// Credits as a share of the expected loss (fraction).
    #[serde(default)]
    pub credits_cover: Option<f64>,
}

/// A money estimate with its 95% interval (decimal strings).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct MoneyEstimate {
    /// The estimate.
    pub estimate: String,
    /// Lower end.
    pub low: String,
    /// Upper end.
    pub high: String,
}

/// The cut sets of a report (`evaluate` with `cut_sets`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CutSets {
    /// The largest order listed.
    pub order: u32,
    /// `false` when some improbable sets were dropped.
    pub complete: bool,
    /// Most probable first.
    pub sets: Vec<CutSet>,
}

/// A report, as far as its cut sets.
#[derive(Deserialize)]
struct WithCutSets {
    #[serde(default)]
    cut_sets: Option<CutSets>,
}

impl CutSets {
    /// The `cut_sets` of the report in `json`.
    pub fn from_report(json: &str) -> Option<Self> {
        serde_json::from_str::<WithCutSets>(json).ok()?.cut_sets
    }
}

/// One minimal cut set.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CutSet {
    /// Its components.
    pub members: Vec<CutSetMember>,
    /// All of them down at once.
    pub probability: f64,
    /// Its share of the unavailability (first order).
    pub share: f64,
}

/// A component of a cut set, with the copy of a replicated one.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CutSetMember {
    /// The component id.
    pub component: String,
    /// Which copy, for replicated components (1-based, outermost first).
    #[serde(default)]
    pub copy: Vec<u32>,
}

impl CutSetMember {
    /// `web`, or `web (copy 2)`.
    pub fn name(&self) -> String {
        self.named(&self.component)
    }

    /// The component called `label`, with its copy: `Web app (copy 2)`.
    pub fn named(&self, label: &str) -> String {
        match self.copy.as_slice() {
            [] => label.to_string(),
            copies => {
                let copies: Vec<String> = copies.iter().map(u32::to_string).collect();
                format!("{label} (copy {})", copies.join("."))
            }
        }
    }
}

/// A probability as a percentage with three significant digits: `9.62%`, `0.0130%`, `< 0.001%`
/// only for values below 1e-5 %.
pub fn percent(p: f64) -> String {
    let value = p * 100.0;
    if value == 0.0 {
        return "0%".into();
    }
    if value < 1e-5 {
        return format!("{value:.2e}%");
    }
    let digits = (2 - libm::floor(libm::log10(value)) as i32).clamp(0, 8) as usize;
    format!("{value:.digits$}%")
}

/// A downtime in seconds for people (`2 h 46 min`).
pub fn duration(seconds: f64) -> String {
    format_duration_brief(seconds)
}

/// A money string of a report with its currency, as the rest of the app writes amounts:
/// `2,886.77 USD` (the report's text as it is if it does not read as an amount).
pub fn money(currency: &str, amount: &str) -> String {
    let shown =
        nines_core::Money::parse(amount).map_or_else(|_| amount.to_string(), |m| m.to_string());
    format!("{shown} {currency}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use nines_core::simulate::{SimulateOptions, Simulation};
    use nines_core::{evaluate, Availability, Model, Options};

    fn example() -> Model {
        Model::from_json(include_str!("../../data/examples/azure-two-regions.json")).unwrap()
    }

    #[test]
    fn the_panel_reads_the_cores_risk_report() {
        let model = example();
        let options = SimulateOptions {
            trials: 20_000,
            seed: 7,
            target: Some(Availability::from_percent(99.95).unwrap()),
            ..SimulateOptions::default()
        };
        let library = crate::library::test_library();
        let report = Simulation::new(&model, library.catalog(), options)
            .unwrap()
            .run();
        let risk = Risk::from_json(&serde_json::to_string_pretty(&report).unwrap()).unwrap();
        let breach = risk.breach.clone().unwrap();
        assert_eq!((risk.trials, risk.seed), (20_000, 7));
        assert_eq!(
            breach.probability,
            report.breach.as_ref().unwrap().probability
        );
        assert_eq!((breach.target, breach.allowed_seconds), (99.95, 1296.0));
        assert_eq!(risk.downtime_seconds.p99, report.downtime_seconds.p99);
        assert_eq!(risk.histogram.counts.len(), report.histogram.counts.len());
        assert_eq!(risk.money.currency, "USD");
        assert!(risk.money.expected_loss.is_some());
        assert_eq!(risk.convention.cli_option(), "--convention 30-day");
        // The default mean outage (60 min) is what the assumption sentence quotes.
        assert!(risk
            .processes
            .iter()
            .any(|p| p.outage_from == "default" && p.mean_outage_minutes == 60.0));
    }

    #[test]
    fn cut_sets_are_read_from_the_report() {
        let options = Options {
            cut_sets: Some(3),
            ..Options::default()
        };
        let library = crate::library::test_library();
        let report = evaluate(&example(), library.catalog(), &options).unwrap();
        let cuts = CutSets::from_report(&serde_json::to_string(&report).unwrap()).unwrap();
        let names: Vec<String> = cuts.sets[2]
            .members
            .iter()
            .map(CutSetMember::name)
            .collect();
        assert_eq!(cuts.sets[0].members[0].name(), "entra-id");
        assert_eq!(names, ["web (copy 1)", "web (copy 2)"]);
        assert_eq!(cuts.sets[0].probability, 1e-4);
        assert_eq!(CutSets::from_report(r#"{"percent": "99.9"}"#), None);
    }

    #[test]
    fn probabilities_are_written_with_three_significant_digits() {
        assert_eq!(percent(0.0962), "9.62%");
        assert_eq!(percent(0.100364437299), "10.0%");
        assert_eq!(percent(0.00125), "0.125%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(3e-9), "3.00e-7%");
    }

    #[test]
    fn money_reads_like_the_rest_of_the_app_and_members_carry_their_copy() {
        assert_eq!(money("USD", "2886.77"), "2,886.77 USD");
        assert_eq!(money("EUR", "n/a"), "n/a EUR");
        let member = CutSetMember {
            component: "web".into(),
            copy: vec![2],
        };
        assert_eq!(member.name(), "web (copy 2)");
        assert_eq!(member.named("Web app"), "Web app (copy 2)");
    }
}
