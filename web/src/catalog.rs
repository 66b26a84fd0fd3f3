//! The bundled SLA catalog and on-prem templates, parsed once.

use nines_core::catalog::bundled_templates;
use nines_core::{Catalog, Template};
use std::sync::OnceLock;

/// The bundled catalog (empty if it failed to load, which the build's tests rule out).
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::bundled().unwrap_or_else(|_| Catalog::empty()))
}

/// The bundled on-prem templates.
pub fn templates() -> &'static [Template] {
    static TEMPLATES: OnceLock<Vec<Template>> = OnceLock::new();
    TEMPLATES.get_or_init(|| bundled_templates().unwrap_or_default())
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
