//! The risk simulation side by side (issue 11), in one run: nines on one thread
//! (`crates/nines-core/benches/simulate.rs`), a vectorised numpy implementation of the same
//! simulation (`tests/bench/sim_numpy.py`, one core) and the JavaScript package in Node
//! (`tests/node/bench-sim.mjs`), on the models `tests/bench/sim_models.py` writes, 100,000
//! months each; then the ratios, and the rare breach measured by importance sampling.

use crate::cmd::Cmd;

const MODELS: &str = "target/bench-sim";
const TRIALS: &str = "100000";

/// Runs the three sides and prints their table.
pub fn run() -> Result<(), String> {
    let nines = crate::peer::generated_bench(
        "tests/bench/sim_models.py",
        MODELS,
        "simulate",
        "NINES_BENCH_SIM_MODELS",
    )?;
    let node = Cmd::new("node")
        .args(["tests/node/bench-sim.mjs"])
        .probe()
        .unwrap_or_default();
    let python = crate::peer::peer_python().ok();
    println!(
        "\nrisk simulation, {TRIALS} months, one thread each (seconds; ratio = numpy / nines):"
    );
    println!("  model      processes   nines     numpy    ratio   component-months/s   wasm (Node)  wasm / native");
    for line in nines.lines().filter(|l| l.contains("\"processes\"")) {
        let Some(name) = text(line, "model") else {
            continue;
        };
        let native = number(line, "seconds").unwrap_or(f64::NAN);
        let numpy = python
            .as_ref()
            .and_then(|p| {
                let model = format!("{MODELS}/{name}.json");
                Cmd::new(p)
                    .args([
                        "tests/bench/sim_numpy.py",
                        &model,
                        "--trials",
                        TRIALS,
                        "--seed",
                        "1",
                    ])
                    .probe()
            })
            .and_then(|out| number(&out, "seconds"))
            .unwrap_or(f64::NAN);
        let wasm = node
            .lines()
            .find(|l| l.contains(&format!("\"model\":\"{name}\"")))
            .and_then(|l| number(l, "seconds"))
            .unwrap_or(f64::NAN);
        println!(
            "  {name:<10} {:>9} {native:>8.3} {numpy:>9.3} {:>7.1}×   {:>18.0}   {wasm:>10.3}   {:>11.2}×",
            number(line, "processes").unwrap_or(0.0),
            numpy / native,
            number(line, "component_months_per_second").unwrap_or(0.0),
            wasm / native
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

/// The number after `"key":` in a JSON line.
fn number(json: &str, key: &str) -> Option<f64> {
    let quoted = format!("\"{key}\":");
    let rest = json[json.find(&quoted)? + quoted.len()..].trim_start();
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-')))
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}

/// The string after `"key": ` in a JSON line.
fn text(json: &str, key: &str) -> Option<String> {
    let quoted = format!("\"{key}\": \"");
    let rest = &json[json.find(&quoted)? + quoted.len()..];
    Some(rest[..rest.find('"')?].to_string())
}
