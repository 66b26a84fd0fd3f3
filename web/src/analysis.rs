//! The analysis client: heavy analyses (simulation, optimisation, …) run in a module Web Worker
//! (`analysis-worker.js`) that imports the nines JS package, fetched only when the first job
//! starts; the page's main thread only posts the job and reads the answers.
//!
//! ```ignore
//! let client = Analysis::default();              // or the `use_analysis()` hook
//! let model = codec::model_to_json(&model, false);
//! client.start(Kind::Simulate, &model, r#"{"trials": 100000, "seed": 1}"#,
//!     Callback::from(|event: Event| match event {
//!         Event::Progress { done, partial } => { /* done in 0..=1; partial: report JSON so far */ }
//!         Event::Done(json) => { /* the answer as JSON text: `nines simulate --json`'s bytes */ }
//!         Event::Failed(error) => { /* error.problems name JSON paths */ }
//!     }));
//! client.cancel(); // terminates the worker: no more events for that job
//! ```
//!
//! Models, options and answers cross as JSON text (read them with `serde_json::from_str` into
//! small local structs): the web wasm then needs no `serde_json::Value` and its second
//! deserializer. One job at a time: starting a job supersedes the one running (the worker drops
//! it between chunks, its events are ignored) without loading the package again. Cancelling
//! terminates the worker; a fresh one is made for the next job.

use js_sys::{Object, Reflect, JSON};
use serde::Deserialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

/// The worker script, beside index.html (copied by trunk from `web/analysis-worker.js`).
const WORKER_URL: &str = "./analysis-worker.js";

/// What the worker can run: the JS package's function of the same name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `Simulation`, chunk by chunk, with progress and partial reports.
    Simulate,
    /// `Optimization`, in batches, with progress.
    Optimize,
    /// `improve`.
    Improve,
    /// `slo`.
    Slo,
    /// `openslo`.
    OpenSlo,
    /// `evaluate` (e.g. with the `cut_sets` option).
    Evaluate,
}

impl Kind {
    /// The worker's name for it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Simulate => "simulate",
            Self::Optimize => "optimize",
            Self::Improve => "improve",
            Self::Slo => "slo",
            Self::OpenSlo => "openslo",
            Self::Evaluate => "evaluate",
        }
    }
}

/// One problem of a failed job, as the package reports it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct JobProblem {
    /// The JSON path (`root.serial.children[1].availability`).
    #[serde(default)]
    pub path: String,
    /// `shape` or `value`.
    #[serde(default)]
    pub kind: String,
    /// What is wrong, one line.
    #[serde(default)]
    pub message: String,
}

/// Why a job failed: the package's error (`TypeError`, `RangeError`, …) with its problems.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JobError {
    /// The JS error's name.
    pub name: String,
    /// Every problem on one line.
    pub message: String,
    /// Each problem with its JSON path.
    pub problems: Vec<JobProblem>,
}

/// What a job reports.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Share done (0 to 1), and for a simulation the report of the months run so far.
    Progress {
        /// Share of the work done.
        done: f64,
        /// A first estimate as JSON text (simulate only, now and then).
        partial: Option<String>,
    },
    /// The answer as JSON text, byte for byte what the CLI prints with `--json` (for
    /// `openslo`, the document as `JSON.stringify` writes it).
    Done(String),
    /// The error.
    Failed(JobError),
}

struct Job {
    id: u64,
    on_event: Callback<Event>,
}

/// The worker with the listeners it calls (kept alive as long as it is).
type Listening = (
    Worker,
    Closure<dyn FnMut(MessageEvent)>,
    Closure<dyn FnMut(JsValue)>,
);

#[derive(Default)]
struct Inner {
    worker: Option<Listening>,
    job: Option<Job>,
    next_id: u64,
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some((worker, _, _)) = self.worker.take() {
            worker.terminate();
        }
    }
}

/// A client of the analysis worker (cheap to clone: clones share the worker).
#[derive(Clone, Default)]
pub struct Analysis(Rc<RefCell<Inner>>);

impl PartialEq for Analysis {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Analysis {
    /// Starts a job on `model` (JSON text) with `options` (JSON text of the package function's
    /// options), superseding the one running. `on_event` gets progress, then the answer or the
    /// error.
    pub fn start(&self, kind: Kind, model: &str, options: &str, on_event: Callback<Event>) {
        // The worker drops a superseded job itself: no need to load the package again.
        self.0.borrow_mut().job = None;
        let id = {
            let mut inner = self.0.borrow_mut();
            inner.next_id += 1;
            inner.next_id
        };
        let posted = self.worker().and_then(|worker| {
            let args = Object::new();
            Reflect::set(&args, &"model".into(), &model.into())?;
            Reflect::set(&args, &"options".into(), &options.into())?;
            let message = Object::new();
            Reflect::set(&message, &"id".into(), &(id as f64).into())?;
            Reflect::set(&message, &"kind".into(), &kind.name().into())?;
            Reflect::set(&message, &"args".into(), &args)?;
            worker.post_message(&message)
        });
        match posted {
            Ok(()) => self.0.borrow_mut().job = Some(Job { id, on_event }),
            Err(error) => on_event.emit(Event::Failed(load_error(&error))),
        }
    }

    /// Stops the running job, if any, by terminating the worker: no more events for it.
    pub fn cancel(&self) {
        let mut inner = self.0.borrow_mut();
        if inner.job.take().is_some() {
            if let Some((worker, _, _)) = inner.worker.take() {
                worker.terminate();
            }
        }
    }

    /// Whether a job is running.
    pub fn busy(&self) -> bool {
        self.0.borrow().job.is_some()
    }

    /// The worker, made when missing.
    fn worker(&self) -> Result<Worker, JsValue> {
        if let Some((worker, _, _)) = &self.0.borrow().worker {
            return Ok(worker.clone());
        }
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(WORKER_URL, &options)?;
        let weak = Rc::downgrade(&self.0);
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(inner) = weak.upgrade() {
                Analysis(inner).receive(&event.data());
            }
        });
        let weak = Rc::downgrade(&self.0);
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |error: JsValue| {
            if let Some(inner) = weak.upgrade() {
                Analysis(inner).fail(load_error(&error));
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.0.borrow_mut().worker = Some((worker.clone(), on_message, on_error));
        Ok(worker)
    }

    /// A message from the worker, for the running job only.
    fn receive(&self, data: &JsValue) {
        let id = field(data, "id").as_f64();
        let on_event = match &self.0.borrow().job {
            Some(job) if Some(job.id as f64) == id => job.on_event.clone(),
            _ => return,
        };
        let error = field(data, "error");
        let event = if let Some(result) = field(data, "result").as_string() {
            Event::Done(result)
        } else if error.is_object() {
            Event::Failed(job_error(&error))
        } else {
            on_event.emit(Event::Progress {
                done: field(data, "progress").as_f64().unwrap_or(0.0),
                partial: field(data, "partial").as_string(),
            });
            return;
        };
        self.0.borrow_mut().job = None;
        on_event.emit(event);
    }

    /// Ends the running job with `error` and drops the worker (it could not run).
    fn fail(&self, error: JobError) {
        let job = {
            let mut inner = self.0.borrow_mut();
            if let Some((worker, _, _)) = inner.worker.take() {
                worker.terminate();
            }
            inner.job.take()
        };
        if let Some(job) = job {
            job.on_event.emit(Event::Failed(error));
        }
    }
}

/// A field of a message (`undefined` when absent).
fn field(data: &JsValue, name: &str) -> JsValue {
    Reflect::get(data, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The worker's `{name, message, problems}`.
fn job_error(error: &JsValue) -> JobError {
    let problems = JSON::stringify(&field(error, "problems"))
        .ok()
        .and_then(|text| text.as_string())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    JobError {
        name: field(error, "name").as_string().unwrap_or_default(),
        message: field(error, "message").as_string().unwrap_or_default(),
        problems,
    }
}

/// The error of a worker that could not be made or loaded (script missing, no module workers).
fn load_error(error: &JsValue) -> JobError {
    let detail = error
        .dyn_ref::<web_sys::ErrorEvent>()
        .map(web_sys::ErrorEvent::message)
        .or_else(|| error.dyn_ref::<js_sys::Error>().map(|e| e.message().into()))
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| "the analysis module could not be loaded".into());
    JobError {
        name: "Error".into(),
        message: detail,
        problems: Vec::new(),
    }
}
