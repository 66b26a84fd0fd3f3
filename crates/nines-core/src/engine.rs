//! The engine: exact composite unavailability and its gradient, in the unavailability domain.
//!
//! Each step combines its children's unavailabilities `uᵢ` with sums and products of
//! non-negative terms only, so no step cancels digits:
//!
//! | step | unavailability |
//! |---|---|
//! | serial | `u ← u + uᵢ·(1 − u)` (= 1 − Π(1 − uᵢ)) |
//! | parallel | `Π uᵢ` |
//! | k of n | `P(fewer than k up)`, by dynamic programming over the children |
//! | failover | `u_p·u_s + (1 − u_s)·min(u_p, λ·T)` |
//! | replicate | `u_childⁿ` |
//!
//! Shared components referenced more than once are conditioned on: every up/down combination
//! of them is evaluated and weighted by its probability (2^m sweeps for m shared components).

use crate::plan::{Plan, Step};

/// The composite unavailability and `∂U/∂uᵢ` for every leaf.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Solution {
    pub unavailability: f64,
    pub gradient: Vec<f64>,
}

/// Reusable buffers for one sweep.
struct Sweep {
    u: Vec<f64>,
    adjoint: Vec<f64>,
    scratch: Vec<f64>,
    prefix: Vec<f64>,
}

/// Solves the plan exactly with the leaves' unavailabilities `leaf_u` (normally
/// [`Plan::leaf_u`]), conditioning on shared variables; with `with_gradient`, also
/// differentiates it (otherwise [`Solution::gradient`] is all zeros).
pub(crate) fn solve(plan: &Plan<'_>, leaf_u: &[f64], with_gradient: bool) -> Solution {
    let n = plan.steps.len();
    let mut sweep = Sweep {
        u: vec![0.0; n],
        adjoint: if with_gradient {
            vec![0.0; n]
        } else {
            Vec::new()
        },
        scratch: Vec::new(),
        prefix: Vec::new(),
    };
    let var_u: Vec<f64> = plan.vars.iter().map(|&leaf| leaf_u[leaf]).collect();
    let m = var_u.len();
    let mut state_u = vec![0.0; m];
    let mut gradient = vec![0.0; if with_gradient { plan.leaves.len() } else { 0 }];
    let mut var_gradient = vec![0.0; m];
    let mut total = 0.0;
    let mut factors = vec![0.0; m];
    let mut suffix = vec![1.0; m + 1];
    for state in 0u64..(1u64 << m) {
        for v in 0..m {
            let down = state >> v & 1 == 1;
            state_u[v] = if down { 1.0 } else { 0.0 };
            factors[v] = if down { var_u[v] } else { 1.0 - var_u[v] };
        }
        for v in (0..m).rev() {
            suffix[v] = suffix[v + 1] * factors[v];
        }
        let weight = suffix[0];
        forward(plan, leaf_u, &state_u, &mut sweep);
        let u_state = sweep.u[n - 1];
        total += weight * u_state;
        let mut prefix = 1.0;
        for v in 0..m {
            let rest = prefix * suffix[v + 1];
            let sign = if state >> v & 1 == 1 { 1.0 } else { -1.0 };
            var_gradient[v] += sign * rest * u_state;
            prefix *= factors[v];
        }
        if with_gradient && weight > 0.0 {
            backward(plan, weight, &mut sweep, &mut gradient);
        }
    }
    if with_gradient {
        for (v, &leaf) in plan.vars.iter().enumerate() {
            gradient[leaf] = var_gradient[v];
        }
    }
    Solution {
        unavailability: total.clamp(0.0, 1.0),
        gradient,
    }
}

fn forward(plan: &Plan<'_>, leaf_u: &[f64], state_u: &[f64], sweep: &mut Sweep) {
    for (i, step) in plan.steps.iter().enumerate() {
        let value = match *step {
            Step::Leaf(leaf) => leaf_u[leaf],
            Step::Var(v) => state_u[v],
            Step::Serial(span) => plan
                .span(span)
                .iter()
                .fold(0.0, |acc, &c| acc + sweep.u[c] * (1.0 - acc)),
            Step::Parallel(span) => plan.span(span).iter().fold(1.0, |acc, &c| acc * sweep.u[c]),
            Step::KOfN { k, children } => {
                let dp = &mut sweep.scratch;
                dp.clear();
                dp.resize(k, 0.0);
                dp[0] = 1.0;
                for &c in plan.span(children) {
                    count_up(dp, sweep.u[c]);
                }
                dp.iter().sum()
            }
            Step::Failover {
                primary,
                standby,
                switch_loss,
                ..
            } => {
                let (p, s) = (sweep.u[primary], sweep.u[standby]);
                p * s + (1.0 - s) * p.min(switch_loss)
            }
            Step::Replicate { copies, child } => power(sweep.u[child], copies),
        };
        sweep.u[i] = value;
    }
}

/// Adds one child (down with probability `u`) to `dp[j] = P(exactly j up)`, truncated.
fn count_up(dp: &mut [f64], u: f64) {
    for j in (1..dp.len()).rev() {
        dp[j] = dp[j] * u + dp[j - 1] * (1.0 - u);
    }
    dp[0] *= u;
}

/// `x^n` by repeated squaring: the same bits on every platform, unlike `powi`.
fn power(x: f64, n: u32) -> f64 {
    let (mut result, mut base, mut n) = (1.0, x, n);
    while n > 0 {
        if n & 1 == 1 {
            result *= base;
        }
        base *= base;
        n >>= 1;
    }
    result
}

fn backward(plan: &Plan<'_>, weight: f64, sweep: &mut Sweep, gradient: &mut [f64]) {
    let n = plan.steps.len();
    sweep.adjoint.iter_mut().for_each(|a| *a = 0.0);
    sweep.adjoint[n - 1] = weight;
    for i in (0..n).rev() {
        let adjoint = sweep.adjoint[i];
        if adjoint == 0.0 {
            continue;
        }
        match plan.steps[i] {
            Step::Leaf(leaf) => gradient[leaf] += adjoint,
            Step::Var(_) => {}
            Step::Serial(span) => {
                product_except_each(plan.span(span), sweep, adjoint, |u| 1.0 - u);
            }
            Step::Parallel(span) => product_except_each(plan.span(span), sweep, adjoint, |u| u),
            Step::KOfN { k, children } => {
                let kids = plan.span(children);
                let len = kids.len();
                // prefix[c·k + j] = P(exactly j up among children before c)
                sweep.prefix.clear();
                sweep.prefix.resize((len + 1) * k, 0.0);
                sweep.prefix[0] = 1.0;
                for (c, &child) in kids.iter().enumerate() {
                    let (done, next) = sweep.prefix.split_at_mut((c + 1) * k);
                    next[..k].copy_from_slice(&done[c * k..]);
                    count_up(&mut next[..k], sweep.u[child]);
                }
                // Walk backwards keeping the suffix distribution of children after c.
                let suffix = &mut sweep.scratch;
                suffix.clear();
                suffix.resize(k, 0.0);
                suffix[0] = 1.0;
                for (c, &child) in kids.iter().enumerate().rev() {
                    let before = &sweep.prefix[c * k..(c + 1) * k];
                    // ∂U/∂u_c = P(exactly k−1 up among the others)
                    let others: f64 = (0..k).map(|j| before[j] * suffix[k - 1 - j]).sum();
                    sweep.adjoint[child] += adjoint * others;
                    count_up(suffix, sweep.u[child]);
                }
            }
            Step::Failover {
                primary,
                standby,
                switch_loss,
                ..
            } => {
                let (p, s) = (sweep.u[primary], sweep.u[standby]);
                let switching = if p < switch_loss { 1.0 } else { 0.0 };
                sweep.adjoint[primary] += adjoint * (s + (1.0 - s) * switching);
                sweep.adjoint[standby] += adjoint * (p - p.min(switch_loss));
            }
            Step::Replicate { copies, child } => {
                let d = f64::from(copies) * power(sweep.u[child], copies - 1);
                sweep.adjoint[child] += adjoint * d;
            }
        }
    }
}

/// Gives each child `adjoint × Π_{j≠c} factor(u_j)`, without division.
fn product_except_each(kids: &[usize], sweep: &mut Sweep, adjoint: f64, factor: fn(f64) -> f64) {
    let suffix = &mut sweep.scratch;
    suffix.clear();
    suffix.resize(kids.len() + 1, 1.0);
    for (c, &child) in kids.iter().enumerate().rev() {
        suffix[c] = suffix[c + 1] * factor(sweep.u[child]);
    }
    let mut prefix = 1.0;
    for (c, &child) in kids.iter().enumerate() {
        sweep.adjoint[child] += adjoint * prefix * suffix[c + 1];
        prefix *= factor(sweep.u[child]);
    }
}
