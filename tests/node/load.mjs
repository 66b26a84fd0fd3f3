// Loads the built package (pkg/) synchronously, as a Node user would, and lists the golden
// fixtures every test of the package runs.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the package folder: `$NINES_PKG`, or pkg/ at the repository root. */
export const pkg = process.env.NINES_PKG ?? fileURLToPath(new URL("../../pkg", import.meta.url));

/** Absolute path of the repository root, ending in `/`. */
export const root = fileURLToPath(new URL("../../", import.meta.url));

/** The initialized module. */
export async function load() {
  if (!existsSync(`${pkg}/nines.js`)) {
    throw new Error("pkg/ is missing: run `cargo xtask pkg` first");
  }
  const nines = await import(`${pkg}/nines.js`);
  nines.initSync({ module: readFileSync(`${pkg}/nines_bg.wasm`) });
  return nines;
}

/** [model path, golden report path] for every fixture and example (tests/README.md). */
export function fixtures() {
  const pairs = [];
  for (const [models, golden] of [
    ["tests/fixtures", "tests/golden"],
    ["data/examples", "tests/golden/examples"],
  ]) {
    for (const name of readdirSync(join(root, models)).filter((n) => n.endsWith(".json")).sort()) {
      const report = join(root, golden, name.replace(/\.json$/, ".report.json"));
      if (existsSync(report)) pairs.push([join(root, models, name), report]);
    }
  }
  return pairs;
}

/** Golden reports are `nines eval MODEL --month 2026-02 --json`: to_string_pretty + "\n". */
export const GOLDEN_OPTIONS = { convention: "2026-02" };
