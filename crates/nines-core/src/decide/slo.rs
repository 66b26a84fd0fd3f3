//! The SLO to hand on: the error budget of a target per period, the budget the design's own
//! expected downtime leaves, the highest SLO it supports (from the exact figure, and at a
//! confidence from the simulated months), and the SLO as an OpenSLO v1 document.

use super::target_of;
use crate::availability::Availability;
use crate::catalog::Catalog;
use crate::convention::Convention;
use crate::engine::solve;
use crate::model::Model;
use crate::plan::plan;
use crate::problem::{Problem, Problems};
use crate::report::{
    ConventionInfo, Downtime, PeriodTexts, Remaining, SimulatedSlo, SloAnswer, Supported,
};
use crate::simulate::{SimulateOptions, Simulation};
use crate::text::duration::format_duration;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How to state an SLO.
#[derive(Clone, Debug, PartialEq)]
pub struct SloOptions {
    /// The calendar convention (a calendar month also anchors the OpenSLO window).
    pub convention: Convention,
    /// The SLO, percent; the model's `target` when absent.
    pub target: Option<Availability>,
    /// With a share of months such as 0.975, simulate the months and report the SLO that share
    /// of them meets.
    pub confidence: Option<f64>,
    /// Months to simulate.
    pub trials: u64,
    /// The seed of the simulation.
    pub seed: u64,
    /// The IANA time zone of the OpenSLO calendar window (`Etc/UTC` by default).
    pub time_zone: String,
}

impl Default for SloOptions {
    fn default() -> Self {
        Self {
            convention: Convention::default(),
            target: None,
            confidence: None,
            trials: crate::simulate::DEFAULT_TRIALS,
            seed: 1,
            time_zone: "Etc/UTC".to_string(),
        }
    }
}

/// The error budget of the target per period, what the design's expected downtime leaves of
/// it, and the SLO the design supports.
///
/// ```
/// use nines_core::decide::{slo, SloOptions};
/// use nines_core::{Availability, Catalog, Model};
///
/// let model = Model::from_json(r#"{"root": {"component": {"id": "a", "availability": 99.99}}}"#)?;
/// let options = SloOptions { target: Some(Availability::parse_percent("99.9")?), ..SloOptions::default() };
/// let answer = slo(&model, &Catalog::empty(), &options)?;
/// assert_eq!(answer.budget.text.month, "43 min 12 s");
/// assert_eq!(answer.remaining.text.month, "38 min 52.8 s");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`Problems`] as for [`crate::evaluate`]; a missing target or one outside (0, 100); a
/// confidence outside (0, 1); simulation limits as for [`Simulation::new`].
pub fn slo(model: &Model, catalog: &Catalog, options: &SloOptions) -> Result<SloAnswer, Problems> {
    let (mut answer, target) = exact(model, catalog, options)?;
    if let Some(confidence) = options.confidence {
        answer.supported.simulated = Some(simulated(model, catalog, options, target, confidence)?);
    }
    Ok(answer)
}

/// The answer from the exact figure alone (no simulated months), and the target: what
/// [`openslo`] needs, so that a shell writing OpenSLO documents does not link the simulation.
fn exact(
    model: &Model,
    catalog: &Catalog,
    options: &SloOptions,
) -> Result<(SloAnswer, Availability), Problems> {
    let (target, plan) = super::both(
        target_of(model, options.target),
        plan(model, catalog, options.convention),
    )?;
    let design = Availability::from_computed(solve(&plan, &plan.leaf_u, false).unavailability);
    let convention = options.convention;
    let budget = Downtime::new(target, convention);
    let expected = Downtime::new(design, convention);
    let answer = SloAnswer {
        target: target.percent_number(),
        availability: design.fraction(),
        convention: ConventionInfo::new(convention),
        remaining: remaining(&budget, &expected, target, design),
        budget,
        expected,
        supported: Supported {
            long_run: design.percent(),
            simulated: None,
        },
    };
    Ok((answer, target))
}

fn remaining(
    budget: &Downtime,
    expected: &Downtime,
    target: Availability,
    design: Availability,
) -> Remaining {
    let left = |b: f64, e: f64| crate::report::round12(b - e);
    let s = (budget.seconds, expected.seconds);
    let seconds = crate::convention::Periods {
        day: left(s.0.day, s.1.day),
        week: left(s.0.week, s.1.week),
        month: left(s.0.month, s.1.month),
        quarter: left(s.0.quarter, s.1.quarter),
        year: left(s.0.year, s.1.year),
    };
    let text = |x: f64| {
        if x < 0.0 {
            format!("overspent by {}", format_duration(-x))
        } else {
            format_duration(x)
        }
    };
    Remaining {
        text: PeriodTexts {
            day: text(seconds.day),
            week: text(seconds.week),
            month: text(seconds.month),
            quarter: text(seconds.quarter),
            year: text(seconds.year),
        },
        seconds,
        fraction: crate::report::round12(1.0 - design.unavailability() / target.unavailability()),
    }
}

/// The SLO met in `confidence` of the simulated months, and how often the target is missed.
fn simulated(
    model: &Model,
    catalog: &Catalog,
    options: &SloOptions,
    target: Availability,
    confidence: f64,
) -> Result<SimulatedSlo, Problems> {
    if !(confidence > 0.0 && confidence < 1.0) {
        let message = format!(
            "{} is not a share of months between 0 and 1 (exclusive)",
            crate::text::decimal::Shown(confidence)
        );
        return Err(Problem::value("confidence", message).into());
    }
    let simulate = SimulateOptions {
        convention: options.convention,
        trials: options.trials,
        seed: options.seed,
        target: Some(target),
    };
    let simulation = Simulation::new(model, catalog, simulate)?;
    let chunks: Vec<_> = (0..simulation.chunks())
        .map(|c| simulation.run_chunk(c))
        .collect();
    let down = simulation.downtime_quantile(&chunks, confidence);
    let month = simulation.month_seconds();
    let report = simulation.report(chunks);
    let breach = report.breach.ok_or_else(|| {
        Problems::from(Problem::value(
            "target",
            "the simulation measured no breach",
        ))
    })?;
    let supported = Availability::from_computed(down / month);
    Ok(SimulatedSlo {
        confidence,
        percent: supported.percent(),
        trials: report.trials,
        seed: report.seed,
        one_month_in: (breach.probability > 0.0)
            .then(|| crate::report::round12(1.0 / breach.probability)),
        target_breach: breach,
    })
}

/// An OpenSLO v1 `SLO` document (<https://github.com/OpenSLO/OpenSLO>): time-slice budgeting
/// over calendar months.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[serde(deny_unknown_fields)]
pub struct OpenSlo {
    api_version: String,
    kind: String,
    metadata: Metadata,
    spec: SloSpec,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Metadata {
    name: String,
    display_name: String,
    annotations: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SloSpec {
    description: String,
    service: String,
    indicator_ref: String,
    time_window: Vec<TimeWindow>,
    budgeting_method: String,
    objectives: Vec<Objective>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct TimeWindow {
    duration: String,
    is_rolling: bool,
    calendar: Calendar,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Calendar {
    start_time: String,
    time_zone: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Objective {
    display_name: String,
    target: f64,
    time_slice_target: f64,
    time_slice_window: String,
}

impl OpenSlo {
    /// Reads a document back from its JSON, as the JS package's `openslo` returns it: a shell
    /// that computed it elsewhere (a worker) writes it as YAML with [`OpenSlo::to_yaml`].
    ///
    /// # Errors
    /// A [`Problem`] at `openslo` when the text is not such a document.
    pub fn from_json(text: &str) -> Result<Self, Problems> {
        serde_json::from_str(text).map_err(|e| Problem::value("openslo", e.to_string()).into())
    }

    /// The document as YAML, the bytes `nines slo --openslo` prints.
    ///
    /// # Errors
    /// A [`Problem`] at `openslo` if the YAML writer fails.
    #[cfg(feature = "yaml")]
    pub fn to_yaml(&self) -> Result<String, Problems> {
        serde_norway::to_string(self).map_err(|e| Problem::value("openslo", e.to_string()).into())
    }
}

/// The target as an OpenSLO v1 document: `kind: SLO`, `budgetingMethod: Timeslices` (a minute
/// is good when 99% of its requests succeed: adjust `timeSliceTarget` to your SLI), a
/// calendar-month window starting with the convention's month (January 2000 under a fixed
/// convention: any month start anchors calendar months) in `options.time_zone`. The indicator is
/// referred to by name (`<service>-availability`): define it in your SLO tool. The document
/// states the long-run figure, so `options.confidence` is not used: nothing is simulated.
///
/// # Errors
/// As [`slo`], except for the confidence and the simulation.
pub fn openslo(
    model: &Model,
    catalog: &Catalog,
    options: &SloOptions,
) -> Result<OpenSlo, Problems> {
    let (answer, target) = exact(model, catalog, options)?;
    let display = model
        .name
        .clone()
        .unwrap_or_else(|| "nines design".to_string());
    let service = slug(&display);
    let start = options
        .convention
        .month()
        .map_or("2000-01-01 00:00:00".to_string(), |m| {
            format!("{m}-01 00:00:00")
        });
    let mut annotations = BTreeMap::new();
    annotations.insert(
        "nines.design-availability".to_string(),
        answer.supported.long_run.clone(),
    );
    annotations.insert(
        "nines.generator".to_string(),
        concat!("nines-core ", env!("CARGO_PKG_VERSION")).to_string(),
    );
    Ok(OpenSlo {
        api_version: "openslo/v1".to_string(),
        kind: "SLO".to_string(),
        metadata: Metadata {
            name: format!("{service}-availability"),
            display_name: format!("{display}: {}% availability", target.percent()),
            annotations,
        },
        spec: SloSpec {
            description: format!(
                "Availability SLO for {display}, derived by nines: the design's exact composite availability is {}% (expected downtime {} per month under {}), against a budget of {} per month at {}%.",
                answer.supported.long_run,
                answer.expected.text.month,
                answer.convention.description,
                answer.budget.text.month,
                target.percent()
            ),
            indicator_ref: format!("{service}-availability"),
            service,
            time_window: vec![TimeWindow {
                duration: "1M".to_string(),
                is_rolling: false,
                calendar: Calendar {
                    start_time: start,
                    time_zone: options.time_zone.clone(),
                },
            }],
            budgeting_method: "Timeslices".to_string(),
            objectives: vec![Objective {
                display_name: "Availability".to_string(),
                target: target.fraction(),
                time_slice_target: 0.99,
                time_slice_window: "1m".to_string(),
            }],
        },
    })
}

/// [`openslo`] as YAML.
///
/// # Errors
/// As [`slo`].
#[cfg(feature = "yaml")]
pub fn openslo_yaml(
    model: &Model,
    catalog: &Catalog,
    options: &SloOptions,
) -> Result<String, Problems> {
    openslo(model, catalog, options)?.to_yaml()
}

/// A name OpenSLO accepts: lower-case letters, digits and dashes, at most 48 characters.
fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.truncate(48);
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "nines-design".to_string()
    } else {
        slug
    }
}
