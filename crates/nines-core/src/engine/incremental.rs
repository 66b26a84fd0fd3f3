//! What-if evaluation of a plan without vars: every step's value is kept, and a change to one
//! leaf or one step's parameter recomputes only the steps above it. Each recomputed step uses
//! the sweep's own formula on the same inputs, so the result is the very `f64` a full sweep
//! gives.

use super::sweep::step_value;
use crate::plan::Plan;

/// A plan's step values, kept up to date one change at a time.
#[derive(Clone, Debug)]
pub(crate) struct Incremental {
    u: Vec<f64>,
    parents: Vec<usize>,
    scratch: Vec<f64>,
}

impl Incremental {
    /// Every step's value for `leaf_u` (the plan must have no vars).
    pub(crate) fn new(plan: &Plan<'_>, leaf_u: &[f64]) -> Self {
        let n = plan.steps.len();
        let mut this = Self {
            u: vec![0.0; n],
            parents: plan.parents(),
            scratch: Vec::new(),
        };
        for i in 0..n {
            this.u[i] = step_value(plan, i, leaf_u, &this.u, &mut this.scratch);
        }
        this
    }

    /// The composite unavailability.
    pub(crate) fn value(&self) -> f64 {
        self.u.last().copied().unwrap_or(0.0).clamp(0.0, 1.0)
    }

    /// Recomputes step `step` (a leaf's from `leaf_u`, a gate's from its children) and every
    /// step above it.
    pub(crate) fn refresh(&mut self, plan: &Plan<'_>, leaf_u: &[f64], mut step: usize) {
        loop {
            self.u[step] = step_value(plan, step, leaf_u, &self.u, &mut self.scratch);
            let parent = self.parents[step];
            if parent == step {
                return;
            }
            step = parent;
        }
    }
}
