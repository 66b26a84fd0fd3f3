//! The answers of the decision layer (`nines improve|optimize|slo --json`, JS `improve`,
//! `optimize`, `slo`): one wire shape each, documented field by field.

use super::{Breach, ConventionInfo, Downtime, PeriodTexts};
use crate::convention::Periods;
use crate::model::GroupKind;
use crate::text::json::{exact_f64, exact_f64_or_null};
use crate::text::money::Money;
use serde::{Deserialize, Serialize};

/// What it would take to reach a target: per component and per group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ImproveAnswer {
    /// The target, percent.
    #[serde(deserialize_with = "exact_f64")]
    pub target: f64,
    /// The design's exact availability today, fraction.
    #[serde(deserialize_with = "exact_f64")]
    pub availability: f64,
    /// Every component (shared components and failure domains first), in report order.
    pub components: Vec<ComponentNeed>,
    /// Every `replicate`, `parallel` and `k_of_n`, in model order.
    pub groups: Vec<GroupNeed>,
}

/// What one component must reach with every other part as it is, and how much it matters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComponentNeed {
    /// Its id.
    pub id: String,
    /// The lowest availability (fraction) at which the design meets the target, all else as
    /// it is; `null` when even a perfect component cannot.
    #[serde(deserialize_with = "exact_f64_or_null")]
    pub required_availability: Option<f64>,
    /// `met` (the design meets the target today), `possible` or `impossible`.
    pub status: NeedStatus,
    /// Birnbaum importance `U(u=1) − U(u=0)`: how much the composite unavailability moves
    /// between the component always down and never down (`∂U/∂u` where U is affine in `u`).
    #[serde(deserialize_with = "exact_f64")]
    pub birnbaum: f64,
    /// Risk achievement worth `U(u=1) / U`; `null` when U is 0.
    #[serde(deserialize_with = "exact_f64_or_null")]
    pub raw: Option<f64>,
    /// Risk reduction worth `U / U(u=0)`; `null` when U(u=0) is 0 (it alone makes U).
    #[serde(deserialize_with = "exact_f64_or_null")]
    pub rrw: Option<f64>,
    /// Its share of today's unavailability (criticality importance, normalised).
    #[serde(deserialize_with = "exact_f64")]
    pub share: f64,
    /// Copies it stands for: inside a `replicate`, its availability applies to every copy
    /// (and its required availability is each copy's).
    pub instances: u64,
}

/// Whether a component can bring the design to its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NeedStatus {
    /// The design meets the target as it is.
    Met,
    /// This component alone can bring it there.
    Possible,
    /// Not even a perfect component can.
    Impossible,
}

impl NeedStatus {
    /// Its JSON text: `met`, `possible` or `impossible`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Met => "met",
            Self::Possible => "possible",
            Self::Impossible => "impossible",
        }
    }
}

/// The count a group needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GroupNeed {
    /// Its JSON path in the model.
    pub path: String,
    /// `replicate` (copies), `parallel` (members: its first ones, then copies of its last) or
    /// `k_of_n` (`k`).
    pub kind: GroupKind,
    /// Its copies, members or `k` as written.
    pub current: u32,
    /// The fewest copies or members, or the largest `k`, that meet the target with all else
    /// as it is; `null` when none does (up to 1,000 copies or members).
    pub required: Option<u32>,
}

/// The cheapest design that meets a target, and the fee-against-availability frontier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OptimizeAnswer {
    /// The target, percent.
    #[serde(deserialize_with = "exact_f64")]
    pub target: f64,
    /// Whether the search covered every combination (exhaustively, or by bounds that prove the
    /// rest worse): then `cheapest` is the cheapest and `frontier` complete.
    pub optimal: bool,
    /// Evaluations of the exact engine (designs and bounds).
    pub evaluated: u64,
    /// Combinations of alternatives and counts in all.
    pub combinations: u64,
    /// The currency of every fee.
    pub currency: String,
    /// The design as written.
    pub current: Design,
    /// The cheapest design that meets the target (the most available among equally cheap
    /// ones); `null` when none does.
    pub cheapest: Option<Design>,
    /// The Pareto frontier: no other design is both cheaper and more available; by fee.
    pub frontier: Vec<Design>,
}

/// One design: its fee, availability and what differs from the model as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Design {
    /// Monthly fee of every component instance (components without a `monthly_fee` count 0).
    #[serde(deserialize_with = "crate::text::money::from_text")]
    pub monthly_fee: Money,
    /// Its exact availability, fraction.
    #[serde(deserialize_with = "exact_f64")]
    pub availability: f64,
    /// The choices that differ from the model as written (empty: the design as written).
    pub choices: Vec<Choice>,
}

/// One decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Choice {
    /// The component's id, or the group's JSON path.
    pub id: String,
    /// For a component: 0 for its configuration as written, `i` for `alternatives[i − 1]`;
    /// for a `replicate`: its copies; for a `parallel`: its members.
    pub choice: u32,
    /// The choice for people: the configuration's catalog id or name, or `3 copies`.
    pub label: String,
}

/// The error budget of a target and the SLO the design supports.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SloAnswer {
    /// The target, percent.
    pub target: f64,
    /// The design's exact availability, fraction.
    pub availability: f64,
    /// The calendar convention of every period.
    pub convention: ConventionInfo,
    /// Downtime the target allows per period.
    pub budget: Downtime,
    /// The design's own expected downtime per period.
    pub expected: Downtime,
    /// The budget left after the expected downtime (negative: overspent).
    pub remaining: Remaining,
    /// The highest SLO the design supports.
    pub supported: Supported,
}

/// What is left of an error budget.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Remaining {
    /// Seconds per period (negative: overspent).
    pub seconds: Periods,
    /// The same, for people (`overspent by …` when negative).
    pub text: PeriodTexts,
    /// The fraction of the budget left (1 − expected/budget; negative: overspent).
    pub fraction: f64,
}

/// The SLO a design supports.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Supported {
    /// From the exact figure: the long-run availability, percent; an SLO above it is missed
    /// on average.
    pub long_run: String,
    /// From the simulated monthly distribution, when a confidence was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub simulated: Option<SimulatedSlo>,
}

/// The SLO met in a given share of simulated months.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SimulatedSlo {
    /// The share of months that must meet it, e.g. 0.975 (39 months in 40).
    pub confidence: f64,
    /// The highest availability met by that share of the simulated months, percent.
    pub percent: String,
    /// Months simulated.
    pub trials: u64,
    /// The seed of the simulation.
    pub seed: u64,
    /// How often a month misses the target, with its 95% interval.
    pub target_breach: Breach,
    /// The target is missed in about one month out of this many (`null`: never in the trials).
    pub one_month_in: Option<f64>,
}
