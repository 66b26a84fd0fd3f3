use super::bar_chart::{Bar, BarChart};
use super::field::Field;
use crate::bind::keep_text;
use crate::catalog::catalog;
use crate::examples::example;
use crate::hooks::use_app;
use crate::state::Action;
use nines_core::{evaluate, Options, Report};
use yew::prelude::*;

/// Saved designs side by side (e.g. on-prem against cloud), with a chart of their nines.
#[function_component(Compare)]
pub fn compare() -> Html {
    let label = use_state(String::new);
    let Some(app) = use_app() else {
        return html! {};
    };
    let options = Options::new(app.convention());
    let reports: Vec<(String, Result<Report, String>)> = app
        .saved
        .iter()
        .map(|s| {
            let report = evaluate(&s.model, catalog(), &options).map_err(|p| p.to_string());
            (s.label.clone(), report)
        })
        .collect();
    let on_label = keep_text(&label);
    let on_save = {
        let app = app.clone();
        let label = label.clone();
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
            for file in ["onprem-pair.json", "cloud-pair.json"] {
                if let Some(model) = example(file) {
                    app.dispatch(Action::Load(model.clone()));
                    app.dispatch(Action::SaveScenario(
                        model.name.unwrap_or_else(|| file.to_string()),
                    ));
                }
            }
            app.dispatch(Action::SetView(crate::state::View::Compare));
        })
    };
    let bars: Vec<Bar> = reports
        .iter()
        .filter_map(|(label, r)| {
            let r = r.as_ref().ok()?;
            Some(Bar {
                label: label.clone(),
                value: r.nines.unwrap_or(0.0),
                text: format!("{}% · {} / month", r.percent, r.downtime.text.month),
            })
        })
        .collect();
    let cell = |f: &dyn Fn(&Report) -> String| -> Html {
        html! { {for reports.iter().map(|(_, r)| html! { <td>{match r { Ok(r) => f(r), Err(e) => e.clone() }}</td> })} }
    };
    html! {
        <section class="panel compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{"Compare designs"}</h2>
            <div class="form-row">
                <Field label="Save the current design as" value={(*label).clone()} on_commit={on_label}
                    testid="compare-label" placeholder={app.model.name.clone().unwrap_or_default()} />
                <button class="primary" onclick={on_save} data-testid="compare-save">{"Save for comparison"}</button>
                <button onclick={on_pair} data-testid="compare-example">{"Add the on-prem vs cloud examples"}</button>
            </div>
            if reports.is_empty() {
                <p class="hint">{"Nothing saved yet: save the current design, change it (or open another example), and save again."}</p>
            } else {
                <div class="table-scroll">
                <table data-testid="compare-table">
                    <caption>{format!("Figures under the {} convention", app.convention())}</caption>
                    <thead><tr><th scope="col">{"Design"}</th>
                        {for reports.iter().enumerate().map(|(i, (label, _))| {
                            let (open, remove) = (app.clone(), app.clone());
                            html! {
                                <th scope="col">{label}<br/>
                                    <button onclick={Callback::from(move |_| open.dispatch(Action::OpenScenario(i)))}>{"Open"}</button>
                                    <button aria-label={format!("Remove {label}")} onclick={Callback::from(move |_| remove.dispatch(Action::RemoveScenario(i)))}>{"✕"}</button>
                                </th>
                            }
                        })}
                    </tr></thead>
                    <tbody>
                        <tr><th scope="row">{"Availability"}</th>{cell(&|r| format!("{}%", r.percent))}</tr>
                        <tr><th scope="row">{"Nines"}</th>{cell(&|r| r.nines.map(|n| format!("{n:.2}")).unwrap_or_else(|| "∞".to_string()))}</tr>
                        <tr><th scope="row">{"Downtime per month"}</th>{cell(&|r| r.downtime.text.month.clone())}</tr>
                        <tr><th scope="row">{"Downtime per year"}</th>{cell(&|r| r.downtime.text.year.clone())}</tr>
                        <tr><th scope="row">{"Weakest link"}</th>{cell(&|r| r.weakest_link.clone().unwrap_or_default())}</tr>
                        <tr><th scope="row">{"Worst-case credit"}</th>{cell(&|r| format!("{} {}", r.contract.worst_case.credit, r.contract.currency))}</tr>
                        <tr><th scope="row">{"Expected business loss / month"}</th>{cell(&|r| r.contract.expected_monthly_business_loss.map(|m| format!("{m} {}", r.contract.currency)).unwrap_or_else(|| "—".to_string()))}</tr>
                    </tbody>
                </table>
                </div>
                <h3>{"Nines of each design"}</h3>
                <BarChart bars={bars} title="Nines of each saved design" testid="compare-chart" />
            }
        </section>
    }
}
