use nines_core::sla::{Sla, SourceStatus};
use nines_core::{format_duration, Convention};
use yew::prelude::*;

/// One catalog entry (tiers as downtime in `convention`'s month): commitment, its caveats (loud ones as banners, from `Sla::caveats`),
/// credit tiers as downtime, the downtime definition, and provenance.
pub fn sla_details(sla: &Sla, convention: Convention) -> Html {
    let month = convention.periods().month;
    let (loud, quiet): (Vec<_>, Vec<_>) = sla.caveats().into_iter().partition(|c| c.kind.is_loud());
    html! {
        <article class="sla-details" data-testid="sla-details">
            <h3>{&sla.service}<small>{" — "}{&sla.configuration}</small></h3>
            <p class="status-line">
                <span class="commitment">{format!("{}% monthly uptime commitment", sla.commitment.percent())}</span>
                {status_badge(sla.source.status)}
            </p>
            {for loud.iter().map(|c| html! { <p class="banner danger" data-testid="sla-caveat">{&c.text}</p> })}
            <h4>{"Credit tiers"}</h4>
            if sla.credit_tiers.is_unknown() {
                <p>{"Credits unknown: the provider's credit tiers could not be sourced (not the same as none being owed)."}</p>
            } else if sla.credit_tiers.tiers().is_empty() {
                <p>{"No percentage credit tiers: this SLA does not refund a share of the fee."}</p>
            } else {
                <div class="table-scroll">
                <table class="tiers">
                    <caption>{format!("As downtime in a {}", convention.describe())}</caption>
                    <thead><tr><th scope="col">{"Uptime below"}</th><th scope="col">{"Credit"}</th><th scope="col">{"Downtime in the month over"}</th></tr></thead>
                    <tbody>
                        {for sla.tier_downtime(month).iter().map(|t| html! {
                            <tr><td>{format!("{}%", t.below.value())}</td><td>{format!("{}% of fee", t.credit.value())}</td>
                                <td>{format_duration(t.after_seconds)}</td></tr>
                        })}
                    </tbody>
                </table>
                </div>
            }
            <h4>{"What counts as downtime"}</h4>
            <p>{&sla.downtime_definition.text}</p>
            if !quiet.is_empty() {
                <h4>{"Conditions and caveats"}</h4>
                <ul>{for quiet.iter().map(|c| html! { <li>{&c.text}</li> })}</ul>
            }
            <p class="source">
                {"Source: "}
                <a href={sla.source.url.clone()} target="_blank" rel="noopener noreferrer">{&sla.source.url}</a>
                {format!(" — as of {}", sla.source.as_of)}
                if let Some(note) = &sla.source.note { {format!(" ({note})")} }
            </p>
            <p class="claim">{"Claim: "}{&sla.claim_window}</p>
        </article>
    }
}

/// A badge for how well an entry is sourced; unverified is loud.
pub fn status_badge(status: SourceStatus) -> Html {
    let (text, class) = match status {
        SourceStatus::Primary => ("primary source", "badge ok"),
        SourceStatus::Archived => ("archived source", "badge"),
        SourceStatus::Secondary => ("secondary source", "badge warn"),
        SourceStatus::Unverified => ("UNVERIFIED", "badge danger"),
    };
    html! { <span class={class}>{text}</span> }
}
