use super::risk_histogram::RiskHistogram;
use super::risk_panel::thousands;
use crate::risk::{duration, money, percent, Risk};
use nines_core::report::{Breach, BreachMethod};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`RiskFigures`].
#[derive(Properties, PartialEq)]
pub struct RiskFiguresProps {
    /// The simulation's report.
    pub risk: Rc<Risk>,
    /// What to say above figures that are not final (a first estimate, the previous run's).
    #[prop_or_default]
    pub note: Option<AttrValue>,
}

/// The simulation's figures: the breach probability with its interval, a bad month, the
/// downtime histogram, credits against losses, and what they assume. A component so that the
/// progress bar's updates do not render them again.
#[function_component(RiskFigures)]
pub fn risk_figures(props: &RiskFiguresProps) -> Html {
    let (risk, note) = (&props.risk, &props.note);
    let q = risk.downtime_seconds;
    html! {
        <div class={classes!("risk-figures", note.is_some().then_some("estimate"))} data-testid="risk-figures"
            data-trials={risk.trials.to_string()}>
            if let Some(note) = note {
                <p class="hint" data-testid="risk-estimate">{note.clone()}</p>
            }
            {breach(risk.breach.as_ref(), risk.trials)}
            <p data-testid="risk-bad-month" data-p90={q.p90.to_string()} data-p99={q.p99.to_string()}>
                {"Bad month: "}<strong>{format!("P90 {}", duration(q.p90))}</strong>{", "}
                <strong>{format!("P99 {}", duration(q.p99))}</strong>
                {format!(" of downtime in a month (P99.9 {}; median {}, mean {}): one month in 10 (P90) or in 100 (P99) is worse. Each month simulated is {} ({}).",
                    duration(q.p999), duration(q.p50), duration(q.mean), risk.convention.short(), duration(risk.month_seconds))}
            </p>
            <RiskHistogram risk={risk.clone()} />
            {money_line(risk)}
            {assumptions(risk)}
        </div>
    }
}

/// The probability of missing the target, with its 95% interval.
fn breach(breach: Option<&Breach>, trials: u64) -> Html {
    let Some(b) = breach else {
        return html! { <p class="hint" data-testid="risk-breach">{"Give a target to see how likely a month misses it."}</p> };
    };
    let how = if b.method == BreachMethod::ImportanceSampling {
        "estimated by importance sampling, as the breach is rare".to_string()
    } else {
        format!("{} of {} months", thousands(b.months), thousands(trials))
    };
    let value = if b.months == 0 && b.method == BreachMethod::Months {
        format!("below {} (95% upper bound)", percent(b.high))
    } else {
        format!(
            "{} (95% CI {} – {})",
            percent(b.probability),
            percent(b.low),
            percent(b.high)
        )
    };
    html! {
        <p class="risk-breach" data-testid="risk-breach" data-target={b.target.to_string()}
            data-probability={b.probability.to_string()} data-low={b.low.to_string()} data-high={b.high.to_string()}>
            {format!("Chance a month falls below {}% (more than {} of downtime): ", b.target, duration(b.allowed_seconds))}
            <strong data-testid="risk-breach-value">{value}</strong>{format!(" — {how}.")}
        </p>
    }
}

/// Expected credits per month against the expected business loss.
fn money_line(risk: &Risk) -> Html {
    let m = &risk.money;
    let credit = format!(
        "{} per month (95% CI {} – {})",
        money(&m.currency, m.expected_credit.estimate),
        m.expected_credit.low,
        m.expected_credit.high
    );
    let loss = match (&m.expected_loss, &m.p99_loss) {
        (Some(loss), p99) => format!(
            "; expected business loss {} per month (95% CI {} – {}){}{}",
            money(&m.currency, loss.estimate),
            loss.low,
            loss.high,
            p99.as_ref().map_or(String::new(), |p| format!(
                ", {} in a P99 month",
                money(&m.currency, *p)
            )),
            m.credits_cover.map_or(String::new(), |c| format!(
                ": credits cover {} of it",
                percent(c)
            )),
        ),
        (None, _) => {
            ". Set business_loss_per_hour in the model to compare them with what downtime costs you"
                .into()
        }
    };
    html! {
        <p data-testid="risk-money" data-credit={m.expected_credit.estimate.decimal()}
            data-loss={m.expected_loss.as_ref().map(|l| l.estimate.decimal())}>{"Expected SLA credits: "}<strong>{credit}</strong>{loss}{"."}</p>
    }
}

/// What the figures assume, one sentence each, then the simulation's own list.
fn assumptions(risk: &Risk) -> Html {
    let default = risk
        .processes
        .iter()
        .find(|p| p.outage_from == "default")
        .map_or(String::new(), |p| {
            format!(
                " ({} min here for components that do not say)",
                p.mean_outage_minutes
            )
        });
    html! {
        <div class="assumptions" data-testid="risk-assumptions">
            <h3>{"What this assumes"}</h3>
            <ul>
                <li data-testid="assumption-outage">{format!(
                    "Mean outage duration{default}: a component's availability fixes its downtime on average, and the mean outage splits it into few long or many short outages — longer outages at the same availability give fewer but worse months. Change it in the model file (Export model, edit, Import): outage_minutes or incidents_per_year on a component, default_outage_minutes for all.")}</li>
                <li data-testid="assumption-independence">{"Independence: components fail and recover independently of each other, except shared components and declared failure domains (the model's domains, such as an availability zone), whose one outage takes down everything in them."}</li>
            </ul>
            <details>
                <summary>{"Every assumption of the simulation"}</summary>
                <ul>{for risk.assumptions.iter().map(|a| html! { <li>{a}</li> })}</ul>
            </details>
        </div>
    }
}
