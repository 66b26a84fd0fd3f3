use super::field::Field;
use crate::tree::{self, GroupKind};
use nines_core::model::Node;
use yew::prelude::*;

/// Props of [`GroupForm`].
#[derive(Properties, PartialEq)]
pub struct GroupFormProps {
    /// The group edited.
    pub node: Node,
    /// Called with the edited group.
    pub on_change: Callback<Node>,
}

/// Edits a group: its name, kind and the kind's parameters.
#[function_component(GroupForm)]
pub fn group_form(props: &GroupFormProps) -> Html {
    let node = &props.node;
    let edit = |apply: fn(&mut Node, &str) -> Result<(), String>| {
        let node = node.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |text: String| {
            let mut edited = node.clone();
            match apply(&mut edited, text.trim()) {
                Ok(()) => {
                    on_change.emit(edited);
                    None
                }
                Err(message) => Some(message),
            }
        })
    };
    let on_kind = {
        let node = node.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(kind) = GroupKind::from_key(&select.value()) {
                on_change.emit(tree::convert(node.clone(), kind));
            }
        })
    };
    let kind = GroupKind::of(node);
    html! {
        <div class="form group-form" data-testid="group-form">
            <Field label="Group name" value={node.name().unwrap_or_default().to_string()} testid="group-name"
                on_commit={edit(|node, text| {
                    let name = (!text.is_empty()).then(|| text.to_string());
                    match node {
                        Node::Serial(g) | Node::Parallel(g) => g.name = name,
                        Node::KOfN(k) => k.name = name,
                        Node::Failover(f) => f.name = name,
                        Node::Replicate(r) => r.name = name,
                        _ => {}
                    }
                    Ok(())
                })} />
            <label class="field">
                <span class="label">{"Kind"}</span>
                <select onchange={on_kind} data-testid="group-kind">
                    {for GroupKind::ALL.into_iter().map(|k| html! {
                        <option value={k.key()} selected={kind == Some(k)}>{k.label()}</option>
                    })}
                </select>
            </label>
            {match node {
                Node::KOfN(k) => html! {
                    <Field label={format!("k: how many of the {} must be up", k.children.len())} kind="number"
                        value={k.k.to_string()} testid="group-k" on_commit={edit(|node, text| {
                            if let Node::KOfN(k) = node { k.k = whole(text)?; }
                            Ok(())
                        })} />
                },
                Node::Failover(f) => html! {
                    <>
                        <Field label="Switchover time per primary failure" unit="minutes" testid="group-switchover"
                            value={f.switchover_minutes.to_string()} on_commit={edit(|node, text| {
                                if let Node::Failover(f) = node { f.switchover_minutes = positive(text)?; }
                                Ok(())
                            })} />
                        <Field label="Primary failures per year" unit="per year" testid="group-incidents"
                            value={f.incidents_per_year.map(|v| v.to_string()).unwrap_or_default()}
                            placeholder="from MTBF when empty"
                            on_commit={edit(|node, text| {
                                if let Node::Failover(f) = node {
                                    f.incidents_per_year = if text.is_empty() { None } else { Some(positive(text)?) };
                                }
                                Ok(())
                            })} />
                    </>
                },
                Node::Replicate(r) => html! {
                    <Field label="Copies (any one suffices)" kind="number" value={r.copies.to_string()}
                        testid="group-copies" on_commit={edit(|node, text| {
                            if let Node::Replicate(r) = node { r.copies = whole(text)?; }
                            Ok(())
                        })} />
                },
                _ => html! {},
            }}
        </div>
    }
}

fn whole(text: &str) -> Result<u32, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not a whole number"))
}

fn positive(text: &str) -> Result<f64, String> {
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .ok_or_else(|| format!("{text:?} is not a number ≥ 0"))
}
