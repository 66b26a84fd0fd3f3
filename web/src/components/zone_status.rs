use crate::context::AppContext;
use crate::state::Action;
use crate::zones::Zones;
use yew::prelude::*;

/// Where the time-zone table stands, when something waits for it (a design naming time zones,
/// or a zone picker when `picker`): a brief loading note, or why it failed and "Try again".
pub fn zone_status(app: &AppContext, picker: bool) -> Html {
    let waiting = app.pending.as_ref().map(|p| p.label.clone());
    if waiting.is_none() && !picker {
        return html! {};
    }
    match &app.zones {
        Zones::Ready => html! {},
        Zones::Loading => html! {
            <p class="hint zone-status" role="status" data-testid="zones-loading">
                {match waiting {
                    Some(label) => format!("Loading the time-zone table for “{label}”…"),
                    None => "Loading the time-zone table…".to_string(),
                }}
            </p>
        },
        Zones::Failed(why) => html! {
            <p class="error zone-status" role="alert" data-testid="zones-failed">
                {match waiting {
                    Some(label) => format!("“{label}” names time zones, but {why}. "),
                    None => format!("Only UTC is available: {why}. "),
                }}
                <button data-testid="zones-retry" onclick={app.on(Action::RetryZones)}>{"Try again"}</button>
            </p>
        },
    }
}
