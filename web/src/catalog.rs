//! The bundled SLA catalog, parsed once.

use nines_core::Catalog;
use std::sync::OnceLock;

/// The bundled catalog (empty if it failed to load, which the build's tests rule out).
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::bundled().unwrap_or_else(|_| Catalog::empty()))
}

/// The providers in the catalog, in order of first appearance.
pub fn providers() -> Vec<&'static str> {
    let mut out: Vec<&str> = Vec::new();
    for entry in catalog().entries() {
        if !out.contains(&entry.provider.as_str()) {
            out.push(&entry.provider);
        }
    }
    out
}
