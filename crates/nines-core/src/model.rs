//! The input [`Model`]: an architecture as a tree of groups and components, plus money and an
//! optional outage scenario. This is what users write as JSON.
//!
//! ```json
//! {"root": {"serial": {"children": [
//!   {"component": {"id": "web", "catalog": "azure/app-service/standard", "monthly_fee": 146}},
//!   {"parallel": {"children": [
//!     {"component": {"id": "db1", "availability": 99.99}},
//!     {"component": {"id": "db2", "availability": 99.9}}]}}]}}}
//! ```

use crate::availability::Availability;
use crate::problem::Problems;
use crate::sla::Sla;
use crate::text::json::from_json;
use crate::text::money::Money;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Most nodes a model may hold.
pub const MAX_NODES: usize = 1_000_000;
/// Deepest nesting of groups.
pub const MAX_DEPTH: usize = 32;
/// Most copies a `replicate` node may make.
pub const MAX_COPIES: u32 = 1000;
/// Most children of a `k_of_n` node (its exact evaluation costs n·k).
pub const MAX_K_OF_N_CHILDREN: usize = 1000;
/// Most incidents in a scenario.
pub const MAX_INCIDENTS: usize = 10_000;

/// An architecture to evaluate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// A name for the design.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Currency of fees and losses (ISO code); `USD` when absent.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// What one hour of the whole architecture being down costs the business.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::text::money::as_units"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Units>"))]
    pub business_loss_per_hour: Option<Money>,
    /// Components defined once and referenced with `{"shared": "id"}`: one failure, however
    /// many branches use them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub shared: BTreeMap<String, Component>,
    /// Failure domains (zones, regions, racks, control planes) that nodes list in `domains`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub domains: BTreeMap<String, Domain>,
    /// The mean outage, minutes, of every component that gives neither `outage_minutes` nor
    /// `incidents_per_year` (risk simulation; 60 when absent).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::text::json::exact_f64_option"
    )]
    pub default_outage_minutes: Option<f64>,
    /// The availability the design must reach in a month, percent (the risk simulation's
    /// breach probability).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Availability>,
    /// The architecture.
    pub root: Node,
    /// An outage scenario for the contract view.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<Incident>,
}

fn default_currency() -> String {
    "USD".to_string()
}

/// A node of the architecture tree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Node {
    /// Up only if every child is up.
    Serial(Group),
    /// Active-active: up if any child is up.
    Parallel(Group),
    /// Up if at least `k` children are up.
    KOfN(KOfN),
    /// Active-passive: the standby takes over after a switchover time.
    Failover(Failover),
    /// `copies` identical, independent copies of a subtree (e.g. regions); any one suffices.
    Replicate(Replicate),
    /// A leaf.
    Component(Component),
    /// A reference to a component in the model's `shared` map.
    Shared(String),
}

/// Children of a serial or parallel group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// A display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The members.
    pub children: Vec<Node>,
    /// Failure domains this node lives in (ids of the model's `domains`): it is down whenever
    /// any of them is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// Parallel groups only: how many members `nines optimize` may use, `[min, max]` — its first
    /// members, then further copies of its last one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copies_range: Option<[u32; 2]>,
}

/// `k` of the children must be up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KOfN {
    /// A display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How many must be up.
    pub k: u32,
    /// The members (they may differ).
    pub children: Vec<Node>,
    /// Failure domains this node lives in (ids of the model's `domains`): it is down whenever
    /// any of them is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
}

/// Active-passive failover.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Failover {
    /// A display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Serves while up.
    pub primary: Box<Node>,
    /// Takes over when the primary fails.
    pub standby: Box<Node>,
    /// Downtime per primary failure while the standby takes over, in minutes.
    #[serde(deserialize_with = "crate::text::json::exact_f64")]
    pub switchover_minutes: f64,
    /// Primary failures per year. Optional when the primary is an MTBF component.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::text::json::exact_f64_option"
    )]
    pub incidents_per_year: Option<f64>,
    /// Failure domains this node lives in (ids of the model's `domains`): it is down whenever
    /// any of them is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
}

/// Identical copies of a subtree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Replicate {
    /// A display name, e.g. "Regions".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How many copies; any one suffices.
    pub copies: u32,
    /// The subtree copied.
    pub child: Box<Node>,
    /// Failure domains this node lives in (ids of the model's `domains`): it is down whenever
    /// any of them is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// How many copies `nines optimize` may choose, `[min, max]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copies_range: Option<[u32; 2]>,
}

/// A leaf: a catalog SLA, an inline SLA, a custom availability, or an on-prem box.
///
/// Exactly one of `catalog`, `sla`, `availability` or `mtbf_hours` (with `mttr_hours`) is given.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// Unique id within the model, used by incidents and in the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A catalog entry id such as `azure/virtual-machines/availability-zones`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog: Option<String>,
    /// An SLA written inline (e.g. a hosting contract).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla: Option<Box<Sla>>,
    /// A custom availability, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
    /// Mean time between failures, hours.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::text::json::exact_f64_option"
    )]
    pub mtbf_hours: Option<f64>,
    /// Mean time to repair, hours.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::text::json::exact_f64_option"
    )]
    pub mttr_hours: Option<f64>,
    /// Planned maintenance downtime per month, hours (MTBF components only).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::text::json::exact_f64_option"
    )]
    pub maintenance_hours_per_month: Option<f64>,
    /// What the service costs per month (the basis of service credits).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::text::money::as_units"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Units>"))]
    pub monthly_fee: Option<Money>,
    /// How often it fails, per (365-day) year, for the risk simulation; the mean outage then
    /// follows from the availability. Give this or `outage_minutes`, not both.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::text::json::exact_f64_option"
    )]
    pub incidents_per_year: Option<f64>,
    /// Its mean outage, minutes, for the risk simulation; the failure rate then follows from the
    /// availability. Default: the model's `default_outage_minutes`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::text::json::exact_f64_option"
    )]
    pub outage_minutes: Option<f64>,
    /// How long its outages last around their mean (default `exponential`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outage_distribution: Option<OutageDistribution>,
    /// Failure domains this node lives in (ids of the model's `domains`): it is down whenever
    /// any of them is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// Other configurations that could take its place, each with its `monthly_fee`, for
    /// `nines optimize` (leaf fields only: no `id`, `domains` or `alternatives` of their own).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Component>,
}

/// How outage durations spread around their mean, for the risk simulation.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum OutageDistribution {
    /// Exponential: many short outages, some long (memoryless).
    Exponential,
    /// Every outage lasts exactly the mean.
    Fixed,
    /// Lognormal with this median and 90th percentile: heavy-tailed, as real outages are. Its
    /// mean follows from the two (`outage_minutes` is not given with it).
    Lognormal(Lognormal),
}

/// A lognormal outage duration by two of its quantiles.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lognormal {
    /// Half the outages are shorter than this, minutes.
    #[serde(deserialize_with = "crate::text::json::exact_f64")]
    pub median_minutes: f64,
    /// Nine in ten outages are shorter than this, minutes (more than the median).
    #[serde(deserialize_with = "crate::text::json::exact_f64")]
    pub p90_minutes: f64,
}

/// A failure domain: a zone, region, rack or control plane whose outage takes down everything
/// that lives in it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// A display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its availability, percent; or give `incidents_per_year` and `outage_minutes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Availability>,
    /// Its outages per (365-day) year.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::text::json::exact_f64_option"
    )]
    pub incidents_per_year: Option<f64>,
    /// Its mean outage, minutes.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::text::json::exact_f64_option"
    )]
    pub outage_minutes: Option<f64>,
    /// How long its outages last around their mean (default `exponential`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outage_distribution: Option<OutageDistribution>,
}

/// One outage in a scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// The component's id (or a shared component's key).
    pub component: String,
    /// When it started, `YYYY-MM-DDTHH:MM[:SS][Z]` in UTC.
    #[serde(deserialize_with = "utc_minute_or_second")]
    pub start: chrono::NaiveDateTime,
    /// How long it lasted, minutes.
    #[serde(deserialize_with = "crate::text::json::exact_f64")]
    pub minutes: f64,
    /// Which copy of an enclosing `replicate` it hit (1-based); all copies when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy: Option<u32>,
}

impl Model {
    /// A model of `root` alone: no name, shared components, money or incidents.
    pub fn new(root: Node) -> Self {
        Self {
            name: None,
            currency: default_currency(),
            business_loss_per_hour: None,
            shared: BTreeMap::new(),
            domains: BTreeMap::new(),
            default_outage_minutes: None,
            target: None,
            root,
            incidents: Vec::new(),
        }
    }

    /// Parses a model from JSON text.
    ///
    /// # Errors
    /// The first structural problem with its JSON path, e.g.
    /// `root.serial.children[0].component.availability: 100.5% is outside 0..=100%`.
    pub fn from_json(text: &str) -> Result<Self, Problems> {
        from_json(text).map_err(Problems::from)
    }

    /// The model as canonical JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Where a component's availability comes from: the one source a valid component gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComponentSource<'a> {
    /// A catalog entry, by id.
    Catalog(&'a str),
    /// An SLA written inline.
    InlineSla,
    /// A custom percentage.
    Custom,
    /// An on-prem box given by MTBF and MTTR.
    OnPrem,
    /// A failure domain of the model (not a component: the plan's own leaf for it).
    Domain,
}

impl ComponentSource<'_> {
    /// The machine name reports use: `catalog`, `sla`, `custom` or `on_prem`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Catalog(_) => "catalog",
            Self::InlineSla => "sla",
            Self::Custom => "custom",
            Self::OnPrem => "on_prem",
            Self::Domain => "domain",
        }
    }

    /// A label for people: `Catalog SLA`, `Inline SLA`, `Custom percentage`, `On-prem MTBF / MTTR`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Catalog(_) => "Catalog SLA",
            Self::InlineSla => "Inline SLA",
            Self::Custom => "Custom percentage",
            Self::OnPrem => "On-prem MTBF / MTTR",
            Self::Domain => "Failure domain",
        }
    }
}

impl Component {
    /// Where this component's availability comes from, when exactly one source is given
    /// (`None` for none or several: a validation problem).
    pub fn source(&self) -> Option<ComponentSource<'_>> {
        let on_prem = self.mtbf_hours.is_some() || self.mttr_hours.is_some();
        match (
            &self.catalog,
            &self.sla,
            self.availability.is_some(),
            on_prem,
        ) {
            (Some(id), None, false, false) => Some(ComponentSource::Catalog(id)),
            (None, Some(_), false, false) => Some(ComponentSource::InlineSla),
            (None, None, true, false) => Some(ComponentSource::Custom),
            (None, None, false, true) => Some(ComponentSource::OnPrem),
            _ => None,
        }
    }
}

impl Group {
    /// A group of `children` with no name and no domains.
    pub fn of(children: Vec<Node>) -> Self {
        Self {
            name: None,
            children,
            domains: Vec::new(),
            copies_range: None,
        }
    }
}

impl Node {
    /// The failure domains the node lists (none for a shared reference: its definition lists
    /// them).
    pub fn domains(&self) -> &[String] {
        match self {
            Self::Serial(g) | Self::Parallel(g) => &g.domains,
            Self::KOfN(k) => &k.domains,
            Self::Failover(f) => &f.domains,
            Self::Replicate(r) => &r.domains,
            Self::Component(c) => &c.domains,
            Self::Shared(_) => &[],
        }
    }

    /// The display name of a group or component.
    pub fn name(&self) -> Option<&str> {
        match self {
            Self::Serial(g) | Self::Parallel(g) => g.name.as_deref(),
            Self::KOfN(k) => k.name.as_deref(),
            Self::Failover(f) => f.name.as_deref(),
            Self::Replicate(r) => r.name.as_deref(),
            Self::Component(c) => c.name.as_deref(),
            Self::Shared(id) => Some(id),
        }
    }

    /// The JSON key of this node's kind (`serial`, `k_of_n`, `component`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Serial(_) => "serial",
            Self::Parallel(_) => "parallel",
            Self::KOfN(_) => "k_of_n",
            Self::Failover(_) => "failover",
            Self::Replicate(_) => "replicate",
            Self::Component(_) => "component",
            Self::Shared(_) => "shared",
        }
    }
}

/// Reads a UTC time as [`crate::parse_utc_time`] does.
fn utc_minute_or_second<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<chrono::NaiveDateTime, D::Error> {
    crate::text::json::text(deserializer, crate::text::date::parse_utc_time)
}
