use nines_core::report::{Caveat, CaveatKind};
use yew::prelude::*;

/// Props of [`Caveats`].
#[derive(Properties, PartialEq)]
pub struct CaveatsProps {
    /// The report's caveats, loudest first.
    pub caveats: Vec<Caveat>,
}

/// Caveats: data and credit-cap warnings as loud banners, unverified entries flagged, the
/// rest listed below.
#[function_component(Caveats)]
pub fn caveats(props: &CaveatsProps) -> Html {
    let loud = |k: CaveatKind| {
        matches!(
            k,
            CaveatKind::NoDataGuarantee | CaveatKind::CreditCap | CaveatKind::Unverified
        )
    };
    let (banners, others): (Vec<&Caveat>, Vec<&Caveat>) =
        props.caveats.iter().partition(|c| loud(c.kind));
    html! {
        <div class="caveats" data-testid="caveats">
            {for banners.iter().map(|c| {
                let (class, title) = match c.kind {
                    CaveatKind::NoDataGuarantee => ("banner danger", "Your data is not covered"),
                    CaveatKind::CreditCap => ("banner danger", "Credits are capped"),
                    _ => ("banner warn", "Unverified catalog entry"),
                };
                html! {
                    <p class={class} data-testid={format!("caveat-{}", kind_key(c.kind))}>
                        <strong>{title}{": "}</strong>{&c.text}
                        if !c.components.is_empty() { <span class="who">{format!(" ({})", c.components.join(", "))}</span> }
                    </p>
                }
            })}
            if !others.is_empty() {
                <details>
                    <summary>{format!("{} more caveats (preconditions, exclusions, sole remedy)", others.len())}</summary>
                    <ul>{for others.iter().map(|c| html! { <li>{&c.text}</li> })}</ul>
                </details>
            }
        </div>
    }
}

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
