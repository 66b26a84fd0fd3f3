//! Which of a month's drawn instances can change the architecture's downtime, before any event
//! is sorted.
//!
//! A node can only be down at some moment of the month if it would be down with every instance
//! that has an interval this month down at once ("possibly down": the structure is monotone).
//! An instance matters only through an input whose every ancestor, up to the root, is possibly
//! down; below a node that is never down nothing changes the root. So the walk in time order
//! takes the events of those instances only, and gives the same downtime to the millisecond.
//! In most months most drawn instances sit under a parallel group whose other members had a
//! quiet month, and their events are dropped here.

use super::{Network, Node};

/// How a node's "possibly down" reaches its parent: the parent, whether this node counts
/// towards it, and how many counting children the parent needs.
#[derive(Clone, Copy, Debug)]
pub(super) struct Edge {
    parent: u32,
    counts: bool,
    need: u32,
}

/// The possibly-down marks of one month, reset after it.
#[derive(Default)]
pub(crate) struct Marks {
    count: Vec<u32>,
    down: Vec<bool>,
    touched: Vec<u32>,
}

impl Network {
    /// Each node's [`Edge`] (the root's parent is `u32::MAX`).
    pub(super) fn edges(&self) -> Vec<Edge> {
        self.parents
            .iter()
            .map(|&(parent, primary)| {
                let (counts, need) = match self.nodes.get(parent as usize) {
                    Some(&Node::Gate { need }) => (true, need),
                    // Down when both are, or while switching over from the primary.
                    Some(&Node::Failover { switch_ms }) if switch_ms > 0 => (primary, 1),
                    Some(&Node::Failover { .. }) => (true, 2),
                    _ => (false, 0),
                };
                Edge {
                    parent,
                    counts,
                    need,
                }
            })
            .collect()
    }

    /// Fresh marks for this network.
    pub(crate) fn marks(&self) -> Marks {
        Marks {
            count: vec![0; self.nodes.len()],
            down: vec![false; self.nodes.len()],
            touched: Vec::new(),
        }
    }

    /// The instances of `drawn` (those with an outage or maintenance this month) whose events
    /// can change the root, into `relevant` (cleared first, in the order of `drawn`).
    pub(crate) fn relevant(&self, marks: &mut Marks, drawn: &[u32], relevant: &mut Vec<u32>) {
        relevant.clear();
        for &i in drawn {
            for &input in &self.instances[i as usize].inputs {
                self.mark(marks, input);
            }
        }
        if marks.down.get(self.root as usize) == Some(&true) {
            for &i in drawn {
                let inputs = &self.instances[i as usize].inputs;
                if inputs.iter().any(|&input| self.live(marks, input)) {
                    relevant.push(i);
                }
            }
        }
        for node in marks.touched.drain(..) {
            marks.count[node as usize] = 0;
            marks.down[node as usize] = false;
        }
    }

    /// Marks `node` possibly down, and its ancestors as far as that makes them so.
    fn mark(&self, marks: &mut Marks, mut node: u32) {
        loop {
            match marks.down.get_mut(node as usize) {
                Some(down) if !*down => *down = true,
                _ => return,
            }
            marks.touched.push(node);
            let Some(&Edge {
                parent,
                counts,
                need,
            }) = self.edges.get(node as usize)
            else {
                return;
            };
            let Some(count) = marks.count.get_mut(parent as usize).filter(|_| counts) else {
                return;
            };
            *count += 1;
            if *count == 1 {
                marks.touched.push(parent);
            }
            if *count < need {
                return;
            }
            node = parent;
        }
    }

    /// Whether `node` and every ancestor of it are possibly down.
    fn live(&self, marks: &Marks, mut node: u32) -> bool {
        loop {
            if marks.down.get(node as usize) != Some(&true) {
                return false;
            }
            if node == self.root {
                return true;
            }
            match self.edges.get(node as usize) {
                Some(edge) => node = edge.parent,
                None => return false,
            }
        }
    }
}
