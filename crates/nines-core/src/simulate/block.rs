//! Months in blocks of 64: which instances have anything to draw in each month of a block, and
//! which of those can change the architecture's downtime, one bit per month.
//!
//! Whether an instance's month is quiet (up at its start, no failure in it) is a Bernoulli
//! trial with probability `q`, independent from month to month, so the number of quiet months
//! before its next non-quiet one is geometric: `⌊E / −ln q⌋` for a standard exponential `E`
//! (`P(⌊E/λ⌋ ≥ g) = e^(−gλ) = q^g`). One draw per non-quiet month instead of one per instance
//! and month: in a 100-component model whose components are quiet nine months in ten, 19
//! draws a month instead of 104. The block's bits then go through the structure 64 months at
//! a time (`network::prune`).

use super::network::{Masks, Network};
use super::random::Random;

/// Months per block: the bits of a word.
pub(crate) const BLOCK: usize = 64;

/// One block of months of a chunk.
pub(crate) struct Block {
    /// Per instance, its next non-quiet month (counted from the chunk's first).
    next: Vec<u64>,
    /// The chunk's month of bit 0.
    first: u64,
    /// Per instance, the months it is not quiet in.
    pub(crate) nonquiet: Vec<u64>,
    /// Per instance, the months it has anything in (an outage, or planned maintenance).
    candidate: Vec<u64>,
    /// Per instance, the months in which its events can change the root.
    pub(crate) relevant: Vec<u64>,
    /// Per instance, the months whose outages are drawn: the relevant ones, and for an
    /// instance an SLA counts, every month it has anything in.
    drawn: Vec<u64>,
    /// Per month, the instances to draw, in order.
    pub(crate) to_draw: Vec<Vec<u32>>,
    /// Per month, the nodes that are possibly down with every ancestor, in arena order.
    pub(crate) live: Vec<Vec<u32>>,
    masks: Masks,
}

impl Block {
    /// The first block of a chunk drawn from `random`.
    pub(crate) fn new(network: &Network, random: &mut Random) -> Self {
        let n = network.instances.len();
        Self {
            next: network
                .instances
                .iter()
                .map(|i| gap(random, i.sampler.quiet_rate))
                .collect(),
            first: 0,
            nonquiet: vec![0; n],
            candidate: vec![0; n],
            relevant: vec![0; n],
            drawn: vec![0; n],
            to_draw: vec![Vec::new(); BLOCK],
            live: vec![Vec::new(); BLOCK],
            masks: network.masks(),
        }
    }

    /// Draws the next `months` (at most [`BLOCK`]) months' bits; the instances of `forced[m]`
    /// are made non-quiet in month `m` (`forced` may be shorter: none forced after it).
    pub(crate) fn draw(
        &mut self,
        network: &Network,
        random: &mut Random,
        months: usize,
        forced: &[&[u32]],
    ) {
        let end = self.first + months as u64;
        let all = if months >= BLOCK {
            !0
        } else {
            (1 << months) - 1
        };
        for (i, instance) in network.instances.iter().enumerate() {
            let mut bits = 0u64;
            let next = &mut self.next[i];
            while *next < end {
                bits |= 1 << (*next - self.first);
                *next = next.saturating_add(1 + gap(random, instance.sampler.quiet_rate));
            }
            self.nonquiet[i] = bits;
            self.candidate[i] = if instance.sampler.maintenance > 0 {
                all
            } else {
                bits
            };
        }
        for (m, set) in forced.iter().enumerate() {
            for &i in *set {
                self.nonquiet[i as usize] |= 1 << m;
                self.candidate[i as usize] |= 1 << m;
            }
        }
        network.relevant(&self.candidate, &mut self.masks, &mut self.relevant);
        for (i, drawn) in self.drawn.iter_mut().enumerate() {
            // An SLA counts the instance's own downtime, wherever the root stands.
            let counted = if network.counted[i] {
                self.candidate[i]
            } else {
                0
            };
            *drawn = self.relevant[i] | counted;
        }
        transpose(&self.drawn, &mut self.to_draw);
        transpose(&self.masks.live, &mut self.live);
        self.first = end;
    }
}

impl Block {
    /// The instances not quiet in month `m` of the block, in order, into `out`.
    pub(crate) fn nonquiet_in(&self, m: usize, out: &mut Vec<u32>) {
        out.clear();
        for (i, word) in self.nonquiet.iter().enumerate() {
            if word >> m & 1 == 1 {
                out.push(i as u32);
            }
        }
    }
}

/// The number of months in each block of a chunk of `trials` months: full blocks, then the
/// rest.
pub(crate) fn sizes(trials: u64) -> impl Iterator<Item = usize> {
    (0..trials)
        .step_by(BLOCK)
        .map(move |first| BLOCK.min((trials - first) as usize))
}

/// For each month (bit), the indices of the words that have it, in order.
fn transpose(words: &[u64], months: &mut [Vec<u32>]) {
    for list in months.iter_mut() {
        list.clear();
    }
    for (i, &word) in words.iter().enumerate() {
        let mut bits = word;
        while bits != 0 {
            months[bits.trailing_zeros() as usize].push(i as u32);
            bits &= bits - 1;
        }
    }
}

/// The number of quiet months before the next non-quiet one, for `rate = −ln q`; beyond any
/// chunk when `q = 1`.
fn gap(random: &mut Random, rate: f64) -> u64 {
    let months = random.exp1() / rate;
    // Also false for NaN (0/0): never.
    if months < 1e15 {
        months as u64
    } else {
        1 << 50
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Month, Simulation};
    use super::*;
    use crate::{Catalog, Model};

    /// Walking only the relevant instances' events, and only in months whose outages overlap as
    /// the root needs, gives every month the downtime that walking every drawn instance's events
    /// gives: on each kind of node alone (availabilities low enough that outages often overlap)
    /// and on all of them together, with a shared component, domains and planned maintenance.
    #[test]
    fn pruned_months_have_the_whole_walk_downtime() {
        let c = |id: &str, a: f64, minutes: u32| {
            format!(
                r#"{{"component": {{"id": "{id}", "availability": {a}, "outage_minutes": {minutes}}}}}"#
            )
        };
        let pair = format!(
            r#"{{"parallel": {{"children": [{{"serial": {{"domains": ["zone"], "children": [{}, {{"shared": "dns"}}]}}}}, {}]}}}}"#,
            c("a", 95.0, 300),
            c("b", 93.0, 1200)
        );
        let quorum = format!(
            r#"{{"k_of_n": {{"k": 2, "children": [{}, {}, {{"parallel": {{"children": [{{"shared": "dns"}}, {}]}}}}]}}}}"#,
            c("c", 92.0, 600),
            c("d", 94.0, 900),
            c("e", 80.0, 2000)
        );
        let copies = format!(
            r#"{{"replicate": {{"copies": 3, "child": {}}}}}"#,
            c("f", 85.0, 900)
        );
        let failover = format!(
            r#"{{"failover": {{"switchover_minutes": 20, "standby": {},
              "primary": {{"component": {{"id": "p", "mtbf_hours": 100, "mttr_hours": 8,
                                           "maintenance_hours_per_month": 2}}}}}}}}"#,
            c("s", 90.0, 600)
        );
        let all =
            format!(r#"{{"serial": {{"children": [{pair}, {quorum}, {copies}, {failover}]}}}}"#);
        // A failover with a switchover may be down whenever its primary is, and this primary
        // has planned maintenance every month: those months (and the whole design's) are
        // never skipped.
        let cases = [
            (pair, true),
            (quorum, true),
            (copies, true),
            (failover, false),
            (all, false),
        ];
        for (root, skips) in cases {
            let text = format!(
                r#"{{"domains": {{"zone": {{"availability": 98, "outage_minutes": 600}}}},
                    "shared": {{"dns": {{"availability": 97, "outage_minutes": 300}}}},
                    "root": {root}}}"#
            );
            let (down, skipped) = whole_walks(&text);
            // The check has teeth: months went down, and months had walks skipped.
            assert!(
                down > 200 && (skipped > 200 || !skips),
                "{root}: {down} down, {skipped} skipped"
            );
        }
    }

    /// Months of the model `text`, each walked as pruned and with every drawn instance (which
    /// must agree); how many went down, and how many had an instance that could reach the root
    /// but no overlap that takes it down.
    fn whole_walks(text: &str) -> (usize, usize) {
        let model = Model::from_json(text).expect("model");
        let catalog = Catalog::empty();
        let simulation = Simulation::new(&model, &catalog, Default::default()).expect("simulation");
        let mut network = simulation.network.clone();
        // Draw every candidate's outages, counted or not.
        network.counted.iter_mut().for_each(|c| *c = true);
        let month_ms = simulation.month_ms;
        let mut random = Random::for_chunk(5, 0);
        let (mut month, mut block) = (Month::new(&network), Block::new(&network, &mut random));
        let (mut down, mut skipped) = (0, 0);
        for _ in 0..50 {
            block.draw(&network, &mut random, BLOCK, &[]);
            for m in 0..BLOCK {
                month.draw(&network, &mut random, month_ms, &block, m);
                let pruned = month.downtime(&network, month_ms, &[]).0;
                let reaches = block.relevant.iter().any(|&w| w >> m & 1 == 1);
                skipped += usize::from(reaches && month.state.relevant.is_empty());
                // Every instance with anything this month (all drawn: all counted).
                month.state.relevant = block.to_draw[m].clone();
                let all = block.candidate.iter().filter(|&&w| w >> m & 1 == 1).count();
                assert_eq!(all, month.state.relevant.len());
                let whole = month.downtime(&network, month_ms, &[]).0;
                assert_eq!(pruned, whole, "{text}: month {m}");
                down += usize::from(whole > 0);
            }
        }
        (down, skipped)
    }

    /// The gaps are geometric: `P(gap ≥ g) = q^g`, and the share of non-quiet months is `1 − q`.
    #[test]
    fn gaps_are_geometric() {
        let mut random = Random::for_chunk(3, 0);
        for q in [0.2, 0.9, 0.999] {
            let rate = -libm::log(q);
            let n = 200_000;
            let gaps: Vec<u64> = (0..n).map(|_| gap(&mut random, rate)).collect();
            for g in [1, 2, 5] {
                let share = gaps.iter().filter(|&&x| x >= g).count() as f64 / n as f64;
                let expected = libm::pow(q, g as f64);
                // Four standard errors.
                let se = (expected * (1.0 - expected) / n as f64).sqrt();
                assert!(
                    (share - expected).abs() < 4.0 * se + 1e-12,
                    "q {q}, g {g}: {share}"
                );
            }
        }
        assert_eq!(gap(&mut random, f64::INFINITY), 0, "q = 0: every month");
        assert!(gap(&mut random, 0.0) >= 1 << 50, "q = 1: never");
    }
}
