//! Installs the tools the tasks need, each skipped when it is already there at the right version.
//!
//! The versions are pinned here: trunk 0.21.14 (0.22 needs a newer rustc), wasm-bindgen-cli
//! matching the `wasm-bindgen` crate in `Cargo.lock`, and `wasm-opt` from the binaryen npm package
//! (it runs on Node and comes from the npm registry, so `trunk --offline` never downloads it).
//! `wasm-split` is binaryen's too, from Debian's `binaryen` package (108 on bookworm), which
//! `crate::split` is written against.

use crate::cmd::{self, Cmd};
use std::fs;
use std::path::Path;
use std::thread;
use std::time::Duration;

/// The trunk release (`cargo install --locked trunk`).
pub const TRUNK: &str = "0.21.14";
/// The wasm-bindgen-cli release; must equal the `wasm-bindgen` crate version in `Cargo.lock`.
pub const WASM_BINDGEN: &str = "0.2.130";
/// The binaryen release that provides `wasm-opt` (npm package `binaryen`).
pub const BINARYEN: &str = "132";
/// The TypeScript major release whose `tsc` checks the package's `.d.ts` in the node tests.
pub const TYPESCRIPT: &str = "5";
/// The twiggy release that prints the package's size breakdown.
pub const TWIGGY: &str = "0.7.0";
/// The Rust target of the web app and the JavaScript package.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Everything `cargo xtask test` needs.
pub fn all() -> Result<(), String> {
    rust_components()?;
    web_tools()?;
    typescript()?;
    chromium()
}

/// What building the web app needs: [`wasm_tools`], trunk and [`split_tools`].
pub fn web_tools() -> Result<(), String> {
    wasm_tools()?;
    trunk()?;
    split_tools()
}

/// What splitting the web app's wasm needs (`crate::split`): binaryen's `wasm-split` (Debian's
/// `binaryen` package; the npm one lacks it), and Chromium with playwright-core to record which
/// functions run up to the first result.
pub fn split_tools() -> Result<(), String> {
    if version_is("wasm-split", |v| v.contains("version")) {
        done("wasm-split (binaryen)")?;
    } else {
        apt_install(&["binaryen"])?;
    }
    chromium()?;
    if cmd::exists("tests/e2e/node_modules/playwright-core") {
        return done("playwright-core (tests/e2e)");
    }
    node()?;
    Cmd::new("npm").args(["ci", "--prefix", "tests/e2e"]).run()
}

/// What building the JavaScript package needs: the wasm target, wasm-bindgen-cli and wasm-opt.
pub fn wasm_tools() -> Result<(), String> {
    wasm_target()?;
    wasm_bindgen()?;
    wasm_opt()?;
    twiggy()
}

/// twiggy, for the package's size breakdown by crate and module.
fn twiggy() -> Result<(), String> {
    cargo_install(
        "twiggy",
        TWIGGY,
        &["--locked", "twiggy", "--version", TWIGGY],
        || version_is("twiggy", |v| v.contains(TWIGGY)),
    )
}

/// rustfmt and clippy (a minimal rustup profile lacks them).
fn rust_components() -> Result<(), String> {
    let fmt = cmd::cargo(["fmt", "--version"]).probe().is_some();
    let clippy = cmd::cargo(["clippy", "--version"]).probe().is_some();
    if fmt && clippy {
        return done("rustfmt and clippy");
    }
    Cmd::new("rustup")
        .args(["component", "add", "rustfmt", "clippy"])
        .run()
}

fn wasm_target() -> Result<(), String> {
    let installed = Cmd::new("rustup")
        .args(["target", "list", "--installed"])
        .read()?;
    if String::from_utf8_lossy(&installed)
        .lines()
        .any(|l| l.trim() == WASM_TARGET)
    {
        return done(WASM_TARGET);
    }
    Cmd::new("rustup")
        .args(["target", "add", WASM_TARGET])
        .run()
}

fn trunk() -> Result<(), String> {
    let wanted = format!("trunk {TRUNK}");
    cargo_install(
        "trunk",
        TRUNK,
        &["--locked", "trunk", "--version", TRUNK],
        || version_is("trunk", |v| v.trim() == wanted),
    )
}

fn wasm_bindgen() -> Result<(), String> {
    if let Some(locked) = locked_version("wasm-bindgen")? {
        if locked != WASM_BINDGEN {
            return Err(format!(
                "Cargo.lock uses wasm-bindgen {locked} but xtask installs wasm-bindgen-cli \
                 {WASM_BINDGEN}: change WASM_BINDGEN in crates/xtask/src/install.rs"
            ));
        }
    }
    // Not `--locked`: the CLI's lockfile names a crate version the registry lacks.
    cargo_install(
        "wasm-bindgen-cli",
        WASM_BINDGEN,
        &["wasm-bindgen-cli", "--version", WASM_BINDGEN],
        || {
            version_is("wasm-bindgen", |v| {
                v.split_whitespace().any(|w| w == WASM_BINDGEN)
            })
        },
    )
}

fn wasm_opt() -> Result<(), String> {
    npm_tool(
        "wasm-opt",
        &format!("binaryen@{BINARYEN}"),
        &format!("version {BINARYEN}"),
    )
}

/// `tsc`, for the node test that checks the `.d.ts` against every fixture.
fn typescript() -> Result<(), String> {
    npm_tool(
        "tsc",
        &format!("typescript@{TYPESCRIPT}"),
        &format!("Version {TYPESCRIPT}."),
    )
}

/// An npm package's command in `target/tools`, installed unless `--version` contains `wanted`.
fn npm_tool(bin: &str, package: &str, wanted: &str) -> Result<(), String> {
    let bin = Path::new(cmd::TOOLS_BIN).join(bin);
    let check = || {
        Cmd::new(&bin.to_string_lossy())
            .args(["--version"])
            .probe()
            .is_some_and(|v| v.contains(wanted))
    };
    if check() {
        return done(&format!("{} ({package})", bin.display()));
    }
    node()?;
    Cmd::new("npm")
        .args([
            "install",
            "--prefix",
            "target/tools",
            "--no-audit",
            "--no-fund",
            package,
        ])
        .run()?;
    if check() {
        Ok(())
    } else {
        Err(format!(
            "{} does not report {wanted} after npm install",
            bin.display()
        ))
    }
}

/// Node.js and npm, from the distribution when missing.
fn node() -> Result<(), String> {
    let node = Cmd::new("node").args(["--version"]).probe().is_some();
    let npm = Cmd::new("npm").args(["--version"]).probe().is_some();
    if node && npm {
        return done("node and npm");
    }
    apt_install(&["nodejs", "npm"])
}

/// Chromium and chromedriver for the browser tests, and poppler-utils (`pdftoppm`, `pdftotext`)
/// for the e2e check of the printed report.
fn chromium() -> Result<(), String> {
    let have = |p: &str| Path::new(p).exists();
    if have("/usr/bin/chromium") && have("/usr/bin/chromedriver") && have("/usr/bin/pdftoppm") {
        return done("chromium, chromedriver and poppler-utils");
    }
    apt_install(&["chromium", "chromium-driver", "poppler-utils"])
}

fn apt_install(packages: &[&str]) -> Result<(), String> {
    let hint = |e: String| {
        format!(
            "{e}; install {} with the system package manager (as root)",
            packages.join(" ")
        )
    };
    Cmd::new("apt-get")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .args(["update"])
        .run()
        .map_err(hint)?;
    Cmd::new("apt-get")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .args(["install", "-y"])
        .args(packages)
        .run()
        .map_err(hint)
}

/// `cargo install ARGS` unless `installed()` already holds. When another `cargo install` of the
/// same crate is running (another task in the same tree), waits for it instead of compiling the
/// crate a second time.
fn cargo_install(
    krate: &str,
    version: &str,
    args: &[&str],
    installed: impl Fn() -> bool,
) -> Result<(), String> {
    let what = format!("{krate} {version}");
    if installed() {
        return done(&what);
    }
    if let Some(pid) = other_install(krate) {
        println!("install: waiting for the running `cargo install {krate}` (pid {pid}) to finish");
        while other_install(krate).is_some() {
            thread::sleep(Duration::from_secs(5));
        }
        if installed() {
            return done(&what);
        }
    }
    println!("install: {what} is missing; compiling it takes minutes");
    cmd::cargo(["install"]).args(args).run()?;
    if installed() {
        Ok(())
    } else {
        Err(format!(
            "{krate} is still not at the expected version after `cargo install`"
        ))
    }
}

/// Whether `program --version` succeeds and its output passes `ok`.
fn version_is(program: &str, ok: impl Fn(&str) -> bool) -> bool {
    Cmd::new(program)
        .args(["--version"])
        .probe()
        .is_some_and(|v| ok(&v))
}

/// The pid of another process running `cargo install … KRATE …`, from `/proc` (Linux only;
/// elsewhere there is no check).
fn other_install(krate: &str) -> Option<u32> {
    let me = std::process::id();
    fs::read_dir("/proc").ok()?.flatten().find_map(|entry| {
        let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
        if pid == me {
            return None;
        }
        let raw = fs::read(entry.path().join("cmdline")).ok()?;
        let args: Vec<&[u8]> = raw.split(|b| *b == 0).collect();
        let program = Path::new(std::str::from_utf8(args.first()?).ok()?).file_name()?;
        let found = program == "cargo"
            && args.contains(&b"install".as_slice())
            && args.contains(&krate.as_bytes());
        found.then_some(pid)
    })
}

/// The version of `package` in `Cargo.lock`, if the lockfile has it.
fn locked_version(package: &str) -> Result<Option<String>, String> {
    let lock =
        fs::read_to_string("Cargo.lock").map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    Ok(version_in_lock(&lock, package))
}

fn version_in_lock(lock: &str, package: &str) -> Option<String> {
    let name = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    lines.find(|l| *l == name)?;
    let version = lines.next()?.strip_prefix("version = \"")?;
    Some(version.trim_end_matches('"').to_owned())
}

fn done(what: &str) -> Result<(), String> {
    println!("install: {what} already installed");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_version_from_the_lockfile() {
        let lock = "[[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.2.1\"\n\n\
                    [[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n";
        assert_eq!(
            version_in_lock(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(version_in_lock(lock, "trunk"), None);
    }

    #[test]
    fn the_pinned_wasm_bindgen_matches_the_workspace_lockfile() {
        let lock = include_str!("../../../Cargo.lock");
        if let Some(locked) = version_in_lock(lock, "wasm-bindgen") {
            assert_eq!(locked, WASM_BINDGEN);
        }
    }
}
