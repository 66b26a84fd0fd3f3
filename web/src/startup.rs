//! What the app starts with: the design from a share link, else the autosaved one, else the
//! first example; and the current calendar month, read once from the browser clock (the core
//! never reads a clock).

use crate::codec::{model_from_fragment, text_from_fragment};
use crate::examples::{example, title, EXAMPLES};
use crate::factories::starter_model;
use crate::hooks::{restore, restore_saved, MODEL_KEY};
use crate::perf::{now_ms, record_start, record_state_ready};
use crate::state::{AppState, ImportProblems, Loaded, Pending};
use gloo_storage::{LocalStorage, Storage};

/// The state the app opens with.
pub fn initial_state() -> AppState {
    record_start(now_ms());
    let mut problems = None;
    let hash = web_sys::window().and_then(|w| w.location().hash().ok());
    let waiting = waiting_design(hash.as_deref());
    let from_link = hash
        .filter(|_| waiting.is_none())
        .and_then(|hash| model_from_fragment(&hash))
        .and_then(|result| {
            result
                .map_err(|p| {
                    problems = Some(ImportProblems {
                        source: "the link".to_string(),
                        problems: p,
                    })
                })
                .ok()
        });
    if from_link.is_some() || problems.is_some() || waiting.is_some() {
        forget_fragment();
    }
    let first = EXAMPLES[0];
    let (model, loaded) = match from_link.or_else(restore) {
        Some(model) => (model, None),
        None => {
            let model = example(first.0).unwrap_or_else(starter_model);
            let loaded = Loaded {
                label: title(first.0),
                example: Some(first.0.to_string()),
                model: model.clone(),
            };
            (model, Some(loaded))
        }
    };
    let mut state = AppState::new(model, current_month());
    state.import_problems = problems;
    state.loaded = loaded;
    state.saved = restore_saved();
    state.pending = waiting;
    record_state_ready(now_ms());
    state
}

/// The linked (else the autosaved) design when it names a time zone: it is read once the zone
/// table is loaded.
fn waiting_design(hash: Option<&str>) -> Option<Pending> {
    let (label, text) = match hash.and_then(text_from_fragment) {
        Some(link) => ("the link", link.ok()?),
        None => ("the autosaved design", LocalStorage::get(MODEL_KEY).ok()?),
    };
    crate::zones::needed(&text).then(|| Pending {
        label: label.to_string(),
        example: None,
        file: None,
        text,
        quiet: true,
    })
}

/// Drops the `#m=…` fragment once read, so that a reload shows the autosaved edits.
fn forget_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let page = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page));
    }
}

/// This month (UTC) as `YYYY-MM`, from the browser clock.
pub fn current_month() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}",
        now.get_utc_full_year(),
        now.get_utc_month() + 1
    )
}

/// Today (UTC) as `YYYY-MM-DD`, for the printed report.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_utc_full_year(),
        now.get_utc_month() + 1,
        now.get_utc_date()
    )
}
