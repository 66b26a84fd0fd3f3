use crate::state::AppContext;
use yew::prelude::*;

/// The app state from the context provided by [`crate::App`].
#[hook]
pub fn use_app() -> Option<AppContext> {
    use_context::<AppContext>()
}
