//! The app state: a reducer over [`Action`]s. Every edit of the model goes through here, is
//! undoable, and recomputes the [`Report`] with nines-core.

use crate::catalog::catalog;
use crate::tree::{self, NodePath};
use nines_core::model::{Component, Incident, Model, Node};
use nines_core::{evaluate, Convention, Money, Options, Problem, Report};
use std::rc::Rc;
use yew::prelude::*;

/// Most undo steps kept.
const UNDO_DEPTH: usize = 200;

/// The calendar convention the user picked; a calendar month also needs [`AppState::month`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConventionChoice {
    /// The picked calendar month.
    CalendarMonth,
    /// 30-day months.
    ThirtyDay,
    /// 365/12-day months.
    Days365Over12,
    /// Mean Gregorian months.
    Gregorian,
}

impl ConventionChoice {
    /// Every choice, in menu order.
    pub const ALL: [Self; 4] = [
        Self::CalendarMonth,
        Self::ThirtyDay,
        Self::Days365Over12,
        Self::Gregorian,
    ];

    /// The `<select>` value.
    pub fn key(self) -> &'static str {
        match self {
            Self::CalendarMonth => "calendar",
            Self::ThirtyDay => "30-day",
            Self::Days365Over12 => "365/12",
            Self::Gregorian => "gregorian",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::CalendarMonth => "Calendar month",
            Self::ThirtyDay => "30-day month",
            Self::Days365Over12 => "365/12-day month",
            Self::Gregorian => "Mean Gregorian month",
        }
    }

    /// The choice with this `<select>` value.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The nines-core convention, with `month` (`YYYY-MM`) for calendar months.
    pub fn convention(self, month: &str) -> Convention {
        let text = match self {
            Self::CalendarMonth => month,
            other => other.key(),
        };
        Convention::parse(text).unwrap_or_default()
    }
}

/// Which page is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Catalog, editor and results.
    Design,
    /// Percent ↔ downtime.
    Calculator,
    /// Saved scenarios side by side.
    Compare,
}

/// A model saved for comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedScenario {
    /// What the user called it.
    pub label: String,
    /// The design.
    pub model: Model,
}

/// Everything the app knows.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The design being edited.
    pub model: Model,
    /// The month for calendar-month figures, `YYYY-MM`.
    pub month: String,
    /// The convention for every downtime figure.
    pub convention: ConventionChoice,
    /// Earlier models, newest last.
    pub undo: Vec<Model>,
    /// Undone models, newest last.
    pub redo: Vec<Model>,
    /// The selected node.
    pub selected: NodePath,
    /// The page shown.
    pub view: View,
    /// Saved scenarios for the compare view.
    pub saved: Vec<SavedScenario>,
    /// Problems with the last imported file or link (the model was kept).
    pub import_problems: Vec<Problem>,
    /// The current report, or every problem in the model.
    pub report: Rc<Result<Report, Vec<Problem>>>,
    /// Milliseconds the last evaluation took.
    pub evaluate_ms: f64,
}

/// Everything a user can do to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select a node.
    Select(NodePath),
    /// Append a node to the selected group (or the nearest group above the selection).
    Add(Node),
    /// Replace the node at a path (an edit of its fields or kind).
    Replace(NodePath, Node),
    /// Replace a shared component's definition.
    ReplaceShared(String, Component),
    /// Delete the node at a path.
    Delete(NodePath),
    /// Move the node at a path up (`true`) or down among its siblings.
    Shift(NodePath, bool),
    /// Move the component at a path to `shared` and reference it there.
    MakeShared(NodePath),
    /// Set the design's name.
    SetName(Option<String>),
    /// Set the currency code.
    SetCurrency(String),
    /// Set the business loss per hour.
    SetBusinessLoss(Option<Money>),
    /// Add an incident to the outage scenario.
    AddIncident(Incident),
    /// Remove an incident.
    RemoveIncident(usize),
    /// Replace the whole model (example, import, link, new).
    Load(Model),
    /// Record problems with a file or link that was not loaded.
    ImportFailed(Vec<Problem>),
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Pick the convention.
    SetConvention(ConventionChoice),
    /// Pick the calendar month (`YYYY-MM`).
    SetMonth(String),
    /// Show a page.
    SetView(View),
    /// Save the current model for comparison.
    SaveScenario(String),
    /// Load a saved scenario into the editor.
    OpenScenario(usize),
    /// Forget a saved scenario.
    RemoveScenario(usize),
}

impl AppState {
    /// A state showing `model` for `month` (`YYYY-MM`).
    pub fn new(model: Model, month: String) -> Self {
        let mut state = Self {
            month: scenario_month(&model).unwrap_or(month),
            model,
            convention: ConventionChoice::CalendarMonth,
            undo: Vec::new(),
            redo: Vec::new(),
            selected: Vec::new(),
            view: View::Design,
            saved: Vec::new(),
            import_problems: Vec::new(),
            report: Rc::new(Err(Vec::new())),
            evaluate_ms: 0.0,
        };
        state.recompute();
        state
    }

    /// The convention of every figure shown.
    pub fn convention(&self) -> Convention {
        self.convention.convention(&self.month)
    }

    /// Evaluates the model with nines-core.
    fn recompute(&mut self) {
        let started = now_ms();
        let result = evaluate(&self.model, catalog(), &Options::new(self.convention()))
            .map_err(|problems| problems.0);
        self.evaluate_ms = now_ms() - started;
        self.report = Rc::new(result);
        crate::perf::record_evaluation(self.evaluate_ms);
    }

    /// Applies an edit of the model; unchanged models leave no undo step.
    fn edit(&mut self, change: impl FnOnce(&mut Model, &mut NodePath)) {
        let before = self.model.clone();
        change(&mut self.model, &mut self.selected);
        if self.model != before {
            self.undo.push(before);
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
            self.redo.clear();
            self.recompute();
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::Select(path) => state.selected = path,
            Action::Add(node) => state.edit(|model, selected| {
                let group = tree::group_for(&model.root, selected);
                let node = tree::with_unique_ids(model, node);
                if let Some(path) = tree::append(&mut model.root, &group, node) {
                    *selected = path;
                }
            }),
            Action::Replace(path, node) => state.edit(|model, _| {
                if let Some(slot) = tree::node_at_mut(&mut model.root, &path) {
                    *slot = node;
                }
            }),
            Action::ReplaceShared(key, component) => state.edit(|model, _| {
                model.shared.insert(key, component);
            }),
            Action::Delete(path) => state.edit(|model, selected| {
                if tree::remove(&mut model.root, &path).is_some() {
                    *selected = path
                        .split_last()
                        .map(|(_, p)| p.to_vec())
                        .unwrap_or_default();
                }
            }),
            Action::Shift(path, up) => state.edit(|model, selected| {
                if let Some(moved) = tree::shift(&mut model.root, &path, up) {
                    *selected = moved;
                }
            }),
            Action::MakeShared(path) => state.edit(|model, _| {
                if let Some(slot) = tree::node_at_mut(&mut model.root, &path) {
                    if let Node::Component(component) = slot {
                        let key = component.id.clone().unwrap_or_default();
                        if !key.is_empty() {
                            let component = component.clone();
                            *slot = Node::Shared(key.clone());
                            model.shared.insert(key, component);
                        }
                    }
                }
            }),
            Action::SetName(name) => state.edit(|model, _| model.name = name),
            Action::SetCurrency(code) => state.edit(|model, _| model.currency = code),
            Action::SetBusinessLoss(loss) => {
                state.edit(|model, _| model.business_loss_per_hour = loss)
            }
            Action::AddIncident(incident) => state.edit(|model, _| model.incidents.push(incident)),
            Action::RemoveIncident(index) => state.edit(|model, _| {
                if index < model.incidents.len() {
                    model.incidents.remove(index);
                }
            }),
            Action::Load(model) => {
                state.import_problems.clear();
                if let Some(month) = scenario_month(&model) {
                    state.month = month;
                }
                state.edit(|current, selected| {
                    *current = model;
                    selected.clear();
                });
                state.recompute();
            }
            Action::ImportFailed(problems) => state.import_problems = problems,
            Action::Undo => {
                if let Some(previous) = state.undo.pop() {
                    let current = std::mem::replace(&mut state.model, previous);
                    state.redo.push(current);
                    state.selected.clear();
                    state.recompute();
                }
            }
            Action::Redo => {
                if let Some(next) = state.redo.pop() {
                    let current = std::mem::replace(&mut state.model, next);
                    state.undo.push(current);
                    state.selected.clear();
                    state.recompute();
                }
            }
            Action::SetConvention(choice) => {
                state.convention = choice;
                state.recompute();
            }
            Action::SetMonth(month) => {
                if Convention::parse(&month).is_ok() {
                    state.month = month;
                    state.recompute();
                }
            }
            Action::SetView(view) => state.view = view,
            Action::SaveScenario(label) => state.saved.push(SavedScenario {
                label,
                model: state.model.clone(),
            }),
            Action::OpenScenario(index) => {
                if let Some(saved) = state.saved.get(index).cloned() {
                    state.edit(|model, selected| {
                        *model = saved.model;
                        selected.clear();
                    });
                    state.view = View::Design;
                }
            }
            Action::RemoveScenario(index) => {
                if index < state.saved.len() {
                    state.saved.remove(index);
                }
            }
        }
        Rc::new(state)
    }
}

/// The month (`YYYY-MM`) of a model's first incident, so that its scenario is in view.
fn scenario_month(model: &Model) -> Option<String> {
    let first = model.incidents.iter().map(|i| i.start).min()?;
    Some(first.format("%Y-%m").to_string())
}

/// The app state shared with every component.
pub type AppContext = UseReducerHandle<AppState>;

/// `performance.now()`, or 0 outside a browser.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}
