//! How the app names components: a catalog component's label carries its configuration
//! ("Amazon RDS (Multi-AZ DB Instance)"), and two components that would read the same are told
//! apart by their ids. Every view (tree, diagram, charts, credit table, compare) uses these.

use crate::tree;
use nines_core::model::{Component, Model, Node};
use nines_core::Catalog;
use std::collections::BTreeMap;

/// A component's name and, for an SLA, the configuration the commitment is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// The user's name, else the SLA's service, else the id.
    pub name: String,
    /// The SLA's configuration, unless the name already says it.
    pub configuration: Option<String>,
    /// Added when another component would read the same.
    pub id_suffix: Option<String>,
}

impl Label {
    /// The label of `component` (whose id, or shared key, is `id`), its SLA from `catalog`.
    pub fn of(component: &Component, id: &str, catalog: &Catalog) -> Self {
        let inline = component.sla.as_deref();
        let sla = inline.or_else(|| component.catalog.as_deref().and_then(|c| catalog.get(c)));
        let name = component
            .name
            .clone()
            .or_else(|| sla.map(|s| s.service.clone()))
            .unwrap_or_else(|| id.to_string());
        let configuration = sla
            .filter(|s| name != s.label() && !name.contains(&s.configuration))
            .map(|s| s.configuration.clone());
        Self {
            name,
            configuration,
            id_suffix: None,
        }
    }

    /// The name, with the id when needed to tell twins apart: `Amazon EC2 · ec2-2`.
    pub fn short(&self) -> String {
        match &self.id_suffix {
            Some(id) => format!("{} · {id}", self.name),
            None => self.name.clone(),
        }
    }

    /// The whole label: `Name · id (configuration)`, the id (when needed to tell twins apart)
    /// before the configuration so that a shortened label still shows it.
    pub fn text(&self) -> String {
        let mut text = self.short();
        if let Some(configuration) = &self.configuration {
            text = format!("{text} ({configuration})");
        }
        text
    }
}

/// Every component's label by id (shared components by key), told apart where they would read
/// the same.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Labels(BTreeMap<String, Label>);

impl Labels {
    /// The labels of every component in `model`, their SLAs from `catalog`.
    pub fn of(model: &Model, catalog: &Catalog) -> Self {
        let mut labels = BTreeMap::new();
        for (key, component) in &model.shared {
            labels.insert(key.clone(), Label::of(component, key, catalog));
        }
        fn walk(node: &Node, catalog: &Catalog, labels: &mut BTreeMap<String, Label>) {
            match node {
                Node::Component(c) => {
                    if let Some(id) = &c.id {
                        labels.insert(id.clone(), Label::of(c, id, catalog));
                    }
                }
                Node::Shared(_) => {}
                group => tree::children(group)
                    .into_iter()
                    .for_each(|c| walk(c, catalog, labels)),
            }
        }
        walk(&model.root, catalog, &mut labels);
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for label in labels.values() {
            *seen.entry(label.text()).or_default() += 1;
        }
        for (id, label) in &mut labels {
            if seen.get(&label.text()).is_some_and(|n| *n > 1) {
                label.id_suffix = Some(id.clone());
            }
        }
        Self(labels)
    }

    /// The label of the component with this id (the id itself when unknown).
    pub fn label(&self, id: &str) -> Label {
        self.0.get(id).cloned().unwrap_or(Label {
            name: id.to_string(),
            configuration: None,
            id_suffix: None,
        })
    }

    /// The whole label of the component with this id.
    pub fn text(&self, id: &str) -> String {
        self.label(id).text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_labels_carry_their_configuration_and_twins_are_told_apart() {
        let model = Model::from_json(
            r#"{"root": {"serial": {"children": [
                {"component": {"id": "db", "catalog": "aws/rds/multi-az-db-instance"}},
                {"component": {"id": "web", "name": "Web", "catalog": "aws/ec2/region-level-multi-az"}},
                {"component": {"id": "vm", "catalog": "aws/ec2/instance-level-single-instance"}},
                {"component": {"id": "vm-2", "catalog": "aws/ec2/instance-level-single-instance"}},
                {"component": {"id": "box", "availability": 99}}]}}}"#,
        )
        .unwrap();
        let labels = Labels::of(&model, crate::library::test_library().catalog());
        assert_eq!(labels.text("db"), "Amazon RDS (Multi-AZ DB Instance)");
        assert!(labels.text("web").starts_with("Web (All running instances"));
        assert_eq!(
            labels.text("vm"),
            "Amazon EC2 · vm (A single EC2 instance (Instance-Level SLA))"
        );
        assert!(labels.text("vm-2").starts_with("Amazon EC2 · vm-2 ("));
        assert_eq!(labels.text("box"), "box");
        assert_eq!(labels.text("missing"), "missing");
    }
}
