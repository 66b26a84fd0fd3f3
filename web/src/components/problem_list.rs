use nines_core::{JsonPath, Problem};
use yew::prelude::*;

/// Problems with their JSON paths (none for a problem with the whole file, e.g. "not a JSON
/// file"), under `title`, with a dismiss button when `on_dismiss` is given.
pub fn problem_list(
    title: &str,
    problems: &[Problem],
    testid: &'static str,
    on_dismiss: Option<Callback<MouseEvent>>,
) -> Html {
    html! {
        <div class="problems" role="alert" data-testid={testid}>
            <strong>{title}</strong>
            if let Some(on_dismiss) = on_dismiss {
                <button class="dismiss" aria-label="Dismiss" data-testid="dismiss-problems"
                    onclick={on_dismiss}>{"✕"}</button>
            }
            <ul>
                {for problems.iter().map(|p| html! {
                    <li>
                        if p.path != JsonPath::root() { <code class="path">{p.path.to_string()}</code>{": "} }
                        {&p.message}
                    </li>
                })}
            </ul>
        </div>
    }
}
