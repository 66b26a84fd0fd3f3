use crate::hooks::use_app;
use yew::prelude::*;

/// On narrow screens, the composite availability stays in view at the bottom while editing,
/// with a link to the full results.
#[function_component(SummaryBar)]
pub fn summary_bar() -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let text = match app.report.as_ref() {
        Ok(report) => format!(
            "{}% · {} per month",
            report.percent, report.downtime.text.month
        ),
        Err(problems) if problems.is_empty() => return html! {},
        Err(problems) => format!("{} problem(s) to fix", problems.len()),
    };
    html! {
        <a class="summary-bar" href="#results-heading" data-testid="summary-bar">
            <span>{text}</span><span class="go">{"Results ↓"}</span>
        </a>
    }
}
