#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: failing loudly is the point
#[test]
fn bundled_catalog_and_templates_load() {
    let catalog = nines_core::Catalog::bundled().unwrap_or_else(|p| panic!("{p:?}"));
    assert!(catalog.entries().len() >= 60);
    let templates = nines_core::catalog::bundled_templates().unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(templates.len(), 5);
}
