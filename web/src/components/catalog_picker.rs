use super::catalog_import::CatalogImport;
use super::catalog_results::catalog_results;
use super::sla_details::sla_details;
use crate::bind::keep_selected;
use crate::hooks::use_app;
use nines_core::Sla;
use yew::prelude::*;

/// Props of [`CatalogPicker`].
#[derive(Properties, PartialEq)]
pub struct CatalogPickerProps {
    /// Called with the entry picked.
    pub on_pick: Callback<Sla>,
    /// The button's verb: "Add" or "Use".
    pub action: AttrValue,
}

/// Search the SLA catalog (with the words people type; the closest entries when nothing
/// matches), read an entry, pick it.
#[function_component(CatalogPicker)]
pub fn catalog_picker(props: &CatalogPickerProps) -> Html {
    let query = use_state(String::new);
    let provider = use_state(String::new);
    let active = use_state(|| None::<String>);
    let Some(app) = use_app() else {
        return html! {};
    };
    let library = app.library.clone();
    let only = (!provider.is_empty()).then_some(provider.as_str());
    let matches = library.catalog().search(&query, only);
    let closest = if matches.is_empty() {
        library.catalog().closest(&query, only, 5)
    } else {
        Vec::new()
    };
    let shown: Vec<String> = matches
        .iter()
        .chain(&closest)
        .map(|e| e.id.clone())
        .collect();
    let current = active
        .as_ref()
        .filter(|id| shown.contains(id))
        .or(shown.first())
        .cloned();
    let sla = current.as_deref().and_then(|id| library.get(id)).cloned();
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let pick = {
        let (on_pick, library) = (props.on_pick.clone(), app.library.clone());
        Callback::from(move |id: String| {
            if let Some(sla) = library.get(&id) {
                on_pick.emit(sla.clone());
            }
        })
    };
    let on_active = Callback::from(move |id: String| active.set(Some(id)));
    html! {
        <div class="catalog" data-testid="catalog">
            <CatalogImport />
            <div class="search-row">
                <label class="field grow">
                    <span class="label">{"Search service or configuration (ALB, AKS, Postgres, bucket…)"}</span>
                    <input type="search" value={(*query).clone()} oninput={on_query} data-autofocus="true"
                        placeholder="e.g. sql zone" data-testid="catalog-search" />
                </label>
                <label class="field compact">
                    <span class="label">{"Provider"}</span>
                    <select onchange={keep_selected(&provider)} data-testid="catalog-provider">
                        <option value="" selected={provider.is_empty()}>{"All"}</option>
                        {for library.providers().into_iter().map(|p| html! {
                            <option value={p.to_string()} selected={*provider == p}>{p.to_ascii_uppercase()}</option>
                        })}
                    </select>
                </label>
            </div>
            <p class="hint" data-testid="catalog-count">{match (matches.len(), closest.len()) {
                (0, 0) => format!("No entry matches “{}”, and none comes close.", *query),
                (0, _) => format!("No entry matches “{}”. Closest entries:", *query),
                (1, _) => "1 entry matches".to_string(),
                (n, _) => format!("{n} entries match"),
            }}</p>
            {catalog_results(&library, &shown, current.as_ref(), &on_active, &pick)}
            if let Some(sla) = sla {
                <div class="button-row">
                    <button class="primary" data-testid="catalog-add" onclick={{
                        let (pick, id) = (pick.clone(), sla.id.clone());
                        Callback::from(move |_| pick.emit(id.clone()))
                    }}>{format!("{} {}", props.action, sla.label())}</button>
                </div>
                {sla_details(&sla, app.convention())}
            }
        </div>
    }
}
