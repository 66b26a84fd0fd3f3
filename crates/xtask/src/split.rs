//! Splits the web app's wasm in two after `trunk build` (issue 15): a primary module with what
//! runs up to the first result, loaded by index.html, and a secondary module with the rest,
//! fetched once the page is idle (`web/split-loader.js` says how the two meet in the browser).
//!
//! 1. Binaryen's `wasm-split` (Debian's `binaryen` 108; the npm package lacks it) cannot read
//!    `table.fill`, which wasm-bindgen emits twice as `table.fill $externrefs i null 1`: each
//!    becomes the equivalent `table.set $externrefs i null` padded with `nop`s, in place.
//! 2. `wasm-split --instrument`, then `tests/e2e/split-profile.mjs` runs that build in headless
//!    Chromium up to the first result (desktop and phone, fast and slow) and saves which
//!    functions ran; `wasm-split --merge-profiles` makes one profile of them.
//! 3. `wasm-split --split --profile`: the functions that ran stay in the primary module.
//! 4. wasm-split 108 writes a wrong index for a table export past the first table: the primary's
//!    `__wbindgen_externrefs` export is pointed back at the externref table (table 1).
//! 5. `wasm-opt -Oz` on each half.
//! 6. The primary replaces trunk's `.wasm` (same name), the secondary goes beside it as
//!    `<name>_bg.rest.wasm`, and wasm-bindgen's glue gets the placeholder imports and a call that
//!    hands the primary's exports to the loader.
//!
//! Uses only std; runs from the repository root. Intermediate files go to `target/split/`
//! (under `CARGO_TARGET_DIR` when set).

use crate::cmd::{self, Cmd};
use std::fs;
use std::path::{Path, PathBuf};

/// The secondary module's file name ends so: `<trunk's name>_bg.rest.wasm`.
pub const SECONDARY_SUFFIX: &str = "_bg.rest.wasm";
/// The export wasm-bindgen's glue reads the externref table from.
const EXTERNREFS: &[u8] = b"__wbindgen_externrefs";

/// The web app as CI and `cargo xtask serve` build it: `trunk build --release --offline` into
/// `dist/`, then [`run`] on it.
pub fn build() -> Result<(), String> {
    Cmd::new("trunk")
        .args(["build", "--release", "--offline"])
        .run()?;
    run(Path::new("dist"))
}

/// Splits the wasm of the site in `dist` in place.
pub fn run(dist: &Path) -> Result<(), String> {
    let (wasm, glue) = trunk_output(dist)?;
    let work = &cmd::target_dir().join("split");
    fs::create_dir_all(work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let input = work.join("input.wasm");
    let instrumented = work.join("instrumented.wasm");
    let profile = work.join("profile.bin");
    let (primary, secondary) = (work.join("primary.wasm"), work.join("secondary.wasm"));

    let mut bytes = read(&wasm)?;
    let fills = table_fills(&wasm)?;
    let replaced = replace_table_fills(&mut bytes);
    if replaced != fills {
        return Err(format!(
            "{}: {fills} table.fill, {replaced} of them in wasm-bindgen's form `table.fill \
             i null 1`; wasm-split 108 reads none",
            wasm.display()
        ));
    }
    write(&input, &bytes)?;

    wasm_split(&["--instrument", path(&input), "-o", path(&instrumented)])?;
    fix_externrefs_export(&instrumented)?;
    record_profile(dist, &wasm, &instrumented, &profile)?;
    let profile_arg = format!("--profile={}", path(&profile));
    wasm_split(&[
        "--split",
        &profile_arg,
        path(&input),
        "-o1",
        path(&primary),
        "-o2",
        path(&secondary),
    ])?;
    fix_externrefs_export(&primary)?;
    optimize(&primary)?;
    optimize(&secondary)?;

    let rest = secondary_path(&wasm);
    fs::copy(&primary, &wasm).map_err(|e| format!("cannot write {}: {e}", wasm.display()))?;
    fs::copy(&secondary, &rest).map_err(|e| format!("cannot write {}: {e}", rest.display()))?;
    patch_glue(&glue, &file_name(&rest))
}

/// Runs the instrumented app in Chromium (`tests/e2e/split-profile.mjs`, one profile per
/// scenario: `<profile>.<n>`) and merges the profiles into `profile`.
fn record_profile(
    dist: &Path,
    wasm: &Path,
    instrumented: &Path,
    profile: &Path,
) -> Result<(), String> {
    let runs = |n: usize| PathBuf::from(format!("{}.{n}", profile.display()));
    for old in (0..).map(runs).take_while(|p| p.exists()) {
        fs::remove_file(&old).map_err(|e| format!("cannot remove {}: {e}", old.display()))?;
    }
    Cmd::new("node")
        .args(["tests/e2e/split-profile.mjs", path(dist), &file_name(wasm)])
        .args([path(instrumented), path(profile)])
        .run()?;
    let recorded: Vec<PathBuf> = (0..).map(runs).take_while(|p| p.exists()).collect();
    if recorded.is_empty() {
        return Err("tests/e2e/split-profile.mjs recorded no profile".into());
    }
    let mut args = vec!["--merge-profiles"];
    args.extend(recorded.iter().map(|p| path(p)));
    args.extend(["-o", path(profile)]);
    wasm_split(&args)
}

/// `wasm-opt -Oz` on one half in place, as trunk runs it on the whole (index.html): the split
/// leaves each half with code the other no longer reaches through it (1.5 KB gzipped of the
/// primary). Exports, imports and the shared table, which join the halves, stay as they are.
fn optimize(wasm: &Path) -> Result<(), String> {
    let wasm_opt = Path::new(cmd::TOOLS_BIN).join("wasm-opt");
    Cmd::new(path(&wasm_opt))
        .args(crate::pkg::WASM_FEATURES)
        .args(["-Oz", "--low-memory-unused", path(wasm), "-o", path(wasm)])
        .run()
}

/// `wasm-split` with the wasm features and `args`.
fn wasm_split(args: &[&str]) -> Result<(), String> {
    Cmd::new("wasm-split")
        .args(crate::pkg::WASM_FEATURES)
        .args(args)
        .run()
}

/// trunk's `<name>_bg.wasm` and `<name>.js` in `dist` (exactly one of each).
fn trunk_output(dist: &Path) -> Result<(PathBuf, PathBuf), String> {
    let entries = fs::read_dir(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    let wasm: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| file_name(p).ends_with("_bg.wasm"))
        .collect();
    let [wasm] = wasm.as_slice() else {
        return Err(format!(
            "expected one *_bg.wasm in {}, found {}",
            dist.display(),
            wasm.len()
        ));
    };
    let stem = file_name(wasm).trim_end_matches("_bg.wasm").to_owned();
    let glue = dist.join(format!("{stem}.js"));
    if secondary_path(wasm).exists() {
        return Err(format!("{} is already split", wasm.display()));
    }
    Ok((wasm.clone(), glue))
}

fn secondary_path(wasm: &Path) -> PathBuf {
    let stem = file_name(wasm).trim_end_matches("_bg.wasm").to_owned();
    wasm.with_file_name(format!("{stem}{SECONDARY_SUFFIX}"))
}

/// How many `table.fill` instructions the module has (`wasm-opt --metrics`, binaryen 132).
fn table_fills(wasm: &Path) -> Result<usize, String> {
    let wasm_opt = Path::new(cmd::TOOLS_BIN).join("wasm-opt");
    let out = Cmd::new(path(&wasm_opt))
        .args(crate::pkg::WASM_FEATURES)
        .args([path(wasm), "--metrics", "-o", "/dev/null"])
        .read()?;
    let text = String::from_utf8_lossy(&out);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("TableFill"));
    Ok(line
        .and_then(|l| l.split(':').nth(1))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0))
}

/// Rewrites wasm-bindgen's `ref.null extern; i32.const 1; table.fill 1` as
/// `ref.null extern; table.set 1; nop; nop; nop` (same length, same effect); returns how many.
fn replace_table_fills(bytes: &mut [u8]) -> usize {
    const FILL: [u8; 7] = [0xD0, 0x6F, 0x41, 0x01, 0xFC, 0x11, 0x01];
    const SET: [u8; 7] = [0xD0, 0x6F, 0x26, 0x01, 0x01, 0x01, 0x01];
    let mut count = 0;
    let mut i = 0;
    while i + FILL.len() <= bytes.len() {
        if bytes[i..i + FILL.len()] == FILL {
            bytes[i..i + FILL.len()].copy_from_slice(&SET);
            count += 1;
            i += FILL.len();
        } else {
            i += 1;
        }
    }
    count
}

/// Points the `__wbindgen_externrefs` export back at table 1, where wasm-split 108 writes 0.
fn fix_externrefs_export(wasm: &Path) -> Result<(), String> {
    let mut bytes = read(wasm)?;
    // The export entry: name length, name, kind 1 (table), then the table index.
    let mut entry = vec![EXTERNREFS.len() as u8];
    entry.extend_from_slice(EXTERNREFS);
    entry.push(0x01);
    let found: Vec<usize> = bytes
        .windows(entry.len() + 1)
        .enumerate()
        .filter(|(_, w)| w.starts_with(&entry) && w[entry.len()] <= 1)
        .map(|(i, _)| i + entry.len())
        .collect();
    let [index] = found.as_slice() else {
        return Err(format!(
            "{}: expected one table export `__wbindgen_externrefs`, found {}",
            wasm.display(),
            found.len()
        ));
    };
    bytes[*index] = 0x01;
    write(wasm, &bytes)
}

/// Edits wasm-bindgen's glue: the placeholder imports, and the loader told of the primary.
fn patch_glue(glue: &Path, secondary: &str) -> Result<(), String> {
    let text =
        fs::read_to_string(glue).map_err(|e| format!("cannot read {}: {e}", glue.display()))?;
    let imports = "        \"./nines-web_bg.js\": import0,\n";
    let finalize = "function __wbg_finalize_init(instance, module) {\n";
    for anchor in [imports, finalize] {
        if text.matches(anchor).count() != 1 {
            return Err(format!(
                "{}: wasm-bindgen's glue changed: `{}` is not there once",
                glue.display(),
                anchor.trim()
            ));
        }
    }
    let started = format!(
        "    split.started(instance.exports, new URL('./{secondary}', import.meta.url));\n"
    );
    let text = text
        .replacen(
            imports,
            &format!("{imports}        placeholder: split.placeholders,\n"),
            1,
        )
        .replacen(finalize, &format!("{finalize}{started}"), 1);
    let header = "// Split by `cargo xtask` (crates/xtask/src/split.rs): see split-loader.js.\n\
                  import * as split from './split-loader.js';\n";
    write(glue, format!("{header}{text}").as_bytes())
}

fn read(file: &Path) -> Result<Vec<u8>, String> {
    fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))
}

fn write(file: &Path, bytes: &[u8]) -> Result<(), String> {
    fs::write(file, bytes).map_err(|e| format!("cannot write {}: {e}", file.display()))
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_wasm_bindgens_table_fill_in_place() {
        let mut code = vec![0x20, 0x03, 0xD0, 0x6F, 0x41, 0x01, 0xFC, 0x11, 0x01, 0x0B];
        assert_eq!(replace_table_fills(&mut code), 1);
        assert_eq!(
            code,
            [0x20, 0x03, 0xD0, 0x6F, 0x26, 0x01, 0x01, 0x01, 0x01, 0x0B]
        );
        // A fill of 2 is not the form wasm-bindgen emits: left alone, and counted as missed.
        let mut other = vec![0xD0, 0x6F, 0x41, 0x02, 0xFC, 0x11, 0x01];
        assert_eq!(replace_table_fills(&mut other), 0);
    }

    #[test]
    fn names_the_secondary_after_trunks_file() {
        assert_eq!(
            secondary_path(Path::new("dist/nines-web-0a1b_bg.wasm")),
            Path::new("dist/nines-web-0a1b_bg.rest.wasm")
        );
    }
}
