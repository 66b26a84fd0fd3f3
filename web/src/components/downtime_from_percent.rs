use super::field::Field;
use crate::bind::keep_text;
use crate::parse::percent;
use nines_core::{format_duration_brief, Convention, Downtime, Period};
use yew::prelude::*;

/// Props of [`DowntimeFromPercent`].
#[derive(Properties, PartialEq)]
pub struct DowntimeFromPercentProps {
    /// Every convention, labelled.
    pub conventions: Vec<(String, Convention)>,
}

/// Availability → allowed downtime per period, every convention side by side.
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
                Ok(a) => html! {
                    <div class="table-scroll">
                    <table data-testid="calc-downtime">
                        <caption>{format!("Downtime allowed at {}%", a.percent())}</caption>
                        <thead><tr><th scope="col">{"Convention"}</th>
                            {for Period::ALL.iter().map(|p| html! { <th scope="col">{format!("per {p}")}</th> })}</tr></thead>
                        <tbody>
                            {for props.conventions.iter().map(|(label, convention)| {
                                let d = Downtime::new(a, *convention);
                                let cell = |text: &String, seconds: f64| html! { <td title={text.clone()}>{format_duration_brief(seconds)}</td> };
                                html! {
                                    <tr>
                                        <th scope="row">{label}</th>
                                        {cell(&d.text.day, d.seconds.day)}{cell(&d.text.week, d.seconds.week)}
                                        {cell(&d.text.month, d.seconds.month)}{cell(&d.text.quarter, d.seconds.quarter)}
                                        {cell(&d.text.year, d.seconds.year)}
                                    </tr>
                                }
                            })}
                        </tbody>
                    </table>
                    </div>
                },
            }}
        </section>
    }
}
