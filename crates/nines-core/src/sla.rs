//! [`Sla`]: what a provider contractually promises for one service configuration.
//!
//! An SLA is not an availability: it is a commitment for a configuration, a definition of
//! what counts as downtime, a window, and credit tiers that refund part of a fee.

use crate::availability::{Availability, Percent};
use crate::problem::{JsonPath, Problem};
use crate::text::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One SLA: a provider's commitment for one service configuration, with its source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sla {
    /// Stable slug `provider/service/configuration`.
    pub id: String,
    /// `azure`, `aws`, `gcp`, or a free name for custom contracts.
    pub provider: String,
    /// The service, e.g. "Virtual Machines".
    pub service: String,
    /// The configuration the commitment applies to.
    pub configuration: String,
    /// What the customer must do for the commitment to apply.
    #[serde(default)]
    pub preconditions: Vec<String>,
    /// The committed monthly uptime, in percent.
    pub commitment: Availability,
    /// The measurement window.
    pub window: Window,
    /// What counts as downtime.
    pub downtime_definition: DowntimeDefinition,
    /// Credit tiers, highest threshold first, or `"unknown"` when the provider's table could
    /// not be sourced.
    #[serde(default)]
    pub credit_tiers: CreditTiers,
    /// Credits given as days of service for an outage's length (Route 53), where confirmed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credit_days: Vec<DayCredit>,
    /// The most a month's credits can reach, in percent of the monthly fee.
    pub credit_cap: Percent,
    /// The smallest credit the provider issues, where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_credit: Option<MinimumCredit>,
    /// How and by when a credit must be claimed.
    pub claim_window: String,
    /// What does not count as downtime.
    #[serde(default)]
    pub exclusions: Vec<String>,
    /// What the SLA promises about your data.
    pub data_guarantee: DataGuarantee,
    /// The provider's design durability: a design figure, never a commitment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub durability: Option<Durability>,
    /// Contractual recovery or replication commitments, apart from uptime.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recovery: Vec<RecoveryCommitment>,
    /// The calendar the commitment is measured over: the id of one of the model's `calendars`
    /// (service hours, holidays, maintenance windows). Absent: every minute of the month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
    /// What a user must know before relying on this entry.
    #[serde(default)]
    pub caveats: Vec<String>,
    /// Where the text came from and as of when.
    pub source: Source,
}

/// The measurement window of an SLA.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Window {
    /// A calendar month.
    CalendarMonth,
    /// The provider's monthly billing cycle.
    BillingMonth,
}

/// What counts as downtime under an SLA.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DowntimeDefinition {
    /// The kind of measurement.
    pub kind: DowntimeKind,
    /// The defining text, quoted or closely paraphrased.
    pub text: String,
    /// The averaging interval (error rates) or minimum downtime period, in minutes.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::text::json::exact_f64_option"
    )]
    pub interval_minutes: Option<f64>,
    /// How often the customer must retry for downtime to keep counting, in minutes.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::text::json::exact_f64_option"
    )]
    pub retry_minutes: Option<f64>,
    /// The recovery-time objective, in minutes.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::text::json::exact_f64_option"
    )]
    pub rto_minutes: Option<f64>,
}

/// How an SLA measures downtime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DowntimeKind {
    /// Minutes in which the service is unavailable.
    UnavailableMinutes,
    /// 100% minus the error rate averaged over fixed intervals.
    ErrorRate,
    /// Deployment minutes of protected items (Azure Backup): down from a failure until the next success.
    DeploymentMinutes,
    /// The share of executions that failed (serverless).
    FailedExecutions,
    /// A recovery-time objective per failover.
    RecoveryTimeObjective,
}

/// An SLA's credit tiers: known (possibly none), or not sourced.
#[derive(Clone, Debug, PartialEq)]
pub enum CreditTiers {
    /// The tiers, highest threshold first (empty: the SLA gives no percentage credits).
    Known(Vec<CreditTier>),
    /// The provider's tier table could not be sourced: credits are unknown, not zero.
    Unknown,
}

impl Default for CreditTiers {
    fn default() -> Self {
        Self::Known(Vec::new())
    }
}

impl CreditTiers {
    /// The known tiers (none when unknown).
    pub fn tiers(&self) -> &[CreditTier] {
        match self {
            Self::Known(tiers) => tiers,
            Self::Unknown => &[],
        }
    }

    /// Whether the tiers could not be sourced.
    pub fn is_unknown(&self) -> bool {
        matches!(self, Self::Unknown)
    }
}

/// Written as an array of tiers, or the string `"unknown"`.
impl Serialize for CreditTiers {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Known(tiers) => tiers.serialize(serializer),
            Self::Unknown => serializer.serialize_str("unknown"),
        }
    }
}

impl<'de> Deserialize<'de> for CreditTiers {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = CreditTiers;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an array of credit tiers or \"unknown\"")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<CreditTiers, E> {
                match value {
                    "unknown" => Ok(CreditTiers::Unknown),
                    other => Err(E::invalid_value(serde::de::Unexpected::Str(other), &self)),
                }
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<CreditTiers, A::Error> {
                let tiers = Vec::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))?;
                Ok(CreditTiers::Known(tiers))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for CreditTiers {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CreditTiers".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let tiers = generator.subschema_for::<Vec<CreditTier>>();
        schemars::json_schema!({
            "description": "Credit tiers, highest threshold first, or \"unknown\" when the provider's table could not be sourced.",
            "oneOf": [tiers, {"const": "unknown"}]
        })
    }
}

/// "An outage longer than `after_minutes` earns `days` days of service credit."
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DayCredit {
    /// The outage length from which this credit applies, minutes.
    #[serde(deserialize_with = "crate::text::json::exact_f64")]
    pub after_minutes: f64,
    /// Days of the service's average daily charge credited.
    #[serde(deserialize_with = "crate::text::json::exact_f64")]
    pub days: f64,
}

/// A provider's design durability: what the service is engineered for, not what it promises.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Durability {
    /// The design durability of stored objects over a year, percent (e.g. 99.999999999).
    pub design_percent: Percent,
    /// The provider's words.
    pub text: String,
    /// Where the figure was published.
    pub source: Source,
}

/// A contractual recovery or replication commitment, apart from uptime.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecoveryCommitment {
    /// What is promised.
    pub kind: RecoveryKind,
    /// Within how many minutes.
    #[serde(deserialize_with = "crate::text::json::exact_f64")]
    pub minutes: f64,
    /// The share of objects or operations the time applies to, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objects_percent: Option<Percent>,
    /// The provider's words.
    pub text: String,
    /// Credits for missing it; `below` compares with the measured share, not with uptime.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credit_tiers: Vec<CreditTier>,
    /// Where the commitment was published.
    pub source: Source,
}

/// Kinds of recovery commitment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecoveryKind {
    /// Objects replicated to another location within a time (e.g. S3 Replication Time Control).
    ReplicationTime,
    /// Service recovered (failed over) within a time (a recovery-time objective).
    RecoveryTime,
    /// A restore completed within a time.
    RestoreTime,
}

impl RecoveryKind {
    /// Words for people: `replication within`, `recovery within`, `restore within`.
    pub fn label(self) -> &'static str {
        match self {
            Self::ReplicationTime => "replication within",
            Self::RecoveryTime => "recovery within",
            Self::RestoreTime => "restore within",
        }
    }
}

/// "Uptime below `below`% earns `credit`% of the monthly fee."
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CreditTier {
    /// The uptime threshold, in percent.
    pub below: Percent,
    /// The credit, in percent of the service's monthly fee.
    pub credit: Percent,
}

/// The smallest credit issued.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MinimumCredit {
    /// The amount.
    #[serde(deserialize_with = "crate::text::json::exact_f64")]
    pub amount: f64,
    /// Its currency.
    pub currency: String,
    /// The provider's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// What an SLA promises about data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DataGuarantee {
    /// The kind of promise.
    pub kind: DataGuaranteeKind,
    /// Explanation shown to the user.
    pub text: String,
}

/// Whether data is covered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DataGuaranteeKind {
    /// The service holds no customer data of note (compute, network).
    NotApplicable,
    /// The service holds data but the SLA promises nothing about it.
    None,
}

/// Provenance of an SLA entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The page the text came from.
    pub url: String,
    /// The date of the text used.
    #[serde(deserialize_with = "crate::text::date::deserialize_date")]
    pub as_of: NaiveDate,
    /// How well the numbers are sourced.
    pub status: SourceStatus,
    /// Which copy was used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How well an entry is sourced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SourceStatus {
    /// The provider's current text was seen.
    Primary,
    /// An older or regional copy of the provider's text was seen.
    Archived,
    /// Only a secondary source was seen.
    Secondary,
    /// At least one number is not confirmed by any primary source.
    Unverified,
}

/// Kinds of caveat, loudest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaveatKind {
    /// The SLA promises nothing about your data.
    NoDataGuarantee,
    /// Credits are capped below 100% of the fee.
    CreditCap,
    /// The entry relies on numbers not confirmed in a primary source.
    Unverified,
    /// No credit tiers are recorded for this SLA.
    NoCredits,
    /// The commitment applies only if the customer meets these conditions.
    Precondition,
    /// A caveat recorded with the catalog entry.
    Provider,
    /// Credits are the sole remedy and refund fees, not losses.
    SoleRemedy,
    /// An SLA commitment is a contractual floor, not a measured availability.
    SlaIsNotAvailability,
}

impl CaveatKind {
    /// Whether a reader must not miss it: shown as a banner rather than in a list.
    pub fn is_loud(self) -> bool {
        matches!(
            self,
            Self::NoDataGuarantee | Self::CreditCap | Self::Unverified | Self::NoCredits
        )
    }
}

/// One thing to know before relying on an SLA, as a sentence without the SLA's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlaCaveat {
    /// What kind.
    pub kind: CaveatKind,
    /// The sentence, e.g. `maximum credit 25% of the monthly fee`.
    pub text: String,
}

/// Whether `up_ms` of uptime in a window of `window_ms` is below the percentage `n × 10^-s`,
/// exactly: `up·100·10^s < n·window` in integers.
pub(crate) fn uptime_below((n, scale): (i128, u32), up_ms: i64, window_ms: i64) -> bool {
    i128::from(up_ms) * 100 * 10i128.pow(scale.min(20)) < n * i128::from(window_ms)
}

/// A credit tier expressed as downtime in a month.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TierDowntime {
    /// Uptime threshold, percent.
    pub below: Percent,
    /// Credit, percent of the monthly fee (after the cap).
    pub credit: Percent,
    /// The tier applies once downtime in the month exceeds this many seconds.
    pub after_seconds: f64,
}

impl Sla {
    /// The SLA's name for people: `Virtual Machines (2+ instances across 2+ zones)`.
    pub fn label(&self) -> String {
        format!("{} ({})", self.service, self.configuration)
    }

    /// Everything a reader must know before relying on this SLA, loudest first: no data
    /// guarantee, a credit cap below 100%, unverified numbers, missing credit tiers, then each
    /// precondition and each caveat recorded with the entry.
    pub fn caveats(&self) -> Vec<SlaCaveat> {
        let mut found = Vec::new();
        let mut add = |kind, text: String| found.push(SlaCaveat { kind, text });
        if self.data_guarantee.kind == DataGuaranteeKind::None {
            add(
                CaveatKind::NoDataGuarantee,
                format!(
                    "this SLA covers the service's availability, not your data. {}",
                    self.data_guarantee.text
                ),
            );
        }
        if self.credit_cap.value() < 100.0 {
            add(
                CaveatKind::CreditCap,
                format!("maximum credit {}% of the monthly fee", self.credit_cap),
            );
        }
        if self.source.status == SourceStatus::Unverified {
            add(
                CaveatKind::Unverified,
                "some numbers in this entry are not confirmed in a primary source".to_string(),
            );
        }
        match &self.credit_tiers {
            CreditTiers::Unknown => add(
                CaveatKind::NoCredits,
                "credits unknown: the provider's credit tiers could not be sourced, so no credit is priced here (which is not the same as none being owed)".to_string(),
            ),
            CreditTiers::Known(tiers) if tiers.is_empty() && self.credit_days.is_empty() => add(
                CaveatKind::NoCredits,
                "no percentage credit tiers: this SLA does not refund a share of the fee (see its caveats for what it gives instead)".to_string(),
            ),
            CreditTiers::Known(_) => {}
        }
        for condition in &self.preconditions {
            add(
                CaveatKind::Precondition,
                format!("applies only if {condition}"),
            );
        }
        for caveat in &self.caveats {
            add(CaveatKind::Provider, caveat.clone());
        }
        found
    }

    /// Checks the entry's internal consistency; paths are relative to the entry.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let commitment = self.commitment_percent();
        let mut previous: Option<f64> = None;
        for (i, tier) in self.credit_tiers.tiers().iter().enumerate() {
            let at = JsonPath::from("credit_tiers").index(i);
            let below = tier.below.value();
            if below > commitment {
                let message = format!(
                    "{}% is above the commitment {}%",
                    tier.below,
                    self.commitment.percent()
                );
                problems.push(Problem::value(at.clone().key("below"), message));
            }
            if previous.is_some_and(|p| below >= p) {
                let message = "thresholds must strictly decrease";
                problems.push(Problem::value(at.clone().key("below"), message));
            }
            if tier.credit.value() > self.credit_cap.value() {
                let message = format!(
                    "{}% exceeds the credit cap {}%",
                    tier.credit, self.credit_cap
                );
                problems.push(Problem::value(at.key("credit"), message));
            }
            previous = Some(below);
        }
        let mut after = f64::NEG_INFINITY;
        for (i, day) in self.credit_days.iter().enumerate() {
            let at = JsonPath::from("credit_days").index(i);
            if !(day.after_minutes.is_finite() && day.after_minutes > after) {
                let message = "after_minutes must be finite and strictly increase";
                problems.push(Problem::value(at.clone().key("after_minutes"), message));
            }
            if !(day.days.is_finite() && day.days >= 0.0) {
                problems.push(Problem::value(at.key("days"), "expected ≥ 0 days"));
            }
            after = day.after_minutes;
        }
        for (i, recovery) in self.recovery.iter().enumerate() {
            if !(recovery.minutes.is_finite() && recovery.minutes >= 0.0) {
                let path = JsonPath::from("recovery").index(i).key("minutes");
                problems.push(Problem::value(path, "expected a duration in minutes (≥ 0)"));
            }
        }
        if self.source.url.trim().is_empty() {
            let path = JsonPath::from("source").key("url");
            problems.push(Problem::value(path, "missing"));
        }
        if self.id.split('/').count() != 3 {
            let message = "expected provider/service/configuration";
            problems.push(Problem::value(JsonPath::from("id"), message));
        }
        problems
    }

    /// The commitment as a percentage number.
    pub fn commitment_percent(&self) -> f64 {
        self.commitment.percent_number()
    }

    /// The credit earned by `downtime_ms` of downtime in a window of `window_ms`, in percent of
    /// the fee (capped). Exact: compares `uptime < below` in integers.
    pub fn credit_for(&self, downtime_ms: i64, window_ms: i64) -> Percent {
        let earned = self
            .tier_for(downtime_ms, window_ms)
            .map_or(0.0, |tier| tier.credit.value());
        Percent::new(earned.min(self.credit_cap.value())).unwrap_or(self.credit_cap)
    }

    /// The credit tier that `downtime_ms` of downtime in a window of `window_ms` reaches (the
    /// largest credit among the tiers whose threshold the uptime is below), if any.
    pub fn tier_for(&self, downtime_ms: i64, window_ms: i64) -> Option<&CreditTier> {
        let up_ms = (window_ms - downtime_ms).max(0);
        let window = window_ms.max(1);
        self.credit_tiers
            .tiers()
            .iter()
            .filter(|tier| uptime_below(tier.below.scaled(), up_ms, window))
            .fold(None, |best: Option<&CreditTier>, tier| match best {
                Some(b) if b.credit.value() >= tier.credit.value() => Some(b),
                _ => Some(tier),
            })
    }

    /// The largest credit any month can bring, in percent of the fee.
    pub fn max_credit(&self) -> Percent {
        let top = self
            .credit_tiers
            .tiers()
            .iter()
            .map(|t| t.credit.value())
            .fold(0.0, f64::max);
        Percent::new(top.min(self.credit_cap.value())).unwrap_or(self.credit_cap)
    }

    /// The tiers as downtime thresholds in a month of `month_seconds`.
    pub fn tier_downtime(&self, month_seconds: f64) -> Vec<TierDowntime> {
        self.credit_tiers
            .tiers()
            .iter()
            .map(|tier| TierDowntime {
                below: tier.below,
                credit: Percent::new(tier.credit.value().min(self.credit_cap.value()))
                    .unwrap_or(tier.credit),
                after_seconds: tier.below.as_availability().unavailability() * month_seconds,
            })
            .collect()
    }

    /// The credit in money for a fee, honouring the cap and the minimum credit.
    pub fn credit_amount(&self, fee: Money, credit: Percent) -> Money {
        let amount = fee.percent_of(credit.scaled());
        let minimum = self
            .minimum_credit
            .as_ref()
            .and_then(|m| Money::from_units(m.amount).ok())
            .unwrap_or(Money::ZERO);
        if amount <= minimum && minimum > Money::ZERO {
            Money::ZERO
        } else {
            amount
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Azure VMs across availability zones (Sept-2026 consolidated SLA).
    pub(crate) fn vm_zones() -> Sla {
        serde_json::from_str(
            r#"{
            "id": "azure/virtual-machines/availability-zones", "provider": "azure",
            "service": "Virtual Machines", "configuration": "2+ instances across 2+ zones",
            "commitment": 99.99, "window": "billing_month",
            "downtime_definition": {"kind": "unavailable_minutes", "text": "no connectivity"},
            "credit_tiers": [{"below": 99.99, "credit": 10}, {"below": 99, "credit": 25}, {"below": 95, "credit": 100}],
            "credit_cap": 100, "claim_window": "two months", "data_guarantee": {"kind": "not_applicable", "text": ""},
            "source": {"url": "https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services", "as_of": "2026-09-01", "status": "primary"}
        }"#,
        )
        .unwrap()
    }

    #[test]
    fn credits_follow_tiers_exactly() {
        let sla = vm_zones();
        let month = 30 * 24 * 3_600_000;
        // 99.99% of a 30-day month allows exactly 4.32 min: no credit at the threshold.
        assert_eq!(sla.credit_for(259_200, month).value(), 0.0);
        assert_eq!(sla.credit_for(259_201, month).value(), 10.0);
        assert_eq!(sla.tier_for(259_200, month), None);
        assert_eq!(
            sla.tier_for(259_201, month).map(|t| t.below.value()),
            Some(99.99)
        );
        assert_eq!(
            sla.tier_for(8 * 3_600_000, month).map(|t| t.below.value()),
            Some(99.0)
        );
        assert_eq!(sla.credit_for(8 * 3_600_000, month).value(), 25.0);
        assert_eq!(sla.credit_for(30 * 3_600_000, month).value(), 25.0);
        assert_eq!(sla.credit_for(36 * 3_600_000 + 1, month).value(), 100.0);
        assert!(sla.problems().is_empty());
    }

    #[test]
    fn tiers_as_downtime() {
        let tiers = vm_zones().tier_downtime(30.0 * 86_400.0);
        assert!((tiers[0].after_seconds - 259.2).abs() < 1e-9);
        assert!((tiers[2].after_seconds - 129_600.0).abs() < 1e-6);
    }
}
