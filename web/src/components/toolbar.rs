use super::design_fields::design_fields;
use super::examples_menu::examples_menu;
use super::import_button::ImportButton;
use super::share_button::ShareButton;
use crate::codec::model_to_json;
use crate::download::download;
use crate::factories::blank_model;
use crate::hooks::use_app;
use crate::state::{Action, Loaded};
use yew::prelude::*;

/// The design's actions (examples, new, undo/redo, export, import, share, print) and its name
/// and money; on a phone the actions fold into a menu.
#[function_component(Toolbar)]
pub fn toolbar() -> Html {
    let open = use_state(|| false);
    let Some(app) = use_app() else {
        return html! {};
    };
    let on_new = app.on(Action::Load(Box::new(Loaded {
        label: "New design".to_string(),
        example: None,
        model: blank_model(),
    })));
    let on_export_report = {
        let report = app.evaluation.report().cloned();
        Callback::from(move |_| {
            if let Some(report) = &report {
                let text = serde_json::to_string_pretty(report).unwrap_or_default();
                let _ = download("nines-report.json", &text, "application/json");
            }
        })
    };
    let on_export_model = {
        let model = app.model.clone();
        Callback::from(move |_| {
            let _ = download(
                "nines-model.json",
                &model_to_json(&model, true),
                "application/json",
            );
        })
    };
    let on_print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <div class="toolbar">
            <button class="menu-toggle" aria-expanded={open.to_string()} aria-controls="toolbar-actions"
                data-testid="menu-toggle" onclick={toggle}>{if *open { "✕ Close menu" } else { "☰ Menu" }}</button>
            <div id="toolbar-actions" class={classes!("toolbar-row", "toolbar-actions", open.then_some("open"))}>
                {examples_menu(&app)}
                <button data-testid="new" onclick={on_new}>{"New"}</button>
                <button data-testid="undo" disabled={app.undo.is_empty()} title="Undo (Ctrl+Z)"
                    onclick={app.on(Action::Undo)}>{"Undo"}</button>
                <button data-testid="redo" disabled={app.redo.is_empty()} title="Redo (Ctrl+Y)"
                    onclick={app.on(Action::Redo)}>{"Redo"}</button>
                <button data-testid="export-report" disabled={app.evaluation.report().is_none()}
                    onclick={on_export_report}>{"Export report"}</button>
                <button data-testid="export-model" onclick={on_export_model}>{"Export model"}</button>
                <ImportButton />
                <ShareButton />
                <button data-testid="print" onclick={on_print}>{"Print / PDF"}</button>
            </div>
            {design_fields(&app)}
        </div>
    }
}
