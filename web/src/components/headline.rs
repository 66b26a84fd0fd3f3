use crate::describe::brief_percent;
use crate::hooks::use_app;
use nines_core::{format_duration, format_duration_brief};
use yew::prelude::*;

/// The composite availability with the digits that carry information, its nines and the
/// expected downtime per month.
#[function_component(Headline)]
pub fn headline() -> Html {
    let copied = use_state(|| false);
    let Some(app) = use_app() else {
        return html! {};
    };
    let Some(report) = app.evaluation.report() else {
        return html! {};
    };
    let shown = brief_percent(report);
    let full = report.percent.clone();
    let month = report.downtime.seconds.month;
    let on_copy = {
        let (copied, full) = (copied.clone(), full.clone());
        Callback::from(move |_| {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&format!("{full}%"));
                copied.set(true);
            }
        })
    };
    html! {
        <div class="headline" aria-live="polite">
            <p class="availability" title={format!("{full}% — every significant digit")}>
                <span class="figure" data-testid="availability" data-full={full.clone()}>{shown}</span>
                <span class="unit">{"%"}</span>
                <button class="copy" data-testid="copy-availability" aria-label={format!("Copy the full value {full}%")}
                    onclick={on_copy}>{if *copied { "Copied" } else { "Copy" }}</button>
            </p>
            <p class="nines" data-testid="nines">
                {match report.nines {
                    Some(n) => format!("{n:.2} nines"),
                    None => "no downtime (100%)".to_string(),
                }}
                {" · expected downtime "}
                <strong data-testid="downtime-month-headline" title={format_duration(month)}>{format_duration_brief(month)}</strong>
                {" per month"}
                {report.convention.calendar.as_ref().map(|c| format!(" of service time (calendar “{}”)", c.id)).unwrap_or_default()}
            </p>
        </div>
    }
}
