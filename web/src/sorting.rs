//! Sorting without the standard library's sorts: each `sort_by` instantiates a few kilobytes
//! of pattern-defeating quicksort for its element and closure types, and the app sorts short
//! lists (a design's components, a chart's bars), where an insertion sort is as fast.

/// Sorts `items` so that no item comes after one it should precede (`before(a, b)`: `a` goes
/// first); stable. Quadratic: for the short lists the views show.
pub fn insertion_sort<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_items_in_order() {
        let mut items = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        insertion_sort(&mut items, |a, b| a.0 > b.0);
        assert_eq!(items, [(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e')]);
        let mut empty: [u8; 0] = [];
        insertion_sort(&mut empty, |a, b| a < b);
    }
}
