use nines_core::Problem;
use yew::prelude::*;

/// Props of [`ProblemList`].
#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    /// What went wrong, e.g. "The file was not loaded".
    pub title: AttrValue,
    /// The problems, each with its JSON path.
    pub problems: Vec<Problem>,
    /// `data-testid` of the list.
    #[prop_or_default]
    pub testid: AttrValue,
}

/// Problems with their JSON paths.
#[function_component(ProblemList)]
pub fn problem_list(props: &ProblemListProps) -> Html {
    html! {
        <div class="problems" role="alert" data-testid={props.testid.clone()}>
            <strong>{props.title.clone()}</strong>
            <ul>
                {for props.problems.iter().map(|p| html! {
                    <li><code class="path">{p.path.to_string()}</code>{": "}{&p.message}</li>
                })}
            </ul>
        </div>
    }
}
