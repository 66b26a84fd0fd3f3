//! What the Risk panel and "How this design fails" read from the analysis worker's answers:
//! the parts of nines-core's risk report (`nines simulate --json`) and of the report's
//! `cut_sets` that they show, read back with the core's own types, and how their figures are
//! written. No figure is computed here.

use crate::labels::Labels;
use nines_core::format_duration_brief;
use nines_core::report::{
    Breach, CutSetMember, CutSetReport, DowntimeQuantiles, Histogram, MoneyRisk, ProcessReport,
};
use nines_core::Money;
use serde::Deserialize;

/// The risk report, as far as the panel shows it (the core's `RiskReport`, field by field).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Risk {
    /// Months simulated.
    pub trials: u64,
    /// The seed of the random streams.
    pub seed: u64,
    /// The simulated month's length, seconds.
    pub month_seconds: f64,
    /// Quantiles of the monthly downtime, seconds.
    pub downtime_seconds: DowntimeQuantiles,
    /// The downtime histogram.
    pub histogram: Histogram,
    /// How likely a month misses the target (absent without a target).
    #[serde(default)]
    pub breach: Option<Breach>,
    /// Credits against losses per month.
    pub money: MoneyRisk,
    /// The simulation's assumptions, in the core's words.
    pub assumptions: Vec<String>,
    /// Each failure process (component or domain).
    pub processes: Vec<ProcessReport>,
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

impl Risk {
    /// The risk report in `json`, if it is one.
    pub fn from_json(json: &str) -> Option<Self> {
        serde_json::from_str(json).ok()
    }
}

/// A report, as far as its cut sets.
#[derive(Deserialize)]
struct WithCutSets {
    #[serde(default)]
    cut_sets: Option<CutSetReport>,
}

/// The `cut_sets` of the report in `json`.
pub fn cut_sets(json: &str) -> Option<CutSetReport> {
    serde_json::from_str::<WithCutSets>(json).ok()?.cut_sets
}

/// A member of a cut set for people: its component's label with its copy (`Web app (copy
/// 2)`), or the switchover it stands for (`Switchover of Server pair`).
pub fn member_label(member: &CutSetMember, labels: &Labels) -> String {
    match &member.component {
        Some(id) => {
            let named = CutSetMember {
                component: Some(labels.label(id).short()),
                ..member.clone()
            };
            named.to_string()
        }
        None => {
            // ASCII only: `char::to_uppercase` would bring Unicode's case tables (6.5 KB
            // gzipped) into the page's first download.
            let mut text = member.to_string();
            if let Some(first) = text.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            text
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

/// An amount with its currency, as the rest of the app writes amounts: `2,886.77 USD`.
pub fn money(currency: &str, amount: Money) -> String {
    format!("{amount} {currency}")
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
        // Every figure reads back to the very f64 the core wrote.
        assert_eq!(risk.downtime_seconds, report.downtime_seconds);
        assert_eq!(risk.money, report.money);
        assert_eq!(risk.processes, report.processes);
    }

    #[test]
    fn cut_sets_are_read_from_the_report() {
        let options = Options {
            cut_sets: Some(3),
            ..Options::default()
        };
        let library = crate::library::test_library();
        let report = evaluate(&example(), library.catalog(), &options).unwrap();
        let cuts = cut_sets(&serde_json::to_string(&report).unwrap()).unwrap();
        assert_eq!(Some(&cuts), report.cut_sets.as_ref());
        let names: Vec<String> = cuts.sets[2]
            .members
            .iter()
            .map(CutSetMember::to_string)
            .collect();
        assert_eq!(cuts.sets[0].members[0].to_string(), "entra-id");
        assert_eq!(names, ["web (copy 1)", "web (copy 2)"]);
        assert_eq!(cuts.sets[0].probability, 1e-4);
        assert_eq!(cut_sets(r#"{"percent": "99.9"}"#), None);
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
    fn a_failover_switchover_is_a_failure_mode_too() {
        // A switchover has no component: the report's member has `switchover` instead.
        let model = Model::from_json(include_str!("../../data/examples/onprem-pair.json")).unwrap();
        let options = Options {
            cut_sets: Some(3),
            ..Options::default()
        };
        let library = crate::library::test_library();
        let report = evaluate(&model, library.catalog(), &options).unwrap();
        let cuts = cut_sets(&serde_json::to_string(&report).unwrap()).unwrap();
        let labels = Labels::default();
        let shown: Vec<Vec<String>> = cuts
            .sets
            .iter()
            .map(|set| {
                set.members
                    .iter()
                    .map(|m| member_label(m, &labels))
                    .collect()
            })
            .collect();
        assert_eq!(shown[3], ["Switchover of Server pair"], "{shown:?}");
        assert_eq!(shown[0], ["db"]);
    }

    #[test]
    fn money_reads_like_the_rest_of_the_app_and_members_carry_their_copy() {
        assert_eq!(money("USD", Money::from_cents(288_677)), "2,886.77 USD");
        let member = CutSetMember {
            component: Some("web".into()),
            copy: vec![2],
            switchover: None,
        };
        assert_eq!(member.to_string(), "web (copy 2)");
        assert_eq!(member_label(&member, &Labels::default()), "web (copy 2)");
    }
}
