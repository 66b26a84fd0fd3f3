use crate::tree::NodePath;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// The attribute value that names a node for [`use_focus_request`]: `""`, `0`, `2.1`.
pub fn path_key(path: &[usize]) -> String {
    path.iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// Focuses an element, HTML or SVG.
pub fn focus(element: &web_sys::Element) {
    if let Ok(focus) = js_sys::Reflect::get(element, &JsValue::from_str("focus")) {
        if let Some(focus) = focus.dyn_ref::<js_sys::Function>() {
            let _ = focus.call0(element);
        }
    }
}

/// When `request` changes (after a delete, a move or an arrow key), focuses the element under
/// `container` whose `data-focus` names `selected`.
#[hook]
pub fn use_focus_request(container: NodeRef, request: u32, selected: NodePath) {
    use_effect_with(request, move |request| {
        if *request > 0 {
            let selector = format!("[data-focus=\"{}\"]", path_key(&selected));
            if let Some(target) = container
                .cast::<web_sys::Element>()
                .and_then(|root| root.query_selector(&selector).ok().flatten())
            {
                focus(&target);
            }
        }
    });
}
