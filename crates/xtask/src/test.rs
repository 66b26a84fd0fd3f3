//! `cargo xtask test`: every check and test, in order, failing fast. CI runs exactly this.
//!
//! A step whose files have not landed yet is skipped loudly; the summary lists every step and the
//! last line is `xtask test: N passed, M failed`.

use crate::cmd::{self, Cmd};
use crate::{install, pkg, split};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The web app's gzipped wasm + JS budget, in bytes (issue 4: 350 KB, counted as KiB like the
/// package's budget and the e2e figure). The SLA catalog and templates are JSON the app fetches
/// beside them (`dist/catalog`, `dist/templates`): shown, not counted.
const WEB_BUDGET: u64 = 350 * 1024;

/// What a step did when it did not fail.
enum Done {
    Ran,
    Skipped(String),
}

type StepResult = Result<Done, String>;
type Step = fn() -> StepResult;

/// The steps in order: a name for the log and the summary, and what runs.
const STEPS: &[(&str, Step)] = &[
    ("install", install_tools),
    ("fmt", fmt),
    ("clippy", clippy),
    ("clippy (wasm32)", clippy_wasm),
    ("test", cargo_test),
    // The web build copies pkg/ into dist/pkg/ for the analysis worker, so the package first.
    ("pkg", package),
    ("web build", web_build),
    ("web size", web_size),
    ("e2e deps", e2e_deps),
    ("e2e", e2e),
    ("node tests", node_tests),
    ("pkg in browser", pkg_browser),
];

enum Outcome {
    Ok(Duration),
    Failed(Duration, String),
    Skipped(String),
    NotRun,
}

/// Runs every step; the exit code is a failure if any step failed.
pub fn run() -> ExitCode {
    let total = STEPS.len();
    let mut outcomes = Vec::with_capacity(total);
    let mut failed = false;
    for (i, (name, step)) in STEPS.iter().enumerate() {
        if failed {
            outcomes.push(Outcome::NotRun);
            continue;
        }
        println!("\n==> xtask test [{}/{total}] {name}", i + 1);
        let start = Instant::now();
        let outcome = match step() {
            Ok(Done::Ran) => {
                println!("==> {name}: ok ({:.1} s)", start.elapsed().as_secs_f64());
                Outcome::Ok(start.elapsed())
            }
            Ok(Done::Skipped(why)) => {
                println!("==> {name}: SKIPPED ({why})");
                Outcome::Skipped(why)
            }
            Err(e) => {
                failed = true;
                eprintln!("==> {name}: FAILED: {e}");
                Outcome::Failed(start.elapsed(), e)
            }
        };
        outcomes.push(outcome);
    }

    println!("\nxtask test summary:");
    let (mut passed, mut failures) = (0, 0);
    for ((name, _), outcome) in STEPS.iter().zip(&outcomes) {
        match outcome {
            Outcome::Ok(t) => {
                passed += 1;
                println!("  ok       {name:<16} {:>7.1} s", t.as_secs_f64());
            }
            Outcome::Failed(t, e) => {
                failures += 1;
                println!("  FAILED   {name:<16} {:>7.1} s  {e}", t.as_secs_f64());
            }
            Outcome::Skipped(why) => println!("  SKIPPED  {name:<16}            {why}"),
            Outcome::NotRun => {
                println!("  not run  {name:<16}            (an earlier step failed)")
            }
        }
    }
    println!("xtask test: {passed} passed, {failures} failed");
    if failures > 0 {
        // A linker killed by SIGBUS or an I/O error is often a full disk: say how full it is.
        if let Some(df) = Cmd::new("df").args(["-h", "."]).probe() {
            println!("free space where the build writes:\n{df}");
        }
    }
    if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn ran(result: Result<(), String>) -> StepResult {
    result.map(|()| Done::Ran)
}

fn missing(path: &str) -> Option<Done> {
    (!cmd::exists(path)).then(|| Done::Skipped(format!("{path} does not exist yet")))
}

fn install_tools() -> StepResult {
    ran(install::all())
}

fn fmt() -> StepResult {
    ran(cmd::cargo(["fmt", "--all", "--check"]).run())
}

fn clippy() -> StepResult {
    ran(cmd::cargo([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])
    .run())
}

fn clippy_wasm() -> StepResult {
    let args = ["clippy", "-p", "nines-web", "-p", "nines-wasm", "--target"];
    ran(cmd::cargo(args)
        .args([install::WASM_TARGET, "--", "-D", "warnings"])
        .run())
}

fn cargo_test() -> StepResult {
    ran(cmd::cargo(["test", "--workspace"]).run())
}

fn web_build() -> StepResult {
    if let Some(skip) = missing("index.html").or_else(|| missing("Trunk.toml")) {
        return Ok(skip);
    }
    ran(split::build())
}

fn web_size() -> StepResult {
    let code = files_with(Path::new("dist"), &["wasm", "js"]);
    if code.is_empty() {
        return Ok(Done::Skipped(
            "no .wasm or .js in dist/ (the web build was skipped)".into(),
        ));
    }
    // What index.html loads, the wasm's second half (crates/xtask/src/split.rs), and what the
    // analysis worker fetches when first needed.
    let (lazy, code): (Vec<PathBuf>, Vec<PathBuf>) = code.into_iter().partition(|f| {
        f.starts_with(Path::new("dist").join("pkg")) || f.ends_with(ANALYSIS_WORKER)
    });
    let (rest, initial): (Vec<PathBuf>, Vec<PathBuf>) = code
        .into_iter()
        .partition(|f| f.to_string_lossy().ends_with(split::SECONDARY_SUFFIX));
    println!("web app initial download, up to the first result (gzip -9):");
    let total = print_sizes(&initial)?;
    let verdict = if total <= WEB_BUDGET {
        "within"
    } else {
        "OVER"
    };
    println!(
        "  {:>9} gzipped in total: {verdict} the {} budget",
        kb(total),
        kb(WEB_BUDGET)
    );
    println!("rest of the web app's wasm, fetched once the page is idle after the first result:");
    let later = print_sizes(&rest)?;
    println!("  {:>9} gzipped (not in the budget)", kb(later));
    println!("analysis module, loaded by the worker when first needed (gzip -9):");
    let analysis = print_sizes(&lazy)?;
    println!("  {:>9} gzipped in total (not preloaded)", kb(analysis));
    let mut data = files_with(Path::new("dist/catalog"), &["json"]);
    data.extend(files_with(Path::new("dist/templates"), &["json"]));
    data.extend(files_with(Path::new("dist/data/tz"), &["tsv"]));
    if !data.is_empty() {
        println!("fetched by the app at start-up (not counted in the budget):");
        let fetched = print_sizes(&data)?;
        println!(
            "  {:>9} gzipped: the SLA catalog, the templates and the time-zone table",
            kb(fetched)
        );
    }
    Ok(Done::Ran)
}

/// The worker script beside index.html.
const ANALYSIS_WORKER: &str = "analysis-worker.js";

/// Prints each file's gzipped and raw size; returns the gzipped total.
fn print_sizes(files: &[PathBuf]) -> Result<u64, String> {
    let mut total = 0;
    for file in files {
        let raw = fs::metadata(file).map(|m| m.len()).unwrap_or(0);
        let gz = Cmd::new("gzip")
            .args(["-9", "-n", "-c", &file.to_string_lossy()])
            .read()?
            .len() as u64;
        total += gz;
        println!(
            "  {:>9} gzipped  {:>9} raw  {}",
            kb(gz),
            kb(raw),
            file.display()
        );
    }
    Ok(total)
}

/// The files under `dir` whose extension is one of `extensions`, sorted.
fn files_with(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    collect(dir, extensions, &mut out);
    out.sort();
    out
}

fn collect(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        if path.is_dir() {
            collect(&path, extensions, out);
        } else if path
            .extension()
            .is_some_and(|x| extensions.iter().any(|e| x == *e))
        {
            out.push(path);
        }
    }
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn e2e_deps() -> StepResult {
    if let Some(skip) = missing("tests/e2e/package-lock.json") {
        return Ok(skip);
    }
    ran(Cmd::new("npm").args(["ci", "--prefix", "tests/e2e"]).run())
}

fn e2e() -> StepResult {
    if let Some(skip) = missing("tests/e2e/e2e.mjs") {
        return Ok(skip);
    }
    ran(Cmd::new("node").args(["tests/e2e/e2e.mjs"]).run())
}

fn package() -> StepResult {
    println!("$ cargo xtask pkg");
    ran(pkg::run())
}

fn node_tests() -> StepResult {
    if let Some(skip) = missing("tests/node") {
        return Ok(skip);
    }
    ran(Cmd::new("node").args(["--test", "tests/node/"]).run())
}

fn pkg_browser() -> StepResult {
    if let Some(skip) = missing("tests/e2e/pkg-browser.mjs") {
        return Ok(skip);
    }
    ran(Cmd::new("node").args(["tests/e2e/pkg-browser.mjs"]).run())
}
