//! The risk simulation's speed, for `cargo xtask bench`: for every model in
//! `$NINES_BENCH_SIM_MODELS` (a folder written by `tests/bench/sim_models.py`, or one model's
//! file), the median time of simulating 100,000 months on one thread, as one JSON line per
//! model with component-months per second (process instances × months / seconds, as
//! `tests/bench/sim_numpy.py` counts them); then a rare breach (about 10⁻⁶ a month) measured by importance sampling: its
//! estimate, the relative half-width of its 95% interval and the time it took.

use nines_core::simulate::{SimulateOptions, Simulation};
use nines_core::{Catalog, Model};
use std::time::Instant;

const TRIALS: u64 = 100_000;

/// The median of three timings of a full simulation, seconds.
fn median_seconds(simulation: &Simulation) -> f64 {
    let mut times: Vec<f64> = (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(simulation.run());
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[1]
}

fn months(path: &std::path::Path, catalog: &Catalog) {
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let Ok(model) = Model::from_json(&text) else {
        println!(r#"{{"model": "{name}", "error": "does not parse"}}"#);
        return;
    };
    let options = SimulateOptions {
        trials: TRIALS,
        seed: 1,
        // Months only: the rare-breach chunks are timed on their own below.
        target: None,
        ..SimulateOptions::default()
    };
    let mut model = model;
    model.target = None;
    let simulation = match Simulation::new(&model, catalog, options) {
        Ok(simulation) => simulation,
        Err(problems) => {
            println!(
                r#"{{"model": "{name}", "error": {:?}}}"#,
                problems.to_string()
            );
            return;
        }
    };
    let processes = simulation.run().processes.len() as f64;
    let seconds = median_seconds(&simulation);
    println!(
        r#"{{"model": "{name}", "processes": {processes}, "trials": {TRIALS}, "seconds": {seconds:.6}, "component_months_per_second": {:.0}}}"#,
        processes * TRIALS as f64 / seconds
    );
}

/// One component at 99.999999% with ten-hour outages misses 99.9% in a 30-day month with
/// probability 7.286·10⁻⁷: a failure before the month's last 43.2 minutes (λ = 10⁻⁹ an hour,
/// over 719.28 hours), or an outage under way at the start with more than 43.2 minutes left.
fn rare(catalog: &Catalog) {
    let text = r#"{"target": 99.9, "root": {"component": {"id": "c", "availability": 99.999999,
        "outage_minutes": 600, "outage_distribution": "fixed"}}}"#;
    let Ok(model) = Model::from_json(text) else {
        return;
    };
    let options = SimulateOptions {
        trials: TRIALS,
        seed: 1,
        ..SimulateOptions::default()
    };
    let Ok(simulation) = Simulation::new(&model, catalog, options) else {
        return;
    };
    let start = Instant::now();
    let report = simulation.run();
    let seconds = start.elapsed().as_secs_f64();
    if let Some(b) = report.breach {
        println!(
            r#"{{"model": "rare", "probability": {:e}, "relative_half_width": {:.4}, "method": "{}", "trials": {TRIALS}, "seconds": {seconds:.6}}}"#,
            b.probability,
            (b.high - b.low) / 2.0 / b.probability,
            b.method.key()
        );
    }
}

fn main() {
    let catalog = Catalog::empty();
    match std::env::var_os("NINES_BENCH_SIM_MODELS") {
        Some(dir) => {
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .map(|entries| entries.flatten().map(|e| e.path()).collect())
                .unwrap_or_else(|_| vec![dir.into()]);
            files.retain(|p| p.extension().is_some_and(|e| e == "json"));
            files.sort();
            for path in files {
                months(&path, &catalog);
            }
        }
        None => {
            println!("simulate: no models (set NINES_BENCH_SIM_MODELS; cargo xtask bench does)")
        }
    }
    rare(&catalog);
}
