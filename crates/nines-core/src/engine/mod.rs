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
//! A plan without shared components used more than once is one forward sweep ([`sweep`]);
//! with them, each step is conditioned on the vars its value depends on, and only those
//! ([`tables`], scheduled by the plan's conditioning).

mod incremental;
mod sweep;
mod tables;

pub(crate) use incremental::Incremental;

use crate::plan::Plan;

/// The composite unavailability and `∂U/∂uᵢ` for every leaf.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Solution {
    pub unavailability: f64,
    pub gradient: Vec<f64>,
}

/// Solves the plan exactly with the leaves' unavailabilities `leaf_u` (normally
/// [`Plan::leaf_u`]); with `with_gradient`, also differentiates it (otherwise
/// [`Solution::gradient`] is empty).
pub(crate) fn solve(plan: &Plan<'_>, leaf_u: &[f64], with_gradient: bool) -> Solution {
    if plan.vars.is_empty() {
        sweep::solve(plan, leaf_u, with_gradient)
    } else {
        tables::solve(plan, leaf_u, with_gradient)
    }
}
