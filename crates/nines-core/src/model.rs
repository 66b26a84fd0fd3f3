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
use crate::calendar::Calendar;
use crate::problem::{JsonPath, Problems, Segment};
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
    /// Calendars (service hours in a time zone, holidays, maintenance windows) that SLAs, the
    /// business and the figures refer to by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub calendars: BTreeMap<String, Calendar>,
    /// The business's own hours (an id of `calendars`): an outage inside them costs
    /// `business_loss_per_hour`, outside them `business_loss_per_hour_outside_hours`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_calendar: Option<String>,
    /// What an hour of outage costs outside the business calendar's hours (0 when absent).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::text::money::as_units"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Units>"))]
    pub business_loss_per_hour_outside_hours: Option<Money>,
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
    Component(Box<Component>),
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
            calendars: BTreeMap::new(),
            business_calendar: None,
            business_loss_per_hour_outside_hours: None,
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

    /// Reads what a user may hand over as a model: a model file, or a report nines wrote (JSON
    /// with a `schema_version`), whose echoed `input.model` is the model it was made from.
    ///
    /// ```
    /// use nines_core::{evaluate, Catalog, Model, Options};
    /// let model = Model::from_json(r#"{"root": {"component": {"id": "a", "availability": 99.9}}}"#)?;
    /// let report = evaluate(&model, &Catalog::empty(), &Options::default())?;
    /// let text = serde_json::to_string_pretty(&report).unwrap_or_default();
    /// assert_eq!(Model::from_model_or_report(&text)?, model);
    /// let problem = &Model::from_model_or_report("hello").unwrap_err().0[0];
    /// assert_eq!(problem.message, "not a JSON file: a model or report starts with {");
    /// # Ok::<(), nines_core::Problems>(())
    /// ```
    ///
    /// # Errors
    /// A problem at the document root (`.`) for text that is not JSON at all; otherwise as
    /// [`Model::from_json`], with paths under `input.model` for a report.
    pub fn from_model_or_report(text: &str) -> Result<Self, Problems> {
        #[derive(Deserialize)]
        struct Probe {
            schema_version: Option<serde::de::IgnoredAny>,
        }
        #[derive(Deserialize)]
        struct Echo {
            input: EchoedInput,
        }
        #[derive(Deserialize)]
        struct EchoedInput {
            model: Model,
        }
        let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        if !start.starts_with('{') {
            let message = "not a JSON file: a model or report starts with {";
            return Err(Problems::from(crate::problem::Problem::shape(
                JsonPath::root(),
                message,
            )));
        }
        let is_report = from_json::<Probe>(text).is_ok_and(|p| p.schema_version.is_some());
        if is_report {
            from_json::<Echo>(text)
                .map(|echo| echo.input.model)
                .map_err(Problems::from)
        } else {
            Self::from_json(text)
        }
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

/// A group whose count a decision can change: the JSON key of its node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// `replicate`: its copies.
    Replicate,
    /// `parallel`: its members.
    Parallel,
    /// `k_of_n`: its `k`.
    KOfN,
}

impl GroupKind {
    /// Its JSON key: `replicate`, `parallel` or `k_of_n`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Replicate => "replicate",
            Self::Parallel => "parallel",
            Self::KOfN => "k_of_n",
        }
    }
}

/// Reads a UTC time as [`crate::parse_utc_time`] does.
fn utc_minute_or_second<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<chrono::NaiveDateTime, D::Error> {
    crate::text::json::text(deserializer, crate::text::date::parse_utc_time)
}

/// Unfinished designs: what [`Model::without_empty_groups`] prunes and how its paths map back.
impl Model {
    /// This model without its empty groups, and the JSON path of every group removed (in this
    /// model, e.g. `root.serial.children[2].parallel`), in document order.
    ///
    /// A `serial`, `parallel` or `k_of_n` group is empty when none of its children is left
    /// after pruning them; a `k_of_n` that loses children keeps `k` at most its new size (a `k`
    /// too large before pruning stays, and stays an error); a
    /// `replicate` of an empty group is empty; a `failover` with one empty side stands for its
    /// other side alone, and with two empty sides is empty. [`evaluate`](crate::evaluate)
    /// itself stays strict (an empty group is an error): this is for shells that show an
    /// unfinished design's figures while marking what is not counted yet. When nothing but
    /// empty groups is left, the root stays as it is (see [`Model::is_blank`]).
    ///
    /// ```
    /// use nines_core::Model;
    /// let model = Model::from_json(r#"{"root": {"serial": {"children": [
    ///     {"component": {"id": "web", "availability": 99.9}},
    ///     {"parallel": {"children": []}}]}}}"#)?;
    /// let (pruned, removed) = model.without_empty_groups();
    /// assert_eq!(removed[0].to_string(), "root.serial.children[1].parallel");
    /// assert_eq!(pruned.to_json(), Model::from_json(r#"{"root": {"serial": {"children": [
    ///     {"component": {"id": "web", "availability": 99.9}}]}}}"#)?.to_json());
    /// # Ok::<(), nines_core::Problems>(())
    /// ```
    pub fn without_empty_groups(&self) -> (Model, Vec<JsonPath>) {
        let mut removed = Vec::new();
        let root = prune(&self.root, JsonPath::from("root"), &mut removed);
        let model = Model {
            root: root.unwrap_or_else(|| self.root.clone()),
            ..self.clone()
        };
        (model, removed)
    }

    /// Whether any component (in the tree, shared, or an alternative) names a catalog entry.
    /// A model that names none evaluates the same against any catalog of the same version.
    ///
    /// ```
    /// use nines_core::Model;
    /// let custom = r#"{"component": {"id": "db", "availability": 99.9}}"#;
    /// let model = |root: &str| Model::from_json(&format!(r#"{{"root": {root}}}"#));
    /// assert!(!model(custom)?.names_catalog_entries());
    /// let alternative = r#"{"component": {"id": "db", "availability": 99.9, "alternatives": [
    ///     {"catalog": "aws/rds/multi-az", "monthly_fee": 400}]}}"#;
    /// assert!(model(alternative)?.names_catalog_entries());
    /// let shared = Model::from_json(r#"{"shared": {"dns": {"catalog": "aws/route53"}},
    ///     "root": {"serial": {"children": [{"shared": "dns"}, {"shared": "dns"}]}}}"#)?;
    /// assert!(shared.names_catalog_entries());
    /// # Ok::<(), nines_core::Problems>(())
    /// ```
    pub fn names_catalog_entries(&self) -> bool {
        fn names(component: &Component) -> bool {
            component.catalog.is_some() || component.alternatives.iter().any(names)
        }
        fn in_tree(node: &Node) -> bool {
            match node {
                Node::Serial(g) | Node::Parallel(g) => g.children.iter().any(in_tree),
                Node::KOfN(k) => k.children.iter().any(in_tree),
                Node::Failover(f) => in_tree(&f.primary) || in_tree(&f.standby),
                Node::Replicate(r) => in_tree(&r.child),
                Node::Component(c) => names(c),
                Node::Shared(_) => false,
            }
        }
        self.shared.values().any(names) || in_tree(&self.root)
    }

    /// Whether the design holds no component at all (only empty groups): nothing to evaluate.
    pub fn is_blank(&self) -> bool {
        fn blank(node: &Node) -> bool {
            match node {
                Node::Serial(g) | Node::Parallel(g) => g.children.iter().all(blank),
                Node::KOfN(k) => k.children.iter().all(blank),
                Node::Failover(f) => blank(&f.primary) && blank(&f.standby),
                Node::Replicate(r) => blank(&r.child),
                Node::Component(_) | Node::Shared(_) => false,
            }
        }
        blank(&self.root)
    }

    /// Where `path`, a path in this model pruned by [`Model::without_empty_groups`] (which
    /// returned `removed`), points in this model: list indices count the removed siblings
    /// again, and a failover that stood for one side gets its `failover.primary` (or
    /// `standby`) back. Paths outside `root` are returned as they are.
    pub fn path_before_pruning(&self, removed: &[JsonPath], path: &JsonPath) -> JsonPath {
        let segments = path.segments();
        if segments.first() != Some(&Segment::Key("root".to_string())) {
            return path.clone();
        }
        let mut out = JsonPath::from("root");
        let mut node = &self.root;
        let mut rest = &segments[1..];
        loop {
            // A failover that lost one side is that side in the pruned model.
            if let Node::Failover(f) = node {
                let at = out.clone().key("failover");
                let gone = |side: &str, child: &Node| {
                    removed.contains(&at.clone().key(side).key(child.kind()))
                };
                let side = match (gone("primary", &f.primary), gone("standby", &f.standby)) {
                    (false, true) => Some(("primary", &*f.primary)),
                    (true, false) => Some(("standby", &*f.standby)),
                    _ => None,
                };
                if let Some((side, child)) = side {
                    out = at.key(side);
                    node = child;
                    continue;
                }
            }
            let [Segment::Key(kind), tail @ ..] = rest else {
                break;
            };
            if kind != node.kind() {
                break;
            }
            out = out.key(kind.clone());
            rest = tail;
            let next = match (node, rest) {
                (
                    Node::Serial(g) | Node::Parallel(g),
                    [Segment::Key(field), Segment::Index(i), tail @ ..],
                ) if field == "children" => kept_child(&g.children, &out, removed, *i)
                    .map(|(j, child)| (child, JsonPath::root().key("children").index(j), tail)),
                (Node::KOfN(k), [Segment::Key(field), Segment::Index(i), tail @ ..])
                    if field == "children" =>
                {
                    kept_child(&k.children, &out, removed, *i)
                        .map(|(j, child)| (child, JsonPath::root().key("children").index(j), tail))
                }
                (Node::Failover(f), [Segment::Key(field), tail @ ..])
                    if field == "primary" || field == "standby" =>
                {
                    let child = if field == "primary" {
                        &f.primary
                    } else {
                        &f.standby
                    };
                    Some((&**child, JsonPath::from(field.as_str()), tail))
                }
                (Node::Replicate(r), [Segment::Key(field), tail @ ..]) if field == "child" => {
                    Some((&*r.child, JsonPath::from("child"), tail))
                }
                _ => None,
            };
            let Some((child, step, tail)) = next else {
                break;
            };
            out = out.join(&step);
            node = child;
            rest = tail;
        }
        rest.iter().fold(out, |path, segment| match segment {
            Segment::Key(key) => path.key(key.clone()),
            Segment::Index(index) => path.index(*index),
        })
    }
}

/// The `index`-th child of a list (at `list`, the group's path) that pruning kept, with its
/// index in the list.
fn kept_child<'a>(
    children: &'a [Node],
    list: &JsonPath,
    removed: &[JsonPath],
    index: usize,
) -> Option<(usize, &'a Node)> {
    children
        .iter()
        .enumerate()
        .filter(|(j, child)| {
            let path = list.clone().key("children").index(*j).key(child.kind());
            !removed.contains(&path)
        })
        .nth(index)
}

/// `node` (at `at`, its position) without empty groups, or `None` when it is empty itself;
/// every removed group's path goes to `removed` in document order.
fn prune(node: &Node, at: JsonPath, removed: &mut Vec<JsonPath>) -> Option<Node> {
    let here = at.key(node.kind());
    let mark = removed.len();
    let children = |list: &[Node], removed: &mut Vec<JsonPath>| -> Vec<Node> {
        let base = here.clone().key("children");
        list.iter()
            .enumerate()
            .filter_map(|(i, child)| prune(child, base.clone().index(i), removed))
            .collect()
    };
    let kept = match node {
        Node::Serial(g) | Node::Parallel(g) => {
            let kept = children(&g.children, removed);
            let group = Group {
                name: g.name.clone(),
                children: kept,
                domains: g.domains.clone(),
                copies_range: g.copies_range,
            };
            match node {
                _ if group.children.is_empty() => None,
                Node::Serial(_) => Some(Node::Serial(group)),
                _ => Some(Node::Parallel(group)),
            }
        }
        Node::KOfN(k) => {
            let kept = children(&k.children, removed);
            // Clamp k only to what pruning took away: a k larger than the group stays an error.
            let lost = k.children.len() - kept.len();
            let n = u32::try_from(kept.len()).unwrap_or(u32::MAX);
            (!kept.is_empty()).then(|| {
                Node::KOfN(KOfN {
                    name: k.name.clone(),
                    k: if lost > 0 { k.k.min(n) } else { k.k },
                    children: kept,
                    domains: k.domains.clone(),
                })
            })
        }
        Node::Failover(f) => {
            let primary = prune(&f.primary, here.clone().key("primary"), removed);
            let standby = prune(&f.standby, here.clone().key("standby"), removed);
            match (primary, standby) {
                (Some(primary), Some(standby)) => Some(Node::Failover(Failover {
                    primary: Box::new(primary),
                    standby: Box::new(standby),
                    ..f.clone()
                })),
                (one, other) => one.or(other),
            }
        }
        Node::Replicate(r) => prune(&r.child, here.clone().key("child"), removed).map(|child| {
            Node::Replicate(Replicate {
                name: r.name.clone(),
                copies: r.copies,
                child: Box::new(child),
                domains: r.domains.clone(),
                copies_range: r.copies_range,
            })
        }),
        Node::Component(_) | Node::Shared(_) => Some(node.clone()),
    };
    if kept.is_none() {
        removed.insert(mark, here);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(root: &str) -> Model {
        Model::from_json(&format!(r#"{{"root": {root}}}"#)).unwrap()
    }

    fn c(id: &str) -> String {
        format!(r#"{{"component": {{"id": "{id}", "availability": 99.9}}}}"#)
    }

    fn texts(paths: &[JsonPath]) -> Vec<String> {
        paths.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn empty_groups_are_removed_recursively_and_listed_in_document_order() {
        let design = model(&format!(
            r#"{{"serial": {{"children": [
                {{"parallel": {{"children": [{{"serial": {{"children": []}}}}]}}}},
                {a},
                {{"failover": {{"primary": {b}, "standby": {{"serial": {{"children": []}}}},
                    "switchover_minutes": 5}}}},
                {{"k_of_n": {{"k": 3, "children": [{c}, {{"parallel": {{"children": []}}}}, {d}]}}}},
                {{"replicate": {{"copies": 2, "child": {{"serial": {{"children": []}}}}}}}}]}}}}"#,
            a = c("a"),
            b = c("b"),
            c = c("c"),
            d = c("d"),
        ));
        let (pruned, removed) = design.without_empty_groups();
        assert_eq!(
            texts(&removed),
            [
                "root.serial.children[0].parallel",
                "root.serial.children[0].parallel.children[0].serial",
                "root.serial.children[2].failover.standby.serial",
                "root.serial.children[3].k_of_n.children[1].parallel",
                "root.serial.children[4].replicate",
                "root.serial.children[4].replicate.child.serial",
            ]
        );
        let expected = model(&format!(
            r#"{{"serial": {{"children": [{a}, {b},
                {{"k_of_n": {{"k": 2, "children": [{c}, {d}]}}}}]}}}}"#,
            a = c("a"),
            b = c("b"),
            c = c("c"),
            d = c("d"),
        ));
        assert_eq!(pruned, expected);
        assert!(!design.is_blank());

        // Paths in the pruned model point back to the same nodes.
        let back = |path: &str| {
            let segments: Vec<&str> = path.split('.').collect();
            let mut p = JsonPath::root();
            for s in segments {
                match s.split_once('[') {
                    Some((key, index)) => {
                        p = p
                            .key(key)
                            .index(index.trim_end_matches(']').parse().unwrap());
                    }
                    None => p = p.key(s),
                }
            }
            design.path_before_pruning(&removed, &p).to_string()
        };
        assert_eq!(
            back("root.serial.children[0].component"),
            "root.serial.children[1].component"
        );
        assert_eq!(
            back("root.serial.children[1].component.availability"),
            "root.serial.children[2].failover.primary.component.availability"
        );
        assert_eq!(
            back("root.serial.children[2].k_of_n.children[1].component"),
            "root.serial.children[3].k_of_n.children[2].component"
        );
        assert_eq!(
            back("root.serial.children[2].k_of_n.k"),
            "root.serial.children[3].k_of_n.k"
        );
        assert_eq!(back("incidents[0].start"), "incidents[0].start");
    }

    #[test]
    fn a_report_gives_back_its_model() {
        let report = r#"{"schema_version": 1, "percent": "99.9", "input": {"model":
            {"root": {"component": {"id": "a", "availability": 150}}}, "convention": "30-day"}}"#;
        let problems = Model::from_model_or_report(report).unwrap_err();
        assert_eq!(
            problems.0[0].path.to_string(),
            "input.model.root.component.availability"
        );
        let bad = Model::from_model_or_report("\u{feff}  PK\u{3}\u{4}").unwrap_err();
        assert_eq!(bad.0[0].path, JsonPath::root());
        let plain = Model::from_model_or_report(r#"{"root": {"shared": "x"}}"#).unwrap();
        assert_eq!(plain.root, Node::Shared("x".to_string()));
    }

    #[test]
    fn a_design_of_empty_groups_is_blank_and_kept() {
        let design = model(r#"{"serial": {"children": [{"parallel": {"children": []}}]}}"#);
        let (pruned, removed) = design.without_empty_groups();
        assert!(design.is_blank());
        assert_eq!(pruned, design);
        assert_eq!(
            texts(&removed),
            ["root.serial", "root.serial.children[0].parallel"]
        );
        let full = model(&c("a"));
        assert_eq!(full.without_empty_groups(), (full.clone(), Vec::new()));
    }

    #[test]
    fn a_failover_without_its_primary_is_its_standby() {
        let design = model(&format!(
            r#"{{"failover": {{"primary": {{"serial": {{"children": []}}}}, "standby": {b},
                "switchover_minutes": 5}}}}"#,
            b = c("b")
        ));
        let (pruned, removed) = design.without_empty_groups();
        assert_eq!(pruned.root, model(&c("b")).root);
        assert_eq!(texts(&removed), ["root.failover.primary.serial"]);
        let path = JsonPath::from("root").key("component").key("id");
        assert_eq!(
            design.path_before_pruning(&removed, &path).to_string(),
            "root.failover.standby.component.id"
        );
    }
}
