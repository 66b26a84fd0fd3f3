//! The JSON Schemas in `data/schema/` (shipped in the JavaScript package as `schema/`):
//! generated from nines-core's types, never stale, and every example model and golden report
//! validates against them.
//!
//! Regenerate with `NINES_BLESS=1 cargo test -p nines-wasm --test schema`.

// Test helpers fail by panicking.
#![allow(clippy::unwrap_used, clippy::panic)]

use nines_core::{Catalog, Convention, Options};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn check_fresh(name: &str, generated: &Value) {
    let path = root().join("data/schema").join(name);
    let text = serde_json::to_string_pretty(generated).unwrap() + "\n";
    if std::env::var_os("NINES_BLESS").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        return;
    }
    let stored = fs::read_to_string(&path).unwrap_or_default();
    let stored: Value = serde_json::from_str(&stored).unwrap_or(Value::Null);
    assert!(
        stored == *generated,
        "data/schema/{name} is stale: run NINES_BLESS=1 cargo test -p nines-wasm --test schema"
    );
}

#[test]
fn model_schema_is_fresh() {
    check_fresh("model.schema.json", &nines_core::schema::model());
}

#[test]
fn report_schema_is_fresh() {
    check_fresh("report.schema.json", &nines_core::schema::report());
}

#[test]
fn answer_schemas_are_fresh() {
    check_fresh(
        "availability.schema.json",
        &nines_core::schema::availability_answer(),
    );
    check_fresh(
        "downtime.schema.json",
        &nines_core::schema::downtime_answer(),
    );
}

/// The decision answers' schemas are fresh, and the answers for every decision fixture and
/// example validate against them.
#[test]
fn decision_schemas_are_fresh_and_answers_validate() {
    use nines_core::decide::{improve, slo, DecideOptions, Optimizer, SloOptions};
    check_fresh("improve.schema.json", &nines_core::schema::improve_answer());
    check_fresh(
        "optimize.schema.json",
        &nines_core::schema::optimize_answer(),
    );
    check_fresh("slo.schema.json", &nines_core::schema::slo_answer());
    let validator = |schema: Value| jsonschema::validator_for(&schema).unwrap();
    let (improve_v, optimize_v, slo_v) = (
        validator(nines_core::schema::improve_answer()),
        validator(nines_core::schema::optimize_answer()),
        validator(nines_core::schema::slo_answer()),
    );
    let catalog = Catalog::bundled().unwrap();
    let mut files = Vec::new();
    json_files(&root().join("data/examples"), &mut files);
    json_files(&root().join("tests/fixtures/decide"), &mut files);
    for path in &files {
        let model = nines_core::Model::from_json(&fs::read_to_string(path).unwrap()).unwrap();
        let options = DecideOptions {
            target: nines_core::Availability::parse_percent("99.95").ok(),
            ..DecideOptions::default()
        };
        let answer = serde_json::to_value(improve(&model, &catalog, &options).unwrap()).unwrap();
        assert_valid(&improve_v, path, &answer);
        let answer = Optimizer::new(&model, &catalog, &options).unwrap().run();
        assert_valid(&optimize_v, path, &serde_json::to_value(answer).unwrap());
        let options = SloOptions {
            target: options.target,
            confidence: Some(0.9),
            trials: 2_000,
            // Calendars are laid over a named month.
            convention: nines_core::Convention::parse("2026-02").unwrap(),
            ..SloOptions::default()
        };
        let answer = serde_json::to_value(slo(&model, &catalog, &options).unwrap()).unwrap();
        assert_valid(&slo_v, path, &answer);
    }
}

#[test]
fn risk_schema_is_fresh_and_a_report_validates() {
    check_fresh("risk.schema.json", &nines_core::schema::risk_report());
    let model = nines_core::Model::from_json(
        &fs::read_to_string(root().join("data/examples/azure-two-regions.json")).unwrap(),
    )
    .unwrap();
    let catalog = Catalog::bundled().unwrap();
    let options = nines_core::simulate::SimulateOptions {
        trials: 5_000,
        target: nines_core::Availability::parse_percent("99.99").ok(),
        ..Default::default()
    };
    let report = nines_core::simulate::Simulation::new(&model, &catalog, options)
        .unwrap()
        .run();
    let validator = jsonschema::validator_for(&nines_core::schema::risk_report()).unwrap();
    assert_valid(
        &validator,
        Path::new("simulated"),
        &serde_json::to_value(&report).unwrap(),
    );
}

/// The quick answers the CLI and the package print validate against their schemas.
#[test]
fn answers_validate() {
    use nines_core::report::{AvailabilityAnswer, DowntimeAnswer};
    use nines_core::Availability;
    let validator = |schema: Value| jsonschema::validator_for(&schema).unwrap();
    let availability = validator(nines_core::schema::availability_answer());
    let downtime = validator(nines_core::schema::downtime_answer());
    for percent in ["99.95", "100", "0", "99.9999999999"] {
        let a = Availability::parse_percent(percent).unwrap();
        let figure = serde_json::to_value(AvailabilityAnswer::new(a)).unwrap();
        assert_valid(&availability, Path::new(percent), &figure);
        for convention in ["30-day", "2026-02", "gregorian", "365/12"] {
            let convention = Convention::parse(convention).unwrap();
            let answer = serde_json::to_value(DowntimeAnswer::new(a, convention)).unwrap();
            assert_valid(&downtime, Path::new(percent), &answer);
        }
    }
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn assert_valid(validator: &jsonschema::Validator, path: &Path, instance: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("  at {}: {e}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{} does not match its schema:\n{}",
        path.display(),
        errors.join("\n")
    );
}

/// Models: `data/examples/*.json` and fixture models under `tests/golden/`; reports: every
/// `*.report.json` under `tests/golden/`, plus the report of every model evaluated here.
#[test]
fn examples_and_golden_files_validate() {
    let model_schema = jsonschema::draft202012::new(&nines_core::schema::model()).unwrap();
    let report_schema = jsonschema::draft202012::new(&nines_core::schema::report()).unwrap();
    let catalog = Catalog::bundled().unwrap();

    let mut files = Vec::new();
    json_files(&root().join("data/examples"), &mut files);
    json_files(&root().join("tests/fixtures"), &mut files);
    json_files(&root().join("tests/golden"), &mut files);
    files.sort();
    let (mut models, mut reports) = (0, 0);
    for path in &files {
        let value = read(path);
        let name = path.file_name().unwrap().to_string_lossy();
        if name.ends_with(".report.json") || value.get("schema_version").is_some() {
            assert_valid(&report_schema, path, &value);
            reports += 1;
        } else if value.get("root").is_some() {
            assert_valid(&model_schema, path, &value);
            models += 1;
            let text = fs::read_to_string(path).unwrap();
            let options = Options {
                cut_sets: Some(3),
                ..Options::new(Convention::default())
            };
            // Fixtures of invalid models have no report.
            if let Ok(report) = nines_core::evaluate_json(&text, &catalog, &options) {
                assert_valid(
                    &report_schema,
                    path,
                    &serde_json::to_value(&report).unwrap(),
                );
                reports += 1;
            }
        }
    }
    assert!(models > 0, "no example models found");
    eprintln!("validated {models} models and {reports} reports");
}

#[test]
fn schema_rejects_what_nines_rejects() {
    let model_schema = jsonschema::draft202012::new(&nines_core::schema::model()).unwrap();
    let bad = [
        r#"{"root": {"component": {"availability": 100.5}}}"#,
        r#"{"root": {"component": {"availability": 99.9, "colour": "red"}}}"#,
        r#"{"root": {"serial": {"children": [{"spiral": {}}]}}}"#,
        r#"{"root": {"component": {"monthly_fee": "146"}}}"#,
        r#"{"name": "no root"}"#,
    ];
    for text in bad {
        let value: Value = serde_json::from_str(text).unwrap();
        assert!(!model_schema.is_valid(&value), "schema accepts {text}");
        assert!(
            nines_core::Model::from_json(text).is_err(),
            "nines accepts {text}"
        );
    }
}
