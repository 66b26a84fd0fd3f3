use crate::codec::share_fragment;
use crate::hooks::use_app;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// "Share link": copies a link that carries the design (in the URL fragment, never sent to a
/// server) and says "Copied"; the link shown below follows the design as it changes.
#[function_component(ShareButton)]
pub fn share_button() -> Html {
    let status = use_state(|| None::<&'static str>);
    let Some(app) = use_app() else {
        return html! {};
    };
    let url = status
        .is_some()
        .then(|| share_url(&share_fragment(&app.model)));
    let on_share = {
        let status = status.clone();
        let model = app.model.clone();
        Callback::from(move |_| {
            let url = share_url(&share_fragment(&model));
            status.set(Some("Copying…"));
            copy(&url, status.clone());
        })
    };
    let on_close = {
        let status = status.clone();
        Callback::from(move |_| status.set(None))
    };
    html! {
        <>
            <button data-testid="share" onclick={on_share}>{"Share link"}</button>
            if let (Some(url), Some(message)) = (url, *status) {
                <div class="share-panel" role="status">
                    <label class="field share">
                        <span class="label">{"Link to this design"}<strong class="copied" data-testid="share-status">{message}</strong></span>
                        <input readonly=true value={url} data-testid="share-url"
                            onfocus={Callback::from(|e: FocusEvent| {
                                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                                input.select();
                            })} />
                    </label>
                    <button class="dismiss" aria-label="Hide the link" onclick={on_close}>{"✕"}</button>
                </div>
            }
        </>
    }
}

/// This page's address with `fragment`.
fn share_url(fragment: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return format!("#{fragment}");
    };
    format!(
        "{}{}#{fragment}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// Writes `text` to the clipboard and reports how it went.
fn copy(text: &str, status: UseStateHandle<Option<&'static str>>) {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        status.set(Some("Copy it from the field below"));
        return;
    };
    let done = status.clone();
    let copied = Closure::once(move |_: JsValue| done.set(Some("Copied")));
    let failed = Closure::once(move |_: JsValue| {
        status.set(Some("Not copied — copy it from the field below"))
    });
    let _ = clipboard.write_text(text).then2(&copied, &failed);
    copied.forget();
    failed.forget();
}
