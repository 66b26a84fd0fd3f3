use super::component_form::ComponentForm;
use super::group_form::GroupForm;
use crate::hooks::use_app;
use crate::state::Action;
use crate::tree;
use nines_core::model::Node;
use yew::prelude::*;

/// The form for the selected node.
#[function_component(NodeEditor)]
pub fn node_editor() -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let path = app.selected.clone();
    let Some(node) = tree::node_at(&app.model.root, &path).cloned() else {
        return html! {};
    };
    let key = format!("{path:?}");
    let currency = AttrValue::from(app.model.currency.clone());
    let body = match node {
        Node::Component(component) => {
            let on_change = {
                let (app, path) = (app.clone(), path.clone());
                Callback::from(move |c| {
                    app.dispatch(Action::Replace(path.clone(), Node::Component(c)))
                })
            };
            let on_make_shared = {
                let (app, path) = (app.clone(), path.clone());
                Callback::from(move |()| app.dispatch(Action::MakeShared(path.clone())))
            };
            html! { <ComponentForm {key} {component} {on_change} {currency} on_make_shared={Some(on_make_shared)} /> }
        }
        Node::Shared(shared_key) => {
            let Some(component) = app.model.shared.get(&shared_key).cloned() else {
                return html! { <p class="problems">{format!("No shared component {shared_key:?}")}</p> };
            };
            let on_change = {
                let app = app.clone();
                let shared_key = shared_key.clone();
                Callback::from(move |c| app.dispatch(Action::ReplaceShared(shared_key.clone(), c)))
            };
            html! {
                <>
                    <p class="hint">{format!("Shared component “{shared_key}”: edits apply everywhere it is used.")}</p>
                    <ComponentForm {key} {component} {on_change} {currency} />
                </>
            }
        }
        group => {
            let on_change = {
                let (app, path) = (app.clone(), path.clone());
                Callback::from(move |n| app.dispatch(Action::Replace(path.clone(), n)))
            };
            html! { <GroupForm {key} node={group} {on_change} /> }
        }
    };
    html! {
        <div class="node-editor" data-testid="node-editor">
            <h3>{"Selected"}</h3>
            {body}
        </div>
    }
}
