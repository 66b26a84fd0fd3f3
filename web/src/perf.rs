//! Timings exposed on `window.__nines_perf` for the end-to-end test to print.

use wasm_bindgen::JsValue;

fn set(key: &str, value: f64) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let target = js_sys::Reflect::get(&window, &JsValue::from_str("__nines_perf"))
        .ok()
        .filter(|v| v.is_object())
        .unwrap_or_else(|| {
            let object = js_sys::Object::new().into();
            let _ = js_sys::Reflect::set(&window, &JsValue::from_str("__nines_perf"), &object);
            object
        });
    let _ = js_sys::Reflect::set(&target, &JsValue::from_str(key), &JsValue::from_f64(value));
}

/// Records how long the last `nines_core::evaluate` took, and counts evaluations.
pub fn record_evaluation(ms: f64) {
    set("evaluate_ms", ms);
}

/// Records when the first computed result was on screen (ms since navigation start).
pub fn record_first_result(ms: f64) {
    set("first_result_ms", ms);
}

/// Records when the app started running (ms since navigation start): wasm loaded and compiled.
pub fn record_start(ms: f64) {
    set("start_ms", ms);
}

/// Records when the bundled catalog's files had arrived (ms since navigation start).
pub fn record_library_fetched(ms: f64) {
    set("library_fetched_ms", ms);
}

/// Records when the bundled catalog was fetched and read (ms since navigation start).
pub fn record_library_ready(ms: f64) {
    set("library_ms", ms);
}

/// Records when the first state (model parsed and evaluated) was ready (ms since navigation).
pub fn record_state_ready(ms: f64) {
    set("state_ready_ms", ms);
}

/// `performance.now()`, or 0 outside a browser.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}
