//! Sorting for the code the web app links (evaluation, cut sets, intervals, calendars, catalog
//! search). With the `small-sort` feature (the web app and the JS package) it is one heapsort;
//! without it (the CLI), std's `sort_unstable_by`.
//!
//! Why: each `sort_unstable_by` of std instantiates pattern-defeating quicksort (quicksort,
//! small-sort networks, a heapsort fallback: 2–3 KB of wasm) for its element and comparator
//! types; eight of them were 32 KB of the web app's code before `wasm-opt`, and this heapsort
//! saves 9.8 KB gzipped there and 11.4 KB in the JS package (DESIGN.md). It is 1.5× (8
//! elements) to 5× (100,000) slower than std's; none of these sorts is on a path with a speed
//! target (evaluating a model sorts only incidents, calendar spans and, when asked, cut sets),
//! and the simulation's own sorts stay std's. Both are unstable; every caller sorts by a total
//! order, so both give the same result (property-tested below).

use std::cmp::Ordering;

/// Sorts `v` by `compare`, which must be a total order.
pub(crate) fn sort_by<T>(v: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    #[cfg(feature = "small-sort")]
    heapsort(v, compare);
    #[cfg(not(feature = "small-sort"))]
    v.sort_unstable_by(compare);
}

/// Sorts `v` ascending.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    #[cfg(feature = "small-sort")]
    heapsort(v, T::cmp);
    #[cfg(not(feature = "small-sort"))]
    v.sort_unstable();
}

/// Heapsort: O(n log n), no allocation, a few hundred bytes of code per use.
#[cfg(any(test, feature = "small-sort"))]
fn heapsort<T>(v: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let less = |a: &T, b: &T| compare(a, b).is_lt();
    let n = v.len();
    for start in (0..n / 2).rev() {
        sift_down(v, start, n, &less);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, &less);
    }
}

#[cfg(any(test, feature = "small-sort"))]
fn sift_down<T>(v: &mut [T], mut node: usize, end: usize, less: &impl Fn(&T, &T) -> bool) {
    loop {
        let mut child = 2 * node + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[node], &v[child]) {
            return;
        }
        v.swap(node, child);
        node = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn heapsort_sorts_as_std_does(mut v in proptest::collection::vec((-20i16..20, 0u8..4), 0..200)) {
            let mut expected = v.clone();
            expected.sort_unstable();
            heapsort(&mut v, Ord::cmp);
            prop_assert_eq!(v, expected);
        }

        #[test]
        fn heapsort_sorts_by_a_comparator(mut v in proptest::collection::vec(-1000i32..1000, 0..200)) {
            let mut expected = v.clone();
            expected.sort_unstable_by(|a, b| b.cmp(a));
            heapsort(&mut v, |a, b| b.cmp(a));
            prop_assert_eq!(v, expected);
        }
    }
}
