//! Evaluating a generated 100,000-component model (target: ≤ 50 ns per component).
//!
//! Four figures: `prepared_availability` (the exact engine on a validated model: the
//! composite), `model_to_availability` (validation and the engine),
//! `model_to_report` (plus every per-component figure, the contract view and the echoed
//! model), `json_to_report_json` (plus parsing the model and printing the report).
//!
//! The model is a serial chain of 20,000 blocks, each
//! `serial[failover(c, c), k_of_n(2, [c, c, c])]`: five components per block, every kind of
//! step the engine has. `cargo xtask bench` prints the figures per component.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nines_core::model::{Component, Failover, Group, KOfN, Model, Node};
use nines_core::{evaluate, Availability, Catalog, Options, Prepared};

/// Components in the generated model.
pub const COMPONENTS: usize = 100_000;

fn component(i: usize) -> Node {
    let percent = ["99.9", "99.95", "99.99", "99.5", "99.999"][i % 5];
    Node::Component(Box::new(Component {
        id: Some(format!("c{i}")),
        availability: Availability::parse_percent(percent).ok(),
        ..Component::default()
    }))
}

/// The generated model, exactly [`COMPONENTS`] components.
pub fn model() -> Model {
    let blocks = (0..COMPONENTS / 5)
        .map(|b| {
            let c = |j: usize| component(b * 5 + j);
            Node::Serial(Group::of(vec![
                Node::Failover(Failover {
                    name: None,
                    primary: Box::new(c(0)),
                    standby: Box::new(c(1)),
                    switchover_minutes: 5.0,
                    incidents_per_year: Some(4.0),
                    domains: Vec::new(),
                }),
                Node::KOfN(KOfN {
                    name: None,
                    k: 2,
                    children: vec![c(2), c(3), c(4)],
                    domains: Vec::new(),
                }),
            ]))
        })
        .collect();
    Model {
        name: Some("generated".into()),
        ..Model::new(Node::Serial(Group::of(blocks)))
    }
}

fn bench(c: &mut Criterion) {
    let model = model();
    let catalog = Catalog::empty();
    let options = Options::default();
    let json = model.to_json();
    let mut group = c.benchmark_group("evaluate_100k");
    group.sample_size(20);
    group.throughput(Throughput::Elements(COMPONENTS as u64));
    group.bench_function("prepared_availability", |b| {
        let prepared = Prepared::new(&model, &catalog, &options);
        b.iter(|| prepared.as_ref().map(Prepared::availability))
    });
    group.bench_function("model_to_availability", |b| {
        b.iter(|| Prepared::new(&model, &catalog, &options).map(|p| p.availability()))
    });
    group.bench_function("model_to_report", |b| {
        b.iter(|| evaluate(&model, &catalog, &options).map(|r| r.unavailability))
    });
    group.bench_function("json_to_report_json", |b| {
        b.iter(|| {
            nines_core::evaluate_json(&json, &catalog, &options)
                .map(|r| serde_json::to_string(&r).map(|s| s.len()))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
