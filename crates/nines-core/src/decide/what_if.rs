//! [`WhatIf`]: one plan evaluated many times with changed leaves and step parameters. Without
//! shared components used twice, only the steps above a change are recomputed
//! ([`Incremental`]); with them, each evaluation is a full conditioned solve.

use crate::engine::{solve, Incremental};
use crate::plan::{Plan, Step};

/// A plan and the values it is evaluated with.
pub(crate) struct WhatIf<'a> {
    pub plan: Plan<'a>,
    pub leaf_u: Vec<f64>,
    /// Each step's parent (the root's is itself).
    pub parents: Vec<usize>,
    /// The step of each leaf used once (`usize::MAX` for vars and unused leaves).
    pub leaf_step: Vec<usize>,
    incremental: Option<Incremental>,
}

impl<'a> WhatIf<'a> {
    pub(crate) fn new(plan: Plan<'a>) -> Self {
        let leaf_u = plan.leaf_u.clone();
        let parents = plan.parents();
        let mut leaf_step = vec![usize::MAX; plan.leaves.len()];
        for (i, step) in plan.steps.iter().enumerate() {
            if let Step::Leaf(leaf) = *step {
                leaf_step[leaf] = i;
            }
        }
        let incremental = plan
            .vars
            .is_empty()
            .then(|| Incremental::new(&plan, &leaf_u));
        Self {
            plan,
            leaf_u,
            parents,
            leaf_step,
            incremental,
        }
    }

    /// The composite unavailability with the current values.
    pub(crate) fn value(&self) -> f64 {
        match &self.incremental {
            Some(incremental) => incremental.value(),
            None => solve(&self.plan, &self.leaf_u, false).unavailability,
        }
    }

    /// Sets leaf `leaf`'s unavailability.
    pub(crate) fn set_leaf(&mut self, leaf: usize, u: f64) {
        self.leaf_u[leaf] = u;
        let step = self.leaf_step[leaf];
        if let (Some(incremental), true) = (&mut self.incremental, step != usize::MAX) {
            incremental.refresh(&self.plan, &self.leaf_u, step);
        }
    }

    /// Sets the copies of the `replicate` step `step`.
    pub(crate) fn set_copies(&mut self, step: usize, to: u32) {
        if let Step::Replicate { copies, .. } = &mut self.plan.steps[step] {
            *copies = to;
        }
        self.refresh(step);
    }

    /// Sets the `k` of the `k_of_n` step `step`.
    pub(crate) fn set_k(&mut self, step: usize, to: usize) {
        if let Step::KOfN { k, .. } = &mut self.plan.steps[step] {
            *k = to;
        }
        self.refresh(step);
    }

    fn refresh(&mut self, step: usize) {
        if let Some(incremental) = &mut self.incremental {
            incremental.refresh(&self.plan, &self.leaf_u, step);
        }
    }

    /// Whether U is affine in leaf `leaf`'s unavailability: a var always is (conditioning is
    /// linear in it); a leaf used once is unless a `replicate` of several copies (its `u`
    /// applies to each) or a failover's primary (the switchover loss takes a minimum) is above.
    pub(crate) fn affine(&self, leaf: usize) -> bool {
        let mut step = self.leaf_step[leaf];
        if step == usize::MAX {
            return true;
        }
        loop {
            let parent = self.parents[step];
            if parent == step {
                return true;
            }
            match self.plan.steps[parent] {
                Step::Replicate { copies, .. } if copies > 1 => return false,
                Step::Failover {
                    primary,
                    switchover,
                    ..
                } if primary == step => {
                    let loss = self.plan.switchovers[switchover].loss;
                    if loss > 0.0 && loss < 1.0 {
                        return false;
                    }
                }
                _ => {}
            }
            step = parent;
        }
    }
}
