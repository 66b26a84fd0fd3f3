//! Reading a file the user picked (`<input type="file">`) as text.

use wasm_bindgen_futures::JsFuture;

/// The first file picked in `input`, if any; the input is cleared so that picking the same
/// file again is noticed.
pub fn take_picked(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// The text of `file` (UTF-8).
///
/// # Errors
/// Why it could not be read, in words.
pub async fn text_of(file: &web_sys::File) -> Result<String, String> {
    let cannot = |e: wasm_bindgen::JsValue| {
        let why = js_sys::Error::from(e).message();
        format!("cannot read the file: {why}")
    };
    JsFuture::from(file.text())
        .await
        .map_err(cannot)?
        .as_string()
        .ok_or_else(|| "cannot read the file: not text".to_string())
}
