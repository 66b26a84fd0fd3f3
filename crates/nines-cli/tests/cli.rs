//! The CLI contract scripts depend on: JSON keys, exit codes, one-line errors naming the
//! argument or JSON path.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: failing loudly is the point

use serde::Deserialize;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn nines(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nines"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nines runs");
    if let Some(text) = stdin {
        let mut input = child.stdin.take().expect("stdin");
        // A bad model may be rejected before all of it is read.
        let _ = input.write_all(text.as_bytes());
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("nines finishes")
}

fn json<T: for<'de> Deserialize<'de>>(args: &[&str]) -> T {
    let out = nines(args, None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// Runs with bad input and returns the single stderr line; asserts exit code 2.
fn bad(args: &[&str], stdin: Option<&str>) -> String {
    let out = nines(args, stdin);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(out.stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    stderr
}

#[derive(Deserialize)]
struct Composite {
    availability: f64,
    unavailability: f64,
    percent: String,
    nines: f64,
}

#[test]
fn composition_commands() {
    let c: Composite = json(&["serial", "99.95", "99.99", "--json"]);
    assert_eq!(c.percent, "99.940005");
    assert!((c.unavailability - 5.9995e-4).abs() < 1e-18);
    assert!((c.availability - 0.999_400_05).abs() < 1e-15);

    let c: Composite = json(&["parallel", "99.99%", "99.9", "--json"]);
    assert_eq!(c.percent, "99.99999");
    assert!((c.nines - 7.0).abs() < 1e-12);

    // 2 of 3 at 99.9%: 3u²(1−u) + u³ = 2.998e-6
    let c: Composite = json(&["k-of-n", "2", "99.9", "99.9", "99.9", "--json"]);
    assert_eq!(c.percent, "99.9997002");
}

#[derive(Deserialize)]
struct DowntimeOut {
    convention: String,
    seconds: Seconds,
    availability: f64,
}

#[derive(Deserialize)]
struct Seconds {
    day: f64,
    week: f64,
    month: f64,
    quarter: f64,
    year: f64,
}

#[test]
fn downtime_both_ways() {
    let d: DowntimeOut = json(&["downtime", "99.9", "--month", "2026-02", "--json"]);
    assert_eq!(d.convention, "2026-02");
    assert_eq!(d.seconds.month, 2419.2);
    assert_eq!(d.seconds.day, 86.4);
    assert_eq!(d.seconds.week, 604.8);
    assert_eq!(d.seconds.quarter, 7776.0); // Jan–Mar 2026: 90 days
    assert_eq!(d.seconds.year, 31_536.0);

    let d: DowntimeOut = json(&["downtime", "99.9", "--convention", "gregorian", "--json"]);
    assert_eq!(d.convention, "gregorian");
    assert_eq!(d.seconds.month, 2629.746);

    let d: DowntimeOut = json(&[
        "downtime",
        "--allowed",
        "43m12s",
        "--per",
        "month",
        "--convention",
        "30-day",
        "--json",
    ]);
    assert_eq!(d.availability, 0.999);
    assert_eq!(d.convention, "30-day");
}

/// `nines downtime` in service hours: the contract's flags and keys.
#[test]
fn downtime_in_service_hours() {
    let out = nines(
        &[
            "downtime",
            "99.9",
            "--month",
            "2026-03",
            "--hours",
            "mon-fri 09:00-17:00",
            "--tz",
            "Europe/Berlin",
            "--json",
        ],
        None,
    );
    assert!(out.status.success());
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // 22 working days × 8 h = 176 h; 0.1% of that is 10 min 33.6 s.
    assert_eq!(d["seconds"]["month"], 633.6);
    assert_eq!(d["text"]["month"], "10 min 33.6 s");
    assert_eq!(d["service_seconds"]["month"], 633_600.0);
    for key in ["day", "week", "month", "quarter", "year"] {
        assert!(d["service_seconds"][key].is_number(), "{key}");
    }
    let with_holiday = nines(
        &[
            "downtime",
            "99.9",
            "--month",
            "2026-03",
            "--hours",
            "mon-fri 09:00-17:00",
            "--holiday",
            "2026-03-20",
            "--json",
        ],
        None,
    );
    let d: serde_json::Value = serde_json::from_slice(&with_holiday.stdout).unwrap();
    assert_eq!(d["seconds"]["month"], 604.8);
    // The same calendar from a file.
    let file = std::env::temp_dir().join(format!("nines-calendar-{}.json", std::process::id()));
    std::fs::write(
        &file,
        r#"{"time_zone": "Europe/Berlin", "hours": {"mon": [["09:00","17:00"]], "tue": [["09:00","17:00"]],
            "wed": [["09:00","17:00"]], "thu": [["09:00","17:00"]], "fri": [["09:00","17:00"]]}}"#,
    )
    .unwrap();
    let path = file.to_string_lossy().to_string();
    let d: serde_json::Value = json(&[
        "downtime",
        "99.9",
        "--month",
        "2026-03",
        "--calendar",
        &path,
        "--json",
    ]);
    assert_eq!(d["seconds"]["month"], 633.6);
    // Bad input: one line naming the argument or the JSON path, exit 2.
    assert!(bad(&["downtime", "99.9", "--tz", "Europe/Berln"], None)
        .starts_with("nines: --tz: unknown time zone"));
    assert!(bad(
        &["downtime", "99.9", "--hours", "mon-fri 17:00-09:00"],
        None
    )
    .starts_with("nines: --hours: 17:00–09:00 ends before it starts"));
    assert!(bad(&["downtime", "99.9", "--holiday", "2026-02-30"], None)
        .starts_with("nines: --holiday:"));
    let elsewhere = [
        "--month",
        "2026-03",
        "--holiday",
        "2026-03-20",
        "--holiday",
        "2025-12-25",
    ];
    let message = bad(&[&["downtime", "99.9"][..], &elsewhere[..]].concat(), None);
    assert!(
        message.starts_with("nines: --holiday: 2025-12-25 is not in 2026"),
        "{message}"
    );
    std::fs::write(
        &file,
        r#"{"hours": {"mon": [["09:00","12:00"],["11:00","13:00"]]}}"#,
    )
    .unwrap();
    let message = bad(&["downtime", "99.9", "--calendar", &path], None);
    assert!(
        message.contains("hours.mon: 09:00–12:00 and 11:00–13:00 overlap"),
        "{message}"
    );
    let _ = std::fs::remove_file(file);
}

#[derive(Deserialize)]
struct ReportHead {
    schema_version: u32,
    availability: f64,
    unavailability: f64,
    percent: String,
}

#[test]
fn eval_reads_files_and_stdin() {
    let model = r#"{"root": {"serial": {"children": [
        {"component": {"id": "web", "catalog": "azure/app-service/paid-tiers"}},
        {"component": {"id": "sql", "catalog": "azure/sql-database/not-zone-redundant"}}]}}}"#;
    let out = nines(&["eval", "-", "--json"], Some(model));
    assert!(out.status.success());
    let r: ReportHead = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r.schema_version, 1);
    assert_eq!(r.percent, "99.940005");
    assert!((r.unavailability - 5.9995e-4).abs() < 1e-18);
    assert!((r.availability + r.unavailability - 1.0).abs() < 1e-15);

    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/examples/azure-web-sql.json"
    );
    let out = nines(&["eval", example, "--month", "2026-02"], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("availability    99.940005%"), "{text}");
    assert!(text.contains("calendar month 2026-02 (28 days)"), "{text}");
}

#[test]
fn a_reader_that_stops_early_ends_it_quietly() {
    // `nines eval … --json | head`: the report (far more than a pipe holds) meets a closed
    // pipe; that is the reader's choice, not an error.
    let children: Vec<String> = (0..400)
        .map(|i| format!(r#"{{"component": {{"id": "c{i}", "availability": 99.9}}}}"#))
        .collect();
    let model = format!(
        r#"{{"root": {{"parallel": {{"children": [{}]}}}}}}"#,
        children.join(",")
    );
    let path = std::env::temp_dir().join(format!("nines-closed-{}.json", std::process::id()));
    std::fs::write(&path, model).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_nines"))
        .args(["eval", path.to_str().unwrap(), "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(first, *b"{");
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn catalog_lists_and_shows() {
    let entries: Vec<serde_json::Value> = json(&["catalog", "virtual machines", "--json"]);
    assert!(entries.len() >= 5);
    let one: serde_json::Value = json(&["catalog", "show", "azure/backup/standard", "--json"]);
    assert_eq!(one["credit_cap"], 25.0);
    let out = nines(
        &[
            "catalog",
            "show",
            "azure/virtual-machines/availability-zones",
        ],
        None,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("below 99.99% → 10% credit (after 4 min 19.2 s down in the month)"),
        "{text}"
    );
}

#[test]
fn bad_arguments_exit_2_naming_the_argument() {
    assert!(bad(&["serial", "abc"], None).contains("'abc' for '<AVAILABILITIES>...': not a number"));
    assert!(bad(&["serial", "100.5%"], None).contains("100.5% is outside 0..=100%"));
    assert!(
        bad(&["parallel", "NaN"], None).contains("'NaN' for '<AVAILABILITIES>...': not a number")
    );
    assert!(bad(&["serial"], None).contains("<AVAILABILITIES>"));
    assert_eq!(
        bad(&["k-of-n", "4", "99.9", "99.9", "99.9"], None),
        "nines: k: k = 4 must be between 1 and n = 3 children\n"
    );
    assert!(bad(&["downtime", "99.9", "--month", "2026-13"], None).contains("--month"));
    assert!(
        bad(&["downtime", "--allowed", "31d", "--per", "day"], None).starts_with("nines: allowed:")
    );
    assert!(bad(&["catalog", "show", "nope/nope/nope"], None).contains("unknown catalog id"));
    assert!(
        bad(&["eval", "/no/such/file.json"], None).starts_with("nines: FILE /no/such/file.json")
    );
}

#[test]
fn bad_models_exit_2_naming_the_json_path() {
    let eval = |model: &str| bad(&["eval", "-"], Some(model));
    assert!(eval(r#"{"root": "#)
        .starts_with("nines: root: malformed JSON: EOF while parsing a value at line 1"));
    assert!(eval(r#"{"root": {"component": {"availabilty": 99}}}"#)
        .starts_with("nines: root.component.availabilty: unknown field `availabilty`"));
    assert_eq!(
        eval(r#"{"root": {"parallel": {"children": []}}}"#),
        "nines: root.parallel.children: empty group: add at least one child\n"
    );
    assert_eq!(
        eval(
            r#"{"root": {"k_of_n": {"k": 3, "children": [{"component": {"availability": 99}}]}}}"#
        ),
        "nines: root.k_of_n.k: k = 3 must be between 1 and n = 1 children\n"
    );
    assert_eq!(
        eval(r#"{"root": {"component": {"catalog": "aws/nope/x"}}}"#),
        "nines: root.component.catalog: unknown catalog id \"aws/nope/x\" (see `nines catalog`)\n"
    );
    assert_eq!(
        eval(r#"{"root": {"component": {"availability": 100.5}}}"#),
        "nines: root.component.availability: 100.5% is outside 0..=100%\n"
    );
    assert_eq!(
        eval(r#"{"root": {"shared": "idp"}}"#),
        "nines: root.shared: unknown shared component \"idp\": define it under \"shared\"\n"
    );
    // A value its type refuses is placed at the value, however deep.
    assert_eq!(
        eval(
            r#"{"root": {"component": {"availability": 99}}, "incidents": [{"component": "c", "start": "2026-02-03T10:00", "minutes": 5}, {"component": "c", "start": "3 Feb", "minutes": 5}]}"#
        ),
        "nines: incidents[1].start: expected a UTC time such as 2026-02-03T10:00, got \"3 Feb\"\n"
    );
    assert_eq!(
        eval(r#"{"root": {"serial": {"children": [{"component": {"availability": 99}}, {"component": {"availability": "high"}}]}}}"#),
        "nines: root.serial.children[1].component.availability: invalid type: string \"high\", expected a number\n"
    );
    assert_eq!(
        eval(r#"{"root": {"component": {"availability": 99}}, "business_loss_per_hour": -1}"#),
        "nines: business_loss_per_hour: -1 is not an amount of money (expected 0 to 1e12, at most cents)\n"
    );
    // Several problems come back together, on one line.
    let many = eval(
        r#"{"root": {"serial": {"children": [{"parallel": {"children": []}}, {"component": {}}]}}}"#,
    );
    assert!(many.contains("root.serial.children[0].parallel.children: empty group"));
    assert!(many.contains("; root.serial.children[1].component: give exactly one of"));
}

#[test]
fn too_deep_and_too_large_models_are_refused() {
    let deep = format!(
        r#"{{"root": {}{{"component": {{"availability": 99}}}}{}}}"#,
        r#"{"serial": {"children": ["#.repeat(40),
        "]}}".repeat(40)
    );
    assert!(bad(&["eval", "-"], Some(&deep)).contains("model too deep"));
    let deeper = format!(
        r#"{{"root": {}{{"component": {{"availability": 99}}}}{}}}"#,
        r#"{"serial": {"children": ["#.repeat(200),
        "]}}".repeat(200)
    );
    assert!(bad(&["eval", "-"], Some(&deeper)).contains("model too deep"));
    let wide = format!(
        r#"{{"root": {{"serial": {{"children": [{}]}}}}}}"#,
        vec![r#"{"component": {"availability": 99}}"#; 1_000_001].join(",")
    );
    assert!(bad(&["eval", "-"], Some(&wide)).contains("model too large: more than 1000000 nodes"));
}

/// The CLI prints exactly the golden report (the golden tests pin the report itself).
#[test]
fn eval_json_is_the_golden_report() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let out = nines(
        &[
            "eval",
            &format!("{root}/data/examples/azure-two-regions.json"),
            "--month",
            "2026-02",
            "--json",
        ],
        None,
    );
    let golden = std::fs::read(format!(
        "{root}/tests/golden/examples/azure-two-regions.report.json"
    ))
    .expect("golden report");
    assert!(
        out.stdout == golden,
        "CLI output differs from the golden report"
    );
}

/// Models whose exact evaluation would hang are refused up front, naming what to change.
#[test]
fn too_costly_models_are_refused() {
    let shared = |n: usize| -> String {
        (0..n)
            .map(|i| format!(r#""s{i}": {{"availability": 99.9}}"#))
            .collect::<Vec<_>>()
            .join(",")
    };
    let refs = |n: usize| -> String {
        (0..n)
            .map(|i| format!(r#"{{"shared": "s{i}"}}"#))
            .collect::<Vec<_>>()
            .join(",")
    };
    let two_paths = |n: usize| {
        format!(
            r#"{{"shared": {{{}}}, "root": {{"parallel": {{"children": [
                {{"serial": {{"children": [{}]}}}},
                {{"serial": {{"children": [{}]}}}}]}}}}}}"#,
            shared(n),
            refs(n),
            refs(n)
        )
    };
    assert!(bad(&["eval", "-"], Some(&two_paths(21)))
        .contains("shared: 21 shared components must be conditioned on together"));
    // 19 entangled components under a 2-of-400: 2^19 table entries × 401 inputs.
    let voters: String = (0..400)
        .map(|i| format!(r#"{{"shared": "s{}"}}"#, i % 19))
        .collect::<Vec<_>>()
        .join(",");
    let voting = format!(
        r#"{{"shared": {{{}}}, "root": {{"parallel": {{"children": [
            {{"k_of_n": {{"k": 2, "children": [{voters}]}}}},
            {{"serial": {{"children": [{}]}}}}]}}}}}}"#,
        shared(19),
        refs(19)
    );
    assert!(bad(&["eval", "-"], Some(&voting)).contains("would take"));

    let copies = r#"{"root": {"replicate": {"copies": 1000, "child": {"replicate": {"copies": 1000,
        "child": {"serial": {"children": [{"component": {"id": "a", "availability": 99}},
        {"component": {"id": "b", "availability": 99}}]}}}}}},
        "incidents": [{"component": "a", "start": "2026-02-01T00:00", "minutes": 5}]}"#;
    assert!(bad(&["eval", "-"], Some(copies)).contains(
        "incidents: a scenario walks every replicated copy: 2000000 component instances"
    ));
}

/// A catalog file of one's own contracts: one entry, `id` and `commitment` as given.
fn own_catalog(id: &str, commitment: &str) -> std::path::PathBuf {
    let text = format!(
        r#"{{"version": "acme-2026", "date": "2026-06-01", "entries": [{{
        "id": "{id}", "provider": "acme", "service": "Hosting", "configuration": "one server",
        "commitment": {commitment}, "window": "calendar_month",
        "downtime_definition": {{"kind": "unavailable_minutes", "text": "down"}},
        "credit_tiers": [{{"below": {commitment}, "credit": 10}}], "credit_cap": 100,
        "claim_window": "30 days", "data_guarantee": {{"kind": "not_applicable", "text": ""}},
        "source": {{"url": "https://example.com/contract", "as_of": "2026-06-01", "status": "primary"}}}}]}}"#
    );
    let path = std::env::temp_dir().join(format!(
        "nines-cli-{}-{}.json",
        std::process::id(),
        id.replace('/', "-")
    ));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn own_catalogs_merge_with_the_bundled_one() {
    let mine = own_catalog("acme/hosting/server", "99.5");
    let mine = mine.to_str().unwrap();
    let model = r#"{"root": {"serial": {"children": [
        {"component": {"id": "host", "catalog": "acme/hosting/server", "monthly_fee": 100}},
        {"component": {"id": "vm", "catalog": "azure/virtual-machines/availability-zones"}}]}}}"#;
    let out = nines(&["eval", "-", "--catalog", mine, "--json"], Some(model));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["percent"], "99.49005"); // 99.5% × 99.99%: 1 − 0.005 − 0.0001 + 5e-7
    assert!(report["catalog"]["version"]
        .as_str()
        .unwrap()
        .ends_with(" + acme-2026"));

    // An id the bundled catalog has is refused unless --override says so.
    let clash = own_catalog("azure/virtual-machines/availability-zones", "99.9");
    let clash = clash.to_str().unwrap();
    let error = bad(&["eval", "-", "--catalog", clash], Some(model));
    assert!(
        error.starts_with(&format!("nines: --catalog {clash}: entries[0].id: id \"azure/virtual-machines/availability-zones\" is already in catalog")),
        "{error}"
    );
    let out = nines(
        &[
            "catalog",
            "show",
            "azure/virtual-machines/availability-zones",
            "--catalog",
            clash,
            "--override",
            "--json",
        ],
        None,
    );
    let entry: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(entry["commitment"], 99.9);
}

#[test]
fn catalog_check_stale_before_and_summary() {
    let mine = own_catalog("acme/hosting/server", "99.5");
    let mine = mine.to_str().unwrap();
    let out = nines(&["catalog", "check", mine], None);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{mine}: ok, catalog acme-2026 (2026-06-01) with 1 entries\n")
    );
    let broken = r#"{"version": "x", "date": "2026-01-01", "entries": [{"id": "a"}]}"#;
    let error = bad(&["catalog", "check", "-"], Some(broken));
    assert!(
        error.starts_with("nines: entries[0]: missing field"),
        "{error}"
    );
    // The bundled catalog's own files: the manifest (its files read beside it) and one
    // provider file; the entry counts are the catalog summary's.
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/catalog");
    let summary: serde_json::Value = json(&["catalog", "--summary", "--json"]);
    let manifest = format!("{folder}/catalog.json");
    let out = nines(&["catalog", "check", &manifest], None);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.ends_with(&format!("with {} entries\n", summary["entries"])),
        "{said}"
    );
    let aws = format!("{folder}/aws.json");
    let out = nines(&["catalog", "check", &aws], None);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "{aws}: ok, provider file with {} entries\n",
            summary["providers"]["aws"]
        )
    );
    let broken = r#"{"provider": "acme", "entries": [{"id": "a"}]}"#;
    let error = bad(&["catalog", "check", "-"], Some(broken));
    assert!(
        error.starts_with("nines: entries[0]: missing field"),
        "{error}"
    );

    let stale: Vec<serde_json::Value> =
        json(&["catalog", "--stale-before", "2017-01-01", "--json"]);
    assert!(!stale.is_empty());
    assert!(stale
        .iter()
        .all(|e| e["source"]["as_of"].as_str().unwrap() < "2017-01-01"));
    assert!(bad(&["catalog", "--stale-before", "2017-13-01"], None).contains("--stale-before"));

    let summary: serde_json::Value = json(&["catalog", "--summary", "--json"]);
    let entries = summary["entries"].as_u64().unwrap();
    let by_provider: u64 = summary["providers"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    let by_status: u64 = summary["statuses"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert!(entries >= 150);
    assert_eq!((by_provider, by_status), (entries, entries));
}

/// 15-, 16- and 17-digit percentages: `eval` reads a model's numbers from their decimal text,
/// as the composers read their arguments, so both give the same exact complement.
#[test]
fn every_digit_of_a_percentage_counts() {
    for (percent, u) in [
        ("99.9999999999999", 1e-15),
        ("99.99999999999999", 1e-16),
        ("99.999999999999999", 1e-17),
    ] {
        let serial: serde_json::Value = json(&["serial", percent, "--json"]);
        let model =
            format!(r#"{{"root": {{"component": {{"id": "a", "availability": {percent}}}}}}}"#);
        let out = nines(&["eval", "-", "--json"], Some(&model));
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(serial["unavailability"].as_f64(), Some(u), "{percent}");
        assert_eq!(report["unavailability"].as_f64(), Some(u), "{percent}");
    }
}

#[test]
fn eval_lists_how_a_design_fails() {
    let model = r#"{"shared": {"idp": {"availability": 99.99}}, "root": {"serial": {"children": [
        {"shared": "idp"},
        {"parallel": {"children": [{"component": {"id": "a", "availability": 99}},
                                   {"component": {"id": "b", "availability": 99}}]}}]}}}"#;
    let out = nines(&["eval", "-", "--cut-sets", "2", "--json"], Some(model));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sets = &report["cut_sets"]["sets"];
    assert_eq!(report["cut_sets"]["order"], 2);
    assert_eq!(sets[0]["members"][0]["component"], "idp");
    assert_eq!(sets[1]["members"][0]["component"], "a");
    assert_eq!(sets[1]["members"][1]["component"], "b");
    assert_eq!(sets[1]["probability"].as_f64(), Some(1e-4)); // 0.01 × 0.01
    let text =
        String::from_utf8_lossy(&nines(&["eval", "-", "--cut-sets", "2"], Some(model)).stdout)
            .to_string();
    assert!(text.contains("a + b"), "{text}");
    assert!(bad(&["eval", "-", "--cut-sets", "9"], Some(model)).contains("--cut-sets"));
    // Without the flag the report has no cut_sets: golden reports are unchanged.
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/examples/azure-web-sql.json"
    );
    let plain: serde_json::Value = json(&["eval", example, "--json"]);
    assert!(plain.get("cut_sets").is_none());
}

/// `nines simulate --json`: the contract's keys, the same bytes whatever the number of threads,
/// and errors naming their argument or path.
#[test]
fn simulate_prints_the_risk_report() {
    let model = r#"{"target": 99.95, "business_loss_per_hour": 1000,
        "domains": {"zone": {"availability": 99.99, "outage_minutes": 90}},
        "root": {"serial": {"children": [
            {"component": {"id": "lb", "availability": 99.99, "outage_minutes": 20}},
            {"parallel": {"children": [
                {"component": {"id": "a", "catalog": "azure/virtual-machines/single-instance-premium-ssd", "monthly_fee": 100, "domains": ["zone"]}},
                {"component": {"id": "b", "catalog": "azure/virtual-machines/single-instance-premium-ssd", "monthly_fee": 100, "domains": ["zone"]}}]}}]}}}"#;
    let run = |threads: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_nines"))
            .args([
                "simulate", "-", "--trials", "30000", "--seed", "3", "--json",
            ])
            .env("RAYON_NUM_THREADS", threads)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(model.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap().stdout
    };
    let one = run("1");
    assert_eq!(one, run("2"), "the same bytes on one thread and on two");
    let report: serde_json::Value = serde_json::from_slice(&one).unwrap();
    assert_eq!(report["trials"], 30000);
    assert_eq!(report["seed"], 3);
    for key in ["estimate", "low", "high"] {
        assert!(report["mean_unavailability"][key].is_number(), "{key}");
    }
    for key in ["mean", "p50", "p90", "p99", "p999"] {
        assert!(report["downtime_seconds"][key].is_number(), "{key}");
    }
    assert_eq!(report["breach"]["target"], 99.95);
    for key in ["probability", "low", "high"] {
        assert!(report["breach"][key].is_number(), "{key}");
    }
    let services = report["services"].as_array().unwrap();
    assert_eq!(services.len(), 2);
    for s in services {
        assert!(s["component"].is_string() && s["sla"].is_string());
        assert!(s["p_credit"].is_number() && s["expected_credit"].is_string());
    }
    let text =
        String::from_utf8_lossy(&nines(&["simulate", "-", "--trials", "2000"], Some(model)).stdout)
            .to_string();
    assert!(text.contains("below 99.95%"), "{text}");
    assert!(bad(&["simulate", "-", "--trials", "0"], Some(model))
        .starts_with("nines: trials: 0 trials"));
    assert!(bad(&["simulate", "-", "--target", "101"], Some(model)).contains("--target"));
    let wrong = model.replace(
        r#""domains": ["zone"]}},
                {"component": {"id": "b""#,
        r#""domains": ["nowhere"]}},
                {"component": {"id": "b""#,
    );
    assert!(bad(&["simulate", "-"], Some(&wrong)).contains("unknown domain \"nowhere\""));
}

/// `nines improve|optimize|slo`: the keys scripts read, the golden bytes, exit 2 with a path.
#[test]
fn decision_commands_keep_their_contract() {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Need {
        id: String,
        required_availability: Option<f64>,
        status: String,
        birnbaum: f64,
        raw: Option<f64>,
        rrw: Option<f64>,
        share: f64,
        instances: u64,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Group {
        path: String,
        kind: String,
        current: u32,
        required: Option<u32>,
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Improve {
        target: f64,
        availability: f64,
        components: Vec<Need>,
        groups: Vec<Group>,
    }
    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Choice {
        id: String,
        choice: u32,
    }
    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Design {
        monthly_fee: String,
        availability: f64,
        choices: Vec<Choice>,
    }
    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Optimize {
        target: f64,
        optimal: bool,
        evaluated: u64,
        cheapest: Option<Design>,
        frontier: Vec<Design>,
    }
    let fixture = "../../tests/fixtures/decide/azure-web-sql-options.json";
    let improve: Improve = json(&["improve", fixture, "--target", "99.95", "--json"]);
    assert_eq!(improve.target, 99.95);
    assert_eq!(improve.components[1].id, "web");
    assert_eq!(improve.groups[0].kind, "replicate");
    let optimize: Optimize = json(&["optimize", fixture, "--target", "99.95", "--json"]);
    assert!(optimize.optimal);
    assert_eq!(optimize.evaluated, 12);
    assert!(optimize.cheapest.is_some() && !optimize.frontier.is_empty());
    for (command, extra, golden) in [
        ("improve", "--json", "improve.json"),
        ("optimize", "--json", "optimize.json"),
        ("slo", "--json", "slo.json"),
        ("slo", "--openslo", "openslo.yaml"),
    ] {
        let out = nines(
            &[
                command, fixture, "--target", "99.95", "--month", "2026-02", extra,
            ],
            None,
        );
        assert!(out.status.success());
        let expected = std::fs::read_to_string(format!(
            "../../tests/golden/decide/azure-web-sql-options.{golden}"
        ))
        .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            expected,
            "{command} {extra}"
        );
    }
    let message = bad(
        &["optimize", "-", "--json"],
        Some(r#"{"root": {"component": {"availability": 99}}}"#),
    );
    assert!(message.contains("target: give a target"), "{message}");
    let message = bad(
        &["improve", "-", "--target", "100"],
        Some(r#"{"root": {"component": {"availability": 99}}}"#),
    );
    assert!(message.contains("target:"), "{message}");
    let model = r#"{"target": 99, "root": {"replicate": {"copies": 1, "copies_range": [2, 1], "child": {"component": {"availability": 99}}}}}"#;
    let message = bad(&["optimize", "-"], Some(model));
    assert!(
        message.contains("root.replicate.copies_range:"),
        "{message}"
    );
    let message = bad(
        &["slo", "-", "--confidence", "2"],
        Some(r#"{"target": 99, "root": {"component": {"availability": 99}}}"#),
    );
    assert!(message.contains("confidence:"), "{message}");
}
