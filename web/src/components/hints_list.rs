use crate::context::AppContext;
use crate::describe::short_name;
use crate::state::Action;
use crate::tree;
use nines_core::Segment;
use yew::prelude::*;

/// nines-core's modelling hints and warnings, next to the headline: what the figure assumes and
/// what to do; "Show" selects the part concerned.
pub fn hints_list(app: &AppContext) -> Html {
    // Incidents' warnings are shown in place, in the incident table.
    let warnings: Vec<_> = app
        .evaluation
        .warnings
        .iter()
        .filter(|w| !matches!(w.path.segments().first(), Some(Segment::Key(k)) if k == "incidents"))
        .collect();
    if warnings.is_empty() {
        return html! {};
    }
    html! {
        <div class="hints" data-testid="warnings" role="note" aria-label="Modelling hints">
            <h3>{"Modelling hints"}</h3>
            <ul>
                {for warnings.into_iter().map(|w| {
                    let target = tree::node_path_of(&w.path).filter(|p| tree::node_at(&app.model.root, p).is_some());
                    let whom = target.as_ref().and_then(|p| tree::node_at(&app.model.root, p)).map(|n| short_name(n, &app.labels));
                    html! {
                        <li data-testid="hint">
                            if let Some(whom) = &whom { <strong>{format!("{whom}: ")}</strong> }
                            {&w.message}
                            if let Some(path) = target {
                                {" "}<button class="link" data-testid="hint-show" onclick={app.on(Action::Focus(path))}>{"Show"}</button>
                            }
                        </li>
                    }
                })}
            </ul>
        </div>
    }
}
