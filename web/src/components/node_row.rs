use super::row_actions::row_actions;
use crate::context::AppContext;
use crate::describe::{brief_of, group_detail, leaf_id, leaf_label, short_name, source_label};
use crate::hooks::path_key;
use crate::state::Action;
use crate::tree::{self, NodePath};
use nines_core::model::Node;
use yew::prelude::*;

/// One node of the list (at `path`; `role` is "primary" or "standby" in a failover): a tree item with its label, source or parameters, figure and marks
/// (empty, hint), its actions, and its children below.
pub fn node_row(app: &AppContext, path: &NodePath, node: &Node, role: &str) -> Html {
    let selected = app.selected == *path;
    let key = path_key(path);
    let label = leaf_label(node, &app.labels);
    let (name, detail) = match (&label, node) {
        (Some(l), Node::Shared(k)) => (
            l.short(),
            Some(format!("shared “{k}” · one instance, counted once")),
        ),
        (Some(l), _) => (l.short(), l.configuration.clone()),
        (None, group) => (
            group
                .name()
                .map_or_else(|| short_name(group, &app.labels), str::to_string),
            group_detail(group),
        ),
    };
    let report = app.evaluation.report();
    let figure = leaf_id(node)
        .and_then(|id| report?.components.iter().find(|c| c.id == id))
        .map(|c| {
            (
                format!("{}%", brief_of(&c.percent)),
                format!("{}%", c.percent),
            )
        });
    let empty = app.evaluation.empty_groups.contains(path);
    let hints: Vec<String> = app
        .evaluation
        .warnings
        .iter()
        .filter(|w| tree::node_path_of(&w.path).as_ref() == Some(path))
        .map(|w| w.message.clone())
        .collect();
    let kids = tree::children(node);
    let is_group = label.is_none();
    let drop_target = is_group && tree::accepts_children(node);
    let ondragstart = (!path.is_empty()).then(|| {
        let key = key.clone();
        Callback::from(move |e: DragEvent| {
            if let Some(data) = e.data_transfer() {
                let _ = data.set_data("text/plain", &key);
            }
            e.stop_propagation();
        })
    });
    let ondragover = drop_target.then(|| Callback::from(|e: DragEvent| e.prevent_default()));
    let ondrop = drop_target.then(|| {
        let (app, to) = (app.clone(), path.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            let from = e
                .data_transfer()
                .and_then(|d| d.get_data("text/plain").ok())
                .unwrap_or_default();
            let from: NodePath = from.split('.').filter_map(|s| s.parse().ok()).collect();
            if !from.is_empty() {
                app.dispatch(Action::MoveTo(from, to.clone()));
            }
        })
    });
    html! {
        <li role="none" class={classes!("node", format!("kind-{}", node.kind()))}>
            <div class={classes!("row", selected.then_some("selected"), empty.then_some("empty"))}
                draggable={(!path.is_empty()).to_string()} {ondragstart} {ondragover} {ondrop}>
                <span class="node-select" role="treeitem" aria-selected={selected.to_string()}
                    aria-level={(path.len() + 1).to_string()} aria-expanded={(!kids.is_empty()).then_some("true")}
                    data-testid="node" data-path={key.clone()} data-focus={key.clone()}
                    tabindex={if selected { "0" } else { "-1" }} onclick={app.on(Action::Select(path.clone()))}>
                    if !role.is_empty() { <span class="role">{role.to_string()}</span> }
                    <span class="kind" title={source_label(node, &app.model)}>{source_label(node, &app.model).unwrap_or(node.kind())}</span>
                    <span class="name">{name}</span>
                    if let Some(detail) = detail { <span class="detail">{detail}</span> }
                    if empty { <span class="mark empty-mark" data-testid="empty-mark">{"empty — not counted"}</span> }
                    if !hints.is_empty() { <span class="mark hint-mark" title={hints.join("\n")} data-testid="hint-mark">{"⚠ hint"}</span> }
                    if let Some((shown, full)) = figure { <span class="figure" title={full}>{shown}</span> }
                </span>
                {row_actions(app, path, node, selected)}
            </div>
            if !kids.is_empty() {
                <ul role="group">
                    {for kids.into_iter().enumerate().map(|(i, child)| {
                        let mut child_path = path.clone();
                        child_path.push(i);
                        let role = match node { Node::Failover(_) => ["primary", "standby"][i.min(1)], _ => "" };
                        node_row(app, &child_path, child, role)
                    })}
                </ul>
            }
        </li>
    }
}
