use crate::state::{Action, AppState};
use yew::prelude::*;

/// Fetches the time-zone table at start-up (and again after "Try again") and tells the state
/// how it went.
#[hook]
pub fn use_zone_table(state: UseReducerHandle<AppState>) {
    let attempt = state.zone_attempt;
    use_effect_with(attempt, move |_| {
        wasm_bindgen_futures::spawn_local(async move {
            let result = crate::zones::fetch().await;
            state.dispatch(Action::ZonesLoaded(result));
        });
    });
}
