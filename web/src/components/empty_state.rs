use crate::context::AppContext;
use crate::state::{Action, Adding};
use yew::prelude::*;

/// What an empty design shows instead of figures: where to start.
pub fn empty_state(app: &AppContext) -> Html {
    html! {
        <div class="empty-state" data-testid="empty-state">
            <p><strong>{"Nothing to count yet."}</strong></p>
            <p>{"Add a service from the catalog or a template, and the availability, downtime and credits appear here as you build."}</p>
            <button class="primary" data-testid="empty-add" onclick={app.on(Action::OpenAdd(Adding::To(Vec::new())))}>
                {"+ Add a service or a template"}
            </button>
        </div>
    }
}
