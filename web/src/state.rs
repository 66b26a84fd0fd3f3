//! The app state: a pure reducer over [`Action`]s (no clock, no DOM, no evaluation). Every edit
//! of the model goes through here and is undoable; the report is derived from the model by the
//! `use_evaluation` hook.

use crate::library::{Library, LibraryState};
use crate::tree::{self, NodePath};
use nines_core::model::{Component, Incident, Model, Node};
use nines_core::{Convention, Money, Problem};
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
    /// Diagram, editor and results.
    Design,
    /// Percent ↔ downtime.
    Calculator,
    /// Saved scenarios side by side.
    Compare,
}

/// How the architecture is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArchView {
    /// The reliability block diagram.
    Diagram,
    /// The indented list (arrow keys, Delete).
    List,
}

/// What the add dialog is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Adding {
    /// Adding a node to the group at this path.
    To(NodePath),
    /// Swapping the component at this path for a catalog entry.
    Swap(NodePath),
}

/// A model saved for comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedScenario {
    /// What the user called it.
    pub label: String,
    /// The design.
    pub model: Model,
}

/// A design that replaced the working one (an example, an import, New): what the examples
/// menu shows, and the notice that offers to undo it.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// What was loaded, for people ("Azure web app + SQL", "bad.json").
    pub label: String,
    /// The example's file name, when it was an example.
    pub example: Option<String>,
    /// The model as loaded, to tell whether it has been edited since.
    pub model: Model,
}

/// A file or link that was not loaded, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportProblems {
    /// Where it came from ("bad.json", "the link").
    pub source: String,
    /// Every problem, with its path in the file.
    pub problems: Vec<Problem>,
}

/// A design that names time zones, read once the zone table is loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    /// What it is, for people ("Hosting contract …", "bad.json", "the link").
    pub label: String,
    /// The example's file name, when it is an example.
    pub example: Option<String>,
    /// The file it came from (read as an import), else model JSON.
    pub file: Option<String>,
    /// Its text.
    pub text: String,
    /// Replaces the design without an undo step or notice (the autosave, a link).
    pub quiet: bool,
}

/// Everything the app knows, except the report (derived from the model).
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
    /// Bumped when the selected node should take the keyboard focus (after a delete or a move).
    pub focus_request: u32,
    /// The page shown.
    pub view: View,
    /// How the architecture is shown.
    pub arch_view: ArchView,
    /// Saved scenarios for the compare view.
    pub saved: Vec<SavedScenario>,
    /// The last file or link that was not loaded (the model was kept), until dismissed.
    pub import_problems: Option<ImportProblems>,
    /// The design that last replaced the working one, while the notice offering undo shows.
    pub loaded: Option<Loaded>,
    /// Whether the "Loaded … — Undo" notice is showing.
    pub notice: bool,
    /// The add dialog, when open.
    pub adding: Option<Adding>,
    /// Whether the time-zone table is loaded.
    pub zones: crate::zones::Zones,
    /// Bumped to fetch the zone table again.
    pub zone_attempt: u32,
    /// A design waiting for the zone table.
    pub pending: Option<Pending>,
    /// The model's calendar whose service time the expected downtime counts (every minute
    /// when none).
    pub figures_calendar: Option<String>,
    /// The SLA catalog and templates (fetched when the app starts).
    pub library: LibraryState,
    /// Bumped to fetch the library (again).
    pub library_attempt: u32,
}

/// Everything a user can do to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select a node (a click); the focus follows it.
    Select(NodePath),
    /// Select a node and give it the keyboard focus (arrow keys, "Show" on a hint).
    Focus(NodePath),
    /// Open the add dialog.
    OpenAdd(Adding),
    /// Close the add dialog.
    CloseAdd,
    /// Append a node to the group at a path (for a replicate, to its copied group).
    AddTo(NodePath, Node),
    /// Replace the node at a path (an edit of its fields or kind).
    Replace(NodePath, Node),
    /// Replace a shared component's definition.
    ReplaceShared(String, Component),
    /// Delete the node at a path; the selection and focus move to a neighbour.
    Delete(NodePath),
    /// Move the node at a path up (`true`) or down among its siblings.
    Shift(NodePath, bool),
    /// Move the node at the first path into the group at the second.
    MoveTo(NodePath, NodePath),
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
    /// Replace the whole design (New, an example, an import); one undo step.
    Load(Box<Loaded>),
    /// Save designs for comparison and load the last of them; one undo step.
    LoadForComparison(Vec<SavedScenario>),
    /// Record problems with a file or link that was not loaded; the design stays.
    ImportFailed(ImportProblems),
    /// Hide the import problems.
    DismissImportProblems,
    /// Hide the "Loaded … — Undo" notice.
    DismissNotice,
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
    /// Show the diagram or the list.
    SetArchView(ArchView),
    /// Save the current model for comparison.
    SaveScenario(String),
    /// Load a saved scenario into the editor; one undo step.
    OpenScenario(usize),
    /// Forget a saved scenario.
    RemoveScenario(usize),
    /// Replace the model by one the core read back after an edit (calendars); undoable.
    ReplaceModel(Box<Model>),
    /// Load a design once the zone table is there.
    Wait(Box<Pending>),
    /// The zone table loaded, or failed to.
    ZonesLoaded(Result<(), String>),
    /// Fetch the zone table again.
    RetryZones,
    /// Count the expected downtime in a calendar's service time (every minute when `None`).
    SetFiguresCalendar(Option<String>),
    /// The bundled catalog and templates arrived, or the catalogs merged into them changed (one
    /// imported or removed).
    LibraryLoaded(Library),
    /// They could not be fetched or read: why.
    LibraryFailed(String),
    /// Fetch them again.
    RetryLibrary,
}

impl AppState {
    /// A state showing `model`, with figures for `month` (`YYYY-MM`, the current month).
    pub fn new(model: Model, month: String) -> Self {
        Self {
            model,
            month,
            convention: ConventionChoice::CalendarMonth,
            undo: Vec::new(),
            redo: Vec::new(),
            selected: Vec::new(),
            focus_request: 0,
            view: View::Design,
            arch_view: ArchView::Diagram,
            saved: Vec::new(),
            import_problems: None,
            loaded: None,
            notice: false,
            adding: None,
            zones: crate::zones::Zones::Loading,
            zone_attempt: 0,
            pending: None,
            figures_calendar: None,
            library: LibraryState::Loading,
            library_attempt: 0,
        }
    }

    /// The library, once it is ready.
    pub fn library(&self) -> Option<&Library> {
        match &self.library {
            LibraryState::Ready(library) => Some(library),
            LibraryState::Loading | LibraryState::Failed(_) => None,
        }
    }

    /// The convention of every figure shown.
    pub fn convention(&self) -> Convention {
        self.convention.convention(&self.month)
    }

    /// Whether the loaded design has been edited since it was loaded.
    pub fn edited_since_load(&self) -> bool {
        self.loaded.as_ref().is_some_and(|l| l.model != self.model)
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
        }
    }

    /// Replaces the whole design in one undoable step and offers to undo it.
    fn replace_design(&mut self, loaded: Loaded) {
        self.import_problems = None;
        self.edit(|current, selected| {
            *current = loaded.model.clone();
            selected.clear();
        });
        self.loaded = Some(loaded);
        self.notice = true;
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Select(path) | Action::Focus(path) => {
                self.selected = path;
                self.focus_request += 1;
            }
            Action::OpenAdd(adding) => self.adding = Some(adding),
            Action::CloseAdd => self.adding = None,
            Action::AddTo(group, node) => {
                self.adding = None;
                self.edit(|model, selected| {
                    let node = tree::with_unique_ids(model, node);
                    if let Some(path) = tree::append(&mut model.root, &group, node) {
                        *selected = path;
                    }
                });
            }
            Action::Replace(path, node) => {
                self.adding = None;
                self.edit(|model, _| {
                    if let Some(slot) = tree::node_at_mut(&mut model.root, &path) {
                        *slot = node;
                    }
                });
            }
            Action::ReplaceShared(key, component) => self.edit(|model, _| {
                model.shared.insert(key, component);
            }),
            Action::Delete(path) => {
                self.edit(|model, selected| {
                    let next = tree::neighbour_after_delete(&model.root, &path);
                    if tree::remove(&mut model.root, &path).is_some() {
                        *selected = next;
                    }
                });
                self.focus_request += 1;
            }
            Action::Shift(path, up) => {
                self.edit(|model, selected| {
                    if let Some(moved) = tree::shift(&mut model.root, &path, up) {
                        *selected = moved;
                    }
                });
                self.focus_request += 1;
            }
            Action::MoveTo(from, to) => {
                self.edit(|model, selected| {
                    if let Some(moved) = tree::move_to(&mut model.root, &from, &to) {
                        *selected = moved;
                    }
                });
                self.focus_request += 1;
            }
            Action::MakeShared(path) => self.edit(|model, _| make_shared(model, &path)),
            Action::SetName(name) => self.edit(|model, _| model.name = name),
            Action::SetCurrency(code) => self.edit(|model, _| model.currency = code),
            Action::SetBusinessLoss(loss) => {
                self.edit(|model, _| model.business_loss_per_hour = loss)
            }
            Action::AddIncident(incident) => self.edit(|model, _| model.incidents.push(incident)),
            Action::RemoveIncident(index) => self.edit(|model, _| {
                if index < model.incidents.len() {
                    model.incidents.remove(index);
                }
            }),
            Action::Load(loaded) => self.replace_design(*loaded),
            Action::LoadForComparison(designs) => {
                let Some(last) = designs.last().cloned() else {
                    return;
                };
                self.saved.extend(designs);
                self.replace_design(Loaded {
                    label: last.label,
                    example: None,
                    model: last.model,
                });
                self.view = View::Compare;
            }
            Action::ImportFailed(problems) => self.import_problems = Some(problems),
            Action::DismissImportProblems => self.import_problems = None,
            Action::DismissNotice => self.notice = false,
            Action::Undo => {
                if let Some(previous) = self.undo.pop() {
                    let current = std::mem::replace(&mut self.model, previous);
                    self.redo.push(current);
                    self.selected.clear();
                    self.notice = false;
                }
            }
            Action::Redo => {
                if let Some(next) = self.redo.pop() {
                    let current = std::mem::replace(&mut self.model, next);
                    self.undo.push(current);
                    self.selected.clear();
                }
            }
            Action::SetConvention(choice) => self.convention = choice,
            Action::SetMonth(month) => {
                if Convention::parse(&month).is_ok_and(|c| c.month().is_some()) {
                    self.month = month;
                }
            }
            Action::SetView(view) => self.view = view,
            Action::SetArchView(view) => self.arch_view = view,
            Action::SaveScenario(label) => self.saved.push(SavedScenario {
                label,
                model: self.model.clone(),
            }),
            Action::OpenScenario(index) => {
                if let Some(saved) = self.saved.get(index).cloned() {
                    self.replace_design(Loaded {
                        label: saved.label,
                        example: None,
                        model: saved.model,
                    });
                    self.view = View::Design;
                }
            }
            Action::RemoveScenario(index) => {
                if index < self.saved.len() {
                    self.saved.remove(index);
                }
            }
            Action::ReplaceModel(model) => self.edit(|current, _| *current = *model),
            Action::Wait(pending) => self.pending = Some(*pending),
            Action::ZonesLoaded(Ok(())) => {
                self.zones = crate::zones::Zones::Ready;
                self.read_pending_when_ready();
            }
            Action::ZonesLoaded(Err(why)) => self.zones = crate::zones::Zones::Failed(why),
            Action::SetFiguresCalendar(id) => self.figures_calendar = id,
            Action::RetryZones => {
                self.zones = crate::zones::Zones::Loading;
                self.zone_attempt += 1;
            }
            Action::LibraryLoaded(library) => {
                self.library = LibraryState::Ready(library);
                self.read_pending_when_ready();
            }
            Action::LibraryFailed(why) => self.library = LibraryState::Failed(why),
            Action::RetryLibrary => {
                self.library = LibraryState::Loading;
                self.library_attempt += 1;
            }
        }
    }

    /// Loads the design waiting for the zone table once both it and the catalog are there.
    fn read_pending_when_ready(&mut self) {
        if !matches!(self.zones, crate::zones::Zones::Ready) {
            return;
        }
        let Some(catalog) = self.library().map(|l| l.catalog().clone()) else {
            return;
        };
        if let Some(pending) = self.pending.take() {
            self.read_pending(pending, &catalog);
        }
    }

    /// Loads a design that waited for the zone table, or records why it cannot be.
    fn read_pending(&mut self, pending: Pending, catalog: &nines_core::Catalog) {
        let read = match &pending.file {
            Some(name) => crate::parse::import_model(name, &pending.text, catalog),
            None => Model::from_json(&pending.text).map_err(|p| p.0),
        };
        match read {
            Ok(model) if pending.quiet => self.model = model,
            Ok(model) => self.replace_design(Loaded {
                label: pending.label,
                example: pending.example,
                model,
            }),
            Err(problems) => {
                self.import_problems = Some(ImportProblems {
                    source: pending.label,
                    problems,
                })
            }
        }
    }
}

/// Moves the component at `path` to `model.shared` under its id and references it there.
fn make_shared(model: &mut Model, path: &[usize]) {
    let Some(slot) = tree::node_at_mut(&mut model.root, path) else {
        return;
    };
    let Node::Component(component) = slot else {
        return;
    };
    let key = component.id.clone().unwrap_or_default();
    if key.is_empty() {
        return;
    }
    let component = (**component).clone();
    *slot = Node::Shared(key.clone());
    model.shared.insert(key, component);
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        state.apply(action);
        Rc::new(state)
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod zone_tests;
