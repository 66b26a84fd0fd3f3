use super::assumptions::assumptions;
use super::caveats::caveats;
use super::contract_view::contract_view;
use super::downtime_table::downtime_table;
use super::empty_state::empty_state;
use super::headline::Headline;
use super::hints_list::hints_list;
use super::period_settings::period_settings;
use super::problem_list::problem_list;
use super::share_chart::share_chart;
use super::zone_status::zone_status;
use crate::context::AppContext;
use crate::evaluation::Outcome;
use yew::prelude::*;

/// Live results: the headline and hints, caveats, downtime per period, each component's share,
/// the contract view and the assumptions; a friendly empty state for an empty design.
pub fn results(app: &AppContext) -> Html {
    let empty = app.evaluation.empty_groups.len();
    let body = match &app.evaluation.outcome {
        Outcome::Blank => html! { {empty_state(app)} },
        Outcome::Problems(problems) => html! {
            {problem_list("The design cannot be evaluated yet:", problems, "model-problems", None)}
        },
        Outcome::Report(report) => html! {
            <>
                <Headline />
                if empty > 0 {
                    <p class="hint" data-testid="not-counted">{match empty {
                        1 => "1 empty group is not counted yet (marked in the architecture).".to_string(),
                        n => format!("{n} empty groups are not counted yet (marked in the architecture)."),
                    }}</p>
                }
                {hints_list(app)}
                {caveats(&report.caveats)}
                {downtime_table(&report.downtime, &report.convention)}
                {share_chart(app)}
                {contract_view(app)}
                {assumptions(app)}
            </>
        },
    };
    html! {
        <section class="panel results" aria-labelledby="results-heading" data-testid="results">
            <h2 id="results-heading">{"Results"}</h2>
            {period_settings(app)}
            {zone_status(app, false)}
            {body}
        </section>
    }
}
