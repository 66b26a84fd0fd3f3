//! `cargo xtask bench`: the native criterion benchmark of nines-core, the side-by-side
//! benchmark of shared components against a peer ([`crate::peer`]), then the same work through
//! the JavaScript package in Node, and the figures of all.

use crate::cmd::{self, Cmd};
use crate::peer::{cli_seconds, median, number, ROUNDS};
use crate::{install, pkg};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

const NATIVE: &str = "crates/nines-core/benches/evaluate.rs";
const NODE: &str = "tests/node/bench.mjs";
const OPTIMIZE: &str = "target/bench-optimize.json";

/// Runs both benchmarks (each skipped loudly when it has not landed yet) and prints the figures.
pub fn run() -> Result<(), String> {
    let start = SystemTime::now();
    if cmd::exists(NATIVE) {
        cmd::cargo(["bench", "-p", "nines-core", "--bench", "evaluate"]).run()?;
        cmd::cargo(["bench", "-p", "nines-core", "--bench", "decide"]).run()?;
    } else {
        println!("bench native: SKIPPED ({NATIVE} does not exist yet)");
    }
    let native = criterion_results(start);
    crate::peer::run()?;

    if cmd::exists(NODE) {
        install::wasm_tools()?;
        println!("$ cargo xtask pkg");
        pkg::run()?;
        Cmd::new("node").args([NODE]).run()?;
        optimize_in_turn()?;
        crate::simbench::run()?;
    } else {
        println!("bench wasm: SKIPPED ({NODE} does not exist yet)");
    }

    if !native.is_empty() {
        println!("\nnative figures (criterion mean):");
        for line in native {
            println!("  {line}");
        }
    }
    Ok(())
}

/// `optimize` over the 1,062,882 combinations of `tests/node/bench-optimize.mjs`'s model (the
/// native decide bench's) through the JS package and through the CLI, in turn, [`ROUNDS`]
/// rounds: Node's median of five calls, the CLI's of five whole processes, and the median of
/// the rounds' ratios.
fn optimize_in_turn() -> Result<(), String> {
    Cmd::new("node")
        .args(["tests/node/bench-optimize.mjs", "--write", OPTIMIZE])
        .run()?;
    let (mut node, mut native, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let js = Cmd::new("node")
            .args(["tests/node/bench-optimize.mjs"])
            .probe()
            .and_then(|out| number(&out, "seconds"));
        let cli = cli_seconds(&["optimize", OPTIMIZE, "--json"], 5);
        if let (Some(js), Some(cli)) = (js, cli) {
            node.push(js);
            native.push(cli);
            ratios.push(js / cli);
        }
    }
    let ms = |v: &[f64]| median(v).map_or(f64::NAN, |s| s * 1e3);
    let ratio = median(&ratios).unwrap_or(f64::NAN);
    println!(
        "optimize, 1,062,882 combinations, {ROUNDS} rounds in turn: Node {:.0} ms, the CLI's whole process {:.0} ms; wasm/native = {ratio:.2}× (target ≤ 2×) {}",
        ms(&node),
        ms(&native),
        if ratio <= 2.0 { "OK" } else { "OVER" }
    );
    Ok(())
}

/// One line per criterion benchmark written since `since`: its id, mean time and, when the
/// benchmark declares a throughput in elements, the time per element.
fn criterion_results(since: SystemTime) -> Vec<String> {
    let mut found = Vec::new();
    walk(&cmd::target_dir().join("criterion"), &mut found);
    let mut lines: Vec<String> = found
        .into_iter()
        .filter(|dir| {
            fs::metadata(dir.join("estimates.json"))
                .and_then(|m| m.modified())
                .is_ok_and(|t| t >= since)
        })
        .filter_map(|dir| {
            let estimates = fs::read_to_string(dir.join("estimates.json")).ok()?;
            let benchmark = fs::read_to_string(dir.join("benchmark.json")).ok()?;
            let mean = number_after(&estimates, &["\"mean\"", "\"point_estimate\":"])?;
            let id = string_after(&benchmark, "\"full_id\":")?;
            let mut line = format!("{id:<40} {:>12}", time(mean));
            if let Some(n) = number_after(&benchmark, &["\"Elements\":"]).filter(|n| *n > 0.0) {
                line.push_str(&format!(
                    "  {:>10} per element ({n} elements)",
                    time(mean / n)
                ));
            }
            Some(line)
        })
        .collect();
    lines.sort();
    lines
}

/// The `new/` directories (the latest run) under criterion's output folder.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()).filter(|p| p.is_dir()) {
        if path.file_name().is_some_and(|n| n == "new") {
            out.push(path);
        } else if path.file_name().is_some_and(|n| n != "report") {
            walk(&path, out);
        }
    }
}

/// The number that follows the keys of `path`, found in order in criterion's JSON.
fn number_after(json: &str, path: &[&str]) -> Option<f64> {
    let mut rest = json;
    for key in path {
        rest = &rest[rest.find(key)? + key.len()..];
    }
    let rest = rest.trim_start();
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-')))
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}

/// The string value that follows `key` in criterion's JSON.
fn string_after(json: &str, key: &str) -> Option<String> {
    let rest = json[json.find(key)? + key.len()..]
        .trim_start()
        .strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_owned())
}

/// A time in nanoseconds in the largest unit that keeps it ≥ 1.
fn time(ns: f64) -> String {
    match ns {
        ns if ns >= 1e9 => format!("{:.3} s", ns / 1e9),
        ns if ns >= 1e6 => format!("{:.3} ms", ns / 1e6),
        ns if ns >= 1e3 => format!("{:.3} µs", ns / 1e3),
        ns => format!("{ns:.2} ns"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ESTIMATES: &str = r#"{"mean":{"confidence_interval":{"confidence_level":0.95,
        "lower_bound":2.9e6,"upper_bound":3.1e6},"point_estimate":3012345.5,"standard_error":1.0},
        "median":{"point_estimate":1.0}}"#;
    const BENCHMARK: &str = r#"{"group_id":"evaluate","function_id":"100k",
        "throughput":{"Elements":100000},"full_id":"evaluate/100k","title":"evaluate/100k"}"#;

    #[test]
    fn reads_criterion_json() {
        let mean = number_after(ESTIMATES, &["\"mean\"", "\"point_estimate\":"]);
        assert_eq!(mean, Some(3_012_345.5));
        assert_eq!(number_after(BENCHMARK, &["\"Elements\":"]), Some(100_000.0));
        assert_eq!(
            string_after(BENCHMARK, "\"full_id\":").as_deref(),
            Some("evaluate/100k")
        );
        assert_eq!(number_after(BENCHMARK, &["\"Bytes\":"]), None);
    }

    #[test]
    fn prints_times_in_a_readable_unit() {
        assert_eq!(time(42.0), "42.00 ns");
        assert_eq!(time(3_012_345.5), "3.012 ms");
        assert_eq!(time(2.5e9), "2.500 s");
    }
}
