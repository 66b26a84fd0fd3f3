//! Per group: the fewest copies of a `replicate`, the fewest members of a `parallel` (its first
//! ones, then copies of its last), or the largest `k` of a `k_of_n` that meets the target with
//! all else as it is. Each count is found by a binary search: U is monotone in it.

use super::what_if::WhatIf;
use crate::model::{GroupKind, MAX_COPIES};
use crate::plan::GroupStep;
use crate::report::GroupNeed;

/// Every recorded group's need; leaves `what_if` as it found it.
pub(crate) fn group_needs(what_if: &mut WhatIf, goal: f64) -> Vec<GroupNeed> {
    let groups = what_if.plan.groups.clone();
    groups
        .iter()
        .map(|group| GroupNeed {
            path: group.path.clone(),
            kind: group.kind,
            current: group.current,
            required: required(what_if, group, goal),
        })
        .collect()
}

fn required(what_if: &mut WhatIf, group: &GroupStep, goal: f64) -> Option<u32> {
    match group.kind {
        GroupKind::KOfN => {
            // U grows with k: the largest k that meets the goal.
            let meets = |w: &mut WhatIf, k: u32| {
                w.set_k(group.step, k as usize);
                w.value() <= goal
            };
            let n = what_if.plan.span_len(group.step);
            let fewest_failing = search(what_if, 1, n + 1, |w, k| !meets(w, k));
            what_if.set_k(group.step, group.current as usize);
            fewest_failing.checked_sub(1).filter(|&k| k >= 1)
        }
        _ => {
            let found = search(what_if, 1, MAX_COPIES + 1, |w, c| {
                set_count(w, group, c);
                w.value() <= goal
            });
            set_count(what_if, group, group.current);
            (found <= MAX_COPIES).then_some(found)
        }
    }
}

/// The smallest `x` in `lo..hi` with `pred(x)` for a monotone `pred`, or `hi` when none.
fn search(
    what_if: &mut WhatIf,
    mut lo: u32,
    mut hi: u32,
    mut pred: impl FnMut(&mut WhatIf, u32) -> bool,
) -> u32 {
    let end = hi;
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(what_if, mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo.min(end)
}

/// Sets a `replicate`'s copies, or a wrapped `parallel`'s members: its first `count`, then
/// copies of its last.
pub(crate) fn set_count(what_if: &mut WhatIf, group: &GroupStep, count: u32) {
    if group.kind == GroupKind::Replicate {
        what_if.set_copies(group.step, count);
        return;
    }
    let n = group.members.len() as u32;
    for (j, &member) in group.members.iter().enumerate() {
        let j = j as u32;
        let copies = if j + 1 == n {
            count.saturating_sub(n - 1)
        } else {
            u32::from(j < count)
        };
        what_if.set_copies(member, copies);
    }
}
