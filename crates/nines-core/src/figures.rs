//! Per-component figures: each component's availability and the share of the composite
//! unavailability it accounts for (criticality importance), and the weakest link.

use crate::plan::Plan;
use crate::report::ComponentReport;
use std::collections::BTreeMap;

/// Every component's figures, in plan order, from the engine's gradient `∂U/∂uᵢ`.
pub(crate) fn component_reports(plan: &Plan, gradient: &[f64]) -> Vec<ComponentReport> {
    let attributed: Vec<f64> = plan
        .leaves
        .iter()
        .zip(gradient)
        .map(|(leaf, g)| (leaf.availability.unavailability() * g).max(0.0))
        .collect();
    let sum: f64 = attributed.iter().sum();
    // Models reuse a handful of availabilities: format each distinct one once.
    let mut percents: BTreeMap<u64, String> = BTreeMap::new();
    plan.leaves
        .iter()
        .zip(&attributed)
        .map(|(leaf, &attributed)| ComponentReport {
            id: leaf.id.to_string(),
            name: leaf.name.unwrap_or(&leaf.id).to_string(),
            path: plan.path(leaf),
            source: leaf.source.key(),
            catalog: match leaf.source {
                crate::model::ComponentSource::Catalog(id) => Some(id.to_string()),
                _ => None,
            },
            shared: leaf.shared,
            instances: leaf.copies.instances,
            availability: leaf.availability.fraction(),
            unavailability: leaf.availability.unavailability(),
            percent: percents
                .entry(leaf.availability.unavailability().to_bits())
                .or_insert_with(|| leaf.availability.percent())
                .clone(),
            attributed_unavailability: attributed,
            share: if sum > 0.0 { attributed / sum } else { 0.0 },
        })
        .collect()
}

/// The id of the component that accounts for the most unavailability (the first on a tie).
pub(crate) fn weakest_link(components: &[ComponentReport]) -> Option<String> {
    components
        .iter()
        .filter(|c| c.attributed_unavailability > 0.0)
        .fold(None::<&ComponentReport>, |best, c| match best {
            Some(b) if b.attributed_unavailability >= c.attributed_unavailability => Some(b),
            _ => Some(c),
        })
        .map(|c| c.id.clone())
}
