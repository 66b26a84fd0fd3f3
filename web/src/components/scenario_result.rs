use super::timeline::timeline;
use crate::context::AppContext;
use crate::describe::brief_of;
use nines_core::format_duration_brief;
use nines_core::report::ScenarioService;
use yew::prelude::*;

/// The month's outcome: the architecture's downtime, a timeline, and each service's credit with
/// its reason ("below 99.9% → 10% of 1,000.00 USD = 100.00 USD", "no tier crossed (99.62% ≥
/// 99.5%)", "credits unknown").
pub fn scenario_result(app: &AppContext) -> Html {
    let Some(report) = app.evaluation.report() else {
        return html! {};
    };
    let Some(s) = &report.contract.scenario else {
        return html! {};
    };
    let currency = &report.contract.currency;
    let why = |svc: &ScenarioService| -> String {
        let service = report
            .contract
            .services
            .iter()
            .find(|x| x.component == svc.component);
        let fee = service.and_then(|x| x.monthly_fee);
        match (svc.tier_below, service.and_then(|x| x.tiers.first())) {
            (_, None) => "credits unknown (no tiers recorded)".to_string(),
            (Some(below), _) => match fee {
                Some(fee) => format!(
                    "below {below}% → {}% of {fee} {currency} = {} {currency}",
                    svc.credit_percent, svc.credit
                ),
                None => format!(
                    "below {below}% → {}% of the fee (no fee set)",
                    svc.credit_percent
                ),
            },
            (None, Some(top)) => {
                format!(
                    "no tier crossed ({}% ≥ {}%)",
                    brief_of(&svc.uptime),
                    top.below
                )
            }
        }
    };
    html! {
        <div class="scenario-result" data-testid="scenario-result">
            <p>
                {format!("In the month from {}, the architecture was down ", s.window_start.date())}
                <strong data-testid="scenario-downtime">{format_duration_brief(s.architecture_downtime_seconds)}</strong>
                {" (uptime "}<span title={format!("{}%", s.architecture_uptime)}>{format!("{}%", brief_of(&s.architecture_uptime))}</span>{")"}
                {s.business_loss.map(|l| format!("; business loss {l} {currency}")).unwrap_or_default()}
            </p>
            {super::calendar_info::scenario_split(app)}
            {timeline(app)}
            <div class="table-scroll">
            <table class="credits">
                <caption>{"Credits owed"}</caption>
                <thead><tr><th scope="col">{"Service"}</th><th scope="col">{"Downtime"}</th><th scope="col">{"Uptime"}</th><th scope="col">{"Credit"}</th></tr></thead>
                <tbody>
                    {for s.services.iter().map(|svc| html! {
                        <tr data-testid="scenario-service">
                            <td>{app.labels.text(&svc.component)}{svc.copy.map(|c| format!(" (copy {c})")).unwrap_or_default()}</td>
                            <td>{format_duration_brief(svc.downtime_seconds)}</td>
                            <td title={format!("{}%", svc.uptime)}>{format!("{}%", brief_of(&svc.uptime))}</td>
                            <td data-testid="scenario-credit">{why(svc)}</td>
                        </tr>
                    })}
                </tbody>
                <tfoot><tr><th scope="row" colspan="3">{"Total credit"}</th>
                    <td data-testid="scenario-total-credit">{format!("{} {currency}", s.total_credit)}</td></tr></tfoot>
            </table>
            </div>
        </div>
    }
}
