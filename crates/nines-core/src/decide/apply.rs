//! A design written into the model: the choices of a search ([`crate::report::Design`]) made,
//! so that a shell can apply the cheapest design, or try one alternative, as one edit.
//!
//! A choice means here what it means to the search (`optimize.rs`): a component's alternative
//! `i` in place of its configuration, a `replicate`'s copies, a `parallel`'s members (its first
//! ones, then copies of its last). The model that comes out evaluates to the design's
//! availability and fee (tested against the search on random models).

use crate::model::{Component, Model, Node};
use crate::problem::{JsonPath, Problem, Problems};
use crate::report::Choice;
use std::collections::BTreeSet;

/// `model` with `choices` made:
///
/// - a component's choice `i ≥ 1` puts `alternatives[i − 1]` in its place (id, domains and the
///   list of alternatives stay) and the configuration it had in that alternative's place, so
///   the same choices stay open and choosing `i` again goes back; choice 0 leaves it;
/// - a `replicate`'s choice is its `copies`;
/// - a `parallel`'s choice is its members: its first ones, then copies of its last, whose
///   component ids get a suffix (`web-2`, `web-3`) so they stay unique; incidents on the
///   members it drops go with them.
///
/// ```
/// use nines_core::decide::apply;
/// use nines_core::report::Choice;
/// use nines_core::Model;
///
/// let model = Model::from_json(r#"{"root": {"replicate": {"copies": 1, "copies_range": [1, 3],
///     "child": {"component": {"id": "web", "availability": 99, "monthly_fee": 10,
///         "alternatives": [{"availability": 99.9, "monthly_fee": 40}]}}}}}"#)?;
/// let choices = [
///     Choice { id: "web".into(), choice: 1, label: String::new() },
///     Choice { id: "root.replicate".into(), choice: 2, label: String::new() },
/// ];
/// let applied = apply(&model, &choices)?;
/// let json = serde_json::to_value(&applied)?;
/// assert_eq!(json["root"]["replicate"]["copies"], 2);
/// assert_eq!(json["root"]["replicate"]["child"]["component"]["availability"], 99.9);
/// assert_eq!(json["root"]["replicate"]["child"]["component"]["alternatives"][0]["availability"], 99.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// A [`Problem`] at `choices[i]` for each choice whose id is no component with that many
/// alternatives and no `replicate` or `parallel` at that path, or whose count is 0.
pub fn apply(model: &Model, choices: &[Choice]) -> Result<Model, Problems> {
    let mut out = model.clone();
    let mut problems = Vec::new();
    let mut dropped = BTreeSet::new();
    // Components first, so that copies of a parallel's last member carry its choices; then
    // groups, inner before outer (a longer path first), as the search nests them.
    let mut order: Vec<usize> = (0..choices.len()).collect();
    order.sort_by_key(|&i| {
        let id = &choices[i].id;
        let group = is_group_path(id);
        (group, std::cmp::Reverse(if group { id.len() } else { 0 }))
    });
    for i in order {
        let choice = &choices[i];
        let made = if is_group_path(&choice.id) {
            set_count(&mut out, &choice.id, choice.choice, &mut dropped)
        } else {
            choose(&mut out, &choice.id, choice.choice)
        };
        if let Err(message) = made {
            problems.push(Problem::value(JsonPath::from("choices").index(i), message));
        }
    }
    if !problems.is_empty() {
        problems.sort_by(|a, b| a.path.cmp(&b.path));
        return Err(Problems(problems));
    }
    out.incidents
        .retain(|incident| !dropped.contains(&incident.component));
    Ok(out)
}

/// Whether a choice's id is a group's path (`root.….replicate`) rather than a component id.
fn is_group_path(id: &str) -> bool {
    id.starts_with("root.") && (id.ends_with(".replicate") || id.ends_with(".parallel"))
}

/// Makes a component's choice.
fn choose(model: &mut Model, id: &str, choice: u32) -> Result<(), String> {
    let component = component_mut(model, id).ok_or_else(|| format!("no component {id:?}"))?;
    match choice {
        0 => Ok(()),
        i => swap_in(component, i as usize - 1),
    }
}

/// Puts alternative `index` in the component's place and its configuration in the
/// alternative's.
fn swap_in(component: &mut Component, index: usize) -> Result<(), String> {
    let mut alternatives = std::mem::take(&mut component.alternatives);
    let Some(slot) = alternatives.get_mut(index) else {
        let count = alternatives.len();
        component.alternatives = alternatives;
        return Err(format!(
            "choice {} of a component with {count} alternatives",
            index + 1
        ));
    };
    let id = component.id.take();
    let domains = std::mem::take(&mut component.domains);
    std::mem::swap(component, slot);
    if component.name.is_none() {
        // The component's own name stays with it when the alternative brings none.
        component.name = slot.name.take();
    }
    component.id = id;
    component.domains = domains;
    component.alternatives = alternatives;
    Ok(())
}

/// The component with this id, in the tree or under `shared`.
fn component_mut<'m>(model: &'m mut Model, id: &str) -> Option<&'m mut Component> {
    fn walk<'n>(node: &'n mut Node, id: &str) -> Option<&'n mut Component> {
        match node {
            Node::Component(c) => (c.id.as_deref() == Some(id)).then_some(c),
            Node::Shared(_) => None,
            Node::Serial(g) | Node::Parallel(g) => g.children.iter_mut().find_map(|c| walk(c, id)),
            Node::KOfN(k) => k.children.iter_mut().find_map(|c| walk(c, id)),
            Node::Failover(f) => walk(&mut f.primary, id).or_else(|| walk(&mut f.standby, id)),
            Node::Replicate(r) => walk(&mut r.child, id),
        }
    }
    if model.shared.contains_key(id) {
        return model.shared.get_mut(id);
    }
    walk(&mut model.root, id)
}

/// Sets the copies or members of the group at `path` (as the search names it:
/// `root.serial.children[1].replicate`); ids of the components it drops go to `dropped`.
fn set_count(
    model: &mut Model,
    path: &str,
    count: u32,
    dropped: &mut BTreeSet<String>,
) -> Result<(), String> {
    if count == 0 {
        return Err("0 copies: a group needs at least one".to_string());
    }
    let mut taken: BTreeSet<String> = model.shared.keys().cloned().collect();
    component_ids(&model.root, &mut taken);
    let node = group_at(&mut model.root, JsonPath::from("root"), path)
        .ok_or_else(|| format!("no group at {path}"))?;
    match node {
        Node::Replicate(r) => r.copies = count,
        Node::Parallel(g) => {
            let count = count as usize;
            if count < g.children.len() {
                for gone in g.children.drain(count..) {
                    component_ids(&gone, dropped);
                }
            }
            let last = g
                .children
                .last()
                .cloned()
                .ok_or("an empty parallel has no member to copy")?;
            while g.children.len() < count {
                let mut copy = last.clone();
                renumber(&mut copy, &mut taken);
                g.children.push(copy);
            }
        }
        _ => return Err(format!("{path} is neither a replicate nor a parallel")),
    }
    Ok(())
}

/// The node whose group path (its JSON path and kind) is `wanted`.
fn group_at<'n>(node: &'n mut Node, at: JsonPath, wanted: &str) -> Option<&'n mut Node> {
    let here = at.key(node.kind());
    if here.to_string() == wanted {
        return Some(node);
    }
    if !wanted.starts_with(&here.to_string()) {
        return None;
    }
    match node {
        Node::Serial(g) | Node::Parallel(g) => children_at(&mut g.children, here, wanted),
        Node::KOfN(k) => children_at(&mut k.children, here, wanted),
        Node::Failover(f) => group_at(&mut f.primary, here.clone().key("primary"), wanted)
            .or_else(|| group_at(&mut f.standby, here.key("standby"), wanted)),
        Node::Replicate(r) => group_at(&mut r.child, here.key("child"), wanted),
        Node::Component(_) | Node::Shared(_) => None,
    }
}

fn children_at<'n>(children: &'n mut [Node], at: JsonPath, wanted: &str) -> Option<&'n mut Node> {
    let list = at.key("children");
    children
        .iter_mut()
        .enumerate()
        .find_map(|(i, child)| group_at(child, list.clone().index(i), wanted))
}

/// Every component id under `node`.
fn component_ids(node: &Node, out: &mut BTreeSet<String>) {
    match node {
        Node::Component(c) => out.extend(c.id.clone()),
        Node::Shared(_) => {}
        Node::Serial(g) | Node::Parallel(g) => {
            g.children.iter().for_each(|c| component_ids(c, out))
        }
        Node::KOfN(k) => k.children.iter().for_each(|c| component_ids(c, out)),
        Node::Failover(f) => {
            component_ids(&f.primary, out);
            component_ids(&f.standby, out);
        }
        Node::Replicate(r) => component_ids(&r.child, out),
    }
}

/// Gives every component under `node` an id not in `taken` (`web` → `web-2`), and takes it.
fn renumber(node: &mut Node, taken: &mut BTreeSet<String>) {
    match node {
        Node::Component(c) => {
            if let Some(id) = &c.id {
                let fresh = (2..)
                    .map(|n| format!("{id}-{n}"))
                    .find(|candidate| !taken.contains(candidate))
                    .unwrap_or_else(|| id.clone());
                taken.insert(fresh.clone());
                c.id = Some(fresh);
            }
        }
        Node::Shared(_) => {}
        Node::Serial(g) | Node::Parallel(g) => {
            g.children.iter_mut().for_each(|c| renumber(c, taken))
        }
        Node::KOfN(k) => k.children.iter_mut().for_each(|c| renumber(c, taken)),
        Node::Failover(f) => {
            renumber(&mut f.primary, taken);
            renumber(&mut f.standby, taken);
        }
        Node::Replicate(r) => renumber(&mut r.child, taken),
    }
}
