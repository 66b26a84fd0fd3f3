//! The SLA catalog and templates the app works with: the bundled catalog, fetched from the site
//! at start-up (`catalog/`, `templates/`, copied there by trunk), with the catalogs you
//! imported merged in. Pure: the fetching is in `hooks/use_library.rs`, the storage of your
//! catalogs in `hooks/use_autosave.rs`.

use nines_core::{Catalog, CatalogManifest, Problem, Sla, Template};
use std::rc::Rc;

/// The catalog and templates; cheap to clone, and equal only to its own clones (so that a
/// derived value is recomputed exactly when the library changes).
#[derive(Clone, Debug)]
pub struct Library(Rc<Contents>);

#[derive(Debug)]
struct Contents {
    /// The catalog every figure uses: the bundled one with the imported ones merged in.
    catalog: Catalog,
    /// The catalog as fetched, before any import.
    bundled: Catalog,
    /// The catalogs the user imported, in the order they were merged.
    imported: Vec<Imported>,
    cloud_templates: Vec<Template>,
    on_prem_templates: Vec<Template>,
}

/// A catalog the user imported (their own contracts), as merged into the library.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The file it was read from, e.g. `acme-contracts.json`.
    pub file: String,
    /// Its JSON text, as kept in localStorage.
    pub text: String,
    /// Whether its entries replace bundled ones with the same id.
    pub replace: bool,
    /// The parsed catalog.
    pub catalog: Catalog,
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
            catalog: bundled.clone(),
            bundled,
            imported: Vec::new(),
            cloud_templates,
            on_prem_templates,
        }))
    }

    /// The catalog every figure uses.
    pub fn catalog(&self) -> &Catalog {
        &self.0.catalog
    }

    /// This library with the catalog in `text` (read from `file`) merged in.
    ///
    /// # Errors
    /// Every problem of the file, each with its JSON path (`entries[0].commitment`), or every
    /// id the catalog already has (`entries[2].id`) unless `replace`; the library is unchanged.
    pub fn with_import(&self, file: &str, text: &str, replace: bool) -> Result<Self, Vec<Problem>> {
        let catalog = Catalog::from_json(text).map_err(|p| p.0)?;
        let mut imported = self.0.imported.clone();
        imported.retain(|i| i.file != file);
        imported.push(Imported {
            file: file.to_string(),
            text: text.to_string(),
            replace,
            catalog,
        });
        self.with_imports(imported)
    }

    /// The catalog the analysis worker should use, as catalog JSON text: `None` while nothing
    /// is imported (the JS package bundles the same catalog), else the merged one.
    pub fn worker_catalog(&self) -> Option<String> {
        (!self.0.imported.is_empty()).then(|| self.catalog().to_json())
    }

    /// This library without the imported catalog `file`.
    pub fn without_import(&self, file: &str) -> Self {
        let mut imported = self.0.imported.clone();
        imported.retain(|i| i.file != file);
        // Cannot fail: each remaining catalog merged before onto the same entries and more, so
        // removing one cannot make a new id clash.
        self.with_imports(imported).unwrap_or_else(|_| self.clone())
    }

    /// The bundled catalog with `imported` merged in, in order.
    fn with_imports(&self, imported: Vec<Imported>) -> Result<Self, Vec<Problem>> {
        let mut catalog = self.0.bundled.clone();
        for import in &imported {
            catalog
                .merge(import.catalog.clone(), import.replace)
                .map_err(|p| p.0)?;
        }
        Ok(Self(Rc::new(Contents {
            catalog,
            bundled: self.0.bundled.clone(),
            imported,
            cloud_templates: self.0.cloud_templates.clone(),
            on_prem_templates: self.0.on_prem_templates.clone(),
        })))
    }

    /// The imported catalogs, in the order they were merged.
    pub fn imported(&self) -> &[Imported] {
        &self.0.imported
    }

    /// The imported catalog entry `id` comes from, if it is not the bundled catalog's.
    pub fn origin(&self, id: &str) -> Option<&Imported> {
        self.0
            .imported
            .iter()
            .rev()
            .find(|i| i.catalog.get(id).is_some())
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

#[cfg(test)]
mod tests {
    use super::*;

    const MINE: &str = include_str!("../../tests/e2e/fixtures/acme-contracts.json");
    const CLASH: &str = include_str!("../../tests/e2e/fixtures/acme-clash.json");
    const BAD: &str = include_str!("../../tests/e2e/fixtures/acme-invalid.json");
    const VMS: &str = "azure/virtual-machines/availability-zones";

    #[test]
    fn an_import_merges_and_a_removal_restores_the_bundled_entries() {
        let bundled = test_library();
        let count = bundled.catalog().entries().len();
        let mine = bundled.with_import("mine.json", MINE, false).unwrap();
        assert_eq!(mine.catalog().entries().len(), count + 1);
        let entry = mine.get("acme/hosting/dedicated-server").unwrap();
        assert_eq!(entry.commitment.percent().to_string(), "99.5");
        assert_eq!(
            mine.origin("acme/hosting/dedicated-server").unwrap().file,
            "mine.json"
        );
        assert!(mine.origin(VMS).is_none());
        let version = mine.catalog().version().version;
        assert!(version.ends_with(" + acme-2026.06"), "{version}");

        let replaced = mine.with_import("ea.json", CLASH, true).unwrap();
        assert_eq!(
            replaced.get(VMS).unwrap().commitment.percent().to_string(),
            "99.995"
        );
        assert_eq!(replaced.origin(VMS).unwrap().file, "ea.json");
        let back = replaced.without_import("ea.json");
        assert_eq!(
            back.get(VMS).unwrap().commitment.percent().to_string(),
            "99.99"
        );
        assert_eq!(back.imported().len(), 1);
        assert_eq!(back.catalog().entries().len(), count + 1);
    }

    #[test]
    fn a_refused_import_names_every_problem_by_its_path() {
        let bundled = test_library();
        let paths = |problems: Vec<Problem>| -> Vec<String> {
            problems.iter().map(|p| p.path.to_string()).collect()
        };
        let bad = bundled.with_import("bad.json", BAD, false).unwrap_err();
        assert_eq!(
            paths(bad),
            [
                "entries[0].credit_tiers[0].below",
                "entries[1].id",
                "entries[1].credit_tiers[0].below"
            ]
        );
        let clash = bundled.with_import("ea.json", CLASH, false).unwrap_err();
        assert_eq!(paths(clash.clone()), ["entries[0].id"]);
        assert!(clash[0].message.contains("is already in catalog"));
        assert!(bundled.imported().is_empty());
    }
}
