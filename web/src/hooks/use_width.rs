use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// The CSS width of the element behind `node` (0 until it has been laid out), from a
/// `ResizeObserver`: told after layout, so reading it never forces one.
#[hook]
pub fn use_width(node: &NodeRef) -> f64 {
    let width = use_state(|| 0.0);
    {
        let width = width.clone();
        use_effect_with(node.clone(), move |node| {
            let on_resize =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                        width.set(entry.content_rect().width());
                    }
                });
            let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(element)) = (&observer, node.cast::<web_sys::Element>()) {
                observer.observe(&element);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(on_resize);
            }
        });
    }
    *width
}
