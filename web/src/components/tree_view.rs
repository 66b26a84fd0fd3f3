use super::node_row::node_row;
use crate::hooks::{use_app, use_focus_request};
use crate::keys::keydown;
use yew::prelude::*;

/// The architecture as an indented list: one tab stop (the selected row); arrow keys move
/// through it, Alt+arrows move the selected node, Delete removes it, `+` adds to it; rows can be
/// dragged onto groups.
#[function_component(TreeView)]
pub fn tree_view() -> Html {
    let container = use_node_ref();
    let app = use_app();
    let (request, selected) = app
        .as_ref()
        .map_or((0, Vec::new()), |a| (a.focus_request, a.selected.clone()));
    use_focus_request(container.clone(), request, selected);
    let Some(app) = app else {
        return html! {};
    };
    let onkeydown = keydown(&app);
    html! {
        <ul class="tree" role="tree" aria-label="Architecture" data-testid="tree" ref={container} {onkeydown}>
            {node_row(&app, &Vec::new(), &app.model.root, "")}
        </ul>
    }
}
