//! The saved designs as the compare view shows them: each one's label, component labels and
//! evaluation (unfinished designs too).

use crate::evaluation::{evaluate_design, Evaluation};
use crate::labels::Labels;
use crate::state::SavedScenario;
use nines_core::Convention;

/// Each saved design's name, labels and evaluation under `convention`.
pub fn evaluate_saved(
    saved: &[SavedScenario],
    convention: Convention,
) -> Vec<(String, Labels, Evaluation)> {
    saved
        .iter()
        .map(|s| {
            (
                s.label.clone(),
                Labels::of(&s.model),
                evaluate_design(&s.model, convention),
            )
        })
        .collect()
}
