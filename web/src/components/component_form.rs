use super::field::Field;
use super::source_fields::source_fields;
use crate::bind::edit;
use crate::factories::with_source;
use crate::hooks::use_app;
use crate::parse::{money_text, optional_money};
use nines_core::model::{Component, ComponentSource};
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
    pub on_make_shared: Option<Callback<MouseEvent>>,
    /// Opens the catalog to swap the component's SLA.
    #[prop_or_default]
    pub on_swap: Option<Callback<MouseEvent>>,
}

/// Edits one component: id, name, where its availability comes from, and its fee.
#[function_component(ComponentForm)]
pub fn component_form(props: &ComponentFormProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let c = &props.component;
    let source = c.source();
    let on_source = {
        let (component, on_change) = (c.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(edited) = with_source(&component, &select.value()) {
                on_change.emit(edited);
            }
        })
    };
    let option = |s: ComponentSource<'static>| {
        let here = source.map(ComponentSource::key) == Some(s.key());
        html! { <option value={s.key()} selected={here}>{s.label()}</option> }
    };
    html! {
        <div class="form component-form" data-testid="component-form">
            <Field label="Id (used by incidents and the report)" value={c.id.clone().unwrap_or_default()}
                testid="component-id" on_commit={edit(c, &props.on_change, |c, text| {
                    if text.is_empty() { return Err("an id is required".to_string()) }
                    c.id = Some(text.to_string());
                    Ok(())
                })} />
            <Field label="Name" value={c.name.clone().unwrap_or_default()} testid="component-name"
                on_commit={edit(c, &props.on_change, |c, text| {
                    c.name = (!text.is_empty()).then(|| text.to_string());
                    Ok(())
                })} />
            <label class="field">
                <span class="label">{"Availability from"}</span>
                <select onchange={on_source} data-testid="component-source">
                    if matches!(source, Some(ComponentSource::Catalog(_))) { {option(ComponentSource::Catalog(""))} }
                    if matches!(source, Some(ComponentSource::InlineSla)) { {option(ComponentSource::InlineSla)} }
                    {option(ComponentSource::Custom)}
                    {option(ComponentSource::OnPrem)}
                </select>
            </label>
            {source_fields(c, app.library.catalog(), &props.on_change, props.on_swap.clone())}
            <Field label="Monthly fee" unit={props.currency.clone()} testid="component-fee"
                value={c.monthly_fee.map(money_text).unwrap_or_default()} placeholder="e.g. 146"
                on_commit={edit(c, &props.on_change, |c, text| {
                    c.monthly_fee = optional_money(text)?;
                    Ok(())
                })} />
            if let Some(on_make_shared) = props.on_make_shared.clone() {
                <button data-testid="make-shared" onclick={on_make_shared}
                    title="Define it once under shared, so that several branches can use the same instance">
                    {"Make shared (one instance used by several branches)"}
                </button>
            }
        </div>
    }
}
