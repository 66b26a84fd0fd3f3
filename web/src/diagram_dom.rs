//! The diagram in the page: which part an event happened in, and updating the drawn `<svg>`
//! part by part.

use crate::diagram_svg::DiagramMarkup;
use crate::tree::NodePath;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The part of the diagram an event happened in: `data-path` of the nearest part with one, and
/// whether it is a group's frame; or the group whose "+" was pressed.
pub fn part(e: &MouseEvent, attribute: &str) -> Option<(NodePath, bool)> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let element = target.closest(&format!("[{attribute}]")).ok()??;
    let key = element.get_attribute(attribute)?;
    let path = key.split('.').filter_map(|s| s.parse().ok()).collect();
    Some((
        path,
        element.get_attribute("data-kind").as_deref() == Some("frame"),
    ))
}

/// Puts `markup` into `container`: only the parts that changed when the drawing keeps its shape
/// (an edit changes a figure, a click a selection), the whole `<svg>` otherwise.
pub fn draw(container: &NodeRef, drawn: &mut DiagramMarkup, markup: &DiagramMarkup) {
    let Some(element) = container.cast::<web_sys::Element>() else {
        return;
    };
    let same_shape = drawn.open == markup.open
        && drawn.parts.len() == markup.parts.len()
        && drawn
            .parts
            .iter()
            .zip(&markup.parts)
            .all(|(a, b)| a.0 == b.0);
    let patched = same_shape
        && drawn
            .parts
            .iter()
            .zip(&markup.parts)
            .filter(|(a, b)| a.1 != b.1)
            .all(|(_, (key, part))| {
                element
                    .query_selector(&format!("[data-part=\"{key}\"]"))
                    .ok()
                    .flatten()
                    .is_some_and(|old| {
                        old.set_outer_html(part);
                        true
                    })
            });
    if !patched {
        element.set_inner_html(&markup.text());
    }
    *drawn = markup.clone();
}
