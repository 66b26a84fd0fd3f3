//! Validation: a [`Model`] becomes a [`Plan`], a flat post-order arena the engine can sweep, or
//! every problem with its JSON path.

use crate::availability::Availability;
use crate::catalog::Catalog;
use crate::convention::{Convention, Periods};
use crate::decimal::Shown;
use crate::error::Problem;
use crate::model::{
    Component, Model, Node, MAX_COPIES, MAX_DEPTH, MAX_K_OF_N_CHILDREN, MAX_NODES, MAX_SHARED,
};
use crate::money::Money;
use crate::sla::Sla;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Most step evaluations an exact evaluation may take (sweeps × steps): about a second.
const MAX_WORK: u64 = 200_000_000;
/// Most component instances (replicated copies counted) an outage scenario may walk.
const MAX_SCENARIO_INSTANCES: u64 = 1_000_000;

/// A node of the plan. Children always precede their parent, so one forward sweep evaluates
/// the tree and one backward sweep differentiates it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Step {
    /// An independent leaf (index into [`Plan::leaves`]).
    Leaf(usize),
    /// A shared component used more than once: conditioned on (index into [`Plan::vars`]).
    Var(usize),
    Serial(Span),
    Parallel(Span),
    KOfN {
        k: usize,
        children: Span,
    },
    Failover {
        primary: usize,
        standby: usize,
        /// Fraction of time lost to switchovers: failure rate × switchover time.
        switch_loss: f64,
        /// Switchover time in milliseconds, for scenarios.
        switch_ms: i64,
    },
    Replicate {
        copies: u32,
        child: usize,
    },
}

/// A run of child indices in [`Plan::children`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: usize,
    pub len: usize,
}

/// A JSON path kept as segments and formatted only when shown (`root.serial.children[1]`).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct JsonPath<'a>(Vec<Segment<'a>>);

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Segment<'a> {
    Field(&'static str),
    Key(&'a str),
    Index(usize),
}

impl std::fmt::Display for JsonPath<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write_path(f, &self.0)
    }
}

fn write_path(f: &mut impl std::fmt::Write, segments: &[Segment<'_>]) -> std::fmt::Result {
    {
        for (i, segment) in segments.iter().enumerate() {
            let dot = if i == 0 { "" } else { "." };
            match segment {
                Segment::Field(name) => write!(f, "{dot}{name}")?,
                Segment::Key(key) => write!(f, "{dot}{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// Where a leaf's availability comes from.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Origin<'a> {
    Catalog(&'a str),
    InlineSla,
    Custom,
    OnPrem,
}

/// A component as the engine sees it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Leaf<'a> {
    pub id: Cow<'a, str>,
    /// The display name, when the model gives one.
    pub name: Option<&'a str>,
    /// Its JSON path, a span of [`Plan::path_segments`].
    pub path: Span,
    pub origin: Origin<'a>,
    pub availability: Availability,
    pub sla: Option<&'a Sla>,
    pub fee: Option<Money>,
    pub shared: bool,
    /// Product of the copies of every enclosing `replicate`.
    pub instances: u64,
    /// Copies of the innermost enclosing `replicate` (1 outside any).
    pub innermost_copies: u32,
}

/// A validated, flattened model.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Plan<'a> {
    pub steps: Vec<Step>,
    pub children: Vec<usize>,
    pub leaves: Vec<Leaf<'a>>,
    /// Each leaf's unavailability, dense for the engine's sweeps.
    pub leaf_u: Vec<f64>,
    /// The leaves' JSON paths, back to back.
    pub path_segments: Vec<Segment<'a>>,
    /// Leaf index of each conditioned shared component.
    pub vars: Vec<usize>,
    pub warnings: Vec<Problem>,
}

impl Plan<'_> {
    pub(crate) fn root(&self) -> usize {
        self.steps.len() - 1
    }

    pub(crate) fn span(&self, span: Span) -> &[usize] {
        &self.children[span.start..span.start + span.len]
    }

    /// A leaf's JSON path, e.g. `root.serial.children[0].component`.
    pub(crate) fn path(&self, leaf: &Leaf<'_>) -> String {
        let mut text = String::new();
        let segments = &self.path_segments[leaf.path.start..leaf.path.start + leaf.path.len];
        let _ = write_path(&mut text, segments);
        text
    }
}

/// Validates `model` against `catalog` and flattens it.
pub(crate) fn plan<'a>(
    model: &'a Model,
    catalog: &'a Catalog,
    convention: Convention,
) -> Result<Plan<'a>, Vec<Problem>> {
    let mut builder = Builder {
        catalog,
        periods: convention.periods(),
        steps: Vec::new(),
        children: Vec::new(),
        leaves: Vec::new(),
        vars: Vec::new(),
        problems: Vec::new(),
        warnings: Vec::new(),
        ids: HashSet::default(),
        path: JsonPath::default(),
        path_segments: Vec::new(),
        pending: Vec::new(),
        shared_leaf: BTreeMap::new(),
        shared_var: BTreeMap::new(),
        node_count: 0,
    };
    let (uses, components) = census(&model.root);
    let leaves = components + model.shared.len();
    builder.leaves.reserve(leaves);
    builder.ids.reserve(leaves);
    builder.path_segments.reserve(leaves * 8);
    builder.declare_shared(model, &uses);
    builder.path.0.push(Segment::Field("root"));
    builder.node(&model.root, 0, (1, 1));
    builder.check_incidents(model);
    builder.check_cost(model);
    if builder.problems.is_empty() {
        Ok(Plan {
            steps: builder.steps,
            children: builder.children,
            leaf_u: builder
                .leaves
                .iter()
                .map(|l| l.availability.unavailability())
                .collect(),
            leaves: builder.leaves,
            path_segments: builder.path_segments,
            vars: builder.vars,
            warnings: builder.warnings,
        })
    } else {
        Err(builder.problems)
    }
}

/// Each leaf's index by its id. Built by inserting, not collecting, so that the package does
/// not carry a stable sort for it.
pub(crate) fn leaf_index<'p>(leaves: &'p [Leaf<'_>]) -> BTreeMap<&'p str, usize> {
    let mut index = BTreeMap::new();
    for (i, leaf) in leaves.iter().enumerate() {
        index.insert(&*leaf.id, i);
    }
    index
}

/// How often each shared key is used, counting every copy made by an enclosing `replicate`
/// (a reference inside two regions is used twice), and how many components the tree holds.
fn census(root: &Node) -> (BTreeMap<String, u64>, usize) {
    let mut uses = BTreeMap::new();
    let mut components = 0;
    let mut stack = vec![(root, 1u64)];
    while let Some((node, copies)) = stack.pop() {
        match node {
            Node::Serial(g) | Node::Parallel(g) => {
                stack.extend(g.children.iter().map(|c| (c, copies)));
            }
            Node::KOfN(k) => stack.extend(k.children.iter().map(|c| (c, copies))),
            Node::Failover(f) => stack.extend([(&*f.primary, copies), (&*f.standby, copies)]),
            Node::Replicate(r) => {
                stack.push((&r.child, copies.saturating_mul(u64::from(r.copies))));
            }
            Node::Component(_) => components += 1,
            Node::Shared(key) => *uses.entry(key.clone()).or_insert(0) += copies,
        }
    }
    (uses, components)
}

struct Builder<'a> {
    catalog: &'a Catalog,
    /// Seconds per period under the evaluation's convention.
    periods: Periods,
    steps: Vec<Step>,
    children: Vec<usize>,
    leaves: Vec<Leaf<'a>>,
    vars: Vec<usize>,
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
    /// Component ids seen so far.
    ids: HashSet<Cow<'a, str>, BuildHasherDefault<Fnv>>,
    /// Where the walk is.
    path: JsonPath<'a>,
    /// Every leaf's path, back to back.
    path_segments: Vec<Segment<'a>>,
    /// Child step indices of the groups being built (a stack shared by all levels).
    pending: Vec<usize>,
    shared_leaf: BTreeMap<String, usize>,
    shared_var: BTreeMap<String, usize>,
    node_count: usize,
}

impl<'a> Builder<'a> {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    /// A problem at the current path followed by `suffix` (e.g. `.k`).
    fn problem_here(&mut self, suffix: &str, message: impl Into<String>) {
        let path = format!("{}{suffix}", self.path);
        self.problem(path, message);
    }

    fn enter(&mut self, segment: Segment<'a>) {
        self.path.0.push(segment);
    }

    fn leave(&mut self) {
        self.path.0.pop();
    }

    fn declare_shared(&mut self, model: &'a Model, uses: &BTreeMap<String, u64>) {
        for (key, component) in &model.shared {
            self.path = JsonPath(vec![Segment::Field("shared"), Segment::Key(key)]);
            let count = uses.get(key).copied().unwrap_or(0);
            if count == 0 {
                self.warnings.push(Problem::new(
                    self.path.to_string(),
                    "defined but never referenced with {\"shared\": ...}",
                ));
            }
            if let Some(mut leaf) = self.leaf(component, Some(key), (1, 1)) {
                leaf.shared = true;
                self.shared_leaf.insert(key.clone(), self.leaves.len());
                if count > 1 {
                    self.shared_var.insert(key.clone(), self.vars.len());
                    self.vars.push(self.leaves.len());
                }
                self.leaves.push(leaf);
            }
        }
        self.path = JsonPath::default();
        if self.vars.len() > MAX_SHARED {
            self.problem(
                "shared",
                format!(
                    "{} shared components are referenced more than once; at most {MAX_SHARED} can be evaluated exactly",
                    self.vars.len()
                ),
            );
        }
    }

    fn push(&mut self, step: Step) -> usize {
        self.steps.push(step);
        self.steps.len() - 1
    }

    /// Moves `pending[from..]` into [`Plan::children`].
    fn span(&mut self, from: usize) -> Span {
        let start = self.children.len();
        self.children.extend(self.pending.drain(from..));
        Span {
            start,
            len: self.children.len() - start,
        }
    }

    /// Adds `node` (after its children) and returns its step index; on a problem it records it
    /// and returns a placeholder so that the rest of the tree is still checked. `self.path` is
    /// the node's JSON path.
    fn node(&mut self, node: &'a Node, depth: usize, copies: (u64, u32)) -> usize {
        self.node_count += 1;
        if self.node_count > MAX_NODES {
            if self.node_count == MAX_NODES + 1 {
                self.problem_here("", format!("model too large: more than {MAX_NODES} nodes"));
            }
            return self.push(Step::Leaf(0));
        }
        if depth > MAX_DEPTH {
            self.problem_here(
                "",
                format!("model too deep: groups nest more than {MAX_DEPTH} levels"),
            );
            return self.push(Step::Leaf(0));
        }
        self.enter(Segment::Field(node.kind()));
        let step = match node {
            Node::Serial(group) | Node::Parallel(group) => {
                if group.children.is_empty() {
                    self.problem_here(".children", "empty group: add at least one child");
                }
                let span = self.nodes(&group.children, depth, copies);
                if matches!(node, Node::Serial(_)) {
                    Step::Serial(span)
                } else {
                    Step::Parallel(span)
                }
            }
            Node::KOfN(kofn) => {
                let n = kofn.children.len();
                if n == 0 {
                    self.problem_here(".children", "empty group: add at least one child");
                } else if n > MAX_K_OF_N_CHILDREN {
                    self.problem_here(
                        ".children",
                        format!("{n} children; k_of_n takes at most {MAX_K_OF_N_CHILDREN}"),
                    );
                } else if kofn.k == 0 || kofn.k as usize > n {
                    self.problem_here(
                        ".k",
                        format!("k = {} must be between 1 and n = {n} children", kofn.k),
                    );
                }
                let children = self.nodes(&kofn.children, depth, copies);
                Step::KOfN {
                    k: kofn.k as usize,
                    children,
                }
            }
            Node::Failover(failover) => {
                let primary = self.child(&failover.primary, "primary", depth, copies);
                let standby = self.child(&failover.standby, "standby", depth, copies);
                let minutes = failover.switchover_minutes;
                if !(minutes.is_finite() && minutes >= 0.0) {
                    self.problem_here(
                        ".switchover_minutes",
                        format!(
                            "{} is not a duration in minutes (expected ≥ 0)",
                            Shown(minutes)
                        ),
                    );
                }
                let per_hour = self.failure_rate(failover);
                Step::Failover {
                    primary,
                    standby,
                    switch_loss: (per_hour * minutes / 60.0).clamp(0.0, 1.0),
                    switch_ms: (minutes.max(0.0) * 60_000.0).round() as i64,
                }
            }
            Node::Replicate(replicate) => {
                if replicate.copies == 0 || replicate.copies > MAX_COPIES {
                    self.problem_here(
                        ".copies",
                        format!(
                            "copies = {} must be between 1 and {MAX_COPIES}",
                            replicate.copies
                        ),
                    );
                }
                let copies_here = replicate.copies.max(1);
                let inner = (copies.0.saturating_mul(u64::from(copies_here)), copies_here);
                let child = self.child(&replicate.child, "child", depth, inner);
                Step::Replicate {
                    copies: copies_here,
                    child,
                }
            }
            Node::Component(component) => match self.leaf(component, None, copies) {
                Some(leaf) => {
                    self.leaves.push(leaf);
                    Step::Leaf(self.leaves.len() - 1)
                }
                None => Step::Leaf(0),
            },
            Node::Shared(key) => {
                if let Some(&var) = self.shared_var.get(key) {
                    Step::Var(var)
                } else if let Some(&leaf) = self.shared_leaf.get(key) {
                    Step::Leaf(leaf)
                } else {
                    self.problem_here(
                        "",
                        format!("unknown shared component {key:?}: define it under \"shared\""),
                    );
                    Step::Leaf(0)
                }
            }
        };
        self.leave();
        self.push(step)
    }

    /// One named child such as `primary`.
    fn child(
        &mut self,
        node: &'a Node,
        field: &'static str,
        depth: usize,
        copies: (u64, u32),
    ) -> usize {
        self.enter(Segment::Field(field));
        let step = self.node(node, depth + 1, copies);
        self.leave();
        step
    }

    /// A `children` list; returns its span.
    fn nodes(&mut self, nodes: &'a [Node], depth: usize, copies: (u64, u32)) -> Span {
        self.enter(Segment::Field("children"));
        let from = self.pending.len();
        for (i, child) in nodes.iter().enumerate() {
            self.enter(Segment::Index(i));
            let step = self.node(child, depth + 1, copies);
            self.pending.push(step);
            self.leave();
        }
        self.leave();
        self.span(from)
    }

    /// Primary failures per hour for a failover node.
    fn failure_rate(&mut self, failover: &crate::model::Failover) -> f64 {
        if let Some(per_year) = failover.incidents_per_year {
            if !(per_year.is_finite() && per_year >= 0.0) {
                self.problem_here(
                    ".incidents_per_year",
                    format!("{} is not a rate (expected ≥ 0)", Shown(per_year)),
                );
                return 0.0;
            }
            return per_year / (self.periods.year / 3600.0);
        }
        let mtbf = match &*failover.primary {
            Node::Component(c) => c.mtbf_hours.zip(c.mttr_hours),
            _ => None,
        };
        match mtbf {
            Some((mtbf, mttr)) if mtbf + mttr > 0.0 => 1.0 / (mtbf + mttr),
            _ => {
                self.problem_here(
                    ".incidents_per_year",
                    "required unless the primary is a component with mtbf_hours and mttr_hours",
                );
                0.0
            }
        }
    }

    /// The component at `self.path`; its id defaults to `default_id`, else to its path.
    fn leaf(
        &mut self,
        component: &'a Component,
        default_id: Option<&'a str>,
        (instances, innermost_copies): (u64, u32),
    ) -> Option<Leaf<'a>> {
        let id = match (&component.id, default_id) {
            (Some(id), _) => Cow::Borrowed(id.as_str()),
            (None, Some(id)) => Cow::Borrowed(id),
            (None, None) => Cow::Owned(self.path.to_string()),
        };
        if !self.ids.insert(id.clone()) {
            let previous = self.leaves.iter().find(|l| l.id == id).map_or(
                "another component".to_string(),
                |l| {
                    let mut text = String::new();
                    let span = &self.path_segments[l.path.start..l.path.start + l.path.len];
                    let _ = write_path(&mut text, span);
                    text
                },
            );
            let message = format!(
                "duplicate id {id:?} (also at {previous}); to use one component in several places, define it under \"shared\""
            );
            self.problem_here(".id", message);
        }
        let sources = [
            component.catalog.is_some(),
            component.sla.is_some(),
            component.availability.is_some(),
            component.mtbf_hours.is_some() || component.mttr_hours.is_some(),
        ]
        .iter()
        .filter(|&&given| given)
        .count();
        if sources != 1 {
            self.problem_here(
                "",
                "give exactly one of catalog, sla, availability, or mtbf_hours with mttr_hours",
            );
            return None;
        }
        let (origin, availability, sla) = if let Some(catalog_id) = &component.catalog {
            let Some(sla) = self.catalog.get(catalog_id) else {
                self.problem_here(
                    ".catalog",
                    format!("unknown catalog id {catalog_id:?} (see `nines catalog`)"),
                );
                return None;
            };
            (Origin::Catalog(catalog_id), sla.commitment, Some(sla))
        } else if let Some(sla) = &component.sla {
            for (field, message) in sla.problems() {
                self.problem_here(&format!(".sla.{field}"), message);
            }
            (Origin::InlineSla, sla.commitment, Some(&**sla))
        } else if let Some(availability) = component.availability {
            (Origin::Custom, availability, None)
        } else {
            (Origin::OnPrem, self.on_prem(component)?, None)
        };
        if component.maintenance_hours_per_month.is_some() && !matches!(origin, Origin::OnPrem) {
            self.problem_here(
                ".maintenance_hours_per_month",
                "only components given by mtbf_hours and mttr_hours take maintenance hours",
            );
        }
        if component.monthly_fee.is_some() && sla.is_none() {
            self.warnings.push(Problem::new(
                format!("{}.monthly_fee", self.path),
                "no SLA: this fee earns no service credits",
            ));
        }
        Some(Leaf {
            name: component.name.as_deref(),
            id,
            path: {
                let start = self.path_segments.len();
                self.path_segments.extend_from_slice(&self.path.0);
                Span {
                    start,
                    len: self.path.0.len(),
                }
            },
            origin,
            availability,
            sla,
            fee: component.monthly_fee,
            shared: false,
            instances,
            innermost_copies,
        })
    }

    /// Steady-state availability MTBF/(MTBF+MTTR), less planned maintenance.
    fn on_prem(&mut self, component: &Component) -> Option<Availability> {
        let positive = |v: Option<f64>| v.filter(|x| x.is_finite() && *x >= 0.0);
        let (Some(mtbf), Some(mttr)) = (
            positive(component.mtbf_hours),
            positive(component.mttr_hours),
        ) else {
            let field = if positive(component.mtbf_hours).is_none() {
                "mtbf_hours"
            } else {
                "mttr_hours"
            };
            self.problem_here(&format!(".{field}"), "required with the other (hours, ≥ 0)");
            return None;
        };
        if mtbf + mttr <= 0.0 {
            self.problem_here(".mtbf_hours", "mtbf_hours + mttr_hours must be positive");
            return None;
        }
        let repair = mttr / (mtbf + mttr);
        let month_hours = self.periods.month / 3600.0;
        let maintenance = match component.maintenance_hours_per_month {
            None => 0.0,
            Some(h) if h.is_finite() && (0.0..=month_hours).contains(&h) => h / month_hours,
            Some(h) => {
                self.problem_here(
                    ".maintenance_hours_per_month",
                    format!(
                        "{} is not between 0 and the {} hours of the month",
                        Shown(h),
                        Shown(month_hours)
                    ),
                );
                return None;
            }
        };
        Some(Availability::from_computed(
            repair + maintenance * (1.0 - repair),
        ))
    }

    /// Refuses models whose exact evaluation would take too long: the engine sweeps the plan
    /// once per up/down state of the shared components, and a scenario walks every replicated
    /// copy.
    fn check_cost(&mut self, model: &Model) {
        let sweeps = 1u64 << self.vars.len().min(63);
        let steps = self.steps.len() as u64;
        if self.vars.len() <= MAX_SHARED && sweeps.saturating_mul(steps) > MAX_WORK {
            self.problem(
                "shared",
                format!(
                    "{} shared components referenced more than once need 2^{} sweeps of {steps} steps: more than the {MAX_WORK} an exact evaluation may take; share fewer components or simplify the model",
                    self.vars.len(),
                    self.vars.len()
                ),
            );
        }
        let expanded: u64 = self.leaves.iter().map(|l| l.instances).sum();
        if !model.incidents.is_empty() && expanded > MAX_SCENARIO_INSTANCES {
            self.problem(
                "incidents",
                format!(
                    "a scenario walks every replicated copy: {expanded} component instances, at most {MAX_SCENARIO_INSTANCES}"
                ),
            );
        }
    }

    fn check_incidents(&mut self, model: &Model) {
        if model.incidents.len() > crate::model::MAX_INCIDENTS {
            self.problem(
                "incidents",
                format!(
                    "{} incidents; at most {}",
                    model.incidents.len(),
                    crate::model::MAX_INCIDENTS
                ),
            );
        }
        if model.incidents.is_empty() {
            return;
        }
        let known = leaf_index(&self.leaves);
        let mut problems = Vec::new();
        for (i, incident) in model.incidents.iter().enumerate() {
            if !known.contains_key(incident.component.as_str()) {
                problems.push(Problem::new(
                    format!("incidents[{i}].component"),
                    format!("unknown component id {:?}", incident.component),
                ));
            }
            if !(incident.minutes.is_finite() && incident.minutes >= 0.0) {
                problems.push(Problem::new(
                    format!("incidents[{i}].minutes"),
                    format!(
                        "{} is not a duration in minutes (expected ≥ 0)",
                        Shown(incident.minutes)
                    ),
                ));
            }
            if incident.copy == Some(0) {
                problems.push(Problem::new(
                    format!("incidents[{i}].copy"),
                    "copies are numbered from 1",
                ));
            }
        }
        self.problems.extend(problems);
    }
}

/// FNV-1a: ids are short, trusted to be unique-checked only, and SipHash's DoS resistance buys
/// nothing here (the caller already holds the whole model in memory).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &byte in bytes {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}
