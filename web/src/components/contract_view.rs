use super::bar_chart::{Bar, BarChart, Scale};
use super::service_table::service_table;
use crate::context::AppContext;
use nines_core::{format_duration_brief, Money};
use yew::prelude::*;

/// Each service's credit tiers as downtime, and the worst-case credit against the business loss
/// (on a log scale, so that a credit of hundreds stays visible beside a loss of hundreds of
/// thousands).
pub fn contract_view(app: &AppContext) -> Html {
    let Some(report) = app.evaluation.report() else {
        return html! {};
    };
    let contract = &report.contract;
    let currency = &contract.currency;
    let money = |m: Money| format!("{m} {currency}");
    let worst = &contract.worst_case;
    let mut bars = vec![
        Bar {
            label: "Fees with an SLA".to_string(),
            value: units(worst.fees),
            text: money(worst.fees),
        },
        Bar {
            label: "Worst-case credit".to_string(),
            value: units(worst.credit),
            text: money(worst.credit),
        },
    ];
    if let Some(loss) = worst.business_loss {
        bars.push(Bar {
            label: "Business loss".to_string(),
            value: units(loss),
            text: money(loss),
        });
    }
    let charted = bars.iter().any(|b| b.value > 0.0);
    html! {
        <div class="contract" data-testid="contract">
            <h3>{"Contracts"}</h3>
            if contract.services.is_empty() {
                <p class="hint">{"No component has an SLA: credits do not apply."}</p>
            } else {
                {service_table(app)}
                <h4>{"Worst case: every service at its bottom tier"}</h4>
                if contract.services.iter().all(|s| s.tiers.is_empty()) {
                    <p class="hint">{"No service here records credit tiers: what a bad month pays back is unknown."}</p>
                }
                <p data-testid="worst-case">
                    {format!("Downtime {} in the month; credits {} of {} fees", format_duration_brief(worst.downtime_seconds), money(worst.credit), money(worst.fees))}
                    {match worst.business_loss {
                        Some(loss) => format!("; business loss {}.", money(loss)),
                        None => ". Set a business loss per hour to compare.".to_string(),
                    }}
                </p>
                if charted {
                    <BarChart {bars} title="Worst-case credit against the business loss (log scale)" testid="credit-chart" scale={Scale::Log} />
                } else {
                    <p class="hint" data-testid="credit-chart-empty">{"No fees or loss set yet: add monthly fees and a business loss per hour to compare credits with the loss."}</p>
                }
            }
            {super::calendar_info::business_calendar(app)}
            if let Some(loss) = contract.expected_monthly_business_loss {
                <p>{format!("Expected business loss at the composite availability: {} per month.", money(loss))}</p>
            }
        </div>
    }
}

/// An amount as a bar length (currency units).
fn units(money: Money) -> f64 {
    money.cents() as f64 / 100.0
}
