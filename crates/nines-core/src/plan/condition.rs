//! Where to condition on shared components: only where their uses meet.
//!
//! A shared component used more than once (a *var*) makes the branches that use it dependent.
//! The exact answer conditions on it: evaluate with the var up and with it down, and weigh the
//! two by its unavailability. Done for every var over the whole tree, that costs 2^m sweeps.
//! Done where it is needed, it costs almost nothing: a var is summed out at the smallest
//! subtree that holds all its uses (Dutuit & Rauzy's modules — everything outside sees one
//! number), so a step's value depends only on the vars used below it and summed out above it
//! (its *scope*), and the engine keeps a table of 2^|scope| values there, a plain number
//! elsewhere.
//!
//! Two rewrites keep scopes small:
//! - serial and parallel groups are associative and commutative, so a group whose children use
//!   vars is regrouped: the children without vars into one group, then the others joined two at a
//!   time in an order that lets each var be summed out as soon as all its uses are in;
//! - a var is never summed out below a step that is not linear in its children: inside a
//!   `replicate` (its copies share the var) or under the primary of a `failover` (whose switchover
//!   loss takes a minimum), it is summed out at that step. This keeps the answer exactly the
//!   conditioning over every var at once.

use super::{Plan, Span, Step};
use crate::problem::{JsonPath, Problem};

/// Most vars one step may be conditioned on together: a table of 2^20 values (8 MiB; with the
/// tables kept for the gradient, about 100 MiB at most in all).
pub const MAX_ENTANGLED: usize = 20;
/// Most table entries × gate inputs an exact evaluation may take: about a second.
const MAX_WORK: u64 = 200_000_000;
/// Groups with more children than this that use vars keep their order (the greedy order is
/// quadratic in the children).
const MAX_REORDERED: usize = 256;

/// For each step, the vars its value depends on and the vars summed out at it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Conditioning {
    /// Vars the step's value depends on, a span of `flat` (sorted; empty: a number).
    pub scope: Vec<Span>,
    /// Vars summed out at the step, after its gate, a span of `flat` (sorted).
    pub closed: Vec<Span>,
    pub flat: Vec<u32>,
}

impl Conditioning {
    pub(crate) fn scope(&self, step: usize) -> &[u32] {
        &self.flat[self.scope[step].range()]
    }

    pub(crate) fn closed(&self, step: usize) -> &[u32] {
        &self.flat[self.closed[step].range()]
    }
}

/// Regroups the plan's serial and parallel groups around its vars and schedules where each
/// var is summed out.
///
/// # Errors
/// A problem at `shared` naming the components when more than [`MAX_ENTANGLED`] must be
/// conditioned on together, or the tables would take too long.
pub(crate) fn condition(plan: &mut Plan) -> Result<(), Problem> {
    if plan.vars.is_empty() {
        return Ok(());
    }
    let uses = var_uses(plan);
    regroup(plan, &uses);
    let parents = plan.parents();
    let conditioning = schedule(plan, &parents);
    check_width(plan, &conditioning)?;
    plan.conditioning = conditioning;
    Ok(())
}

/// Per step, the vars used below it with how often, sorted by var (empty without vars).
fn var_uses(plan: &Plan) -> Vec<Vec<(u32, u32)>> {
    let mut uses: Vec<Vec<(u32, u32)>> = Vec::with_capacity(plan.steps.len());
    for step in &plan.steps {
        let mut mine = Vec::new();
        match *step {
            Step::Var(v) => mine.push((v as u32, 1)),
            Step::Leaf(_) => {}
            _ => {
                for &child in children(plan, step).iter() {
                    let theirs: &[(u32, u32)] = &uses[child];
                    if theirs.is_empty() {
                        continue;
                    }
                    mine = if mine.is_empty() {
                        theirs.to_vec()
                    } else {
                        merge_uses(&mine, theirs)
                    };
                }
            }
        }
        uses.push(mine);
    }
    uses
}

fn merge_uses(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut merged = Vec::with_capacity(a.len() + b.len());
    merge_each(a, b, |use_| merged.push(use_));
    merged
}

/// Calls `each` with every `(var, uses)` of `a` and `b` merged, in var order.
fn merge_each(a: &[(u32, u32)], b: &[(u32, u32)], mut each: impl FnMut((u32, u32))) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(&(va, na)), Some(&(vb, nb))) if va == vb => {
                each((va, na + nb));
                i += 1;
                j += 1;
            }
            (Some(&x), Some(&y)) if x.0 < y.0 => {
                each(x);
                i += 1;
            }
            (Some(&x), None) => {
                each(x);
                i += 1;
            }
            (_, Some(&y)) => {
                each(y);
                j += 1;
            }
            (None, None) => break,
        }
    }
}

/// The child steps of a step, in order, without allocating.
pub(crate) fn children<'p>(plan: &'p Plan, step: &Step) -> Children<'p> {
    match *step {
        Step::Leaf(_) | Step::Var(_) => Children::Inline([0; 2], 0),
        Step::Serial(span) | Step::Parallel(span) | Step::KOfN { children: span, .. } => {
            Children::Span(plan.span(span))
        }
        Step::Failover {
            primary, standby, ..
        } => Children::Inline([primary, standby], 2),
        Step::Replicate { child, .. } => Children::Inline([child, 0], 1),
    }
}

/// A step's children: a span of [`Plan::children`], or up to two steps of its own.
pub(crate) enum Children<'p> {
    Span(&'p [usize]),
    Inline([usize; 2], usize),
}

impl std::ops::Deref for Children<'_> {
    type Target = [usize];

    fn deref(&self) -> &[usize] {
        match self {
            Self::Span(span) => span,
            Self::Inline(steps, len) => &steps[..*len],
        }
    }
}

/// Rebuilds the arena with every serial or parallel group whose children use vars regrouped:
/// the var-free children into one group, the others joined two at a time.
fn regroup(plan: &mut Plan, uses: &[Vec<(u32, u32)>]) {
    let total: Vec<u32> = {
        let root = &uses[plan.root()];
        let mut total = vec![0; plan.vars.len()];
        for &(v, n) in root {
            total[v as usize] = n;
        }
        total
    };
    let old_steps = std::mem::take(&mut plan.steps);
    let old_children = std::mem::take(&mut plan.children);
    let mut new_index = Vec::with_capacity(old_steps.len());
    for (i, step) in old_steps.iter().enumerate() {
        // The span's children, renumbered, appended to the new arena.
        let kids = |plan: &mut Plan, span: Span| -> Span {
            let start = plan.children.len();
            let renumbered = old_children[span.range()].iter().map(|&c| new_index[c]);
            plan.children.extend(renumbered);
            Span {
                start,
                len: span.len,
            }
        };
        let placed = match *step {
            Step::Serial(span) | Step::Parallel(span) if span.len > 2 => {
                let serial = matches!(step, Step::Serial(_));
                let wide = Wide {
                    kids: &old_children[span.range()],
                    serial,
                };
                wide.regroup(plan, uses, &total, &new_index)
            }
            Step::Serial(span) => {
                let span = kids(plan, span);
                push(plan, Step::Serial(span))
            }
            Step::Parallel(span) => {
                let span = kids(plan, span);
                push(plan, Step::Parallel(span))
            }
            Step::KOfN { k, children } => {
                let span = kids(plan, children);
                push(plan, Step::KOfN { k, children: span })
            }
            Step::Failover {
                primary,
                standby,
                switchover,
            } => push(
                plan,
                Step::Failover {
                    primary: new_index[primary],
                    standby: new_index[standby],
                    switchover,
                },
            ),
            Step::Replicate { copies, child } => push(
                plan,
                Step::Replicate {
                    copies,
                    child: new_index[child],
                },
            ),
            Step::Leaf(_) | Step::Var(_) => push(plan, step.clone()),
        };
        debug_assert_eq!(new_index.len(), i);
        new_index.push(placed);
    }
    for group in &mut plan.groups {
        group.step = new_index[group.step];
        for member in &mut group.members {
            *member = new_index[*member];
        }
    }
}

/// A serial or parallel group of more than two children, before regrouping.
struct Wide<'k> {
    /// Its children's old step indices.
    kids: &'k [usize],
    serial: bool,
}

impl Wide<'_> {
    /// The group as nested pairs: its children without shared components in one group, then
    /// those with them one by one, in the greedy order; returns the new step.
    fn regroup(
        &self,
        plan: &mut Plan,
        uses: &[Vec<(u32, u32)>],
        total: &[u32],
        new_index: &[usize],
    ) -> usize {
        let with_vars: Vec<usize> = self
            .kids
            .iter()
            .copied()
            .filter(|&c| !uses[c].is_empty())
            .collect();
        let plain: Vec<usize> = self
            .kids
            .iter()
            .filter(|&&c| uses[c].is_empty())
            .map(|&c| new_index[c])
            .collect();
        if with_vars.is_empty() {
            return push_group(plan, self.serial, &plain);
        }
        let mut parts = Vec::with_capacity(with_vars.len() + 1);
        match plain.len() {
            0 => {}
            1 => parts.push(plain[0]),
            _ => parts.push(push_group(plan, self.serial, &plain)),
        }
        let ordered = greedy_order(&with_vars, uses, total);
        parts.extend(ordered.iter().map(|&c| new_index[c]));
        let mut acc = parts[0];
        for &part in &parts[1..] {
            acc = push_group(plan, self.serial, &[acc, part]);
        }
        acc
    }
}

fn push(plan: &mut Plan, step: Step) -> usize {
    plan.steps.push(step);
    plan.steps.len() - 1
}

fn push_children(plan: &mut Plan, kids: &[usize]) -> Span {
    let start = plan.children.len();
    plan.children.extend_from_slice(kids);
    Span {
        start,
        len: kids.len(),
    }
}

fn push_group(plan: &mut Plan, serial: bool, kids: &[usize]) -> usize {
    let span = push_children(plan, kids);
    push(
        plan,
        if serial {
            Step::Serial(span)
        } else {
            Step::Parallel(span)
        },
    )
}

/// The var-using children in an order that completes vars early: each next child is the one
/// that leaves the fewest vars open (used so far but not yet by all their uses).
fn greedy_order(kids: &[usize], uses: &[Vec<(u32, u32)>], total: &[u32]) -> Vec<usize> {
    if kids.len() > MAX_REORDERED {
        return kids.to_vec();
    }
    let mut left: Vec<usize> = kids.to_vec();
    let mut order = Vec::with_capacity(kids.len());
    let mut acc: Vec<(u32, u32)> = Vec::new();
    let complete = |use_: &(u32, u32)| use_.1 == total[use_.0 as usize];
    // Vars left open by adding `c`, counted without building the merged set. A kid that holds
    // every use of its vars shares none with `acc`, so it leaves open just what `acc` does.
    let open = |acc: &[(u32, u32)], c: usize, acc_open: usize| {
        if uses[c].iter().all(complete) {
            return acc_open;
        }
        let mut count = 0;
        merge_each(acc, &uses[c], |(v, n)| {
            count += usize::from(n < total[v as usize])
        });
        count
    };
    while !left.is_empty() {
        let acc_open = acc.iter().filter(|use_| !complete(use_)).count();
        let (at, _) = left
            .iter()
            .enumerate()
            .map(|(at, &c)| (at, (open(&acc, c, acc_open), uses[c].len())))
            .min_by_key(|&(_, key)| key)
            .unwrap_or((0, (0, 0)));
        let next = left.remove(at);
        acc = merge_uses(&acc, &uses[next]);
        order.push(next);
    }
    order
}

/// Where each var is summed out, and each step's scope.
fn schedule(plan: &Plan, parents: &[usize]) -> Conditioning {
    let n = plan.steps.len();
    let mut refs: Vec<Vec<usize>> = vec![Vec::new(); plan.vars.len()];
    for (i, step) in plan.steps.iter().enumerate() {
        if let Step::Var(v) = *step {
            refs[v].push(i);
        }
    }
    let depth = depths(parents);
    let mut scopes: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut closed: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut marked = vec![u32::MAX; n];
    for (v, uses) in refs.iter().enumerate() {
        let Some(&first) = uses.first() else { continue };
        let lca = uses[1..]
            .iter()
            .fold(first, |a, &b| common_ancestor(parents, &depth, a, b));
        let at = summed_out_at(plan, parents, lca);
        closed[at].push(v as u32);
        for &use_at in uses {
            let mut step = use_at;
            while step != at && marked[step] != v as u32 {
                marked[step] = v as u32;
                scopes[step].push(v as u32);
                step = parents[step];
            }
        }
    }
    let mut conditioning = Conditioning::default();
    for (scope, closed_here) in scopes.iter().zip(&closed) {
        let start = conditioning.flat.len();
        conditioning.flat.extend(scope);
        conditioning.scope.push(Span {
            start,
            len: scope.len(),
        });
        let start = conditioning.flat.len();
        conditioning.flat.extend(closed_here);
        conditioning.closed.push(Span {
            start,
            len: closed_here.len(),
        });
    }
    conditioning
}

fn depths(parents: &[usize]) -> Vec<u32> {
    // Parents follow their children in the arena: fill from the root down.
    let mut depth = vec![0; parents.len()];
    for i in (0..parents.len()).rev() {
        if parents[i] != i {
            depth[i] = depth[parents[i]] + 1;
        }
    }
    depth
}

fn common_ancestor(parents: &[usize], depth: &[u32], mut a: usize, mut b: usize) -> usize {
    while depth[a] > depth[b] {
        a = parents[a];
    }
    while depth[b] > depth[a] {
        b = parents[b];
    }
    while a != b {
        a = parents[a];
        b = parents[b];
    }
    a
}

/// The step at which a var whose uses meet at `lca` is summed out: `lca`, or the highest
/// `replicate` above it (its copies share the var) or `failover` whose primary holds it (its
/// switchover loss is not linear in the primary).
fn summed_out_at(plan: &Plan, parents: &[usize], lca: usize) -> usize {
    let (mut at, mut below) = (lca, lca);
    let mut step = parents[lca];
    while step != below {
        match plan.steps[step] {
            Step::Replicate { .. } => at = step,
            Step::Failover { primary, .. } if primary == below => at = step,
            _ => {}
        }
        below = step;
        step = parents[step];
    }
    at
}

/// Refuses conditioning that would need too large tables or too long.
fn check_width(plan: &Plan, conditioning: &Conditioning) -> Result<(), Problem> {
    let mut work: u64 = 0;
    let mut widest = (0, 0);
    for (i, step) in plan.steps.iter().enumerate() {
        let width = conditioning.scope[i].len + conditioning.closed[i].len;
        if width > widest.1 {
            widest = (i, width);
        }
        let inputs = children(plan, step).len() as u64 + 1;
        work = work.saturating_add(inputs.saturating_mul(1u64 << width.min(63)));
    }
    let (step, width) = widest;
    if width <= MAX_ENTANGLED && work <= MAX_WORK {
        return Ok(());
    }
    // Summed out at the step or above it: both lists are sorted, and the names need no order.
    let mut vars: Vec<u32> = conditioning.scope(step).to_vec();
    vars.extend_from_slice(conditioning.closed(step));
    let mut names: Vec<String> = vars
        .iter()
        .take(8)
        .map(|&v| format!("{:?}", &*plan.leaves[plan.vars[v as usize]].id))
        .collect();
    if vars.len() > names.len() {
        names.push(format!("and {} more", vars.len() - names.len()));
    }
    let message = if width > MAX_ENTANGLED {
        format!(
            "{width} shared components must be conditioned on together ({}): their uses are spread over branches that depend on each other; nines evaluates at most {MAX_ENTANGLED} together exactly — share fewer of them across those branches",
            names.join(", ")
        )
    } else {
        format!(
            "conditioning on the shared components ({}) would take {work} table operations, more than the {MAX_WORK} an exact evaluation may take; share fewer components or simplify the model",
            names.join(", ")
        )
    };
    Err(Problem::value(JsonPath::from("shared"), message))
}
