//! What every component reads: the reducer's state, the design's evaluation and the
//! components' labels, shared through one context.

use crate::evaluation::Evaluation;
use crate::labels::Labels;
use crate::library::Library;
use crate::state::{Action, AppState};
use std::ops::Deref;
use std::rc::Rc;
use yew::prelude::*;

/// The app state with what is derived from it.
#[derive(Clone)]
pub struct AppContext {
    state: UseReducerHandle<AppState>,
    /// The SLA catalog and templates.
    pub library: Library,
    /// The design's evaluation (derived from the model and the convention).
    pub evaluation: Rc<Evaluation>,
    /// Every component's label (derived from the model).
    pub labels: Rc<Labels>,
}

impl AppContext {
    /// The context of `state`, its (loaded) library and what was derived from them.
    pub fn new(
        state: UseReducerHandle<AppState>,
        library: Library,
        evaluation: Rc<Evaluation>,
        labels: Rc<Labels>,
    ) -> Self {
        Self {
            state,
            library,
            evaluation,
            labels,
        }
    }

    /// Applies an action.
    pub fn dispatch(&self, action: Action) {
        self.state.dispatch(action);
    }

    /// A callback that applies `action`, whatever the event.
    pub fn on<E>(&self, action: Action) -> Callback<E> {
        let state = self.state.clone();
        Callback::from(move |_| state.dispatch(action.clone()))
    }
}

impl Deref for AppContext {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.state
    }
}

/// Equal when the state is the same and the derived values are the same allocations (they are
/// recomputed only when their inputs change).
impl PartialEq for AppContext {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
            && self.library == other.library
            && Rc::ptr_eq(&self.evaluation, &other.evaluation)
            && Rc::ptr_eq(&self.labels, &other.labels)
    }
}
