//! Custom hooks: where the app touches the browser (storage, keys, focus, the colour scheme)
//! and derives values from the state.

mod use_analysis;
mod use_app;
mod use_autosave;
mod use_color_scheme;
mod use_debounced;
mod use_decide;
mod use_evaluation;
mod use_focus_request;
mod use_library;
mod use_undo_keys;
mod use_width;
mod use_worker_catalog;
mod use_zone_table;

pub use use_analysis::use_analysis;
pub use use_app::use_app;
pub use use_autosave::{restore, restore_saved, use_autosave, MODEL_KEY};
pub use use_color_scheme::use_dark_scheme;
pub use use_debounced::use_debounced;
pub use use_decide::{error_line, job_args, use_decide, Decide, Job};
pub use use_evaluation::{use_evaluation, use_labels};
pub use use_focus_request::{focus, path_key, use_focus_request};
pub use use_library::use_library;
pub use use_undo_keys::use_undo_keys;
pub use use_width::use_width;
pub use use_worker_catalog::use_worker_catalog;
pub use use_zone_table::use_zone_table;
