use crate::library::{BundledFiles, Library};
use crate::perf::{now_ms, record_library_ready};
use crate::state::{Action, AppState};
use js_sys::Promise;
use nines_core::CatalogManifest;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Where the bundled catalog is, relative to the page (trunk copies `data/catalog` there), so
/// that the app works under any path.
const CATALOG_DIR: &str = "catalog/";
/// Where the templates are (`data/templates`).
const TEMPLATES_DIR: &str = "templates/";

/// Fetches the bundled catalog and templates from the page's own origin when the app starts
/// (and again on "Try again"), merges the catalogs the user imported, and hands the library,
/// or why it failed, to the reducer.
/// `index.html` preloads the same files, so they download while the wasm compiles.
#[hook]
pub fn use_library(state: UseReducerHandle<AppState>) {
    let attempt = state.library_attempt;
    use_effect_with(attempt, move |_| {
        wasm_bindgen_futures::spawn_local(async move {
            let fetched = fetch_bundled().await;
            crate::perf::record_library_fetched(now_ms());
            let loaded = fetched
                .and_then(|files| Library::from_files(&files))
                .map(crate::catalog_store::restore);
            record_library_ready(now_ms());
            state.dispatch(match loaded {
                Ok(library) => Action::LibraryLoaded(library),
                Err(why) => Action::LibraryFailed(why),
            });
        });
    });
}

/// The bundled files: the manifest and the templates at once, then every provider file the
/// manifest lists, at once.
async fn fetch_bundled() -> Result<BundledFiles, String> {
    let manifest = start(&format!("{CATALOG_DIR}catalog.json"));
    let cloud = start(&format!("{TEMPLATES_DIR}cloud.json"));
    let on_prem = start(&format!("{TEMPLATES_DIR}onprem.json"));
    let manifest = CatalogManifest::from_json(&text_of(manifest).await?)
        .map_err(|p| format!("{CATALOG_DIR}catalog.json is not valid: {p}"))?;
    let pending: Vec<(String, Pending)> = manifest
        .files
        .iter()
        .map(|file| (file.clone(), start(&format!("{CATALOG_DIR}{file}"))))
        .collect();
    let mut providers = Vec::with_capacity(pending.len());
    for (file, request) in pending {
        providers.push((file, text_of(request).await?));
    }
    Ok(BundledFiles {
        manifest,
        providers,
        cloud_templates: text_of(cloud).await?,
        on_prem_templates: text_of(on_prem).await?,
    })
}

/// A request under way: its URL and the browser's promise of a response.
struct Pending {
    url: String,
    response: Result<Promise, String>,
}

/// Starts fetching `url` (relative to the page).
fn start(url: &str) -> Pending {
    let response = web_sys::window()
        .map(|window| window.fetch_with_str(url))
        .ok_or_else(|| "no browser window".to_string());
    Pending {
        url: url.to_string(),
        response,
    }
}

/// The text of a response, or why there is none (`catalog/aws.json: HTTP 404 Not Found`).
async fn text_of(pending: Pending) -> Result<String, String> {
    let url = pending.url;
    let failed = |what: String| format!("{url}: {what}");
    let response = JsFuture::from(pending.response.map_err(&failed)?)
        .await
        .map_err(|e| failed(format!("the request failed ({})", describe(&e))))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| failed("not a response".to_string()))?;
    if !response.ok() {
        let status = format!("HTTP {} {}", response.status(), response.status_text());
        return Err(failed(status.trim_end().to_string()));
    }
    let text = response.text().map_err(|e| failed(describe(&e)))?;
    JsFuture::from(text)
        .await
        .map_err(|e| failed(format!("the download failed ({})", describe(&e))))?
        .as_string()
        .ok_or_else(|| failed("not text".to_string()))
}

/// A JavaScript error in words.
fn describe(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
