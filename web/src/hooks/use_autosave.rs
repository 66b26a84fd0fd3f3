use crate::codec::model_to_json;
use crate::state::SavedScenario;
use gloo_storage::{LocalStorage, Storage};
use nines_core::Model;
use yew::prelude::*;

/// The localStorage key of the autosaved model.
pub const MODEL_KEY: &str = "nines.model";
/// The localStorage key of the designs saved for comparison: `[[label, model JSON], …]`.
const SAVED_KEY: &str = "nines.saved";

/// Saves the model and the compared designs to localStorage whenever they change (not the
/// model while the autosaved one waits for the zone table: it would overwrite it).
#[hook]
pub fn use_autosave(model: Model, saved: Vec<SavedScenario>, waiting: bool) {
    use_effect_with((model, waiting), |(model, waiting)| {
        if !waiting {
            let _ = LocalStorage::set(MODEL_KEY, model_to_json(model, false));
        }
    });
    use_effect_with(saved, |saved| {
        let pairs: Vec<(&str, String)> = saved
            .iter()
            .map(|s| (s.label.as_str(), model_to_json(&s.model, false)))
            .collect();
        let _ = LocalStorage::set(SAVED_KEY, pairs);
    });
}

/// The autosaved model, if there is a readable one.
pub fn restore() -> Option<Model> {
    let text: String = LocalStorage::get(MODEL_KEY).ok()?;
    Model::from_json(&text).ok()
}

/// The designs saved for comparison (unreadable ones are dropped).
pub fn restore_saved() -> Vec<SavedScenario> {
    let pairs: Vec<(String, String)> = LocalStorage::get(SAVED_KEY).unwrap_or_default();
    pairs
        .into_iter()
        .filter_map(|(label, text)| {
            Some(SavedScenario {
                label,
                model: Model::from_json(&text).ok()?,
            })
        })
        .collect()
}
