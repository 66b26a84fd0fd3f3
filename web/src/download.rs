//! Saving text or a data URL as a file download.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a download named `file_name` of type `mime`.
///
/// # Errors
/// The browser's exception when a DOM call fails.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    download_url(file_name, &url)?;
    web_sys::Url::revoke_object_url(&url)
}

/// Offers the resource at `url` (an object or data URL) as a download named `file_name`.
///
/// # Errors
/// The browser's exception when a DOM call fails.
pub fn download_url(file_name: &str, url: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(url);
    link.set_download(file_name);
    link.click();
    Ok(())
}
