use crate::analysis::{Analysis, Event, JobError, Kind};
use nines_core::report::{ImproveAnswer, OptimizeAnswer};
use nines_core::{Availability, Convention, Model};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::rc::Rc;
use yew::prelude::*;

/// Where one analysis job is.
#[derive(Clone, Debug, PartialEq)]
pub enum Job<T> {
    /// Nothing asked (no valid target).
    Idle,
    /// Running; the share done (0 to 1).
    Running(f64),
    /// The answer.
    Done(T),
    /// The job's error, one line (with its JSON path).
    Failed(String),
    /// Stopped by the user.
    Cancelled,
}

/// The Improve panel's answers, computed in the analysis worker.
#[derive(Clone, PartialEq)]
pub struct Decide {
    /// Per component and per group, what it would take.
    pub improve: Job<ImproveAnswer>,
    /// The cheapest design and the frontier (stepped, with progress).
    pub optimize: Job<OptimizeAnswer>,
    /// Stops the search.
    pub cancel: Callback<()>,
    /// Runs both again (after a cancel).
    pub rerun: Callback<()>,
}

/// The options of a decision job, as the JS package's functions take them.
#[derive(Serialize)]
struct JobOptions<'a> {
    /// Percent.
    target: f64,
    /// `30-day`, `YYYY-MM`, …
    convention: String,
    /// The catalog replacing the package's bundled one (JSON text), when the user imported one.
    #[serde(skip_serializing_if = "Option::is_none")]
    catalog: Option<&'a str>,
}

/// The arguments of a decision job as JSON text: the model and `{target, convention, catalog}`.
pub fn job_args(
    model: &Model,
    target: Availability,
    convention: Convention,
    catalog: Option<&str>,
) -> (String, String) {
    let options = JobOptions {
        target: target.percent_number(),
        convention: convention.to_string(),
        catalog,
    };
    (
        model.to_json(),
        serde_json::to_string(&options).unwrap_or_default(),
    )
}

/// One line for a failed job: its first problem with its JSON path, else its message.
pub fn error_line(error: &JobError) -> String {
    error.problems.first().map_or_else(
        || error.message.clone(),
        |p| match p.path.is_empty() {
            true => p.message.clone(),
            false => format!("{}: {}", p.path, p.message),
        },
    )
}

/// A callback feeding a job's events into `state`, answers read as `T`.
fn feed<T: DeserializeOwned + 'static>(state: UseStateHandle<Job<T>>) -> Callback<Event> {
    Callback::from(move |event: Event| {
        state.set(match event {
            Event::Progress { done, .. } => Job::Running(done),
            Event::Done(text) => serde_json::from_str(&text).map_or_else(
                |e| Job::Failed(format!("unreadable answer: {e}")),
                Job::Done,
            ),
            Event::Failed(error) => Job::Failed(error_line(&error)),
        })
    })
}

/// Runs `improve` and the stepped `optimize` in the analysis worker (each in its own, so the
/// quick answer does not wait for the search) whenever the model, the target or the
/// convention changes; nothing without a target.
#[hook]
pub fn use_decide(
    model: &Model,
    target: Option<Availability>,
    convention: Convention,
    catalog: Option<Rc<str>>,
) -> Decide {
    let improve = use_state(|| Job::Idle);
    let optimize = use_state(|| Job::Idle);
    let clients = use_memo((), |_| (Analysis::default(), Analysis::default()));
    let runs = use_state(|| 0u32);
    {
        let (improve, optimize, clients) = (improve.clone(), optimize.clone(), clients.clone());
        use_effect_with(
            (model.clone(), target, convention, catalog, *runs),
            move |(model, target, convention, catalog, _)| {
                let (quick, search) = &*clients;
                let Some(target) = *target else {
                    quick.cancel();
                    search.cancel();
                    improve.set(Job::Idle);
                    optimize.set(Job::Idle);
                    return;
                };
                let (model, options) = job_args(model, target, *convention, catalog.as_deref());
                // An answer for another model or target must not stay: its Apply would apply
                // choices to a model they were not made for.
                improve.set(Job::Running(0.0));
                optimize.set(Job::Running(0.0));
                quick.start(Kind::Improve, &model, &options, feed(improve));
                search.start(Kind::Optimize, &model, &options, feed(optimize));
            },
        );
    }
    let cancel = {
        let (optimize, clients) = (optimize.clone(), clients.clone());
        Callback::from(move |()| {
            clients.1.cancel();
            optimize.set(Job::Cancelled);
        })
    };
    let rerun = Callback::from(move |()| runs.set(*runs + 1));
    Decide {
        improve: (*improve).clone(),
        optimize: (*optimize).clone(),
        cancel,
        rerun,
    }
}
