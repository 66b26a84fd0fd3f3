use super::sla_details::{status_badge, SlaDetails};
use crate::bind::keep_selected;
use crate::catalog::{catalog, providers};
use crate::hooks::use_app;
use crate::state::Action;
use crate::tree;
use nines_core::model::{Component, Node};
use yew::prelude::*;

/// Most search results listed.
const SHOWN: usize = 40;

/// Search the SLA catalog, read an entry, add it to the selected group.
#[function_component(CatalogPicker)]
pub fn catalog_picker() -> Html {
    let query = use_state(String::new);
    let provider = use_state(String::new);
    let chosen = use_state(|| None::<String>);
    let Some(app) = use_app() else {
        return html! {};
    };
    let matches = catalog().search(&query, (!provider.is_empty()).then_some(provider.as_str()));
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let on_provider = keep_selected(&provider);
    let target_name = tree::group_name_for(&app.model.root, &app.selected);
    let selected_sla = chosen.as_ref().and_then(|id| catalog().get(id));
    let on_add = {
        let app = app.clone();
        let chosen = chosen.clone();
        Callback::from(move |_| {
            let Some(sla) = chosen.as_ref().and_then(|id| catalog().get(id)) else {
                return;
            };
            let base = sla.id.split('/').nth(1).unwrap_or("service");
            app.dispatch(Action::Add(Node::Component(Component {
                id: Some(base.to_string()),
                name: Some(sla.service.clone()),
                catalog: Some(sla.id.clone()),
                ..Component::default()
            })));
        })
    };
    let selected_component = match tree::node_at(&app.model.root, &app.selected) {
        Some(Node::Component(c)) => Some(c.clone()),
        _ => None,
    };
    let on_use = {
        let app = app.clone();
        let chosen = chosen.clone();
        let selected_component = selected_component.clone();
        Callback::from(move |_| {
            let (Some(sla), Some(current)) = (
                chosen.as_ref().and_then(|id| catalog().get(id)),
                selected_component.clone(),
            ) else {
                return;
            };
            let replaced = Component {
                id: current.id,
                name: Some(sla.service.clone()),
                catalog: Some(sla.id.clone()),
                monthly_fee: current.monthly_fee,
                ..Component::default()
            };
            app.dispatch(Action::Replace(
                app.selected.clone(),
                Node::Component(replaced),
            ));
        })
    };
    html! {
        <section class="panel catalog" aria-labelledby="catalog-heading">
            <h2 id="catalog-heading">{"SLA catalog"}</h2>
            <div class="search-row">
                <label class="field grow">
                    <span class="label">{"Search service or configuration"}</span>
                    <input type="search" value={(*query).clone()} oninput={on_query}
                        placeholder="e.g. sql zone" data-testid="catalog-search" />
                </label>
                <label class="field compact">
                    <span class="label">{"Provider"}</span>
                    <select onchange={on_provider} data-testid="catalog-provider">
                        <option value="" selected={provider.is_empty()}>{"All"}</option>
                        {for providers().into_iter().map(|p| html! {
                            <option value={p} selected={*provider == p}>{p.to_uppercase()}</option>
                        })}
                    </select>
                </label>
            </div>
            <p class="hint">{match matches.len() {
                1 => "1 entry matches".to_string(),
                n => format!("{n} entries match"),
            }}</p>
            <ul class="catalog-results" data-testid="catalog-results">
                {for matches.iter().take(SHOWN).map(|sla| {
                    let id = sla.id.clone();
                    let pressed = chosen.as_deref() == Some(id.as_str());
                    let chosen = chosen.clone();
                    html! {
                        <li>
                            <button class={classes!("catalog-entry", pressed.then_some("chosen"))}
                                aria-pressed={pressed.to_string()} data-testid="catalog-entry"
                                data-id={id.clone()}
                                onclick={Callback::from(move |_| chosen.set(Some(id.clone())))}>
                                <span class="provider">{sla.provider.to_uppercase()}</span>
                                <span class="name">{&sla.service}<small>{&sla.configuration}</small></span>
                                <span class="figure">{format!("{}%", sla.commitment.percent())}</span>
                                {status_badge(sla.source.status)}
                            </button>
                        </li>
                    }
                })}
            </ul>
            if let Some(sla) = selected_sla {
                <div class="button-row">
                    <button class="primary" data-testid="catalog-add" onclick={on_add}>
                        {format!("Add to “{target_name}”")}
                    </button>
                    if let Some(current) = &selected_component {
                        <button data-testid="catalog-use" onclick={on_use}>
                            {format!("Use for “{}”", current.id.clone().unwrap_or_default())}
                        </button>
                    }
                </div>
                <SlaDetails sla={sla.clone()} convention={app.convention()} />
            }
        </section>
    }
}
