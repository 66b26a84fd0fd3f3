use crate::context::AppContext;
use yew::prelude::*;

/// Every component with an SLA: its label (with the configuration), commitment, fee and credit
/// tiers as downtime in the month; "credits unknown" when the SLA records no tiers.
pub fn service_table(app: &AppContext) -> Html {
    let Some(report) = app.evaluation.report() else {
        return html! {};
    };
    let contract = &report.contract;
    html! {
        <div class="table-scroll">
        <table class="services" data-testid="services">
            <caption>{format!("Credit tiers as downtime in the month ({})", report.convention.name)}</caption>
            <thead><tr><th scope="col">{"Service"}</th><th scope="col">{"Commitment"}</th><th scope="col">{"Fee"}</th></tr></thead>
            {for contract.services.iter().map(|s| html! {
                <tbody data-testid="service">
                    <tr>
                        <th scope="row">{app.labels.text(&s.component)}{" "}
                            <a class="sla-link" href={s.source.url.clone()} target="_blank" rel="noopener noreferrer">{"SLA text"}</a></th>
                        <td class="num">{format!("{}%", s.commitment)}</td>
                        <td class="num">{match s.monthly_fee {
                            Some(fee) if s.instances > 1 => format!("{fee} {} × {}", contract.currency, s.instances),
                            Some(fee) => format!("{fee} {}", contract.currency),
                            None => "not set".to_string(),
                        }}</td>
                    </tr>
                    <tr class="tiers-row"><td colspan="3">
                        if s.tiers.is_empty() {
                            <span class="unknown" data-testid="credits-unknown">{"Credits unknown: no tiers recorded"}</span>
                        } else {
                            {"Credits: "}{s.tiers.iter().map(|t| format!("{}% below {}% (over {})", t.credit, t.below, t.after)).collect::<Vec<_>>().join(" · ")}
                        }
                        if let Some(calendar) = &s.calendar {
                            {super::calendar_info::calendar_line(calendar, "Measured over", format!("service-calendar-{}", s.component))}
                        }
                    </td></tr>
                </tbody>
            })}
        </table>
        </div>
    }
}
