use super::cheapest_design::CheapestDesign;
use super::field::Field;
use super::frontier_chart::FrontierChart;
use super::needs_table::{NeedsTable, Trial};
use super::openslo_button::OpenSloButton;
use crate::context::AppContext;
use crate::hooks::{use_app, use_decide, use_worker_catalog, Decide, Job};
use crate::state::{Action, Loaded};
use nines_core::decide::{apply, parse_target};
use nines_core::model::GroupKind;
use nines_core::report::Choice;
use nines_core::report::{GroupNeed, ImproveAnswer, OptimizeAnswer};
use nines_core::Availability;
use yew::prelude::*;

/// Replaces the design by `model` with `choices` made, as one undoable edit ("Loaded … — Undo").
fn replace(app: &AppContext, choices: &[Choice], label: String) -> Option<String> {
    match apply(&app.model, choices) {
        Ok(model) => {
            app.dispatch(Action::Load(Box::new(Loaded {
                label,
                example: None,
                model,
            })));
            None
        }
        Err(problems) => Some(problems.to_string()),
    }
}

/// The Improve panel: a target; per component what it must reach, its importance and its
/// alternatives to try; the cheapest design that meets the target, to apply; the cost of each
/// nine; and the SLO as an OpenSLO document. Everything is computed in the analysis worker.
#[function_component(ImprovePanel)]
pub fn improve_panel() -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let typed = use_state(|| None::<Availability>);
    let failed = use_state(|| None::<String>);
    {
        // A design with a target of its own (another file, an example) brings it to the field.
        let typed = typed.clone();
        use_effect_with(app.model.target, move |_| typed.set(None));
    }
    let target = (*typed).or(app.model.target);
    let catalog = use_worker_catalog(&app.library);
    let decide = use_decide(&app.model, target, app.convention(), catalog.clone());
    let on_target = {
        let typed = typed.clone();
        Callback::from(move |text: String| match parse_target(&text) {
            Ok(t) => {
                typed.set(Some(t));
                None
            }
            Err(problem) => Some(problem.to_string()),
        })
    };
    let on_try = {
        let (app, failed) = (app.clone(), failed.clone());
        Callback::from(move |(id, choice, label): Trial| {
            let text = format!("{id}: {label} (tried)");
            failed.set(replace(&app, &[Choice { id, choice, label }], text));
        })
    };
    let value = target.map(|t| t.percent()).unwrap_or_default();
    html! {
        <section class="panel improve" aria-labelledby="improve-heading" data-testid="improve">
            <div class="panel-head">
                <h2 id="improve-heading">{"Improve"}</h2>
                <Field label="Target availability" value={value} unit="% of the month" placeholder="e.g. 99.99"
                    testid="improve-target" on_commit={on_target} />
                if let Some(t) = target {
                    <OpenSloButton model={app.model.clone()} target={t} convention={app.convention()} catalog={catalog.clone()} />
                }
            </div>
            <p class="hint">{"Availability as a long-run share of time, components failing independently as modelled; fees per month as the model lists them. Computed off the page's thread."}</p>
            if let Some(message) = &*failed {
                <p class="error" role="alert" data-testid="improve-apply-error">{message}</p>
            }
            if target.is_none() {
                <p class="hint" data-testid="improve-empty">{"Type a target to see what each component must reach and the cheapest design that meets it."}</p>
            }
            {needs(&app, &decide, on_try)}
            {search(&app, &decide, &failed)}
        </section>
    }
}

/// The improve answer: the table and the groups' needs, or where it is.
fn needs(app: &AppContext, decide: &Decide, on_try: Callback<Trial>) -> Html {
    match &decide.improve {
        Job::Idle | Job::Cancelled => html! {},
        Job::Running(_) => html! { <p class="hint">{"Working out what each component needs…"}</p> },
        Job::Failed(message) => {
            html! { <p class="error" data-testid="improve-error">{message}</p> }
        }
        Job::Done(answer) => html! {
            <>
                <NeedsTable answer={answer.clone()} model={app.model.clone()} labels={app.labels.clone()} {on_try} />
                {groups(answer)}
            </>
        },
    }
}

/// What each group would need.
fn groups(answer: &ImproveAnswer) -> Html {
    let line = |g: &GroupNeed| {
        let noun = match g.kind {
            GroupKind::Replicate => "copies",
            GroupKind::Parallel => "members",
            GroupKind::KOfN => "k",
        };
        let needs = g
            .required
            .map_or("nothing meets the target".to_string(), |r| {
                format!("{r} {noun}")
            });
        html! { <li data-testid="group-need">{format!("{} ({}): {noun} {} now, needs {needs}", g.path, g.kind.key(), g.current)}</li> }
    };
    if answer.groups.is_empty() {
        return html! {};
    }
    html! {
        <>
            <h3>{"Groups: the count that meets the target, all else as it is"}</h3>
            <ul class="group-needs">{for answer.groups.iter().map(line)}</ul>
        </>
    }
}

/// The search: progress and Cancel, then the cheapest design and the frontier.
fn search(app: &AppContext, decide: &Decide, failed: &UseStateHandle<Option<String>>) -> Html {
    let done = |answer: &OptimizeAnswer| {
        let (app, failed, answer2) = (app.clone(), failed.clone(), answer.clone());
        let on_apply = Callback::from(move |()| {
            let Some(design) = &answer2.cheapest else {
                return;
            };
            let label = format!("cheapest design for {}%", answer2.target);
            failed.set(replace(&app, &design.choices, label));
        });
        html! {
            <>
                <h3>{"Cheapest design that meets the target"}</h3>
                <CheapestDesign answer={answer.clone()} {on_apply} />
                <h3>{"The cost of each nine"}</h3>
                <FrontierChart answer={answer.clone()} />
            </>
        }
    };
    match &decide.optimize {
        Job::Idle => html! {},
        Job::Running(share) => html! {
            <p class="search-progress" data-testid="search-progress">
                <progress max="1" value={share.to_string()} />
                {format!(" Searching the combinations… {:.0}% ", share * 100.0)}
                <button data-testid="search-cancel" onclick={decide.cancel.reform(|_| ())}>{"Cancel"}</button>
            </p>
        },
        Job::Cancelled => html! {
            <p class="hint" data-testid="search-cancelled">{"Search cancelled. "}
                <button class="link" data-testid="search-again" onclick={decide.rerun.reform(|_| ())}>{"Search again"}</button></p>
        },
        Job::Failed(message) => html! { <p class="error" data-testid="search-error">{message}</p> },
        Job::Done(answer) => done(answer),
    }
}
