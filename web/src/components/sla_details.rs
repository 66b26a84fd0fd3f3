use nines_core::sla::{DataGuaranteeKind, Sla, SourceStatus};
use nines_core::{format_duration, Convention};
use yew::prelude::*;

/// Props of [`SlaDetails`].
#[derive(Properties, PartialEq)]
pub struct SlaDetailsProps {
    /// The entry shown.
    pub sla: Sla,
    /// The convention whose month length turns tiers into downtime.
    pub convention: Convention,
}

/// One catalog entry: commitment, credit tiers as downtime, downtime definition, caveats and
/// provenance.
#[function_component(SlaDetails)]
pub fn sla_details(props: &SlaDetailsProps) -> Html {
    let sla = &props.sla;
    let month = props.convention.periods().month;
    let month_name = props.convention.describe();
    html! {
        <article class="sla-details" data-testid="sla-details">
            <h3>{&sla.service}<small>{" — "}{&sla.configuration}</small></h3>
            <p class="status-line">
                <span class="commitment">{format!("{}% monthly uptime commitment", sla.commitment.percent())}</span>
                {status_badge(sla.source.status)}
            </p>
            if sla.source.status == SourceStatus::Unverified {
                <p class="banner warn">{"Unverified entry: at least one number here is not confirmed by a primary source. Check the provider's text before relying on it."}</p>
            }
            if sla.data_guarantee.kind == DataGuaranteeKind::None {
                <p class="banner danger">{"This SLA does not cover your data. "}{&sla.data_guarantee.text}</p>
            }
            if sla.credit_cap.value() < 100.0 {
                <p class="banner danger">{format!("Maximum credit {}% of the monthly fee.", sla.credit_cap.value())}</p>
            }
            <h4>{"Credit tiers"}</h4>
            if sla.credit_tiers.tiers().is_empty() {
                <p>{"No credit tiers recorded for this entry."}</p>
            } else {
                <table class="tiers">
                    <caption>{format!("As downtime in a {month_name}")}</caption>
                    <thead><tr><th scope="col">{"Uptime below"}</th><th scope="col">{"Credit"}</th><th scope="col">{"Downtime in the month over"}</th></tr></thead>
                    <tbody>
                        {for sla.tier_downtime(month).iter().map(|t| html! {
                            <tr>
                                <td>{format!("{}%", t.below.value())}</td>
                                <td>{format!("{}% of fee", t.credit.value())}</td>
                                <td>{format_duration(t.after_seconds)}</td>
                            </tr>
                        })}
                    </tbody>
                </table>
            }
            <h4>{"What counts as downtime"}</h4>
            <p>{&sla.downtime_definition.text}</p>
            if !sla.preconditions.is_empty() {
                <h4>{"Applies only if"}</h4>
                <ul>{for sla.preconditions.iter().map(|p| html! { <li>{p}</li> })}</ul>
            }
            if !sla.caveats.is_empty() {
                <h4>{"Caveats"}</h4>
                <ul>{for sla.caveats.iter().map(|c| html! { <li>{c}</li> })}</ul>
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
