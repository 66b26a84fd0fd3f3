use super::problem_list::problem_list;
use crate::catalog_store;
use crate::files::{take_picked, text_of};
use crate::hooks::use_app;
use crate::library::Imported;
use crate::state::Action;
use nines_core::{JsonPath, Problem};
use yew::prelude::*;

/// A file that was not imported, and why.
type Refused = Option<(String, Vec<Problem>)>;

/// Your own catalogs (a negotiated SLA, a hosting contract): import one — nines-core checks
/// it and merges it with the bundled catalog, refusing ids the catalog has unless "replace" is
/// ticked — see what each brought, remove it. Kept in localStorage; a refused file changes
/// nothing and lists its problems with their JSON paths.
#[function_component(CatalogImport)]
pub fn catalog_import() -> Html {
    let replace = use_state(|| false);
    let refused = use_state(|| None::<(String, Vec<Problem>)>);
    let Some(app) = use_app() else {
        return html! {};
    };
    let on_file = {
        let (app, replace, refused) = (app.clone(), *replace, refused.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = take_picked(&input) else {
                return;
            };
            let (app, refused) = (app.clone(), refused.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let merged = text_of(&file)
                    .await
                    .map_err(|why| vec![Problem::shape(JsonPath::root(), why)])
                    .and_then(|text| app.library.with_import(&name, &text, replace));
                match merged {
                    Ok(library) => {
                        catalog_store::save(&library);
                        refused.set(None);
                        app.dispatch(Action::LibraryLoaded(library));
                    }
                    Err(problems) => refused.set(Some((name, problems))),
                }
            });
        })
    };
    let on_replace = {
        let replace = replace.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            replace.set(input.checked());
        })
    };
    let dismiss = {
        let refused = refused.clone();
        Callback::from(move |_| refused.set(None))
    };
    html! {
        <section class="catalog-import" data-testid="catalog-import" aria-label="Your catalogs">
            <div class="import-row">
                <label class="file-button">
                    {"Import catalog…"}
                    <input type="file" accept=".json,application/json" onchange={on_file}
                        data-testid="catalog-import-file" aria-label="Import a catalog of your own contracts (JSON)" />
                </label>
                <label class="check">
                    <input type="checkbox" checked={*replace} onchange={on_replace} data-testid="catalog-import-replace" />
                    {"Replace entries with the same id"}
                </label>
            </div>
            {refused_list(&refused, dismiss)}
            if !app.library.imported().is_empty() {
                <ul class="imported-catalogs" data-testid="imported-catalogs">
                    {for app.library.imported().iter().map(|i| imported_row(&app, i))}
                </ul>
            }
        </section>
    }
}

/// The problems of the file last refused, if any.
fn refused_list(refused: &Refused, dismiss: Callback<MouseEvent>) -> Html {
    let Some((file, problems)) = refused else {
        return html! {};
    };
    let title = format!("{file} was not imported (nothing changed):");
    problem_list(&title, problems, "catalog-import-problems", Some(dismiss))
}

/// An imported catalog: its file, version, date and size, and a button to remove it.
fn imported_row(app: &crate::context::AppContext, imported: &Imported) -> Html {
    let version = imported.catalog.version();
    let count = imported.catalog.entries().len();
    let what = format!(
        "catalog {} ({}) · {count} {}{}",
        version.version,
        version.date,
        if count == 1 { "entry" } else { "entries" },
        if imported.replace {
            " · replaces entries with the same id"
        } else {
            ""
        },
    );
    let remove = {
        let (app, file) = (app.clone(), imported.file.clone());
        Callback::from(move |_| {
            let library = app.library.without_import(&file);
            catalog_store::save(&library);
            app.dispatch(Action::LibraryLoaded(library));
        })
    };
    html! {
        <li data-testid="imported-catalog">
            <span class="name">{&imported.file}</span>
            <small>{what}</small>
            <button class="small" onclick={remove} data-testid="catalog-remove"
                aria-label={format!("Remove {}", imported.file)}>{"Remove"}</button>
        </li>
    }
}
