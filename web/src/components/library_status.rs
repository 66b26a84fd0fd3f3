use crate::library::LibraryState;
use crate::state::{Action, AppState};
use yew::prelude::*;

/// What the page shows until the SLA catalog is ready: that it is loading, or why it could not
/// be loaded, with a way to try again.
pub fn library_status(state: &UseReducerHandle<AppState>) -> Html {
    match &state.library {
        LibraryState::Failed(why) => {
            let retry = {
                let state = state.clone();
                Callback::from(move |_| state.dispatch(Action::RetryLibrary))
            };
            html! {
                <section class="panel library-status failed" role="alert" data-testid="library-error">
                    <h2>{"The SLA catalog could not be loaded"}</h2>
                    <p><code>{why}</code></p>
                    <p>{"Every figure needs it (the catalog is fetched from this site when the page opens). Check the connection and try again; your design is kept."}</p>
                    <button class="primary" data-testid="library-retry" onclick={retry}>{"Try again"}</button>
                </section>
            }
        }
        LibraryState::Loading | LibraryState::Ready(_) => html! {
            <section class="panel library-status" role="status" aria-live="polite" data-testid="library-loading">
                <p>{"Loading the SLA catalog…"}</p>
            </section>
        },
    }
}
