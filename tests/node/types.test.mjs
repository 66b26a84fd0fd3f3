// The TypeScript definitions in the package match what nines reads and writes: every fixture
// model type-checks as `Model` and every golden report as `Report` (object literals, so excess
// or missing properties and wrong literal types are errors), and the API's signatures accept
// the README's calls. Needs `tsc` (TypeScript 5) on PATH or in target/tools; skipped otherwise.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pkg, root } from "./load.mjs";


function tsc() {
  const local = join(root, "target/tools/node_modules/.bin/tsc");
  if (existsSync(local)) return local;
  try {
    execFileSync("tsc", ["--version"], { stdio: "ignore" });
    return "tsc";
  } catch {
    return undefined;
  }
}

function jsonFiles(dir, suffix) {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((n) => n.endsWith(suffix))
    .sort()
    .map((n) => join(full, n));
}

const compiler = tsc();

test("the .d.ts types match every fixture model and golden report", { skip: !compiler && "no tsc" }, () => {
  const models = [...jsonFiles("tests/fixtures", ".json"), ...jsonFiles("data/examples", ".json")];
  const reports = [
    ...jsonFiles("tests/golden", ".report.json"),
    ...jsonFiles("tests/golden/examples", ".report.json"),
  ];
  assert.ok(models.length > 0 && reports.length > 0);
  const lines = [
    `import type { Model, Report, NinesError, Problem } from ${JSON.stringify(join(pkg, "nines.js"))};`,
    `import { evaluate, evaluateJson, downtime, required, serial, parallel, kOfN, catalog, version, simulate, Simulation } from ${JSON.stringify(join(pkg, "nines.js"))};`,
    ...models.map((f, i) => `export const model${i}: Model = ${readFileSync(f, "utf8")};`),
    ...reports.map((f, i) => `export const report${i}: Report = ${readFileSync(f, "utf8")};`),
    // The API as the README uses it.
    `const r: Report = evaluate(model0, { convention: "2026-02" });`,
    `const s: string = evaluateJson(JSON.stringify(model0));`,
    `const month: string = downtime("99.95%").text.month;`,
    `const p: string = serial([99.9, "99.9%"]).percent + parallel([99.9]).percent + kOfN(1, [99]).percent;`,
    `const q: number | null = required("43m12s", "month", { convention: "30-day" }).nines;`,
    `const ids: string[] = catalog("vm", { provider: "azure" }).entries.map((e) => e.id);`,
    `const v: number = version().report_schema_version;`,
    `try { evaluate("{}"); } catch (e) { const problems: Problem[] = (e as NinesError).problems; }`,
    `const risk: number = simulate(model0, { trials: 100, target: 99.9 }).downtime_seconds.p99;`,
    `const sim = new Simulation(model0, { trials: 100 }); sim.step(1); const chunks: number = sim.chunks;`,
    `export { r, s, month, p, q, ids, v, risk, chunks };`,
  ];
  const dir = mkdtempSync(join(tmpdir(), "nines-types-"));
  const file = join(dir, "check.ts");
  writeFileSync(file, lines.join("\n"));
  try {
    execFileSync(
      compiler,
      ["--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--lib", "es2022,esnext.disposable,dom", file],
      { encoding: "utf8" },
    );
  } catch (e) {
    assert.fail(`tsc found mismatches (line N = models then reports, in ${file}):\n${e.stdout}`);
  }
});
