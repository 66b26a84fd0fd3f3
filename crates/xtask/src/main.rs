//! `cargo xtask`: the project's tasks, written in plain Rust with only std.
//!
//! `serve` and `test` are the two commands the README names; `bench` and `pkg` are the others.
//! Each task installs the tools it needs (see [`install`]), prints every subprocess before it runs
//! (see [`cmd`]) and reports an error as one line.

mod bench;
mod cmd;
mod install;
mod peer;
mod pkg;
mod serve;
mod simbench;
mod site;
mod sizes;
mod split;
mod test;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  serve   install what is missing, build the web app and serve dist/ on http://127.0.0.1:8080
  test    install what is missing, then run every check and test (what CI runs)
  bench   run the native, side-by-side and wasm benchmarks and print the figures
  pkg     build the JavaScript package into pkg/
  web     build the web app into dist/ (trunk, then the wasm split in two); needs pkg/";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = match args.as_slice() {
        [task] => task.as_str(),
        [] => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
        [_, extra, ..] => {
            eprintln!("xtask: error: unexpected argument `{extra}`\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = cmd::enter_root() {
        eprintln!("xtask: error: {e}");
        return ExitCode::FAILURE;
    }
    let result = match task {
        "serve" => serve::run(),
        "test" => return test::run(),
        "bench" => bench::run(),
        "pkg" => install::wasm_tools().and_then(|()| pkg::run()),
        "web" => install::web_tools().and_then(|()| split::build()),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => {
            eprintln!("xtask: error: unknown task `{other}`\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {task}: error: {e}");
            ExitCode::FAILURE
        }
    }
}
