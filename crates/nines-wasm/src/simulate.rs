//! `simulate`, `simulateJson` and the chunked `Simulation`: the risk simulation of nines-core,
//! the same bytes as `nines simulate --json` for the same model, options and seed.

use crate::{
    bundled, catalog_from, input_text, internal, parse_output, to_error, FromJs, HasConvention,
    JsOptions,
};
use nines_core::simulate::{ChunkResult, SimulateOptions};
use nines_core::{Availability, Catalog, JsonPath, Model, Problem};
use serde::Deserialize;
use serde_json::value::RawValue;
use wasm_bindgen::prelude::*;

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SimulateJsOptions {
    #[serde(default)]
    convention: Option<String>,
    #[serde(default)]
    catalog: Option<Box<RawValue>>,
    #[serde(default)]
    trials: Option<u64>,
    #[serde(default)]
    seed: Option<u64>,
    /// Percent, e.g. `99.95`.
    #[serde(default)]
    target: Option<Availability>,
}

impl FromJs for SimulateJsOptions {}

impl HasConvention for SimulateJsOptions {
    fn name(&self) -> Option<&str> {
        self.convention.as_deref()
    }
}

/// A model, catalog and options checked once, simulated chunk by chunk.
#[wasm_bindgen]
pub struct Simulation {
    model: Model,
    catalog: Option<Catalog>,
    options: SimulateOptions,
    results: Vec<ChunkResult>,
    chunks: u64,
}

#[wasm_bindgen]
impl Simulation {
    /// Checks `model` and `options` (`{trials, seed, target, convention, catalog}`).
    ///
    /// # Errors
    /// `TypeError`/`RangeError` listing every problem.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Model | string")] model: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SimulateOptions | string")]
        options: JsOptions,
    ) -> Result<Simulation, JsValue> {
        let js = SimulateJsOptions::from_js(options)?;
        let defaults = SimulateOptions::default();
        let options = SimulateOptions {
            convention: js.convention()?,
            trials: js.trials.unwrap_or(defaults.trials),
            seed: js.seed.unwrap_or(defaults.seed),
            target: js.target,
        };
        let catalog = js.catalog.as_deref().map(catalog_from).transpose()?;
        let model = Model::from_json(&input_text(&model, "model")?).map_err(to_error)?;
        let mut simulation = Self {
            model,
            catalog,
            options,
            results: Vec::new(),
            chunks: 0,
        };
        simulation.chunks = simulation.with(|s| Ok(s.chunks()))?;
        Ok(simulation)
    }

    /// Chunks in all.
    #[wasm_bindgen(getter)]
    pub fn chunks(&self) -> f64 {
        self.chunks as f64
    }

    /// Chunks run so far.
    #[wasm_bindgen(getter)]
    pub fn done(&self) -> f64 {
        self.results.len() as f64
    }

    /// Runs up to `count` more chunks (about 8,192 months each); returns the chunks done.
    ///
    /// # Errors
    /// Only if the model stopped being valid, which cannot happen.
    pub fn step(&mut self, count: f64) -> Result<f64, JsValue> {
        let first = self.results.len() as u64;
        let last = (first + count.max(1.0) as u64).min(self.chunks);
        let results =
            self.with(|s| Ok((first..last).map(|c| s.run_chunk(c)).collect::<Vec<_>>()))?;
        self.results.extend(results);
        Ok(self.done())
    }

    /// The risk report of every chunk (running those not run yet), as an object.
    ///
    /// # Errors
    /// As [`Simulation::step`].
    #[wasm_bindgen(unchecked_return_type = "RiskReport")]
    pub fn report(&mut self) -> Result<JsValue, JsValue> {
        parse_output(&self.report_json()?)
    }

    /// The risk report of the chunks run so far (running the first if none has run), as an
    /// object: a first estimate while the rest runs. Its `trials` says how many months it
    /// counts; the rare-breach chunks, which run after the ordinary ones, join as they run.
    ///
    /// # Errors
    /// As [`Simulation::step`].
    #[wasm_bindgen(js_name = reportSoFar, unchecked_return_type = "RiskReport")]
    pub fn report_so_far(&mut self) -> Result<JsValue, JsValue> {
        if self.results.is_empty() {
            self.step(1.0)?;
        }
        let results = self.results.clone();
        let report = self.with(|s| Ok(s.report(results)))?;
        parse_output(&serde_json::to_string_pretty(&report).map_err(internal)?)
    }

    /// The risk report as JSON text: what `nines simulate --json` prints before its newline.
    ///
    /// # Errors
    /// As [`Simulation::step`].
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&mut self) -> Result<String, JsValue> {
        self.step(self.chunks as f64)?;
        let results = self.results.clone();
        let report = self.with(|s| Ok(s.report(results)))?;
        serde_json::to_string_pretty(&report).map_err(internal)
    }
}

impl Simulation {
    /// Runs `f` on the core's simulation of this model (built anew: it borrows the model).
    fn with<T>(
        &self,
        f: impl FnOnce(&nines_core::simulate::Simulation) -> Result<T, JsValue>,
    ) -> Result<T, JsValue> {
        let catalog = match &self.catalog {
            Some(custom) => custom,
            None => bundled()?,
        };
        let simulation = nines_core::simulate::Simulation::new(&self.model, catalog, self.options)
            .map_err(|problems| {
                let problems = problems.0.into_iter().map(|p| match p.path.segments() {
                    [nines_core::Segment::Key(k)] if k == "trials" || k == "target" => {
                        p.under(&JsonPath::from("options"))
                    }
                    _ => p,
                });
                to_error(problems.collect::<Vec<Problem>>())
            })?;
        f(&simulation)
    }
}

/// Simulates months of a model and returns the risk report as an object; `onProgress(done,
/// total)` is called after every chunk when given.
///
/// # Errors
/// `TypeError`/`RangeError` listing every problem in the model or options.
#[wasm_bindgen(unchecked_return_type = "RiskReport")]
pub fn simulate(
    #[wasm_bindgen(unchecked_param_type = "Model | string")] model: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SimulateOptions | string")] options: JsOptions,
    #[wasm_bindgen(unchecked_optional_param_type = "(done: number, total: number) => void")]
    on_progress: Option<js_sys::Function>,
) -> Result<JsValue, JsValue> {
    parse_output(&simulate_json(model, options, on_progress)?)
}

/// [`simulate`] as JSON text: what `nines simulate --json` prints before its newline.
///
/// # Errors
/// `TypeError`/`RangeError` listing every problem in the model or options.
#[wasm_bindgen(js_name = simulateJson)]
pub fn simulate_json(
    #[wasm_bindgen(unchecked_param_type = "Model | string")] model: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SimulateOptions | string")] options: JsOptions,
    #[wasm_bindgen(unchecked_optional_param_type = "(done: number, total: number) => void")]
    on_progress: Option<js_sys::Function>,
) -> Result<String, JsValue> {
    let mut simulation = Simulation::new(model, options)?;
    while simulation.done() < simulation.chunks() {
        let done = simulation.step(1.0)?;
        if let Some(callback) = &on_progress {
            let _ = callback.call2(
                &JsValue::NULL,
                &JsValue::from_f64(done),
                &JsValue::from_f64(simulation.chunks()),
            );
        }
    }
    simulation.report_json()
}
