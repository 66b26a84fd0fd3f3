use super::field::Field;
use crate::bind::{keep_selected, keep_text};
use crate::hooks::use_app;
use crate::state::Action;
use crate::tree;
use nines_core::format_duration;
use nines_core::model::Incident;
use yew::prelude::*;

/// The outage scenario: incidents in, credits owed and the architecture's downtime out.
#[function_component(ScenarioPanel)]
pub fn scenario_panel() -> Html {
    let start = use_state(String::new);
    let minutes = use_state(|| "60".to_string());
    let copy = use_state(String::new);
    let component = use_state(String::new);
    let error = use_state(|| None::<String>);
    let Some(app) = use_app() else {
        return html! {};
    };
    let ids: Vec<String> = tree::ids(&app.model).into_iter().collect();
    let default_start = format!("{}-01T09:00", app.month);
    let chosen = if ids.contains(&component) {
        (*component).clone()
    } else {
        ids.first().cloned().unwrap_or_default()
    };
    let on_component = keep_selected(&component);
    let on_start = {
        let start = start.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            start.set(input.value());
        })
    };
    let on_add = {
        let app = app.clone();
        let (start, minutes, copy, error) =
            (start.clone(), minutes.clone(), copy.clone(), error.clone());
        let (chosen, default_start) = (chosen.clone(), default_start.clone());
        Callback::from(move |_| {
            let when = if start.is_empty() {
                default_start.clone()
            } else {
                (*start).clone()
            };
            match incident(&chosen, &when, &minutes, &copy) {
                Ok(incident) => {
                    error.set(None);
                    app.dispatch(Action::AddIncident(incident));
                }
                Err(message) => error.set(Some(message)),
            }
        })
    };
    let report = app.report.as_ref().as_ref().ok();
    let scenario = report.and_then(|r| r.contract.scenario.as_ref());
    let currency = app.model.currency.clone();
    html! {
        <section class="panel scenario" aria-labelledby="scenario-heading" data-testid="scenario">
            <h2 id="scenario-heading">{"Outage scenario"}</h2>
            <p class="hint">{"Add incidents to see the architecture's downtime and the credits each SLA owes for that month."}</p>
            <div class="form-row">
                <label class="field">
                    <span class="label">{"Component"}</span>
                    <select onchange={on_component} data-testid="incident-component">
                        {for ids.iter().map(|id| html! { <option value={id.clone()} selected={*id == chosen}>{id}</option> })}
                    </select>
                </label>
                <label class="field">
                    <span class="label">{"Start (UTC)"}</span>
                    <input type="datetime-local" value={if start.is_empty() { default_start.clone() } else { (*start).clone() }}
                        onchange={on_start} data-testid="incident-start" />
                </label>
                <Field label="Duration" unit="minutes" value={(*minutes).clone()} on_commit={keep_text(&minutes)} testid="incident-minutes" />
                <Field label="Copy (optional)" value={(*copy).clone()} on_commit={keep_text(&copy)} testid="incident-copy"
                    placeholder="all copies" />
                <button class="primary" onclick={on_add} data-testid="incident-add" disabled={ids.is_empty()}>{"Add incident"}</button>
            </div>
            if let Some(message) = &*error { <p class="error" role="alert">{message}</p> }
            if !app.model.incidents.is_empty() {
                <table class="incidents" data-testid="incidents">
                    <caption>{"Incidents"}</caption>
                    <thead><tr><th scope="col">{"Component"}</th><th scope="col">{"Start"}</th><th scope="col">{"Minutes"}</th><th scope="col">{"Copy"}</th><th scope="col"><span class="visually-hidden">{"Remove"}</span></th></tr></thead>
                    <tbody>
                        {for app.model.incidents.iter().enumerate().map(|(i, inc)| {
                            let app = app.clone();
                            html! {
                                <tr>
                                    <td>{&inc.component}</td><td>{inc.start.format("%Y-%m-%d %H:%M").to_string()}</td>
                                    <td class="num">{inc.minutes}</td><td>{inc.copy.map(|c| c.to_string()).unwrap_or_else(|| "all".to_string())}</td>
                                    <td><button aria-label={format!("Remove incident {}", i + 1)}
                                        onclick={Callback::from(move |_| app.dispatch(Action::RemoveIncident(i)))}>{"✕"}</button></td>
                                </tr>
                            }
                        })}
                    </tbody>
                </table>
            }
            if let Some(s) = scenario {
                <div class="scenario-result" data-testid="scenario-result">
                    <p>
                        {format!("Month from {}: the architecture was down ", s.window_start.format("%Y-%m-%d"))}
                        <strong data-testid="scenario-downtime">{format_duration(s.architecture_downtime_seconds)}</strong>
                        {format!(" (uptime {}%)", s.architecture_uptime)}
                        {s.business_loss.map(|l| format!("; business loss {l} {currency}")).unwrap_or_default()}
                    </p>
                    <table class="credits">
                        <caption>{"Credits owed"}</caption>
                        <thead><tr><th scope="col">{"Service"}</th><th scope="col">{"Downtime"}</th><th scope="col">{"Uptime"}</th><th scope="col">{"Credit"}</th></tr></thead>
                        <tbody>
                            {for s.services.iter().map(|svc| html! {
                                <tr data-testid="scenario-service">
                                    <td>{&svc.component}{svc.copy.map(|c| format!(" (copy {c})")).unwrap_or_default()}</td>
                                    <td>{format_duration(svc.downtime_seconds)}</td>
                                    <td>{format!("{}%", svc.uptime)}</td>
                                    <td data-testid="scenario-credit">{format!("{}% = {} {currency}", svc.credit_percent.value(), svc.credit)}</td>
                                </tr>
                            })}
                        </tbody>
                        <tfoot><tr><th scope="row" colspan="3">{"Total credit"}</th>
                            <td data-testid="scenario-total-credit">{format!("{} {currency}", s.total_credit)}</td></tr></tfoot>
                    </table>
                </div>
            }
        </section>
    }
}

/// An incident from the form's text.
fn incident(component: &str, start: &str, minutes: &str, copy: &str) -> Result<Incident, String> {
    if component.is_empty() {
        return Err("pick a component".to_string());
    }
    let start = match start.len() {
        16 => format!("{start}:00"),
        _ => start.to_string(),
    };
    let start = start
        .parse::<chrono::NaiveDateTime>()
        .map_err(|_| format!("{start:?} is not a date and time"))?;
    let minutes = minutes
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|m| m.is_finite() && *m >= 0.0)
        .ok_or_else(|| format!("{minutes:?} is not a number of minutes"))?;
    let copy = match copy.trim() {
        "" => None,
        text => Some(
            text.parse::<u32>()
                .map_err(|_| format!("{text:?} is not a copy number"))?,
        ),
    };
    Ok(Incident {
        component: component.to_string(),
        start,
        minutes,
        copy,
    })
}
