//! `improve`, `optimize`, `slo` and `openslo`, and the chunked `Optimization`: the decision
//! layer of nines-core, the same bytes as `nines improve|optimize|slo --json` (and
//! `nines slo --openslo`) for the same model and options.

use crate::{
    bundled, catalog_from, input_text, internal, parse_output, to_error, FromJs, HasConvention,
    JsOptions,
};
use nines_core::decide::{DecideOptions, Optimizer, Search, SloOptions};
use nines_core::{Availability, Catalog, JsonPath, Model, Problem, Problems};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use wasm_bindgen::prelude::*;

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DecideJsOptions {
    #[serde(default)]
    convention: Option<String>,
    #[serde(default)]
    catalog: Option<Box<RawValue>>,
    /// Percent, e.g. `99.99`.
    #[serde(default)]
    target: Option<Availability>,
    /// `slo` only: a share of months, e.g. 0.975.
    #[serde(default)]
    confidence: Option<f64>,
    #[serde(default)]
    trials: Option<u64>,
    #[serde(default)]
    seed: Option<u64>,
    #[serde(default)]
    time_zone: Option<String>,
}

impl FromJs for DecideJsOptions {}

impl HasConvention for DecideJsOptions {
    fn name(&self) -> Option<&str> {
        self.convention.as_deref()
    }
}

/// The options, the model and the catalog (custom, else bundled) of one call.
struct Inputs {
    model: Model,
    catalog: Option<Catalog>,
    options: DecideJsOptions,
}

impl Inputs {
    fn read(model: &JsValue, options: JsOptions) -> Result<Self, JsValue> {
        let options = DecideJsOptions::from_js(options)?;
        let catalog = options.catalog.as_deref().map(catalog_from).transpose()?;
        let model = Model::from_json(&input_text(model, "model")?).map_err(to_error)?;
        Ok(Self {
            model,
            catalog,
            options,
        })
    }

    fn catalog(&self) -> Result<&Catalog, JsValue> {
        match &self.catalog {
            Some(custom) => Ok(custom),
            None => bundled(),
        }
    }

    fn decide(&self) -> Result<DecideOptions, JsValue> {
        Ok(DecideOptions {
            convention: self.options.convention()?,
            target: self.options.target,
        })
    }

    fn slo(&self) -> Result<SloOptions, JsValue> {
        let defaults = SloOptions::default();
        Ok(SloOptions {
            convention: self.options.convention()?,
            target: self.options.target,
            confidence: self.options.confidence,
            trials: self.options.trials.unwrap_or(defaults.trials),
            seed: self.options.seed.unwrap_or(defaults.seed),
            time_zone: self.options.time_zone.clone().unwrap_or(defaults.time_zone),
        })
    }
}

/// Option problems (`target`, `confidence`, `trials`) under `options`.
fn option_error(problems: Problems) -> JsValue {
    let problems = problems.0.into_iter().map(|p| match p.path.segments() {
        [nines_core::Segment::Key(k)]
            if ["target", "confidence", "trials"].contains(&k.as_str()) =>
        {
            p.under(&JsonPath::from("options"))
        }
        _ => p,
    });
    to_error(problems.collect::<Vec<Problem>>())
}

fn pretty<T: Serialize>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string_pretty(value).map_err(internal)
}

/// What it would take to reach a target (`options.target`, else the model's): what
/// `nines improve --json` prints, as an object.
///
/// # Errors
/// `TypeError`/`RangeError` listing every problem in the model or options.
#[wasm_bindgen(unchecked_return_type = "ImproveAnswer")]
pub fn improve(
    #[wasm_bindgen(unchecked_param_type = "Model | string")] model: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DecideOptions | string")] options: JsOptions,
) -> Result<JsValue, JsValue> {
    parse_output(&improve_json(model, options)?)
}

/// [`improve`] as JSON text: what `nines improve --json` prints before its newline.
///
/// # Errors
/// As [`improve`].
#[wasm_bindgen(js_name = improveJson)]
pub fn improve_json(
    #[wasm_bindgen(unchecked_param_type = "Model | string")] model: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DecideOptions | string")] options: JsOptions,
) -> Result<String, JsValue> {
    let inputs = Inputs::read(&model, options)?;
    let answer = nines_core::decide::improve(&inputs.model, inputs.catalog()?, &inputs.decide()?)
        .map_err(option_error)?;
    pretty(&answer)
}

/// The cheapest design that meets the target and the fee-against-availability frontier, in
/// one call: what `nines optimize --json` prints, as an object. For a responsive page, use
/// `Optimization` and step it.
///
/// # Errors
/// `TypeError`/`RangeError` listing every problem in the model or options.
#[wasm_bindgen(unchecked_return_type = "OptimizeAnswer")]
pub fn optimize(
    #[wasm_bindgen(unchecked_param_type = "Model | string")] model: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DecideOptions | string")] options: JsOptions,
) -> Result<JsValue, JsValue> {
    parse_output(&optimize_json(model, options)?)
}

/// [`optimize`] as JSON text: what `nines optimize --json` prints before its newline.
///
/// # Errors
/// As [`optimize`].
#[wasm_bindgen(js_name = optimizeJson)]
pub fn optimize_json(
    #[wasm_bindgen(unchecked_param_type = "Model | string")] model: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DecideOptions | string")] options: JsOptions,
) -> Result<String, JsValue> {
    let mut optimization = Optimization::new(model, options)?;
    optimization.answer_json()
}

/// The error budget of the target and the SLO the design supports (with
/// `options.confidence`, from simulated months too): what `nines slo --json` prints.
///
/// # Errors
/// `TypeError`/`RangeError` listing every problem in the model or options.
#[wasm_bindgen(unchecked_return_type = "SloAnswer")]
pub fn slo(
    #[wasm_bindgen(unchecked_param_type = "Model | string")] model: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DecideOptions | string")] options: JsOptions,
) -> Result<JsValue, JsValue> {
    parse_output(&slo_json(model, options)?)
}

/// [`slo`] as JSON text: what `nines slo --json` prints before its newline.
///
/// # Errors
/// As [`slo`].
#[wasm_bindgen(js_name = sloJson)]
pub fn slo_json(
    #[wasm_bindgen(unchecked_param_type = "Model | string")] model: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DecideOptions | string")] options: JsOptions,
) -> Result<String, JsValue> {
    let inputs = Inputs::read(&model, options)?;
    let answer = nines_core::decide::slo(&inputs.model, inputs.catalog()?, &inputs.slo()?)
        .map_err(option_error)?;
    pretty(&answer)
}

/// The SLO as an OpenSLO v1 document, as an object (the package carries no YAML writer: dump
/// it with your own, or as JSON, which is YAML too); `nines slo --openslo` prints the same
/// document as YAML.
///
/// # Errors
/// As [`slo`].
#[wasm_bindgen(unchecked_return_type = "OpenSloDocument")]
pub fn openslo(
    #[wasm_bindgen(unchecked_param_type = "Model | string")] model: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DecideOptions | string")] options: JsOptions,
) -> Result<JsValue, JsValue> {
    let inputs = Inputs::read(&model, options)?;
    let document = nines_core::decide::openslo(&inputs.model, inputs.catalog()?, &inputs.slo()?)
        .map_err(option_error)?;
    parse_output(&pretty(&document)?)
}

/// A search for the cheapest design, run in chunks: `step(n)` makes about `n` evaluations
/// (about 100 ns each for a small model), so a page can keep each task short, show progress
/// and stop when it likes; `answer()` gives what was found (with `optimal: false` while
/// unfinished). The same answer, however the search is cut.
#[wasm_bindgen]
pub struct Optimization {
    inputs: Inputs,
    search: Search,
    combinations: u64,
}

#[wasm_bindgen]
impl Optimization {
    /// Checks `model` and `options` (`{target, convention, catalog}`).
    ///
    /// # Errors
    /// `TypeError`/`RangeError` listing every problem.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Model | string")] model: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "DecideOptions | string")]
        options: JsOptions,
    ) -> Result<Optimization, JsValue> {
        let inputs = Inputs::read(&model, options)?;
        let (search, combinations) = {
            let optimizer = optimizer(&inputs)?;
            (optimizer.start(), optimizer.combinations())
        };
        Ok(Self {
            inputs,
            search,
            combinations,
        })
    }

    /// Combinations in all.
    #[wasm_bindgen(getter)]
    pub fn combinations(&self) -> f64 {
        self.combinations as f64
    }

    /// Evaluations so far.
    #[wasm_bindgen(getter)]
    pub fn evaluated(&self) -> f64 {
        self.search.evaluated() as f64
    }

    /// Whether the search is over.
    #[wasm_bindgen(getter)]
    pub fn finished(&self) -> bool {
        self.search.finished()
    }

    /// Makes about `count` more evaluations; returns whether the search is over.
    ///
    /// # Errors
    /// Only if the model stopped being valid, which cannot happen.
    pub fn step(&mut self, count: f64) -> Result<bool, JsValue> {
        let mut optimizer = optimizer(&self.inputs)?;
        Ok(optimizer.step(&mut self.search, count.max(1.0) as u64))
    }

    /// What the search found so far, as an object (runs nothing).
    ///
    /// # Errors
    /// As [`Optimization::step`].
    #[wasm_bindgen(unchecked_return_type = "OptimizeAnswer")]
    pub fn answer(&mut self) -> Result<JsValue, JsValue> {
        let optimizer = optimizer(&self.inputs)?;
        parse_output(&pretty(&optimizer.answer(&self.search))?)
    }

    /// Runs the search to its end and returns the answer as JSON text: what
    /// `nines optimize --json` prints before its newline.
    ///
    /// # Errors
    /// As [`Optimization::step`].
    #[wasm_bindgen(js_name = answerJson)]
    pub fn answer_json(&mut self) -> Result<String, JsValue> {
        let mut optimizer = optimizer(&self.inputs)?;
        while !optimizer.step(&mut self.search, u64::MAX) {}
        pretty(&optimizer.answer(&self.search))
    }
}

/// The core's optimizer of these inputs (built anew: it borrows the model).
fn optimizer(inputs: &Inputs) -> Result<Optimizer<'_>, JsValue> {
    Optimizer::new(&inputs.model, inputs.catalog()?, &inputs.decide()?).map_err(option_error)
}

/// The other configurations of a catalog entry's service (same provider and service), most
/// available first; empty for an unknown id. The catalog holds no prices.
///
/// # Errors
/// `Error` if the bundled catalog is broken.
#[wasm_bindgen(js_name = catalogAlternatives, unchecked_return_type = "Sla[]")]
pub fn catalog_alternatives(id: &str) -> Result<JsValue, JsValue> {
    parse_output(&pretty(&bundled()?.alternatives(id))?)
}
