use crate::evaluation::{evaluate_design_in, Evaluation};
use crate::labels::Labels;
use crate::perf::{now_ms, record_evaluation};
use crate::state::AppState;
use std::rc::Rc;
use yew::prelude::*;

/// The design's evaluation, recomputed only when the model or the convention changes; records
/// how long nines-core took (the reducer itself reads no clock).
#[hook]
pub fn use_evaluation(state: &AppState) -> Rc<Evaluation> {
    use_memo(
        (
            state.model.clone(),
            state.convention(),
            state.figures_calendar.clone(),
        ),
        |(model, convention, calendar)| {
            let started = now_ms();
            let evaluation = evaluate_design_in(model, *convention, calendar.as_deref());
            record_evaluation(now_ms() - started);
            evaluation
        },
    )
}

/// Every component's label, recomputed only when the model changes.
#[hook]
pub fn use_labels(state: &AppState) -> Rc<Labels> {
    use_memo(state.model.clone(), Labels::of)
}
