//! The example models offered in the examples menu: the files in `data/examples`, listed here
//! once.

/// `(file name, JSON text)` of every bundled example.
pub const EXAMPLES: [(&str, &str); 8] = [
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
    (
        "hosting-business-hours.json",
        include_str!("../../data/examples/hosting-business-hours.json"),
    ),
    (
        "cloud-business-hours.json",
        include_str!("../../data/examples/cloud-business-hours.json"),
    ),
];

/// What opening the example `file` does: load it, or (when it names time zones and the zone
/// table is not loaded yet) wait for the table.
pub fn open_example(file: &str) -> Option<crate::state::Action> {
    use crate::state::{Action, Loaded, Pending};
    let (_, text) = EXAMPLES.iter().find(|(name, _)| *name == file)?;
    if crate::zones::needed(text) {
        return Some(Action::Wait(Box::new(Pending {
            label: title(file),
            example: Some(file.to_string()),
            file: None,
            text: text.to_string(),
            quiet: false,
        })));
    }
    let model = example(file)?;
    Some(Action::Load(Box::new(Loaded {
        label: title(file),
        example: Some(file.to_string()),
        model,
    })))
}

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
                let name = serde_json::from_str::<serde_json::Value>(text)
                    .ok()
                    .and_then(|m| m.get("name")?.as_str().map(str::to_string));
                (*file, name.unwrap_or_else(|| file.to_string()))
            })
            .collect()
    });
    titles
        .iter()
        .find(|(f, _)| *f == file)
        .map_or_else(|| file.to_string(), |(_, name)| name.clone())
}
