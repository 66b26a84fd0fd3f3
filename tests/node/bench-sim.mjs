// The risk simulation through the JavaScript package: 100,000 months of each model given, or
// of every model in target/bench-sim (written by tests/bench/sim_models.py), median of three
// runs, one JSON line per model. `cargo xtask bench` compares it with the native figure, in
// turns (target: within 2×).

import { readFileSync, readdirSync } from "node:fs";
import { basename } from "node:path";
import { performance } from "node:perf_hooks";
import { load, root } from "./load.mjs";

const TRIALS = 100_000;
const nines = await load();
const dir = `${root}target/bench-sim`;
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => `${dir}/${f}`);
for (const file of files) {
  const model = JSON.parse(readFileSync(file, "utf8"));
  delete model.target; // months only, as the native benchmark
  const text = JSON.stringify(model);
  nines.simulateJson(text, { trials: 1000, seed: 1 }); // warm up
  const times = [0, 1, 2].map(() => {
    const start = performance.now();
    nines.simulateJson(text, { trials: TRIALS, seed: 1 });
    return (performance.now() - start) / 1000;
  });
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ model: basename(file, ".json"), trials: TRIALS, seconds: times[1] }));
}
