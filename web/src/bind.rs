//! Callbacks that copy a form control's text into a piece of component state.

use yew::prelude::*;

/// For a [`Field`](crate::components::field::Field): keep the committed text, never reject it.
pub fn keep_text(state: &UseStateHandle<String>) -> Callback<String, Option<String>> {
    let state = state.clone();
    Callback::from(move |text: String| {
        state.set(text);
        None
    })
}

/// For a `<select>`: keep the chosen option's value.
pub fn keep_selected(state: &UseStateHandle<String>) -> Callback<Event> {
    let state = state.clone();
    Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        state.set(select.value());
    })
}

/// For a [`Field`](crate::components::field::Field) editing a piece of the model: applies
/// `apply` to a copy of `value` with the committed text and emits it, or returns the error.
pub fn edit<T: Clone + 'static>(
    value: &T,
    on_change: &Callback<T>,
    apply: fn(&mut T, &str) -> Result<(), String>,
) -> Callback<String, Option<String>> {
    let (value, on_change) = (value.clone(), on_change.clone());
    Callback::from(move |text: String| {
        let mut edited = value.clone();
        match apply(&mut edited, text.trim()) {
            Ok(()) => {
                on_change.emit(edited);
                None
            }
            Err(message) => Some(message),
        }
    })
}
