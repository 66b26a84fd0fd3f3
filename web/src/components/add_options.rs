use crate::context::AppContext;
use crate::factories::{custom_component, empty_group, on_prem_component};
use crate::state::Action;
use crate::tree::{GroupKind, NodePath};
use nines_core::model::Node;
use nines_core::Template;
use yew::prelude::*;

/// Everything but a catalog entry, added to `group`: a custom percentage, an on-prem box, an empty group of any
/// kind, an on-prem or cloud template, a use of a shared component.
pub fn add_options(app: &AppContext, group: &NodePath) -> Html {
    let add = |node: Node| app.on::<MouseEvent>(Action::AddTo(group.clone(), node));
    let templates = |list: &[Template]| {
        html! {
            <ul class="template-list">
                {for list.iter().map(|t| html! {
                    <li>
                        <button data-testid="add-template" data-id={t.id.clone()}
                            onclick={add(t.node.clone())}>
                            <strong>{&t.name}</strong><small>{&t.description}</small>
                        </button>
                    </li>
                })}
            </ul>
        }
    };
    html! {
        <div class="add-options" data-testid="add-options">
            <div class="button-row">
                <button data-testid="add-custom" data-autofocus="true" onclick={add(custom_component())}>{"+ Custom %"}</button>
                <button data-testid="add-onprem" onclick={add(on_prem_component())}>{"+ On-prem box (MTBF/MTTR)"}</button>
            </div>
            <h3>{"Group"}</h3>
            <div class="button-row">
                {for GroupKind::ALL.into_iter().map(|kind| html! {
                    <button data-testid={format!("add-group-{}", kind.key())} onclick={add(empty_group(kind))}>
                        {format!("+ {}", kind.label())}
                    </button>
                })}
            </div>
            if !app.model.shared.is_empty() {
                <h3>{"Shared component (one instance, counted once)"}</h3>
                <div class="button-row">
                    {for app.model.shared.keys().map(|k| html! {
                        <button data-testid="add-shared" data-id={k.clone()} onclick={add(Node::Shared(k.clone()))}>
                            {format!("+ {}", app.labels.label(k).short())}
                        </button>
                    })}
                </div>
            }
            <h3>{"Cloud patterns (catalog entries you can swap)"}</h3>
            {templates(app.library.cloud_templates())}
            <h3>{"On-prem templates"}</h3>
            {templates(app.library.on_prem_templates())}
        </div>
    }
}
