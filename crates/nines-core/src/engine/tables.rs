//! Conditioned evaluation: a plan with vars, each step a number or a table over its vars.
//!
//! A step whose scope (the vars its value depends on, [`Conditioning`]) is empty holds one
//! number. Otherwise it holds one value per up/down state of its scope: entry `w` of a table
//! over vars `[v₀, v₁, …]` is the step's unavailability with `vᵢ` down exactly where bit `i` of
//! `w` is set. A step computes its gate entry by entry over its *work* vars (its scope and the
//! vars summed out at it), then sums those out one at a time:
//! `(1 − u)·T[up] + u·T[down]`, written `T[up] + u·(T[down] − T[up])` — a weighted mean of
//! non-negative terms, so the relative error grows with the nesting of vars, not their number.
//!
//! The gradient runs the same operations backwards (reverse mode), through each gate and each
//! summing-out, so it costs about as much as the forward pass.

use super::sweep::{count_up, power};
use super::Solution;
use crate::plan::condition::Conditioning;
use crate::plan::{Plan, Step};

/// Every step's value (or adjoint): `scalar[i]` when its scope is empty, else `table[i]`.
struct Values {
    scalar: Vec<f64>,
    table: Vec<Vec<f64>>,
}

impl Values {
    fn get(&self, step: usize, extractor: &Extractor, w: usize) -> f64 {
        if self.table[step].is_empty() {
            self.scalar[step]
        } else {
            self.table[step][extractor.extract(w)]
        }
    }

    fn add(&mut self, step: usize, extractor: &Extractor, w: usize, amount: f64) {
        if self.table[step].is_empty() {
            self.scalar[step] += amount;
        } else {
            self.table[step][extractor.extract(w)] += amount;
        }
    }
}

/// What the backward pass needs of one table step: its work vars and its table after the gate
/// and after summing out each closed var in turn (the last is the step's value).
#[derive(Default)]
struct Work {
    vars: Vec<u32>,
    tables: Vec<Vec<f64>>,
}

/// Buffers reused across steps.
#[derive(Default)]
struct Scratch {
    kids: Vec<usize>,
    extractors: Vec<Extractor>,
    inputs: Vec<f64>,
    partials: Vec<f64>,
    dp: Vec<f64>,
    prefix: Vec<f64>,
    suffix: Vec<f64>,
}

/// Solves a plan with vars; see the module documentation.
pub(super) fn solve(plan: &Plan<'_>, leaf_u: &[f64], with_gradient: bool) -> Solution {
    let c = &plan.conditioning;
    let var_u: Vec<f64> = plan.vars.iter().map(|&leaf| leaf_u[leaf]).collect();
    let n = plan.steps.len();
    let mut values = Values {
        scalar: vec![0.0; n],
        table: vec![Vec::new(); n],
    };
    let mut works: Vec<Work> = Vec::new();
    let mut s = Scratch::default();
    for i in 0..n {
        let work = forward_step(plan, c, i, leaf_u, &var_u, &mut values, &mut s);
        if with_gradient {
            works.push(work);
        }
    }
    let unavailability = values.scalar[n - 1].clamp(0.0, 1.0);
    let gradient = if with_gradient {
        backward(plan, &var_u, &values, &works, &mut s)
    } else {
        Vec::new()
    };
    Solution {
        unavailability,
        gradient,
    }
}

/// Computes step `i`'s value into `values` and returns its work (kept for the gradient).
fn forward_step(
    plan: &Plan<'_>,
    c: &Conditioning,
    i: usize,
    leaf_u: &[f64],
    var_u: &[f64],
    values: &mut Values,
    s: &mut Scratch,
) -> Work {
    let step = &plan.steps[i];
    kids(plan, step, &mut s.kids);
    let vars = union(c.scope(i), c.closed(i));
    if vars.is_empty() {
        // A number from numbers: no table, nothing to keep for the gradient.
        s.inputs.clear();
        s.inputs
            .extend(s.kids.iter().map(|&kid| values.scalar[kid]));
        values.scalar[i] = match *step {
            Step::Leaf(leaf) => leaf_u[leaf],
            _ => gate(plan, step, &s.inputs, &mut s.dp),
        };
        return Work::default();
    }
    extractors(c, &s.kids, &vars, &mut s.extractors);
    let size = 1usize << vars.len();
    let mut table = Vec::with_capacity(size);
    for w in 0..size {
        s.inputs.clear();
        for (&kid, extractor) in s.kids.iter().zip(&s.extractors) {
            s.inputs.push(values.get(kid, extractor, w));
        }
        table.push(match *step {
            Step::Var(_) => (w & 1) as f64,
            _ => gate(plan, step, &s.inputs, &mut s.dp),
        });
    }
    let tables = sum_out(table, &vars, c.closed(i), var_u);
    let value = tables.last().cloned().unwrap_or_default();
    if c.scope(i).is_empty() {
        values.scalar[i] = value.first().copied().unwrap_or(0.0);
    } else {
        values.table[i] = value;
    }
    Work { vars, tables }
}

/// The children of `step` into `kids`.
fn kids(plan: &Plan<'_>, step: &Step, kids: &mut Vec<usize>) {
    kids.clear();
    kids.extend_from_slice(&crate::plan::condition::children(plan, step));
}

/// For each kid, how to find its entry for a work entry.
fn extractors(c: &Conditioning, kids: &[usize], vars: &[u32], out: &mut Vec<Extractor>) {
    out.clear();
    out.extend(
        kids.iter()
            .map(|&kid| Extractor::new(mask(c.scope(kid), vars))),
    );
}

/// The bits of `work` (sorted) at which the elements of `sub` (sorted, a subset) sit.
fn mask(sub: &[u32], work: &[u32]) -> u64 {
    let mut mask = 0;
    let mut at = 0;
    for v in sub {
        while work[at] != *v {
            at += 1;
        }
        mask |= 1 << at;
    }
    mask
}

/// The bits of an index under a mask, packed to the right (a software `pext`), by looking up
/// each byte of the index: three lookups for any table nines allows.
struct Extractor {
    mask: u64,
    bytes: Vec<[u32; 256]>,
}

impl Extractor {
    fn new(mask: u64) -> Self {
        let bytes = if mask >> 8 == 0 {
            Vec::new() // one byte: extract directly
        } else {
            let mut shift = 0;
            (0..3)
                .map(|byte| {
                    let part = (mask >> (8 * byte)) & 0xFF;
                    let mut table = [0u32; 256];
                    for (b, slot) in table.iter_mut().enumerate() {
                        *slot = (extract_bits(b, part) << shift) as u32;
                    }
                    shift += part.count_ones();
                    table
                })
                .collect()
        };
        Self { mask, bytes }
    }

    fn extract(&self, w: usize) -> usize {
        if self.bytes.is_empty() {
            return extract_bits(w, self.mask);
        }
        self.bytes
            .iter()
            .enumerate()
            .map(|(byte, table)| table[(w >> (8 * byte)) & 0xFF] as usize)
            .fold(0, |a, b| a | b)
    }
}

fn extract_bits(w: usize, mut mask: u64) -> usize {
    let mut packed = 0;
    let mut out_bit = 0;
    while mask != 0 {
        let bit = mask.trailing_zeros();
        packed |= ((w >> bit) & 1) << out_bit;
        out_bit += 1;
        mask &= mask - 1;
    }
    packed
}

/// The sorted union of two sorted, disjoint var lists (merged: no sort is linked for it).
fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut all = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j == b.len() || (i < a.len() && a[i] < b[j]) {
            all.push(a[i]);
            i += 1;
        } else {
            all.push(b[j]);
            j += 1;
        }
    }
    all
}

/// A gate's unavailability from its inputs' (the sweep's formulas).
fn gate(plan: &Plan<'_>, step: &Step, inputs: &[f64], dp: &mut Vec<f64>) -> f64 {
    match *step {
        Step::Serial(_) => inputs.iter().fold(0.0, |acc, &u| acc + u * (1.0 - acc)),
        Step::Parallel(_) => inputs.iter().product(),
        Step::KOfN { k, .. } => {
            dp.clear();
            dp.resize(k, 0.0);
            dp[0] = 1.0;
            for &u in inputs {
                count_up(dp, u);
            }
            dp.iter().sum()
        }
        Step::Failover { switchover, .. } => {
            let (p, s) = (inputs[0], inputs[1]);
            p * s + (1.0 - s) * p.min(plan.switchovers[switchover].loss)
        }
        Step::Replicate { copies, .. } => power(inputs[0], copies),
        Step::Leaf(_) | Step::Var(_) => 0.0,
    }
}

/// `∂gate/∂inputᵢ` for every input, into `s.partials`.
fn gate_partials(plan: &Plan<'_>, step: &Step, s: &mut Scratch) {
    s.partials.clear();
    match *step {
        Step::Serial(_) => {
            product_except_each(&s.inputs, &mut s.partials, &mut s.suffix, |u| 1.0 - u)
        }
        Step::Parallel(_) => {
            product_except_each(&s.inputs, &mut s.partials, &mut s.suffix, |u| u);
        }
        Step::KOfN { k, .. } => k_of_n_partials(k, s),
        Step::Failover { switchover, .. } => {
            let switch_loss = plan.switchovers[switchover].loss;
            let (p, sb) = (s.inputs[0], s.inputs[1]);
            let switching = if p < switch_loss { 1.0 } else { 0.0 };
            s.partials
                .extend([sb + (1.0 - sb) * switching, p - p.min(switch_loss)]);
        }
        Step::Replicate { copies, .. } => {
            s.partials
                .push(f64::from(copies) * power(s.inputs[0], copies.saturating_sub(1)));
        }
        Step::Leaf(_) | Step::Var(_) => {}
    }
}

/// `Π_{j≠i} factor(xⱼ)` for every `i`, without division.
fn product_except_each(
    inputs: &[f64],
    out: &mut Vec<f64>,
    suffix: &mut Vec<f64>,
    factor: fn(f64) -> f64,
) {
    suffix.clear();
    suffix.resize(inputs.len() + 1, 1.0);
    for i in (0..inputs.len()).rev() {
        suffix[i] = suffix[i + 1] * factor(inputs[i]);
    }
    let mut prefix = 1.0;
    for (i, &x) in inputs.iter().enumerate() {
        out.push(prefix * suffix[i + 1]);
        prefix *= factor(x);
    }
}

/// `∂U/∂uᵢ` of "at least k of n up" = P(exactly k − 1 of the others up).
fn k_of_n_partials(k: usize, s: &mut Scratch) {
    let n = s.inputs.len();
    s.prefix.clear();
    s.prefix.resize((n + 1) * k, 0.0);
    s.prefix[0] = 1.0;
    for (i, &u) in s.inputs.iter().enumerate() {
        let (done, next) = s.prefix.split_at_mut((i + 1) * k);
        next[..k].copy_from_slice(&done[i * k..]);
        count_up(&mut next[..k], u);
    }
    s.suffix.clear();
    s.suffix.resize(k, 0.0);
    s.suffix[0] = 1.0;
    s.partials.resize(n, 0.0);
    for i in (0..n).rev() {
        let before = &s.prefix[i * k..(i + 1) * k];
        s.partials[i] = (0..k).map(|j| before[j] * s.suffix[k - 1 - j]).sum();
        count_up(&mut s.suffix, s.inputs[i]);
    }
}

/// Sums `closed` out of `table` (over `vars`), one var at a time, keeping every table along
/// the way: the first is `table`, the last is over `vars` without `closed`.
fn sum_out(table: Vec<f64>, vars: &[u32], closed: &[u32], var_u: &[f64]) -> Vec<Vec<f64>> {
    let mut tables = vec![table];
    let mut remaining: Vec<u32> = vars.to_vec();
    for &v in closed {
        let Some(bit) = remaining.iter().position(|&r| r == v) else {
            continue;
        };
        let u = var_u[v as usize];
        let current = tables.last().map(Vec::as_slice).unwrap_or_default();
        let next: Vec<f64> = (0..current.len() / 2)
            .map(|index| {
                let up = insert_zero(index, bit);
                let (t_up, t_down) = (current[up], current[up | 1 << bit]);
                t_up + u * (t_down - t_up)
            })
            .collect();
        tables.push(next);
        remaining.remove(bit);
    }
    tables
}

/// `index` with a zero bit inserted at `bit`.
fn insert_zero(index: usize, bit: usize) -> usize {
    let low = index & ((1 << bit) - 1);
    (index >> bit << (bit + 1)) | low
}

/// The gradient `∂U/∂uᵢ` for every leaf, by running the steps backwards.
fn backward(
    plan: &Plan<'_>,
    var_u: &[f64],
    values: &Values,
    works: &[Work],
    s: &mut Scratch,
) -> Vec<f64> {
    let c = &plan.conditioning;
    let n = plan.steps.len();
    let mut gradient = vec![0.0; plan.leaves.len()];
    let mut adjoint = Values {
        scalar: vec![0.0; n],
        table: (0..n)
            .map(|i| match c.scope(i).len() {
                0 => Vec::new(),
                width => vec![0.0; 1 << width],
            })
            .collect(),
    };
    adjoint.scalar[n - 1] = 1.0;
    for i in (0..n).rev() {
        let work = &works[i];
        // A step without vars (most of them) passes on one number, kept off the heap.
        let scalar = [adjoint.scalar[i]];
        let table;
        let gate_adjoint: &[f64] = if work.vars.is_empty() {
            &scalar
        } else {
            let own = std::mem::take(&mut adjoint.table[i]);
            let own = if own.is_empty() { scalar.to_vec() } else { own };
            table = unsum(plan, i, work, own, var_u, &mut gradient);
            &table
        };
        let step = &plan.steps[i];
        match *step {
            Step::Leaf(leaf) => gradient[leaf] += gate_adjoint[0],
            Step::Var(_) => {}
            _ => gate_backward(plan, step, work, gate_adjoint, values, &mut adjoint, s),
        }
    }
    gradient
}

/// Passes a gate's adjoint on to its kids, entry by entry.
fn gate_backward(
    plan: &Plan<'_>,
    step: &Step,
    work: &Work,
    gate_adjoint: &[f64],
    values: &Values,
    adjoint: &mut Values,
    s: &mut Scratch,
) {
    kids(plan, step, &mut s.kids);
    extractors(&plan.conditioning, &s.kids, &work.vars, &mut s.extractors);
    for (w, &adj) in gate_adjoint.iter().enumerate() {
        if adj == 0.0 {
            continue;
        }
        s.inputs.clear();
        for (&kid, extractor) in s.kids.iter().zip(&s.extractors) {
            s.inputs.push(values.get(kid, extractor, w));
        }
        gate_partials(plan, step, s);
        for ((&kid, extractor), &partial) in s.kids.iter().zip(&s.extractors).zip(&s.partials) {
            adjoint.add(kid, extractor, w, adj * partial);
        }
    }
}

/// Undoes the summing-out of step `i`'s closed vars for adjoints, last first: the adjoint of
/// its gate table, and the gradient of each closed var on the way.
fn unsum(
    plan: &Plan<'_>,
    i: usize,
    work: &Work,
    value_adjoint: Vec<f64>,
    var_u: &[f64],
    gradient: &mut [f64],
) -> Vec<f64> {
    let closed = plan.conditioning.closed(i);
    // The vars of each table along the way, to find each closed var's bit.
    let mut vars_at: Vec<Vec<u32>> = vec![work.vars.clone()];
    for v in closed {
        let mut next = vars_at.last().cloned().unwrap_or_default();
        next.retain(|r| r != v);
        vars_at.push(next);
    }
    let mut adj = value_adjoint;
    for (k, &v) in closed.iter().enumerate().rev() {
        let before = &work.tables[k];
        let bit = vars_at[k].iter().position(|&r| r == v).unwrap_or(0);
        let u = var_u[v as usize];
        let mut back = vec![0.0; before.len()];
        let mut d_u = 0.0;
        for (index, &a) in adj.iter().enumerate() {
            let up = insert_zero(index, bit);
            let down = up | 1 << bit;
            back[up] = a * (1.0 - u);
            back[down] = a * u;
            d_u += a * (before[down] - before[up]);
        }
        gradient[plan.vars[v as usize]] += d_u;
        adj = back;
    }
    adj
}
