//! Addressing and restructuring the model tree by child-index paths. Pure data moves, no math.

use nines_core::model::{Component, Failover, Group, KOfN, Model, Node, Replicate};
use nines_core::{JsonPath, Segment};
use std::collections::BTreeSet;

/// A node's position: child indices from the root (failover: 0 primary, 1 standby).
pub type NodePath = Vec<usize>;

/// The kinds of group the editor offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    /// All must be up.
    Serial,
    /// Any one suffices.
    Parallel,
    /// At least k must be up.
    KOfN,
    /// Active-passive with a switchover.
    Failover,
    /// Identical copies, e.g. regions.
    Replicate,
}

impl GroupKind {
    /// Every kind, in menu order.
    pub const ALL: [GroupKind; 5] = [
        Self::Serial,
        Self::Parallel,
        Self::KOfN,
        Self::Failover,
        Self::Replicate,
    ];

    /// The model's JSON key for this kind.
    pub fn key(self) -> &'static str {
        match self {
            Self::Serial => "serial",
            Self::Parallel => "parallel",
            Self::KOfN => "k_of_n",
            Self::Failover => "failover",
            Self::Replicate => "replicate",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Serial => "Serial (all needed)",
            Self::Parallel => "Parallel (any one)",
            Self::KOfN => "k-of-n",
            Self::Failover => "Failover (active-passive)",
            Self::Replicate => "Replicate (copies, e.g. regions)",
        }
    }

    /// The kind named by a JSON key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The kind of a node, if it is a group.
    pub fn of(node: &Node) -> Option<Self> {
        Self::from_key(node.kind())
    }
}

/// The children of a node, in display order.
pub fn children(node: &Node) -> Vec<&Node> {
    match node {
        Node::Serial(g) | Node::Parallel(g) => g.children.iter().collect(),
        Node::KOfN(k) => k.children.iter().collect(),
        Node::Failover(f) => vec![&f.primary, &f.standby],
        Node::Replicate(r) => vec![&r.child],
        Node::Component(_) | Node::Shared(_) => Vec::new(),
    }
}

fn child_mut(node: &mut Node, index: usize) -> Option<&mut Node> {
    match node {
        Node::Serial(g) | Node::Parallel(g) => g.children.get_mut(index),
        Node::KOfN(k) => k.children.get_mut(index),
        Node::Failover(f) => match index {
            0 => Some(&mut f.primary),
            1 => Some(&mut f.standby),
            _ => None,
        },
        Node::Replicate(r) => (index == 0).then_some(&mut *r.child),
        Node::Component(_) | Node::Shared(_) => None,
    }
}

/// A list of children that can grow and shrink (serial, parallel, k-of-n).
fn child_list_mut(node: &mut Node) -> Option<&mut Vec<Node>> {
    match node {
        Node::Serial(g) | Node::Parallel(g) => Some(&mut g.children),
        Node::KOfN(k) => Some(&mut k.children),
        _ => None,
    }
}

/// The node at `path`.
pub fn node_at<'a>(root: &'a Node, path: &[usize]) -> Option<&'a Node> {
    path.iter()
        .try_fold(root, |node, &i| children(node).get(i).copied())
}

/// The node at `path`, mutably.
pub fn node_at_mut<'a>(root: &'a mut Node, path: &[usize]) -> Option<&'a mut Node> {
    path.iter().try_fold(root, |node, &i| child_mut(node, i))
}

/// Whether new children can be appended to this node.
pub fn accepts_children(node: &Node) -> bool {
    child_list_mut(&mut node.clone()).is_some() || matches!(node, Node::Replicate(_))
}

/// Appends `new` to the group at `path` (for a replicate, to its copied group); returns the
/// new node's path.
pub fn append(root: &mut Node, path: &[usize], new: Node) -> Option<NodePath> {
    let target = node_at_mut(root, path)?;
    if let Node::Replicate(r) = target {
        if child_list_mut(&mut r.child).is_none() {
            let old = std::mem::replace(&mut *r.child, Node::Component(Box::default()));
            *r.child = Node::Serial(Group {
                name: None,
                children: vec![old],
                domains: Vec::new(),
                copies_range: None,
            });
        }
        let list = child_list_mut(&mut r.child)?;
        list.push(new);
        let mut result = path.to_vec();
        result.extend([0, list.len() - 1]);
        return Some(result);
    }
    let list = child_list_mut(target)?;
    list.push(new);
    let mut result = path.to_vec();
    result.push(list.len() - 1);
    Some(result)
}

/// Removes the node at `path` from a growable group; returns it.
pub fn remove(root: &mut Node, path: &[usize]) -> Option<Node> {
    let (&last, parent) = path.split_last()?;
    let list = child_list_mut(node_at_mut(root, parent)?)?;
    (last < list.len()).then(|| list.remove(last))
}

/// Moves the node at `path` one place up (`-1`) or down (`+1`) among its siblings.
pub fn shift(root: &mut Node, path: &[usize], up: bool) -> Option<NodePath> {
    let (&last, parent) = path.split_last()?;
    let parent_node = node_at_mut(root, parent)?;
    if let Node::Failover(f) = parent_node {
        std::mem::swap(&mut f.primary, &mut f.standby);
        let mut moved = parent.to_vec();
        moved.push(1 - last.min(1));
        return Some(moved);
    }
    let list = child_list_mut(parent_node)?;
    let other = if up {
        last.checked_sub(1)?
    } else {
        last.checked_add(1).filter(|&i| i < list.len())?
    };
    list.swap(last, other);
    let mut moved = parent.to_vec();
    moved.push(other);
    Some(moved)
}

/// The nearest node at or above `path` that accepts children.
pub fn group_for(root: &Node, path: &[usize]) -> NodePath {
    let mut candidate = path.to_vec();
    loop {
        if node_at(root, &candidate).is_some_and(accepts_children) || candidate.is_empty() {
            return candidate;
        }
        candidate.pop();
    }
}

/// Turns a group into another kind, keeping its members where the new kind allows.
pub fn convert(node: Node, kind: GroupKind) -> Node {
    let name = node.name().map(str::to_string);
    let mut members: Vec<Node> = match node {
        Node::Serial(g) | Node::Parallel(g) => g.children,
        Node::KOfN(k) => k.children,
        Node::Failover(f) => vec![*f.primary, *f.standby],
        Node::Replicate(r) => vec![*r.child],
        leaf => vec![leaf],
    };
    match kind {
        GroupKind::Serial => Node::Serial(Group {
            name,
            children: members,
            domains: Vec::new(),
            copies_range: None,
        }),
        GroupKind::Parallel => Node::Parallel(Group {
            name,
            children: members,
            domains: Vec::new(),
            copies_range: None,
        }),
        GroupKind::KOfN => Node::KOfN(KOfN {
            name,
            k: 1,
            children: members,
            domains: Vec::new(),
        }),
        GroupKind::Failover => {
            let placeholder = || {
                Node::Serial(Group {
                    name: None,
                    children: Vec::new(),
                    domains: Vec::new(),
                    copies_range: None,
                })
            };
            let standby = if members.len() > 1 {
                members.remove(1)
            } else {
                placeholder()
            };
            let primary = if members.is_empty() {
                placeholder()
            } else {
                members.remove(0)
            };
            Node::Failover(Failover {
                name,
                primary: Box::new(primary),
                standby: Box::new(standby),
                switchover_minutes: 5.0,
                incidents_per_year: Some(4.0),
                domains: Vec::new(),
            })
        }
        GroupKind::Replicate => {
            let child = if members.len() == 1 {
                members.remove(0)
            } else {
                Node::Serial(Group {
                    name: None,
                    children: members,
                    domains: Vec::new(),
                    copies_range: None,
                })
            };
            Node::Replicate(Replicate {
                name,
                copies: 2,
                child: Box::new(child),
                domains: Vec::new(),
                copies_range: None,
            })
        }
    }
}

/// Moves the node at `from` to the end of the group at `to` (for a replicate, its copied
/// group); returns its new path. Refuses to move the root, a node into itself or its own
/// descendants, and failover sides (they are slots, not list members).
pub fn move_to(root: &mut Node, from: &[usize], to: &[usize]) -> Option<NodePath> {
    if from.is_empty() || to.starts_with(from) {
        return None;
    }
    let (&last, parent) = from.split_last()?;
    child_list_mut(node_at_mut(root, parent)?)?;
    if !node_at(root, to).is_some_and(accepts_children) {
        return None;
    }
    let node = remove(root, from)?;
    // Removing `from` shifts its later siblings (and their subtrees) up by one.
    let mut target = to.to_vec();
    if target.len() > parent.len() && target.starts_with(parent) && target[parent.len()] > last {
        target[parent.len()] -= 1;
    }
    append(root, &target, node)
}

/// Where a node dragged from `from` and dropped over `over` goes: into `over` when it is a
/// group's frame, else into the group that holds `over`; `None` when that is where it already
/// is, or inside itself.
pub fn drop_target(
    root: &Node,
    from: &[usize],
    over: &[usize],
    onto_group: bool,
) -> Option<NodePath> {
    let into = if onto_group {
        over.to_vec()
    } else {
        group_for(root, over.split_last().map_or(&[][..], |(_, p)| p))
    };
    let parent = from
        .split_last()
        .map(|(_, p)| p.to_vec())
        .unwrap_or_default();
    (into != parent && !into.starts_with(from)).then_some(into)
}

/// Where the selection goes when the node at `path` is deleted: the next sibling, else the
/// previous one, else the parent.
pub fn neighbour_after_delete(root: &Node, path: &[usize]) -> NodePath {
    let Some((&last, parent)) = path.split_last() else {
        return Vec::new();
    };
    let siblings = node_at(root, parent).map_or(0, |p| children(p).len());
    let mut next = parent.to_vec();
    if last + 1 < siblings {
        next.push(last); // the next sibling moves into this index
    } else if last > 0 {
        next.push(last - 1);
    }
    next
}

/// Every node's path in reading order (depth first): the order of arrow-key moves.
pub fn reading_order(root: &Node) -> Vec<NodePath> {
    fn walk(node: &Node, path: &mut NodePath, out: &mut Vec<NodePath>) {
        out.push(path.clone());
        for (i, child) in children(node).into_iter().enumerate() {
            path.push(i);
            walk(child, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(root, &mut Vec::new(), &mut out);
    out
}

/// Every group that accepts new members, with a name for a menu (`Region (serial)`).
pub fn groups(root: &Node) -> Vec<(NodePath, String)> {
    reading_order(root)
        .into_iter()
        .filter_map(|path| {
            let node = node_at(root, &path)?;
            accepts_children(node).then(|| {
                let kind = node.kind().replace('_', "-");
                let name = match node.name() {
                    Some(name) => format!("{name} ({kind})"),
                    None if path.is_empty() => format!("Top level ({kind})"),
                    None => kind,
                };
                (path, name)
            })
        })
        .collect()
}

/// The node a JSON path of the model points into (`root.serial.children[2].parallel.k` → the
/// parallel group's path `[2]`), if the path is in the tree.
pub fn node_path_of(json: &JsonPath) -> Option<NodePath> {
    let mut segments = json.segments().iter();
    if segments.next() != Some(&Segment::Key("root".to_string())) {
        return None;
    }
    let mut path = Vec::new();
    // After each node's kind key comes the step to one of its children, if any.
    while segments.next().is_some() {
        let step = match segments.next() {
            Some(Segment::Key(key)) if key == "children" => match segments.next() {
                Some(Segment::Index(i)) => *i,
                _ => break,
            },
            Some(Segment::Key(key)) if key == "primary" || key == "child" => 0,
            Some(Segment::Key(key)) if key == "standby" => 1,
            _ => break,
        };
        path.push(step);
    }
    Some(path)
}

/// Every component id and shared key in the model.
pub fn ids(model: &Model) -> BTreeSet<String> {
    fn walk(node: &Node, out: &mut BTreeSet<String>) {
        match node {
            Node::Component(c) => {
                if let Some(id) = &c.id {
                    out.insert(id.clone());
                }
            }
            Node::Shared(key) => {
                out.insert(key.clone());
            }
            group => children(group).into_iter().for_each(|c| walk(c, out)),
        }
    }
    // Inserted one by one: `collect` into a set would link a stable sort only for this.
    let mut out = BTreeSet::new();
    for key in model.shared.keys() {
        out.insert(key.clone());
    }
    walk(&model.root, &mut out);
    out
}

/// `base`, or `base-2`, `base-3`, … whichever is not yet used in the model.
pub fn unique_id(model: &Model, base: &str) -> String {
    let taken = ids(model);
    let base = if base.is_empty() { "component" } else { base };
    std::iter::once(base.to_string())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|id| !taken.contains(id))
        .unwrap_or_else(|| base.to_string())
}

/// Gives every component of a fragment (e.g. a template) an id not used in the model.
pub fn with_unique_ids(model: &Model, mut node: Node) -> Node {
    fn walk(node: &mut Node, model: &mut Model) {
        match node {
            Node::Component(c) => {
                let id = unique_id(model, c.id.as_deref().unwrap_or("component"));
                c.id = Some(id.clone());
                // Reserve it so siblings in the fragment get different ids.
                model.shared.insert(id, Component::default());
            }
            Node::Shared(_) => {}
            group => {
                let count = children(group).len();
                for i in 0..count {
                    if let Some(child) = child_mut(group, i) {
                        walk(child, model);
                    }
                }
            }
        }
    }
    let mut scratch = model.clone();
    walk(&mut node, &mut scratch);
    node
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(id: &str) -> Node {
        Node::Component(Box::new(Component {
            id: Some(id.to_string()),
            ..Component::default()
        }))
    }

    fn model(root: Node) -> Model {
        Model::from_json(r#"{"root": {"shared": "x"}}"#)
            .map(|m| Model { root, ..m })
            .unwrap()
    }

    fn serial(children: Vec<Node>) -> Node {
        Node::Serial(Group::of(children))
    }

    #[test]
    fn append_remove_and_shift_by_path() {
        let mut root = serial(vec![leaf("a"), serial(vec![leaf("b")])]);
        assert_eq!(append(&mut root, &[1], leaf("c")), Some(vec![1, 1]));
        assert_eq!(shift(&mut root, &[1, 1], true), Some(vec![1, 0]));
        assert!(
            matches!(node_at(&root, &[1, 0]), Some(Node::Component(c)) if c.id.as_deref() == Some("c"))
        );
        assert!(shift(&mut root, &[1, 0], true).is_none());
        assert!(remove(&mut root, &[0]).is_some());
        assert_eq!(children(&root).len(), 1);
        assert!(remove(&mut root, &[]).is_none());
    }

    #[test]
    fn appending_to_a_replicated_leaf_wraps_it() {
        let mut root = convert(leaf("a"), GroupKind::Replicate);
        assert_eq!(append(&mut root, &[], leaf("b")), Some(vec![0, 1]));
        assert_eq!(group_for(&root, &[0, 1]), vec![0]);
    }

    #[test]
    fn move_between_groups() {
        // serial[a, parallel[b], c] : move c into the parallel, then a into it too.
        let mut root = serial(vec![
            leaf("a"),
            Node::Parallel(Group::of(vec![leaf("b")])),
            leaf("c"),
        ]);
        assert_eq!(move_to(&mut root, &[2], &[1]), Some(vec![1, 1]));
        assert_eq!(move_to(&mut root, &[0], &[1]), Some(vec![0, 2]));
        assert_eq!(children(&root).len(), 1);
        // Not into itself, not the root, not into a leaf.
        assert_eq!(move_to(&mut root, &[0], &[0, 1]), None);
        assert_eq!(move_to(&mut root, &[], &[0]), None);
        assert_eq!(move_to(&mut root, &[0, 0], &[0, 1]), None);
    }

    #[test]
    fn drops_go_into_the_group_under_the_pointer() {
        let root = serial(vec![leaf("a"), serial(vec![leaf("b")])]);
        assert_eq!(drop_target(&root, &[0], &[1], true), Some(vec![1]));
        assert_eq!(drop_target(&root, &[0], &[1, 0], false), Some(vec![1]));
        assert_eq!(drop_target(&root, &[1, 0], &[1], true), None); // already there
        assert_eq!(drop_target(&root, &[1], &[1, 0], false), None); // into itself
    }

    #[test]
    fn delete_selects_a_neighbour() {
        let root = serial(vec![leaf("a"), leaf("b"), serial(vec![leaf("c")])]);
        assert_eq!(neighbour_after_delete(&root, &[0]), vec![0]);
        assert_eq!(neighbour_after_delete(&root, &[2]), vec![1]);
        assert_eq!(neighbour_after_delete(&root, &[2, 0]), vec![2]);
        assert_eq!(
            reading_order(&root),
            vec![vec![], vec![0], vec![1], vec![2], vec![2, 0]]
        );
        assert_eq!(groups(&root).len(), 2);
    }

    #[test]
    fn json_paths_to_node_paths() {
        let path = JsonPath::from("root")
            .key("serial")
            .key("children")
            .index(2)
            .key("failover")
            .key("standby")
            .key("parallel")
            .key("children")
            .index(1)
            .key("component");
        assert_eq!(node_path_of(&path), Some(vec![2, 1, 1]));
        let k = JsonPath::from("root").key("k_of_n").key("k");
        assert_eq!(node_path_of(&k), Some(vec![]));
        assert_eq!(node_path_of(&JsonPath::from("incidents").index(0)), None);
    }

    #[test]
    fn conversions_keep_members() {
        let pair = serial(vec![leaf("a"), leaf("b")]);
        let failover = convert(pair, GroupKind::Failover);
        assert_eq!(children(&failover).len(), 2);
        let back = convert(failover, GroupKind::KOfN);
        assert!(matches!(&back, Node::KOfN(k) if k.children.len() == 2 && k.k == 1));
    }

    #[test]
    fn ids_stay_unique() {
        let m = model(serial(vec![leaf("web"), leaf("web-2")]));
        assert_eq!(unique_id(&m, "web"), "web-3");
        assert_eq!(unique_id(&m, "db"), "db");
        let fragment = with_unique_ids(&m, serial(vec![leaf("web"), leaf("web")]));
        let ids: Vec<_> = children(&fragment)
            .iter()
            .filter_map(|n| match n {
                Node::Component(c) => c.id.clone(),
                _ => None,
            })
            .collect();
        assert_eq!(ids, ["web-3", "web-4"]);
    }
}
