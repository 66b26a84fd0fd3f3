//! The OpenSLO documents nines writes validate against the published OpenSLO v1 JSON Schema,
//! vendored under `tests/openslo/` (Apache-2.0, from the OpenSLO/OpenSLO repository at commit
//! c0f662522fd92c86e8cfd87a3e3a39715a526ab2, the last with `schemas/v1`; see its README).
#![allow(clippy::unwrap_used, clippy::panic)]

use nines_core::decide::{openslo_yaml, SloOptions};
use nines_core::{Availability, Catalog, Convention, Model};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn validator() -> jsonschema::Validator {
    let dir = root().join("tests/openslo/v1");
    let mut registry = jsonschema::Registry::new();
    for entry in fs::read_dir(dir.join("parts")).unwrap() {
        let path = entry.unwrap().path();
        let schema: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let id = schema["$id"].as_str().unwrap().to_string();
        registry = registry.add(id, schema).unwrap();
    }
    let registry = registry.prepare().unwrap();
    let top: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("openslo.schema.json")).unwrap())
            .unwrap();
    jsonschema::options()
        .with_registry(&registry)
        .build(&top)
        .unwrap()
}

#[test]
fn openslo_documents_validate() {
    let validator = validator();
    let catalog = Catalog::bundled().unwrap();
    let mut files: Vec<PathBuf> = ["data/examples", "tests/fixtures/decide"]
        .iter()
        .flat_map(|d| fs::read_dir(root().join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for path in &files {
        let model = Model::from_json(&fs::read_to_string(path).unwrap()).unwrap();
        for (convention, zone) in [("2026-02", "Etc/UTC"), ("30-day", "Europe/Berlin")] {
            let options = SloOptions {
                convention: Convention::parse(convention).unwrap(),
                target: Availability::parse_percent("99.95").ok(),
                time_zone: zone.to_string(),
                ..SloOptions::default()
            };
            let yaml = openslo_yaml(&model, &catalog, &options).unwrap();
            let document: Value = serde_norway::from_str(&yaml).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&document)
                .map(|e| format!("  at {}: {e}", e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "{}:\n{yaml}\n{}",
                path.display(),
                errors.join("\n")
            );
            assert_eq!(document["spec"]["budgetingMethod"], "Timeslices");
            assert_eq!(
                document["spec"]["timeWindow"][0]["calendar"]["timeZone"],
                zone
            );
        }
    }
}

#[test]
fn the_schema_rejects_what_it_should() {
    let validator = validator();
    let good: Value = serde_norway::from_str(
        "apiVersion: openslo/v1\nkind: SLO\nmetadata: {name: a}\nspec: {service: a, indicatorRef: a, budgetingMethod: Timeslices, objectives: [{target: 0.99, timeSliceTarget: 0.9, timeSliceWindow: 1m}], timeWindow: [{duration: 1M, isRolling: false, calendar: {startTime: '2026-01-01 00:00:00', timeZone: Etc/UTC}}]}",
    )
    .unwrap();
    assert!(validator.is_valid(&good));
    for (pointer, bad) in [
        ("/spec/budgetingMethod", Value::from("Weekly")),
        ("/spec/objectives/0/target", Value::from(1.0)),
        ("/spec/timeWindow/0/calendar/timeZone", Value::from("UTC")),
        ("/metadata/name", Value::from("Has Spaces")),
    ] {
        let mut document = good.clone();
        *document.pointer_mut(pointer).unwrap() = bad;
        assert!(!validator.is_valid(&document), "accepted a bad {pointer}");
    }
}
