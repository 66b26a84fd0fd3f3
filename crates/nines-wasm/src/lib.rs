//! The nines JavaScript/TypeScript API over WebAssembly.
//!
//! A thin skin over [`nines_core`]: every function converts its arguments, calls the core and
//! converts the result. Values cross the boundary as JSON text serialized by `serde_json`, so
//! [`evaluate_json`] returns the very bytes `nines eval --json` prints (without the CLI's
//! trailing newline), and the other functions return `JSON.parse` of the same text.
//!
//! Errors are JS errors whose message names the JSON path of every problem (`path: message;
//! path: message`) and whose `problems` property lists them as `{path, kind, message}`. The
//! core's [`ProblemKind`] picks the error type:
//!
//! - `TypeError` when the input has the wrong shape (`kind: "shape"`): malformed JSON, a
//!   missing or unknown field, a value of the wrong type;
//! - `RangeError` when a value is wrong (`kind: "value"`): a percentage above 100, `k` outside
//!   `1..=n`, an unknown catalog id or convention.

use js_sys::JSON;
use nines_core::calendar::Calendar;
use nines_core::report::{AvailabilityAnswer, DowntimeAnswer, SCHEMA_VERSION};
use nines_core::{
    combine, parse_duration, required_availability, Availability, Catalog, CatalogVersion, Combine,
    Convention, JsonPath, Model, Options, Period, Problem, ProblemKind, Problems, Sla,
};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::sync::OnceLock;
use wasm_bindgen::prelude::*;

mod decide;
mod simulate;
pub use decide::{
    catalog_alternatives, improve, improve_json, openslo, optimize, optimize_json, slo, slo_json,
    Optimization,
};
pub use simulate::{simulate, simulate_json, Simulation};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// An options argument: absent, an object, or JSON text.
pub(crate) type JsOptions = Option<JsValue>;

/// Evaluates a model (a JS object or JSON text) and returns the report as an object.
///
/// # Errors
/// `TypeError`/`RangeError` listing every problem in the model or options.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Model | string")] model: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "EvaluateOptions | string")] options: JsOptions,
) -> Result<JsValue, JsValue> {
    parse_output(&evaluate_json(model, options)?)
}

/// Evaluates a model and returns the report as JSON text, byte for byte what
/// `nines eval --json` prints before its final newline (`serde_json::to_string_pretty`).
///
/// # Errors
/// `TypeError`/`RangeError` listing every problem in the model or options.
#[wasm_bindgen(js_name = evaluateJson)]
pub fn evaluate_json(
    #[wasm_bindgen(unchecked_param_type = "Model | string")] model: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "EvaluateOptions | string")] options: JsOptions,
) -> Result<String, JsValue> {
    let options = EvaluateOptions::from_js(options)?;
    let convention = options.convention()?;
    let cut_sets = options.cut_sets()?;
    let custom;
    let catalog = match options.catalog {
        Some(document) => {
            custom = catalog_from(&document)?;
            &custom
        }
        None => bundled()?,
    };
    let model = Model::from_json(&input_text(&model, "model")?).map_err(to_error)?;
    let report = nines_core::evaluate(
        &model,
        catalog,
        &Options {
            convention,
            cut_sets,
            calendar: options.calendar,
        },
    )
    .map_err(to_error)?;
    serde_json::to_string_pretty(&report).map_err(internal)
}

/// Expected downtime per day, week, month, quarter and year at `percent` (`99.95` or
/// `"99.95%"`): what `nines downtime PCT --json` prints.
///
/// # Errors
/// `RangeError` for a percentage outside 0..=100 or an unknown convention.
#[wasm_bindgen(unchecked_return_type = "DowntimeAnswer")]
pub fn downtime(
    #[wasm_bindgen(unchecked_param_type = "number | string")] percent: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ConventionOptions | string")]
    options: JsOptions,
) -> Result<JsValue, JsValue> {
    let options = ConventionOptions::from_js(options)?;
    let convention = options.convention()?;
    let availability = percent_from(&percent, "percent")?;
    let calendar = options.service_calendar(convention)?;
    output(&DowntimeAnswer::in_calendar(
        availability,
        convention,
        &calendar,
    ))
}

/// The availability that allows `allowed` downtime (seconds, or a duration such as
/// `"43m12s"`) per `per` (`day`, `week`, `month`, `quarter` or `year`), with the downtime it
/// allows per period: what `nines downtime --allowed D --per P --json` prints.
///
/// # Errors
/// `RangeError` when the downtime is negative or longer than the period, or `per` is unknown.
#[wasm_bindgen(unchecked_return_type = "DowntimeAnswer")]
pub fn required(
    #[wasm_bindgen(unchecked_param_type = "number | string")] allowed: JsValue,
    per: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "ConventionOptions | string")]
    options: JsOptions,
) -> Result<JsValue, JsValue> {
    let options = ConventionOptions::from_js(options)?;
    let convention = options.convention()?;
    let calendar = options.service_calendar(convention)?;
    let period = Period::parse(per).map_err(|e| to_error(Problem::value("per", e.to_string())))?;
    let seconds = match (allowed.as_f64(), allowed.as_string()) {
        (Some(seconds), _) => seconds,
        (None, Some(text)) => {
            parse_duration(&text).map_err(|e| to_error(Problem::value("allowed", e.to_string())))?
        }
        (None, None) => return Err(type_error("allowed", "expected a number or a string")),
    };
    let lengths = calendar.service_periods(convention);
    let availability = required_availability(seconds, period, &lengths).map_err(to_error)?;
    output(&DowntimeAnswer::in_calendar(
        availability,
        convention,
        &calendar,
    ))
}

/// Availability of parts that must all be up (percentages as numbers or strings).
///
/// # Errors
/// `RangeError` for an empty list or a bad percentage, naming its index.
#[wasm_bindgen(unchecked_return_type = "AvailabilityAnswer")]
pub fn serial(
    #[wasm_bindgen(unchecked_param_type = "Array<number | string>")] parts: JsValue,
) -> Result<JsValue, JsValue> {
    combined(Combine::Serial, &parts)
}

/// Availability of active-active parts: up while any one is up.
///
/// # Errors
/// `RangeError` for an empty list or a bad percentage, naming its index.
#[wasm_bindgen(unchecked_return_type = "AvailabilityAnswer")]
pub fn parallel(
    #[wasm_bindgen(unchecked_param_type = "Array<number | string>")] parts: JsValue,
) -> Result<JsValue, JsValue> {
    combined(Combine::Parallel, &parts)
}

/// Availability of parts of which at least `k` must be up.
///
/// # Errors
/// `RangeError` for `k` outside `1..=n` or a bad percentage, naming its index.
#[wasm_bindgen(js_name = kOfN, unchecked_return_type = "AvailabilityAnswer")]
pub fn k_of_n(
    k: f64,
    #[wasm_bindgen(unchecked_param_type = "Array<number | string>")] parts: JsValue,
) -> Result<JsValue, JsValue> {
    // JS numbers reach us as f64; refuse what a u32 conversion would silently wrap or truncate.
    if !(k.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&k)) {
        return Err(to_error(Problem::value(
            "k",
            format!(
                "{} is not a whole number of children",
                String::from(
                    js_sys::Number::from(k)
                        .to_string_with_radix(10)
                        .unwrap_or_default()
                )
            ),
        )));
    }
    combined(Combine::KOfN(k as u32), &parts)
}

/// Catalog entries whose id, provider, service or configuration contain every word of
/// `query` (all entries when it is empty or absent), optionally for one provider.
///
/// # Errors
/// `TypeError` for malformed options, `Error` if the bundled catalog is broken.
#[wasm_bindgen(unchecked_return_type = "CatalogResult")]
pub fn catalog(
    #[wasm_bindgen(unchecked_optional_param_type = "string")] query: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "CatalogOptions | string")] options: JsOptions,
) -> Result<JsValue, JsValue> {
    let options = CatalogOptions::from_js(options)?;
    let catalog = bundled()?;
    let version = catalog.version();
    output(&CatalogResult {
        version: version.version,
        date: version.date.to_string(),
        entries: catalog.search(query.as_deref().unwrap_or(""), options.provider.as_deref()),
    })
}

/// The library, report format and bundled catalog versions.
///
/// # Errors
/// `Error` if the bundled catalog is broken.
#[wasm_bindgen(unchecked_return_type = "VersionResult")]
pub fn version() -> Result<JsValue, JsValue> {
    output(&VersionResult {
        version: env!("CARGO_PKG_VERSION"),
        generator: concat!("nines-core ", env!("CARGO_PKG_VERSION")),
        report_schema_version: SCHEMA_VERSION,
        catalog: bundled()?.version(),
    })
}

// ---- wire types of this API (the report itself is `nines_core::Report`) ----

#[derive(Serialize)]
struct CatalogResult<'a> {
    version: String,
    date: String,
    entries: Vec<&'a Sla>,
}

#[derive(Serialize)]
struct VersionResult {
    version: &'static str,
    generator: &'static str,
    report_schema_version: u32,
    catalog: CatalogVersion,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvaluateOptions {
    #[serde(default)]
    convention: Option<String>,
    /// A catalog document `{version, date, entries}` (object or JSON text) replacing the
    /// bundled one, kept as text until it is read.
    #[serde(default)]
    catalog: Option<Box<RawValue>>,
    /// List the minimal cut sets up to this order (1 to 6).
    #[serde(default)]
    cut_sets: Option<u32>,
    /// Count expected downtime in the service time of this calendar of the model.
    #[serde(default)]
    calendar: Option<String>,
}

impl EvaluateOptions {
    fn cut_sets(&self) -> Result<Option<u32>, JsValue> {
        match self.cut_sets {
            Some(order) if !(1..=6).contains(&order) => Err(to_error(Problem::value(
                JsonPath::from("options").key("cut_sets"),
                format!("{order} is not an order from 1 to 6"),
            ))),
            other => Ok(other),
        }
    }
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConventionOptions {
    #[serde(default)]
    convention: Option<String>,
    /// The service time the percentage counts: `{time_zone, hours, holidays, maintenance}`.
    #[serde(default)]
    calendar: Option<Calendar>,
}

impl ConventionOptions {
    /// The options' calendar, 24×7 UTC when absent, with its holidays in the year asked.
    fn service_calendar(&self, convention: Convention) -> Result<Calendar, JsValue> {
        let calendar = self
            .calendar
            .clone()
            .unwrap_or_else(Calendar::around_the_clock);
        calendar.check_holidays_in(convention).map_err(|problem| {
            to_error(problem.under(&JsonPath::from("options").key("calendar")))
        })?;
        Ok(calendar)
    }
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogOptions {
    #[serde(default)]
    provider: Option<String>,
}

/// Options arrive as `undefined`, an object, or JSON text.
pub(crate) trait FromJs: Sized + Default + serde::de::DeserializeOwned {
    fn from_js(value: JsOptions) -> Result<Self, JsValue> {
        let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
            return Ok(Self::default());
        };
        let text = input_text(&value, "options")?;
        nines_core::from_json(&text).map_err(|problem| to_error(problem.under(&"options".into())))
    }
}

impl FromJs for EvaluateOptions {}
impl FromJs for ConventionOptions {}
impl FromJs for CatalogOptions {}

pub(crate) trait HasConvention {
    fn name(&self) -> Option<&str>;

    fn convention(&self) -> Result<Convention, JsValue> {
        match self.name() {
            None => Ok(Convention::default()),
            Some(name) => Convention::parse(name).map_err(|e| {
                let path = JsonPath::from("options").key("convention");
                to_error(Problem::value(path, e.to_string()))
            }),
        }
    }
}

impl HasConvention for EvaluateOptions {
    fn name(&self) -> Option<&str> {
        self.convention.as_deref()
    }
}

impl HasConvention for ConventionOptions {
    fn name(&self) -> Option<&str> {
        self.convention.as_deref()
    }
}

// ---- conversions ----

#[wasm_bindgen(module = "/js/catalog.js")]
extern "C" {
    /// The bundled catalog document as JSON text, from the package's `catalog.js`.
    #[wasm_bindgen(js_name = bundledCatalog)]
    fn bundled_catalog_text() -> String;
}

/// The bundled catalog, read once from the package's `catalog.js`. It is data and ships beside
/// the `.wasm` rather than inside it (nines-core's `bundled-catalog` feature is off here).
pub(crate) fn bundled() -> Result<&'static Catalog, JsValue> {
    static BUNDLED: OnceLock<Result<Catalog, Problems>> = OnceLock::new();
    match BUNDLED.get_or_init(|| Catalog::from_json(&bundled_catalog_text())) {
        Ok(catalog) => Ok(catalog),
        Err(problems) => Err(js_error(js_sys::Error::new(""), problems)),
    }
}

pub(crate) fn catalog_from(document: &RawValue) -> Result<Catalog, JsValue> {
    let at = JsonPath::from("options").key("catalog");
    // A JSON string holds the document's text; anything else is the document itself.
    let text = if document.get().starts_with('"') {
        nines_core::from_json::<String>(document.get())
            .map_err(|problem| to_error(problem.under(&at)))?
    } else {
        document.get().to_string()
    };
    Catalog::from_json(&text).map_err(|problems| {
        to_error(Problems(
            problems.0.into_iter().map(|p| p.under(&at)).collect(),
        ))
    })
}

/// JSON text from a string argument as is, or from any other value through `JSON.stringify`.
pub(crate) fn input_text(value: &JsValue, what: &str) -> Result<String, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    if value.is_undefined() {
        return Err(type_error(what, "missing: expected an object or JSON text"));
    }
    JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| type_error(what, "cannot be converted to JSON"))
}

/// A percentage given as a number or as text such as `"99.95%"`.
fn percent_from(value: &JsValue, path: impl Into<JsonPath>) -> Result<Availability, JsValue> {
    let path = path.into();
    let parsed = match (value.as_f64(), value.as_string()) {
        (Some(number), _) => Availability::from_percent(number),
        (None, Some(text)) => Availability::parse_percent(&text),
        (None, None) => {
            let problem = Problem::shape(path, "expected a percentage (number or string)");
            return Err(to_error(problem));
        }
    };
    parsed.map_err(|e| to_error(Problem::value(path, e.to_string())))
}

fn combined(how: Combine, parts: &JsValue) -> Result<JsValue, JsValue> {
    if !js_sys::Array::is_array(parts) {
        return Err(type_error(
            "availabilities",
            "expected an array of percentages",
        ));
    }
    let availabilities = js_sys::Array::from(parts)
        .iter()
        .enumerate()
        .map(|(i, part)| percent_from(&part, JsonPath::from("availabilities").index(i)))
        .collect::<Result<Vec<_>, _>>()?;
    let composite = combine(how, &availabilities).map_err(to_error)?;
    output(&AvailabilityAnswer::new(composite))
}

/// Serialized with the report's pretty formatter, so the package holds one JSON writer.
fn output<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    parse_output(&serde_json::to_string_pretty(value).map_err(internal)?)
}

pub(crate) fn parse_output(text: &str) -> Result<JsValue, JsValue> {
    JSON::parse(text)
}

// ---- errors ----

/// A `TypeError` for problems of shape, else a `RangeError`: the core's [`ProblemKind`] decides.
pub(crate) fn to_error(problems: impl Into<Problems>) -> JsValue {
    let problems = problems.into();
    let error: js_sys::Error = match problems.kind() {
        ProblemKind::Shape => js_sys::TypeError::new("").into(),
        ProblemKind::Value => js_sys::RangeError::new("").into(),
    };
    js_error(error, &problems)
}

fn type_error(path: &str, message: &str) -> JsValue {
    to_error(Problem::shape(path, message))
}

pub(crate) fn internal(error: serde_json::Error) -> JsValue {
    js_sys::Error::new(&error.to_string()).into()
}

/// One problem as `error.problems` lists it.
#[derive(Serialize)]
struct ProblemJs<'a> {
    path: String,
    kind: ProblemKind,
    message: &'a str,
}

/// Sets `message` to every problem on one line and `problems` to the list.
fn js_error(error: js_sys::Error, problems: &Problems) -> JsValue {
    error.set_message(&problems.to_string());
    let list: Vec<ProblemJs> = problems
        .0
        .iter()
        .map(|p| ProblemJs {
            path: p.path.to_string(),
            kind: p.kind,
            message: &p.message,
        })
        .collect();
    let list = serde_json::to_string_pretty(&list)
        .ok()
        .and_then(|text| JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("problems"), &list);
    error.into()
}
