//! The [`Report`]: the wire format every shell prints. Separate from the model types, documented
//! field by field, deterministic (same inputs, same bytes).

use crate::availability::{Availability, Percent};
use crate::catalog::CatalogVersion;
use crate::convention::{Convention, Period, Periods, YearMonth};
use crate::model::Model;
use crate::problem::Problem;
pub use crate::sla::CaveatKind;
use crate::sla::{DowntimeKind, Durability, RecoveryCommitment, Source, Window};
use crate::text::duration::format_duration;
use crate::text::money::Money;
use serde::{Deserialize, Serialize};

mod answers;
mod decide;
mod risk;
pub use answers::{AvailabilityAnswer, DowntimeAnswer};
pub use decide::{
    Choice, ComponentNeed, Design, GroupNeed, ImproveAnswer, NeedStatus, OptimizeAnswer, Remaining,
    SimulatedSlo, SloAnswer, Supported,
};
pub use risk::{
    Breach, BreachMethod, CreditShare, DowntimeQuantiles, Estimate, Histogram, MoneyEstimate,
    MoneyRisk, OutageShape, ProcessReport, RiskReport, ServiceRisk, RISK_SCHEMA_VERSION,
};

/// Version of the report format; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything nines knows about one model under one convention.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The library that produced the report, e.g. `nines-core 0.1.0`.
    pub generator: String,
    /// The SLA catalog used.
    pub catalog: CatalogVersion,
    /// The calendar convention of every downtime figure.
    pub convention: ConventionInfo,
    /// The model's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Composite availability as a fraction (full `f64` precision; loses digits past 1e-16).
    pub availability: f64,
    /// Composite unavailability as a fraction: the exact figure.
    pub unavailability: f64,
    /// Availability in percent with every significant digit, e.g. `"99.9999999999"`.
    pub percent: String,
    /// `−log10(unavailability)`; `null` for 100%.
    pub nines: Option<f64>,
    /// Expected downtime per period.
    pub downtime: Downtime,
    /// Id of the component that accounts for most unavailability.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weakest_link: Option<String>,
    /// Every component, in model order (shared components first).
    pub components: Vec<ComponentReport>,
    /// What the contracts promise and pay.
    pub contract: Contract,
    /// How the design fails: its minimal cut sets, when asked for (`Options::cut_sets`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cut_sets: Option<CutSetReport>,
    /// What a reader must know before relying on the figures; loudest first.
    pub caveats: Vec<Caveat>,
    /// Suspicious but valid input.
    pub warnings: Vec<Problem>,
    /// The inputs, echoed.
    pub input: Input,
}

/// The calendar convention.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConventionInfo {
    /// `calendar-month`, `30-day`, `365/12` or `gregorian`.
    pub name: &'static str,
    /// The month, for `calendar-month`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<YearMonth>,
    /// A sentence stating the period lengths.
    pub description: String,
    /// Seconds in each period.
    pub period_seconds: Periods,
    /// The calendar whose service time the downtime figures count (absent: every minute).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarInfo>,
}

impl ConventionInfo {
    /// Describes `convention`.
    pub fn new(convention: Convention) -> Self {
        Self {
            name: convention.name(),
            month: convention.month(),
            description: convention.describe(),
            period_seconds: convention.periods(),
            calendar: None,
        }
    }
}

/// A calendar that figures count in: which, what it is, and its service time per period.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CalendarInfo {
    /// Its id in the model's `calendars`.
    pub id: String,
    /// Hours, time zone, holidays and maintenance windows in words.
    pub description: String,
    /// Service time per period, seconds (for a calendar month its own; else the share of a
    /// typical week of each period).
    pub service_seconds: Periods,
}

impl CalendarInfo {
    /// Describes the calendar `id` under `convention`.
    pub fn new(id: &str, calendar: &crate::calendar::Calendar, convention: Convention) -> Self {
        Self {
            id: id.to_string(),
            description: calendar.describe(),
            service_seconds: calendar.service_periods(convention).map(round12),
        }
    }
}

/// Expected downtime per period at some availability.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Downtime {
    /// Seconds (12 significant digits).
    pub seconds: Periods,
    /// The same, for people: `43 min 12 s`.
    pub text: PeriodTexts,
}

/// Human-readable durations per period.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PeriodTexts {
    /// Per day.
    pub day: String,
    /// Per week.
    pub week: String,
    /// Per month.
    pub month: String,
    /// Per quarter.
    pub quarter: String,
    /// Per year.
    pub year: String,
}

impl PeriodTexts {
    /// The text for one period.
    pub fn get(&self, period: Period) -> &str {
        match period {
            Period::Day => &self.day,
            Period::Week => &self.week,
            Period::Month => &self.month,
            Period::Quarter => &self.quarter,
            Period::Year => &self.year,
        }
    }
}

impl Downtime {
    /// Expected downtime at `availability` under `convention`.
    pub fn new(availability: Availability, convention: Convention) -> Self {
        Self::over(availability, &convention.periods())
    }

    /// Expected downtime at `availability` in periods of `lengths` seconds (a convention's, or
    /// a calendar's service time).
    pub fn over(availability: Availability, lengths: &Periods) -> Self {
        let u = availability.unavailability();
        let seconds = lengths.map(|length| round12(u * length));
        let text = PeriodTexts {
            day: format_duration(seconds.day),
            week: format_duration(seconds.week),
            month: format_duration(seconds.month),
            quarter: format_duration(seconds.quarter),
            year: format_duration(seconds.year),
        };
        Self { seconds, text }
    }
}

/// Rounds to 12 significant digits so that `0.001 × 2,592,000` prints as `2592`.
pub fn round12(x: f64) -> f64 {
    crate::text::decimal::Decimal::from_f64_rounded(x, 12)
        .map(|d| d.to_f64())
        .unwrap_or(x)
}

/// One component's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ComponentReport {
    /// Its id (the JSON path when the model gave none).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its JSON path in the model.
    pub path: String,
    /// `catalog`, `sla`, `custom` or `on_prem`.
    pub source: &'static str,
    /// The catalog id, for catalog components.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub catalog: Option<String>,
    /// Defined once under `shared`.
    pub shared: bool,
    /// Copies in the architecture (product of enclosing `replicate` counts).
    pub instances: u64,
    /// Availability fraction.
    pub availability: f64,
    /// Unavailability fraction.
    pub unavailability: f64,
    /// Availability in percent.
    pub percent: String,
    /// `uᵢ · ∂U/∂uᵢ`: the composite unavailability attributable to this component
    /// (criticality importance × U).
    pub attributed_unavailability: f64,
    /// This component's share of all attributed unavailability, 0..=1.
    pub share: f64,
}

/// The contract view.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contract {
    /// Currency of every amount.
    pub currency: String,
    /// Business loss per hour of architecture downtime, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_loss_per_hour: Option<Money>,
    /// Business loss per hour outside the business calendar's hours, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_loss_per_hour_outside_hours: Option<Money>,
    /// Expected architecture downtime per month, seconds.
    pub expected_downtime_seconds_per_month: f64,
    /// Expected business loss per month: the expected downtime of every minute, priced at
    /// `business_loss_per_hour` inside the business calendar's hours and at
    /// `business_loss_per_hour_outside_hours` outside them (outages assumed equally likely at
    /// any hour).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_monthly_business_loss: Option<Money>,
    /// The business's own hours, when the model gives them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_calendar: Option<CalendarInfo>,
    /// Every component that has an SLA.
    pub services: Vec<Service>,
    /// Every service at its bottom tier, against the business loss of the same month.
    pub worst_case: WorstCase,
    /// The outage scenario, when the model has incidents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<Scenario>,
    /// What each data store's SLA does and does not say about your data.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<DataStore>,
}

/// A component that holds data: what its SLA commits to, what the provider designs for, and
/// what nobody promises.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DataStore {
    /// The component id.
    pub component: String,
    /// The SLA id.
    pub sla: String,
    /// The SLA's commitment: availability of the service, percent.
    pub availability_commitment: String,
    /// The provider's design durability, when published: a design figure, not guaranteed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub design_durability: Option<Durability>,
    /// Contractual recovery or replication commitments.
    pub recovery: Vec<RecoveryCommitment>,
    /// What is not covered, in plain words.
    pub not_covered: String,
}

/// A component with an SLA.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Service {
    /// The component id.
    pub component: String,
    /// The SLA id.
    pub sla: String,
    /// Provider.
    pub provider: String,
    /// Service name.
    pub service: String,
    /// Configuration.
    pub configuration: String,
    /// Committed uptime, percent.
    pub commitment: String,
    /// Measurement window.
    pub window: Window,
    /// What counts as downtime.
    pub downtime_kind: DowntimeKind,
    /// Copies billed.
    pub instances: u64,
    /// Fee per instance per month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_fee: Option<Money>,
    /// Credit cap, percent of the fee.
    pub credit_cap: Percent,
    /// Largest credit a month can bring, percent of the fee.
    pub max_credit: Percent,
    /// The calendar the SLA is measured over, when not every minute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarInfo>,
    /// Tiers as downtime in this convention's month (in its calendar's service time).
    pub tiers: Vec<TierReport>,
    /// The provider's credit tiers could not be sourced: credits are unknown, not zero.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub credits_unknown: bool,
    /// Where the SLA text came from.
    pub source: Source,
}

/// A credit tier as downtime.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TierReport {
    /// Uptime threshold, percent.
    pub below: Percent,
    /// Credit, percent of the monthly fee.
    pub credit: Percent,
    /// The tier applies once monthly downtime exceeds this, seconds.
    pub after_seconds: f64,
    /// The same for people: `4 min 19.2 s`.
    pub after: String,
}

/// Worst case: every service at its bottom tier in the same month.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WorstCase {
    /// Sum of monthly fees of services with SLAs.
    pub fees: Money,
    /// Sum of the largest credits (capped).
    pub credit: Money,
    /// Downtime in the month that brings every service to its bottom tier, seconds.
    pub downtime_seconds: f64,
    /// Business loss for that downtime.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_loss: Option<Money>,
    /// Components whose credits are unknown, so `credit` leaves them out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub credits_unknown: Vec<String>,
}

/// The outage scenario's outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Scenario {
    /// Start of the month the incidents fall in (UTC).
    pub window_start: chrono::NaiveDateTime,
    /// Its length, seconds.
    pub window_seconds: f64,
    /// How long the architecture was down, derived from its structure.
    pub architecture_downtime_seconds: f64,
    /// The architecture's uptime in the window, percent.
    pub architecture_uptime: String,
    /// Each stretch of architecture downtime, in time order, with the incidents behind it.
    pub architecture_outages: Vec<ArchitectureOutage>,
    /// Business loss for that downtime (inside and outside the business calendar's hours at
    /// their own rates, when it has one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_loss: Option<Money>,
    /// How much of that downtime fell in the business calendar's hours, seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_hours_downtime_seconds: Option<f64>,
    /// Per incident, the minutes its component's SLA counts and why the rest do not (only
    /// when the model uses calendars).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<IncidentCount>,
    /// Per service instance hit by an incident.
    pub services: Vec<ScenarioService>,
    /// Sum of credits owed.
    pub total_credit: Money,
}

/// One stretch of architecture downtime in the scenario month.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ArchitectureOutage {
    /// When it began (UTC).
    pub start: chrono::NaiveDateTime,
    /// How long it lasted, seconds.
    pub seconds: f64,
    /// The incidents that overlap it, as indices into the model's `incidents`.
    pub incidents: Vec<usize>,
}

/// One service in the scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScenarioService {
    /// Component id.
    pub component: String,
    /// SLA id.
    pub sla: String,
    /// Which copy, for replicated components.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy: Option<u32>,
    /// Its downtime in the window, seconds.
    pub downtime_seconds: f64,
    /// Its uptime, percent.
    pub uptime: String,
    /// The threshold of the credit tier reached (`uptime < tier_below`), absent when no tier
    /// was crossed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier_below: Option<Percent>,
    /// Credit tier reached, percent of the fee (0 when none).
    pub credit_percent: Percent,
    /// Credit owed.
    pub credit: Money,
    /// The SLA's credit tiers could not be sourced: the credit is unknown, not zero.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub credit_unknown: bool,
    /// The service time its calendar counts in the window, seconds (absent: every minute);
    /// `downtime_seconds` and `uptime` count only that time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_seconds: Option<f64>,
}

/// Which of an incident's minutes its component's SLA counts, and why the others do not.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IncidentCount {
    /// Index into the model's `incidents`.
    pub incident: usize,
    /// The component it hit.
    pub component: String,
    /// The SLA that counts it.
    pub sla: String,
    /// The incident's length, minutes.
    pub minutes: f64,
    /// Minutes the SLA counts as downtime.
    pub counted_minutes: f64,
    /// Minutes outside the scenario month.
    pub outside_month_minutes: f64,
    /// Minutes outside the SLA calendar's service hours.
    pub outside_hours_minutes: f64,
    /// Minutes on the calendar's holidays.
    pub holiday_minutes: f64,
    /// Minutes in its maintenance windows.
    pub maintenance_minutes: f64,
    /// The same in a sentence.
    pub why: String,
}

/// Something a reader must know.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Caveat {
    /// What kind; the report lists the loudest kinds first.
    pub kind: CaveatKind,
    /// The SLA it comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sla: Option<String>,
    /// The components it concerns.
    pub components: Vec<String>,
    /// The sentence to show.
    pub text: String,
}

/// The minimal cut sets up to an order, most probable first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CutSetReport {
    /// The largest set size looked for.
    pub order: u32,
    /// `false` when some steps had more sets than nines keeps and the least probable were
    /// dropped.
    pub complete: bool,
    /// The sets.
    pub sets: Vec<CutSet>,
}

/// A smallest set of failures that takes the design down.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CutSet {
    /// The failures, all at once.
    pub members: Vec<CutSetMember>,
    /// The probability that all of them are down at once (independent failures).
    #[serde(deserialize_with = "crate::text::json::exact_f64")]
    pub probability: f64,
    /// `probability / unavailability`: the set's share of the design's downtime, to first
    /// order (shares of overlapping sets can sum above 1).
    #[serde(deserialize_with = "crate::text::json::exact_f64")]
    pub share: f64,
}

/// One failure in a cut set: a component (in one copy of its replicates), or a failover's
/// switchover.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CutSetMember {
    /// The component's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub component: Option<String>,
    /// The copy it is in, outermost replicate first (1-based); empty outside replicates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copy: Vec<u32>,
    /// The failover (its name or path) whose switchover this is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub switchover: Option<String>,
}

impl std::fmt::Display for CutSetMember {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.component, &self.switchover) {
            (Some(id), _) => f.write_str(id)?,
            (None, Some(failover)) => write!(f, "switchover of {failover}")?,
            (None, None) => {}
        }
        if !self.copy.is_empty() {
            let copy: Vec<String> = self.copy.iter().map(u32::to_string).collect();
            write!(f, " (copy {})", copy.join("."))?;
        }
        Ok(())
    }
}

/// The inputs, echoed.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Input {
    /// The model as parsed.
    pub model: Model,
    /// The convention requested.
    pub convention: Convention,
    /// The calendar the figures were asked in, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
}
