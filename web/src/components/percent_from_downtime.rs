use super::field::Field;
use crate::bind::{keep_selected, keep_text};
use nines_core::calendar::Calendar;
use nines_core::{parse_duration, required_availability, Convention, Period};
use yew::prelude::*;

/// Props of [`PercentFromDowntime`].
#[derive(Properties, PartialEq)]
pub struct PercentFromDowntimeProps {
    /// Every convention, labelled.
    pub conventions: Vec<(String, Convention)>,
    /// Count the downtime in this calendar's service time (24×7 beside it); every minute if
    /// none.
    #[prop_or_default]
    pub calendar: Option<Calendar>,
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
                        <caption>{format!("Availability needed for at most {} per {}", *allowed, *period)}
                            {if props.calendar.is_some() { " — every minute (24×7, UTC), and in the service time" } else { "" }}</caption>
                        <thead><tr><th scope="col">{"Convention"}</th><th scope="col">{if props.calendar.is_some() { "Every minute (24×7, UTC)" } else { "Required availability" }}</th>
                            if let Some(c) = &props.calendar {
                                <th scope="col">{format!("Counted in {}", c.describe())}</th>
                            }</tr></thead>
                        <tbody>
                            {for props.conventions.iter().map(|(label, convention)| html! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    {required(seconds, per, &convention.periods(), "calc-required-24x7")}
                                    if let Some(c) = &props.calendar {
                                        {required(seconds, per, &c.service_periods(*convention), "calc-required-service")}
                                    }
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

/// The availability that allows `seconds` per `per` of periods `lengths`, as a cell.
fn required(seconds: f64, per: Period, lengths: &nines_core::Periods, testid: &str) -> Html {
    match required_availability(seconds, per, lengths) {
        Ok(a) => html! {
            <td title={format!("{}% exactly", a.percent())} data-testid={testid.to_string()}>
                {format!("{}%", a.percent_significant(SHOWN_DIGITS))}</td>
        },
        Err(e) => html! { <td data-testid={testid.to_string()}>{e.message}</td> },
    }
}
