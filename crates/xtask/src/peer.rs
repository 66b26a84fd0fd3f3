//! The side-by-side benchmark of shared components (issue 10): nines against repyability, a
//! Python reliability toolkit, on the models `tests/bench/models.py` writes, in one run.
//!
//! For each model: nines' exact evaluation of a validated model and its validation plus
//! evaluation (`crates/nines-core/benches/shared.rs`, medians), repyability's evaluate call and
//! its build plus first call (`tests/bench/peer_repyability.py`, excluding Python start-up),
//! and the whole `nines eval FILE --json` process (median of 7 runs); then the ratios. The
//! process and the peer's call take turns, [`ROUNDS`] times, and the process ratio is the
//! median of each round's: both sides see the machine as it is at that moment (this VM's
//! speed drifts by half between minutes). The peer is installed from PyPI into
//! `target/peer-venv`; if that fails the peer's columns are skipped with the reason.

use crate::cmd::{self, Cmd};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const MODELS: &str = "target/bench-models";
const VENV: &str = "target/peer-venv";
const PEER: &str = "repyability[fast]==0.15";
/// Turns of the peer's call and the whole process per model.
pub(crate) const ROUNDS: usize = 3;

/// Writes models with the Python `script` into `dir`, then runs nines-core's criterion `bench`
/// on them (their absolute path in `var`: cargo runs a bench in its package's folder), and
/// returns what the bench printed.
pub(crate) fn generated_bench(
    script: &str,
    dir: &str,
    bench: &str,
    var: &str,
) -> Result<String, String> {
    Cmd::new("python3").args([script, dir]).run()?;
    let absolute = std::env::current_dir()
        .map_err(|e| format!("cannot read the working directory: {e}"))?
        .join(dir);
    let printed = cmd::cargo(["bench", "-p", "nines-core", "--bench", bench])
        .env(var, absolute)
        .read()?;
    Ok(String::from_utf8_lossy(&printed).into_owned())
}

/// Runs the side-by-side benchmark and prints its table.
pub fn run() -> Result<(), String> {
    let nines = generated_bench(
        "tests/bench/models.py",
        MODELS,
        "shared",
        "NINES_BENCH_MODELS",
    )?;
    cmd::cargo(["build", "--release", "-p", "nines-cli"]).run()?;
    let python = match peer_python() {
        Ok(python) => Some(python),
        Err(why) => {
            println!("peer: SKIPPED ({why})");
            None
        }
    };
    let mut rows = Vec::new();
    for model in models()? {
        let name = stem(&model);
        let line = nines
            .lines()
            .find(|l| l.contains(&format!("\"model\": \"{name}\"")))
            .unwrap_or("");
        let turns = Turns::take(python.as_deref(), &model);
        rows.push(Row {
            name,
            sweep: number(line, "sweep_seconds"),
            model: number(line, "model_seconds"),
            process: median(&turns.process),
            peer_eval: median(&turns.peer_eval),
            peer_first: turns.peer_first,
            process_ratio: median(&turns.ratios),
            agree: number(line, "unavailability")
                .zip(turns.unavailability)
                .map(|(a, b)| ((a - b) / b).abs()),
        });
    }
    print_table(&rows);
    Ok(())
}

struct Row {
    name: String,
    sweep: Option<f64>,
    model: Option<f64>,
    process: Option<f64>,
    peer_eval: Option<f64>,
    peer_first: Option<f64>,
    /// The median over rounds of the peer's call / the process.
    process_ratio: Option<f64>,
    agree: Option<f64>,
}

/// The peer's call and the whole `nines eval` process of one model, in turns.
#[derive(Default)]
struct Turns {
    process: Vec<f64>,
    peer_eval: Vec<f64>,
    ratios: Vec<f64>,
    peer_first: Option<f64>,
    unavailability: Option<f64>,
}

impl Turns {
    /// [`ROUNDS`] turns; one when the peer is absent or fails (a timeout is not retried).
    fn take(python: Option<&str>, model: &Path) -> Self {
        let mut turns = Self::default();
        for round in 0..ROUNDS {
            let peer = python.and_then(|python| peer_run(python, model));
            let process = process_seconds(model);
            turns.process.extend(process);
            let Some(peer) = peer else { break };
            let eval = number(&peer, "median_seconds");
            turns.peer_eval.extend(eval);
            if let (Some(eval), Some(process)) = (eval, process) {
                turns.ratios.push(eval / process);
            }
            if round == 0 {
                turns.peer_first = number(&peer, "build_seconds")
                    .zip(number(&peer, "first_seconds"))
                    .map(|(b, f)| b + f);
                turns.unavailability = number(&peer, "unavailability");
            }
        }
        turns
    }
}

/// The peer's JSON line for `model`, or `None` when it failed or timed out.
fn peer_run(python: &str, model: &Path) -> Option<String> {
    Cmd::new(python)
        .args([
            "tests/bench/peer_repyability.py",
            &model.to_string_lossy(),
            "--repeat",
            "10",
        ])
        .probe()
}

pub(crate) fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len() / 2).copied()
}

fn print_table(rows: &[Row]) {
    println!("\nshared components, side by side (medians; peer = repyability 0.15, its computation without Python start-up):");
    println!(
        "  {:<18} {:>10} {:>10} {:>10} {:>11} {:>10} {:>9} {:>9} {:>9} {:>9}",
        "model",
        "nines eval",
        "nines all",
        "process",
        "peer eval",
        "peer b+1st",
        "eval ×",
        "all ×",
        "proc ×",
        "agree"
    );
    for r in rows {
        let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
            // Two digits below 10×, where "1×" would hide which side is faster.
            (Some(a), Some(b)) if b > 0.0 && a / b < 10.0 => format!("{:.2}×", a / b),
            (Some(a), Some(b)) if b > 0.0 => format!("{:.0}×", a / b),
            _ => "—".to_string(),
        };
        println!(
            "  {:<18} {:>10} {:>10} {:>10} {:>11} {:>10} {:>9} {:>9} {:>9} {:>9}",
            r.name,
            ms(r.sweep),
            ms(r.model),
            ms(r.process),
            ms(r.peer_eval),
            ms(r.peer_first),
            ratio(r.peer_eval, r.sweep),
            ratio(r.peer_first, r.model),
            r.process_ratio
                .map_or("—".to_string(), |x| format!("{x:.2}×")),
            r.agree.map_or("—".to_string(), |e| format!("{e:.0e}")),
        );
    }
    println!("  eval ×: peer evaluate call / nines Prepared::availability (target ≥ 20×)");
    println!("  all ×:  peer build + first call / nines Prepared::new + availability");
    println!(
        "  proc ×: peer evaluate call / the whole `nines eval FILE --json` process, median of {ROUNDS} rounds in turn (target > 1×)"
    );
}

fn ms(seconds: Option<f64>) -> String {
    seconds.map_or("—".to_string(), |s| format!("{:.3} ms", s * 1e3))
}

/// The model files, sorted.
fn models() -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(MODELS)
        .map_err(|e| format!("{MODELS}: {e}"))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    Ok(files)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The median wall time of `nines eval FILE --json` (output discarded) over 7 runs after one.
fn process_seconds(model: &Path) -> Option<f64> {
    cli_seconds(&["eval", &model.to_string_lossy(), "--json"], 7)
}

/// The median wall time of `runs` runs of the release CLI with `args` (after one more, not
/// counted), seconds; `None` when one fails.
pub(crate) fn cli_seconds(args: &[&str], runs: usize) -> Option<f64> {
    let binary = cmd::target_dir().join("release/nines");
    let mut times = Vec::new();
    for run in 0..=runs {
        let start = Instant::now();
        let status = Command::new(&binary)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()?;
        if !status.success() {
            return None;
        }
        if run > 0 {
            times.push(start.elapsed().as_secs_f64());
        }
    }
    median(&times)
}

/// The venv's Python with the peer installed, installing it if needed.
pub fn peer_python() -> Result<String, String> {
    let python = format!("{VENV}/bin/python");
    let installed = Cmd::new(&python)
        .args(["-c", "import repyability"])
        .probe()
        .is_some();
    if !installed {
        Cmd::new("python3").args(["-m", "venv", VENV]).run()?;
        Cmd::new(&python)
            .args(["-m", "pip", "install", "--quiet", PEER])
            .run()
            .map_err(|e| format!("cannot install {PEER} from PyPI: {e}"))?;
    }
    Ok(python)
}

/// The number after `"key": ` in a JSON line.
pub(crate) fn number(json: &str, key: &str) -> Option<f64> {
    let quoted = format!("\"{key}\":");
    let rest = json[json.find(&quoted)? + quoted.len()..].trim_start();
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-')))
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_is_the_middle_value() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn reads_numbers_from_json_lines() {
        let line =
            r#"{"model": "g", "sweep_seconds": 5.378e-5, "unavailability": 2.6e-2, "x": null}"#;
        assert_eq!(number(line, "sweep_seconds"), Some(5.378e-5));
        assert_eq!(number(line, "unavailability"), Some(0.026));
        assert_eq!(number(line, "x"), None);
        assert_eq!(number(line, "missing"), None);
    }
}
