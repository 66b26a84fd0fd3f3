// The 100,000-component benchmark through the JavaScript package, against the native one.
//
// The model is the one crates/nines-core/benches/evaluate.rs generates: a serial chain of
// 20,000 blocks `serial[failover(c, c), k_of_n(2, [c, c, c])]`. Run `cargo xtask pkg` first
// (or `cargo xtask bench`, which runs both). Prints ns per component; when criterion's results
// are in target/criterion, also the ratio to native (target: ≤ 2×).

import { readFileSync, existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { load } from "./load.mjs";

const COMPONENTS = 100_000;
const PERCENTS = [99.9, 99.95, 99.99, 99.5, 99.999];

/** The generated model, exactly COMPONENTS components (same shape and ids as native). */
export function model() {
  const c = (i) => ({ component: { id: `c${i}`, availability: PERCENTS[i % 5] } });
  const blocks = [];
  for (let b = 0; b < COMPONENTS / 5; b++) {
    const i = b * 5;
    blocks.push({ serial: { children: [
      { failover: { primary: c(i), standby: c(i + 1), switchover_minutes: 5, incidents_per_year: 4 } },
      { k_of_n: { k: 2, children: [c(i + 2), c(i + 3), c(i + 4)] } },
    ] } });
  }
  return { name: "generated", currency: "USD", root: { serial: { children: blocks } } };
}

function time(label, runs, fn) {
  fn(); // warm up: compiles the wasm tiers and fills the catalog cache
  fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push((performance.now() - start) * 1e6);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  console.log(
    `${label.padEnd(44)} median ${(median / 1e6).toFixed(1).padStart(7)} ms  ` +
      `mean ${(mean / 1e6).toFixed(1).padStart(7)} ms  ` +
      `${(median / COMPONENTS).toFixed(0).padStart(5)} ns per component`,
  );
  return median / COMPONENTS;
}

/** Native criterion mean, ns per component, if `cargo bench -p nines-core` has run. */
function native(id) {
  const file = new URL(`../../target/criterion/evaluate_100k/${id}/new/estimates.json`, import.meta.url);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, "utf8")).mean.point_estimate / COMPONENTS;
}

const nines = await load();
const object = model();
const text = JSON.stringify(object);
const runs = Number(process.env.NINES_BENCH_RUNS ?? 10);
console.log(`wasm (Node ${process.version}), ${COMPONENTS} components, ${runs} runs each:`);

const report = nines.evaluateJson(text);
console.log(`report: ${(report.length / 1e6).toFixed(1)} MB of JSON, percent ${JSON.parse(report).percent}`);

const jsonNs = time("evaluateJson(JSON text) -> pretty JSON text", runs, () => nines.evaluateJson(text));
time("evaluate(object) -> object", runs, () => nines.evaluate(object));

const nativeNs = native("json_to_report_json");
if (nativeNs !== undefined) {
  const ratio = jsonNs / nativeNs;
  console.log(
    `native json_to_report_json: ${nativeNs.toFixed(0)} ns per component; ` +
      `wasm/native = ${ratio.toFixed(2)}× (target ≤ 2×) ${ratio <= 2 ? "OK" : "OVER"}`,
  );
} else {
  console.log("native: no criterion results (run `cargo bench -p nines-core --bench evaluate`)");
}
const modelOnly = native("model_to_report");
if (modelOnly !== undefined) {
  console.log(`native model_to_report (no JSON): ${modelOnly.toFixed(0)} ns per component`);
}
