use super::problem_list::problem_list;
use crate::context::AppContext;
use crate::state::Action;
use yew::prelude::*;

/// What just happened to the design: "Loaded X — Undo" after it was replaced, and a file or
/// link that was not loaded (with every problem). Both can be dismissed.
pub fn notices(app: &AppContext) -> Html {
    let loaded = app.loaded.as_ref().filter(|_| app.notice);
    html! {
        <div class="notices" aria-live="polite">
            if let Some(loaded) = loaded {
                <p class="notice" role="status" data-testid="loaded-notice">
                    <span>{format!("Loaded “{}”", loaded.label)}</span>
                    if !app.undo.is_empty() {
                        <button data-testid="notice-undo" onclick={app.on(Action::Undo)}>{"Undo"}</button>
                    }
                    <button class="dismiss" aria-label="Dismiss this notice" data-testid="notice-dismiss"
                        onclick={app.on(Action::DismissNotice)}>{"✕"}</button>
                </p>
            }
            if let Some(failed) = &app.import_problems {
                {problem_list(&format!("{} was not loaded — your design is unchanged:", failed.source),
                    &failed.problems, "import-error", Some(app.on(Action::DismissImportProblems)))}
            }
        </div>
    }
}
