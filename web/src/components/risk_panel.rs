use super::failure_modes::FailureModes;
use super::risk_figures::RiskFigures;
use crate::analysis::{Event as JobEvent, JobError, Kind};
use crate::codec::model_to_json;
use crate::hooks::{use_analysis, use_app, use_debounced, use_worker_catalog};
use crate::risk::Risk;
use serde::Serialize;
use std::rc::Rc;
use yew::prelude::*;

/// Months a run may simulate.
const TRIALS: [u64; 3] = [10_000, 100_000, 1_000_000];
/// Months simulated unless the user picks another number (the core's default).
const DEFAULT_TRIALS: u64 = 100_000;
/// The seed: the same design gives the same figures, here and in `nines simulate`.
const SEED: u64 = 1;
/// Quiet time after an edit before the simulation runs again, ms.
const DEBOUNCE_MS: u32 = 150;

/// Where the simulation stands.
#[derive(Clone, Debug, PartialEq)]
enum Run {
    /// Not asked for yet.
    Idle,
    /// Running: share done, and the figures shown meanwhile.
    Running(f64, Option<Shown>),
    /// Finished.
    Done(Rc<Risk>),
    /// Stopped by the user at this share, with the figures shown then.
    Cancelled(f64, Option<Shown>),
    /// The package refused the model or the options.
    Failed(JobError),
}

/// Figures shown while a run is not finished: a first estimate from its own months (`fresh`),
/// or those of the run before, kept until then so that the page does not jump.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    risk: Rc<Risk>,
    fresh: bool,
}

impl Run {
    /// The figures on screen, as the previous run's for the next one.
    fn previous(&self) -> Option<Shown> {
        let risk = match self {
            Self::Done(risk) => risk.clone(),
            Self::Running(_, Some(shown)) | Self::Cancelled(_, Some(shown)) => shown.risk.clone(),
            _ => return None,
        };
        Some(Shown { risk, fresh: false })
    }
}

/// What a run needs.
#[derive(Clone, Debug, PartialEq)]
struct Input {
    /// The design as evaluated (JSON text, without its empty groups).
    model: Rc<str>,
    /// The convention, as the package names it.
    convention: String,
    /// The target as typed, percent.
    target: String,
    /// Months to simulate.
    trials: u64,
    /// The catalog for the worker when the user imported one (JSON text).
    catalog: Option<Rc<str>>,
}

/// The Risk panel: months of the design simulated in the analysis worker (histogram of monthly
/// downtime, breach probability against the target with its interval, credits against losses,
/// a bad month), re-run after edits; and "How this design fails" (its minimal cut sets).
#[function_component(RiskPanel)]
pub fn risk_panel() -> Html {
    let Some(app) = use_app() else {
        return html! {};
    };
    let client = use_analysis();
    let run = use_state(|| Run::Idle);
    let model_target = app.model.target.map(|t| t.percent());
    let target = use_state(|| model_target.clone().unwrap_or_else(|| "99.95".into()));
    {
        let target = target.clone();
        use_effect_with(model_target, move |t| {
            if let Some(t) = t {
                target.set(t.clone());
            }
        });
    }
    let evaluable = app.evaluation.report().is_some();
    let model = use_memo(app.model.clone(), |m| {
        Rc::<str>::from(model_to_json(&m.without_empty_groups().0, false))
    });
    let trials = use_state(|| DEFAULT_TRIALS);
    let catalog = use_worker_catalog(&app.library);
    let input = Input {
        model: (*model).clone(),
        convention: app.convention().to_string(),
        target: (*target).clone(),
        trials: *trials,
        catalog,
    };
    let settled = use_debounced(input, DEBOUNCE_MS);
    // Runs asked for with the button: none until the first, then every edit runs again.
    let asked = use_state(|| 0_u32);
    let active = *asked > 0;
    {
        let (client, run) = (client.clone(), run.clone());
        use_effect_with(
            (settled.clone(), *asked, evaluable),
            move |(input, asked, evaluable)| {
                if *asked > 0 && *evaluable {
                    start(&client, input, run);
                }
            },
        );
    }
    let on_start = {
        let asked = asked.clone();
        Callback::from(move |_| asked.set(*asked + 1))
    };
    let on_cancel = {
        let (client, run) = (client.clone(), run.clone());
        Callback::from(move |_| {
            client.cancel();
            if let Run::Running(done, estimate) = &*run {
                run.set(Run::Cancelled(*done, estimate.clone()));
            }
        })
    };
    html! {
        <section class="panel risk" aria-labelledby="risk-heading" data-testid="risk">
            <h2 id="risk-heading">{"Risk: how bad a month can get"}</h2>
            {controls(&target, &trials)}
            {status(&run, *trials, evaluable, on_start, on_cancel)}
            if evaluable { {figures(&run)} }
            if active && evaluable {
                <FailureModes model={settled.model.clone()} convention={settled.convention.clone()} catalog={settled.catalog.clone()} />
            }
        </section>
    }
}

/// The target field and the number of months.
fn controls(target: &UseStateHandle<String>, trials: &UseStateHandle<u64>) -> Html {
    let on_target = {
        let target = target.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            target.set(input.value());
        })
    };
    let on_trials = {
        let trials = trials.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            trials.set(select.value().parse().unwrap_or(DEFAULT_TRIALS));
        })
    };
    html! {
        <>
            <label class="risk-target">{"Target (% of each month) "}
                <input type="text" inputmode="decimal" size="8" value={(**target).clone()}
                    data-testid="risk-target" onchange={on_target} />
            </label>
            <label class="risk-target">{" Months to simulate "}
                <select data-testid="risk-trials" onchange={on_trials}>
                    {for TRIALS.iter().map(|n| html! { <option value={n.to_string()} selected={*n == **trials}>{thousands(*n)}</option> })}
                </select>
            </label>
        </>
    }
}

/// The package's `Simulation` options.
#[derive(Serialize)]
struct Options<'a> {
    trials: u64,
    seed: u64,
    convention: &'a str,
    target: Target<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    catalog: Option<&'a str>,
}

/// The target as typed: a number goes as a number, anything else as text, for the package to
/// name the problem.
#[derive(Serialize)]
#[serde(untagged)]
enum Target<'a> {
    Number(serde_json::Number),
    Text(&'a str),
}

impl<'a> From<&'a str> for Target<'a> {
    fn from(text: &'a str) -> Self {
        serde_json::from_str(text).map_or(Self::Text(text), Self::Number)
    }
}

/// Starts a simulation of `input`; its events update `run`.
fn start(client: &crate::analysis::Analysis, input: &Input, run: UseStateHandle<Run>) {
    let options = Options {
        trials: input.trials,
        seed: SEED,
        convention: &input.convention,
        target: Target::from(input.target.trim()),
        catalog: input.catalog.as_deref(),
    };
    let options = serde_json::to_string(&options).unwrap_or_default();
    let estimate = std::cell::RefCell::new(run.previous());
    run.set(Run::Running(0.0, estimate.borrow().clone()));
    client.start(
        Kind::Simulate,
        &input.model,
        &options,
        Callback::from(move |event| match event {
            JobEvent::Progress { done, partial } => {
                if let Some(risk) = partial.as_deref().and_then(Risk::from_json) {
                    *estimate.borrow_mut() = Some(Shown {
                        risk: Rc::new(risk),
                        fresh: true,
                    });
                }
                run.set(Run::Running(done, estimate.borrow().clone()));
            }
            JobEvent::Done(report) => match Risk::from_json(&report) {
                Some(risk) => run.set(Run::Done(Rc::new(risk))),
                None => run.set(Run::Failed(JobError {
                    message: "the simulation's report could not be read".into(),
                    ..JobError::default()
                })),
            },
            JobEvent::Failed(error) => run.set(Run::Failed(error)),
        }),
    );
}

/// The start button, the progress bar with its cancel button, or what stopped the run.
fn status(
    run: &Run,
    trials: u64,
    evaluable: bool,
    on_start: Callback<MouseEvent>,
    on_cancel: Callback<MouseEvent>,
) -> Html {
    if !evaluable {
        return html! { <p class="hint" data-testid="risk-status">{"The design can be simulated once it evaluates."}</p> };
    }
    match run {
        Run::Idle => html! {
            <p data-testid="risk-status">
                <button class="primary" data-testid="risk-start" onclick={on_start}>
                    {format!("Simulate {} months", thousands(trials))}</button>
                {" in the background: the downtime distribution, the chance of missing the target, credits against losses. Re-runs after every edit."}
            </p>
        },
        Run::Running(done, _) => html! {
            <p class="risk-progress" data-testid="risk-status" data-state="running">
                <progress max="1" value={done.to_string()} data-testid="risk-progress" />
                {format!(" Simulating {} months… {:.0}% ", thousands(trials), done * 100.0)}
                <button data-testid="risk-cancel" onclick={on_cancel}>{"Cancel"}</button>
            </p>
        },
        Run::Done(risk) => html! {
            <p class="hint" data-testid="risk-status" data-state="done">
                {format!("{} months simulated, seed {}: the figures of nines simulate FILE --trials {} --seed {}{} {}.",
                    thousands(risk.trials), risk.seed, risk.trials, risk.seed,
                    risk.breach.as_ref().map_or(String::new(), |b| format!(" --target {}", b.target)), risk.convention.cli_option())}
            </p>
        },
        Run::Cancelled(done, estimate) => html! {
            <p class="hint" data-testid="risk-status" data-state="cancelled">
                {format!("Cancelled at {:.0}%. ", done * 100.0)}
                {match estimate {
                    Some(Shown { risk, fresh: true }) => format!("The figures below are a first estimate from {} months.", thousands(risk.trials)),
                    Some(Shown { fresh: false, .. }) => "The figures below are the previous run's.".to_string(),
                    None => "No estimate yet.".to_string(),
                }}
                {" "}<button class="link" data-testid="risk-restart" onclick={on_start}>{"Run again"}</button>
            </p>
        },
        Run::Failed(error) => html! {
            <p class="error" role="alert" data-testid="risk-error">
                {error.problems.first().map_or_else(|| error.message.clone(), |p| format!("{}: {}", p.path, p.message))}
            </p>
        },
    }
}

/// The figures of the run, marked as a first estimate or as the previous run's until it ends.
fn figures(run: &Run) -> Html {
    match run {
        Run::Done(risk) => html! { <RiskFigures risk={risk.clone()} /> },
        Run::Running(_, Some(Shown { risk, fresh }))
        | Run::Cancelled(_, Some(Shown { risk, fresh })) => {
            let note = if *fresh {
                format!(
                    "First estimate from {} months; the figures settle as the simulation runs.",
                    thousands(risk.trials)
                )
            } else {
                "The previous run's figures, until the first months of this one are in.".to_string()
            };
            html! { <RiskFigures risk={risk.clone()} note={Some(AttrValue::from(note))} /> }
        }
        _ => html! {},
    }
}

/// `100000` as `100,000`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
