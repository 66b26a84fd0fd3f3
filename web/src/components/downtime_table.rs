use nines_core::report::{ConventionInfo, Downtime};
use yew::prelude::*;

/// Props of [`DowntimeTable`].
#[derive(Properties, PartialEq)]
pub struct DowntimeTableProps {
    /// Downtime per period.
    pub downtime: Downtime,
    /// The convention the figures use.
    pub convention: ConventionInfo,
}

/// Expected downtime per day, week, month, quarter and year, each labelled with its period.
#[function_component(DowntimeTable)]
pub fn downtime_table(props: &DowntimeTableProps) -> Html {
    let d = &props.downtime;
    let month = match props.convention.month {
        Some(m) => format!("month ({m})"),
        None => format!("month ({})", props.convention.name),
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
        <table class="downtime" data-testid="downtime-table">
            <caption>{"Expected downtime — "}{&props.convention.description}</caption>
            <thead><tr><th scope="col">{"Per"}</th><th scope="col">{"Downtime"}</th><th scope="col">{"Seconds"}</th></tr></thead>
            <tbody>
                {for rows.into_iter().map(|(key, label, text, seconds)| html! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td data-testid={format!("downtime-{key}")}>{text}</td>
                        <td class="num" data-testid={format!("downtime-{key}-seconds")}>{format!("{seconds} s")}</td>
                    </tr>
                })}
            </tbody>
        </table>
    }
}
