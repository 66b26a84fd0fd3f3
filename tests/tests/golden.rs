//! Golden reports: each model's report, byte for byte, as `nines eval --month 2026-02 --json`
//! prints it. `NINES_BLESS=1` rewrites the references.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: failing loudly is the point

use nines_core::{evaluate_json, evaluate_model, Catalog, Convention, Model, Options};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The report exactly as the CLI prints it: against the catalog as far as the model needs it
/// ([`Catalog::bundled_for`]), which must give the bytes the whole catalog gives.
fn report(model: &Path) -> String {
    let text =
        std::fs::read_to_string(model).unwrap_or_else(|e| panic!("{}: {e}", model.display()));
    let options = Options::new(Convention::parse("2026-02").expect("month"));
    let pretty = |report| {
        let mut json = serde_json::to_string_pretty(&report).expect("serializable");
        json.push('\n');
        json
    };
    let parsed = Model::from_json(&text).unwrap_or_else(|p| panic!("{}: {p}", model.display()));
    let needed = Catalog::bundled_for(&parsed).expect("bundled catalog");
    let as_cli = evaluate_model(parsed, &needed, &options)
        .unwrap_or_else(|p| panic!("{}: {p}", model.display()));
    let whole = Catalog::bundled().expect("bundled catalog");
    let with_all = evaluate_json(&text, &whole, &options).expect("evaluated above");
    let json = pretty(as_cli);
    assert_eq!(
        json,
        pretty(with_all),
        "{}: the catalog it needs",
        model.display()
    );
    json
}

fn check(model: &str, golden: &str) {
    let (model, golden) = (root().join(model), root().join(golden));
    let actual = report(&model);
    if std::env::var_os("NINES_BLESS").is_some() {
        std::fs::write(&golden, &actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with NINES_BLESS=1 to create it)",
            golden.display()
        )
    });
    if actual != expected {
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{} differs from {} at line {}:\n  actual:   {}\n  expected: {}\n(NINES_BLESS=1 regenerates after review)",
            model.display(),
            golden.display(),
            line + 1,
            actual.lines().nth(line).unwrap_or(""),
            expected.lines().nth(line).unwrap_or("")
        );
    }
}

macro_rules! golden {
    ($($name:ident: $model:literal => $golden:literal,)*) => {
        $(#[test] fn $name() { check($model, $golden); })*
        const LISTED: &[&str] = &[$($model),*];
    };
}

golden! {
    example_aws_three_tier: "data/examples/aws-three-tier.json" => "tests/golden/examples/aws-three-tier.report.json",
    example_azure_two_regions: "data/examples/azure-two-regions.json" => "tests/golden/examples/azure-two-regions.report.json",
    example_azure_web_sql: "data/examples/azure-web-sql.json" => "tests/golden/examples/azure-web-sql.report.json",
    example_backup_storage: "data/examples/backup-storage.json" => "tests/golden/examples/backup-storage.report.json",
    example_cloud_business_hours: "data/examples/cloud-business-hours.json" => "tests/golden/examples/cloud-business-hours.report.json",
    example_cloud_pair: "data/examples/cloud-pair.json" => "tests/golden/examples/cloud-pair.report.json",
    example_hosting_business_hours: "data/examples/hosting-business-hours.json" => "tests/golden/examples/hosting-business-hours.report.json",
    example_onprem_pair: "data/examples/onprem-pair.json" => "tests/golden/examples/onprem-pair.report.json",
    failover_onprem: "tests/fixtures/failover-onprem.json" => "tests/golden/failover-onprem.report.json",
    inline_sla_hosting: "tests/fixtures/inline-sla-hosting.json" => "tests/golden/inline-sla-hosting.report.json",
    k_of_n_mixed: "tests/fixtures/k-of-n-mixed.json" => "tests/golden/k-of-n-mixed.report.json",
    perfect_dns: "tests/fixtures/perfect-dns.json" => "tests/golden/perfect-dns.report.json",
    regions_with_copies: "tests/fixtures/regions-with-copies.json" => "tests/golden/regions-with-copies.report.json",
    shared_two_branches: "tests/fixtures/shared-two-branches.json" => "tests/golden/shared-two-branches.report.json",
    twelve_nines: "tests/fixtures/twelve-nines.json" => "tests/golden/twelve-nines.report.json",
}

#[test]
fn every_model_has_a_golden_test() {
    for dir in ["data/examples", "tests/fixtures"] {
        for entry in std::fs::read_dir(root().join(dir)).expect("dir") {
            let name = entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .to_string();
            if name.ends_with(".json") {
                let path = format!("{dir}/{name}");
                assert!(LISTED.contains(&path.as_str()), "{path} has no golden test");
            }
        }
    }
}

/// A calendar of every minute in UTC changes no figure: each golden report, its `input` aside,
/// is the same with such a calendar as the figures', the business's and every inline SLA's.
#[test]
fn an_around_the_clock_calendar_gives_the_golden_figures() {
    let catalog = Catalog::bundled().expect("bundled catalog");
    let convention = Convention::parse("2026-02").expect("month");
    let options = Options {
        calendar: Some("always".to_string()),
        ..Options::new(convention)
    };
    for model in LISTED {
        let text = std::fs::read_to_string(root().join(model)).expect("model");
        let mut json: serde_json::Value = serde_json::from_str(&text).expect("json");
        let calendars = json["calendars"]
            .as_object_mut()
            .map(|c| c.len())
            .unwrap_or(0);
        if calendars > 0 {
            continue; // the business-hours examples have calendars of their own
        }
        json["calendars"] = serde_json::json!({"always": {"time_zone": "UTC"}});
        json["business_calendar"] = "always".into();
        set_sla_calendars(&mut json["root"]);
        let with = evaluate_json(&json.to_string(), &catalog, &options).expect("evaluates");
        let golden = root().join(
            model
                .replace("data/examples/", "tests/golden/examples/")
                .replace("tests/fixtures/", "tests/golden/")
                .replace(".json", ".report.json"),
        );
        let mut expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(golden).expect("golden")).expect("json");
        let mut actual = serde_json::to_value(&with).expect("report");
        expected.as_object_mut().expect("object").remove("input");
        actual.as_object_mut().expect("object").remove("input");
        assert!(
            actual == expected,
            "{model}: a 24×7 UTC calendar changed the report"
        );
    }
}

/// Points every inline SLA under `node` at the calendar `always`.
fn set_sla_calendars(node: &mut serde_json::Value) {
    if let Some(sla) = node.pointer_mut("/component/sla") {
        sla["calendar"] = "always".into();
    }
    match node {
        serde_json::Value::Object(map) => map.values_mut().for_each(set_sla_calendars),
        serde_json::Value::Array(items) => items.iter_mut().for_each(set_sla_calendars),
        _ => {}
    }
}
