// The decision layer's `optimize` through the JavaScript package: the 1,062,882 combinations of
// the 30-component model crates/nines-core/benches/decide.rs generates (same fields, same
// order), median of five calls after a warm-up, one JSON line. `cargo xtask bench` runs it in
// turn with the CLI's `nines optimize` on the file `--write FILE` writes (target: within 2×).

import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

/** The native bench's optimize model: 12 of 30 components with two alternatives, a pair of 6. */
export function optimizeModel() {
  const children = [];
  for (let i = 0; i < 30; i++) {
    const c = { id: `c${i}`, availability: 99.9 + (i % 7) / 100, monthly_fee: 10 + i };
    if (i < 12) {
      c.alternatives = [
        { availability: 99.95, monthly_fee: 25 + i },
        { availability: 99.99, monthly_fee: 60 + i },
      ];
    }
    children.push({ component: c });
  }
  const pair = children.splice(24);
  return { target: 99.5, root: { serial: { children: [
    { serial: { children } },
    { replicate: { copies: 1, copies_range: [1, 2], child: { serial: { children: pair } } } },
  ] } } };
}

const text = JSON.stringify(optimizeModel());
const write = process.argv.indexOf("--write");
if (write > 0) {
  writeFileSync(process.argv[write + 1], text);
} else {
  const { load } = await import("./load.mjs");
  const nines = await load();
  const answer = JSON.parse(nines.optimizeJson(text)); // warm up
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    nines.optimizeJson(text);
    samples.push((performance.now() - start) / 1000);
  }
  samples.sort((a, b) => a - b);
  console.log(JSON.stringify({ combinations: answer.combinations, evaluated: answer.evaluated, seconds: samples[2] }));
}
