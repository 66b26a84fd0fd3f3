use crate::codec::model_to_json;
use gloo_storage::{LocalStorage, Storage};
use nines_core::Model;
use yew::prelude::*;

/// The localStorage key of the autosaved model.
const STORAGE_KEY: &str = "nines.model";

/// Saves the model to localStorage whenever it changes.
#[hook]
pub fn use_autosave(model: Model) {
    use_effect_with(model, |model| {
        let _ = LocalStorage::set(STORAGE_KEY, model_to_json(model, false));
    });
}

/// The autosaved model, if there is a readable one.
pub fn restore() -> Option<Model> {
    let text: String = LocalStorage::get(STORAGE_KEY).ok()?;
    Model::from_json(&text).ok()
}
