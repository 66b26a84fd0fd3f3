//! The architecture as the simulation walks it: the plan expanded into one process per component
//! instance (each copy of a `replicate` its own, a shared component or domain one in all), and a
//! network of gates that counts how many of its inputs are down. A month's outages become
//! events in time order; each event flips a process and the change runs up the network, so the
//! architecture's downtime comes out exact to the millisecond, as in an outage scenario.

mod prune;

pub(crate) use prune::{Masks, Overlaps};

use super::months::Sampler;
use crate::plan::{Plan, Step};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Most process instances a simulation may draw each month.
pub const MAX_PROCESSES: usize = 100_000;

/// The members of a serial (or parallel) step, with those of every serial (parallel) step
/// nested directly in it.
fn flatten(plan: &Plan, step: usize, serial: bool, members: &mut Vec<usize>) {
    let span = match plan.steps[step] {
        Step::Serial(span) | Step::Parallel(span) => span,
        _ => return,
    };
    for &c in plan.span(span) {
        match plan.steps[c] {
            Step::Serial(_) if serial => flatten(plan, c, serial, members),
            Step::Parallel(_) if !serial => flatten(plan, c, serial, members),
            _ => members.push(c),
        }
    }
}

/// An event packed for sorting: time (ms, 32 bits), kind (−2/−1 a planned/unplanned outage
/// ends, +1/+2 an unplanned/planned one starts: ends sort first at equal times), instance.
pub(crate) fn event(time: i64, kind: i32, instance: u32) -> u64 {
    ((time as u64) << 32) | (((kind + 2) as u64) << 28) | u64::from(instance)
}

fn unpack(event: u64) -> (i64, i32, u32) {
    (
        (event >> 32) as i64,
        ((event >> 28) & 0xF) as i32 - 2,
        (event & 0x0FFF_FFFF) as u32,
    )
}

/// A node of the network.
#[derive(Clone, Debug)]
enum Node {
    /// A process feeding this point of the structure.
    Input,
    /// Down when at least `need` of its inputs are down.
    Gate { need: u32 },
    /// Active-passive: down when primary and standby are both down, and for the first
    /// `switch_ms` of every primary outage.
    Failover { switch_ms: i64 },
}

/// A process instance: what draws its months, and where it feeds the network.
#[derive(Clone, Debug)]
pub(crate) struct Instance {
    pub(crate) sampler: Sampler,
    /// The input nodes it feeds (a shared process feeds every place it is used).
    pub(crate) inputs: Vec<u32>,
    /// The plan leaf it is an instance of.
    pub(crate) leaf: usize,
}

/// The expanded structure, built once per simulation.
#[derive(Clone, Debug)]
pub(crate) struct Network {
    nodes: Vec<Node>,
    /// Each node's parent and, for a failover's inputs, whether it is the primary.
    parents: Vec<(u32, bool)>,
    root: u32,
    pub(crate) instances: Vec<Instance>,
    /// How each node's "possibly down" reaches its parent, and follows from its children's
    /// (`prune`).
    edges: Vec<prune::Edge>,
    rules: Vec<prune::Rule>,
    /// Per instance: whether an SLA counts its own downtime (a service's instance, or a
    /// domain one lives in), so that its outages are drawn even when they cannot change the
    /// root.
    pub(crate) counted: Vec<bool>,
}

/// What the walk of one month changes, reset cheaply between months.
#[derive(Default)]
pub(crate) struct State {
    count: Vec<u32>,
    down: Vec<bool>,
    /// Failovers: primary down, standby down, switching, and a generation for their timers.
    failover: Vec<(bool, bool, bool, u32)>,
    /// The month's events, each packed in one integer (see [`event`]) so that sorting them is
    /// sorting numbers.
    pub(crate) events: Vec<u64>,
    timers: BinaryHeap<Reverse<(i64, u32, u32)>>,
    /// How many of its intervals cover each instance right now.
    covered: Vec<u32>,
    /// The month's instances whose events can change the root.
    pub(crate) relevant: Vec<u32>,
    /// The live nodes' down intervals (`prune`).
    pub(crate) overlaps: Overlaps,
}

impl Network {
    /// Expands `plan` for months of `month_ms`.
    ///
    /// # Errors
    /// The number of process instances, when more than [`MAX_PROCESSES`].
    pub(crate) fn new(plan: &Plan, month_ms: i64) -> Result<Self, usize> {
        let instances: u64 = plan
            .leaves
            .iter()
            .map(|l| if l.shared { 1 } else { l.copies.instances })
            .sum();
        if instances > MAX_PROCESSES as u64 {
            return Err(instances as usize);
        }
        let mut network = Self {
            nodes: Vec::new(),
            parents: Vec::new(),
            root: 0,
            instances: Vec::new(),
            edges: Vec::new(),
            rules: Vec::new(),
            counted: Vec::new(),
        };
        let mut shared = vec![None; plan.leaves.len()];
        network.root = network.expand(plan, plan.root(), month_ms, &mut shared);
        (network.edges, network.rules) = network.rules();
        network.counted = vec![false; network.instances.len()];
        Ok(network)
    }

    /// Adds the nodes of `step` (children first, each told its parent) and returns its node.
    fn expand(
        &mut self,
        plan: &Plan,
        step: usize,
        month_ms: i64,
        shared: &mut [Option<usize>],
    ) -> u32 {
        let mut kids: Vec<(u32, bool)> = Vec::new();
        let mut add = |network: &mut Self, step: usize, primary: bool| {
            let kid = network.expand(plan, step, month_ms, shared);
            kids.push((kid, primary));
        };
        let node = match plan.steps[step] {
            Step::Leaf(leaf) => return self.input(plan, leaf, month_ms, shared),
            Step::Var(v) => return self.input(plan, plan.vars[v], month_ms, shared),
            Step::Serial(_) | Step::Parallel(_) => {
                // A serial group inside a serial group is one group (likewise parallel):
                // fewer levels for every outage to climb.
                let serial = matches!(plan.steps[step], Step::Serial(_));
                let mut members = Vec::new();
                flatten(plan, step, serial, &mut members);
                for &c in &members {
                    add(self, c, false);
                }
                let need = if serial { 1 } else { members.len() };
                Node::Gate { need: need as u32 }
            }
            Step::KOfN { k, children: span } => {
                for &c in plan.span(span) {
                    add(self, c, false);
                }
                Node::Gate {
                    need: (span.len + 1 - k) as u32,
                }
            }
            Step::Failover {
                primary,
                standby,
                switchover,
            } => {
                add(self, primary, true);
                add(self, standby, false);
                Node::Failover {
                    switch_ms: plan.switchovers[switchover].ms,
                }
            }
            Step::Replicate { copies, child } => {
                for _ in 0..copies {
                    add(self, child, false);
                }
                Node::Gate { need: copies }
            }
        };
        let id = self.push(node);
        for (kid, primary) in kids {
            self.parents[kid as usize] = (id, primary);
        }
        id
    }

    fn push(&mut self, node: Node) -> u32 {
        self.nodes.push(node);
        self.parents.push((u32::MAX, false));
        (self.nodes.len() - 1) as u32
    }

    /// An input node fed by the process of `leaf` (its own instance, or the shared one).
    fn input(
        &mut self,
        plan: &Plan,
        leaf: usize,
        month_ms: i64,
        shared: &mut [Option<usize>],
    ) -> u32 {
        let node = self.push(Node::Input);
        let instance = match (plan.leaves[leaf].shared, shared[leaf]) {
            (true, Some(instance)) => instance,
            _ => {
                self.instances.push(Instance {
                    sampler: Sampler::new(&plan.leaves[leaf].process, month_ms),
                    inputs: Vec::new(),
                    leaf,
                });
                let instance = self.instances.len() - 1;
                if plan.leaves[leaf].shared {
                    shared[leaf] = Some(instance);
                }
                instance
            }
        };
        self.instances[instance].inputs.push(node);
        node
    }

    /// A fresh state for months of this network.
    pub(crate) fn state(&self) -> State {
        State {
            count: vec![0; self.nodes.len()],
            down: vec![false; self.nodes.len()],
            failover: vec![(false, false, false, 0); self.nodes.len()],
            events: Vec::new(),
            timers: BinaryHeap::new(),
            covered: vec![0; self.instances.len()],
            relevant: Vec::new(),
            overlaps: self.overlaps(),
        }
    }

    /// The architecture's downtime in the month, and how much of it falls in `hours` (sorted,
    /// disjoint intervals; empty: none), milliseconds.
    pub(crate) fn downtime_within(
        &self,
        state: &mut State,
        month_ms: i64,
        hours: &[(i64, i64)],
    ) -> (i64, i64) {
        if state.events.is_empty() {
            return (0, 0);
        }
        let mut inside = 0;
        // Ends before starts at the same time: touching outages do not overlap.
        state.events.sort_unstable();
        let mut down_since: Option<i64> = None;
        let mut total = 0;
        let events = std::mem::take(&mut state.events);
        let mut next = 0;
        loop {
            let timer = state.timers.peek().map(|Reverse(t)| *t);
            let event = events.get(next).map(|&e| unpack(e));
            let (time, root_down) = match (event, timer) {
                (Some(e), Some(t)) if t.0 < e.0 => {
                    state.timers.pop();
                    (t.0, self.timer(state, t))
                }
                (None, Some(t)) => {
                    state.timers.pop();
                    (t.0, self.timer(state, t))
                }
                (Some((time, kind, instance)), _) => {
                    next += 1;
                    (time, self.flip(state, instance, kind, time))
                }
                (None, None) => break,
            };
            match (root_down, down_since) {
                (true, None) => down_since = Some(time),
                (false, Some(since)) => {
                    total += time - since;
                    inside += overlap(hours, since, time);
                    down_since = None;
                }
                _ => {}
            }
        }
        if let Some(since) = down_since {
            total += month_ms - since;
            inside += overlap(hours, since, month_ms);
        }
        self.reset(state);
        state.events = events;
        state.events.clear();
        (total.clamp(0, month_ms), inside.clamp(0, month_ms))
    }

    /// An interval of `instance` starts (`kind` > 0) or ends at `time`; returns whether the
    /// architecture is down afterwards.
    fn flip(&self, state: &mut State, instance: u32, kind: i32, time: i64) -> bool {
        let covered = &mut state.covered[instance as usize];
        let was = *covered > 0;
        *covered = covered.saturating_add_signed(kind.signum());
        let is = *covered > 0;
        if was != is {
            let planned = kind.abs() == 2;
            for &input in &self.instances[instance as usize].inputs {
                self.set(state, input, is, time, planned);
            }
        }
        state.down[self.root as usize]
    }

    /// A failover's switchover ends: `(time, node, generation)`.
    fn timer(&self, state: &mut State, (time, node, generation): (i64, u32, u32)) -> bool {
        let f = &mut state.failover[node as usize];
        if f.3 == generation && f.2 {
            f.2 = false;
            self.refresh_failover(state, node, time, false);
        }
        state.down[self.root as usize]
    }

    /// Sets `node` down or up and passes the change on to its parent; `planned` when a
    /// planned maintenance caused it (a failover switches over for it without loss).
    fn set(&self, state: &mut State, mut node: u32, mut down: bool, time: i64, planned: bool) {
        // Up the network, as long as the change changes something (a loop: the hot path).
        loop {
            let Some(slot) = state.down.get_mut(node as usize) else {
                return;
            };
            if *slot == down || {
                *slot = down;
                node == self.root
            } {
                return;
            }
            let Some(&(parent, primary)) = self.parents.get(node as usize) else {
                return;
            };
            down = match self.nodes.get(parent as usize) {
                Some(&Node::Gate { need }) => {
                    let Some(count) = state.count.get_mut(parent as usize) else {
                        return;
                    };
                    *count = if down { *count + 1 } else { *count - 1 };
                    *count >= need
                }
                Some(&Node::Failover { switch_ms }) => self.failover_input(
                    state,
                    parent,
                    primary,
                    down,
                    time,
                    planned && down,
                    switch_ms,
                ),
                _ => return,
            };
            node = parent;
        }
    }

    /// A failover's input changed: its state, a switchover timer when the primary fails
    /// (unless for planned maintenance), and whether the failover is down now.
    #[allow(clippy::too_many_arguments)]
    fn failover_input(
        &self,
        state: &mut State,
        node: u32,
        primary: bool,
        down: bool,
        time: i64,
        planned: bool,
        switch_ms: i64,
    ) -> bool {
        let f = &mut state.failover[node as usize];
        if primary {
            f.0 = down;
            if down && switch_ms > 0 && !planned {
                f.2 = true;
                f.3 = f.3.wrapping_add(1);
                state.timers.push(Reverse((time + switch_ms, node, f.3)));
            } else if !down {
                f.2 = false;
            }
        } else {
            f.1 = down;
        }
        (f.0 && f.1) || f.2
    }

    fn refresh_failover(&self, state: &mut State, node: u32, time: i64, planned: bool) {
        let (p, s, switching, _) = state.failover[node as usize];
        self.set(state, node, (p && s) || switching, time, planned);
    }

    /// Every interval ends by the end of the month, so the walk leaves every node up; this
    /// only drops the timers still pending past the month.
    fn reset(&self, state: &mut State) {
        state.timers.clear();
        debug_assert!(state.down.iter().all(|d| !d) && state.covered.iter().all(|c| *c == 0));
    }
}

impl Network {
    /// The minimal sets of at most `order` instances whose non-quiet months can take the
    /// architecture down (its minimal cut sets over instances, a failover's switchover counted
    /// as its primary's failure), at most `limit` per node, the most probable kept.
    pub(crate) fn cut_sets(&self, order: usize, limit: usize) -> Vec<Vec<u32>> {
        let mut kids: Vec<Vec<u32>> = vec![Vec::new(); self.nodes.len()];
        for (node, &(parent, _)) in self.parents.iter().enumerate() {
            if parent != u32::MAX {
                kids[parent as usize].push(node as u32);
            }
        }
        let mut fed_by = vec![u32::MAX; self.nodes.len()];
        for (i, instance) in self.instances.iter().enumerate() {
            for &input in &instance.inputs {
                fed_by[input as usize] = i as u32;
            }
        }
        let weight = |set: &Vec<u32>| -> f64 {
            set.iter()
                .map(|&i| 1.0 - self.instances[i as usize].sampler.quiet)
                .product()
        };
        let mut sets: Vec<Vec<Vec<u32>>> = vec![Vec::new(); self.nodes.len()];
        // Children precede parents in the arena.
        for node in 0..self.nodes.len() {
            let of = |k: &u32| sets[*k as usize].clone();
            let found = match self.nodes[node] {
                Node::Input => vec![vec![fed_by[node]]],
                Node::Gate { need } => {
                    let children: Vec<Vec<Vec<u32>>> = kids[node].iter().map(of).collect();
                    at_least(children, need as usize, order)
                }
                Node::Failover { switch_ms } => {
                    let (primary, standby) = match kids[node].as_slice() {
                        [a, b] if self.parents[*a as usize].1 => (of(a), of(b)),
                        [a, b] => (of(b), of(a)),
                        _ => (Vec::new(), Vec::new()),
                    };
                    let mut both = at_least(vec![primary.clone(), standby], 2, order);
                    if switch_ms > 0 {
                        both.extend(primary);
                    }
                    minimal(both)
                }
            };
            let mut found = found;
            if found.len() > limit {
                found.sort_unstable_by(|a, b| weight(b).total_cmp(&weight(a)));
                found.truncate(limit);
            }
            sets[node] = found;
        }
        std::mem::take(&mut sets[self.root as usize])
    }
}

/// Sets failing at least `need` of `children` (each a list of sets), up to `order` elements.
fn at_least(children: Vec<Vec<Vec<u32>>>, need: usize, order: usize) -> Vec<Vec<u32>> {
    let mut failing: Vec<Vec<Vec<u32>>> = vec![Vec::new(); need + 1];
    failing[0] = vec![Vec::new()];
    for child in children {
        for j in (1..=need).rev() {
            let mut more = Vec::new();
            for a in &failing[j - 1] {
                for b in &child {
                    let mut union: Vec<u32> = a.iter().chain(b).copied().collect();
                    union.sort_unstable();
                    union.dedup();
                    if union.len() <= order {
                        more.push(union);
                    }
                }
            }
            more.append(&mut failing[j]);
            failing[j] = minimal(more);
        }
    }
    failing.pop().unwrap_or_default()
}

/// The sets that contain no other.
fn minimal(mut sets: Vec<Vec<u32>>) -> Vec<Vec<u32>> {
    sets.sort_unstable_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    sets.dedup();
    let mut kept: Vec<Vec<u32>> = Vec::with_capacity(sets.len());
    for set in sets {
        if !kept
            .iter()
            .any(|small| small.iter().all(|x| set.binary_search(x).is_ok()))
        {
            kept.push(set);
        }
    }
    kept
}

/// How much of `[from, to)` lies in `hours` (sorted, disjoint).
pub(crate) fn overlap(hours: &[(i64, i64)], from: i64, to: i64) -> i64 {
    let first = hours.partition_point(|&(_, end)| end <= from);
    hours[first..]
        .iter()
        .take_while(|&&(start, _)| start < to)
        .map(|&(start, end)| end.min(to) - start.max(from))
        .sum()
}
