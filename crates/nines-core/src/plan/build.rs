//! Validation: [`plan`] walks a [`Model`] once, checks every rule and flattens it into a
//! [`Plan`], or returns every problem with its JSON path.

use super::paths::PathStack;
use super::process::Process;
use super::{
    json_path, Alternative, Copies, GroupStep, Leaf, PathStep, Paths, Plan, Span, Step, Switchover,
};
use crate::availability::Availability;
use crate::calendar::Calendar;
use crate::catalog::Catalog;
use crate::convention::{Convention, Periods};
use crate::model::{
    Component, ComponentSource, Failover, Group, GroupKind, KOfN, Model, Node, Replicate,
    MAX_COPIES, MAX_DEPTH, MAX_INCIDENTS, MAX_K_OF_N_CHILDREN, MAX_NODES,
};
use crate::problem::{JsonPath, Problem, Problems};
use crate::sla::Sla;
use crate::text::decimal::Shown;
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Most component instances (replicated copies counted) an outage scenario may walk.
const MAX_SCENARIO_INSTANCES: u64 = 1_000_000;

/// Most alternatives one component may list.
pub const MAX_ALTERNATIVES: usize = 16;
/// The largest count a `copies_range` may reach.
pub const MAX_RANGE: u32 = 64;

/// What a plan is built for besides evaluation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    /// Record every `replicate`, `parallel` and `k_of_n` in [`Plan::groups`].
    pub groups: bool,
    /// Wrap the members of parallels (those with a `copies_range`, or all) in one-copy
    /// `replicate` steps, so that a member count is a step parameter.
    pub wrap: Wrap,
}

/// Which parallels' members [`Shape::wrap`] wraps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Wrap {
    #[default]
    None,
    Ranged,
    All,
}

/// Validates `model` against `catalog` and flattens it.
pub(crate) fn plan<'a>(
    model: &'a Model,
    catalog: &'a Catalog,
    convention: Convention,
) -> Result<Plan<'a>, Problems> {
    plan_with(model, catalog, convention, Shape::default())
}

/// [`plan`], shaped for decisions.
pub(crate) fn plan_with<'a>(
    model: &'a Model,
    catalog: &'a Catalog,
    convention: Convention,
    shape: Shape,
) -> Result<Plan<'a>, Problems> {
    let census = census(model);
    let mut builder = Builder::new(
        model,
        catalog,
        convention.periods(),
        census.components + model.shared.len() + model.domains.len(),
    );
    builder.shape = shape;
    builder.check_simulation_fields(model);
    builder.declare_domains(model, &census.domains);
    builder.declare_shared(model, &census.shared);
    builder.path.push(PathStep::Field("root"));
    builder.node(&model.root, 0, Copies::ONE);
    let by_id = builder.check_incidents(model);
    builder.check_cost(model);
    let business_calendar = builder.business_calendar(model);
    if !builder.problems.is_empty() {
        return Err(Problems(builder.problems));
    }
    let mut plan = Plan {
        leaf_u: builder
            .leaves
            .iter()
            .map(|l| l.availability.unavailability())
            .collect(),
        steps: builder.steps,
        children: builder.children,
        leaves: builder.leaves,
        paths: builder.paths,
        vars: builder.vars,
        switchovers: builder.switchovers,
        conditioning: Default::default(),
        by_id,
        business_calendar,
        groups: builder.groups,
        warnings: builder.warnings,
    };
    super::condition::condition(&mut plan).map_err(Problems::from)?;
    Ok(plan)
}

/// How often each shared key and each domain is used, counting every copy made by an enclosing
/// `replicate` (a reference inside two regions is used twice), and how many components the tree
/// holds.
struct Census<'a> {
    shared: BTreeMap<&'a str, u64>,
    domains: BTreeMap<&'a str, u64>,
    components: usize,
}

fn census(model: &Model) -> Census<'_> {
    let mut census = Census {
        shared: BTreeMap::new(),
        domains: BTreeMap::new(),
        components: 0,
    };
    let mut stack = vec![(&model.root, 1u64)];
    while let Some((node, copies)) = stack.pop() {
        let mut domains: &[String] = node.domains();
        match node {
            Node::Serial(g) | Node::Parallel(g) => {
                stack.extend(g.children.iter().map(|c| (c, copies)));
            }
            Node::KOfN(k) => stack.extend(k.children.iter().map(|c| (c, copies))),
            Node::Failover(f) => stack.extend([(&*f.primary, copies), (&*f.standby, copies)]),
            Node::Replicate(r) => {
                stack.push((&r.child, copies.saturating_mul(u64::from(r.copies))));
            }
            Node::Component(_) => census.components += 1,
            Node::Shared(key) => {
                *census.shared.entry(key.as_str()).or_insert(0) += copies;
                // A shared component lives in its definition's domains wherever it is used.
                domains = model.shared.get(key).map_or(&[], |c| &c.domains);
            }
        }
        for domain in domains {
            *census.domains.entry(domain.as_str()).or_insert(0) += copies;
        }
    }
    census
}

struct Builder<'a> {
    catalog: &'a Catalog,
    /// The model's calendars, for the SLAs that name one.
    calendars: &'a BTreeMap<String, Calendar>,
    /// Seconds per period under the evaluation's convention.
    periods: Periods,
    steps: Vec<Step>,
    children: Vec<usize>,
    leaves: Vec<Leaf<'a>>,
    vars: Vec<usize>,
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
    /// Component ids seen so far.
    ids: FxHashSet<Cow<'a, str>>,
    /// Where the walk is.
    path: PathStack<'a>,
    /// Every leaf's path.
    paths: Paths<'a>,
    /// Child step indices of the groups being built (a stack shared by all levels).
    pending: Vec<usize>,
    /// Labels of the failover nodes.
    switchovers: Vec<Switchover>,
    /// Step of each shared key: a [`Step::Var`] when used more than once, else a leaf; and the
    /// domains its definition lives in.
    shared_steps: BTreeMap<&'a str, (Step, &'a [String])>,
    /// Step and leaf of each domain, as for shared keys.
    domain_steps: BTreeMap<&'a str, (Step, usize)>,
    /// The domain leaves the walk is inside.
    domain_scope: Vec<usize>,
    /// The mean outage of components that give no failure process of their own, minutes.
    default_minutes: f64,
    node_count: usize,
    shape: Shape,
    /// The wrapped members of the parallel just built and each one's first leaf.
    pending_members: Option<(Vec<usize>, Vec<usize>)>,
    groups: Vec<GroupStep>,
}

impl<'a> Builder<'a> {
    fn new(model: &'a Model, catalog: &'a Catalog, periods: Periods, leaves: usize) -> Self {
        let mut ids = FxHashSet::default();
        ids.reserve(leaves);
        Self {
            catalog,
            calendars: &model.calendars,
            periods,
            steps: Vec::new(),
            children: Vec::new(),
            leaves: Vec::with_capacity(leaves),
            vars: Vec::new(),
            problems: Vec::new(),
            warnings: Vec::new(),
            ids,
            path: PathStack::default(),
            paths: Paths::default(),
            pending: Vec::new(),
            switchovers: Vec::new(),
            shared_steps: BTreeMap::new(),
            domain_steps: BTreeMap::new(),
            domain_scope: Vec::new(),
            default_minutes: super::process::DEFAULT_OUTAGE_MINUTES,
            node_count: 0,
            shape: Shape::default(),
            pending_members: None,
            groups: Vec::new(),
        }
    }

    /// The JSON path of the walk's position followed by `suffix` (e.g. `k`).
    fn here(&self, suffix: &[&str]) -> JsonPath {
        suffix
            .iter()
            .fold(json_path(self.path.steps()), |path, key| path.key(*key))
    }

    /// A wrong value at the current path followed by `suffix`.
    fn problem(&mut self, suffix: &[&str], message: impl Into<String>) {
        let path = self.here(suffix);
        self.problems.push(Problem::value(path, message));
    }

    fn warn(&mut self, suffix: &[&str], message: impl Into<String>) {
        let path = self.here(suffix);
        self.warnings.push(Problem::value(path, message));
    }

    /// Runs `f` with `step` appended to the path.
    fn within<T>(&mut self, step: PathStep<'a>, f: impl FnOnce(&mut Self) -> T) -> T {
        self.path.push(step);
        let result = f(self);
        self.path.pop();
        result
    }

    fn declare_shared(&mut self, model: &'a Model, uses: &BTreeMap<&str, u64>) {
        for (key, component) in &model.shared {
            self.path
                .reset(&[PathStep::Field("shared"), PathStep::Key(key)]);
            let count = uses.get(key.as_str()).copied().unwrap_or(0);
            if count == 0 {
                self.warn(&[], "defined but never referenced with {\"shared\": ...}");
            }
            self.domain_scope.clear();
            for (i, domain) in component.domains.iter().enumerate() {
                match self.domain_steps.get(domain.as_str()) {
                    Some(&(_, leaf)) => self.domain_scope.push(leaf),
                    None => {
                        let path = self.here(&["domains"]).index(i);
                        let message =
                            format!("unknown domain {domain:?}: define it under \"domains\"");
                        self.problems.push(Problem::value(path, message));
                    }
                }
            }
            let leaf = self.leaf(component, Some(key), Copies::ONE);
            self.domain_scope.clear();
            let Some(mut leaf) = leaf else {
                continue;
            };
            leaf.shared = true;
            let step = if count > 1 {
                self.vars.push(self.leaves.len());
                Step::Var(self.vars.len() - 1)
            } else {
                Step::Leaf(self.leaves.len())
            };
            self.shared_steps.insert(key, (step, &component.domains));
            self.leaves.push(leaf);
        }
        self.path.reset(&[]);
    }

    fn push(&mut self, step: Step) -> usize {
        self.steps.push(step);
        self.steps.len() - 1
    }

    /// Adds `node` (after its children) and returns its step index; on a problem it records it
    /// and returns a placeholder so that the rest of the tree is still checked. `self.path` is
    /// the node's JSON path.
    fn node(&mut self, node: &'a Node, depth: usize, copies: Copies) -> usize {
        self.node_count += 1;
        if self.node_count > MAX_NODES {
            if self.node_count == MAX_NODES + 1 {
                self.problem(&[], format!("model too large: more than {MAX_NODES} nodes"));
            }
            return self.push(Step::Leaf(0));
        }
        if depth > MAX_DEPTH {
            let message = format!("model too deep: groups nest more than {MAX_DEPTH} levels");
            self.problem(&[], message);
            return self.push(Step::Leaf(0));
        }
        let scope = self.domain_scope.len();
        for domain in node.domains() {
            if let Some(&(_, leaf)) = self.domain_steps.get(domain.as_str()) {
                self.domain_scope.push(leaf);
            }
        }
        let first_leaf = self.leaves.len();
        let step = self.within(PathStep::Field(node.kind()), |b| match node {
            Node::Serial(group) => Step::Serial(b.group(group, depth, copies, false)),
            Node::Parallel(group) => Step::Parallel(b.group(group, depth, copies, true)),
            Node::KOfN(kofn) => b.k_of_n(kofn, depth, copies),
            Node::Failover(failover) => b.failover(failover, depth, copies),
            Node::Replicate(replicate) => b.replicate(replicate, depth, copies),
            Node::Component(component) => b.component(component, copies),
            Node::Shared(key) => b.shared_reference(key),
        });
        self.domain_scope.truncate(scope);
        let at = self.push(step);
        if self.shape.groups {
            self.record_group(node, at, first_leaf);
        }
        self.in_domains(node, at)
    }

    /// Records a `replicate`, `parallel` or `k_of_n` at step `at` in [`Plan::groups`].
    fn record_group(&mut self, node: &'a Node, at: usize, first_leaf: usize) {
        let (kind, current, range) = match node {
            Node::Replicate(r) => (GroupKind::Replicate, r.copies, r.copies_range),
            Node::Parallel(g) => (GroupKind::Parallel, g.children.len() as u32, g.copies_range),
            Node::KOfN(k) => (GroupKind::KOfN, k.k, None),
            _ => return,
        };
        let (members, mut leaves) = match (node, self.pending_members.take()) {
            (Node::Parallel(_), Some((members, leaves))) => (members, leaves),
            _ => (Vec::new(), vec![first_leaf]),
        };
        leaves.push(self.leaves.len());
        let path = json_path(self.path.steps()).key(node.kind()).to_string();
        self.groups.push(GroupStep {
            path,
            kind,
            step: at,
            current,
            range,
            members,
            leaves,
        });
    }

    /// `step` in series with the domains `node` lives in.
    fn in_domains(&mut self, node: &'a Node, step: usize) -> usize {
        if node.domains().is_empty() {
            return step;
        }
        let from = self.pending.len();
        self.within(PathStep::Field(node.kind()), |b| {
            b.within(PathStep::Field("domains"), |b| {
                for (i, domain) in node.domains().iter().enumerate() {
                    match b.domain_steps.get(domain.as_str()).cloned() {
                        Some((d, _)) => {
                            let d = b.push(d);
                            b.pending.push(d);
                        }
                        None => b.within(PathStep::Index(i), |b| {
                            let message =
                                format!("unknown domain {domain:?}: define it under \"domains\"");
                            b.problem(&[], message);
                        }),
                    }
                }
            });
        });
        self.pending.push(step);
        let span = self.span_from(from);
        self.push(Step::Serial(span))
    }

    /// Moves `pending[from..]` into the plan's children.
    fn span_from(&mut self, from: usize) -> Span {
        let start = self.children.len();
        self.children.extend(self.pending.drain(from..));
        Span {
            start,
            len: self.children.len() - start,
        }
    }

    /// The children of a serial or parallel group.
    fn group(&mut self, group: &'a Group, depth: usize, copies: Copies, parallel: bool) -> Span {
        if group.children.is_empty() {
            self.problem(&["children"], "empty group: add at least one child");
        }
        match (group.copies_range, parallel) {
            (Some(_), false) => self.problem(
                &["copies_range"],
                "only a replicate or a parallel takes copies_range",
            ),
            (Some(range), true) => self.check_range(range),
            (None, _) => {}
        }
        let wrap = parallel
            && match self.shape.wrap {
                Wrap::None => false,
                Wrap::Ranged => group.copies_range.is_some(),
                Wrap::All => true,
            };
        if !wrap {
            return self.nodes(&group.children, depth, copies);
        }
        // Each member inside a one-copy replicate: its copies are the member's count.
        let from = self.pending.len();
        let mut leaves = Vec::with_capacity(group.children.len() + 1);
        self.within(PathStep::Field("children"), |b| {
            for (i, child) in group.children.iter().enumerate() {
                leaves.push(b.leaves.len());
                let step = b.within(PathStep::Index(i), |b| b.node(child, depth + 1, copies));
                let wrapper = b.push(Step::Replicate {
                    copies: 1,
                    child: step,
                });
                b.pending.push(wrapper);
            }
        });
        let members = self.pending[from..].to_vec();
        self.pending_members = Some((members, leaves));
        self.span_from(from)
    }

    /// Checks a `copies_range` at the current path.
    fn check_range(&mut self, [min, max]: [u32; 2]) {
        if min == 0 || min > max || max > MAX_RANGE {
            let message = format!(
                "[{min}, {max}] is not a range of copies: expected [min, max] with 1 ≤ min ≤ max ≤ {MAX_RANGE}"
            );
            self.problem(&["copies_range"], message);
        }
    }

    fn k_of_n(&mut self, kofn: &'a KOfN, depth: usize, copies: Copies) -> Step {
        let n = kofn.children.len();
        if n == 0 {
            self.problem(&["children"], "empty group: add at least one child");
        } else if n > MAX_K_OF_N_CHILDREN {
            let message = format!("{n} children; k_of_n takes at most {MAX_K_OF_N_CHILDREN}");
            self.problem(&["children"], message);
        } else if kofn.k == 0 || kofn.k as usize > n {
            let message = format!("k = {} must be between 1 and n = {n} children", kofn.k);
            self.problem(&["k"], message);
        }
        Step::KOfN {
            k: kofn.k as usize,
            children: self.nodes(&kofn.children, depth, copies),
        }
    }

    fn failover(&mut self, failover: &'a Failover, depth: usize, copies: Copies) -> Step {
        let primary = self.child(&failover.primary, "primary", depth, copies);
        let standby = self.child(&failover.standby, "standby", depth, copies);
        let minutes = failover.switchover_minutes;
        if !(minutes.is_finite() && minutes >= 0.0) {
            let message = format!(
                "{} is not a duration in minutes (expected ≥ 0)",
                Shown(minutes)
            );
            self.problem(&["switchover_minutes"], message);
        }
        let per_hour = self.failure_rate(failover);
        let label = match &failover.name {
            Some(name) => name.clone(),
            None => json_path(self.path.steps()).to_string(),
        };
        self.switchovers.push(Switchover {
            loss: (per_hour * minutes / 60.0).clamp(0.0, 1.0),
            ms: (minutes.max(0.0) * 60_000.0).round() as i64,
            label,
        });
        Step::Failover {
            primary,
            standby,
            switchover: self.switchovers.len() - 1,
        }
    }

    fn replicate(&mut self, replicate: &'a Replicate, depth: usize, copies: Copies) -> Step {
        if replicate.copies == 0 || replicate.copies > MAX_COPIES {
            let message = format!(
                "copies = {} must be between 1 and {MAX_COPIES}",
                replicate.copies
            );
            self.problem(&["copies"], message);
        }
        if let Some(range) = replicate.copies_range {
            self.check_range(range);
        }
        let here = replicate.copies.max(1);
        Step::Replicate {
            copies: here,
            child: self.child(&replicate.child, "child", depth, copies.times(here)),
        }
    }

    fn component(&mut self, component: &'a Component, copies: Copies) -> Step {
        match self.leaf(component, None, copies) {
            Some(leaf) => {
                self.leaves.push(leaf);
                Step::Leaf(self.leaves.len() - 1)
            }
            None => Step::Leaf(0),
        }
    }

    fn shared_reference(&mut self, key: &str) -> Step {
        let Some((step, domains)) = self.shared_steps.get(key).cloned() else {
            let message = format!("unknown shared component {key:?}: define it under \"shared\"");
            self.problem(&[], message);
            return Step::Leaf(0);
        };
        if domains.is_empty() {
            return step;
        }
        // In series with its definition's domains, at every use.
        let at = self.push(step);
        let from = self.pending.len();
        for domain in domains {
            if let Some((d, _)) = self.domain_steps.get(domain.as_str()).cloned() {
                let d = self.push(d);
                self.pending.push(d);
            }
        }
        self.pending.push(at);
        Step::Serial(self.span_from(from))
    }

    /// One named child such as `primary`.
    fn child(
        &mut self,
        node: &'a Node,
        field: &'static str,
        depth: usize,
        copies: Copies,
    ) -> usize {
        self.within(PathStep::Field(field), |b| b.node(node, depth + 1, copies))
    }

    /// A `children` list; returns its span.
    fn nodes(&mut self, nodes: &'a [Node], depth: usize, copies: Copies) -> Span {
        let from = self.pending.len();
        self.within(PathStep::Field("children"), |b| {
            for (i, child) in nodes.iter().enumerate() {
                let step = b.within(PathStep::Index(i), |b| b.node(child, depth + 1, copies));
                b.pending.push(step);
            }
        });
        self.span_from(from)
    }

    /// Primary failures per hour for a failover node.
    fn failure_rate(&mut self, failover: &Failover) -> f64 {
        if let Some(per_year) = failover.incidents_per_year {
            if !(per_year.is_finite() && per_year >= 0.0) {
                let message = format!("{} is not a rate (expected ≥ 0)", Shown(per_year));
                self.problem(&["incidents_per_year"], message);
                return 0.0;
            }
            return per_year / (self.periods.year / 3600.0);
        }
        let mtbf = match &*failover.primary {
            Node::Component(c) => {
                if !c.alternatives.is_empty() {
                    self.problem(
                        &["incidents_per_year"],
                        "required when the primary lists alternatives: they would change the failure rate it gives",
                    );
                }
                c.mtbf_hours.zip(c.mttr_hours)
            }
            _ => None,
        };
        match mtbf {
            Some((mtbf, mttr)) if mtbf + mttr > 0.0 => 1.0 / (mtbf + mttr),
            _ => {
                self.problem(
                    &["incidents_per_year"],
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
        copies: Copies,
    ) -> Option<Leaf<'a>> {
        let id = self.unique_id(component, default_id);
        let Some(source) = component.source() else {
            self.problem(
                &[],
                "give exactly one of catalog, sla, availability, or mtbf_hours with mttr_hours",
            );
            return None;
        };
        let (availability, sla) = self.availability(component, source)?;
        let calendar = sla.and_then(|sla| self.sla_calendar(sla, source));
        let u = availability.unavailability();
        let process = super::process::of_component(component, source, u, self.default_minutes)
            .unwrap_or_else(|problems| {
                self.field_problems(problems);
                Process::PERFECT
            });
        if component.maintenance_hours_per_month.is_some() && source != ComponentSource::OnPrem {
            self.problem(
                &["maintenance_hours_per_month"],
                "only components given by mtbf_hours and mttr_hours take maintenance hours",
            );
        }
        if component.monthly_fee.is_some() && sla.is_none() {
            self.warn(
                &["monthly_fee"],
                "no SLA: this fee earns no service credits",
            );
        }
        let alternatives = self.alternatives(component);
        let path = self.path.record(&mut self.paths);
        Some(Leaf {
            alternatives,
            name: component.name.as_deref(),
            id,
            path,
            source,
            availability,
            sla,
            calendar,
            fee: component.monthly_fee,
            shared: false,
            copies,
            process,
            domains: self.domain_scope.clone(),
        })
    }

    /// A component's alternatives, each checked at `alternatives[i]`.
    fn alternatives(&mut self, component: &'a Component) -> Vec<Alternative<'a>> {
        let list = &component.alternatives;
        if list.is_empty() {
            return Vec::new();
        }
        if list.len() > MAX_ALTERNATIVES {
            let message = format!("{} alternatives; at most {MAX_ALTERNATIVES}", list.len());
            self.problem(&["alternatives"], message);
        }
        if component.monthly_fee.is_none() {
            self.problem(
                &["monthly_fee"],
                "required with alternatives: the search compares fees (the catalog holds no prices)",
            );
        }
        self.within(PathStep::Field("alternatives"), |b| {
            list.iter()
                .enumerate()
                .filter_map(|(i, alt)| b.within(PathStep::Index(i), |b| b.alternative(alt)))
                .collect()
        })
    }

    /// One alternative at the current path.
    fn alternative(&mut self, alt: &'a Component) -> Option<Alternative<'a>> {
        for (given, field) in [
            (alt.id.is_some(), "id"),
            (!alt.domains.is_empty(), "domains"),
            (!alt.alternatives.is_empty(), "alternatives"),
        ] {
            if given {
                let message = format!(
                    "an alternative takes the component's place, {field} included: leave it out"
                );
                self.problem(&[field], message);
            }
        }
        let Some(fee) = alt.monthly_fee else {
            self.problem(
                &["monthly_fee"],
                "required: the search compares fees (the catalog holds no prices)",
            );
            return None;
        };
        let Some(source) = alt.source() else {
            self.problem(
                &[],
                "give exactly one of catalog, sla, availability, or mtbf_hours with mttr_hours",
            );
            return None;
        };
        let (availability, _) = self.availability(alt, source)?;
        let label = match (&alt.catalog, &alt.name) {
            (Some(id), _) => Cow::Borrowed(id.as_str()),
            (None, Some(name)) => Cow::Borrowed(name.as_str()),
            (None, None) => Cow::Owned(format!("{}%", availability.percent())),
        };
        Some(Alternative {
            availability,
            fee,
            label,
        })
    }

    fn field_problems(&mut self, problems: Vec<super::process::FieldProblem>) {
        for (suffix, message) in problems {
            self.problem(&suffix, message);
        }
    }

    /// Checks the model-wide fields of the risk simulation.
    fn check_simulation_fields(&mut self, model: &Model) {
        if let Some(minutes) = model.default_outage_minutes {
            if minutes.is_finite() && minutes > 0.0 {
                self.default_minutes = minutes;
            } else {
                let message = format!(
                    "{} is not a mean outage in minutes (expected > 0)",
                    Shown(minutes)
                );
                self.problems.push(Problem::value(
                    JsonPath::from("default_outage_minutes"),
                    message,
                ));
            }
        }
        if let Some(target) = model.target {
            let u = target.unavailability();
            if !(u > 0.0 && u < 1.0) {
                let message = format!("{target} is not a target between 0% and 100% (exclusive)");
                self.problems
                    .push(Problem::value(JsonPath::from("target"), message));
            }
        }
    }

    /// Every domain as a shared leaf: a var when used more than once.
    fn declare_domains(&mut self, model: &'a Model, uses: &BTreeMap<&str, u64>) {
        for (key, domain) in &model.domains {
            self.path
                .reset(&[PathStep::Field("domains"), PathStep::Key(key)]);
            let count = uses.get(key.as_str()).copied().unwrap_or(0);
            if count == 0 {
                self.warn(&[], "defined but no node lists it in \"domains\"");
            }
            let (availability, process) =
                match super::process::of_domain(domain, self.default_minutes) {
                    Ok(found) => found,
                    Err(problems) => {
                        self.field_problems(problems);
                        continue;
                    }
                };
            if !self.ids.insert(Cow::Borrowed(key)) {
                self.problem(
                    &[],
                    format!("duplicate id {key:?}: a domain and a component share it"),
                );
            }
            let step = if count > 1 {
                self.vars.push(self.leaves.len());
                Step::Var(self.vars.len() - 1)
            } else {
                Step::Leaf(self.leaves.len())
            };
            self.domain_steps.insert(key, (step, self.leaves.len()));
            let path = self.path.record(&mut self.paths);
            self.leaves.push(Leaf {
                id: Cow::Borrowed(key),
                name: domain.name.as_deref(),
                path,
                source: ComponentSource::Domain,
                availability,
                sla: None,
                calendar: None,
                fee: None,
                shared: true,
                copies: Copies::ONE,
                process,
                domains: Vec::new(),
                alternatives: Vec::new(),
            });
        }
        self.path.reset(&[]);
    }

    /// The component's id, checked to be unique.
    fn unique_id(&mut self, component: &'a Component, default: Option<&'a str>) -> Cow<'a, str> {
        let id = match (&component.id, default) {
            (Some(id), _) => Cow::Borrowed(id.as_str()),
            (None, Some(id)) => Cow::Borrowed(id),
            (None, None) => Cow::Owned(json_path(self.path.steps()).to_string()),
        };
        if !self.ids.insert(id.clone()) {
            let previous = self
                .leaves
                .iter()
                .find(|l| l.id == id)
                .map_or("another component".to_string(), |l| self.paths.text(l.path));
            let message = format!(
                "duplicate id {id:?} (also at {previous}); to use one component in several places, define it under \"shared\""
            );
            self.problem(&["id"], message);
        }
        id
    }

    /// The availability a source gives, and the SLA behind it.
    fn availability(
        &mut self,
        component: &'a Component,
        source: ComponentSource<'a>,
    ) -> Option<(Availability, Option<&'a Sla>)> {
        match (source, &component.sla, component.availability) {
            (ComponentSource::Catalog(id), ..) => {
                let Some(sla) = self.catalog.get(id) else {
                    let message = format!("unknown catalog id {id:?} (see `nines catalog`)");
                    self.problem(&["catalog"], message);
                    return None;
                };
                Some((sla.commitment, Some(sla)))
            }
            (ComponentSource::InlineSla, Some(sla), _) => {
                let here = self.here(&["sla"]);
                let problems = sla.problems().into_iter().map(|p| p.under(&here));
                self.problems.extend(problems);
                Some((sla.commitment, Some(&**sla)))
            }
            (ComponentSource::Custom, _, Some(availability)) => Some((availability, None)),
            _ => Some((self.on_prem(component)?, None)),
        }
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
            self.problem(&[field], "required with the other (hours, ≥ 0)");
            return None;
        };
        if mtbf + mttr <= 0.0 {
            self.problem(&["mtbf_hours"], "mtbf_hours + mttr_hours must be positive");
            return None;
        }
        let repair = mttr / (mtbf + mttr);
        let month_hours = self.periods.month / 3600.0;
        let maintenance = match component.maintenance_hours_per_month {
            None => 0.0,
            Some(h) if h.is_finite() && (0.0..=month_hours).contains(&h) => h / month_hours,
            Some(h) => {
                let message = format!(
                    "{} is not between 0 and the {} hours of the month",
                    Shown(h),
                    Shown(month_hours)
                );
                self.problem(&["maintenance_hours_per_month"], message);
                return None;
            }
        };
        Some(Availability::from_computed(
            repair + maintenance * (1.0 - repair),
        ))
    }

    /// Refuses models whose scenario would walk too many replicated copies (the engine's own
    /// limits are checked when it schedules its conditioning).
    fn check_cost(&mut self, model: &Model) {
        let expanded: u64 = self.leaves.iter().map(|l| l.copies.instances).sum();
        if !model.incidents.is_empty() && expanded > MAX_SCENARIO_INSTANCES {
            self.problems.push(Problem::value(
                JsonPath::from("incidents"),
                format!(
                    "a scenario walks every replicated copy: {expanded} component instances, at most {MAX_SCENARIO_INSTANCES}"
                ),
            ));
        }
    }

    /// The calendar an SLA is measured over, if it names one that is not 24×7 UTC; a problem
    /// when the model does not define it.
    fn sla_calendar(&mut self, sla: &Sla, source: ComponentSource) -> Option<&'a Calendar> {
        let id = sla.calendar.as_deref()?;
        match self.calendars.get(id) {
            Some(calendar) => (!calendar.is_trivial()).then_some(calendar),
            None => {
                let at: &[&str] = match source {
                    ComponentSource::Catalog(_) => &["catalog"],
                    _ => &["sla", "calendar"],
                };
                let message = format!(
                    "{} is measured over calendar {id:?}, which the model's calendars do not define",
                    sla.label()
                );
                self.problem(at, message);
                None
            }
        }
    }

    /// The business's calendar, if the model names one that is not 24×7 UTC.
    fn business_calendar(&mut self, model: &'a Model) -> Option<&'a Calendar> {
        let Some(id) = model.business_calendar.as_deref() else {
            if model.business_loss_per_hour_outside_hours.is_some() {
                self.problems.push(Problem::value(
                    JsonPath::from("business_loss_per_hour_outside_hours"),
                    "give business_calendar: the hours outside which this rate applies",
                ));
            }
            return None;
        };
        match model.calendars.get(id) {
            Some(calendar) => (!calendar.is_trivial()).then_some(calendar),
            None => {
                let message =
                    format!("unknown calendar {id:?}: define it in the model's calendars");
                self.problems
                    .push(Problem::value(JsonPath::from("business_calendar"), message));
                None
            }
        }
    }

    /// Checks the incidents and returns the leaves sorted by id (empty without incidents).
    fn check_incidents(&mut self, model: &Model) -> Vec<usize> {
        if model.incidents.len() > MAX_INCIDENTS {
            self.problems.push(Problem::value(
                JsonPath::from("incidents"),
                format!(
                    "{} incidents; at most {MAX_INCIDENTS}",
                    model.incidents.len()
                ),
            ));
        }
        if model.incidents.is_empty() {
            return Vec::new();
        }
        // By insertion into a map rather than a sort: the package links no sort for it.
        let mut index = BTreeMap::new();
        for (i, leaf) in self.leaves.iter().enumerate() {
            index.insert(&*leaf.id, i);
        }
        let by_id: Vec<usize> = index.into_values().collect();
        let known = |id: &str| {
            by_id
                .binary_search_by(|&leaf| (*self.leaves[leaf].id).cmp(id))
                .is_ok()
        };
        let mut problems = Vec::new();
        for (i, incident) in model.incidents.iter().enumerate() {
            let at = JsonPath::from("incidents").index(i);
            if !known(&incident.component) {
                let message = format!("unknown component id {:?}", incident.component);
                problems.push(Problem::value(at.clone().key("component"), message));
            }
            if !(incident.minutes.is_finite() && incident.minutes >= 0.0) {
                let message = format!(
                    "{} is not a duration in minutes (expected ≥ 0)",
                    Shown(incident.minutes)
                );
                problems.push(Problem::value(at.clone().key("minutes"), message));
            }
            if incident.copy == Some(0) {
                problems.push(Problem::value(at.key("copy"), "copies are numbered from 1"));
            }
        }
        self.problems.extend(problems);
        by_id
    }
}
