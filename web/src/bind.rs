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
