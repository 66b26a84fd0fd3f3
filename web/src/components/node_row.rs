use crate::hooks::use_app;
use crate::state::Action;
use crate::tree::{self, NodePath};
use nines_core::model::Node;
use yew::prelude::*;

/// Props of [`NodeRow`].
#[derive(Properties, PartialEq)]
pub struct NodeRowProps {
    /// Where the node sits.
    pub path: NodePath,
    /// The node.
    pub node: Node,
    /// A role label such as "primary" (failover slots).
    #[prop_or_default]
    pub role: AttrValue,
}

/// One node of the architecture tree with its figure, select, move and delete buttons, and
/// its children below.
#[function_component(NodeRow)]
pub fn node_row(props: &NodeRowProps) -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let path = props.path.clone();
    let node = &props.node;
    let selected = app.selected == path;
    let path_text = path
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(".");
    let (label, detail) = match node {
        Node::Shared(key) => (
            app.model
                .shared
                .get(key)
                .and_then(|c| c.name.clone())
                .unwrap_or_else(|| key.clone()),
            Some(format!("{key} · one instance, counted once")),
        ),
        other => describe(other),
    };
    let figure = leaf_id(node).and_then(|id| {
        app.report
            .as_ref()
            .as_ref()
            .ok()?
            .components
            .iter()
            .find(|c| c.id == id)
            .map(|c| format!("{}%", c.percent))
    });
    let action = |action: Action| {
        let app = app.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            app.dispatch(action.clone())
        })
    };
    let is_root = path.is_empty();
    let kids = tree::children(node);
    let roles: &[&str] = if matches!(node, Node::Failover(_)) {
        &["primary", "standby"]
    } else {
        &[]
    };
    html! {
        <li class={classes!("node", format!("kind-{}", node.kind()))}>
            <div class={classes!("row", selected.then_some("selected"))}>
                <button class="node-select" data-testid="node" data-path={path_text.clone()}
                    aria-pressed={selected.to_string()} onclick={action(Action::Select(path.clone()))}>
                    if !props.role.is_empty() { <span class="role">{props.role.clone()}</span> }
                    <span class="kind">{kind_label(node)}</span>
                    <span class="name">{label}</span>
                    if let Some(detail) = detail { <span class="detail">{detail}</span> }
                    if let Some(figure) = figure { <span class="figure">{figure}</span> }
                </button>
                if !is_root {
                    <span class="row-actions">
                        <button aria-label={format!("Move {path_text} up")} title="Move up"
                            onclick={action(Action::Shift(path.clone(), true))}>{"↑"}</button>
                        <button aria-label={format!("Move {path_text} down")} title="Move down"
                            onclick={action(Action::Shift(path.clone(), false))}>{"↓"}</button>
                        <button aria-label={format!("Delete {path_text}")} title="Delete" class="danger"
                            data-testid="node-delete"
                            onclick={action(Action::Delete(path.clone()))}>{"✕"}</button>
                    </span>
                }
            </div>
            if !kids.is_empty() {
                <ul>
                    {for kids.into_iter().enumerate().map(|(i, child)| {
                        let mut child_path = path.clone();
                        child_path.push(i);
                        let role = roles.get(i).copied().unwrap_or("");
                        html! { <NodeRow path={child_path} node={child.clone()} role={role} /> }
                    })}
                </ul>
            }
        </li>
    }
}

/// The component id a leaf reports under.
fn leaf_id(node: &Node) -> Option<&str> {
    match node {
        Node::Component(c) => c.id.as_deref(),
        Node::Shared(key) => Some(key),
        _ => None,
    }
}

fn kind_label(node: &Node) -> &'static str {
    match node {
        Node::Serial(_) => "serial",
        Node::Parallel(_) => "parallel",
        Node::KOfN(_) => "k-of-n",
        Node::Failover(_) => "failover",
        Node::Replicate(_) => "replicate",
        Node::Component(c) if c.catalog.is_some() => "catalog",
        Node::Component(c) if c.sla.is_some() => "contract",
        Node::Component(c) if c.availability.is_some() => "custom",
        Node::Component(_) => "on-prem",
        Node::Shared(_) => "shared",
    }
}

/// A name and a short detail line.
fn describe(node: &Node) -> (String, Option<String>) {
    match node {
        Node::Component(c) => (
            c.name.clone().or_else(|| c.id.clone()).unwrap_or_default(),
            c.id.clone()
                .filter(|id| c.name.is_some() && Some(id) != c.name.as_ref()),
        ),
        Node::Shared(key) => (key.clone(), None),
        Node::KOfN(k) => (
            k.name.clone().unwrap_or_default(),
            Some(format!("{} of {} needed", k.k, k.children.len())),
        ),
        Node::Failover(f) => (
            f.name.clone().unwrap_or_default(),
            Some(format!("switchover {} min", f.switchover_minutes)),
        ),
        Node::Replicate(r) => (
            r.name.clone().unwrap_or_default(),
            Some(format!("{} copies", r.copies)),
        ),
        group => (group.name().unwrap_or_default().to_string(), None),
    }
}
