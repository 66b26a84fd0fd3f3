//! The sweep: a plan without vars, forward once for `U` and backward once for every `∂U/∂uᵢ`.
//! Each step combines its children's unavailabilities with sums and products of non-negative
//! terms only (see the table in [`super`]).

use super::Solution;
use crate::plan::{Plan, Step};

/// Reusable buffers for one sweep.
struct Sweep {
    u: Vec<f64>,
    adjoint: Vec<f64>,
    scratch: Vec<f64>,
    prefix: Vec<f64>,
}

/// Solves a plan without vars with the leaves' unavailabilities `leaf_u`; with
/// `with_gradient`, also differentiates it (otherwise the gradient is empty).
pub(super) fn solve(plan: &Plan<'_>, leaf_u: &[f64], with_gradient: bool) -> Solution {
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
    forward(plan, leaf_u, &mut sweep);
    let mut gradient = vec![0.0; if with_gradient { plan.leaves.len() } else { 0 }];
    if with_gradient {
        backward(plan, &mut sweep, &mut gradient);
    }
    Solution {
        unavailability: sweep.u[n - 1].clamp(0.0, 1.0),
        gradient,
    }
}

fn forward(plan: &Plan<'_>, leaf_u: &[f64], sweep: &mut Sweep) {
    for i in 0..plan.steps.len() {
        sweep.u[i] = step_value(plan, i, leaf_u, &sweep.u, &mut sweep.scratch);
    }
}

/// Step `i`'s unavailability from its children's values in `u` (or its leaf's in `leaf_u`).
pub(super) fn step_value(
    plan: &Plan<'_>,
    i: usize,
    leaf_u: &[f64],
    u: &[f64],
    scratch: &mut Vec<f64>,
) -> f64 {
    match plan.steps[i] {
        Step::Leaf(leaf) => leaf_u[leaf],
        // A plan with vars is solved by `tables`; a var here is its own leaf.
        Step::Var(v) => leaf_u[plan.vars[v]],
        Step::Serial(span) => plan
            .span(span)
            .iter()
            .fold(0.0, |acc, &c| acc + u[c] * (1.0 - acc)),
        Step::Parallel(span) => plan.span(span).iter().fold(1.0, |acc, &c| acc * u[c]),
        Step::KOfN { k, children } => {
            let dp = scratch;
            dp.clear();
            dp.resize(k, 0.0);
            dp[0] = 1.0;
            for &c in plan.span(children) {
                count_up(dp, u[c]);
            }
            dp.iter().sum()
        }
        Step::Failover {
            primary,
            standby,
            switchover,
        } => {
            let (p, s) = (u[primary], u[standby]);
            p * s + (1.0 - s) * p.min(plan.switchovers[switchover].loss)
        }
        Step::Replicate { copies, child } => power(u[child], copies),
    }
}

/// Adds one child (down with probability `u`) to `dp[j] = P(exactly j up)`, truncated.
pub(super) fn count_up(dp: &mut [f64], u: f64) {
    for j in (1..dp.len()).rev() {
        dp[j] = dp[j] * u + dp[j - 1] * (1.0 - u);
    }
    dp[0] *= u;
}

/// `x^n` by repeated squaring: the same bits on every platform, unlike `powi`.
pub(super) fn power(x: f64, n: u32) -> f64 {
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

fn backward(plan: &Plan<'_>, sweep: &mut Sweep, gradient: &mut [f64]) {
    let n = plan.steps.len();
    sweep.adjoint[n - 1] = 1.0;
    for i in (0..n).rev() {
        let adjoint = sweep.adjoint[i];
        if adjoint == 0.0 {
            continue;
        }
        match plan.steps[i] {
            Step::Leaf(leaf) => gradient[leaf] += adjoint,
            Step::Var(v) => gradient[plan.vars[v]] += adjoint,
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
                switchover,
            } => {
                let switch_loss = plan.switchovers[switchover].loss;
                let (p, s) = (sweep.u[primary], sweep.u[standby]);
                let switching = if p < switch_loss { 1.0 } else { 0.0 };
                sweep.adjoint[primary] += adjoint * (s + (1.0 - s) * switching);
                sweep.adjoint[standby] += adjoint * (p - p.min(switch_loss));
            }
            Step::Replicate { copies, child } => {
                let d = f64::from(copies) * power(sweep.u[child], copies.saturating_sub(1));
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
