use gloo_events::EventListener;
use yew::prelude::*;

/// Whether the page is dark (`prefers-color-scheme: dark`), updated when the system changes,
/// so that canvases redraw with the theme's colours.
#[hook]
pub fn use_dark_scheme() -> bool {
    let query = use_memo((), |_| {
        web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
    });
    let dark = use_state(|| query.as_ref().as_ref().is_some_and(|q| q.matches()));
    {
        let dark = dark.clone();
        use_effect_with(query, move |query| {
            let listener = query.as_ref().as_ref().map(|q| {
                let q2 = q.clone();
                EventListener::new(q, "change", move |_| dark.set(q2.matches()))
            });
            move || drop(listener)
        });
    }
    *dark
}
