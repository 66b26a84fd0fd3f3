//! The SLA catalog and templates the app works with: the bundled catalog, fetched from the site
//! at start-up (`catalog/`, `templates/`, copied there by trunk), with the catalogs you
//! imported merged in. Pure: the fetching is in `hooks/use_library.rs`, the storage of your
//! catalogs in `hooks/use_autosave.rs`.

use nines_core::{Catalog, CatalogManifest, Sla, Template};
use std::rc::Rc;

/// The catalog and templates; cheap to clone, and equal only to its own clones (so that a
/// derived value is recomputed exactly when the library changes).
#[derive(Clone, Debug)]
pub struct Library(Rc<Contents>);

#[derive(Debug)]
struct Contents {
    /// The catalog every figure uses.
    catalog: Catalog,
    cloud_templates: Vec<Template>,
    on_prem_templates: Vec<Template>,
}

/// The texts of the bundled files, as fetched.
pub struct BundledFiles {
    /// `catalog/catalog.json`.
    pub manifest: CatalogManifest,
    /// Each provider file the manifest lists, `(name, text)`.
    pub providers: Vec<(String, String)>,
    /// `templates/cloud.json`.
    pub cloud_templates: String,
    /// `templates/onprem.json`.
    pub on_prem_templates: String,
}

/// Where the library is.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryState {
    /// Being fetched.
    Loading,
    /// It could not be fetched or read: why, in words.
    Failed(String),
    /// Ready.
    Ready(Library),
}

impl PartialEq for Library {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Library {
    /// The library of the bundled files.
    ///
    /// # Errors
    /// What is wrong with them, naming the file (a site built from a broken checkout).
    pub fn from_files(files: &BundledFiles) -> Result<Self, String> {
        let providers: Vec<(&str, &str)> = files
            .providers
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_str()))
            .collect();
        let bundled = Catalog::from_files(&files.manifest, &providers)
            .map_err(|p| format!("the catalog files are not valid: {p}"))?;
        let templates = |text: &str, file: &str| {
            nines_core::catalog::templates_from_json(text)
                .map_err(|p| format!("templates/{file} is not valid: {p}"))
        };
        Ok(Self::of(
            bundled,
            templates(&files.cloud_templates, "cloud.json")?,
            templates(&files.on_prem_templates, "onprem.json")?,
        ))
    }

    fn of(
        bundled: Catalog,
        cloud_templates: Vec<Template>,
        on_prem_templates: Vec<Template>,
    ) -> Self {
        Self(Rc::new(Contents {
            catalog: bundled,
            cloud_templates,
            on_prem_templates,
        }))
    }

    /// The catalog every figure uses.
    pub fn catalog(&self) -> &Catalog {
        &self.0.catalog
    }

    /// The cloud pattern templates.
    pub fn cloud_templates(&self) -> &[Template] {
        &self.0.cloud_templates
    }

    /// The on-prem templates.
    pub fn on_prem_templates(&self) -> &[Template] {
        &self.0.on_prem_templates
    }

    /// The entry `id`.
    pub fn get(&self, id: &str) -> Option<&Sla> {
        self.0.catalog.get(id)
    }

    /// The providers in the catalog, in order of first appearance.
    pub fn providers(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for entry in self.0.catalog.entries() {
            if !out.contains(&entry.provider.as_str()) {
                out.push(&entry.provider);
            }
        }
        out
    }
}

/// The library of the checked-in data files, for tests.
#[cfg(test)]
pub fn test_library() -> Library {
    let files = BundledFiles {
        manifest: CatalogManifest::from_json(include_str!("../../data/catalog/catalog.json"))
            .unwrap(),
        providers: vec![
            (
                "azure.json".into(),
                include_str!("../../data/catalog/azure.json").into(),
            ),
            (
                "aws.json".into(),
                include_str!("../../data/catalog/aws.json").into(),
            ),
            (
                "gcp.json".into(),
                include_str!("../../data/catalog/gcp.json").into(),
            ),
        ],
        cloud_templates: include_str!("../../data/templates/cloud.json").into(),
        on_prem_templates: include_str!("../../data/templates/onprem.json").into(),
    };
    Library::from_files(&files).unwrap()
}
