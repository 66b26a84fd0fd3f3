use super::calendar_choice::CalendarChoice;
use crate::context::AppContext;
use crate::state::ConventionChoice;
use nines_core::Convention;
use yew::prelude::*;

/// Percent ↔ allowed downtime, both ways, every convention side by side, optionally in a
/// calendar's service time; updates as you type.
pub fn calculator(app: &AppContext) -> Html {
    let conventions: Vec<(String, Convention)> = ConventionChoice::ALL
        .into_iter()
        .map(|c| {
            let label = match c {
                ConventionChoice::CalendarMonth => format!("Calendar month {}", app.month),
                other => other.label().to_string(),
            };
            (label, c.convention(&app.month))
        })
        .collect();
    html! {
        <div class="calculator">
            <CalendarChoice {conventions} />
        </div>
    }
}
