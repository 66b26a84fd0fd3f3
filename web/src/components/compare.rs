use super::bar_chart::{Bar, BarChart, Scale};
use super::compare_table::compare_table;
use super::field::Field;
use crate::bind::keep_text;
use crate::describe::brief_percent;
use crate::examples::example;
use crate::hooks::use_app;
use crate::state::{Action, SavedScenario};
use nines_core::format_duration_brief;
use yew::prelude::*;

/// Saved designs side by side (e.g. on-prem against cloud), with a chart of their nines.
#[function_component(Compare)]
pub fn compare() -> Html {
    let label = use_state(String::new);
    let Some(app) = use_app() else {
        return html! {};
    };
    let on_save = {
        let (app, label) = (app.clone(), label.clone());
        Callback::from(move |_| {
            let name = if label.is_empty() {
                app.model
                    .name
                    .clone()
                    .unwrap_or_else(|| format!("Design {}", app.saved.len() + 1))
            } else {
                (*label).clone()
            };
            app.dispatch(Action::SaveScenario(name));
        })
    };
    let on_pair = {
        let app = app.clone();
        Callback::from(move |_| {
            let designs: Vec<SavedScenario> = ["onprem-pair.json", "cloud-pair.json"]
                .iter()
                .filter_map(|file| {
                    let model = example(file)?;
                    Some(SavedScenario {
                        label: model.name.clone().unwrap_or_else(|| file.to_string()),
                        model,
                    })
                })
                .collect();
            app.dispatch(Action::LoadForComparison(designs));
        })
    };
    let evaluations =
        crate::compare_rows::evaluate_saved(&app.saved, app.convention(), app.library.catalog());
    let bars: Vec<Bar> = evaluations
        .iter()
        .filter_map(|(label, _, evaluation)| {
            let r = evaluation.report()?;
            Some(Bar {
                label: label.clone(),
                value: r.nines.unwrap_or(0.0),
                text: format!(
                    "{}% · {} / month",
                    brief_percent(r),
                    format_duration_brief(r.downtime.seconds.month)
                ),
            })
        })
        .collect();
    html! {
        <section class="panel compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{"Compare designs"}</h2>
            <div class="form-row">
                <Field label="Save the current design as" value={(*label).clone()} on_commit={keep_text(&label)}
                    testid="compare-label" placeholder={app.model.name.clone().unwrap_or_default()} />
                <button class="primary" onclick={on_save} data-testid="compare-save">{"Save for comparison"}</button>
                <button onclick={on_pair} data-testid="compare-example">{"Add the on-prem vs cloud examples"}</button>
            </div>
            if evaluations.is_empty() {
                <p class="hint">{"Nothing saved yet: save the current design, change it (or open another example), and save again."}</p>
            } else {
                {compare_table(&app, &evaluations)}
                <h3>{"Nines of each design"}</h3>
                if bars.is_empty() {
                    <p class="hint">{"No saved design can be evaluated yet."}</p>
                } else {
                    <BarChart {bars} title="Nines of each saved design" testid="compare-chart" scale={Scale::Linear} />
                }
            }
        </section>
    }
}
