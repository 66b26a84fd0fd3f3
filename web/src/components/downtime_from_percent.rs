use super::field::Field;
use crate::bind::keep_text;
use crate::parse::percent;
use nines_core::calendar::Calendar;
use nines_core::report::DowntimeAnswer;
use nines_core::{format_duration, format_duration_brief, Availability, Convention, Period};
use yew::prelude::*;

/// Props of [`DowntimeFromPercent`].
#[derive(Properties, PartialEq)]
pub struct DowntimeFromPercentProps {
    /// Every convention, labelled.
    pub conventions: Vec<(String, Convention)>,
    /// Count downtime in this calendar's service time (24×7 beside it); every minute if none.
    #[prop_or_default]
    pub calendar: Option<Calendar>,
}

/// Availability → allowed downtime per period, every convention side by side; in a calendar's
/// service time, with its service time and the 24×7 figure beside each.
#[function_component(DowntimeFromPercent)]
pub fn downtime_from_percent(props: &DowntimeFromPercentProps) -> Html {
    let text = use_state(|| "99.95".to_string());
    let availability = percent(&text);
    html! {
        <section class="panel" aria-labelledby="calc-down-heading">
            <h2 id="calc-down-heading">{"Availability → allowed downtime"}</h2>
            <Field label="Availability" unit="%" value={(*text).clone()} on_commit={keep_text(&text)} testid="calc-percent" live=true />
            {match availability {
                Err(e) => html! { <p class="error" role="alert">{e}</p> },
                Ok(a) => table(a, props),
            }}
        </section>
    }
}

/// The table at availability `a`.
fn table(a: Availability, props: &DowntimeFromPercentProps) -> Html {
    let caption = match &props.calendar {
        Some(c) => format!("Downtime allowed at {}% of the service time of {}; 24×7 (every minute, UTC) below each", a.percent(), c.describe()),
        None => format!("Downtime allowed at {}%", a.percent()),
    };
    html! {
        <div class="table-scroll">
        <table data-testid="calc-downtime">
            <caption>{caption}</caption>
            <thead><tr><th scope="col">{"Convention"}</th>
                {for Period::ALL.iter().map(|p| html! { <th scope="col">{format!("per {p}")}</th> })}</tr></thead>
            <tbody>
                {for props.conventions.iter().map(|(label, convention)| {
                    let answer = match &props.calendar {
                        Some(c) => DowntimeAnswer::in_calendar(a, *convention, c),
                        None => DowntimeAnswer::new(a, *convention),
                    };
                    row(label, &answer)
                })}
            </tbody>
        </table>
        </div>
    }
}

/// One convention's row: downtime per period (and, in a calendar, service time and 24×7).
fn row(label: &str, answer: &DowntimeAnswer) -> Html {
    let cell = |p: Period| {
        let seconds = answer.seconds.get(p);
        let service = answer.service_seconds.as_ref().map(|s| s.get(p));
        let plain = answer.around_the_clock.as_ref().map(|d| d.seconds.get(p));
        html! {
            <td title={format_duration(seconds)} data-testid={format!("calc-{}", p.name())}>
                {format_duration_brief(seconds)}
                if let (Some(service), Some(plain)) = (service, plain) {
                    <small class="beside" title={format_duration(service)} data-testid={format!("calc-{}-service", p.name())}>{format!("of {} service", format_duration_brief(service))}</small>
                    <small class="beside" title={format_duration(plain)} data-testid={format!("calc-{}-24x7", p.name())}>{format!("24×7: {}", format_duration_brief(plain))}</small>
                }
            </td>
        }
    };
    html! {
        <tr>
            <th scope="row">{label}</th>
            {for Period::ALL.into_iter().map(cell)}
        </tr>
    }
}
