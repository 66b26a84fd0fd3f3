use crate::context::AppContext;
use crate::describe::short_name;
use crate::state::{Action, Adding};
use crate::tree::{self, NodePath};
use nines_core::model::Node;
use yew::prelude::*;

/// A row's buttons (tab stops only in the selected row), each named with the node: "Add to Region", "Move db up", "Delete web".
pub fn row_actions(app: &AppContext, path: &NodePath, node: &Node, selected: bool) -> Html {
    let name = short_name(node, &app.labels);
    let tab = if selected { "0" } else { "-1" };
    let action = |action: Action| {
        let app = app.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            app.dispatch(action.clone())
        })
    };
    let path = path.clone();
    let group =
        tree::accepts_children(node) && !matches!(node, Node::Component(_) | Node::Shared(_));
    html! {
        <span class="row-actions">
            if group {
                <button tabindex={tab} aria-label={format!("Add to {name}")} title="Add here" class="add"
                    data-testid="row-add" onclick={action(Action::OpenAdd(Adding::To(path.clone())))}>{"+"}</button>
            }
            if !path.is_empty() {
                <button tabindex={tab} aria-label={format!("Move {name} up")} title="Move up (Alt+↑)"
                    onclick={action(Action::Shift(path.clone(), true))}>{"↑"}</button>
                <button tabindex={tab} aria-label={format!("Move {name} down")} title="Move down (Alt+↓)"
                    onclick={action(Action::Shift(path.clone(), false))}>{"↓"}</button>
                <button tabindex={tab} aria-label={format!("Delete {name}")} title="Delete (Del)" class="danger"
                    data-testid="node-delete" onclick={action(Action::Delete(path.clone()))}>{"✕"}</button>
            }
        </span>
    }
}
