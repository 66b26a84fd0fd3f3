use super::field::Field;
use crate::bind::edit;
use crate::parse::{number, optional_number, whole};
use nines_core::model::Node;
use yew::prelude::*;

/// The parameters of `node`'s kind (edits go to `on_change`): k, switchover and failure rate, copies.
pub fn group_params(node: &Node, on_change: &Callback<Node>) -> Html {
    match node {
        Node::KOfN(k) => html! {
            <Field label={format!("k: how many of the {} must be up", k.children.len())} kind="number"
                value={k.k.to_string()} testid="group-k" on_commit={edit(node, on_change, |node, text| {
                    if let Node::KOfN(k) = node { k.k = whole(text)?; }
                    Ok(())
                })} />
        },
        Node::Failover(f) => html! {
            <>
                <Field label="Switchover time per primary failure" unit="minutes" testid="group-switchover"
                    value={f.switchover_minutes.to_string()} on_commit={edit(node, on_change, |node, text| {
                        if let Node::Failover(f) = node { f.switchover_minutes = number(text, "a number of minutes ≥ 0")?; }
                        Ok(())
                    })} />
                <Field label="Primary failures per year" unit="per year" testid="group-incidents"
                    value={f.incidents_per_year.map(|v| v.to_string()).unwrap_or_default()}
                    placeholder="from MTBF when empty"
                    on_commit={edit(node, on_change, |node, text| {
                        if let Node::Failover(f) = node { f.incidents_per_year = optional_number(text, "a rate ≥ 0")?; }
                        Ok(())
                    })} />
            </>
        },
        Node::Replicate(r) => html! {
            <Field label="Copies (any one suffices)" kind="number" value={r.copies.to_string()}
                testid="group-copies" on_commit={edit(node, on_change, |node, text| {
                    if let Node::Replicate(r) = node { r.copies = whole(text)?; }
                    Ok(())
                })} />
        },
        _ => html! {},
    }
}
