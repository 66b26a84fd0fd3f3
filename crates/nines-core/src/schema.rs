//! JSON Schemas (draft 2020-12) of the [`Model`] and the [`Report`], generated from the Rust
//! types with [`schemars`] (feature `schema`). The checked-in copies live in `data/schema/`.
//!
//! ```
//! let model = nines_core::schema::model();
//! assert_eq!(model["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(model["required"][0], "root");
//! ```
//!
//! The model schema describes what nines *reads* (amounts are numbers); the report schema
//! describes what it *writes* (amounts are decimal strings such as `"146.00"`, and the echoed
//! model's defaults are filled in). Types with hand-written serde impls get hand-written
//! schemas here.

use crate::availability::{Availability, Percent};
use crate::convention::{Convention, YearMonth};
use crate::model::Model;
use crate::report::{
    AvailabilityAnswer, DowntimeAnswer, ImproveAnswer, OptimizeAnswer, Report, RiskReport,
    SloAnswer,
};
use crate::text::money::Money;
use schemars::generate::SchemaSettings;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

/// The schema of the model nines reads, as JSON.
pub fn model() -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator();
    with_id(generator.into_root_schema_for::<Model>(), "model")
}

/// The schema of the report nines writes, as JSON.
pub fn report() -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    with_id(generator.into_root_schema_for::<Report>(), "report")
}

/// The schema of `nines serial|parallel|k-of-n --json` and of the JS `serial`, `parallel` and
/// `kOfN` results.
pub fn availability_answer() -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    with_id(
        generator.into_root_schema_for::<AvailabilityAnswer>(),
        "availability",
    )
}

/// The schema of `nines downtime --json` and of the JS `downtime` and `required` results.
pub fn downtime_answer() -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    with_id(
        generator.into_root_schema_for::<DowntimeAnswer>(),
        "downtime",
    )
}

/// The schema of the risk report (`nines simulate --json`, JS `simulate`).
pub fn risk_report() -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    with_id(generator.into_root_schema_for::<RiskReport>(), "risk")
}

/// The schema of `nines improve --json` (JS `improve`).
pub fn improve_answer() -> serde_json::Value {
    written::<ImproveAnswer>("improve")
}

/// The schema of `nines optimize --json` (JS `optimize`, `Optimization`).
pub fn optimize_answer() -> serde_json::Value {
    written::<OptimizeAnswer>("optimize")
}

/// The schema of `nines slo --json` (JS `slo`).
pub fn slo_answer() -> serde_json::Value {
    written::<SloAnswer>("slo")
}

/// The schema of a type nines writes, with its `$id`.
fn written<T: JsonSchema>(name: &str) -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    with_id(generator.into_root_schema_for::<T>(), name)
}

fn with_id(schema: Schema, name: &str) -> serde_json::Value {
    let mut value = schema.to_value();
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "$id".to_string(),
            format!("https://example.invalid/nines/schema/{name}.schema.json").into(),
        );
    }
    value
}

impl JsonSchema for Availability {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Availability".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An availability in percent, e.g. 99.95.",
            "type": "number",
            "minimum": 0,
            "maximum": 100
        })
    }
}

impl JsonSchema for Percent {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Percent".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A percentage in 0..=100 (a credit or a tier threshold).",
            "type": "number",
            "minimum": 0,
            "maximum": 100
        })
    }
}

/// A number of currency units when read, a decimal string with two places when written.
impl JsonSchema for Money {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        if generator.contract().is_serialize() {
            json_schema!({
                "description": "An amount with two decimal places, e.g. \"1234.50\".",
                "type": "string",
                "pattern": "^-?[0-9]+\\.[0-9]{2}$"
            })
        } else {
            json_schema!({
                "description": "An amount in currency units, rounded to the cent.",
                "type": "number",
                "minimum": 0,
                "maximum": 1e12
            })
        }
    }
}

/// Money in a model, read and written as a number of currency units.
pub(crate) struct Units;

impl JsonSchema for Units {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Units".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An amount in currency units, rounded to the cent.",
            "type": "number",
            "minimum": 0,
            "maximum": 1e12
        })
    }
}

impl JsonSchema for YearMonth {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "YearMonth".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A calendar month, YYYY-MM.",
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"
        })
    }
}

impl JsonSchema for Convention {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Convention".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "30-day, 365/12, gregorian, or a calendar month YYYY-MM.",
            "type": "string",
            "pattern": "^(30-day|365/12|gregorian|[0-9]{4}-(0[1-9]|1[0-2]))$"
        })
    }
}
