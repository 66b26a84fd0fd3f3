//! Custom hooks.

mod use_app;
mod use_autosave;
mod use_undo_keys;

pub use use_app::use_app;
pub use use_autosave::{restore, restore_saved, use_autosave};
pub use use_undo_keys::use_undo_keys;
