use crate::export::{save_png, save_svg};
use yew::prelude::*;

/// Saves the diagram inside `container` as SVG or PNG.
pub fn diagram_export(container: &NodeRef) -> Html {
    let save = |png: bool| {
        let container = container.clone();
        Callback::from(move |_| {
            let svg = container
                .cast::<web_sys::Element>()
                .and_then(|c| c.query_selector("svg").ok().flatten());
            if let Some(svg) = svg {
                let _ = if png { save_png(&svg) } else { save_svg(&svg) };
            }
        })
    };
    html! {
        <span class="export-buttons">
            <button data-testid="export-svg" onclick={save(false)}>{"SVG"}</button>
            <button data-testid="export-png" onclick={save(true)}>{"PNG"}</button>
        </span>
    }
}
