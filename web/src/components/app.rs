use super::architecture_editor::ArchitectureEditor;
use super::calculator::Calculator;
use super::catalog_picker::CatalogPicker;
use super::compare::Compare;
use super::results::Results;
use super::scenario_panel::ScenarioPanel;
use super::summary_bar::SummaryBar;
use super::toolbar::Toolbar;
use crate::catalog::catalog;
use crate::codec::model_from_fragment;
use crate::examples::example;
use crate::hooks::{restore, restore_saved, use_autosave, use_undo_keys};
use crate::perf::{record_first_result, record_start, record_state_ready};
use crate::state::{now_ms, Action, AppContext, AppState, View};
use nines_core::model::{Component, Group, Node};
use nines_core::{Availability, Model};
use yew::prelude::*;

/// The whole app: toolbar, tabs, and the page picked.
#[function_component(App)]
pub fn app() -> Html {
    let app = use_reducer(initial_state);
    use_autosave(app.model.clone(), app.saved.clone());
    use_undo_keys(app.clone());
    use_effect_with((), |_| record_first_result(now_ms()));

    let tab = |view: View, label: &'static str, testid: &'static str| {
        let app = app.clone();
        let selected = app.view == view;
        html! {
            <button role="tab" aria-selected={selected.to_string()} data-testid={testid}
                class={classes!("tab", selected.then_some("active"))}
                onclick={Callback::from(move |_| app.dispatch(Action::SetView(view)))}>
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
            <nav class="tabs" role="tablist" aria-label="Views">
                {tab(View::Design, "Design", "tab-design")}
                {tab(View::Calculator, "Downtime calculator", "tab-calculator")}
                {tab(View::Compare, "Compare", "tab-compare")}
            </nav>
            <main>
                {match app.view {
                    View::Design => html! {
                        <div class="design">
                            <div class="column">
                                <ArchitectureEditor />
                                <CatalogPicker />
                            </div>
                            <div class="column">
                                <Results />
                                <ScenarioPanel />
                            </div>
                            <SummaryBar />
                        </div>
                    },
                    View::Calculator => html! { <Calculator /> },
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

/// The model from the share link, else the autosaved one, else the first example.
fn initial_state() -> AppState {
    record_start(now_ms());
    let mut problems = Vec::new();
    let from_link = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .and_then(|hash| model_from_fragment(&hash))
        .and_then(|result| result.map_err(|p| problems = p).ok());
    if from_link.is_some() || !problems.is_empty() {
        forget_fragment();
    }
    let model = from_link
        .or_else(restore)
        .or_else(|| example("azure-web-sql.json"))
        .unwrap_or_else(starter);
    let mut state = AppState::new(model, current_month());
    state.import_problems = problems;
    state.saved = restore_saved();
    record_state_ready(now_ms());
    state
}

/// Drops the `#m=…` fragment once read, so that a reload shows the autosaved edits.
fn forget_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let page = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page));
    }
}

/// A one-component design, for when no example is bundled.
fn starter() -> Model {
    let component = Component {
        id: Some("web".to_string()),
        availability: Availability::parse_percent("99.95").ok(),
        ..Component::default()
    };
    Model {
        name: Some("Untitled design".to_string()),
        ..Model::new(Node::Serial(Group::of(vec![Node::Component(component)])))
    }
}

/// This month (UTC) as `YYYY-MM`, from the browser clock.
fn current_month() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}",
        now.get_utc_full_year(),
        now.get_utc_month() + 1
    )
}

/// An empty design.
pub fn blank_model() -> Model {
    Model {
        name: Some("Untitled design".to_string()),
        root: Node::Serial(Group {
            name: None,
            children: Vec::new(),
            domains: Vec::new(),
            copies_range: None,
        }),
        ..starter()
    }
}
