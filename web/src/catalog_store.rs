//! The imported catalogs in localStorage (`nines.catalogs`: `[[file, JSON text, replace], …]`),
//! so that they are merged again when the page is opened next time.

use crate::library::Library;
use gloo_storage::{LocalStorage, Storage};

/// The localStorage key of the imported catalogs.
const KEY: &str = "nines.catalogs";

/// Keeps the library's imported catalogs.
pub fn save(library: &Library) {
    let rows: Vec<(&str, &str, bool)> = library
        .imported()
        .iter()
        .map(|i| (i.file.as_str(), i.text.as_str(), i.replace))
        .collect();
    let _ = LocalStorage::set(KEY, rows);
}

/// `library` with the kept catalogs merged in again, in order; one that no longer merges
/// (the bundled catalog gained one of its ids) is left out until it is imported again.
pub fn restore(library: Library) -> Library {
    let rows: Vec<(String, String, bool)> = LocalStorage::get(KEY).unwrap_or_default();
    rows.iter().fold(library, |library, (file, text, replace)| {
        library.with_import(file, text, *replace).unwrap_or(library)
    })
}
