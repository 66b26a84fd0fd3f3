use super::sla_details::status_badge;
use crate::library::Library;
use yew::prelude::*;

/// The catalog's matches (`ids`; `active` shown in detail, changed with `on_active`, picked
/// with `on_choose`) as a list box: one tab stop; arrow keys, Home and End move through
/// it, Enter picks.
pub fn catalog_results(
    library: &Library,
    ids: &[String],
    active: Option<&String>,
    on_active: &Callback<String>,
    on_choose: &Callback<String>,
) -> Html {
    let at = active.and_then(|a| ids.iter().position(|id| id == a));
    let onkeydown = {
        let (ids, on_active, on_choose) = (ids.to_vec(), on_active.clone(), on_choose.clone());
        Callback::from(move |e: KeyboardEvent| {
            let last = ids.len().saturating_sub(1);
            let next = match e.key().as_str() {
                "ArrowDown" => at.map_or(0, |i| (i + 1).min(last)),
                "ArrowUp" => at.map_or(0, |i| i.saturating_sub(1)),
                "Home" => 0,
                "End" => last,
                "Enter" => {
                    if let Some(id) = at.and_then(|i| ids.get(i)) {
                        e.prevent_default();
                        on_choose.emit(id.clone());
                    }
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            if let Some(id) = ids.get(next) {
                on_active.emit(id.clone());
                if let Some(option) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&format!("catalog-option-{next}")))
                {
                    option.scroll_into_view_with_bool(false);
                }
            }
        })
    };
    html! {
        <ul class="catalog-results" role="listbox" tabindex="0" aria-label="Catalog entries" data-testid="catalog-results"
            aria-activedescendant={at.map(|i| format!("catalog-option-{i}"))} {onkeydown}>
            {for ids.iter().enumerate().filter_map(|(i, id)| {
                let sla = library.get(id)?;
                let chosen = at == Some(i);
                let (on_active, on_choose, a, b) = (on_active.clone(), on_choose.clone(), id.clone(), id.clone());
                Some(html! {
                    <li id={format!("catalog-option-{i}")} role="option" aria-selected={chosen.to_string()}
                        class={classes!("catalog-entry", chosen.then_some("chosen"))} data-testid="catalog-entry" data-id={id.clone()}
                        onclick={Callback::from(move |_| on_active.emit(a.clone()))}
                        ondblclick={Callback::from(move |_| on_choose.emit(b.clone()))}>
                        <span class="provider">{sla.provider.to_ascii_uppercase()}</span>
                        <span class="name">{&sla.service}<small>{&sla.configuration}</small></span>
                        <span class="figure">{format!("{}%", sla.commitment.percent())}</span>
                        {status_badge(sla.source.status)}
                        if let Some(origin) = library.origin(id) {
                            <span class="badge mine" data-testid="catalog-entry-origin"
                                title={format!("From your catalog {} ({})", origin.file, origin.catalog.version().version)}>
                                {format!("yours · {}", origin.file)}
                            </span>
                        }
                    </li>
                })
            })}
        </ul>
    }
}
