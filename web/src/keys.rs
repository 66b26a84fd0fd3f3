//! The keyboard in the architecture list and the diagram: arrows move the selection through the
//! tree, Alt+arrows move the selected node (up and down among its siblings, out of its group or
//! into the group before it), Delete removes it, `+` adds to it. Pure: keys in, actions out.

use crate::context::AppContext;
use crate::state::{Action, Adding};
use crate::tree::{self, NodePath};
use nines_core::model::Node;

/// The action for `key` (a `KeyboardEvent.key`) with Alt held or not, when `selected` is the
/// selected node of `root`; `None` leaves the key to the browser.
pub fn tree_key(key: &str, alt: bool, root: &Node, selected: &[usize]) -> Option<Action> {
    let order = tree::reading_order(root);
    let here = order.iter().position(|p| p == selected).unwrap_or(0);
    let focus = |path: &NodePath| Some(Action::Focus(path.clone()));
    let parent = selected.split_last().map(|(_, p)| p.to_vec());
    match (key, alt) {
        ("ArrowDown", false) => order.get(here + 1).and_then(focus),
        ("ArrowUp", false) => here
            .checked_sub(1)
            .and_then(|i| order.get(i))
            .and_then(focus),
        ("Home", false) => order.first().and_then(focus),
        ("End", false) => order.last().and_then(focus),
        ("ArrowLeft", false) => parent.as_ref().and_then(focus),
        ("ArrowRight", false) => {
            let node = tree::node_at(root, selected)?;
            (!tree::children(node).is_empty()).then(|| {
                let mut first = selected.to_vec();
                first.push(0);
                Action::Focus(first)
            })
        }
        ("ArrowUp", true) | ("ArrowDown", true) => {
            (!selected.is_empty()).then(|| Action::Shift(selected.to_vec(), key == "ArrowUp"))
        }
        ("ArrowLeft", true) => {
            // Out of its group, to the end of the group that holds that group.
            let parent = parent?;
            let outer = tree::group_for(root, parent.split_last()?.1);
            Some(Action::MoveTo(selected.to_vec(), outer))
        }
        ("ArrowRight", true) => {
            // Into the group just before it.
            let (&last, parent) = selected.split_last()?;
            let mut before = parent.to_vec();
            before.push(last.checked_sub(1)?);
            tree::node_at(root, &before)
                .is_some_and(tree::accepts_children)
                .then(|| Action::MoveTo(selected.to_vec(), before))
        }
        ("Delete" | "Backspace", false) => {
            (!selected.is_empty()).then(|| Action::Delete(selected.to_vec()))
        }
        ("+" | "Insert", _) => Some(Action::OpenAdd(Adding::To(tree::group_for(root, selected)))),
        _ => None,
    }
}

/// The list's and the diagram's key handler: [`tree_key`] on the current selection.
pub fn keydown(app: &AppContext) -> yew::Callback<yew::KeyboardEvent> {
    let app = app.clone();
    yew::Callback::from(move |e: yew::KeyboardEvent| {
        if let Some(action) = tree_key(&e.key(), e.alt_key(), &app.model.root, &app.selected) {
            e.prevent_default();
            app.dispatch(action);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use nines_core::Model;

    fn root() -> Node {
        Model::from_json(
            r#"{"root": {"serial": {"children": [
                {"component": {"id": "a", "availability": 99}},
                {"parallel": {"children": [{"component": {"id": "b", "availability": 99}}]}},
                {"component": {"id": "c", "availability": 99}}]}}}"#,
        )
        .unwrap()
        .root
    }

    #[test]
    fn arrows_walk_the_tree_in_reading_order() {
        let r = root();
        assert_eq!(
            tree_key("ArrowDown", false, &r, &[1]),
            Some(Action::Focus(vec![1, 0]))
        );
        assert_eq!(
            tree_key("ArrowUp", false, &r, &[2]),
            Some(Action::Focus(vec![1, 0]))
        );
        assert_eq!(
            tree_key("ArrowLeft", false, &r, &[1, 0]),
            Some(Action::Focus(vec![1]))
        );
        assert_eq!(
            tree_key("ArrowRight", false, &r, &[1]),
            Some(Action::Focus(vec![1, 0]))
        );
        assert_eq!(tree_key("ArrowRight", false, &r, &[0]), None);
        assert_eq!(
            tree_key("End", false, &r, &[]),
            Some(Action::Focus(vec![2]))
        );
        assert_eq!(tree_key("ArrowUp", false, &r, &[]), None);
        assert_eq!(tree_key("a", false, &r, &[]), None);
    }

    #[test]
    fn alt_arrows_move_delete_removes_plus_adds() {
        let r = root();
        assert_eq!(
            tree_key("ArrowUp", true, &r, &[2]),
            Some(Action::Shift(vec![2], true))
        );
        assert_eq!(
            tree_key("ArrowRight", true, &r, &[2]),
            Some(Action::MoveTo(vec![2], vec![1]))
        );
        assert_eq!(tree_key("ArrowRight", true, &r, &[1]), None);
        assert_eq!(
            tree_key("ArrowLeft", true, &r, &[1, 0]),
            Some(Action::MoveTo(vec![1, 0], vec![]))
        );
        assert_eq!(tree_key("ArrowLeft", true, &r, &[1]), None);
        assert_eq!(
            tree_key("Delete", false, &r, &[0]),
            Some(Action::Delete(vec![0]))
        );
        assert_eq!(tree_key("Delete", false, &r, &[]), None);
        assert_eq!(
            tree_key("+", false, &r, &[1, 0]),
            Some(Action::OpenAdd(Adding::To(vec![1])))
        );
    }
}
