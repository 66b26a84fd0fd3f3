//! The IANA time-zone table: fetched once as a static asset (`data/tz/zones.tsv`, copied by
//! trunk, about 7 KB gzipped) and handed to nines-core, which the web build compiles without
//! its bundled zones. Until it is loaded only UTC is known, so a design naming a time zone
//! waits for it.

use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the table is served, relative to the page (same origin).
const TABLE_URL: &str = "data/tz/zones.tsv";

/// Set once the core holds the table.
static READY: AtomicBool = AtomicBool::new(false);

/// Where the table stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Zones {
    /// Being fetched.
    Loading,
    /// Loaded into the core.
    Ready,
    /// The fetch or the table failed: why.
    Failed(String),
}

/// Whether the core knows every IANA zone.
pub fn ready() -> bool {
    READY.load(Ordering::Relaxed)
}

/// Whether model text must wait for the table: it names a time zone and the table is not
/// loaded yet.
pub fn needed(text: &str) -> bool {
    !ready() && text.contains("time_zone")
}

/// Every zone name the core knows, in table order.
pub fn names() -> Vec<&'static str> {
    nines_core::calendar::Zone::names().collect()
}

/// Fetches the table and loads it into the core.
///
/// # Errors
/// A sentence for people when the fetch fails or the text is not a zone table.
pub async fn fetch() -> Result<(), String> {
    if ready() {
        return Ok(());
    }
    let text = fetch_text(TABLE_URL)
        .await
        .map_err(|e| format!("the time-zone table could not be fetched ({e})"))?;
    nines_core::calendar::zone::load_table(text)
        .map_err(|e| format!("the time-zone table could not be read ({e})"))?;
    READY.store(true, Ordering::Relaxed);
    Ok(())
}

/// The body of a same-origin GET as text.
async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let describe = |e: wasm_bindgen::JsValue| {
        e.as_string()
            .or_else(|| {
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| "network error".to_string())
    };
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(describe)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?)
        .await
        .map_err(describe)?;
    text.as_string().ok_or_else(|| "not text".to_string())
}
