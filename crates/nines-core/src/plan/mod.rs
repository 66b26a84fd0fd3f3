//! The [`Plan`]: a validated model flattened into a post-order arena the engine sweeps. Built by
//! [`build::plan`], which checks the model and returns every problem with its JSON path.

pub(crate) mod build;
pub(crate) mod condition;
pub(crate) mod paths;
pub(crate) mod process;

use crate::availability::Availability;
use crate::calendar::Calendar;
use crate::model::{ComponentSource, GroupKind};
use crate::problem::{JsonPath, Problem};
use crate::sla::Sla;
use crate::text::money::Money;
use std::borrow::Cow;

pub(crate) use build::{plan, plan_with, Shape};
pub(crate) use paths::{json_path, PathId, PathStep, Paths};

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
        /// Index of its switchover in [`Plan::switchovers`].
        switchover: usize,
    },
    Replicate {
        copies: u32,
        child: usize,
    },
}

/// A failover's switchover, beside the steps so that a step stays 32 bytes (the sweeps read
/// every step: 48-byte steps took a sixth longer, 64-byte ones a third, measured).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Switchover {
    /// Fraction of time lost to switchovers: failure rate × switchover time.
    pub loss: f64,
    /// Switchover time in milliseconds, for scenarios.
    pub ms: i64,
    /// Its name, else its JSON path.
    pub label: String,
}

/// A run of indices in [`Plan::children`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: usize,
    pub len: usize,
}

impl Span {
    pub(crate) fn range(self) -> std::ops::Range<usize> {
        self.start..self.start + self.len
    }
}

/// How many instances of a node the architecture holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Copies {
    /// Product of the copies of every enclosing `replicate`.
    pub instances: u64,
    /// Copies of the innermost enclosing `replicate` (1 outside any).
    pub innermost: u32,
}

impl Copies {
    pub(crate) const ONE: Self = Self {
        instances: 1,
        innermost: 1,
    };

    /// Inside a further `replicate` of `copies`.
    pub(crate) fn times(self, copies: u32) -> Self {
        Self {
            instances: self.instances.saturating_mul(u64::from(copies)),
            innermost: copies,
        }
    }
}

/// A component as the engine sees it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Leaf<'a> {
    pub id: Cow<'a, str>,
    /// The display name, when the model gives one.
    pub name: Option<&'a str>,
    /// Its JSON path in [`Plan::paths`].
    pub path: PathId,
    pub source: ComponentSource<'a>,
    pub availability: Availability,
    pub sla: Option<&'a Sla>,
    /// The calendar its SLA is measured over (absent: every minute, UTC).
    pub calendar: Option<&'a Calendar>,
    pub fee: Option<Money>,
    pub shared: bool,
    pub copies: Copies,
    /// How it fails and recovers, for the risk simulation.
    pub process: process::Process,
    /// The configurations that could take its place (`alternatives`), validated.
    pub alternatives: Vec<Alternative<'a>>,
    /// The leaves of the failure domains it lives in (its own and its groups').
    pub domains: Vec<usize>,
}

impl Leaf<'_> {
    /// Copies of this component that a scenario tells apart: a shared component is one, a
    /// replicated one has its innermost replicate's copies.
    pub(crate) fn scenario_copies(&self) -> u32 {
        if self.shared {
            1
        } else {
            self.copies.innermost
        }
    }

    /// The SLA's fee for every instance of this component.
    pub(crate) fn instances_fee(&self, fee: Money) -> Money {
        Money::from_cents(
            fee.cents()
                .saturating_mul(i64::try_from(self.copies.instances).unwrap_or(i64::MAX)),
        )
    }
}

/// A validated alternative of a leaf: what it would give and cost.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Alternative<'a> {
    pub availability: Availability,
    pub fee: Money,
    /// Its catalog id, else its name, for people.
    pub label: Cow<'a, str>,
}

/// A `replicate`, `parallel` or `k_of_n` node, recorded when the plan is built for decisions
/// ([`Shape::groups`]).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct GroupStep {
    /// Its JSON path, e.g. `root.serial.children[1].replicate`.
    pub path: String,
    /// Which kind of group: what its count is (copies, members or `k`).
    pub kind: GroupKind,
    /// Its step (the top of its regrouping, for a regrouped parallel).
    pub step: usize,
    /// Its copies, members or `k` as written.
    pub current: u32,
    /// The `copies_range` it gives.
    pub range: Option<[u32; 2]>,
    /// A parallel's members, each wrapped in a one-copy `replicate` step whose copies say how
    /// many of it the design holds (plans built with [`Shape::wrap`]; empty otherwise).
    pub members: Vec<usize>,
    /// The leaves inside it: `leaves[0]..leaves[last]`, and for a parallel each member's first
    /// leaf in between (`leaves[j]..leaves[j + 1]` are member `j`'s).
    pub leaves: Vec<usize>,
}

/// A validated, flattened model.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Plan<'a> {
    pub steps: Vec<Step>,
    pub children: Vec<usize>,
    pub leaves: Vec<Leaf<'a>>,
    /// Each leaf's unavailability, dense for the engine's sweeps.
    pub leaf_u: Vec<f64>,
    /// The leaves' JSON paths.
    pub paths: Paths<'a>,
    /// Leaf index of each conditioned shared component.
    pub vars: Vec<usize>,
    /// Labels of the failover nodes (their names, else their JSON paths).
    pub switchovers: Vec<Switchover>,
    /// Where each var is summed out, and each step's scope (empty without vars).
    pub conditioning: condition::Conditioning,
    /// Leaf indices sorted by component id, for [`Plan::leaf_by_id`]; built only for models
    /// with incidents, which refer to components by id.
    pub by_id: Vec<usize>,
    /// The business's own hours (absent: every hour costs the same).
    pub business_calendar: Option<&'a Calendar>,
    /// Groups with a count, when built for decisions (empty otherwise).
    pub groups: Vec<GroupStep>,
    pub warnings: Vec<Problem>,
}

impl Plan<'_> {
    pub(crate) fn root(&self) -> usize {
        self.steps.len() - 1
    }

    /// The children of a serial, parallel or k-of-n step (0 for others).
    pub(crate) fn span_len(&self, step: usize) -> u32 {
        match self.steps[step] {
            Step::Serial(span) | Step::Parallel(span) | Step::KOfN { children: span, .. } => {
                span.len as u32
            }
            _ => 0,
        }
    }

    /// Each step's parent (the root's is itself).
    pub(crate) fn parents(&self) -> Vec<usize> {
        let mut parents: Vec<usize> = (0..self.steps.len()).collect();
        for (i, step) in self.steps.iter().enumerate() {
            for &child in condition::children(self, step).iter() {
                parents[child] = i;
            }
        }
        parents
    }

    pub(crate) fn span(&self, span: Span) -> &[usize] {
        &self.children[span.range()]
    }

    /// The label of a failover step.
    pub(crate) fn failover_label(&self, step: usize) -> String {
        match self.steps[step] {
            Step::Failover { switchover, .. } => self.switchovers[switchover].label.clone(),
            _ => String::new(),
        }
    }

    /// The leaf with this id (models with incidents only; see [`Plan::by_id`]).
    pub(crate) fn leaf_by_id(&self, id: &str) -> Option<usize> {
        self.by_id
            .binary_search_by(|&leaf| (*self.leaves[leaf].id).cmp(id))
            .ok()
            .map(|at| self.by_id[at])
    }

    /// A leaf's JSON path as a typed [`JsonPath`].
    pub(crate) fn json_path_of(&self, leaf: &Leaf<'_>) -> JsonPath {
        json_path(&self.paths.steps(leaf.path))
    }

    /// A leaf's JSON path as text, e.g. `root.serial.children[0].component`.
    pub(crate) fn path(&self, leaf: &Leaf<'_>) -> String {
        self.paths.text(leaf.path)
    }
}
