use super::calculator::calculator;
use super::compare::Compare;
use super::design_view::design_view;
use super::notices::notices;
use super::print_header::print_header;
use super::toolbar::Toolbar;
use crate::catalog::catalog;
use crate::context::AppContext;
use crate::hooks::{use_autosave, use_evaluation, use_labels, use_undo_keys, use_zone_table};
use crate::perf::{now_ms, record_first_result};
use crate::startup::initial_state;
use crate::state::{Action, View};
use yew::prelude::*;

/// The whole app: masthead, notices, tabs, and the page picked.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    let evaluation = use_evaluation(&state);
    let labels = use_labels(&state);
    let waiting = state.pending.as_ref().is_some_and(|p| p.quiet);
    use_autosave(state.model.clone(), state.saved.clone(), waiting);
    use_undo_keys(state.clone());
    use_zone_table(state.clone());
    use_effect_with((), |_| record_first_result(now_ms()));
    let app = AppContext::new(state, evaluation, labels);

    let tab = |view: View, label: &'static str, testid: &'static str| {
        let selected = app.view == view;
        html! {
            <button role="tab" aria-selected={selected.to_string()} data-testid={testid}
                class={classes!("tab", selected.then_some("active"))}
                onclick={app.on(Action::SetView(view))}>
                {label}
            </button>
        }
    };
    let version = catalog().version();
    html! {
        <ContextProvider<AppContext> context={app.clone()}>
            <header class="masthead">
                <h1><span class="logo">{"nines"}</span>{" — composite availability & SLA calculator"}</h1>
                <Toolbar />
            </header>
            {print_header(&app)}
            {notices(&app)}
            <nav class="tabs" role="tablist" aria-label="Views">
                {tab(View::Design, "Design", "tab-design")}
                {tab(View::Calculator, "Downtime calculator", "tab-calculator")}
                {tab(View::Compare, "Compare", "tab-compare")}
            </nav>
            <main>
                {match app.view {
                    View::Design => html! { {design_view(&app)} },
                    View::Calculator => html! { {calculator(&app)} },
                    View::Compare => html! { <Compare /> },
                }}
            </main>
            <footer>
                {format!("Every figure is computed by nines-core {} in your browser; nothing leaves this page. SLA catalog {} ({}).",
                    env!("CARGO_PKG_VERSION"), version.version, version.date)}
            </footer>
        </ContextProvider<AppContext>>
    }
}
