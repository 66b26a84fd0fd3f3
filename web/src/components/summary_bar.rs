use crate::hooks::use_app;
use yew::prelude::*;

/// On narrow screens, the composite availability stays in view at the bottom while editing,
/// with a link to the full results.
#[function_component(SummaryBar)]
pub fn summary_bar() -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    // Each figure stays on one line; the bar wraps between them on narrow screens.
    let figures = match app.report.as_ref() {
        Ok(report) => html! {
            <span>
                <span class="nowrap">{format!("{}%", report.percent)}</span>
                {" · "}
                <span class="nowrap">{format!("{} per month", report.downtime.text.month)}</span>
            </span>
        },
        Err(problems) if problems.is_empty() => return html! {},
        Err(problems) => html! { <span>{format!("{} problem(s) to fix", problems.len())}</span> },
    };
    html! {
        <a class="summary-bar" href="#results-heading" data-testid="summary-bar">
            {figures}<span class="go">{"Results ↓"}</span>
        </a>
    }
}
