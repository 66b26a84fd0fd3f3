use crate::context::AppContext;
use crate::state::Action;
use crate::tree::{self, NodePath};
use yew::prelude::*;

/// Moves the node at `path` into another group (the keyboard's way between groups; dragging in
/// the list or the diagram does the same).
pub fn move_to(app: &AppContext, path: &NodePath) -> Html {
    let path = path.clone();
    let parent = path
        .split_last()
        .map(|(_, p)| p.to_vec())
        .unwrap_or_default();
    let targets: Vec<(NodePath, String)> = tree::groups(&app.model.root)
        .into_iter()
        .filter(|(group, _)| *group != parent && !group.starts_with(&path))
        .collect();
    if targets.is_empty() {
        return html! {};
    }
    let onchange = {
        let app = app.clone();
        let targets = targets.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some((to, _)) = select
                .value()
                .parse::<usize>()
                .ok()
                .and_then(|i| targets.get(i))
            {
                app.dispatch(Action::MoveTo(path.clone(), to.clone()));
            }
        })
    };
    html! {
        <label class="field compact">
            <span class="label">{"Move to group"}</span>
            <select data-testid="move-to" {onchange}>
                <option value="" selected=true>{"Move to…"}</option>
                {for targets.iter().enumerate().map(|(i, (_, name))| html! { <option value={i.to_string()}>{name}</option> })}
            </select>
        </label>
    }
}
