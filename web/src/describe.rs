//! Words for nodes, shared by the list and the diagram: a group's kind and parameters, a
//! component's source, and the short name buttons use ("Delete Web app").

use crate::labels::{Label, Labels};
use nines_core::model::{ComponentSource, Model, Node};

/// A group's kind for people.
pub fn kind_name(node: &Node) -> &'static str {
    match node {
        Node::Serial(_) => "Serial",
        Node::Parallel(_) => "Parallel",
        Node::KOfN(_) => "k-of-n",
        Node::Failover(_) => "Failover",
        Node::Replicate(_) => "Replicate",
        Node::Component(_) => "Component",
        Node::Shared(_) => "Shared",
    }
}

/// A component's source for people (`Catalog SLA`, `Custom percentage`, …), from nines-core.
pub fn source_label(node: &Node, model: &Model) -> Option<&'static str> {
    let component = match node {
        Node::Component(c) => c,
        Node::Shared(key) => model.shared.get(key)?,
        _ => return None,
    };
    component.source().map(ComponentSource::label)
}

/// A group's parameters: `any 1 of 2`, `2 of 3 needed`, `switchover 15 min`, `×2 copies`.
pub fn group_detail(node: &Node) -> Option<String> {
    match node {
        Node::Serial(g) => Some(format!("all {} needed", g.children.len())),
        Node::Parallel(g) => Some(format!("any 1 of {}", g.children.len())),
        Node::KOfN(k) => Some(format!("{} of {} needed", k.k, k.children.len())),
        Node::Failover(f) => Some(format!("switchover {} min", f.switchover_minutes)),
        Node::Replicate(r) => Some(format!("×{} copies, any one suffices", r.copies)),
        Node::Component(_) | Node::Shared(_) => None,
    }
}

/// The label of a leaf (a component, or a use of a shared one).
pub fn leaf_label(node: &Node, labels: &Labels) -> Option<Label> {
    match node {
        Node::Component(c) => Some(labels.label(c.id.as_deref().unwrap_or("component"))),
        Node::Shared(key) => Some(labels.label(key)),
        _ => None,
    }
}

/// The id a leaf reports under (a shared component's key).
pub fn leaf_id(node: &Node) -> Option<&str> {
    match node {
        Node::Component(c) => c.id.as_deref(),
        Node::Shared(key) => Some(key),
        _ => None,
    }
}

/// The short name buttons and announcements use: a leaf's name, a group's name or kind.
pub fn short_name(node: &Node, labels: &Labels) -> String {
    match leaf_label(node, labels) {
        Some(label) => label.short(),
        None => node
            .name()
            .map_or_else(|| format!("{} group", kind_name(node)), str::to_string),
    }
}

/// `text` in at most `chars` characters, cut at a word boundary with "…".
pub fn fit(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(chars.saturating_sub(1)).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&i| i > chars / 2)
        .map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ' ', '(', '·']))
}

/// A UTC time to the minute: `2026-02-10 10:00`.
pub fn minute(t: chrono::NaiveDateTime) -> String {
    use chrono::Timelike;
    format!("{} {:02}:{:02}", t.date(), t.hour(), t.minute())
}

/// A time's month: `2026-02`.
pub fn month_of(t: chrono::NaiveDateTime) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}", t.year(), t.month())
}

/// A report's availability with the digits that carry information (three significant digits
/// of unavailability: `99.9399`); the full figure is `report.percent`.
pub fn brief_percent(report: &nines_core::Report) -> String {
    nines_core::Availability::from_unavailability(report.unavailability)
        .map_or_else(|_| report.percent.clone(), |a| a.percent_significant(3))
}

/// A percentage nines-core printed with every digit (`"99.9087591240876"`), with the digits that
/// carry information (`"99.9088"`); the full value belongs on hover.
pub fn brief_of(percent: &str) -> String {
    nines_core::Availability::parse_percent(percent)
        .map_or_else(|_| percent.to_string(), |a| a.percent_significant(3))
}
