use crate::state::{Action, AppState};
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Ctrl+Z undoes and Ctrl+Y / Ctrl+Shift+Z redoes, except while typing in a field (where the
/// browser's own undo applies).
#[hook]
pub fn use_undo_keys(state: UseReducerHandle<AppState>) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new_with_options(
                &window,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if !(key.ctrl_key() || key.meta_key()) {
                        return;
                    }
                    let typing = key
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|e| {
                            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        });
                    if typing {
                        return;
                    }
                    let action = match (key.key().to_ascii_lowercase().as_str(), key.shift_key()) {
                        ("z", false) => Action::Undo,
                        ("z", true) | ("y", _) => Action::Redo,
                        _ => return,
                    };
                    key.prevent_default();
                    state.dispatch(action);
                },
            )
        });
        move || drop(listener)
    });
}
