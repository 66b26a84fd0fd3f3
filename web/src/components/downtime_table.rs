use nines_core::format_duration_brief;
use nines_core::report::{ConventionInfo, Downtime};
use yew::prelude::*;

/// Expected downtime per day, week, month, quarter and year in the largest sensible units
/// (every digit on hover and in seconds), each labelled with its period.
pub fn downtime_table(d: &Downtime, convention: &ConventionInfo) -> Html {
    let month = match convention.month {
        Some(m) => format!("month ({m})"),
        None => format!("month ({})", convention.name),
    };
    let rows = [
        ("day", "day".to_string(), &d.text.day, d.seconds.day),
        ("week", "week".to_string(), &d.text.week, d.seconds.week),
        ("month", month, &d.text.month, d.seconds.month),
        (
            "quarter",
            "quarter".to_string(),
            &d.text.quarter,
            d.seconds.quarter,
        ),
        ("year", "year".to_string(), &d.text.year, d.seconds.year),
    ];
    html! {
        <div class="table-scroll">
        <table class="downtime" data-testid="downtime-table">
            <caption>{"Expected downtime — "}{&convention.description}</caption>
            <thead><tr><th scope="col">{"Per"}</th><th scope="col">{"Downtime"}</th><th scope="col">{"Seconds"}</th></tr></thead>
            <tbody>
                {for rows.into_iter().map(|(key, label, text, seconds)| html! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td data-testid={format!("downtime-{key}")} title={text.clone()}>{format_duration_brief(seconds)}</td>
                        <td class="num" data-testid={format!("downtime-{key}-seconds")}>{format!("{seconds} s")}</td>
                    </tr>
                })}
            </tbody>
        </table>
        if let Some(calendar) = &convention.calendar {
            {super::calendar_info::calendar_line(calendar, "Counted in the service time of", "figures-calendar".to_string())}
        }
        </div>
    }
}
