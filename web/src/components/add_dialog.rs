use super::add_options::add_options;
use super::catalog_picker::CatalogPicker;
use crate::describe::short_name;
use crate::factories::{catalog_component, swapped_component};
use crate::hooks::{focus, use_app};
use crate::state::{Action, Adding};
use crate::tree;
use nines_core::model::Node;
use nines_core::Sla;
use yew::prelude::*;

/// Where a node is added, or which component's SLA is swapped: a dialog that opens where the
/// user clicked "+" (or "Change SLA…"), with the catalog first and the other kinds of node.
#[function_component(AddDialog)]
pub fn add_dialog() -> Html {
    let dialog = use_node_ref();
    let catalog_tab = use_state(|| true);
    let app = use_app();
    let open = app.as_ref().and_then(|a| a.adding.clone());
    {
        let (dialog, catalog_tab) = (dialog.clone(), catalog_tab.clone());
        use_effect_with(open.clone(), move |open| {
            if open.is_none() {
                // The next dialog opens on the catalog again.
                catalog_tab.set(true);
            } else if let Some(first) = dialog
                .cast::<web_sys::Element>()
                .and_then(|d| d.query_selector("[data-autofocus]").ok().flatten())
            {
                focus(&first);
            }
        });
    }
    let (Some(app), Some(adding)) = (app, open) else {
        return html! {};
    };
    let root = &app.model.root;
    let (title, on_pick, action): (String, Callback<Sla>, &str) = match &adding {
        Adding::To(group) => {
            let name = tree::node_at(root, group)
                .map(|n| short_name(n, &app.labels))
                .unwrap_or_default();
            let (app, group) = (app.clone(), group.clone());
            (
                format!("Add to {name}"),
                Callback::from(move |sla: Sla| {
                    app.dispatch(Action::AddTo(group.clone(), catalog_component(&sla)))
                }),
                "Add",
            )
        }
        Adding::Swap(path) => {
            let current = match tree::node_at(root, path) {
                Some(Node::Component(c)) => Some(c.clone()),
                _ => None,
            };
            let name = tree::node_at(root, path)
                .map(|n| short_name(n, &app.labels))
                .unwrap_or_default();
            let (app, path) = (app.clone(), path.clone());
            (
                format!("Change the SLA of {name}"),
                Callback::from(move |sla: Sla| {
                    if let Some(current) = &current {
                        let old = current
                            .catalog
                            .as_deref()
                            .and_then(|id| app.library.get(id));
                        app.dispatch(Action::Replace(
                            path.clone(),
                            Node::Component(Box::new(swapped_component(current, &sla, old))),
                        ));
                    }
                }),
                "Use",
            )
        }
    };
    let close = app.on(Action::CloseAdd);
    let onkeydown = {
        let app = app.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                app.dispatch(Action::CloseAdd);
            }
        })
    };
    let tab = |catalog: bool, label: &'static str, testid: &'static str| {
        let (state, selected) = (catalog_tab.clone(), *catalog_tab == catalog);
        html! { <button role="tab" aria-selected={selected.to_string()} data-testid={testid}
        class={classes!("seg", selected.then_some("active"))} onclick={Callback::from(move |_| state.set(catalog))}>{label}</button> }
    };
    html! {
        <div class="dialog-backdrop" onclick={close.clone()}>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="add-title" ref={dialog}
                data-testid="add-dialog" {onkeydown} onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                <div class="dialog-head">
                    <h2 id="add-title">{title}</h2>
                    <button class="dismiss" aria-label="Close" data-testid="add-close" onclick={close}>{"✕"}</button>
                </div>
                if let Adding::To(group) = &adding {
                    <div class="segmented" role="tablist" aria-label="What to add">
                        {tab(true, "From the SLA catalog", "add-tab-catalog")}
                        {tab(false, "Custom, on-prem, group, template", "add-tab-other")}
                    </div>
                    if !*catalog_tab { {add_options(&app, group)} }
                }
                if *catalog_tab || matches!(adding, Adding::Swap(_)) {
                    <CatalogPicker {on_pick} action={action} />
                }
            </div>
        </div>
    }
}
