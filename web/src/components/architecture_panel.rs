use super::diagram::Diagram;
use super::diagram_export::diagram_export;
use super::node_editor::node_editor;
use super::tree_view::TreeView;
use crate::hooks::use_app;
use crate::state::{Action, ArchView};
use yew::prelude::*;

/// The architecture: a block diagram or an indented list of it, and the form of the selected
/// node.
#[function_component(ArchitecturePanel)]
pub fn architecture_panel() -> Html {
    let diagram = use_node_ref();
    let Some(app) = use_app() else {
        return html! {};
    };
    let view_tab = |view: ArchView, label: &'static str, testid: &'static str| {
        let selected = app.arch_view == view;
        html! {
            <button role="tab" aria-selected={selected.to_string()} data-testid={testid}
                class={classes!("seg", selected.then_some("active"))}
                onclick={app.on(Action::SetArchView(view))}>{label}</button>
        }
    };
    html! {
        <section class="panel architecture" aria-labelledby="editor-heading">
            <div class="panel-head">
                <h2 id="editor-heading">{"Architecture"}</h2>
                <div class="segmented" role="tablist" aria-label="Show the architecture as">
                    {view_tab(ArchView::Diagram, "Diagram", "view-diagram")}
                    {view_tab(ArchView::List, "List", "view-list")}
                </div>
                if app.arch_view == ArchView::Diagram { {diagram_export(&diagram)} }
            </div>
            {match app.arch_view {
                ArchView::Diagram => html! { <Diagram container={diagram} /> },
                ArchView::List => html! { <TreeView /> },
            }}
            {node_editor(&app)}
        </section>
    }
}
