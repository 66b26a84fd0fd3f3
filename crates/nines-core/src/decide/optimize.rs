//! The search: every combination of alternatives and counts (`copies_range`), evaluated by the
//! exact engine on one validated plan, for the cheapest design that meets a target and the
//! Pareto frontier of monthly fee against availability.
//!
//! Up to [`EXHAUSTIVE_LIMIT`] combinations are all evaluated. Beyond, a depth-first branch and
//! bound: U is monotone in every leaf's unavailability and every count, and the fee in every
//! option's fee and count, so a partial design with its undecided choices at their most
//! available gives an upper bound of availability, and at their cheapest a lower bound of fee.
//! A branch whose bounds are dominated by a design already found holds nothing new. The search
//! is resumable ([`Search`]) so that a browser can run it in chunks: the same evaluations in
//! the same order, however it is cut.

use super::groups::set_count;
use super::what_if::WhatIf;
use super::{target, DecideOptions};
use crate::catalog::Catalog;
use crate::model::{GroupKind, Model};
use crate::plan::build::Wrap;
use crate::plan::{plan_with, Shape};
use crate::problem::{Problem, Problems};
use crate::report::{Choice, Design, OptimizeAnswer};
use crate::text::money::Money;

/// Searches of at most this many combinations evaluate every one.
pub const EXHAUSTIVE_LIMIT: u64 = 1_000_000;
/// Most combinations a model may offer the search.
pub const MAX_COMBINATIONS: u64 = 1_000_000_000_000;
/// Most evaluations a branch-and-bound search makes before it stops (`optimal: false`).
pub const MAX_EVALUATIONS: u64 = 20_000_000;
/// Most frontier designs an answer lists (spread evenly over the nines).
const FRONTIER_SHOWN: usize = 100;

/// One decision: a leaf's configuration or a group's count.
#[derive(Clone, Debug)]
struct Decision {
    id: String,
    what: What,
    /// By fee, then availability: `(choice, unavailability or count, fee in cents, label)`.
    options: Vec<Opt>,
    /// The index in `options` of the best availability.
    best: usize,
    /// The choice as written.
    written: u32,
}

#[derive(Clone, Copy, Debug)]
enum What {
    Leaf(usize),
    Count(usize),
}

#[derive(Clone, Debug)]
struct Opt {
    choice: u32,
    /// The leaf's unavailability, or the count.
    value: f64,
    /// Fee per instance, cents (leaves).
    fee: i64,
    label: String,
}

/// One leaf's part of the fee: its fee times its instances, some chosen.
#[derive(Clone, Debug)]
struct FeeTerm {
    /// The decision that picks its fee, or its fixed fee in cents.
    fee: Result<usize, i64>,
    /// Instances outside any count decision.
    constant: i64,
    /// Count decisions above it, with its member index for a parallel.
    factors: Vec<(usize, Option<u32>)>,
}

/// A found design.
#[derive(Clone, Debug, PartialEq)]
struct Point {
    fee: i64,
    u: f64,
    choices: Vec<u16>,
}

/// Where a search is: resumable by [`Optimizer::step`] with any optimizer of the same model.
#[derive(Clone, Debug, Default)]
pub struct Search {
    depth: usize,
    /// The next option to try at each depth.
    next: Vec<u16>,
    frontier: Vec<Point>,
    evaluated: u64,
    finished: bool,
    cut: bool,
}

impl Search {
    /// Whether the search is over.
    pub fn finished(&self) -> bool {
        self.finished
    }

    /// Evaluations so far.
    pub fn evaluated(&self) -> u64 {
        self.evaluated
    }
}

/// A model ready to search: its decisions and a plan to evaluate them on.
pub struct Optimizer<'a> {
    what_if: WhatIf<'a>,
    decisions: Vec<Decision>,
    terms: Vec<FeeTerm>,
    goal: f64,
    target: f64,
    currency: String,
    combinations: u64,
    /// The option each decision has in `what_if`.
    applied: Vec<Option<u16>>,
    current: Point,
    exhaustive_limit: u64,
}

impl<'a> Optimizer<'a> {
    /// Validates `model` and lists its decisions: each component's alternatives and each
    /// `copies_range`.
    ///
    /// # Errors
    /// [`Problems`] as for [`crate::evaluate`]; a missing target or one outside (0, 100); more
    /// than [`MAX_COMBINATIONS`] combinations.
    pub fn new(
        model: &'a Model,
        catalog: &'a Catalog,
        options: &DecideOptions,
    ) -> Result<Self, Problems> {
        let shape = Shape {
            groups: true,
            wrap: Wrap::Ranged,
        };
        let (target, plan) = super::both(
            target(model, options),
            plan_with(model, catalog, options.convention, shape),
        )?;
        let decisions = decisions(&plan);
        let combinations = decisions
            .iter()
            .fold(1u64, |n, d| n.saturating_mul(d.options.len() as u64));
        if combinations > MAX_COMBINATIONS {
            let message = format!(
                "{combinations} combinations of alternatives and copies ranges; the search takes at most {MAX_COMBINATIONS}: narrow a copies_range or drop alternatives"
            );
            return Err(Problem::value("root", message).into());
        }
        let terms = fee_terms(&plan, &decisions);
        let what_if = WhatIf::new(plan);
        let mut this = Self {
            applied: vec![None; decisions.len()],
            current: Point {
                fee: 0,
                u: what_if.value(),
                choices: Vec::new(),
            },
            what_if,
            decisions,
            terms,
            goal: target.unavailability(),
            target: target.percent_number(),
            currency: model.currency.clone(),
            combinations,
            exhaustive_limit: EXHAUSTIVE_LIMIT,
        };
        this.current.fee = this.fee(|d| this.written_fee(d), |d| this.decisions[d].written);
        // The search starts with every choice at its most available.
        for d in 0..this.decisions.len() {
            this.set(d, this.decisions[d].best);
        }
        Ok(this)
    }

    /// Searches with more combinations than `limit` use bounds (default
    /// [`EXHAUSTIVE_LIMIT`]; 0 always bounds: for tests and tuning).
    pub fn set_exhaustive_limit(&mut self, limit: u64) {
        self.exhaustive_limit = limit;
    }

    /// Combinations of choices in all (saturating).
    pub fn combinations(&self) -> u64 {
        self.combinations
    }

    /// A search from the start.
    pub fn start(&self) -> Search {
        Search {
            next: vec![0; self.decisions.len()],
            ..Search::default()
        }
    }

    /// Runs the search to its end and answers.
    pub fn run(&mut self) -> OptimizeAnswer {
        let mut search = self.start();
        while !self.step(&mut search, u64::MAX) {}
        self.answer(&search)
    }

    /// Makes about `budget` more evaluations; returns whether the search is over.
    pub fn step(&mut self, search: &mut Search, budget: u64) -> bool {
        let m = self.decisions.len();
        if search.finished {
            return true;
        }
        if m == 0 {
            search.evaluated += 1;
            let only = Point {
                choices: Vec::new(),
                ..self.current.clone()
            };
            insert(&mut search.frontier, only);
            search.finished = true;
            return true;
        }
        self.sync(search);
        let prune = self.combinations > self.exhaustive_limit;
        let stop = search.evaluated.saturating_add(budget.max(1));
        while search.evaluated < stop {
            if prune && search.evaluated >= MAX_EVALUATIONS {
                (search.cut, search.finished) = (true, true);
                break;
            }
            let d = search.depth;
            let o = usize::from(search.next[d]);
            if o == self.decisions[d].options.len() {
                self.apply(d, None);
                search.next[d] = 0;
                if d == 0 {
                    search.finished = true;
                    break;
                }
                search.depth -= 1;
                continue;
            }
            search.next[d] += 1;
            self.apply(d, Some(o));
            search.evaluated += u64::from(d + 1 == m || prune);
            if d + 1 == m {
                let (fee, u) = (self.fee_now(search, m), self.what_if.value());
                // Most designs are dominated: their choices are never copied.
                if !dominated(&search.frontier, fee, u) {
                    let choices = search.next.iter().map(|&n| n - 1).collect();
                    insert(&mut search.frontier, Point { fee, u, choices });
                }
            } else if !prune
                || !dominated(
                    &search.frontier,
                    self.fee_now(search, d + 1),
                    self.what_if.value(),
                )
            {
                search.depth += 1;
            }
        }
        search.finished
    }

    /// The answer from what `search` found so far.
    pub fn answer(&self, search: &Search) -> OptimizeAnswer {
        let cheapest = search.frontier.iter().find(|p| p.u <= self.goal);
        OptimizeAnswer {
            target: self.target,
            optimal: search.finished && !search.cut,
            evaluated: search.evaluated,
            combinations: self.combinations,
            currency: self.currency.clone(),
            current: self.design(&self.current),
            cheapest: cheapest.map(|p| self.design(p)),
            frontier: shown(&search.frontier, cheapest)
                .into_iter()
                .map(|p| self.design(p))
                .collect(),
        }
    }

    /// Puts `what_if` where `search` is: the decisions above its depth as chosen, the others at
    /// their most available.
    fn sync(&mut self, search: &Search) {
        for d in 0..self.decisions.len() {
            let setting = (d < search.depth).then(|| usize::from(search.next[d]) - 1);
            self.apply(d, setting);
        }
    }

    /// Sets decision `d` to option `setting`, or to its most available (`None`).
    fn apply(&mut self, d: usize, setting: Option<usize>) {
        let option = setting.unwrap_or(self.decisions[d].best);
        if self.applied[d] != Some(option as u16) {
            self.set(d, option);
        }
    }

    fn set(&mut self, d: usize, option: usize) {
        let decision = &self.decisions[d];
        let value = decision.options[option].value;
        match decision.what {
            What::Leaf(leaf) => self.what_if.set_leaf(leaf, value),
            What::Count(g) => {
                let group = self.what_if.plan.groups[g].clone();
                set_count(&mut self.what_if, &group, value as u32);
            }
        }
        self.applied[d] = Some(option as u16);
    }

    /// The fee with the first `assigned` decisions as `search` chose them and the others at
    /// their cheapest (a lower bound of every completion).
    fn fee_now(&self, search: &Search, assigned: usize) -> i64 {
        let option = |d: usize| {
            let o = if d < assigned {
                usize::from(search.next[d]) - 1
            } else {
                0
            };
            &self.decisions[d].options[o]
        };
        self.fee(|d| option(d).fee, |d| option(d).value as u32)
    }

    /// The fee of the leaf decision `d` as written.
    fn written_fee(&self, d: usize) -> i64 {
        self.decisions[d]
            .options
            .iter()
            .find(|o| o.choice == 0)
            .map_or(0, |o| o.fee)
    }

    /// Σ fee × instances, given each leaf decision's fee and each count decision's count.
    fn fee(&self, fee_of: impl Fn(usize) -> i64, count_of: impl Fn(usize) -> u32) -> i64 {
        self.terms.iter().fold(0i64, |total, term| {
            let fee = match term.fee {
                Ok(d) => fee_of(d),
                Err(fixed) => fixed,
            };
            let times = term.factors.iter().fold(term.constant, |n, &(d, member)| {
                let count = count_of(d);
                product(n, i64::from(multiplier(count, member, self.members(d))))
            });
            total.saturating_add(product(fee, times))
        })
    }

    /// The members a count decision's parallel has as written (0 for a replicate).
    fn members(&self, d: usize) -> u32 {
        match self.decisions[d].what {
            What::Count(g) => self.what_if.plan.groups[g].members.len() as u32,
            What::Leaf(_) => 0,
        }
    }

    fn design(&self, point: &Point) -> Design {
        let choices = point
            .choices
            .iter()
            .zip(&self.decisions)
            .map(|(&o, d)| (&d.options[usize::from(o)], d))
            .filter(|(o, d)| o.choice != d.written)
            .map(|(o, d)| Choice {
                id: d.id.clone(),
                choice: o.choice,
                label: o.label.clone(),
            })
            .collect();
        Design {
            monthly_fee: Money::from_cents(point.fee),
            availability: 1.0 - point.u,
            choices,
        }
    }
}

/// `a × b`, saturating. One plain multiplication when it cannot overflow (every real fee in
/// cents and count): in wasm, `i64::saturating_mul` calls a 128-bit multiply, which made up a
/// fifth of `optimize` there (Node's profiler, measured).
fn product(a: i64, b: i64) -> i64 {
    if a.unsigned_abs() < 1 << 31 && b.unsigned_abs() < 1 << 32 {
        a * b
    } else {
        a.saturating_mul(b)
    }
}

/// How many of a leaf a count makes: the count itself inside a replicate; inside member
/// `j` of a parallel of `n`, one for its first members, `count − (n − 1)` for its last.
fn multiplier(count: u32, member: Option<u32>, n: u32) -> u32 {
    match member {
        None => count,
        Some(j) if j + 1 == n => count.saturating_sub(n - 1),
        Some(j) => u32::from(j < count),
    }
}

/// Whether a design found is at least as cheap and as available as `(fee, u)`.
fn dominated(frontier: &[Point], fee: i64, u: f64) -> bool {
    let at = frontier.partition_point(|p| p.fee <= fee);
    at > 0 && frontier[at - 1].u <= u
}

/// Adds a design to the frontier (by fee, availability rising) unless one found dominates it,
/// and drops those it dominates.
fn insert(frontier: &mut Vec<Point>, point: Point) {
    if dominated(frontier, point.fee, point.u) {
        return;
    }
    let at = frontier.partition_point(|p| p.fee < point.fee);
    let end = at + frontier[at..].iter().take_while(|q| q.u >= point.u).count();
    frontier.splice(at..end, [point]);
}

/// At most [`FRONTIER_SHOWN`] designs of the frontier, spread evenly over the nines (the
/// cheapest reaching each step), always with the cheapest that meets the target.
fn shown<'p>(frontier: &'p [Point], cheapest: Option<&'p Point>) -> Vec<&'p Point> {
    if frontier.len() <= FRONTIER_SHOWN {
        return frontier.iter().collect();
    }
    let nines = |p: &Point| -libm::log10(p.u.max(1e-300));
    let (low, high) = (nines(&frontier[0]), nines(&frontier[frontier.len() - 1]));
    let mut picked: Vec<usize> = (0..FRONTIER_SHOWN)
        .filter_map(|i| {
            let level = low + (high - low) * i as f64 / (FRONTIER_SHOWN - 1) as f64;
            frontier.iter().position(|p| nines(p) >= level)
        })
        .collect();
    if let Some(c) = cheapest.and_then(|c| frontier.iter().position(|p| p == c)) {
        picked.push(c);
    }
    picked.sort_unstable();
    picked.dedup();
    picked.into_iter().map(|i| &frontier[i]).collect()
}

/// The decisions of a plan built for them: each ranged group's count, then each leaf with
/// alternatives, options by fee (then availability).
fn decisions(plan: &crate::plan::Plan<'_>) -> Vec<Decision> {
    let mut list = Vec::new();
    for (g, group) in plan.groups.iter().enumerate() {
        let Some([min, max]) = group.range else {
            continue;
        };
        let noun = if group.kind == GroupKind::Replicate {
            "copies"
        } else {
            "members"
        };
        let options: Vec<Opt> = (min..=max)
            .map(|count| Opt {
                choice: count,
                value: f64::from(count),
                fee: 0,
                label: format!("{count} {noun}"),
            })
            .collect();
        list.push(Decision {
            id: group.path.clone(),
            what: What::Count(g),
            best: options.len() - 1,
            options,
            written: group.current,
        });
    }
    for (index, leaf) in plan.leaves.iter().enumerate() {
        if leaf.alternatives.is_empty() {
            continue;
        }
        let own = Opt {
            choice: 0,
            value: plan.leaf_u[index],
            fee: leaf.fee.map_or(0, Money::cents),
            label: own_label(leaf),
        };
        let mut options = vec![own];
        options.extend(leaf.alternatives.iter().enumerate().map(|(i, alt)| Opt {
            choice: i as u32 + 1,
            value: alt.availability.unavailability(),
            fee: alt.fee.cents(),
            label: alt.label.to_string(),
        }));
        options.sort_by(|a, b| a.fee.cmp(&b.fee).then(a.value.total_cmp(&b.value)));
        let best = (0..options.len())
            .min_by(|&a, &b| options[a].value.total_cmp(&options[b].value))
            .unwrap_or(0);
        list.push(Decision {
            id: leaf.id.to_string(),
            what: What::Leaf(index),
            options,
            best,
            written: 0,
        });
    }
    list
}

fn own_label(leaf: &crate::plan::Leaf<'_>) -> String {
    match leaf.source {
        crate::model::ComponentSource::Catalog(id) => id.to_string(),
        _ => leaf.name.map_or_else(
            || format!("{}%", leaf.availability.percent()),
            str::to_string,
        ),
    }
}

/// Every leaf's part of the fee.
fn fee_terms(plan: &crate::plan::Plan<'_>, decisions: &[Decision]) -> Vec<FeeTerm> {
    let leaf_decision = |leaf: usize| {
        decisions
            .iter()
            .position(|d| matches!(d.what, What::Leaf(l) if l == leaf))
    };
    let counts: Vec<(usize, &crate::plan::GroupStep)> = decisions
        .iter()
        .enumerate()
        .filter_map(|(d, decision)| match decision.what {
            What::Count(g) => Some((d, &plan.groups[g])),
            What::Leaf(_) => None,
        })
        .collect();
    // A shared component defined but never used is no part of the design.
    let mut used = vec![false; plan.leaves.len()];
    for step in &plan.steps {
        match *step {
            crate::plan::Step::Leaf(leaf) => used[leaf] = true,
            crate::plan::Step::Var(v) => used[plan.vars[v]] = true,
            _ => {}
        }
    }
    let mut terms = Vec::new();
    for (index, leaf) in plan.leaves.iter().enumerate() {
        if !used[index] {
            continue;
        }
        let fee = match leaf_decision(index) {
            Some(d) => Ok(d),
            None => match leaf.fee.map_or(0, Money::cents) {
                0 => continue,
                cents => Err(cents),
            },
        };
        let mut constant = i64::try_from(leaf.copies.instances).unwrap_or(i64::MAX);
        let mut factors = Vec::new();
        for &(d, group) in &counts {
            let (first, last) = (group.leaves[0], group.leaves[group.leaves.len() - 1]);
            if !(first..last).contains(&index) {
                continue;
            }
            if group.kind == GroupKind::Replicate {
                constant /= i64::from(group.current.max(1));
                factors.push((d, None));
            } else {
                let member = group.leaves[1..]
                    .iter()
                    .filter(|&&start| start <= index)
                    .count();
                factors.push((d, Some(member as u32)));
            }
        }
        terms.push(FeeTerm {
            fee,
            constant,
            factors,
        });
    }
    terms
}

#[cfg(test)]
mod tests {
    #[test]
    fn product_saturates_as_i64_does() {
        let edges = [
            0,
            1,
            -1,
            7,
            (1 << 31) - 1,
            1 << 31,
            (1 << 32) - 1,
            1 << 32,
            i64::MAX,
            i64::MIN,
        ];
        for a in edges {
            for b in edges {
                assert_eq!(super::product(a, b), a.saturating_mul(b), "{a} × {b}");
            }
        }
    }
}
