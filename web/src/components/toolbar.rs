use super::app::blank_model;
use super::field::Field;
use super::problem_list::ProblemList;
use crate::catalog::catalog;
use crate::codec::{model_to_json, share_fragment};
use crate::download::download;
use crate::examples::{example, title, EXAMPLES};
use crate::hooks::use_app;
use crate::state::Action;
use gloo_file::callbacks::{read_as_text, FileReader};
use nines_core::{evaluate, Model, Money, Options, Problem};
use yew::prelude::*;

/// Design name, money, examples, new/undo/redo, import/export and the share link.
#[function_component(Toolbar)]
pub fn toolbar() -> Html {
    let reader = use_mut_ref(|| None::<FileReader>);
    let share_url = use_state(String::new);
    let Some(app) = use_app() else {
        return html! {};
    };
    let dispatch = |action: Action| {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(action.clone()))
    };

    let on_example = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(model) = example(&select.value()) {
                app.dispatch(Action::Load(model));
            }
            select.set_value("");
        })
    };
    let on_import = {
        let app = app.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let app = app.clone();
            let name = file.name();
            *reader.borrow_mut() = Some(read_as_text(&file.into(), move |text| {
                let action = match text {
                    Ok(text) => match checked_model(&text) {
                        Ok(model) => Action::Load(model),
                        Err(problems) => Action::ImportFailed(
                            problems
                                .into_iter()
                                .map(|mut p| {
                                    p.path = p.path.in_document(name.clone());
                                    p
                                })
                                .collect(),
                        ),
                    },
                    Err(e) => Action::ImportFailed(vec![Problem::shape(
                        nines_core::JsonPath::root().in_document(name),
                        e.to_string(),
                    )]),
                };
                app.dispatch(action);
            }));
        })
    };
    let on_export_report = {
        let app = app.clone();
        Callback::from(move |_| {
            if let Ok(report) = &*app.report {
                let text = serde_json::to_string_pretty(report).unwrap_or_default();
                let _ = download("nines-report.json", &text);
            }
        })
    };
    let on_export_model = {
        let app = app.clone();
        Callback::from(move |_| {
            let _ = download("nines-model.json", &model_to_json(&app.model, true));
        })
    };
    let on_share = {
        let app = app.clone();
        let share_url = share_url.clone();
        Callback::from(move |_| {
            let Some(location) = web_sys::window().map(|w| w.location()) else {
                return;
            };
            let page = format!(
                "{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default()
            );
            share_url.set(format!("{page}#{}", share_fragment(&app.model)));
        })
    };
    let on_name = {
        let app = app.clone();
        Callback::from(move |text: String| {
            let name = (!text.trim().is_empty()).then(|| text.trim().to_string());
            app.dispatch(Action::SetName(name));
            None
        })
    };
    let on_currency = {
        let app = app.clone();
        Callback::from(move |text: String| {
            let code = text.trim().to_uppercase();
            if code.is_empty() {
                return Some("enter a currency code such as USD".to_string());
            }
            app.dispatch(Action::SetCurrency(code));
            None
        })
    };
    let on_loss = {
        let app = app.clone();
        Callback::from(move |text: String| match optional_money(&text) {
            Ok(loss) => {
                app.dispatch(Action::SetBusinessLoss(loss));
                None
            }
            Err(message) => Some(message),
        })
    };
    let report_ready = app.report.is_ok();
    html! {
        <div class="toolbar">
            <div class="toolbar-row">
                <label class="field compact">
                    <span class="label">{"Examples"}</span>
                    <select data-testid="examples" onchange={on_example}>
                        <option value="" selected=true>{"Open an example…"}</option>
                        {for EXAMPLES.iter().map(|(file, text)| html! {
                            <option value={*file}>{title(file, text)}</option>
                        })}
                    </select>
                </label>
                <button data-testid="new" onclick={dispatch(Action::Load(blank_model()))}>{"New"}</button>
                <button data-testid="undo" disabled={app.undo.is_empty()} title="Undo (Ctrl+Z)"
                    onclick={dispatch(Action::Undo)}>{"Undo"}</button>
                <button data-testid="redo" disabled={app.redo.is_empty()} title="Redo (Ctrl+Y)"
                    onclick={dispatch(Action::Redo)}>{"Redo"}</button>
                <button data-testid="export-report" disabled={!report_ready}
                    onclick={on_export_report}>{"Export report"}</button>
                <button data-testid="export-model" onclick={on_export_model}>{"Export model"}</button>
                <label class="file-button">
                    {"Import model…"}
                    <input type="file" accept=".json,application/json" data-testid="import-file"
                        onchange={on_import} />
                </label>
                <button data-testid="share" onclick={on_share}>{"Share link"}</button>
            </div>
            if !share_url.is_empty() {
                <label class="field share">
                    <span class="label">{"Link to this design (copy it)"}</span>
                    <input readonly=true value={(*share_url).clone()} data-testid="share-url"
                        onfocus={Callback::from(|e: FocusEvent| {
                            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                            input.select();
                        })} />
                </label>
            }
            if !app.import_problems.is_empty() {
                <ProblemList title="Not loaded — your current design is unchanged:"
                    problems={app.import_problems.clone()} testid="import-error" />
            }
            <div class="toolbar-row">
                <Field label="Design name" value={app.model.name.clone().unwrap_or_default()}
                    on_commit={on_name} testid="model-name" />
                <Field label="Currency" value={app.model.currency.clone()} on_commit={on_currency}
                    testid="currency" />
                <Field label="Business loss per hour of downtime"
                    value={app.model.business_loss_per_hour.map(money_text).unwrap_or_default()}
                    unit={app.model.currency.clone()} on_commit={on_loss} testid="business-loss"
                    placeholder="e.g. 5000" />
            </div>
        </div>
    }
}

/// Parses a model and checks it against the catalog, so that a bad file is never loaded.
fn checked_model(text: &str) -> Result<Model, Vec<Problem>> {
    let model = Model::from_json(text).map_err(|p| p.0)?;
    evaluate(&model, catalog(), &Options::default()).map_err(|p| p.0)?;
    Ok(model)
}

/// An amount typed by the user; empty means none.
pub fn optional_money(text: &str) -> Result<Option<Money>, String> {
    let text = text.trim().replace(',', "");
    if text.is_empty() {
        return Ok(None);
    }
    let units: f64 = text
        .parse()
        .map_err(|_| format!("{text:?} is not an amount"))?;
    Money::from_units(units)
        .map(Some)
        .map_err(|e| e.to_string())
}

/// An amount as the user would type it (no grouping).
pub fn money_text(money: Money) -> String {
    money.to_string().replace(',', "")
}
