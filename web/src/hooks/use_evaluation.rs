use crate::evaluation::{evaluate_design_in, Evaluation, Outcome};
use crate::labels::Labels;
use crate::perf::{now_ms, record_evaluation};
use crate::state::AppState;
use std::rc::Rc;
use yew::prelude::*;

/// The design's evaluation, recomputed only when the model, the convention or the library
/// changes (nothing to show before the library arrives); records how long nines-core took (the
/// reducer itself reads no clock).
#[hook]
pub fn use_evaluation(state: &AppState) -> Rc<Evaluation> {
    use_memo(
        (
            state.model.clone(),
            state.convention(),
            state.figures_calendar.clone(),
            state.library().cloned(),
        ),
        |(model, convention, calendar, library)| {
            let Some(library) = library else {
                return Evaluation {
                    outcome: Outcome::Blank,
                    empty_groups: Vec::new(),
                    warnings: Vec::new(),
                };
            };
            let started = now_ms();
            let evaluation =
                evaluate_design_in(model, *convention, library.catalog(), calendar.as_deref());
            record_evaluation(now_ms() - started);
            evaluation
        },
    )
}

/// Every component's label, recomputed only when the model or the library changes.
#[hook]
pub fn use_labels(state: &AppState) -> Rc<Labels> {
    use_memo(
        (state.model.clone(), state.library().cloned()),
        |(model, library)| match library {
            Some(library) => Labels::of(model, library.catalog()),
            None => Labels::default(),
        },
    )
}
