//! [`Catalog`]: a versioned set of [`Sla`] entries, loaded from JSON text.

use crate::model::Node;
use crate::problem::{JsonPath, Problem, Problems};
use crate::sla::Sla;
use crate::text::json::from_json;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A versioned collection of SLA entries.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    version: String,
    date: NaiveDate,
    entries: Vec<Sla>,
    by_id: BTreeMap<String, usize>,
}

/// The catalog version and date a report was computed with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogVersion {
    /// e.g. `2026.11.25`.
    pub version: String,
    /// The date the catalog was last reviewed.
    #[serde(deserialize_with = "crate::text::date::deserialize_date")]
    pub date: NaiveDate,
}

/// A whole catalog in one JSON document: `{"version", "date", "entries": [...]}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogDocument {
    version: String,
    #[serde(deserialize_with = "crate::text::date::deserialize_date")]
    date: NaiveDate,
    entries: Vec<Sla>,
}

/// One provider's file of the bundled catalog: `{"provider", "entries": [...]}`.
#[cfg(feature = "bundled-catalog")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProviderFile {
    #[allow(dead_code)]
    provider: String,
    entries: Vec<Sla>,
}

/// The bundled catalog's manifest: `{"version", "date", "files": [...]}`.
#[cfg(feature = "bundled-catalog")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    version: String,
    #[serde(deserialize_with = "crate::text::date::deserialize_date")]
    date: NaiveDate,
    #[allow(dead_code)]
    files: Vec<String>,
}

/// An editable on-prem building block: a model fragment plus the assumptions behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Stable id, e.g. `onprem/single-server`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What it models.
    pub description: String,
    /// The assumed numbers, stated as assumptions rather than contracts.
    pub assumptions: Vec<String>,
    /// The fragment to insert into a model.
    pub node: Node,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFile {
    templates: Vec<Template>,
}

impl Catalog {
    /// Parses a catalog document `{"version": "...", "date": "YYYY-MM-DD", "entries": [...]}`.
    ///
    /// # Errors
    /// Every problem found, each with its JSON path: malformed JSON, unknown fields, duplicate
    /// ids, inconsistent tiers.
    pub fn from_json(text: &str) -> Result<Self, Problems> {
        let doc: CatalogDocument = parse(text, "")?;
        Self::new(doc.version, doc.date, doc.entries)
    }

    /// Builds a catalog from entries, validating ids and tiers.
    ///
    /// # Errors
    /// Every problem found, with paths such as `entries[3].credit_tiers[1].below`.
    pub fn new(version: String, date: NaiveDate, entries: Vec<Sla>) -> Result<Self, Problems> {
        let mut problems = Vec::new();
        let mut by_id = BTreeMap::new();
        for (i, entry) in entries.iter().enumerate() {
            let at = JsonPath::from("entries").index(i);
            if by_id.insert(entry.id.clone(), i).is_some() {
                let message = format!("duplicate id {:?}", entry.id);
                problems.push(Problem::value(at.clone().key("id"), message));
            }
            problems.extend(entry.problems().into_iter().map(|p| p.under(&at)));
        }
        if problems.is_empty() {
            Ok(Self {
                version,
                date,
                entries,
                by_id,
            })
        } else {
            Err(Problems(problems))
        }
    }

    /// The catalog shipped with nines (`data/catalog/*.json`, embedded at build time).
    ///
    /// # Errors
    /// Only if the embedded files are invalid, which the test suite rules out; shells treat it
    /// as an internal error.
    #[cfg(feature = "bundled-catalog")]
    pub fn bundled() -> Result<Self, Problems> {
        let manifest: Manifest = parse(bundled::MANIFEST, "catalog.json")?;
        let mut entries = Vec::new();
        for (name, text) in bundled::FILES {
            let file: ProviderFile = parse(text, name)?;
            entries.extend(file.entries);
        }
        Self::new(manifest.version, manifest.date, entries)
    }

    /// An empty catalog, for models that use no catalog entries.
    pub fn empty() -> Self {
        Self {
            version: "none".to_string(),
            date: NaiveDate::MIN,
            entries: Vec::new(),
            by_id: BTreeMap::new(),
        }
    }

    /// Version and date.
    pub fn version(&self) -> CatalogVersion {
        CatalogVersion {
            version: self.version.clone(),
            date: self.date,
        }
    }

    /// All entries in file order.
    pub fn entries(&self) -> &[Sla] {
        &self.entries
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Sla> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Entries whose id, service or configuration contain every word of `query`
    /// (ASCII case-insensitive), optionally limited to one provider.
    pub fn search<'a>(&'a self, query: &str, provider: Option<&str>) -> Vec<&'a Sla> {
        let words: Vec<String> = query
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect();
        self.entries
            .iter()
            .filter(|e| provider.is_none_or(|p| e.provider.eq_ignore_ascii_case(p)))
            .filter(|e| {
                let haystack = format!("{} {} {} {}", e.id, e.provider, e.service, e.configuration)
                    .to_ascii_lowercase();
                words.iter().all(|w| haystack.contains(w.as_str()))
            })
            .collect()
    }
}

/// The on-prem templates shipped with nines (`data/templates/onprem.json`).
///
/// # Errors
/// Only if the embedded file is invalid, which the test suite rules out.
#[cfg(feature = "bundled-catalog")]
pub fn bundled_templates() -> Result<Vec<Template>, Problems> {
    let file: TemplateFile = parse(bundled::TEMPLATES, "onprem.json")?;
    Ok(file.templates)
}

/// Parses templates from JSON text `{"templates": [...]}`.
///
/// # Errors
/// The first JSON problem, with its path.
pub fn templates_from_json(text: &str) -> Result<Vec<Template>, Problems> {
    let file: TemplateFile = parse(text, "")?;
    Ok(file.templates)
}

fn parse<T: serde::de::DeserializeOwned>(text: &str, file: &str) -> Result<T, Problems> {
    from_json(text).map_err(|mut problem: Problem| {
        if !file.is_empty() {
            problem.path = problem.path.in_document(file);
        }
        Problems::from(problem)
    })
}

#[cfg(feature = "bundled-catalog")]
mod bundled {
    pub(super) const MANIFEST: &str = include_str!("../../../data/catalog/catalog.json");
    pub(super) const FILES: [(&str, &str); 3] = [
        (
            "azure.json",
            include_str!("../../../data/catalog/azure.json"),
        ),
        ("aws.json", include_str!("../../../data/catalog/aws.json")),
        ("gcp.json", include_str!("../../../data/catalog/gcp.json")),
    ];
    pub(super) const TEMPLATES: &str = include_str!("../../../data/templates/onprem.json");
}
