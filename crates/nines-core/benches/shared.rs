//! Shared components at scale, for the side-by-side benchmark of `cargo xtask bench`: for every
//! model file in `$NINES_BENCH_MODELS` (written by `tests/bench/models.py`), the median time of
//!
//! - `sweep`: the exact evaluation of a validated model (`Prepared::availability`), and
//! - `model`: validation, the conditioning schedule and the evaluation (`Prepared::new` and
//!   `availability`), from a parsed model,
//!
//! each over repeated runs, as one JSON line per model. Without the variable it says so and
//! exits: `cargo xtask bench` sets it.

use nines_core::{Catalog, Model, Options, Prepared};
use std::time::Instant;

/// The median of `runs` timings of `f`, after one run to warm up, in seconds.
fn median(runs: usize, mut f: impl FnMut() -> f64) -> (f64, f64) {
    let mut value = f();
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            value = std::hint::black_box(f());
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], value)
}

fn main() {
    let Some(dir) = std::env::var_os("NINES_BENCH_MODELS") else {
        println!("shared: SKIPPED (set NINES_BENCH_MODELS to a folder of models; cargo xtask bench does)");
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    let catalog = Catalog::empty();
    let options = Options::default();
    for path in files {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let model = match Model::from_json(&text) {
            Ok(model) => model,
            Err(problems) => {
                println!(r#"{{"model": "{name}", "error": "{problems}"}}"#);
                continue;
            }
        };
        let prepared = match Prepared::new(&model, &catalog, &options) {
            Ok(prepared) => prepared,
            Err(problems) => {
                println!(
                    r#"{{"model": "{name}", "error": {:?}}}"#,
                    problems.to_string()
                );
                continue;
            }
        };
        let components = prepared.component_ids().count();
        let (sweep, u) = median(21, || prepared.availability().unavailability());
        let (whole, _) = median(11, || {
            Prepared::new(&model, &catalog, &options)
                .map(|p| p.availability().unavailability())
                .unwrap_or(f64::NAN)
        });
        println!(
            r#"{{"model": "{name}", "components": {components}, "sweep_seconds": {sweep:e}, "model_seconds": {whole:e}, "unavailability": {u:e}}}"#
        );
    }
}
