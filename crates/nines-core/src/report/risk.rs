//! The risk report: what the simulated months give (`nines simulate`, JS `simulate`), a report
//! of its own with its `schema_version`.

use super::ConventionInfo;
use crate::catalog::CatalogVersion;
use crate::text::json::exact_f64;
use crate::text::money::{from_text, from_text_option, Money};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Version of the risk report format; bumped on any incompatible change.
pub const RISK_SCHEMA_VERSION: u32 = 1;

/// How bad a month can get: simulated monthly downtime, breach probabilities, credits and
/// losses, each with a 95% confidence interval.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RiskReport {
    /// [`RISK_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The library that produced the report.
    pub generator: String,
    /// The SLA catalog used.
    pub catalog: CatalogVersion,
    /// The calendar convention: each trial is one of its months.
    pub convention: ConventionInfo,
    /// The model's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Months simulated.
    pub trials: u64,
    /// The seed: the same model, options and seed give the same bytes.
    pub seed: u64,
    /// The length of a month, seconds.
    pub month_seconds: f64,
    /// The exact long-run unavailability (the engine's), which the simulated mean estimates.
    pub exact_unavailability: f64,
    /// The simulated mean unavailability.
    pub mean_unavailability: Estimate,
    /// The architecture's downtime in a month, seconds.
    pub downtime_seconds: DowntimeQuantiles,
    /// The distribution of the monthly downtime.
    pub histogram: Histogram,
    /// The probability that a month misses the target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breach: Option<Breach>,
    /// The probability that a month misses each SLA commitment in the model.
    pub commitments: Vec<Breach>,
    /// Each service with an SLA: how often it owes a credit, and how much.
    pub services: Vec<ServiceRisk>,
    /// Credits against the business loss, per month.
    pub money: MoneyRisk,
    /// Each component's failure process as simulated.
    pub processes: Vec<ProcessReport>,
    /// What the figures assume.
    pub assumptions: Vec<String>,
}

/// An estimate with its 95% confidence interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Estimate {
    /// The estimate.
    pub estimate: f64,
    /// The interval's lower end.
    pub low: f64,
    /// The interval's upper end.
    pub high: f64,
}

/// A month's downtime: mean and quantiles, seconds.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DowntimeQuantiles {
    /// The mean.
    #[serde(deserialize_with = "exact_f64")]
    pub mean: f64,
    /// Half the months have at most this.
    #[serde(deserialize_with = "exact_f64")]
    pub p50: f64,
    /// Nine months in ten.
    #[serde(deserialize_with = "exact_f64")]
    pub p90: f64,
    /// 99 in 100.
    #[serde(deserialize_with = "exact_f64")]
    pub p99: f64,
    /// 999 in 1,000.
    #[serde(deserialize_with = "exact_f64")]
    pub p999: f64,
}

/// The months by downtime: `counts[i]` months had downtime in `(i·bin, (i+1)·bin]` seconds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Histogram {
    /// Months without any downtime.
    pub zero_months: u64,
    /// The width of a bin, seconds.
    #[serde(deserialize_with = "exact_f64")]
    pub bin_seconds: f64,
    /// Months per bin.
    pub counts: Vec<u64>,
    /// Months beyond the last bin.
    pub beyond: u64,
}

/// How likely a month misses an availability.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Breach {
    /// The availability, percent.
    #[serde(deserialize_with = "exact_f64")]
    pub target: f64,
    /// The probability that a month's availability is below it.
    #[serde(deserialize_with = "exact_f64")]
    pub probability: f64,
    /// The 95% interval's lower end.
    #[serde(deserialize_with = "exact_f64")]
    pub low: f64,
    /// The 95% interval's upper end (the bound the trials allow when none missed).
    #[serde(deserialize_with = "exact_f64")]
    pub high: f64,
    /// `months` (Wilson's interval on the months simulated) or `importance_sampling`
    /// (a rare breach: the estimator of DESIGN.md, with its own interval).
    pub method: BreachMethod,
    /// Months that missed it among those simulated.
    pub months: u64,
    /// Downtime a month may have before it misses, seconds.
    #[serde(deserialize_with = "exact_f64")]
    pub allowed_seconds: f64,
}

/// One service's credits in the simulated months.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceRisk {
    /// The component id.
    pub component: String,
    /// The SLA id.
    pub sla: String,
    /// Its instances (copies of enclosing replicates).
    pub instances: u64,
    /// The probability that it owes any credit in a month.
    pub p_credit: f64,
    /// Its 95% interval.
    pub p_credit_low: f64,
    /// Its 95% interval.
    pub p_credit_high: f64,
    /// The mean credit a month.
    pub expected_credit: Money,
    /// Its 95% interval.
    pub expected_credit_low: Money,
    /// Its 95% interval.
    pub expected_credit_high: Money,
    /// Instance-months by credit percent earned, the highest first.
    pub credit_distribution: Vec<CreditShare>,
    /// Its credit tiers could not be sourced: credits are unknown, not zero.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub credits_unknown: bool,
}

/// How many instance-months earned a credit percent.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CreditShare {
    /// The credit, percent of the fee.
    pub credit_percent: f64,
    /// Instance-months.
    pub months: u64,
    /// Their share of all instance-months.
    pub share: f64,
}

/// Credits against the business loss, per month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MoneyRisk {
    /// Currency of every amount.
    pub currency: String,
    /// Mean credits of all services a month.
    pub expected_credit: MoneyEstimate,
    /// Mean business loss a month, when the model gives a loss per hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_loss: Option<MoneyEstimate>,
    /// The loss of the 99th-percentile month.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "from_text_option"
    )]
    pub p99_loss: Option<Money>,
    /// Expected credits as a share of the expected loss (`0.01` = credits cover 1%).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::text::json::exact_f64_option"
    )]
    pub credits_cover: Option<f64>,
}

/// An amount with its 95% interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MoneyEstimate {
    /// The estimate.
    #[serde(deserialize_with = "from_text")]
    pub estimate: Money,
    /// The interval's lower end.
    #[serde(deserialize_with = "from_text")]
    pub low: Money,
    /// The interval's upper end.
    #[serde(deserialize_with = "from_text")]
    pub high: Money,
}

/// A component's failure process as simulated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProcessReport {
    /// The component (or domain) id.
    pub component: String,
    /// Failures a year (365 days) of up time.
    #[serde(deserialize_with = "exact_f64")]
    pub failures_per_year: f64,
    /// Mean outage, minutes.
    #[serde(deserialize_with = "exact_f64")]
    pub mean_outage_minutes: f64,
    /// `exponential`, `fixed` or `lognormal`.
    pub distribution: OutageShape,
    /// Where the mean outage comes from: `outage_minutes`, `incidents_per_year`, `lognormal
    /// median and p90`, `mttr_hours` or `default` (the model's `default_outage_minutes`, else
    /// 60 minutes).
    pub outage_from: Cow<'static, str>,
}

/// How a breach probability was estimated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BreachMethod {
    /// Counted in the months simulated, with Wilson's interval.
    Months,
    /// A rare breach: importance sampling (DESIGN.md), with the estimator's own interval.
    ImportanceSampling,
}

impl BreachMethod {
    /// Its JSON text: `months` or `importance_sampling`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Months => "months",
            Self::ImportanceSampling => "importance_sampling",
        }
    }
}

/// The distribution of a process's outage lengths.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OutageShape {
    /// Exponential with the mean outage.
    Exponential,
    /// Every outage lasts the mean.
    Fixed,
    /// Lognormal, from a median and a 90th percentile.
    Lognormal,
}
