use nines_core::report::{Caveat, CaveatKind};
use yew::prelude::*;

/// Caveats: the loud kinds (`CaveatKind::is_loud`: no data guarantee, credit caps, unverified,
/// no credits) as banners, the rest listed below (all of them when printed).
pub fn caveats(caveats: &[Caveat]) -> Html {
    let (banners, others): (Vec<&Caveat>, Vec<&Caveat>) =
        caveats.iter().partition(|c| c.kind.is_loud());
    let list = |class: &'static str| {
        html! {
            <ul class={class}>{for others.iter().map(|c| html! { <li>{&c.text}</li> })}</ul>
        }
    };
    html! {
        <div class="caveats" data-testid="caveats">
            {for banners.iter().map(|c| html! {
                <p class="banner danger" data-testid={format!("caveat-{}", kind_key(c.kind))}>
                    <strong>{title(c.kind)}</strong>{&c.text}
                    if !c.components.is_empty() { <span class="who">{format!(" ({})", c.components.join(", "))}</span> }
                </p>
            })}
            if !others.is_empty() {
                <details class="screen-only">
                    <summary>{format!("{} more caveats (preconditions, exclusions, sole remedy)", others.len())}</summary>
                    {list("")}
                </details>
                <div class="print-only"><h4>{"Caveats"}</h4>{list("")}</div>
            }
        </div>
    }
}

/// A banner's heading.
fn title(kind: CaveatKind) -> &'static str {
    match kind {
        CaveatKind::NoDataGuarantee => "Your data is not covered: ",
        CaveatKind::CreditCap => "Credits are capped: ",
        CaveatKind::Unverified => "Unverified catalog entry: ",
        CaveatKind::NoCredits => "Credits unknown: ",
        _ => "",
    }
}

/// The caveat kind's name in the report (`no_data_guarantee`, …), for tests and styles.
fn kind_key(kind: CaveatKind) -> &'static str {
    match kind {
        CaveatKind::NoDataGuarantee => "no_data_guarantee",
        CaveatKind::CreditCap => "credit_cap",
        CaveatKind::Unverified => "unverified",
        CaveatKind::NoCredits => "no_credits",
        CaveatKind::Precondition => "precondition",
        CaveatKind::Provider => "provider",
        CaveatKind::SoleRemedy => "sole_remedy",
        CaveatKind::SlaIsNotAvailability => "sla_is_not_availability",
    }
}
