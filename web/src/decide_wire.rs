//! What the Improve panel shows of the decision answers (the core's `ImproveAnswer` and
//! `OptimizeAnswer`, read back from the analysis worker's JSON), and what it needs from the
//! model to offer them: each component's alternatives.

use nines_core::model::{Component, Model, Node};
use nines_core::report::Design;
use nines_core::Availability;

/// What a design changes, for people: `sql → azure/sql-database/zone-redundant; …`.
pub fn summary(design: &Design) -> String {
    let parts: Vec<String> = design
        .choices
        .iter()
        .map(|c| format!("{} → {}", c.id, c.label))
        .collect();
    match parts.is_empty() {
        true => "as written".to_string(),
        false => parts.join("; "),
    }
}

/// A fraction as the CLI prints it: a percentage with every significant digit, by the core.
pub fn percent(fraction: f64) -> String {
    Availability::from_unavailability((1.0 - fraction).clamp(0.0, 1.0))
        .map_or_else(|_| "?".to_string(), Availability::percent)
}

/// The nines of a fraction (−log10 of its unavailability, by the core); `None` for 100%.
pub fn nines(fraction: f64) -> Option<f64> {
    Availability::from_unavailability((1.0 - fraction).clamp(0.0, 1.0))
        .ok()
        .and_then(Availability::nines)
}

/// One alternative a component lists, as the Try button offers it.
#[derive(Clone, Debug, PartialEq)]
pub struct Alternative {
    /// Its choice number for `decide::apply` (1-based).
    pub choice: u32,
    /// Its catalog id, name or availability.
    pub label: String,
    /// Its monthly fee as written, if any.
    pub fee: Option<String>,
}

/// The alternatives of the component with this id (or shared key), in the model's order.
pub fn alternatives(model: &Model, id: &str) -> Vec<Alternative> {
    find(model, id).map_or_else(Vec::new, |c| {
        c.alternatives
            .iter()
            .zip(1..)
            .map(|(alt, choice)| Alternative {
                choice,
                label: alt
                    .catalog
                    .clone()
                    .or_else(|| alt.name.clone())
                    .or_else(|| alt.availability.map(|a| format!("{}%", a.percent())))
                    .unwrap_or_else(|| format!("alternative {choice}")),
                fee: alt.monthly_fee.map(|m| m.to_string()),
            })
            .collect()
    })
}

/// The component with this id, in the tree or under `shared`.
fn find<'m>(model: &'m Model, id: &str) -> Option<&'m Component> {
    fn walk<'n>(node: &'n Node, id: &str) -> Option<&'n Component> {
        match node {
            Node::Component(c) => (c.id.as_deref() == Some(id)).then_some(c),
            Node::Shared(_) => None,
            group => crate::tree::children(group)
                .into_iter()
                .find_map(|c| walk(c, id)),
        }
    }
    model.shared.get(id).or_else(|| walk(&model.root, id))
}
