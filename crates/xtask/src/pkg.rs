//! `cargo xtask pkg`: builds the JavaScript package into `pkg/`.
//!
//! 1. `cargo build -p nines-wasm --profile pkg-release --target wasm32-unknown-unknown`
//!    (opt-level "s" but serde_json and nines-wasm at 3; see the workspace Cargo.toml).
//! 2. `wasm-bindgen --target web`: one ES module that works in browsers and in Node
//!    (`initSync({module: readFileSync(...)})`), its `.wasm` and its `.d.ts` (the API's own
//!    types come from `crates/nines-wasm/src/types.d.ts`).
//! 3. `wasm-opt -O3` when binaryen's (from npm, in [`WASM_OPT`]) or one on `PATH` is found.
//! 4. `catalog.js`: the bundled catalog as one document, data beside the code (Node merges
//!    `data/catalog/*.json`); `package.json`, `README.md` with a runnable example, and the JSON
//!    Schemas.
//!
//! Prints the `.wasm` size raw and gzipped against its budget, the catalog's, and the size by
//! crate and nines-core module (twiggy, before wasm-opt).
//! Uses only std; runs from the repository root.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Where the package goes.
pub const OUT: &str = "pkg";
/// Base name of the generated files: `nines.js`, `nines.d.ts`, `nines_bg.wasm`.
pub const NAME: &str = "nines";
/// The gzipped `.wasm` budget. Over it, `pkg` fails, so CI catches growth. Issue 5 set 150 KB
/// for the first edition (144.9 KB). Measured since, each step on its own commit: the exact
/// conditioning, cut sets and exact decimal reading 164 KB; the risk simulation (with its JS
/// chunked API) 246 KB; calendars (with the IANA zone rules, 7.4 KB of it) 305 KB; the decision
/// layer (improve, optimize, SLO) 341 KB. README, Benchmarks, has the breakdown this prints.
pub const WASM_GZIP_BUDGET: u64 = 350_000;

/// `wasm-opt` from the binaryen npm package, as `cargo xtask` installs it; else `PATH`.
pub const WASM_OPT: &str = "target/tools/node_modules/.bin/wasm-opt";

const TARGET: &str = "wasm32-unknown-unknown";
const PROFILE: &str = "pkg-release";

/// Writes `catalog.js` (path in `argv[1]`): the manifest and provider files of `data/catalog`
/// merged into one `{version, date, entries}` document, exported as its JSON text.
const CATALOG_JS: &str = r#"
const fs = require("node:fs");
const read = (name) => JSON.parse(fs.readFileSync(`data/catalog/${name}`, "utf8"));
const manifest = read("catalog.json");
const entries = manifest.files.flatMap((file) => read(file).entries);
const text = JSON.stringify({ version: manifest.version, date: manifest.date, entries });
fs.writeFileSync(
  process.argv[1],
  "// The bundled SLA catalog: data/catalog/*.json as one document, written by `cargo xtask pkg`.\n" +
    `export default ${JSON.stringify(text)};\n`,
);
"#;
/// Features Rust enables by default on wasm32 that binaryen's tools (`wasm-opt`, `wasm-split`)
/// must accept.
pub const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Builds the package.
pub fn run() -> Result<(), String> {
    run_cmd(Command::new("cargo").args([
        "build",
        "-p",
        "nines-wasm",
        "--profile",
        PROFILE,
        "--target",
        TARGET,
    ]))?;
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| "target".into(), PathBuf::from);
    let built = target.join(TARGET).join(PROFILE).join("nines_wasm.wasm");

    let out = Path::new(OUT);
    if out.exists() {
        fs::remove_dir_all(out).map_err(|e| format!("cannot clear {OUT}/: {e}"))?;
    }
    run_cmd(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--out-name", NAME, "--out-dir", OUT])
            .arg(&built),
    )?;

    let wasm = out.join(format!("{NAME}_bg.wasm"));
    let local = Path::new(WASM_OPT);
    let wasm_opt = if local.exists() { WASM_OPT } else { "wasm-opt" };
    if probe(wasm_opt) {
        let mut opt = Command::new(wasm_opt);
        opt.arg("-O3")
            .args(WASM_FEATURES)
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm);
        run_cmd(&mut opt)?;
    } else {
        println!(
            "pkg: wasm-opt not found ({WASM_OPT} or PATH); the .wasm is not optimized further"
        );
    }

    let catalog = out.join("catalog.js");
    run_cmd(Command::new("node").args(["-e", CATALOG_JS]).arg(&catalog))?;
    write(out, "package.json", &package_json())?;
    write(out, "README.md", README)?;
    for schema in [
        "model.schema.json",
        "report.schema.json",
        "availability.schema.json",
        "downtime.schema.json",
        "risk.schema.json",
    ] {
        let from = Path::new("data/schema").join(schema);
        if from.exists() {
            fs::create_dir_all(out.join("schema")).map_err(|e| format!("{OUT}/schema: {e}"))?;
            fs::copy(&from, out.join("schema").join(schema))
                .map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
        }
    }
    // wasm-bindgen writes a .gitignore of `*`; the folder is ignored at the root instead, so that
    // `npm pack pkg/` includes every file.
    let _ = fs::remove_file(out.join(".gitignore"));

    let raw = fs::metadata(&wasm)
        .map_err(|e| format!("{}: {e}", wasm.display()))?
        .len();
    let gz = gzipped_size(&wasm)?;
    println!(
        "pkg: {} is {raw} bytes, {gz} bytes gzipped ({:.1} KB of the {} KB budget)",
        wasm.display(),
        gz as f64 / 1000.0,
        WASM_GZIP_BUDGET / 1000
    );
    println!(
        "pkg: {} (the bundled catalog, data beside the code) is {} bytes gzipped",
        catalog.display(),
        gzipped_size(&catalog)?
    );
    crate::sizes::print(&built);
    if gz > WASM_GZIP_BUDGET {
        return Err(format!(
            "{} is {gz} bytes gzipped, {} over the {WASM_GZIP_BUDGET}-byte budget",
            wasm.display(),
            gz - WASM_GZIP_BUDGET
        ));
    }
    println!("pkg: wrote {OUT}/ (import {OUT}/{NAME}.js)");
    Ok(())
}

fn package_json() -> String {
    format!(
        r#"{{
  "name": "nines",
  "version": "{version}",
  "description": "Composite availability, SLA contracts, downtime and service credits (WebAssembly)",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./{NAME}.js",
  "module": "./{NAME}.js",
  "types": "./{NAME}.d.ts",
  "exports": {{
    ".": {{ "types": "./{NAME}.d.ts", "default": "./{NAME}.js" }},
    "./{NAME}_bg.wasm": "./{NAME}_bg.wasm",
    "./schema/*": "./schema/*"
  }},
  "files": ["{NAME}.js", "{NAME}.d.ts", "{NAME}_bg.wasm", "{NAME}_bg.wasm.d.ts", "catalog.js", "snippets", "schema", "README.md"],
  "sideEffects": false
}}
"#,
        version = env!("CARGO_PKG_VERSION"),
    )
}

/// The package README; `tests/node/pkg.test.mjs` runs its first `js` block.
const README: &str = r#"# nines (WebAssembly)

Composite availability of architectures built from cloud services and on-prem boxes, with the
contract behind each number: SLA commitments, calendar conventions and service credits. The
same Rust engine as the `nines` CLI: `evaluateJson` returns byte for byte what
`nines eval --json` prints (minus its final newline).

## Node

```js
import { readFileSync } from "node:fs";
import { initSync, evaluate, downtime, parallel } from "./nines.js";

initSync({ module: readFileSync(new URL("./nines_bg.wasm", import.meta.url)) });

const report = evaluate({
  root: { serial: { children: [
    { component: { id: "front", availability: 99.95 } },
    { parallel: { children: [
      { component: { id: "db1", availability: 99.99 } },
      { component: { id: "db2", availability: 99.9 } } ] } } ] } },
}, { convention: "2026-02" });
console.log(report.percent, report.downtime.text.month, report.weakest_link);
// 99.949990005 20 min 9.8 s front

console.log(downtime("99.95%").text.month); // 21 min 36 s
console.log(parallel([99.9, 99.9]).percent);         // 99.9999

try {
  evaluate({ root: { component: { availability: 100.5 } } });
} catch (e) {
  console.log(e.name, e.problems[0].path); // RangeError root.component.availability
}
```

## Browser

```js
import init, { evaluate } from "./nines.js";
await init(); // fetches nines_bg.wasm next to nines.js
```

The bundled SLA catalog is data, not code: it ships beside the `.wasm` as `catalog.js`, which
`nines.js` imports, and is read on first use. `evaluate(model, {catalog})` uses another one.

## API

Inputs are JS objects or JSON text; outputs are plain objects (types in `nines.d.ts`, JSON
Schemas in `schema/`).

| function | returns |
|---|---|
| `evaluate(model, {convention?, catalog?})` | `Report` |
| `evaluateJson(model, options)` | the report as pretty JSON text |
| `downtime(percent, {convention?})` | downtime per day/week/month/quarter/year |
| `required(allowed, per, {convention?})` | the availability that allows `allowed` (seconds or `"43m12s"`) per `per` |
| `serial(parts)`, `parallel(parts)`, `kOfN(k, parts)` | composite of percentages |
| `catalog(query?, {provider?})` | bundled SLA catalog entries |
| `version()` | package, report-format and catalog versions |

Conventions: `"30-day"` (default), `"365/12"`, `"gregorian"` or a calendar month `"YYYY-MM"`.

Errors are `TypeError` (wrong shape: malformed JSON, unknown or missing field) or `RangeError`
(wrong value: 100.5%, `k` > n, unknown catalog id); `message` names the JSON path and
`problems` lists every problem as `{path, message}`.
"#;

fn write(dir: &Path, name: &str, text: &str) -> Result<(), String> {
    let path = dir.join(name);
    fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Bytes of `gzip -9` output, counted from the pipe.
fn gzipped_size(path: &Path) -> Result<u64, String> {
    let output = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    if !output.status.success() {
        return Err(format!("gzip -9 -c {} failed", path.display()));
    }
    Ok(output.stdout.len() as u64)
}

fn probe(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn run_cmd(command: &mut Command) -> Result<(), String> {
    let shown = std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|a| a.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    println!("$ {shown}");
    let status = command
        .status()
        .map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}
