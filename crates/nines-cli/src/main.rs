//! `nines`: the command line over `nines-core`. Reads files and arguments, prints reports.
//!
//! Exit codes: 0 success, 2 bad input (one line naming the argument or JSON path), 1 internal
//! error (e.g. stdout closed).

mod args;
mod commands;
mod decide;
mod pretty;
mod render;
mod simulate;

use clap::Parser;
use nines_core::{Problem, Problems};
use serde::Serialize;
use std::io::{BufWriter, Read, Write};
use std::process::ExitCode;

/// A failure, and which exit code it earns.
pub enum Failure {
    /// The user's input is wrong: exit 2.
    Input(String),
    /// Something else broke: exit 1.
    Internal(String),
    /// Whoever reads the output stopped reading (`nines … | head`): exit 0, quietly, as the
    /// reader chose to stop.
    Closed,
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
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let done =
        commands::run(cli.command, &mut out).and_then(|()| out.flush().map_err(cannot_write));
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            eprintln!("nines: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Internal(message)) => {
            eprintln!("nines: internal error: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Closed) => ExitCode::SUCCESS,
    }
}

/// Where a command writes its answer: standard output, buffered (a concrete type, so that the
/// JSON writer's many small writes are inlined).
pub type Out = BufWriter<std::io::StdoutLock<'static>>;

/// `value` as `--json` prints it (pretty JSON and a newline), else as `text` writes it for
/// people, written straight to `out`: a report is never held as one string.
pub fn shown<T: Serialize + ?Sized>(
    out: &mut Out,
    json: bool,
    value: &T,
    text: impl FnOnce(&T) -> String,
) -> Result<(), Failure> {
    if !json {
        return print(out, &text(value));
    }
    pretty::to_writer(&mut *out, value).map_err(|e| match e.io_error_kind() {
        Some(kind) => cannot_write(kind.into()),
        None => Failure::Internal(e.to_string()),
    })?;
    print(out, "\n")
}

/// Writes `text` to `out`.
pub fn print(out: &mut Out, text: &str) -> Result<(), Failure> {
    out.write_all(text.as_bytes()).map_err(cannot_write)
}

fn cannot_write(e: std::io::Error) -> Failure {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Failure::Closed
    } else {
        Failure::Internal(format!("cannot write output: {e}"))
    }
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
