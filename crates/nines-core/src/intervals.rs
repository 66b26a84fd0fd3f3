//! Interval algebra on half-open `[start, end)` millisecond intervals, exact to the millisecond.

/// Half-open `[start, end)` millisecond intervals, sorted and disjoint.
pub(crate) type Intervals = Vec<(i64, i64)>;

/// Sorts and merges overlapping or touching intervals, dropping empty ones.
pub(crate) fn normalize(mut intervals: Intervals) -> Intervals {
    intervals.retain(|(a, b)| a < b);
    crate::sort::sort(&mut intervals);
    let mut merged: Intervals = Vec::with_capacity(intervals.len());
    for (a, b) in intervals {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// The length of the union of `intervals` (sorted in place), without allocating.
pub(crate) fn union_length(intervals: &mut [(i64, i64)]) -> i64 {
    intervals.sort_unstable();
    let mut total = 0;
    let mut reach = i64::MIN;
    for &(a, b) in intervals.iter() {
        if b > reach {
            total += b - a.max(reach);
            reach = b;
        }
    }
    total
}

/// Total length in milliseconds.
pub(crate) fn total(intervals: &Intervals) -> i64 {
    intervals.iter().map(|(a, b)| b - a).sum()
}

/// The times of `a` that are not in `b` (both sorted and disjoint).
pub(crate) fn subtract(a: &[(i64, i64)], b: &[(i64, i64)]) -> Intervals {
    let mut out = Vec::with_capacity(a.len());
    let mut first = 0;
    for &(mut start, end) in a {
        while first < b.len() && b[first].1 <= start {
            first += 1;
        }
        for &(cut_start, cut_end) in b[first..].iter().take_while(|c| c.0 < end) {
            if cut_start > start {
                out.push((start, cut_start));
            }
            start = start.max(cut_end);
        }
        if start < end {
            out.push((start, end));
        }
    }
    out
}

/// The parts of `intervals` inside `[from, to)`.
pub(crate) fn clip(intervals: &[(i64, i64)], from: i64, to: i64) -> Intervals {
    intervals
        .iter()
        .map(|&(a, b)| (a.max(from), b.min(to)))
        .filter(|(a, b)| a < b)
        .collect()
}

/// Times covered by at least `need` of `sets`.
pub(crate) fn covered_by_at_least(sets: &[Intervals], need: usize) -> Intervals {
    if need == 0 || need > sets.len() {
        return Vec::new();
    }
    let mut events: Vec<(i64, i32)> = sets
        .iter()
        .flat_map(|set| set.iter().flat_map(|&(a, b)| [(a, 1), (b, -1)]))
        .collect();
    // At equal times process ends first so touching intervals do not overlap.
    crate::sort::sort(&mut events);
    let mut result = Vec::new();
    let mut count = 0i64;
    let mut open_at = 0;
    let need = need as i64;
    for (time, delta) in events {
        let before = count;
        count += i64::from(delta);
        if before < need && count >= need {
            open_at = time;
        } else if before >= need && count < need {
            result.push((open_at, time));
        }
    }
    normalize(result)
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
        assert_eq!(total(&vec![(0, 5), (7, 9)]), 7);
        assert_eq!(union_length(&mut [(7, 9), (0, 5), (3, 8)]), 9);
        assert_eq!(union_length(&mut [(0, 2), (2, 4), (1, 1)]), 4);
        let cuts = [(2, 3), (5, 12), (14, 15)];
        assert_eq!(
            subtract(&[(0, 10), (11, 20), (30, 31)], &cuts),
            vec![(0, 2), (3, 5), (12, 14), (15, 20), (30, 31)]
        );
        assert_eq!(subtract(&[(5, 12)], &cuts), vec![]);
        assert_eq!(clip(&[(0, 10), (20, 30)], 5, 25), vec![(5, 10), (20, 25)]);
    }
}
