//! How a design fails: its minimal cut sets, the smallest sets of component failures that take
//! it down ("both zones of the database", "the identity provider alone"), up to an order.
//!
//! Computed bottom-up on the structure, as fault-tree tools do: a serial group fails by any
//! child's cut set (union), a parallel group by one of each child's (products), `k` of `n` by
//! `n − k + 1` children's, a `replicate` by every copy's (a copy's own components are distinct
//! failures, shared ones the same), a `failover` by its primary's and its standby's together, or
//! by the switchover itself (a failure of its own, whose probability is the fraction of time the
//! switchover loses). Sets above the order are dropped; sets that contain another are not
//! minimal and are dropped too. Each set's probability is the product of its failures'
//! unavailabilities (independent failures), and its share of `U` the first-order (rare-event)
//! approximation `P(set) / U`.

use crate::plan::{Plan, Step};
use crate::report::{CutSet, CutSetMember, CutSetReport};
use std::cmp::Ordering;

/// Most cut sets kept at any step: beyond it the least probable are dropped and the report says
/// the list is incomplete.
pub const MAX_CUT_SETS: usize = 20_000;
/// The highest order that may be asked for.
pub const MAX_ORDER: u32 = 6;

/// One failure: a component instance (a leaf, and the copy it is in within nested replicates,
/// outermost first) or a failover's switchover.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Failure {
    Component { leaf: usize, copy: Vec<u32> },
    Switchover { failover: usize, copy: Vec<u32> },
}

/// A set of failures, sorted.
type Set = Vec<Failure>;

/// The cut sets of `plan` up to `order`, most probable first, with `unavailability` its `U`.
pub(crate) fn cut_sets(plan: &Plan, unavailability: f64, order: u32) -> CutSetReport {
    let order = order.clamp(1, MAX_ORDER) as usize;
    let mut walk = Walk {
        plan,
        order,
        complete: true,
    };
    let root = walk.step(plan.root());
    let mut sets: Vec<(f64, Set)> = root
        .into_iter()
        .map(|set| (probability(plan, &set), set))
        .collect();
    crate::sort::sort_by(&mut sets, most_probable_first);
    CutSetReport {
        order: order as u32,
        complete: walk.complete,
        sets: sets
            .into_iter()
            .map(|(p, set)| CutSet {
                members: set.iter().map(|f| member(plan, f)).collect(),
                probability: crate::report::round12(p),
                share: if unavailability > 0.0 {
                    crate::report::round12(p / unavailability)
                } else {
                    0.0
                },
            })
            .collect(),
    }
}

struct Walk<'p, 'a> {
    plan: &'p Plan<'a>,
    order: usize,
    complete: bool,
}

impl Walk<'_, '_> {
    /// The minimal cut sets of a step, up to the order.
    fn step(&mut self, step: usize) -> Vec<Set> {
        let plan = self.plan;
        match plan.steps[step] {
            Step::Leaf(leaf) => vec![vec![Failure::Component {
                leaf,
                copy: Vec::new(),
            }]],
            Step::Var(v) => vec![vec![Failure::Component {
                leaf: plan.vars[v],
                copy: Vec::new(),
            }]],
            Step::Serial(span) => {
                let all: Vec<Set> = plan.span(span).iter().flat_map(|&c| self.step(c)).collect();
                self.minimal(all)
            }
            Step::Parallel(span) => {
                let kids: Vec<Vec<Set>> = plan.span(span).iter().map(|&c| self.step(c)).collect();
                self.all_of(kids)
            }
            Step::KOfN { k, children } => {
                let kids: Vec<Vec<Set>> =
                    plan.span(children).iter().map(|&c| self.step(c)).collect();
                let need = kids.len() + 1 - k;
                self.at_least(kids, need)
            }
            Step::Failover {
                primary,
                standby,
                switchover,
            } => {
                let kids = vec![self.step(primary), self.step(standby)];
                let mut sets = self.all_of(kids);
                if plan.switchovers[switchover].loss > 0.0 {
                    sets.push(vec![Failure::Switchover {
                        failover: step,
                        copy: Vec::new(),
                    }]);
                }
                self.minimal(sets)
            }
            Step::Replicate { copies, child } => {
                let inner = self.step(child);
                self.replicate(inner, copies)
            }
        }
    }

    /// Every copy failing: a copy's own failures are told apart by its copy number.
    fn replicate(&mut self, inner: Vec<Set>, copies: u32) -> Vec<Set> {
        if copies as usize > self.order {
            // Each copy needs a failure of its own unless the set is all shared failures.
            let shared = inner
                .into_iter()
                .filter(|set| set.iter().all(|f| !self.private(f)))
                .collect();
            return self.minimal(shared);
        }
        let kids: Vec<Vec<Set>> = (1..=copies)
            .map(|copy| {
                inner
                    .iter()
                    .map(|set| {
                        let mut tagged: Set = set.iter().map(|f| self.in_copy(f, copy)).collect();
                        crate::sort::sort(&mut tagged);
                        tagged
                    })
                    .collect()
            })
            .collect();
        self.all_of(kids)
    }

    /// Whether a failure belongs to one copy (a component not shared).
    fn private(&self, failure: &Failure) -> bool {
        match failure {
            Failure::Component { leaf, .. } => !self.plan.leaves[*leaf].shared,
            Failure::Switchover { .. } => true,
        }
    }

    fn in_copy(&self, failure: &Failure, copy: u32) -> Failure {
        let tagged = |path: &[u32]| {
            let mut tagged = vec![copy];
            tagged.extend_from_slice(path);
            tagged
        };
        match failure {
            Failure::Component { leaf, copy: path } if !self.plan.leaves[*leaf].shared => {
                Failure::Component {
                    leaf: *leaf,
                    copy: tagged(path),
                }
            }
            Failure::Switchover {
                failover,
                copy: path,
            } => Failure::Switchover {
                failover: *failover,
                copy: tagged(path),
            },
            other => other.clone(),
        }
    }

    /// Sets that fail every one of `kids`: one set of each, united.
    fn all_of(&mut self, kids: Vec<Vec<Set>>) -> Vec<Set> {
        let mut acc: Vec<Set> = vec![Vec::new()];
        for kid in kids {
            let mut next = Vec::new();
            for a in &acc {
                for b in &kid {
                    if let Some(union) = self.union(a, b) {
                        next.push(union);
                    }
                }
            }
            acc = self.minimal(next);
        }
        acc
    }

    /// Sets that fail at least `need` of `kids`.
    fn at_least(&mut self, kids: Vec<Vec<Set>>, need: usize) -> Vec<Set> {
        // failing[j]: sets failing at least j of the kids seen so far.
        let mut failing: Vec<Vec<Set>> = vec![Vec::new(); need + 1];
        failing[0] = vec![Vec::new()];
        for kid in kids {
            for j in (1..=need).rev() {
                let mut more = Vec::new();
                for a in &failing[j - 1] {
                    for b in &kid {
                        if let Some(union) = self.union(a, b) {
                            more.push(union);
                        }
                    }
                }
                more.append(&mut failing[j]);
                failing[j] = self.minimal(more);
            }
        }
        failing.pop().unwrap_or_default()
    }

    /// The union of two sorted sets, if within the order.
    fn union(&self, a: &Set, b: &Set) -> Option<Set> {
        let mut union = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let next = match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) if x == y => {
                    i += 1;
                    j += 1;
                    x
                }
                (Some(x), Some(y)) if x < y => {
                    i += 1;
                    x
                }
                (Some(x), None) => {
                    i += 1;
                    x
                }
                (_, Some(y)) => {
                    j += 1;
                    y
                }
                (None, None) => break,
            };
            union.push(next.clone());
            if union.len() > self.order {
                return None;
            }
        }
        Some(union)
    }

    /// The minimal sets among `sets` (no set containing another), at most [`MAX_CUT_SETS`].
    fn minimal(&mut self, mut sets: Vec<Set>) -> Vec<Set> {
        crate::sort::sort_by(&mut sets, smallest_first);
        sets.dedup();
        let mut kept: Vec<Set> = Vec::with_capacity(sets.len());
        for set in sets {
            if !kept.iter().any(|small| is_subset(small, &set)) {
                kept.push(set);
            }
        }
        if kept.len() > MAX_CUT_SETS {
            self.complete = false;
            // The most probable, in the report's order (ties by members), so that which sets
            // are kept does not depend on the sort.
            let mut scored: Vec<(f64, Set)> = kept
                .into_iter()
                .map(|set| (probability(self.plan, &set), set))
                .collect();
            crate::sort::sort_by(&mut scored, most_probable_first);
            scored.truncate(MAX_CUT_SETS);
            kept = scored.into_iter().map(|(_, set)| set).collect();
            crate::sort::sort_by(&mut kept, smallest_first);
        }
        kept
    }
}

/// The report's order: most probable first, then by members (a total order).
fn most_probable_first(a: &(f64, Set), b: &(f64, Set)) -> Ordering {
    b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1))
}

/// Smallest sets first, then by members (a total order).
fn smallest_first(a: &Set, b: &Set) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// Whether sorted `small` is contained in sorted `large`.
fn is_subset(small: &Set, large: &Set) -> bool {
    let mut rest = large.iter();
    small.iter().all(|f| rest.any(|g| g == f))
}

/// The probability that every failure of a set happens at once (independent failures).
fn probability(plan: &Plan, set: &Set) -> f64 {
    set.iter()
        .map(|f| match f {
            Failure::Component { leaf, .. } => plan.leaf_u[*leaf],
            Failure::Switchover { failover, .. } => match plan.steps[*failover] {
                Step::Failover { switchover, .. } => plan.switchovers[switchover].loss,
                _ => 0.0,
            },
        })
        .product()
}

fn member(plan: &Plan, failure: &Failure) -> CutSetMember {
    match failure {
        Failure::Component { leaf, copy } => CutSetMember {
            component: Some(plan.leaves[*leaf].id.to_string()),
            copy: copy.clone(),
            switchover: None,
        },
        Failure::Switchover { failover, copy } => CutSetMember {
            component: None,
            copy: copy.clone(),
            switchover: Some(plan.failover_label(*failover)),
        },
    }
}
