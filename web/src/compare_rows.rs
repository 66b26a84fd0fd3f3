//! The saved designs as the compare view shows them: each one's label, component labels and
//! evaluation (unfinished designs too).

use crate::evaluation::{evaluate_design, Evaluation};
use crate::labels::Labels;
use crate::state::SavedScenario;
use nines_core::{Catalog, Convention};

/// Each saved design's name, labels and evaluation under `convention` against `catalog`.
pub fn evaluate_saved(
    saved: &[SavedScenario],
    convention: Convention,
    catalog: &Catalog,
) -> Vec<(String, Labels, Evaluation)> {
    saved
        .iter()
        .map(|s| {
            (
                s.label.clone(),
                Labels::of(&s.model, catalog),
                evaluate_design(&s.model, convention, catalog),
            )
        })
        .collect()
}
