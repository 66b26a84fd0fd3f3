use super::node_editor::NodeEditor;
use super::node_row::NodeRow;
use crate::catalog::templates;
use crate::hooks::use_app;
use crate::state::Action;
use crate::tree::{self, GroupKind};
use nines_core::model::{Component, Node};
use nines_core::Availability;
use yew::prelude::*;

/// The architecture tree, the selected node's editor, and the tools that add nodes.
#[function_component(ArchitectureEditor)]
pub fn architecture_editor() -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let add = |node: Node| {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Add(node.clone())))
    };
    let custom = Node::Component(Component {
        id: Some("custom".to_string()),
        name: Some("Custom component".to_string()),
        availability: Availability::parse_percent("99.9").ok(),
        ..Component::default()
    });
    let on_prem = Node::Component(Component {
        id: Some("server".to_string()),
        name: Some("On-prem server".to_string()),
        mtbf_hours: Some(8760.0),
        mttr_hours: Some(8.0),
        ..Component::default()
    });
    let on_template = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(t) = templates().iter().find(|t| t.id == select.value()) {
                app.dispatch(Action::Add(t.node.clone()));
            }
            select.set_value("");
        })
    };
    let on_shared = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let key = select.value();
            if !key.is_empty() {
                app.dispatch(Action::Add(Node::Shared(key)));
            }
            select.set_value("");
        })
    };
    let target_name = tree::group_name_for(&app.model.root, &app.selected);
    html! {
        <section class="panel editor" aria-labelledby="editor-heading">
            <h2 id="editor-heading">{"Architecture"}</h2>
            <ul class="tree" data-testid="tree">
                <NodeRow path={Vec::<usize>::new()} node={app.model.root.clone()} />
            </ul>
            <div class="add-tools" data-testid="add-tools">
                <p class="hint">{format!("Add to “{target_name}”:")}</p>
                <div class="button-row">
                    <button data-testid="add-custom" onclick={add(custom)}>{"+ Custom %"}</button>
                    <button data-testid="add-onprem" onclick={add(on_prem)}>{"+ On-prem box (MTBF/MTTR)"}</button>
                    {for GroupKind::ALL.into_iter().map(|kind| html! {
                        <button data-testid={format!("add-group-{}", kind.key())}
                            onclick={add(tree::empty_group(kind))}>
                            {format!("+ {} group", kind.label().split(' ').next().unwrap_or(""))}
                        </button>
                    })}
                </div>
                <div class="button-row">
                    <label class="field compact">
                        <span class="label">{"On-prem template"}</span>
                        <select onchange={on_template} data-testid="add-template">
                            <option value="" selected=true>{"Insert a template…"}</option>
                            {for templates().iter().map(|t| html! {
                                <option value={t.id.clone()} title={t.description.clone()}>{&t.name}</option>
                            })}
                        </select>
                    </label>
                    if !app.model.shared.is_empty() {
                        <label class="field compact">
                            <span class="label">{"Shared component"}</span>
                            <select onchange={on_shared} data-testid="add-shared">
                                <option value="" selected=true>{"Use a shared component…"}</option>
                                {for app.model.shared.keys().map(|k| html! { <option value={k.clone()}>{k}</option> })}
                            </select>
                        </label>
                    }
                </div>
            </div>
            <NodeEditor />
        </section>
    }
}
