use super::field::Field;
use super::toolbar::{money_text, optional_money};
use crate::catalog::catalog;
use nines_core::model::Component;
use nines_core::Availability;
use yew::prelude::*;

/// Props of [`ComponentForm`].
#[derive(Properties, PartialEq)]
pub struct ComponentFormProps {
    /// The component edited.
    pub component: Component,
    /// Called with the edited component.
    pub on_change: Callback<Component>,
    /// Currency of the fee.
    pub currency: AttrValue,
    /// Called to move the component to `shared`; absent when it is already shared.
    #[prop_or_default]
    pub on_make_shared: Option<Callback<()>>,
}

/// Edits one component: id, name, where its availability comes from, and its fee.
#[function_component(ComponentForm)]
pub fn component_form(props: &ComponentFormProps) -> Html {
    let c = &props.component;
    // Builds a commit callback from an edit that may reject the text.
    let edit = |apply: fn(&mut Component, &str) -> Result<(), String>| {
        let component = c.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |text: String| {
            let mut edited = component.clone();
            match apply(&mut edited, text.trim()) {
                Ok(()) => {
                    on_change.emit(edited);
                    None
                }
                Err(message) => Some(message),
            }
        })
    };
    let source = if c.catalog.is_some() {
        "catalog"
    } else if c.sla.is_some() {
        "sla"
    } else if c.availability.is_some() {
        "custom"
    } else {
        "on_prem"
    };
    let on_source = {
        let component = c.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut edited = Component {
                id: component.id.clone(),
                name: component.name.clone(),
                monthly_fee: component.monthly_fee,
                ..Component::default()
            };
            match select.value().as_str() {
                "custom" => edited.availability = Availability::parse_percent("99.9").ok(),
                "on_prem" => {
                    edited.mtbf_hours = Some(8760.0);
                    edited.mttr_hours = Some(8.0);
                }
                _ => return,
            }
            on_change.emit(edited);
        })
    };
    let number = |value: Option<f64>| value.map(|v| v.to_string()).unwrap_or_default();
    html! {
        <div class="form component-form" data-testid="component-form">
            <Field label="Id (used by incidents and the report)" value={c.id.clone().unwrap_or_default()}
                testid="component-id" on_commit={edit(|c, text| {
                    if text.is_empty() { return Err("an id is required".to_string()) }
                    c.id = Some(text.to_string());
                    Ok(())
                })} />
            <Field label="Name" value={c.name.clone().unwrap_or_default()} testid="component-name"
                on_commit={edit(|c, text| {
                    c.name = (!text.is_empty()).then(|| text.to_string());
                    Ok(())
                })} />
            <label class="field">
                <span class="label">{"Availability from"}</span>
                <select onchange={on_source} data-testid="component-source">
                    if source == "catalog" { <option value="catalog" selected=true>{"Catalog SLA"}</option> }
                    if source == "sla" { <option value="sla" selected=true>{"Inline SLA"}</option> }
                    <option value="custom" selected={source == "custom"}>{"Custom percentage"}</option>
                    <option value="on_prem" selected={source == "on_prem"}>{"On-prem MTBF / MTTR"}</option>
                </select>
            </label>
            {match source {
                "catalog" => {
                    let id = c.catalog.clone().unwrap_or_default();
                    let commitment = catalog().get(&id).map(|s| format!("{}%", s.commitment.percent())).unwrap_or_default();
                    html! { <p class="hint">{format!("Catalog entry {id}: commitment {commitment}")}</p> }
                }
                "sla" => html! { <p class="hint">{"An SLA written inline in the model file."}</p> },
                "custom" => html! {
                    <Field label="Availability" unit="%" testid="component-availability"
                        value={c.availability.map(|a| a.percent()).unwrap_or_default()}
                        on_commit={edit(|c, text| {
                            c.availability = Some(Availability::parse_percent(text).map_err(|e| e.to_string())?);
                            Ok(())
                        })} />
                },
                _ => html! {
                    <>
                        <Field label="MTBF (mean time between failures)" unit="hours" testid="component-mtbf"
                            value={number(c.mtbf_hours)} on_commit={edit(|c, text| {
                                c.mtbf_hours = Some(hours(text)?.unwrap_or(0.0));
                                Ok(())
                            })} />
                        <Field label="MTTR (mean time to repair)" unit="hours" testid="component-mttr"
                            value={number(c.mttr_hours)} on_commit={edit(|c, text| {
                                c.mttr_hours = Some(hours(text)?.unwrap_or(0.0));
                                Ok(())
                            })} />
                        <Field label="Planned maintenance per month" unit="hours" testid="component-maintenance"
                            value={number(c.maintenance_hours_per_month)} on_commit={edit(|c, text| {
                                c.maintenance_hours_per_month = hours(text)?;
                                Ok(())
                            })} />
                    </>
                },
            }}
            <Field label="Monthly fee" unit={props.currency.clone()} testid="component-fee"
                value={c.monthly_fee.map(money_text).unwrap_or_default()} placeholder="e.g. 146"
                on_commit={edit(|c, text| {
                    c.monthly_fee = optional_money(text)?;
                    Ok(())
                })} />
            if let Some(on_make_shared) = props.on_make_shared.clone() {
                <button data-testid="make-shared" onclick={Callback::from(move |_| on_make_shared.emit(()))}
                    title="Define it once under shared, so that several branches can use the same instance">
                    {"Make shared (one instance used by several branches)"}
                </button>
            }
        </div>
    }
}

/// A number of hours; empty means none.
fn hours(text: &str) -> Result<Option<f64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<f64>()
        .ok()
        .filter(|h| h.is_finite() && *h >= 0.0)
        .map(Some)
        .ok_or_else(|| format!("{text:?} is not a number of hours"))
}
