use super::field::Field;
use crate::bind::{keep_selected, keep_text};
use nines_core::{parse_duration, required_availability, Convention, Period};
use yew::prelude::*;

/// Props of [`PercentFromDowntime`].
#[derive(Properties, PartialEq)]
pub struct PercentFromDowntimeProps {
    /// Every convention, labelled.
    pub conventions: Vec<(String, Convention)>,
}

/// Significant digits of unavailability shown (the exact value is on hover).
const SHOWN_DIGITS: usize = 4;

/// Allowed downtime ("4h", "4 hours", "240 min", "4:00", "1d 2h") → the availability it needs.
#[function_component(PercentFromDowntime)]
pub fn percent_from_downtime(props: &PercentFromDowntimeProps) -> Html {
    let allowed = use_state(|| "43m12s".to_string());
    let period = use_state(|| "month".to_string());
    let seconds = parse_duration(&allowed);
    let per = Period::parse(&period);
    html! {
        <section class="panel" aria-labelledby="calc-up-heading">
            <h2 id="calc-up-heading">{"Allowed downtime → required availability"}</h2>
            <div class="form-row">
                <Field label="Allowed downtime" value={(*allowed).clone()} on_commit={keep_text(&allowed)} live=true
                    testid="calc-allowed" placeholder="e.g. 4h, 4 hours, 240 min, 4:00, 1d 2h" />
                <label class="field compact">
                    <span class="label">{"Per"}</span>
                    <select onchange={keep_selected(&period)} data-testid="calc-period">
                        {for Period::ALL.iter().map(|p| html! { <option value={p.name()} selected={*period == p.name()}>{p.name()}</option> })}
                    </select>
                </label>
            </div>
            {match (seconds, per) {
                (Err(e), _) => html! { <p class="error" role="alert">{e.to_string()}</p> },
                (_, Err(e)) => html! { <p class="error" role="alert">{e.to_string()}</p> },
                (Ok(seconds), Ok(per)) => html! {
                    <div class="table-scroll">
                    <table data-testid="calc-required">
                        <caption>{format!("Availability needed for at most {} per {}", *allowed, *period)}</caption>
                        <thead><tr><th scope="col">{"Convention"}</th><th scope="col">{"Required availability"}</th></tr></thead>
                        <tbody>
                            {for props.conventions.iter().map(|(label, convention)| html! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    {match required_availability(seconds, per, &convention.periods()) {
                                        Ok(a) => html! { <td title={format!("{}% exactly", a.percent())}>{format!("{}%", a.percent_significant(SHOWN_DIGITS))}</td> },
                                        Err(e) => html! { <td>{e.message}</td> },
                                    }}
                                </tr>
                            })}
                        </tbody>
                    </table>
                    </div>
                },
            }}
        </section>
    }
}
