//! The decision answers as the analysis worker sends them (the JSON of `nines improve|optimize
//! --json`), read with small local structs, and what the Improve panel needs from the model
//! to offer them: each component's alternatives, a design's choices for `decide::apply`.

use nines_core::model::{Component, Model, Node};
use nines_core::report::Choice;
use nines_core::Availability;
use serde::Deserialize;

/// A number read to the very `f64` the core wrote (serde_json's own parser can be one unit in
/// the last place off, which shows in a percentage with every digit).
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
pub struct Exact(#[serde(deserialize_with = "nines_core::exact_f64")] pub f64);

/// `nines improve --json`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Improve {
    /// The target, percent.
    pub target: f64,
    /// The design's availability, fraction.
    pub availability: Exact,
    /// What each component alone would need.
    pub components: Vec<Need>,
    /// What each group would need.
    pub groups: Vec<GroupNeed>,
}

/// One component's need and importance.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Need {
    /// The component's id (a shared component's key).
    pub id: String,
    /// Fraction; `None` when even a perfect component cannot reach the target.
    pub required_availability: Option<Exact>,
    /// `met`, `possible` or `impossible`.
    pub status: String,
    /// ∂U/∂uᵢ.
    pub birnbaum: f64,
    /// Risk achievement worth (`None`: infinite).
    pub raw: Option<f64>,
    /// Risk reduction worth (`None`: infinite).
    pub rrw: Option<f64>,
}

/// One group's need.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GroupNeed {
    /// The group's path in the model (`root.serial.children[1].replicate`).
    pub path: String,
    /// `replicate`, `parallel` or `k_of_n`.
    pub kind: String,
    /// Its copies, members or `k` now.
    pub current: u32,
    /// What meets the target, if anything does.
    pub required: Option<u32>,
}

/// `nines optimize --json`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Optimize {
    /// The target, percent.
    pub target: f64,
    /// Whether the answer is proven optimal.
    pub optimal: bool,
    /// Combinations evaluated.
    pub evaluated: u64,
    /// Combinations in all.
    pub combinations: u64,
    /// The model's currency.
    pub currency: String,
    /// The design as written.
    pub current: Design,
    /// The cheapest design that meets the target.
    pub cheapest: Option<Design>,
    /// The Pareto frontier, cheapest first.
    pub frontier: Vec<Design>,
}

/// A design found by the search.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Design {
    /// Per month, in the model's currency (`"1359.00"`).
    pub monthly_fee: String,
    /// Fraction.
    pub availability: Exact,
    /// What differs from the model as written.
    pub choices: Vec<WireChoice>,
}

/// One choice of a design.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct WireChoice {
    /// A component id or a group's path.
    pub id: String,
    /// An alternative (1-based; 0 = as written) or a count.
    pub choice: u32,
    /// For people (`azure/sql-database/zone-redundant`, `2 copies`).
    pub label: String,
}

impl Design {
    /// The choices as `decide::apply` takes them.
    pub fn choices(&self) -> Vec<Choice> {
        self.choices
            .iter()
            .map(|c| Choice {
                id: c.id.clone(),
                choice: c.choice,
                label: c.label.clone(),
            })
            .collect()
    }

    /// What changes, for people: `sql → azure/sql-database/zone-redundant; …`.
    pub fn summary(&self) -> String {
        let parts: Vec<String> = self
            .choices
            .iter()
            .map(|c| format!("{} → {}", c.id, c.label))
            .collect();
        match parts.is_empty() {
            true => "as written".to_string(),
            false => parts.join("; "),
        }
    }
}

/// A monthly fee as the app writes money (`1,359.00`), read by the core.
pub fn fee(text: &str) -> String {
    nines_core::Money::parse(text).map_or_else(|_| text.to_string(), |m| m.to_string())
}

/// A fraction as the CLI prints it: a percentage with every significant digit, by the core.
pub fn percent(fraction: Exact) -> String {
    Availability::from_unavailability((1.0 - fraction.0).clamp(0.0, 1.0))
        .map_or_else(|_| "?".to_string(), Availability::percent)
}

/// The nines of a fraction (−log10 of its unavailability, by the core); `None` for 100%.
pub fn nines(fraction: Exact) -> Option<f64> {
    Availability::from_unavailability((1.0 - fraction.0).clamp(0.0, 1.0))
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
