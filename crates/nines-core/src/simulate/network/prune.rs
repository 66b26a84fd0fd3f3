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
//! "Possibly down" is a boolean function of the instances' "anything this month" bits, and the
//! same function for every month: so a word holds 64 months, a serial group is an OR, a
//! parallel one an AND, a k-of-n a count in bit slices, and one pass up the network and one down
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
    /// Down when at least `need` counting children are: `need` counters from `offset` in
    /// [`Masks::counters`], the `j`-th set in the months where at least `j + 1` children are.
    AtLeast { need: u32, offset: u32 },
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
    live: Vec<u64>,
    counters: Vec<u64>,
}

impl Network {
    /// Each node's [`Edge`] (the root's parent is `u32::MAX`) and [`Rule`].
    pub(super) fn rules(&self) -> (Vec<Edge>, Vec<Rule>) {
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
                    offset += need;
                    Rule::AtLeast {
                        need,
                        offset: offset - need,
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
                Rule::AtLeast { need, .. } => *need as usize,
                _ => 0,
            })
            .sum();
        Masks {
            value: vec![0; self.nodes.len()],
            live: vec![0; self.nodes.len()],
            counters: vec![0; counters],
        }
    }

    /// For each instance, the months (bits) in which its events can change the root, from the
    /// months in which it has anything (`candidate`).
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
                Rule::AtLeast { need, offset } => counters[(offset + need - 1) as usize],
            };
            value[node] = word;
            let parent = edge.parent as usize;
            match self.rules.get(parent).filter(|_| edge.counts) {
                Some(Rule::Any) => value[parent] |= word,
                Some(Rule::All) => value[parent] &= word,
                Some(&Rule::AtLeast { need, offset }) => {
                    let slices = &mut counters[offset as usize..(offset + need) as usize];
                    for j in (1..slices.len()).rev() {
                        slices[j] |= slices[j - 1] & word;
                    }
                    slices[0] |= word;
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
