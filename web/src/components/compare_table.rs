use crate::context::AppContext;
use crate::describe::brief_percent;
use crate::evaluation::{Evaluation, Outcome};
use crate::labels::Labels;
use crate::state::Action;
use nines_core::{format_duration_brief, Report};
use yew::prelude::*;

/// The saved designs' figures side by side (`designs`: each one's name, labels and
/// evaluation), components named by their labels.
pub fn compare_table(app: &AppContext, designs: &[(String, Labels, Evaluation)]) -> Html {
    // Each cell: what it shows, and every digit on hover.
    let row = |name: &str, f: &dyn Fn(&Report, &Labels) -> (String, String)| {
        html! {
            <tr><th scope="row">{name.to_string()}</th>
                {for designs.iter().map(|(_, labels, e)| {
                    let (shown, full) = match &e.outcome {
                        Outcome::Report(r) => f(r, labels),
                        Outcome::Blank => ("empty design".to_string(), String::new()),
                        Outcome::Problems(p) => (p.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "), String::new()),
                    };
                    html! { <td title={(!full.is_empty()).then_some(full)}>{shown}</td> }
                })}
            </tr>
        }
    };
    let plain = |text: String| (text, String::new());
    html! {
        <div class="table-scroll">
        <table data-testid="compare-table">
            <caption>{format!("Figures under the {} convention", app.convention())}</caption>
            <thead><tr><th scope="col">{"Design"}</th>
                {for designs.iter().enumerate().map(|(i, (label, _, _))| html! {
                    <th scope="col">{label}<br/>
                        <button onclick={app.on(Action::OpenScenario(i))}>{"Open"}</button>
                        <button aria-label={format!("Remove {label}")} onclick={app.on(Action::RemoveScenario(i))}>{"✕"}</button>
                    </th>
                })}
            </tr></thead>
            <tbody>
                {row("Availability", &|r, _| (format!("{}%", brief_percent(r)), format!("{}%", r.percent)))}
                {row("Nines", &|r, _| plain(r.nines.map(|n| format!("{n:.2}")).unwrap_or_else(|| "∞".to_string())))}
                {row("Downtime per month", &|r, _| (format_duration_brief(r.downtime.seconds.month), r.downtime.text.month.clone()))}
                {row("Downtime per year", &|r, _| (format_duration_brief(r.downtime.seconds.year), r.downtime.text.year.clone()))}
                {row("Weakest link", &|r, labels| plain(r.weakest_link.as_ref().map(|id| labels.text(id)).unwrap_or_default()))}
                {row("Worst-case credit", &|r, _| plain(format!("{} {}", r.contract.worst_case.credit, r.contract.currency)))}
                {row("Expected business loss / month", &|r, _| plain(r.contract.expected_monthly_business_loss.map(|m| format!("{m} {}", r.contract.currency)).unwrap_or_else(|| "—".to_string())))}
            </tbody>
        </table>
        </div>
    }
}
