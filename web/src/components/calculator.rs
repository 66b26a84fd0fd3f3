use super::field::Field;
use crate::bind::{keep_selected, keep_text};
use crate::hooks::use_app;
use crate::state::ConventionChoice;
use nines_core::{parse_duration, required_availability, Availability, Downtime, Period};
use yew::prelude::*;

/// Percent ↔ allowed downtime, both ways, every convention side by side.
#[function_component(Calculator)]
pub fn calculator() -> Html {
    let percent = use_state(|| "99.95".to_string());
    let allowed = use_state(|| "43m12s".to_string());
    let period = use_state(|| "month".to_string());
    let Some(app) = use_app() else {
        return html! {};
    };
    let conventions: Vec<(String, nines_core::Convention)> = ConventionChoice::ALL
        .into_iter()
        .map(|c| {
            let label = match c {
                ConventionChoice::CalendarMonth => format!("Calendar month {}", app.month),
                other => other.label().to_string(),
            };
            (label, c.convention(&app.month))
        })
        .collect();
    let on_period = keep_selected(&period);
    let availability = Availability::parse_percent(&percent);
    let seconds = parse_duration(&allowed);
    html! {
        <div class="calculator">
            <section class="panel" aria-labelledby="calc-down-heading">
                <h2 id="calc-down-heading">{"Availability → allowed downtime"}</h2>
                <Field label="Availability" unit="%" value={(*percent).clone()} on_commit={keep_text(&percent)} testid="calc-percent" />
                {match availability {
                    Err(e) => html! { <p class="error" role="alert">{e.to_string()}</p> },
                    Ok(a) => html! {
                        <div class="table-scroll">
                        <table data-testid="calc-downtime">
                            <caption>{format!("Downtime allowed at {}%", a.percent())}</caption>
                            <thead><tr><th scope="col">{"Convention"}</th>
                                {for Period::ALL.iter().map(|p| html! { <th scope="col">{format!("per {p}")}</th> })}</tr></thead>
                            <tbody>
                                {for conventions.iter().map(|(label, convention)| {
                                    let d = Downtime::new(a, *convention);
                                    html! {
                                        <tr>
                                            <th scope="row">{label}</th>
                                            <td>{&d.text.day}</td><td>{&d.text.week}</td><td>{&d.text.month}</td>
                                            <td>{&d.text.quarter}</td><td>{&d.text.year}</td>
                                        </tr>
                                    }
                                })}
                            </tbody>
                        </table>
                        </div>
                    },
                }}
            </section>
            <section class="panel" aria-labelledby="calc-up-heading">
                <h2 id="calc-up-heading">{"Allowed downtime → required availability"}</h2>
                <div class="form-row">
                    <Field label="Allowed downtime" value={(*allowed).clone()} on_commit={keep_text(&allowed)}
                        testid="calc-allowed" placeholder="e.g. 43m12s, 8.76h, 1d2h" />
                    <label class="field compact">
                        <span class="label">{"Per"}</span>
                        <select onchange={on_period} data-testid="calc-period">
                            {for Period::ALL.iter().map(|p| html! { <option value={p.name()} selected={*period == p.name()}>{p.name()}</option> })}
                        </select>
                    </label>
                </div>
                {match seconds {
                    Err(e) => html! { <p class="error" role="alert">{e.to_string()}</p> },
                    Ok(seconds) => html! {
                        <table data-testid="calc-required">
                            <caption>{format!("Availability needed for at most {} per {}", *allowed, *period)}</caption>
                            <thead><tr><th scope="col">{"Convention"}</th><th scope="col">{"Required availability"}</th></tr></thead>
                            <tbody>
                                {for conventions.iter().map(|(label, convention)| html! {
                                    <tr>
                                        <th scope="row">{label}</th>
                                        <td>{match Period::parse(&period).map_err(|e| e.to_string()).and_then(|p| required_availability(seconds, p, *convention).map_err(|e| e.message)) {
                                            Ok(a) => format!("{}%", a.percent()),
                                            Err(message) => message,
                                        }}</td>
                                    </tr>
                                })}
                            </tbody>
                        </table>
                    },
                }}
            </section>
        </div>
    }
}
