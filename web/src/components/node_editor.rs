use super::component_form::ComponentForm;
use super::group_form::GroupForm;
use super::move_to::move_to;
use crate::context::AppContext;
use crate::describe::short_name;
use crate::state::{Action, Adding};
use crate::tree;
use nines_core::model::Node;
use yew::prelude::*;

/// The form for the selected node, with its "add here", "move to" and "delete".
pub fn node_editor(app: &AppContext) -> Html {
    let path = app.selected.clone();
    let Some(node) = tree::node_at(&app.model.root, &path).cloned() else {
        return html! {};
    };
    let key = format!("{path:?}");
    let currency = AttrValue::from(app.model.currency.clone());
    let name = short_name(&node, &app.labels);
    let replace = {
        let (app, path) = (app.clone(), path.clone());
        Callback::from(move |n: Node| app.dispatch(Action::Replace(path.clone(), n)))
    };
    let swap = app.on(Action::OpenAdd(Adding::Swap(path.clone())));
    let body = match &node {
        Node::Component(component) => {
            let on_change = replace.reform(|c| Node::Component(Box::new(c)));
            let on_make_shared = app.on(Action::MakeShared(path.clone()));
            html! { <ComponentForm {key} component={(**component).clone()} {on_change} {currency}
            on_make_shared={Some(on_make_shared)} on_swap={swap} /> }
        }
        Node::Shared(shared_key) => {
            let Some(component) = app.model.shared.get(shared_key).cloned() else {
                return html! { <p class="problems">{format!("No shared component {shared_key:?}")}</p> };
            };
            let on_change = {
                let (app, k) = (app.clone(), shared_key.clone());
                Callback::from(move |c| app.dispatch(Action::ReplaceShared(k.clone(), c)))
            };
            html! {
                <>
                    <p class="hint">{format!("Shared component “{shared_key}”: edits apply everywhere it is used.")}</p>
                    <ComponentForm {key} {component} {on_change} {currency} />
                </>
            }
        }
        group => html! { <GroupForm {key} node={group.clone()} on_change={replace} /> },
    };
    html! {
        <div class="node-editor" data-testid="node-editor">
            <div class="editor-head">
                <h3>{format!("Selected: {name}")}</h3>
                if tree::accepts_children(&node) && !matches!(node, Node::Component(_)) {
                    <button class="primary" data-testid="editor-add"
                        onclick={app.on(Action::OpenAdd(Adding::To(path.clone())))}>{format!("+ Add to {name}")}</button>
                }
                if !path.is_empty() {
                    {move_to(app, &path)}
                    <button class="danger" data-testid="editor-delete" aria-label={format!("Delete {name}")}
                        onclick={app.on(Action::Delete(path.clone()))}>{"Delete"}</button>
                }
            </div>
            {body}
        </div>
    }
}
