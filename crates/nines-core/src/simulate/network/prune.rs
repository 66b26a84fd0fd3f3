//! Which of a month's drawn instances can change the architecture's downtime, before any event
//! is sorted: for 64 months at once, one bit per month.
//!
//! A node can only be down at some moment of the month if it would be down with every instance
//! that has an interval this month down at once ("possibly down": the structure is monotone).
//! An instance matters only through an input whose every ancestor, up to the root, is possibly
//! down; below a node that is never down nothing changes the root. So the walk in time order
//! takes the events of those instances only, and gives the same downtime to the millisecond.
//! In most months most drawn instances sit under a parallel group whose other members had a
//! quiet month, and their events are dropped here.
//!
//! A month whose relevant outages are drawn still goes down only if they overlap as the
//! structure needs. Before their events are sorted and walked, each live node's down intervals
//! are worked out from its children's (a serial group's their union, a parallel one's their
//! intersection, a k-of-n's where enough of them overlap; a failover's primary's cover its
//! own), and a month whose root has none has no downtime. On the 100-component benchmark model
//! 98% of months have some instance that could reach the root, 4% are down: the others skip the
//! walk.
//!
//! "Possibly down" is a boolean function of the instances' "anything this month" bits, and the
//! same function for every month: so a word holds 64 months, a serial group is an OR, a
//! parallel one an AND, a k-of-n a binary count in bit slices (a word per bit of the count,
//! compared with k bit by bit), and one pass up the network and one down
//! decide 64 months (a few hundred word operations, instead of a walk per instance and month).

use super::{Network, Node};

/// How a node's "possibly down" follows from its counting children's.
#[derive(Clone, Copy, Debug)]
pub(super) enum Rule {
    /// An input: its instance has something this month.
    Input(u32),
    /// Down when any counting child is (a serial group, a failover switching over).
    Any,
    /// Down when every counting child is (a parallel group, a failover without switchover).
    All,
    /// Down when at least `need` counting children are: the count of each month in binary,
    /// `width` words from `offset` in [`Masks::counters`] (the `j`-th word holds bit `j` of
    /// every month's count).
    AtLeast { need: u32, offset: u32, width: u32 },
}

/// How a node's "possibly down" reaches its parent: the parent, and whether this node counts
/// towards it (a failover's standby does not when a switchover can take it down alone).
#[derive(Clone, Copy, Debug)]
pub(super) struct Edge {
    parent: u32,
    counts: bool,
}

/// The words of one block of months, reused from block to block.
#[derive(Default)]
pub(crate) struct Masks {
    value: Vec<u64>,
    /// Per node, the months in which it and every ancestor are possibly down.
    pub(crate) live: Vec<u64>,
    counters: Vec<u64>,
}

/// Per live node, the intervals it can be down in this month (sorted, disjoint; a k-of-n's
/// children's gathered until it is reached), and how many of its counting children have folded
/// in (for a parallel group: whether any has yet; for a k-of-n: how many have any interval);
/// each live node is reset after the month.
#[derive(Default)]
pub(crate) struct Overlaps {
    down: Vec<Vec<(i64, i64)>>,
    count: Vec<u32>,
    scratch: Vec<(i64, i64)>,
    /// A k-of-n's children's interval ends, to count (see [`at_least`]).
    edges: Vec<u64>,
}

impl Network {
    /// Each node's [`Edge`] (the root's parent is `u32::MAX`) and [`Rule`].
    pub(super) fn rules(&self) -> (Vec<Edge>, Vec<Rule>) {
        // Every pass below relies on children preceding their parents.
        debug_assert!(self
            .parents
            .iter()
            .enumerate()
            .all(|(node, &(parent, _))| parent == u32::MAX || parent as usize > node));
        let edges: Vec<Edge> = self
            .parents
            .iter()
            .map(|&(parent, primary)| Edge {
                parent,
                counts: match self.nodes.get(parent as usize) {
                    Some(Node::Failover { switch_ms }) if *switch_ms > 0 => primary,
                    _ => true,
                },
            })
            .collect();
        let mut counting = vec![0u32; self.nodes.len()];
        for edge in edges.iter().filter(|e| e.counts) {
            if let Some(count) = counting.get_mut(edge.parent as usize) {
                *count += 1;
            }
        }
        let mut fed_by = vec![0u32; self.nodes.len()];
        for (i, instance) in self.instances.iter().enumerate() {
            for &input in &instance.inputs {
                fed_by[input as usize] = i as u32;
            }
        }
        let mut offset = 0;
        let rules = self
            .nodes
            .iter()
            .enumerate()
            .map(|(node, kind)| {
                let need = match *kind {
                    Node::Input => return Rule::Input(fed_by[node]),
                    Node::Gate { need } => need,
                    Node::Failover { switch_ms } => 1 + u32::from(switch_ms == 0),
                };
                if need <= 1 {
                    Rule::Any
                } else if need == counting[node] {
                    Rule::All
                } else {
                    // Bits enough for every child counted.
                    let width = u32::BITS - counting[node].leading_zeros();
                    offset += width;
                    Rule::AtLeast {
                        need,
                        offset: offset - width,
                        width,
                    }
                }
            })
            .collect();
        (edges, rules)
    }

    /// Fresh words for this network.
    pub(crate) fn masks(&self) -> Masks {
        let counters = self
            .rules
            .iter()
            .map(|rule| match rule {
                Rule::AtLeast { width, .. } => *width as usize,
                _ => 0,
            })
            .sum();
        Masks {
            value: vec![0; self.nodes.len()],
            live: vec![0; self.nodes.len()],
            counters: vec![0; counters],
        }
    }

    /// Fresh overlaps for this network.
    pub(crate) fn overlaps(&self) -> Overlaps {
        Overlaps {
            down: vec![Vec::new(); self.nodes.len()],
            count: vec![0; self.nodes.len()],
            scratch: Vec::new(),
            edges: Vec::new(),
        }
    }

    /// For each instance, the months (bits) in which its events can change the root, from the
    /// months in which it has anything (`candidate`); the live nodes' words stay in
    /// [`Masks::live`].
    pub(crate) fn relevant(&self, candidate: &[u64], masks: &mut Masks, relevant: &mut [u64]) {
        let Masks {
            value,
            live,
            counters,
        } = masks;
        // Up: children precede their parents in the arena, so a node's words are complete
        // when it is reached.
        for (node, rule) in self.rules.iter().enumerate() {
            if matches!(rule, Rule::All) {
                value[node] = !0;
            } else if matches!(rule, Rule::Any) {
                value[node] = 0;
            }
        }
        counters.fill(0);
        for (node, (rule, edge)) in self.rules.iter().zip(&self.edges).enumerate() {
            let word = match *rule {
                Rule::Input(instance) => candidate[instance as usize],
                Rule::Any | Rule::All => value[node],
                Rule::AtLeast {
                    need,
                    offset,
                    width,
                } => at_least_words(&counters[offset as usize..(offset + width) as usize], need),
            };
            value[node] = word;
            let parent = edge.parent as usize;
            match self.rules.get(parent).filter(|_| edge.counts) {
                Some(Rule::Any) => value[parent] |= word,
                Some(Rule::All) => value[parent] &= word,
                Some(&Rule::AtLeast { offset, width, .. }) => {
                    // Adds one to the count of every month in `word`, carrying up.
                    let mut carry = word;
                    for bit in &mut counters[offset as usize..(offset + width) as usize] {
                        (*bit, carry) = (*bit ^ carry, *bit & carry);
                        if carry == 0 {
                            break;
                        }
                    }
                }
                _ => {}
            }
        }
        // Down: a node is live where it and its parent are.
        for node in (0..self.nodes.len()).rev() {
            let parent = self.edges[node].parent as usize;
            live[node] = value[node] & live.get(parent).copied().unwrap_or(!0);
        }
        for (word, instance) in relevant.iter_mut().zip(&self.instances) {
            *word = instance.inputs.iter().fold(0, |w, &i| w | live[i as usize]);
        }
    }
}

impl Network {
    /// Whether the root can be down at all in a month whose live nodes are `live` (in arena
    /// order) and whose relevant instances drew `intervals`: each live node's intervals from
    /// its children's (a serial group's their union, a parallel one's their intersection, a
    /// k-of-n's their union once enough children have any, a failover with a switchover its
    /// primary's), the root's empty when nothing overlaps as the structure needs.
    pub(crate) fn root_may_be_down(
        &self,
        live: &[u32],
        intervals: &[Vec<(i64, i64)>],
        overlaps: &mut Overlaps,
    ) -> bool {
        let Overlaps {
            down,
            count,
            scratch,
            edges,
        } = overlaps;
        let mut root = false;
        for &node in live {
            let n = node as usize;
            // Children precede their parents in the arena.
            let (below, above) = down.split_at_mut(n + 1);
            let own = &mut below[n];
            let child: &[(i64, i64)] = match self.rules[n] {
                // Outages are disjoint and in order; planned maintenance may overlap them.
                Rule::Input(i) if self.instances[i as usize].sampler.maintenance == 0 => {
                    &intervals[i as usize]
                }
                Rule::Input(i) => {
                    unite(&[], &intervals[i as usize], own);
                    own
                }
                Rule::AtLeast { need, .. } => {
                    at_least(own, need, count[n], edges);
                    own
                }
                _ => own,
            };
            let Edge { parent, counts } = self.edges[n];
            if parent == u32::MAX {
                root = !child.is_empty();
                continue;
            }
            let p = parent as usize;
            let into = &mut above[p - n - 1];
            match self.rules[p] {
                _ if !counts => continue,
                Rule::All if count[p] == 0 => into.extend_from_slice(child),
                Rule::All => {
                    intersect(into, child, scratch);
                    std::mem::swap(into, scratch);
                }
                _ if child.is_empty() => continue,
                // Gathered, and counted at the k-of-n itself.
                Rule::AtLeast { .. } => into.extend_from_slice(child),
                _ if into.is_empty() => into.extend_from_slice(child),
                _ => {
                    unite(into, child, scratch);
                    std::mem::swap(into, scratch);
                }
            }
            count[p] += 1;
        }
        for &node in live {
            down[node as usize].clear();
            count[node as usize] = 0;
        }
        root
    }
}

/// The union of `a` and `b` (each sorted by start) into `out`, sorted and disjoint.
fn unite(a: &[(i64, i64)], b: &[(i64, i64)], out: &mut Vec<(i64, i64)>) {
    out.clear();
    let (mut i, mut j) = (0, 0);
    loop {
        let next = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 <= y.0 => {
                i += 1;
                *x
            }
            (_, Some(y)) => {
                j += 1;
                *y
            }
            (Some(x), None) => {
                i += 1;
                *x
            }
            (None, None) => return,
        };
        match out.last_mut() {
            Some(last) if next.0 <= last.1 => last.1 = last.1.max(next.1),
            _ => out.push(next),
        }
    }
}

/// The intersection of `a` and `b` (each sorted and disjoint) into `out`.
fn intersect(a: &[(i64, i64)], b: &[(i64, i64)], out: &mut Vec<(i64, i64)>) {
    out.clear();
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        let (from, to) = (x.0.max(y.0), x.1.min(y.1));
        if from < to {
            out.push((from, to));
        }
        if x.1 <= y.1 {
            i += 1;
        } else {
            j += 1;
        }
    }
}

/// The months whose count (in binary, `bits[j]` holding bit `j` of each month's) is at least
/// `need`: compared from the highest bit down, months still equal to `need`'s bits so far and
/// months already above it.
fn at_least_words(bits: &[u64], need: u32) -> u64 {
    let (mut above, mut equal) = (0u64, !0u64);
    if u64::from(need) >> bits.len() != 0 {
        return 0;
    }
    for (j, &bit) in bits.iter().enumerate().rev() {
        if need >> j & 1 == 1 {
            equal &= bit;
        } else {
            above |= equal & bit;
            equal &= !bit;
        }
    }
    above | equal
}

/// A k-of-n's intervals: where at least `need` of its children's (gathered in `list`, each
/// child's disjoint) overlap; none when fewer than `need` children (`children`) have any.
///
/// Each start or end is one integer, the time (milliseconds in the month, under 2³²) doubled
/// plus one for a start, so that ends sort before starts at the same time, as the walk takes
/// them, and the sort is the one the walk's events already use (a sort of pairs was a new
/// instance of it: 4.9 KB of the JavaScript package's code, 1.2 KB gzipped).
fn at_least(list: &mut Vec<(i64, i64)>, need: u32, children: u32, edges: &mut Vec<u64>) {
    if children < need {
        list.clear();
        return;
    }
    edges.clear();
    edges.extend(
        list.iter()
            .flat_map(|&(from, to)| [(from as u64) << 1 | 1, (to as u64) << 1]),
    );
    edges.sort_unstable();
    list.clear();
    let (mut down, mut since) = (0, 0);
    for &edge in edges.iter() {
        let (time, step) = ((edge >> 1) as i64, if edge & 1 == 1 { 1 } else { -1 });
        let was = down >= need as i32;
        down += step;
        match (was, down >= need as i32) {
            (false, true) => since = time,
            (true, false) if since < time => list.push((since, time)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::random::Random;
    use super::*;

    const GRID: usize = 40;

    /// Up to four intervals within the grid, sorted by start; disjoint when asked.
    fn intervals(random: &mut Random, disjoint: bool) -> Vec<(i64, i64)> {
        let mut out = Vec::new();
        let mut at = 0;
        for _ in 0..(random.uniform() * 5.0) as usize {
            let start = at + (random.uniform() * 10.0) as i64;
            let end = (start + 1 + (random.uniform() * 12.0) as i64).min(GRID as i64);
            if start < end {
                out.push((start, end));
                at = if disjoint { end } else { start };
            }
        }
        out
    }

    fn grid(list: &[(i64, i64)]) -> [u32; GRID] {
        let mut cells = [0; GRID];
        for &(from, to) in list {
            for cell in &mut cells[from as usize..to as usize] {
                *cell += 1;
            }
        }
        cells
    }

    fn covered(list: &[(i64, i64)]) -> [bool; GRID] {
        grid(list).map(|c| c > 0)
    }

    fn disjoint(list: &[(i64, i64)]) -> bool {
        list.windows(2).all(|w| w[0].1 <= w[1].0) && list.iter().all(|(a, b)| a < b)
    }

    /// The words say, month by month, what evaluating the structure one month at a time says:
    /// a node is possibly down when enough of its counting children are (a k-of-n's count, a
    /// failover's primary alone when it switches over), and an instance is relevant when one
    /// of its inputs and every ancestor is.
    #[test]
    fn words_match_months_one_at_a_time() {
        let c = |id: &str| {
            format!(r#"{{"component": {{"id": "{id}", "mtbf_hours": 500, "mttr_hours": 5}}}}"#)
        };
        let k_of_n = |k: u32, kids: Vec<String>| {
            format!(
                r#"{{"k_of_n": {{"k": {k}, "children": [{}]}}}}"#,
                kids.join(", ")
            )
        };
        let wide = k_of_n(3, (0..7).map(|i| c(&format!("w{i}"))).collect());
        let nested = k_of_n(
            2,
            vec![
                format!(
                    r#"{{"parallel": {{"children": [{}, {}]}}}}"#,
                    c("a"),
                    c("b")
                ),
                c("c"),
                format!(r#"{{"replicate": {{"copies": 2, "child": {}}}}}"#, c("d")),
            ],
        );
        let switching = format!(
            r#"{{"failover": {{"switchover_minutes": 5, "primary": {}, "standby": {}}}}}"#,
            c("p"),
            c("s")
        );
        let plain = format!(
            r#"{{"failover": {{"switchover_minutes": 0, "primary": {}, "standby": {}}}}}"#,
            c("q"),
            c("t")
        );
        let text = format!(
            r#"{{"root": {{"serial": {{"children": [{wide}, {nested}, {switching}, {plain}]}}}}}}"#
        );
        let model = crate::Model::from_json(&text).expect("model");
        let catalog = crate::Catalog::empty();
        let simulation = crate::simulate::Simulation::new(&model, &catalog, Default::default())
            .expect("simulation");
        let network = &simulation.network;
        let n = network.nodes.len();
        let mut random = Random::for_chunk(2, 0);
        let (mut masks, mut relevant) = (network.masks(), vec![0; network.instances.len()]);
        let mut fed_by = vec![u32::MAX; n];
        for (i, instance) in network.instances.iter().enumerate() {
            for &input in &instance.inputs {
                fed_by[input as usize] = i as u32;
            }
        }
        let (mut some_relevant, mut some_not) = (0, 0);
        for _ in 0..300 {
            let candidate: Vec<u64> = (0..network.instances.len())
                .map(|_| (0..64).fold(0, |w, b| w | u64::from(random.uniform() < 0.4) << b))
                .collect();
            network.relevant(&candidate, &mut masks, &mut relevant);
            for m in 0..64 {
                let mut down = vec![false; n];
                let mut kids = vec![(0u32, false, false); n]; // (down children, primary, standby)
                for node in 0..n {
                    down[node] = match network.nodes[node] {
                        Node::Input => candidate[fed_by[node] as usize] >> m & 1 == 1,
                        Node::Gate { need } => kids[node].0 >= need,
                        Node::Failover { switch_ms } => {
                            kids[node].1 && (switch_ms > 0 || kids[node].2)
                        }
                    };
                    let (parent, primary) = network.parents[node];
                    if let Some(k) = kids.get_mut(parent as usize).filter(|_| down[node]) {
                        k.0 += 1;
                        if primary {
                            k.1 = true;
                        } else {
                            k.2 = true;
                        }
                    }
                }
                let mut live = vec![false; n];
                for node in (0..n).rev() {
                    let parent = network.parents[node].0 as usize;
                    live[node] = down[node] && live.get(parent).copied().unwrap_or(true);
                }
                for (i, instance) in network.instances.iter().enumerate() {
                    let expected = instance.inputs.iter().any(|&input| live[input as usize]);
                    assert_eq!(
                        relevant[i] >> m & 1 == 1,
                        expected,
                        "instance {i}, month {m}"
                    );
                    some_relevant += usize::from(expected);
                    some_not += usize::from(!expected && candidate[i] >> m & 1 == 1);
                }
            }
        }
        assert!(
            some_relevant > 1000 && some_not > 1000,
            "{some_relevant} {some_not}"
        );
    }

    /// Union, intersection and "at least k" against counting on a grid of milliseconds.
    #[test]
    fn interval_operations_match_a_grid() {
        let mut random = Random::for_chunk(9, 0);
        let (mut out, mut edges) = (Vec::new(), Vec::new());
        for _ in 0..5000 {
            let (a, b) = (intervals(&mut random, false), intervals(&mut random, false));
            unite(&a, &b, &mut out);
            let either: Vec<bool> = (0..GRID)
                .map(|i| covered(&a)[i] || covered(&b)[i])
                .collect();
            assert!(
                disjoint(&out) && covered(&out).to_vec() == either,
                "{a:?} ∪ {b:?}"
            );

            let (a, b) = (intervals(&mut random, true), intervals(&mut random, true));
            intersect(&a, &b, &mut out);
            let both: Vec<bool> = (0..GRID)
                .map(|i| covered(&a)[i] && covered(&b)[i])
                .collect();
            assert!(
                disjoint(&out) && covered(&out).to_vec() == both,
                "{a:?} ∩ {b:?}"
            );

            let children: Vec<Vec<(i64, i64)>> =
                (0..3).map(|_| intervals(&mut random, true)).collect();
            let gathered: Vec<(i64, i64)> = children.concat();
            let having = children.iter().filter(|c| !c.is_empty()).count() as u32;
            for need in 1..=3 {
                let mut list = gathered.clone();
                at_least(&mut list, need, having, &mut edges);
                let enough = grid(&gathered).map(|c| c >= need);
                assert!(
                    disjoint(&list) && covered(&list) == enough,
                    "{children:?} ≥ {need}"
                );
            }
        }
    }
}
