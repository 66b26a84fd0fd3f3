//! The risk simulation side by side (issue 11), in one run: nines on one thread
//! (`crates/nines-core/benches/simulate.rs`), a vectorised numpy implementation of the same
//! simulation (`tests/bench/sim_numpy.py`, one core) and the JavaScript package in Node
//! (`tests/node/bench-sim.mjs`), on the models `tests/bench/sim_models.py` writes, 100,000
//! months each; then the ratios, and the rare breach measured by importance sampling.
//!
//! For each model the three sides take turns, [`ROUNDS`] times (numpy, nines, Node), and each
//! ratio is the median of the rounds' ratios: this VM's speed drifts by a third between
//! minutes, so only times taken next to each other compare.

use crate::cmd::{self, Cmd};
use crate::peer::{median, number, ROUNDS};
use std::path::Path;

const MODELS: &str = "target/bench-sim";
const TRIALS: u64 = 100_000;
const VAR: &str = "NINES_BENCH_SIM_MODELS";

/// Runs the three sides and prints their table.
pub fn run() -> Result<(), String> {
    let nines = crate::peer::generated_bench("tests/bench/sim_models.py", MODELS, "simulate", VAR)?;
    let python = crate::peer::peer_python().ok();
    let mut rows = Vec::new();
    for line in nines.lines().filter(|l| l.contains("\"processes\"")) {
        let Some(name) = text(line, "model") else {
            continue;
        };
        let model = Path::new(MODELS).join(format!("{name}.json"));
        let processes = number(line, "processes").unwrap_or(0.0);
        rows.push((name, processes, Turns::take(python.as_deref(), &model)?));
    }
    println!(
        "\nrisk simulation, {TRIALS} months, one thread each, {ROUNDS} rounds in turn (seconds: medians; ratios: medians of the rounds')"
    );
    println!("  model      processes   nines     numpy   numpy/nines   component-months/s   wasm (Node)  wasm/native");
    for (name, processes, turns) in rows {
        let native = median(&turns.nines).unwrap_or(f64::NAN);
        println!(
            "  {name:<10} {processes:>9} {native:>8.3} {:>9.3} {:>12.1}×   {:>18.0}   {:>10.3}   {:>10.2}×",
            median(&turns.numpy).unwrap_or(f64::NAN),
            median(&turns.numpy_ratios).unwrap_or(f64::NAN),
            processes * TRIALS as f64 / native,
            median(&turns.node).unwrap_or(f64::NAN),
            median(&turns.node_ratios).unwrap_or(f64::NAN),
        );
    }
    if let Some(rare) = nines.lines().find(|l| l.contains("\"model\": \"rare\"")) {
        println!(
            "  rare breach: P = {:.3e}, ±{:.1}% (95%) by importance sampling in {:.3} s",
            number(rare, "probability").unwrap_or(f64::NAN),
            100.0 * number(rare, "relative_half_width").unwrap_or(f64::NAN),
            number(rare, "seconds").unwrap_or(f64::NAN)
        );
    }
    Ok(())
}

/// One model's times, round by round.
#[derive(Default)]
struct Turns {
    nines: Vec<f64>,
    numpy: Vec<f64>,
    node: Vec<f64>,
    numpy_ratios: Vec<f64>,
    node_ratios: Vec<f64>,
}

impl Turns {
    /// [`ROUNDS`] turns of numpy (when its Python is there), nines and Node on `model`.
    fn take(python: Option<&str>, model: &Path) -> Result<Self, String> {
        let path = model.to_string_lossy();
        let absolute = std::env::current_dir()
            .map_err(|e| format!("cannot read the working directory: {e}"))?
            .join(model);
        let trials = TRIALS.to_string();
        let mut turns = Self::default();
        for _ in 0..ROUNDS {
            let numpy = python
                .and_then(|p| {
                    Cmd::new(p)
                        .args(["tests/bench/sim_numpy.py", &path, "--trials", &trials])
                        .args(["--seed", "1"])
                        .probe()
                })
                .and_then(|out| number(&out, "seconds"));
            let printed = cmd::cargo(["bench", "-p", "nines-core", "--bench", "simulate"])
                .env(VAR, &absolute)
                .read()?;
            let nines = number(&String::from_utf8_lossy(&printed), "seconds");
            let node = Cmd::new("node")
                .args(["tests/node/bench-sim.mjs", &path])
                .probe()
                .and_then(|out| number(&out, "seconds"));
            let Some(nines) = nines else { continue };
            turns.nines.push(nines);
            if let Some(numpy) = numpy {
                turns.numpy.push(numpy);
                turns.numpy_ratios.push(numpy / nines);
            }
            if let Some(node) = node {
                turns.node.push(node);
                turns.node_ratios.push(node / nines);
            }
        }
        Ok(turns)
    }
}

/// The string after `"key": ` in a JSON line.
fn text(json: &str, key: &str) -> Option<String> {
    let quoted = format!("\"{key}\": \"");
    let rest = &json[json.find(&quoted)? + quoted.len()..];
    Some(rest[..rest.find('"')?].to_string())
}
