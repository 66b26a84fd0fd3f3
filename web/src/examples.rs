//! The example models offered in the examples menu: the files in `data/examples`, listed here
//! once.

/// `(file name, JSON text)` of every bundled example.
pub const EXAMPLES: [(&str, &str); 6] = [
    (
        "azure-web-sql.json",
        include_str!("../../data/examples/azure-web-sql.json"),
    ),
    (
        "azure-two-regions.json",
        include_str!("../../data/examples/azure-two-regions.json"),
    ),
    (
        "aws-three-tier.json",
        include_str!("../../data/examples/aws-three-tier.json"),
    ),
    (
        "onprem-pair.json",
        include_str!("../../data/examples/onprem-pair.json"),
    ),
    (
        "cloud-pair.json",
        include_str!("../../data/examples/cloud-pair.json"),
    ),
    (
        "backup-storage.json",
        include_str!("../../data/examples/backup-storage.json"),
    ),
];

/// The model of the example with this file name.
pub fn example(file: &str) -> Option<nines_core::Model> {
    EXAMPLES
        .iter()
        .find(|(name, _)| *name == file)
        .and_then(|(_, text)| nines_core::Model::from_json(text).ok())
}

/// A display name for an example: the model's own name, or its file name (each example is
/// read once).
pub fn title(file: &str) -> String {
    static TITLES: std::sync::OnceLock<Vec<(&'static str, String)>> = std::sync::OnceLock::new();
    let titles = TITLES.get_or_init(|| {
        EXAMPLES
            .iter()
            .map(|(file, text)| {
                let name = nines_core::Model::from_json(text).ok().and_then(|m| m.name);
                (*file, name.unwrap_or_else(|| file.to_string()))
            })
            .collect()
    });
    titles
        .iter()
        .find(|(f, _)| *f == file)
        .map_or_else(|| file.to_string(), |(_, name)| name.clone())
}
