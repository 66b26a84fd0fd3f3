//! [`Catalog`]: a versioned set of [`Sla`] entries, loaded from JSON text.

use crate::model::Node;
use crate::problem::{JsonPath, Problem, Problems};
use crate::sla::{Sla, SourceStatus};
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
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProviderFile {
    #[allow(dead_code)]
    provider: String,
    entries: Vec<Sla>,
}

/// The manifest of a catalog kept as one file per provider (`data/catalog/catalog.json`):
/// `{"version", "date", "files": [...]}`. A shell that fetches the catalog reads it first to
/// learn which files to fetch, then builds the catalog with [`Catalog::from_files`].
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogManifest {
    /// The catalog's version, e.g. `2026.11.29`.
    pub version: String,
    /// The date the catalog was last reviewed.
    #[serde(deserialize_with = "crate::text::date::deserialize_date")]
    pub date: NaiveDate,
    /// The provider files, relative to the manifest (`azure.json`, …), in catalog order.
    pub files: Vec<String>,
}

impl CatalogManifest {
    /// Reads a manifest.
    ///
    /// # Errors
    /// The JSON problem, with its path in `catalog.json`, e.g. a manifest without `files`:
    ///
    /// ```
    /// let problems = nines_core::catalog::CatalogManifest::from_json(r#"{"version": "1", "date": "2026-01-01"}"#);
    /// assert!(problems.unwrap_err().to_string().contains("files"));
    /// ```
    pub fn from_json(text: &str) -> Result<Self, Problems> {
        parse(text, "catalog.json")
    }
}

/// Counts of a catalog's entries, for a README or a review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CatalogSummary {
    /// All entries.
    pub entries: usize,
    /// Entries per provider.
    pub providers: BTreeMap<String, usize>,
    /// Entries per source status.
    pub statuses: BTreeMap<SourceStatus, usize>,
    /// Entries whose credit tiers could not be sourced.
    pub credits_unknown: usize,
}

/// An editable building block (on-prem or a cloud pattern): a model fragment plus the
/// assumptions behind it.
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
        let manifest = CatalogManifest::from_json(bundled::MANIFEST)?;
        Self::from_files(&manifest, &bundled::FILES)
    }

    /// The bundled catalog as far as `model` needs it: every entry if the model names one,
    /// else the version and date alone (all a report of such a model shows of its catalog).
    /// Reading the 450 KB of entries is a sixth of `nines eval` on a 1,000-component model.
    ///
    /// # Errors
    /// As [`Catalog::bundled`].
    #[cfg(feature = "bundled-catalog")]
    pub fn bundled_for(model: &crate::Model) -> Result<Self, Problems> {
        if model.names_catalog_entries() {
            return Self::bundled();
        }
        let manifest = CatalogManifest::from_json(bundled::MANIFEST)?;
        Self::new(manifest.version, manifest.date, Vec::new())
    }

    /// Builds the catalog of `manifest` from its provider files, given as `(name, text)` in any
    /// order (the web app fetches them in parallel); entries keep the manifest's file order.
    ///
    /// # Errors
    /// Every problem, each with its path in its file (`aws.json:entries[3].commitment`), and a
    /// problem for each file the manifest lists that is missing.
    pub fn from_files(
        manifest: &CatalogManifest,
        files: &[(&str, &str)],
    ) -> Result<Self, Problems> {
        let mut problems = Vec::new();
        let mut entries = Vec::new();
        for name in &manifest.files {
            let Some((_, text)) = files.iter().find(|(given, _)| given == name) else {
                let message = format!("{name} is listed in the manifest but was not given");
                problems.push(Problem::value(
                    JsonPath::from("files").in_document("catalog.json"),
                    message,
                ));
                continue;
            };
            match parse::<ProviderFile>(text, name) {
                Ok(file) => entries.extend(file.entries),
                Err(found) => problems.extend(found.0),
            }
        }
        if !problems.is_empty() {
            return Err(Problems(problems));
        }
        Self::new(manifest.version.clone(), manifest.date, entries)
    }

    /// The entries of one provider file of a catalog kept per provider (`{"provider",
    /// "entries"}`, e.g. `data/catalog/aws.json`), checked as [`Catalog::new`] checks a catalog's.
    ///
    /// ```
    /// use nines_core::Catalog;
    /// let problems = Catalog::provider_entries("acme.json", r#"{"provider": "acme", "entries": [
    ///     {"id": "acme/x"}]}"#).unwrap_err();
    /// assert!(problems.to_string().starts_with("acme.json:entries[0]"));
    /// ```
    ///
    /// # Errors
    /// Every problem, with its path in the file (`acme.json:entries[0]`, or `entries[3].id` for
    /// a duplicate id).
    pub fn provider_entries(name: &str, text: &str) -> Result<Vec<Sla>, Problems> {
        let file: ProviderFile = parse(text, name)?;
        Self::new(String::new(), NaiveDate::MIN, file.entries).map(|catalog| catalog.entries)
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

    /// The catalog as one JSON document, `{"version", "date", "entries": [...]}`, which
    /// [`Catalog::from_json`] reads back to the same catalog (a shell hands a merged catalog to
    /// another process or worker this way).
    pub fn to_json(&self) -> String {
        /// [`CatalogDocument`], borrowed.
        #[derive(Serialize)]
        struct Document<'a> {
            version: &'a str,
            date: NaiveDate,
            entries: &'a [Sla],
        }
        let document = Document {
            version: &self.version,
            date: self.date,
            entries: &self.entries,
        };
        serde_json::to_string(&document).unwrap_or_default()
    }

    /// All entries in file order.
    pub fn entries(&self) -> &[Sla] {
        &self.entries
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Sla> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Adds the entries of `other` (a user's own contracts) to this catalog. The version becomes
    /// `this + other`, the date the later of the two.
    ///
    /// # Errors
    /// A problem at `entries[i].id` of `other` for every id this catalog already has, unless
    /// `replace` is set, in which case `other`'s entry replaces the existing one.
    pub fn merge(&mut self, other: Catalog, replace: bool) -> Result<(), Problems> {
        let clashes: Vec<Problem> = other
            .entries
            .iter()
            .enumerate()
            .filter(|(_, entry)| !replace && self.by_id.contains_key(&entry.id))
            .map(|(i, entry)| {
                let message = format!(
                    "id {:?} is already in catalog {}: rename it, or replace entries with the same id on purpose",
                    entry.id, self.version
                );
                Problem::value(JsonPath::from("entries").index(i).key("id"), message)
            })
            .collect();
        if !clashes.is_empty() {
            return Err(Problems(clashes));
        }
        for entry in other.entries {
            match self.by_id.get(&entry.id) {
                Some(&at) => self.entries[at] = entry,
                None => {
                    self.by_id.insert(entry.id.clone(), self.entries.len());
                    self.entries.push(entry);
                }
            }
        }
        self.version = format!("{} + {}", self.version, other.version);
        self.date = self.date.max(other.date);
        Ok(())
    }

    /// Entries whose source is dated before `date`: the ones to review first.
    pub fn stale_before(&self, date: NaiveDate) -> Vec<&Sla> {
        self.entries
            .iter()
            .filter(|e| e.source.as_of < date)
            .collect()
    }

    /// The other configurations of an entry's service (same provider and service, another
    /// id), most available first: what a design could switch to. Empty for an unknown id.
    /// Fees are not the catalog's: a search needs the user's `monthly_fee` for each.
    pub fn alternatives(&self, id: &str) -> Vec<&Sla> {
        let Some(entry) = self.get(id) else {
            return Vec::new();
        };
        let mut found: Vec<&Sla> = self
            .entries()
            .iter()
            .filter(|e| {
                e.id != entry.id && e.provider == entry.provider && e.service == entry.service
            })
            .collect();
        found.sort_by(|a, b| {
            a.commitment
                .unavailability()
                .total_cmp(&b.commitment.unavailability())
                .then_with(|| a.id.cmp(&b.id))
        });
        found
    }

    /// How many entries each provider has, and how many have each source status.
    pub fn summary(&self) -> CatalogSummary {
        let mut summary = CatalogSummary {
            entries: self.entries.len(),
            providers: BTreeMap::new(),
            statuses: BTreeMap::new(),
            credits_unknown: 0,
        };
        for entry in &self.entries {
            *summary.providers.entry(entry.provider.clone()).or_insert(0) += 1;
            *summary.statuses.entry(entry.source.status).or_insert(0) += 1;
            summary.credits_unknown += usize::from(entry.credit_tiers.is_unknown());
        }
        summary
    }

    /// Entries whose id, provider, service or configuration contain every word of `query`
    /// (ASCII case-insensitive), optionally limited to one provider. A word may also be one
    /// that people type for a service (`alb`, `app gateway`, `aks`, `blob`, `bucket`,
    /// `postgres`, `mongo`, `cdn`, …; see [`SYNONYMS`]): it matches the catalog's words for it.
    ///
    /// ```
    /// let catalog = nines_core::Catalog::bundled()?;
    /// let found = catalog.search("app gateway", None);
    /// assert!(found.iter().all(|e| e.id.starts_with("azure/application-gateway/")));
    /// # Ok::<(), nines_core::Problems>(())
    /// ```
    pub fn search<'a>(&'a self, query: &str, provider: Option<&str>) -> Vec<&'a Sla> {
        let terms = terms(query);
        self.of_provider(provider)
            .filter(|e| {
                let haystack = haystack(e);
                terms.iter().all(|t| t.matches(&haystack))
            })
            .collect()
    }

    /// The `count` entries closest to a query that [`Catalog::search`] finds nothing for: most
    /// query words found (with their synonyms), then words one or two typos away
    /// (`kubernets`, `postgress`), then words sharing a four-letter start; catalog order on a
    /// tie. Empty when no word comes close.
    pub fn closest<'a>(
        &'a self,
        query: &str,
        provider: Option<&str>,
        count: usize,
    ) -> Vec<&'a Sla> {
        let terms = terms(query);
        let mut scored: Vec<(u32, usize, &Sla)> = self
            .of_provider(provider)
            .enumerate()
            .map(|(i, e)| {
                let haystack = haystack(e);
                let words: Vec<&str> = haystack
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                let score = terms.iter().map(|t| t.closeness(&haystack, &words)).sum();
                (score, i, e)
            })
            .filter(|(score, _, _)| *score > 0)
            .collect();
        crate::sort::sort_by(&mut scored, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().take(count).map(|(_, _, e)| e).collect()
    }

    fn of_provider<'a>(&'a self, provider: Option<&str>) -> impl Iterator<Item = &'a Sla> {
        let provider = provider.map(str::to_ascii_lowercase);
        self.entries.iter().filter(move |e| {
            provider
                .as_deref()
                .is_none_or(|p| e.provider.eq_ignore_ascii_case(p))
        })
    }
}

/// Words people type for a service (one or two words, lower case), and the words the catalog
/// uses for it: a query word matches an entry that contains it or any of these.
pub const SYNONYMS: &[(&str, &[&str])] = &[
    ("alb", &["load balanc", "application gateway"]),
    ("nlb", &["load balanc"]),
    ("elb", &["elastic load balancing"]),
    ("lb", &["load balanc"]),
    ("gwlb", &["gateway load balancer"]),
    ("app gateway", &["application gateway"]),
    ("appgw", &["application gateway"]),
    ("waf", &["application gateway", "front door"]),
    ("aks", &["kubernetes service"]),
    ("eks", &["eks"]),
    ("gke", &["kubernetes engine"]),
    ("k8s", &["kubernetes", "eks"]),
    ("kube", &["kubernetes", "eks"]),
    ("blob", &["storage accounts"]),
    ("blobs", &["storage accounts"]),
    ("bucket", &["s3", "cloud storage"]),
    ("buckets", &["s3", "cloud storage"]),
    (
        "object storage",
        &["s3", "cloud storage", "storage accounts"],
    ),
    ("gcs", &["cloud storage"]),
    ("postgres", &["postgres", "rds", "aurora"]),
    ("pg", &["postgres", "rds", "aurora"]),
    ("mysql", &["mysql", "rds", "aurora"]),
    ("mssql", &["sql database", "rds"]),
    ("sql server", &["sql database", "rds"]),
    ("mongo", &["cosmos", "dynamodb"]),
    ("mongodb", &["cosmos", "dynamodb"]),
    ("nosql", &["cosmos", "dynamodb", "spanner"]),
    ("cosmos", &["cosmos"]),
    ("dynamo", &["dynamodb"]),
    ("cdn", &["front door", "cloudfront", "cdn"]),
    ("vm", &["virtual machines", "ec2", "compute engine"]),
    ("vms", &["virtual machines", "ec2", "compute engine"]),
    ("server", &["virtual machines", "ec2", "compute engine"]),
    ("serverless", &["functions", "lambda", "fargate"]),
    ("faas", &["functions", "lambda"]),
    ("containers", &["container", "ecs", "fargate", "kubernetes"]),
    (
        "database",
        &["sql", "rds", "aurora", "cosmos", "dynamodb", "spanner"],
    ),
    (
        "db",
        &["sql", "rds", "aurora", "cosmos", "dynamodb", "spanner"],
    ),
    ("route53", &["route 53"]),
];

/// One word of a query (or a two-word synonym such as `app gateway`) and what it may match.
struct Term {
    word: String,
    alternatives: &'static [&'static str],
}

impl Term {
    fn matches(&self, haystack: &str) -> bool {
        haystack.contains(self.word.as_str())
            || self.alternatives.iter().any(|a| haystack.contains(a))
    }

    /// 3 for a match, 2 for a word one or two typos away, 1 for a shared four-letter start.
    fn closeness(&self, haystack: &str, words: &[&str]) -> u32 {
        if self.matches(haystack) {
            return 3;
        }
        let typos = if self.word.len() >= 7 {
            2
        } else {
            usize::from(self.word.len() >= 4)
        };
        if typos > 0 && words.iter().any(|w| edit_distance(&self.word, w) <= typos) {
            return 2;
        }
        let start: String = self.word.chars().take(4).collect();
        u32::from(start.len() == 4 && words.iter().any(|w| w.starts_with(start.as_str())))
    }
}

/// The query's words, a two-word synonym kept together.
fn terms(query: &str) -> Vec<Term> {
    let words: Vec<String> = query
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let synonyms = |word: &str| {
        SYNONYMS
            .iter()
            .find(|(typed, _)| *typed == word)
            .map(|(_, a)| *a)
    };
    let mut terms = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let pair = words.get(i + 1).map(|next| format!("{} {next}", words[i]));
        if let Some(alternatives) = pair.as_deref().and_then(synonyms) {
            terms.push(Term {
                word: pair.unwrap_or_default(),
                alternatives,
            });
            i += 2;
            continue;
        }
        terms.push(Term {
            alternatives: synonyms(&words[i]).unwrap_or(&[]),
            word: words[i].clone(),
        });
        i += 1;
    }
    terms
}

/// What a query is matched against: id, provider, service and configuration, lower case.
fn haystack(e: &Sla) -> String {
    format!("{} {} {} {}", e.id, e.provider, e.service, e.configuration).to_ascii_lowercase()
}

/// Levenshtein distance between two ASCII-ish words (bytes).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, &y) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(x != y);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
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

/// The cloud pattern templates shipped with nines (`data/templates/cloud.json`): multi-AZ web
/// tier, active-passive region pair, active-active regions behind a global router, queue-based
/// worker; their blocks are catalog entries.
///
/// # Errors
/// Only if the embedded file is invalid, which the test suite rules out.
#[cfg(feature = "bundled-catalog")]
pub fn bundled_cloud_templates() -> Result<Vec<Template>, Problems> {
    let file: TemplateFile = parse(bundled::CLOUD_TEMPLATES, "cloud.json")?;
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
    pub(super) const CLOUD_TEMPLATES: &str = include_str!("../../../data/templates/cloud.json");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(found: &[&Sla]) -> Vec<String> {
        found.iter().map(|e| e.id.clone()).collect()
    }

    fn search(query: &str) -> Vec<String> {
        ids(&Catalog::bundled().unwrap().search(query, None))
    }

    fn services(query: &str) -> Vec<String> {
        let mut found: Vec<String> = search(query)
            .iter()
            .map(|id| {
                id.rsplit_once('/')
                    .map_or(id.clone(), |(s, _)| s.to_string())
            })
            .collect();
        found.dedup();
        found
    }

    /// Every service in `expected` is found for `query`, and nothing outside `allowed`.
    fn finds(query: &str, expected: &[&str], allowed: &[&str]) {
        let found = services(query);
        for service in expected {
            assert!(
                found.iter().any(|f| f == service),
                "{query:?} misses {service}: {found:?}"
            );
        }
        for service in &found {
            assert!(
                expected.contains(&service.as_str()) || allowed.contains(&service.as_str()),
                "{query:?} finds {service}: {found:?}"
            );
        }
    }

    #[test]
    fn search_knows_the_words_people_type() {
        let balancers = [
            "azure/load-balancer",
            "azure/application-gateway",
            "aws/elastic-load-balancing",
            "gcp/cloud-load-balancing",
        ];
        finds("alb", &balancers, &[]);
        finds("ALB", &balancers, &[]);
        finds("elb", &["aws/elastic-load-balancing"], &[]);
        assert_eq!(search("nlb multi"), ["aws/elastic-load-balancing/multi-az"]);
        finds("app gateway", &["azure/application-gateway"], &[]);
        finds("aks", &["azure/kubernetes-service"], &[]);
        finds("eks", &["aws/eks"], &["aws/fargate"]); // Fargate: "for ECS and EKS"
        finds("gke", &["gcp/kubernetes-engine"], &[]);
        finds("blob", &["azure/storage"], &[]);
        finds("bucket", &["aws/s3", "gcp/cloud-storage"], &[]);
        finds(
            "postgres",
            &[
                "azure/database-for-postgresql",
                "aws/rds",
                "aws/aurora",
                "gcp/cloud-sql",
                "gcp/alloydb",
            ],
            &["aws/aurora-dsql"],
        );
        finds("mongo", &["azure/cosmos-db", "aws/dynamodb"], &["aws/dax"]); // DAX: "for DynamoDB"
        finds(
            "cdn",
            &["azure/front-door"],
            &["aws/cloudfront", "gcp/cloud-cdn"],
        );
        assert_eq!(
            search("sql zone"),
            [
                "azure/sql-database/zone-redundant",
                "azure/sql-database/not-zone-redundant",
                "azure/database-for-postgresql/flexible-server-zone-redundant-ha",
                "azure/database-for-postgresql/flexible-server-same-zone-ha"
            ]
        );
        assert!(search("qqq").is_empty());
    }

    #[test]
    fn closest_entries_for_a_query_with_no_match() {
        let catalog = Catalog::bundled().unwrap();
        let closest = |query: &str| ids(&catalog.closest(query, None, 3));
        assert_eq!(
            closest("kubernets"),
            [
                "azure/kubernetes-service/standard-availability-zones",
                "azure/kubernetes-service/standard-no-availability-zones",
                "aws/eks/cluster-endpoint"
            ]
        );
        assert_eq!(
            closest("postgress"),
            [
                "azure/database-for-postgresql/flexible-server-zone-redundant-ha",
                "azure/database-for-postgresql/flexible-server-same-zone-ha",
                "azure/database-for-postgresql/flexible-server-no-ha"
            ]
        );
        assert!(closest("zzzz").is_empty());
        assert_eq!(edit_distance("postgress", "postgresql"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}

#[cfg(test)]
mod merging {
    use super::*;

    fn one(id: &str, as_of: &str, commitment: &str) -> Catalog {
        let text = format!(
            r#"{{"version": "mine", "date": "2026-10-01", "entries": [{{
            "id": "{id}", "provider": "acme", "service": "Hosting", "configuration": "one server",
            "commitment": {commitment}, "window": "calendar_month",
            "downtime_definition": {{"kind": "unavailable_minutes", "text": "down"}},
            "credit_tiers": "unknown", "credit_cap": 100, "claim_window": "30 days",
            "data_guarantee": {{"kind": "not_applicable", "text": ""}},
            "source": {{"url": "https://example.com/contract", "as_of": "{as_of}", "status": "primary"}}}}]}}"#
        );
        match Catalog::from_json(&text) {
            Ok(catalog) => catalog,
            Err(problems) => panic!("{problems}"),
        }
    }

    #[test]
    fn merging_refuses_a_clash_unless_told_to_replace() {
        let mut catalog = one("acme/hosting/server", "2026-01-01", "99.9");
        let clash = catalog
            .merge(one("acme/hosting/server", "2026-02-01", "99.5"), false)
            .err()
            .map(|p| p.to_string());
        assert_eq!(
            clash.as_deref(),
            Some("entries[0].id: id \"acme/hosting/server\" is already in catalog mine: rename it, or replace entries with the same id on purpose")
        );
        assert!(catalog
            .merge(one("acme/hosting/server", "2026-02-01", "99.5"), true)
            .is_ok());
        let entry = catalog
            .get("acme/hosting/server")
            .map(|e| e.commitment.percent());
        assert_eq!(entry.as_deref(), Some("99.5"));
        assert_eq!(catalog.entries().len(), 1);
        assert!(catalog
            .merge(one("acme/hosting/pair", "2020-05-01", "99.95"), false)
            .is_ok());
        assert_eq!(catalog.version().version, "mine + mine + mine");
        let stale = NaiveDate::from_ymd_opt(2021, 1, 1).map(|d| catalog.stale_before(d));
        let stale: Vec<&str> = stale
            .unwrap_or_default()
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(stale, ["acme/hosting/pair"]);
        let summary = catalog.summary();
        assert_eq!((summary.entries, summary.credits_unknown), (2, 2));
        assert_eq!(summary.statuses.get(&SourceStatus::Primary), Some(&2));
    }
}

#[cfg(all(test, feature = "bundled-catalog"))]
mod files {
    use super::*;

    #[test]
    fn a_catalog_read_from_its_files_in_any_order_is_the_bundled_catalog() {
        let manifest = CatalogManifest::from_json(bundled::MANIFEST).unwrap();
        assert_eq!(manifest.files, ["azure.json", "aws.json", "gcp.json"]);
        let mut files = bundled::FILES.to_vec();
        files.reverse();
        let read = Catalog::from_files(&manifest, &files).unwrap();
        assert_eq!(read, Catalog::bundled().unwrap());
    }

    #[test]
    fn a_missing_or_broken_provider_file_names_itself() {
        let manifest = CatalogManifest::from_json(bundled::MANIFEST).unwrap();
        let files = [
            ("azure.json", bundled::FILES[0].1),
            ("aws.json", r#"{"provider": "aws", "entries": 3}"#),
        ];
        let problems: Vec<String> = Catalog::from_files(&manifest, &files)
            .unwrap_err()
            .0
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("aws.json:entries: "),
            "{}",
            problems[0]
        );
        assert_eq!(
            problems[1],
            "catalog.json:files: gcp.json is listed in the manifest but was not given"
        );
    }

    #[test]
    fn a_catalog_written_as_one_document_reads_back_the_same() {
        let bundled = Catalog::bundled().unwrap();
        let mut merged = bundled.clone();
        let mine = Catalog::from_json(&format!(
            r#"{{"version": "mine", "date": "2026-06-01", "entries": [{}]}}"#,
            serde_json::to_string(&bundled.entries()[0])
                .unwrap()
                .replace(&bundled.entries()[0].id, "acme/hosting/server")
        ))
        .unwrap();
        merged.merge(mine, false).unwrap();
        let back = Catalog::from_json(&merged.to_json()).unwrap();
        assert_eq!(back, merged);
        assert_eq!(back.entries().len(), bundled.entries().len() + 1);
    }
}
