use super::field::Field;
use crate::bind::edit;
use crate::catalog::catalog;
use crate::parse::{number, optional_number, percent};
use nines_core::model::{Component, ComponentSource};
use yew::prelude::*;

/// The fields of `c`'s source (edits go to `on_change`): its catalog entry (and a way to swap it), its
/// percentage, or its MTBF, MTTR and maintenance.
pub fn source_fields(
    c: &Component,
    on_change: &Callback<Component>,
    on_swap: Option<Callback<MouseEvent>>,
) -> Html {
    let text = |value: Option<f64>| value.map(|v| v.to_string()).unwrap_or_default();
    match c.source() {
        Some(ComponentSource::Catalog(id)) => {
            let sla = catalog().get(id);
            html! {
                <div class="catalog-source">
                    <p class="hint">{match sla {
                        Some(sla) => format!("{} — commitment {}% ({id})", sla.label(), sla.commitment.percent()),
                        None => format!("Unknown catalog entry {id}"),
                    }}</p>
                    if let Some(on_swap) = on_swap {
                        <button data-testid="swap-sla" onclick={on_swap}>{"Change SLA…"}</button>
                    }
                </div>
            }
        }
        Some(ComponentSource::InlineSla) => html! {
            <>
                <p class="hint">{"An SLA written inline in the model file."}</p>
                <super::sla_calendar::SlaCalendar component={c.clone()} on_change={on_change.clone()} />
            </>
        },
        Some(ComponentSource::Custom) => html! {
            <Field label="Availability" unit="%" testid="component-availability"
                value={c.availability.map(|a| a.percent()).unwrap_or_default()}
                on_commit={edit(c, on_change, |c, text| {
                    c.availability = Some(percent(text)?);
                    Ok(())
                })} />
        },
        _ => html! {
            <>
                <Field label="MTBF (mean time between failures)" unit="hours" testid="component-mtbf"
                    value={text(c.mtbf_hours)} on_commit={edit(c, on_change, |c, text| {
                        c.mtbf_hours = Some(number(text, "a number of hours")?);
                        Ok(())
                    })} />
                <Field label="MTTR (mean time to repair)" unit="hours" testid="component-mttr"
                    value={text(c.mttr_hours)} on_commit={edit(c, on_change, |c, text| {
                        c.mttr_hours = Some(number(text, "a number of hours")?);
                        Ok(())
                    })} />
                <Field label="Planned maintenance per month" unit="hours" testid="component-maintenance"
                    value={text(c.maintenance_hours_per_month)} on_commit={edit(c, on_change, |c, text| {
                        c.maintenance_hours_per_month = optional_number(text, "a number of hours")?;
                        Ok(())
                    })} />
            </>
        },
    }
}
