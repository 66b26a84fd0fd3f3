use super::bar_chart::{Bar, BarChart};
use nines_core::{format_duration, Money, Report};
use yew::prelude::*;

/// Props of [`ContractView`].
#[derive(Properties, PartialEq)]
pub struct ContractViewProps {
    /// The report shown.
    pub report: Report,
}

/// Each service's credit tiers as downtime, and the worst-case credit against the business
/// loss.
#[function_component(ContractView)]
pub fn contract_view(props: &ContractViewProps) -> Html {
    let contract = &props.report.contract;
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
    html! {
        <div class="contract" data-testid="contract">
            <h3>{"Contracts"}</h3>
            if contract.services.is_empty() {
                <p class="hint">{"No component has an SLA: credits do not apply."}</p>
            }
            {for contract.services.iter().map(|s| html! {
                <details class="service" data-testid="service">
                    <summary>
                        <strong>{&s.component}</strong>{format!(" — {} ({}): {}%", s.service, s.configuration, s.commitment)}
                    </summary>
                    <p>
                        {format!("Fee {} × {} instance(s); credits capped at {}%, at most {}% in one month. ",
                            s.monthly_fee.map(money).unwrap_or_else(|| "not set".to_string()), s.instances,
                            s.credit_cap.value(), s.max_credit.value())}
                        <a href={s.source.url.clone()} target="_blank" rel="noopener noreferrer">{"SLA text"}</a>
                        {format!(" (as of {})", s.source.as_of)}
                    </p>
                    if s.tiers.is_empty() {
                        <p>{"No credit tiers recorded."}</p>
                    } else {
                        <table class="tiers">
                            <caption>{format!("Credit tiers as downtime in the month ({})", props.report.convention.name)}</caption>
                            <thead><tr><th scope="col">{"Uptime below"}</th><th scope="col">{"Credit"}</th><th scope="col">{"Downtime over"}</th></tr></thead>
                            <tbody>
                                {for s.tiers.iter().map(|t| html! {
                                    <tr><td>{format!("{}%", t.below.value())}</td><td>{format!("{}%", t.credit.value())}</td><td>{&t.after}</td></tr>
                                })}
                            </tbody>
                        </table>
                    }
                </details>
            })}
            if !contract.services.is_empty() {
                <h4>{"Worst case: every service at its bottom tier"}</h4>
                <p data-testid="worst-case">
                    {format!("Downtime {} in the month; credits {} of {} fees", format_duration(worst.downtime_seconds), money(worst.credit), money(worst.fees))}
                    {match worst.business_loss {
                        Some(loss) => format!("; business loss {}.", money(loss)),
                        None => ". Set a business loss per hour to compare.".to_string(),
                    }}
                </p>
                <BarChart bars={bars} title="Worst-case credit against the business loss" testid="credit-chart" />
            }
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
