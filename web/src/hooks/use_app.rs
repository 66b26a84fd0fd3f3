use crate::context::AppContext;
use yew::prelude::*;

/// The app context provided by [`crate::App`].
#[hook]
pub fn use_app() -> Option<AppContext> {
    use_context::<AppContext>()
}
