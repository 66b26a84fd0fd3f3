//! `nines`: the command line over `nines-core`. Reads files and arguments, prints reports.
//!
//! Exit codes: 0 success, 2 bad input (one line naming the argument or JSON path), 1 internal
//! error (e.g. stdout closed).

mod args;
mod commands;
mod decide;
mod render;
mod simulate;

use clap::Parser;
use nines_core::{Problem, Problems};
use serde::Serialize;
use std::io::{Read, Write};
use std::process::ExitCode;

/// A failure, and which exit code it earns.
pub enum Failure {
    /// The user's input is wrong: exit 2.
    Input(String),
    /// Something else broke: exit 1.
    Internal(String),
}

impl From<Problems> for Failure {
    fn from(problems: Problems) -> Self {
        Self::Input(problems.to_string())
    }
}

impl From<Problem> for Failure {
    fn from(problem: Problem) -> Self {
        Self::Input(problem.to_string())
    }
}

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // --help and --version
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            // clap's message runs until the first blank line; keep it on one line.
            let rendered = error.render().to_string();
            let message: Vec<&str> = rendered
                .lines()
                .take_while(|line| !line.trim().is_empty())
                .map(str::trim)
                .collect();
            eprintln!("nines: {}", message.join(" ").trim_start_matches("error: "));
            return ExitCode::from(2);
        }
    };
    match commands::run(cli.command) {
        Ok(output) => match std::io::stdout().write_all(output.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("nines: internal error: cannot write output: {e}");
                ExitCode::from(1)
            }
        },
        Err(Failure::Input(message)) => {
            eprintln!("nines: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Internal(message)) => {
            eprintln!("nines: internal error: {message}");
            ExitCode::from(1)
        }
    }
}

/// Pretty JSON and a newline: what every `--json` prints.
/// `value` as `--json` prints it, else as `text` writes it for people.
pub fn shown<T: Serialize + ?Sized>(
    json: bool,
    value: &T,
    text: impl FnOnce(&T) -> String,
) -> Result<String, Failure> {
    if json {
        to_json(value)
    } else {
        Ok(text(value))
    }
}

pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| Failure::Internal(e.to_string()))
}

/// The text of a file named on the command line (`-` for standard input); `what` names the
/// argument in errors (`FILE`, `--catalog`).
pub fn read_input(file: &str, what: &str) -> Result<String, Failure> {
    let mut text = String::new();
    let result = if file == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::File::open(file).and_then(|mut f| f.read_to_string(&mut text).map(|_| ()))
    };
    result.map_err(|e| Failure::Input(format!("{what} {file}: {e}")))?;
    Ok(text)
}
