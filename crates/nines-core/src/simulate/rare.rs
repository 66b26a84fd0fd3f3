//! Rare breaches: importance sampling over the design's minimal cut sets.
//!
//! A design that misses its target once in a million months cannot be measured by counting
//! months: a million months show about one. But a month can only breach if every component of
//! some minimal cut set has a non-quiet month (an outage in it, or one under way at its start),
//! and those sets are known. So half the work draws months from a mixture: with probability
//! [`DEFENSIVE`] an ordinary month, otherwise a month in which one cut set `C` — picked with
//! probability proportional to `Q_C`, the chance that all its components are non-quiet — is
//! forced non-quiet (each of its components drawn from its non-quiet months), the rest drawn as
//! usual. Each month is weighted by the ratio of its probability to the mixture's,
//! `w = 1 / (β + (1 − β)·m / ΣQ)` where `m` counts the cut sets whose components are all
//! non-quiet that month: an unbiased estimator (Hesterberg's defensive mixture), whose weights
//! never exceed `1/β`, so its normal 95% interval is honest. Cut sets beyond order three, or
//! beyond the most probable [`LIMIT`] at any step, are left to the defensive share.

use super::block::{Block, BLOCK};
use super::network::Network;
use super::random::Random;
use super::tally::{Sums, Z};
use super::{Month, Simulation, Threshold};
use crate::report::{Breach, BreachMethod};
use crate::sla::uptime_below;

/// The share of ordinary months in the mixture.
pub(crate) const DEFENSIVE: f64 = 0.1;
/// The largest cut set the mixture forces.
const ORDER: usize = 3;
/// Most cut sets kept at any step of the structure.
const LIMIT: usize = 2000;
/// Breaching months beyond which counting months is precise enough (±20% or better).
pub(crate) const ENOUGH: u64 = 100;

/// The mixture: the cut sets, how to pick one, and which sets each instance is in.
pub(crate) struct Mixture {
    sets: Vec<Vec<u32>>,
    /// Cumulative probabilities of picking each set.
    cumulative: Vec<f64>,
    /// `ΣQ_C`.
    total: f64,
    /// For each instance, the sets it belongs to.
    member_of: Vec<Vec<u32>>,
}

impl Mixture {
    /// The mixture of `network`'s cut sets, or `None` when it has none that can be forced.
    pub(crate) fn new(network: &Network) -> Option<Self> {
        let sets = network.cut_sets(ORDER, LIMIT);
        let q = |set: &Vec<u32>| -> f64 {
            set.iter()
                .map(|&i| 1.0 - network.instances[i as usize].sampler.quiet)
                .product()
        };
        let weights: Vec<f64> = sets.iter().map(q).collect();
        let total: f64 = weights.iter().sum();
        if total.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
            return None;
        }
        let mut cumulative = Vec::with_capacity(sets.len());
        let mut running = 0.0;
        for w in &weights {
            running += w / total;
            cumulative.push(running);
        }
        let mut member_of = vec![Vec::new(); network.instances.len()];
        for (s, set) in sets.iter().enumerate() {
            for &i in set {
                member_of[i as usize].push(s as u32);
            }
        }
        Some(Self {
            sets,
            cumulative,
            total,
            member_of,
        })
    }

    /// The set to force for a uniform `r` (given the month is not an ordinary one).
    fn pick(&self, r: f64) -> &[u32] {
        let at = self.cumulative.partition_point(|&c| c <= r);
        &self.sets[at.min(self.sets.len() - 1)]
    }

    /// The likelihood ratio of a month whose non-quiet instances are `nonquiet`.
    fn weight(&self, nonquiet: &[u32], hits: &mut [u32], touched: &mut Vec<u32>) -> f64 {
        let mut complete = 0u64;
        for &i in nonquiet {
            for &s in &self.member_of[i as usize] {
                let hit = &mut hits[s as usize];
                if *hit == 0 {
                    touched.push(s);
                }
                *hit += 1;
                if *hit as usize == self.sets[s as usize].len() {
                    complete += 1;
                }
            }
        }
        for s in touched.drain(..) {
            hits[s as usize] = 0;
        }
        1.0 / (DEFENSIVE + (1.0 - DEFENSIVE) * complete as f64 / self.total)
    }
}

/// One chunk of weighted months: the sums of `w·1{breach}`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct RareTally {
    pub(crate) trials: u64,
    pub(crate) sums: Sums,
}

/// Runs `trials` months of the mixture against `threshold`.
pub(crate) fn run(
    simulation: &Simulation,
    mixture: &Mixture,
    threshold: Threshold,
    random: &mut Random,
    trials: u64,
) -> RareTally {
    let network = &simulation.network;
    let month_ms = simulation.month_ms;
    let mut month = Month::new(network);
    let mut block = Block::new(network, random);
    let mut forced: Vec<&[u32]> = Vec::with_capacity(BLOCK);
    let (mut hits, mut nonquiet) = (vec![0u32; mixture.sets.len()], Vec::new());
    let mut touched = Vec::new();
    let mut tally = RareTally::default();
    for months in super::block::sizes(trials) {
        forced.clear();
        for _ in 0..months {
            forced.push(if random.uniform() < DEFENSIVE {
                &[]
            } else {
                mixture.pick(random.uniform())
            });
        }
        block.draw(network, random, months, &forced);
        for m in 0..months {
            month.draw(network, random, month_ms, &block, m);
            let down = month.downtime(network, month_ms, &[]).0;
            let breached = down > 0 && uptime_below(threshold.scaled, month_ms - down, month_ms);
            let value = if breached {
                block.nonquiet_in(m, &mut nonquiet);
                mixture.weight(&nonquiet, &mut hits, &mut touched)
            } else {
                0.0
            };
            tally.trials += 1;
            tally.sums.add(value);
        }
    }
    tally
}

/// The breach estimate: the months' count when it is enough, else the mixture's weighted mean
/// with its normal 95% interval (when it saw any breach at all).
pub(crate) fn estimate(crude: Breach, rare: Option<RareTally>) -> Breach {
    let Some(rare) = rare.filter(|r| crude.months < ENOUGH && r.sums.sum > 0.0) else {
        return crude;
    };
    let n = rare.trials as f64;
    let mean = rare.sums.sum / n;
    let variance = ((rare.sums.squares / n - mean * mean) * n / (n - 1.0).max(1.0)).max(0.0);
    let half = Z * libm::sqrt(variance / n);
    Breach {
        probability: crate::report::round12(mean),
        low: crate::report::round12((mean - half).max(0.0)),
        high: crate::report::round12(mean + half),
        method: BreachMethod::ImportanceSampling,
        ..crude
    }
}
