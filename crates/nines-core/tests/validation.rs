//! Every validation rule, as a table: model text → the problems nines reports, each with its
//! JSON path, its kind (wrong shape or wrong value) and a fragment of its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: failing loudly is the point

use nines_core::model::{Group, Model, Node};
use nines_core::{evaluate, evaluate_json, Catalog, Options, ProblemKind, Problems};
use ProblemKind::{Shape, Value};

/// A component with a custom availability.
fn c(id: &str, percent: &str) -> String {
    format!(r#"{{"component": {{"id": "{id}", "availability": {percent}}}}}"#)
}

fn serial(children: &[String]) -> String {
    format!(r#"{{"serial": {{"children": [{}]}}}}"#, children.join(", "))
}

fn model(root: &str) -> String {
    format!(r#"{{"root": {root}}}"#)
}

/// An inline SLA with `tiers` and `extra` fields.
fn inline_sla(tiers: &str, cap: u32, url: &str, id: &str) -> String {
    format!(
        r#"{{"component": {{"id": "host", "sla": {{"id": "{id}", "provider": "acme", "service": "Server",
        "configuration": "One", "commitment": 99.9, "window": "calendar_month",
        "downtime_definition": {{"kind": "unavailable_minutes", "text": "down"}},
        "credit_tiers": {tiers}, "credit_cap": {cap}, "claim_window": "30 days",
        "data_guarantee": {{"kind": "none", "text": "none"}},
        "source": {{"url": "{url}", "as_of": "2026-01-01", "status": "unverified"}}}}}}}}"#
    )
}

/// A problem expected: its path, its kind and a fragment of its message.
type Expected<'a> = (&'a str, ProblemKind, &'a str);

fn problems(text: &str) -> Problems {
    let catalog = Catalog::bundled().unwrap();
    match evaluate_json(text, &catalog, &Options::default()) {
        Ok(_) => panic!("expected problems, the model evaluated:\n{text}"),
        Err(problems) => problems,
    }
}

fn check(name: &str, text: &str, expected: &[Expected]) {
    let found = problems(text);
    let shown: Vec<String> = found
        .0
        .iter()
        .map(|p| format!("{:?} {p}", p.kind))
        .collect();
    assert_eq!(found.0.len(), expected.len(), "{name}: {shown:#?}");
    for (problem, (path, kind, fragment)) in found.0.iter().zip(expected) {
        assert_eq!(problem.path.to_string(), *path, "{name}: {shown:#?}");
        assert_eq!(problem.kind, *kind, "{name}: {shown:#?}");
        assert!(
            problem.message.contains(fragment),
            "{name}: {:?} lacks {fragment:?}",
            problem.message
        );
    }
}

#[test]
fn the_json_reader_names_shape_and_value_problems() {
    let table: &[(&str, String, &[Expected])] = &[
        (
            "malformed JSON",
            "{\"root\": ".to_string(),
            &[("root", Shape, "malformed JSON")],
        ),
        (
            "unknown field",
            model(r#"{"component": {"availabilty": 99.9}}"#),
            &[("root.component.availabilty", Shape, "unknown field")],
        ),
        (
            "missing root",
            "{}".to_string(),
            &[(".", Shape, "missing field `root`")],
        ),
        (
            "wrong type",
            model(r#"{"k_of_n": {"k": "2", "children": []}}"#),
            &[("root.k_of_n.k", Shape, "invalid type")],
        ),
        (
            "unknown node kind",
            model(r#"{"series": {"children": []}}"#),
            &[("root.series", Shape, "unknown variant")],
        ),
        (
            "availability above 100%",
            model(&serial(&[c("a", "100.5")])),
            &[(
                "root.serial.children[0].component.availability",
                Value,
                "outside 0..=100%",
            )],
        ),
        (
            "negative availability",
            model(&c("a", "-1")),
            &[("root.component.availability", Value, "outside 0..=100%")],
        ),
        (
            "negative fee",
            model(r#"{"component": {"id": "a", "availability": 99, "monthly_fee": -1}}"#),
            &[(
                "root.component.monthly_fee",
                Value,
                "not an amount of money",
            )],
        ),
        (
            "incident start",
            format!(
                r#"{{"root": {}, "incidents": [{{"component": "a", "start": "yesterday", "minutes": 5}}]}}"#,
                c("a", "99")
            ),
            &[("incidents[0].start", Value, "expected a UTC time")],
        ),
        (
            "inline SLA source date",
            model(
                &inline_sla("[]", 100, "https://x", "acme/server/one")
                    .replace("2026-01-01", "2026-13-01"),
            ),
            &[("root.component.sla.source.as_of", Value, "expected a date")],
        ),
    ];
    for (name, text, expected) in table {
        check(name, text, expected);
    }
    // Nesting beyond serde_json's recursion limit: the path is deep inside the arrays.
    let groups = (0..50).fold(c("a", "99"), |inner, _| serial(&[inner]));
    let deep = problems(&model(&groups));
    assert_eq!(deep.0[0].kind, Shape);
    assert!(deep.0[0].message.contains("model too deep"), "{deep}");
}

#[test]
fn the_validator_names_every_rule() {
    let deep = (0..33).fold(c("a", "99"), |inner, _| serial(&[inner]));
    // 21 shared components used in both of two redundant branches: all 21 depend on each other.
    let too_many_shared: String = (0..21)
        .map(|i| format!(r#""s{i}": {{"availability": 99}}"#))
        .collect::<Vec<_>>()
        .join(", ");
    let refs: Vec<String> = (0..21)
        .map(|i| format!(r#"{{"shared": "s{i}"}}"#))
        .collect();
    let entangled = format!(
        r#"{{"parallel": {{"children": [{}, {}]}}}}"#,
        serial(&refs),
        serial(&refs)
    );
    let table: Vec<(&str, String, Vec<Expected>)> = vec![
        ("empty serial", model(r#"{"serial": {"children": []}}"#), vec![("root.serial.children", Value, "empty group")]),
        ("empty parallel", model(r#"{"parallel": {"children": []}}"#), vec![("root.parallel.children", Value, "empty group")]),
        ("empty k_of_n", model(r#"{"k_of_n": {"k": 1, "children": []}}"#), vec![("root.k_of_n.children", Value, "empty group")]),
        ("k above n", model(&format!(r#"{{"k_of_n": {{"k": 3, "children": [{}, {}]}}}}"#, c("a", "99"), c("b", "99"))), vec![("root.k_of_n.k", Value, "between 1 and n = 2")]),
        ("k zero", model(&format!(r#"{{"k_of_n": {{"k": 0, "children": [{}]}}}}"#, c("a", "99"))), vec![("root.k_of_n.k", Value, "between 1 and n = 1")]),
        (
            "k_of_n with too many children",
            model(&format!(r#"{{"k_of_n": {{"k": 1, "children": [{}]}}}}"#, (0..1001).map(|i| c(&format!("c{i}"), "99")).collect::<Vec<_>>().join(","))),
            vec![("root.k_of_n.children", Value, "at most 1000")],
        ),
        (
            "negative switchover",
            model(&format!(r#"{{"failover": {{"primary": {}, "standby": {}, "switchover_minutes": -1, "incidents_per_year": 2}}}}"#, c("p", "99"), c("s", "99"))),
            vec![("root.failover.switchover_minutes", Value, "not a duration")],
        ),
        (
            "negative failure rate",
            model(&format!(r#"{{"failover": {{"primary": {}, "standby": {}, "switchover_minutes": 1, "incidents_per_year": -2}}}}"#, c("p", "99"), c("s", "99"))),
            vec![("root.failover.incidents_per_year", Value, "not a rate")],
        ),
        (
            "failover without a failure rate",
            model(&format!(r#"{{"failover": {{"primary": {}, "standby": {}, "switchover_minutes": 1}}}}"#, c("p", "99"), c("s", "99"))),
            vec![("root.failover.incidents_per_year", Value, "required unless")],
        ),
        ("no copies", model(&format!(r#"{{"replicate": {{"copies": 0, "child": {}}}}}"#, c("a", "99"))), vec![("root.replicate.copies", Value, "between 1 and 1000")]),
        ("too many copies", model(&format!(r#"{{"replicate": {{"copies": 1001, "child": {}}}}}"#, c("a", "99"))), vec![("root.replicate.copies", Value, "between 1 and 1000")]),
        ("no source", model(r#"{"component": {"id": "a"}}"#), vec![("root.component", Value, "give exactly one of")]),
        ("two sources", model(r#"{"component": {"id": "a", "availability": 99, "mtbf_hours": 10, "mttr_hours": 1}}"#), vec![("root.component", Value, "give exactly one of")]),
        ("unknown catalog id", model(r#"{"component": {"id": "a", "catalog": "aws/nothing/here"}}"#), vec![("root.component.catalog", Value, "unknown catalog id")]),
        ("duplicate id", model(&serial(&[c("a", "99"), c("a", "98")])), vec![("root.serial.children[1].component.id", Value, "duplicate id \"a\" (also at root.serial.children[0].component)")]),
        ("tier above the commitment", model(&inline_sla(r#"[{"below": 99.95, "credit": 10}]"#, 100, "https://x", "acme/server/one")), vec![("root.component.sla.credit_tiers[0].below", Value, "above the commitment")]),
        ("tiers not decreasing", model(&inline_sla(r#"[{"below": 99, "credit": 10}, {"below": 99.5, "credit": 25}]"#, 100, "https://x", "acme/server/one")), vec![("root.component.sla.credit_tiers[1].below", Value, "strictly decrease")]),
        ("credit above the cap", model(&inline_sla(r#"[{"below": 99, "credit": 50}]"#, 25, "https://x", "acme/server/one")), vec![("root.component.sla.credit_tiers[0].credit", Value, "exceeds the credit cap")]),
        ("SLA without a source", model(&inline_sla("[]", 100, " ", "acme/server/one")), vec![("root.component.sla.source.url", Value, "missing")]),
        ("SLA id", model(&inline_sla("[]", 100, "https://x", "server")), vec![("root.component.sla.id", Value, "provider/service/configuration")]),
        ("negative MTBF", model(r#"{"component": {"id": "a", "mtbf_hours": -5, "mttr_hours": 1}}"#), vec![("root.component.mtbf_hours", Value, "required with the other")]),
        ("MTTR missing", model(r#"{"component": {"id": "a", "mtbf_hours": 5}}"#), vec![("root.component.mttr_hours", Value, "required with the other")]),
        ("MTBF and MTTR zero", model(r#"{"component": {"id": "a", "mtbf_hours": 0, "mttr_hours": 0}}"#), vec![("root.component.mtbf_hours", Value, "must be positive")]),
        ("maintenance beyond the month", model(r#"{"component": {"id": "a", "mtbf_hours": 5, "mttr_hours": 1, "maintenance_hours_per_month": 1000}}"#), vec![("root.component.maintenance_hours_per_month", Value, "not between 0 and the 720 hours")]),
        ("maintenance on a percentage", model(r#"{"component": {"id": "a", "availability": 99, "maintenance_hours_per_month": 1}}"#), vec![("root.component.maintenance_hours_per_month", Value, "only components given by")]),
        ("unknown shared component", model(r#"{"shared": "dns"}"#), vec![("root.shared", Value, "unknown shared component \"dns\"")]),
        ("group nesting", model(&deep), vec![("root.serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0].serial.children[0]", Value, "groups nest more than 32")]),
        (
            "too many entangled shared components",
            format!(r#"{{"shared": {{{too_many_shared}}}, "root": {entangled}}}"#),
            vec![("shared", Value, "21 shared components must be conditioned on together (\"s0\", \"s1\", \"s10\", \"s11\", \"s12\", \"s13\", \"s14\", \"s15\", and 13 more)")],
        ),
        (
            "unknown incident component",
            format!(r#"{{"root": {}, "incidents": [{{"component": "b", "start": "2026-02-01T00:00", "minutes": 5}}]}}"#, c("a", "99")),
            vec![("incidents[0].component", Value, "unknown component id \"b\"")],
        ),
        (
            "negative incident",
            format!(r#"{{"root": {}, "incidents": [{{"component": "a", "start": "2026-02-01T00:00", "minutes": -5}}]}}"#, c("a", "99")),
            vec![("incidents[0].minutes", Value, "not a duration")],
        ),
        (
            "incident copy zero",
            format!(r#"{{"root": {}, "incidents": [{{"component": "a", "start": "2026-02-01T00:00", "minutes": 5, "copy": 0}}]}}"#, c("a", "99")),
            vec![("incidents[0].copy", Value, "numbered from 1")],
        ),
        (
            "too many incidents",
            format!(
                r#"{{"root": {}, "incidents": [{}]}}"#,
                c("a", "99"),
                vec![r#"{"component": "a", "start": "2026-02-01T00:00", "minutes": 5}"#; 10_001].join(",")
            ),
            vec![("incidents", Value, "at most 10000")],
        ),
        (
            "a scenario over too many instances",
            format!(
                r#"{{"root": {{"replicate": {{"copies": 1000, "child": {{"replicate": {{"copies": 1000, "child": {{"replicate": {{"copies": 2, "child": {}}}}}}}}}}}}}, "incidents": [{{"component": "a", "start": "2026-02-01T00:00", "minutes": 5}}]}}"#,
                c("a", "99")
            ),
            vec![("incidents", Value, "at most 1000000")],
        ),
        (
            "every problem at once",
            model(&serial(&[c("a", "99"), r#"{"parallel": {"children": []}}"#.to_string(), c("a", "98")])),
            vec![
                ("root.serial.children[1].parallel.children", Value, "empty group"),
                ("root.serial.children[2].component.id", Value, "duplicate id"),
            ],
        ),
    ];
    for (name, text, expected) in &table {
        check(name, text, expected);
    }
}

#[test]
fn a_model_over_the_node_limit_is_refused() {
    let children = (0..nines_core::model::MAX_NODES)
        .map(|_| Node::Shared("x".to_string()))
        .collect();
    let model = Model::new(Node::Serial(Group::of(children)));
    let problems = evaluate(&model, &Catalog::empty(), &Options::default()).unwrap_err();
    assert!(problems.0.iter().any(|p| p.kind == Value
        && p.message
            .contains("model too large: more than 1000000 nodes")));
}

#[test]
fn warnings_do_not_stop_an_evaluation() {
    let text = r#"{"shared": {"dns": {"availability": 99.99}},
        "root": {"component": {"id": "a", "availability": 99, "monthly_fee": 10}}}"#;
    let report = evaluate_json(text, &Catalog::empty(), &Options::default()).unwrap();
    let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "shared.dns: defined but never referenced with {\"shared\": ...}",
            "root.component.monthly_fee: no SLA: this fee earns no service credits"
        ]
    );
}
