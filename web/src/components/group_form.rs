use super::field::Field;
use super::group_params::group_params;
use crate::bind::edit;
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
    let on_kind = {
        let (node, on_change) = (node.clone(), props.on_change.clone());
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
                on_commit={edit(node, &props.on_change, |node, text| {
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
            {group_params(node, &props.on_change)}
        </div>
    }
}
