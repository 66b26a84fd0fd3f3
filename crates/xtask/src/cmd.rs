//! Subprocesses and paths. Every command is printed (`$ program args`) before it runs, and a
//! failure becomes one line naming the command.

use std::env;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Where the binaryen npm package puts `wasm-opt`, relative to the repository root.
pub const TOOLS_BIN: &str = "target/tools/node_modules/.bin";

/// Makes the repository root the working directory, and puts `~/.cargo/bin` (where
/// `cargo install` puts trunk and wasm-bindgen) and [`TOOLS_BIN`] (where trunk finds `wasm-opt`)
/// in front of `PATH` for every subprocess.
pub fn enter_root() -> Result<(), String> {
    // `cargo run` sets CARGO_MANIFEST_DIR at run time too; the compile-time value is the fallback.
    let manifest = env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    let root = manifest.ancestors().nth(2).ok_or_else(|| {
        format!(
            "cannot find the repository root above {}",
            manifest.display()
        )
    })?;
    env::set_current_dir(root)
        .map_err(|e| format!("cannot enter the repository root {}: {e}", root.display()))?;

    let mut paths = vec![root.join(TOOLS_BIN), cargo_home().join("bin")];
    paths.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
    let path = env::join_paths(paths).map_err(|e| format!("cannot build PATH: {e}"))?;
    env::set_var("PATH", path);
    Ok(())
}

/// `$CARGO_HOME`, or `~/.cargo`.
pub fn cargo_home() -> PathBuf {
    env::var_os("CARGO_HOME").map_or_else(
        || PathBuf::from(env::var_os("HOME").unwrap_or_default()).join(".cargo"),
        PathBuf::from,
    )
}

/// Cargo's target directory (`$CARGO_TARGET_DIR`, or `target/`).
pub fn target_dir() -> PathBuf {
    env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from)
}

/// Whether `path` (relative to the repository root) exists.
pub fn exists(path: &str) -> bool {
    Path::new(path).exists()
}

/// A command to print and run.
pub struct Cmd {
    command: Command,
    shown: String,
}

impl Cmd {
    /// `program` with no arguments yet.
    pub fn new(program: &str) -> Self {
        Self {
            command: Command::new(program),
            shown: program.to_owned(),
        }
    }

    /// Appends arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for arg in args {
            let arg = arg.as_ref();
            self.command.arg(arg);
            if arg.is_empty() || arg.contains(|c: char| c.is_whitespace() || c == '\'') {
                let _ = write!(self.shown, " '{}'", arg.replace('\'', r"'\''"));
            } else {
                let _ = write!(self.shown, " {arg}");
            }
        }
        self
    }

    /// Sets an environment variable for the command (shown before it).
    pub fn env(mut self, key: &str, value: impl Into<OsString>) -> Self {
        let value = value.into();
        self.shown = format!("{key}={} {}", value.to_string_lossy(), self.shown);
        self.command.env(key, value);
        self
    }

    /// Runs the command with the terminal as its stdout and stderr.
    pub fn run(mut self) -> Result<(), String> {
        println!("$ {}", self.shown);
        let status = self.command.status().map_err(|e| self.start_error(&e))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", self.shown))
        }
    }

    /// Runs the command and returns its stdout; stderr goes to the terminal.
    pub fn read(mut self) -> Result<Vec<u8>, String> {
        println!("$ {}", self.shown);
        self.command.stdin(Stdio::null()).stderr(Stdio::inherit());
        let Output { status, stdout, .. } =
            self.command.output().map_err(|e| self.start_error(&e))?;
        if status.success() {
            Ok(stdout)
        } else {
            Err(format!("`{}` failed ({status})", self.shown))
        }
    }

    /// Runs the command and returns its stdout and stderr as text, success or not, or `None`
    /// when it cannot start (a version probe: the tool may not be installed).
    pub fn probe(mut self) -> Option<String> {
        println!("$ {}", self.shown);
        self.command.stdin(Stdio::null());
        let out = self.command.output().ok()?;
        let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.push_str(&String::from_utf8_lossy(&out.stderr));
        out.status.success().then_some(text)
    }

    fn start_error(&self, e: &std::io::Error) -> String {
        let program = self.command.get_program().to_string_lossy();
        if e.kind() == std::io::ErrorKind::NotFound {
            format!(
                "cannot run `{}`: `{program}` is not installed or not on PATH",
                self.shown
            )
        } else {
            format!("cannot run `{}`: {e}", self.shown)
        }
    }
}

/// `cargo` with arguments.
pub fn cargo<const N: usize>(args: [&str; N]) -> Cmd {
    Cmd::new("cargo").args(args)
}
