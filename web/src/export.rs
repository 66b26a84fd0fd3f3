//! The diagram as a file: the `<svg>` on the page with its colours written in (the page's
//! stylesheet does not travel), or a PNG drawn from that SVG on an offscreen canvas.

use crate::download::{download, download_url};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The colours of the diagram in an exported file (light theme), and nothing interactive.
const STYLE: &str = "text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}\
.rbd-wire{fill:none;stroke:#5b6677;stroke-width:1.5}.rbd-wire.dashed{stroke-dasharray:5 4}\
.rbd-terminal{fill:#5b6677}.rbd-frame-box{fill:#f8fafc;stroke:#c3ccd9}.rbd-shadow{fill:#eef1f5;stroke:#c3ccd9}\
.kind-parallel>.rbd-frame-box,.kind-k_of_n>.rbd-frame-box{fill:#f0faf5;stroke:#6fbf9b}\
.kind-failover>.rbd-frame-box{fill:#fff8ec;stroke:#e0a55a}.kind-replicate>.rbd-frame-box{fill:#f3f0ff;stroke:#a08ce0}\
.rbd-title{font-size:11px;font-weight:700;fill:#5b6677}.rbd-box{fill:#fff;stroke:#8a96a8;stroke-width:1.2}\
.shared-use .rbd-box,.shared-def .rbd-box{stroke-dasharray:4 3;stroke:#6d28d9}\
.rbd-name{font-size:12px;font-weight:600;fill:#1b2330}.rbd-config,.rbd-figure{font-size:10.5px;fill:#5b6677}\
.rbd-role{font-size:10px;font-style:italic;fill:#5b6677}.rbd-heading{font-size:12px;font-weight:700;fill:#5b6677}\
.rbd-empty-text{font-size:11px;fill:#b45309}.empty>.rbd-frame-box{stroke-dasharray:5 4;stroke:#b45309}\
.rbd-hint circle{fill:#b45309}.rbd-hint text{font-size:11px;font-weight:700;fill:#fff}\
.rbd-focus,.rbd-add{display:none}";

/// The SVG file of `svg`.
pub fn svg_text(svg: &web_sys::Element) -> String {
    let markup = svg.outer_html();
    let style =
        format!("<style>{STYLE}</style><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    match markup.find('>') {
        Some(end) => format!("{}{style}{}", &markup[..=end], &markup[end + 1..]),
        None => markup,
    }
}

/// Downloads the diagram as `nines-diagram.svg`.
///
/// # Errors
/// The browser's exception when a DOM call fails.
pub fn save_svg(svg: &web_sys::Element) -> Result<(), JsValue> {
    download("nines-diagram.svg", &svg_text(svg), "image/svg+xml")
}

/// Downloads the diagram as `nines-diagram.png` at twice its size (drawn from the SVG on an
/// offscreen canvas once the image has loaded).
///
/// # Errors
/// The browser's exception when a DOM call fails.
pub fn save_png(svg: &web_sys::Element) -> Result<(), JsValue> {
    let width = svg
        .get_attribute("width")
        .and_then(|w| w.parse::<u32>().ok())
        .map_or(800.0, f64::from);
    let height = svg
        .get_attribute("height")
        .and_then(|h| h.parse::<u32>().ok())
        .map_or(400.0, f64::from);
    let parts = js_sys::Array::of1(&JsValue::from_str(&svg_text(svg)));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let image = web_sys::HtmlImageElement::new()?;
    let loaded = image.clone();
    let source = url.clone();
    let onload = Closure::once(move || {
        let _ = draw_png(&loaded, width, height);
        let _ = web_sys::Url::revoke_object_url(&source);
    });
    image.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    image.set_src(&url);
    Ok(())
}

fn draw_png(image: &web_sys::HtmlImageElement, width: f64, height: f64) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width((width * 2.0) as u32);
    canvas.set_height((height * 2.0) as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into()?;
    context.scale(2.0, 2.0)?;
    context.draw_image_with_html_image_element(image, 0.0, 0.0)?;
    download_url(
        "nines-diagram.png",
        &canvas.to_data_url_with_type("image/png")?,
    )
}
