use crate::context::AppContext;
use crate::describe::brief_percent;
use crate::evaluation::Outcome;
use nines_core::format_duration_brief;
use yew::prelude::*;

/// On narrow screens, the composite availability stays in view at the bottom while editing,
/// with a link to the full results.
pub fn summary_bar(app: &AppContext) -> Html {
    let figures = match &app.evaluation.outcome {
        Outcome::Report(report) => {
            let shown = brief_percent(report);
            html! {
                <span>
                    <span class="nowrap">{format!("{shown}%")}</span>
                    {" · "}
                    <span class="nowrap">{format!("{} per month", format_duration_brief(report.downtime.seconds.month))}</span>
                </span>
            }
        }
        Outcome::Blank => return html! {},
        Outcome::Problems(problems) => {
            html! { <span>{format!("{} problem(s) to fix", problems.len())}</span> }
        }
    };
    html! {
        <a class="summary-bar" href="#results-heading" data-testid="summary-bar">
            {figures}<span class="go">{"Results ↓"}</span>
        </a>
    }
}
