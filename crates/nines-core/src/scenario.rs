//! Outage scenarios: which intervals each component was down, and what that made of the
//! architecture, derived from its structure (interval algebra, exact to the millisecond).

use crate::plan::{Plan, Step};

/// Half-open `[start, end)` millisecond intervals, sorted and disjoint.
pub(crate) type Intervals = Vec<(i64, i64)>;

/// One component outage placed in the scenario window.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Outage {
    pub leaf: usize,
    pub copy: Option<u32>,
    pub start_ms: i64,
    pub end_ms: i64,
}

/// Sorts and merges overlapping or touching intervals, dropping empty ones.
pub(crate) fn normalize(mut intervals: Intervals) -> Intervals {
    intervals.retain(|(a, b)| a < b);
    intervals.sort_unstable();
    let mut merged: Intervals = Vec::with_capacity(intervals.len());
    for (a, b) in intervals {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// Total length in milliseconds.
pub(crate) fn total(intervals: &Intervals) -> i64 {
    intervals.iter().map(|(a, b)| b - a).sum()
}

/// Times covered by at least `need` of `sets`.
fn covered_by_at_least(sets: &[Intervals], need: usize) -> Intervals {
    if need == 0 || need > sets.len() {
        return Vec::new();
    }
    let mut events: Vec<(i64, i32)> = sets
        .iter()
        .flat_map(|set| set.iter().flat_map(|&(a, b)| [(a, 1), (b, -1)]))
        .collect();
    // At equal times process ends first so touching intervals do not overlap.
    events.sort_unstable();
    let mut result = Vec::new();
    let mut count = 0i64;
    let mut open_at = 0;
    for (time, delta) in events {
        let before = count;
        count += i64::from(delta);
        let need = need as i64;
        if before < need && count >= need {
            open_at = time;
        } else if before >= need && count < need {
            result.push((open_at, time));
        }
    }
    normalize(result)
}

/// The architecture's down intervals for a scenario.
pub(crate) fn architecture_down(plan: &Plan, outages: &[Outage]) -> Intervals {
    down(plan, outages, plan.root(), None)
}

/// Down intervals of one leaf in one copy (`None`: outside any replicate, or all copies).
pub(crate) fn leaf_down(outages: &[Outage], leaf: usize, copy: Option<u32>) -> Intervals {
    normalize(
        outages
            .iter()
            .filter(|o| o.leaf == leaf)
            .filter(|o| match (o.copy, copy) {
                (Some(hit), Some(here)) => hit == here,
                _ => true,
            })
            .map(|o| (o.start_ms, o.end_ms))
            .collect(),
    )
}

fn down(plan: &Plan, outages: &[Outage], step: usize, copy: Option<u32>) -> Intervals {
    let kids = |span| -> Vec<Intervals> {
        plan.span(span)
            .iter()
            .map(|&c| down(plan, outages, c, copy))
            .collect()
    };
    match plan.steps[step] {
        Step::Leaf(leaf) => {
            let copy = if plan.leaves[leaf].shared { None } else { copy };
            leaf_down(outages, leaf, copy)
        }
        Step::Var(v) => leaf_down(outages, plan.vars[v], None),
        Step::Serial(span) => covered_by_at_least(&kids(span), 1),
        Step::Parallel(span) => covered_by_at_least(&kids(span), span.len),
        Step::KOfN { k, children } => {
            // Down when more than n − k children are down.
            covered_by_at_least(&kids(children), children.len - k + 1)
        }
        Step::Failover {
            primary,
            standby,
            switch_ms,
            ..
        } => {
            let p = down(plan, outages, primary, copy);
            let s = down(plan, outages, standby, copy);
            let mut both = covered_by_at_least(&[p.clone(), s], 2);
            both.extend(p.iter().map(|&(a, b)| (a, b.min(a + switch_ms))));
            normalize(both)
        }
        Step::Replicate { copies, child } => {
            let sets: Vec<Intervals> = (1..=copies)
                .map(|c| down(plan, outages, child, Some(c)))
                .collect();
            covered_by_at_least(&sets, sets.len())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_algebra() {
        let a = vec![(0, 10), (20, 30)];
        let b = vec![(5, 25)];
        assert_eq!(
            covered_by_at_least(&[a.clone(), b.clone()], 1),
            vec![(0, 30)]
        );
        assert_eq!(covered_by_at_least(&[a, b], 2), vec![(5, 10), (20, 25)]);
        assert_eq!(
            normalize(vec![(3, 4), (0, 2), (2, 3), (5, 5)]),
            vec![(0, 4)]
        );
        assert_eq!(
            covered_by_at_least(&[vec![(0, 5)], vec![(5, 9)]], 2),
            vec![]
        );
    }
}
