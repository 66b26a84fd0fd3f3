//! Models and fragments the app creates: a blank design, the starter design, the node each
//! "add" offers, and the bundled templates. Data only; no evaluation.

use crate::tree::{self, GroupKind};
use nines_core::model::{Component, Group, Model, Node};
use nines_core::{Availability, Sla};

/// An empty design: the "New" button. Nothing to evaluate until a service is added.
pub fn blank_model() -> Model {
    let mut model = Model::new(Node::Serial(Group::of(Vec::new())));
    model.name = Some("Untitled design".to_string());
    model
}

/// A one-component design, for when no example is bundled.
pub fn starter_model() -> Model {
    let mut model = blank_model();
    model.root = Node::Serial(Group::of(vec![custom_component()]));
    model
}

/// A component with a custom percentage (99.9%).
pub fn custom_component() -> Node {
    Node::Component(Box::new(Component {
        id: Some("custom".to_string()),
        name: Some("Custom component".to_string()),
        availability: Availability::parse_percent("99.9").ok(),
        ..Component::default()
    }))
}

/// An on-prem box from MTBF and MTTR (one failure a year, 8 hours to repair).
pub fn on_prem_component() -> Node {
    Node::Component(Box::new(Component {
        id: Some("server".to_string()),
        name: Some("On-prem server".to_string()),
        mtbf_hours: Some(8760.0),
        mttr_hours: Some(8.0),
        ..Component::default()
    }))
}

/// The fields a component of `source` starts with (`custom` or `on_prem`), keeping its id,
/// name and fee.
pub fn with_source(component: &Component, source: &str) -> Option<Component> {
    let fresh = match source {
        "custom" => custom_component(),
        "on_prem" => on_prem_component(),
        _ => return None,
    };
    let Node::Component(fresh) = fresh else {
        return None;
    };
    Some(Component {
        id: component.id.clone(),
        name: component.name.clone(),
        monthly_fee: component.monthly_fee,
        ..*fresh
    })
}

/// A component under the catalog entry `sla`, named by the entry (its label carries the
/// configuration), with an id from the entry's service slug.
pub fn catalog_component(sla: &Sla) -> Node {
    Node::Component(Box::new(Component {
        id: Some(sla.id.split('/').nth(1).unwrap_or("service").to_string()),
        catalog: Some(sla.id.clone()),
        ..Component::default()
    }))
}

/// `current` under the catalog entry `sla` instead: same id and fee; its name goes when it was
/// the old entry's service name (the new entry names itself).
pub fn swapped_component(current: &Component, sla: &Sla, old: Option<&Sla>) -> Component {
    let kept_name = current
        .name
        .clone()
        .filter(|name| old.is_none_or(|o| *name != o.service && *name != o.label()));
    Component {
        id: current.id.clone(),
        name: kept_name,
        catalog: Some(sla.id.clone()),
        monthly_fee: current.monthly_fee,
        ..Component::default()
    }
}

/// An empty group of `kind`, to fill in place.
pub fn empty_group(kind: GroupKind) -> Node {
    tree::convert(Node::Serial(Group::of(Vec::new())), kind)
}
