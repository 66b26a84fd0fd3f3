//! The decision layer: `improve` on a 1,000-component model (target: under 5 ms) and
//! `optimize` over 10^6 combinations of a 30-component model (target: under 1 s, about 100 ns
//! per combination). `cargo xtask bench` prints the figures.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nines_core::decide::{improve, DecideOptions, Optimizer};
use nines_core::{Availability, Catalog, Model};
use serde_json::{json, Value};

/// A serial chain of 200 blocks `serial[failover(c, c), k_of_n(2, [c, c, c])]`: 1,000
/// components.
fn improve_model() -> Model {
    let c = |i: usize| {
        let percent = [99.9, 99.95, 99.99, 99.5, 99.999][i % 5];
        json!({"component": {"id": format!("c{i}"), "availability": percent}})
    };
    let blocks: Vec<Value> = (0..200)
        .map(|b| {
            json!({"serial": {"children": [
                {"failover": {"primary": c(5 * b), "standby": c(5 * b + 1),
                    "switchover_minutes": 5, "incidents_per_year": 4}},
                {"k_of_n": {"k": 2, "children": [c(5 * b + 2), c(5 * b + 3), c(5 * b + 4)]}}]}})
        })
        .collect();
    Model::from_json(&json!({"root": {"serial": {"children": blocks}}}).to_string())
        .unwrap_or_else(|_| Model::new(nines_core::model::Node::Shared(String::new())))
}

/// 30 components: 12 with three configurations and 18 fixed, in 6 regions-style pairs:
/// 3^12 = 531,441 × 2 copies choices = 1,062,882 combinations.
fn optimize_model() -> Model {
    let mut children = Vec::new();
    for i in 0..30 {
        let mut c = json!({"id": format!("c{i}"), "availability": 99.9 + (i % 7) as f64 / 100.0,
            "monthly_fee": 10 + i});
        if i < 12 {
            c["alternatives"] = json!([
                {"availability": 99.95, "monthly_fee": 25 + i},
                {"availability": 99.99, "monthly_fee": 60 + i}]);
        }
        children.push(json!({ "component": c }));
    }
    let pair = children.split_off(24);
    let model = json!({"target": 99.5, "root": {"serial": {"children": [
        {"serial": {"children": children}},
        {"replicate": {"copies": 1, "copies_range": [1, 2], "child": {"serial": {"children": pair}}}}]}}});
    Model::from_json(&model.to_string())
        .unwrap_or_else(|_| Model::new(nines_core::model::Node::Shared(String::new())))
}

fn bench(c: &mut Criterion) {
    let catalog = Catalog::empty();
    let options = DecideOptions {
        target: Availability::parse_percent("99.99").ok(),
        ..DecideOptions::default()
    };
    let model = improve_model();
    let mut group = c.benchmark_group("decide");
    group.sample_size(10);
    group.throughput(Throughput::Elements(1000));
    group.bench_function("improve_1k_components", |b| {
        b.iter(|| improve(&model, &catalog, &options).map(|a| a.components.len()))
    });
    let model = optimize_model();
    let options = DecideOptions::default();
    let combinations = Optimizer::new(&model, &catalog, &options).map_or(1, |o| o.combinations());
    group.throughput(Throughput::Elements(combinations));
    group.bench_function("optimize_1m_combinations", |b| {
        b.iter(|| Optimizer::new(&model, &catalog, &options).map(|mut o| o.run().evaluated))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
