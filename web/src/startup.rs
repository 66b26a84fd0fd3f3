//! What the app starts with: the design from a share link, else the autosaved one, else the
//! first example; and the current calendar month, read once from the browser clock (the core
//! never reads a clock).

use crate::codec::model_from_fragment;
use crate::examples::{example, title, EXAMPLES};
use crate::factories::starter_model;
use crate::hooks::{restore, restore_saved};
use crate::perf::{now_ms, record_start, record_state_ready};
use crate::state::{AppState, ImportProblems, Loaded};

/// The state the app opens with.
pub fn initial_state() -> AppState {
    record_start(now_ms());
    let mut problems = None;
    let from_link = web_sys::window()
        .and_then(|w| w.location().hash().ok())
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
    if from_link.is_some() || problems.is_some() {
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
    record_state_ready(now_ms());
    state
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
