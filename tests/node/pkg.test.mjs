// The JavaScript package (`cargo xtask pkg` → pkg/) imported from Node: every golden fixture
// gives byte for byte the report the CLI printed, errors carry JSON paths, the README runs.
//
// Run: cargo xtask pkg && node --test tests/node/

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load, pkg, root, fixtures, GOLDEN_OPTIONS } from "./load.mjs";

const nines = await load();

test("there are golden fixtures to compare", () => {
  assert.ok(fixtures().length >= 6, `only ${fixtures().length} fixtures found`);
});

for (const [model, golden] of fixtures()) {
  const name = model.slice(root.length);
  test(`evaluateJson is byte-identical to the CLI: ${name}`, () => {
    const text = readFileSync(model, "utf8");
    const expected = readFileSync(golden, "utf8");
    assert.equal(nines.evaluateJson(text, GOLDEN_OPTIONS) + "\n", expected);
    // The same model as a JS object and the options as JSON text give the same bytes.
    assert.equal(
      nines.evaluateJson(JSON.parse(text), JSON.stringify(GOLDEN_OPTIONS)) + "\n",
      expected,
    );
    assert.deepEqual(nines.evaluate(text, GOLDEN_OPTIONS), JSON.parse(expected));
  });
}

const SIMPLE = {
  root: { serial: { children: [
    { component: { id: "front", availability: 99.95 } },
    { parallel: { children: [
      { component: { id: "db1", availability: 99.99 } },
      { component: { id: "db2", availability: 99.9 } },
    ] } },
  ] } },
};

test("evaluate returns the report as an object", () => {
  const report = nines.evaluate(SIMPLE, { convention: "2026-02" });
  assert.equal(report.percent, "99.949990005");
  assert.equal(report.weakest_link, "front");
  assert.equal(report.convention.name, "calendar-month");
  assert.equal(report.components.length, 3);
  assert.equal(nines.evaluate(SIMPLE).convention.name, "30-day", "30-day is the default");
});

function throws(fn, type, path) {
  let error;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof type, `expected ${type.name}, got ${error}`);
  assert.ok(Array.isArray(error.problems) && error.problems.length > 0, "error.problems");
  // The problem's kind is what picked the error type.
  const kind = type === TypeError ? "shape" : "value";
  assert.ok(error.problems.some((p) => p.kind === kind), JSON.stringify(error.problems));
  if (path !== undefined) {
    assert.equal(error.problems[0].path, path);
    assert.ok(error.message.startsWith(`${path}: `), error.message);
  }
  return error;
}

test("a bad value is a RangeError naming its JSON path", () => {
  const e = throws(
    () => nines.evaluate({ root: { serial: { children: [{ component: { availability: 100.5 } }] } } }),
    RangeError,
    "root.serial.children[0].component.availability",
  );
  assert.match(e.problems[0].message, /100\.5% is outside 0\.\.=100%/);
});

test("every model problem is listed on the error", () => {
  const e = throws(
    () =>
      nines.evaluate({
        root: { serial: { children: [
          { k_of_n: { k: 3, children: [{ component: { availability: 99 } }] } },
          { component: { catalog: "azure/no-such/service" } },
          { parallel: { children: [] } },
        ] } },
      }),
    RangeError,
  );
  assert.ok(e.problems.length >= 3, JSON.stringify(e.problems));
  for (const p of e.problems) assert.match(p.path, /^root\.serial\.children\[\d\]/);
});

test("a bad shape is a TypeError naming its JSON path", () => {
  throws(() => nines.evaluate({ root: { component: { availabilty: 99.9 } } }), TypeError, "root.component.availabilty");
  throws(() => nines.evaluate("{ not json"), TypeError);
  throws(() => nines.evaluate({ name: "no root" }), TypeError);
  throws(() => nines.evaluate(undefined), TypeError, "model");
  throws(() => nines.evaluate(SIMPLE, { convention: "2026-02", colour: 1 }), TypeError, "options.colour");
});

test("an unknown convention is a RangeError on options.convention", () => {
  throws(() => nines.evaluate(SIMPLE, { convention: "lunar" }), RangeError, "options.convention");
  const e = throws(() => nines.evaluate(SIMPLE, { convention: 5 }), TypeError, "options.convention");
  assert.equal(e.problems[0].message, "invalid type: integer `5`, expected a string");
  throws(() => nines.downtime(99.9, { convention: "2026-13" }), RangeError, "options.convention");
});

test("downtime", () => {
  const d = nines.downtime("99.95%");
  assert.equal(d.percent, "99.95");
  assert.equal(d.seconds.month, 1296);
  assert.equal(d.text.month, "21 min 36 s");
  assert.equal(d.convention, "30-day");
  assert.equal(nines.downtime(99.9, { convention: "2026-02" }).text.month, "40 min 19.2 s");
  assert.equal(nines.downtime(100).nines, null);
  throws(() => nines.downtime(100.5), RangeError, "percent");
  throws(() => nines.downtime({}), TypeError, "percent");
});

test("required", () => {
  assert.equal(nines.required("43m12s", "month").percent, "99.9");
  assert.equal(nines.required("43m12s", "month").text.month, "43 min 12 s");
  assert.equal(nines.required(2592, "month").percent, "99.9");
  throws(() => nines.required(1e9, "month"), RangeError, "allowed");
  throws(() => nines.required(60, "fortnight"), RangeError, "per");
});

/** What the CLI prints for `args`: the debug build `cargo test` makes, else the release one. */
function cli(args) {
  const binary = ["debug", "release"]
    .map((profile) => join(root, "target", profile, "nines"))
    .find((path) => existsSync(path));
  assert.ok(binary, "the nines CLI is not built: run `cargo build -p nines-cli` first");
  return execFileSync(binary, args, { encoding: "utf8" });
}

/** The same hours Monday to Friday, as a calendar's `hours`. */
function weekdays(from, to) {
  return Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((day) => [day, [[from, to]]]));
}

test("downtime in service hours", () => {
  // 22 working days of 8 hours in March 2026: 0.1% is 10 min 33.6 s.
  const d = nines.downtime(99.9, { convention: "2026-03", calendar: { time_zone: "Europe/Berlin", hours: weekdays("09:00", "17:00") } });
  assert.equal(d.text.month, "10 min 33.6 s");
  assert.equal(d.service_seconds.month, 633600);
  assert.equal(d.around_the_clock.text.month, "44 min 38.4 s");
  throws(() => nines.downtime(99.9, { calendar: { time_zone: "Europe/Berln" } }), RangeError, "options.calendar.time_zone");
  throws(() => nines.downtime(99.9, { calendar: { hours: { mon: [["17:00", "09:00"]] } } }), RangeError, "options.calendar.hours.mon[0]");
  const lastYear = { convention: "2026-03", calendar: { holidays: ["2026-03-20", "2025-12-25"] } };
  throws(() => nines.downtime(99.9, lastYear), RangeError, "options.calendar.holidays[1]");
  throws(() => nines.required("10m", "month", lastYear), RangeError, "options.calendar.holidays[1]");
});

// One wire shape per answer: the package returns what `nines … --json` prints, key for key and
// value for value (serialized alike: the JSON text of both, normalized by JSON.parse).
for (const [args, call] of [
  [["downtime", "99.9", "--json"], () => nines.downtime("99.9")],
  [["downtime", "99.95", "--month", "2026-02", "--json"], () => nines.downtime(99.95, { convention: "2026-02" })],
  [["downtime", "--allowed", "43m12s", "--per", "month", "--json"], () => nines.required("43m12s", "month")],
  [["downtime", "--allowed", "1h", "--per", "year", "--convention", "gregorian", "--json"], () => nines.required(3600, "year", { convention: "gregorian" })],
  [["downtime", "99.9", "--month", "2026-03", "--hours", "mon-fri 09:00-17:00", "--tz", "Europe/Berlin", "--json"],
    () => nines.downtime(99.9, { convention: "2026-03", calendar: { time_zone: "Europe/Berlin", hours: weekdays("09:00", "17:00") } })],
  [["downtime", "--allowed", "10m", "--per", "month", "--month", "2026-03", "--hours", "mon-fri 09:00-17:00", "--json"],
    () => nines.required("10m", "month", { convention: "2026-03", calendar: { hours: weekdays("09:00", "17:00") } })],
  [["serial", "99.95", "99.99", "--json"], () => nines.serial([99.95, 99.99])],
  [["parallel", "99.99", "99.99", "99.99", "--json"], () => nines.parallel(["99.99", "99.99", "99.99"])],
  [["k-of-n", "2", "99.9", "99.9", "99.9", "--json"], () => nines.kOfN(2, [99.9, 99.9, 99.9])],
]) {
  test(`same JSON as the CLI: nines ${args.join(" ")}`, () => {
    assert.equal(JSON.stringify(call(), null, 2), JSON.stringify(JSON.parse(cli(args)), null, 2));
  });
}

// Every digit of a percentage counts, in JSON text and in strings (a JS number holds at most
// the 17 significant digits of an f64, so 17-digit percentages are passed as text).
for (const [percent, u] of [["99.9999999999999", 1e-15], ["99.99999999999999", 1e-16], ["99.999999999999999", 1e-17]]) {
  test(`${percent.length - 1} digits: the same unavailability in every path`, () => {
    const model = `{"root": {"component": {"id": "a", "availability": ${percent}}}}`;
    assert.equal(nines.evaluate(model).unavailability, u);
    assert.equal(nines.serial([percent]).unavailability, u);
    assert.equal(JSON.parse(cli(["serial", percent, "--json"])).unavailability, u);
  });
}

test("cut sets: the same bytes as `nines eval --cut-sets 3 --json`", () => {
  const model = join(root, "data/examples/azure-two-regions.json");
  const text = readFileSync(model, "utf8");
  const expected = cli(["eval", model, "--month", "2026-02", "--cut-sets", "3", "--json"]);
  assert.equal(nines.evaluateJson(text, { convention: "2026-02", cut_sets: 3 }) + "\n", expected);
  const report = nines.evaluate(text, { cut_sets: 2 });
  assert.equal(report.cut_sets.order, 2);
  assert.deepEqual(report.cut_sets.sets[0].members.length, 1);
  throws(() => nines.evaluate(text, { cut_sets: 9 }), RangeError, "options.cut_sets");
});

test("simulate: the same bytes as `nines simulate --json`, in one call or chunk by chunk", () => {
  const model = join(root, "data/examples/azure-two-regions.json");
  const text = readFileSync(model, "utf8");
  const expected = cli(["simulate", model, "--trials", "20000", "--seed", "7", "--target", "99.99", "--month", "2026-02", "--json"]);
  const options = { trials: 20000, seed: 7, target: 99.99, convention: "2026-02" };
  const progress = [];
  assert.equal(nines.simulateJson(text, options, (done, total) => progress.push([done, total])) + "\n", expected);
  assert.deepEqual(progress.at(-1), [progress.at(-1)[1], progress.at(-1)[1]]);
  const sim = new nines.Simulation(JSON.parse(text), options);
  while (sim.done < sim.chunks) sim.step(1);
  assert.equal(sim.reportJson() + "\n", expected);
  const report = nines.simulate(text, { trials: 5000 });
  assert.equal(report.trials, 5000);
  assert.ok(report.mean_unavailability.low <= report.mean_unavailability.high);
  throws(() => nines.simulate(text, { trials: 0 }), RangeError, "options.trials");
  throws(() => nines.simulate(text, { trials: 10, colour: 1 }), TypeError, "options.colour");
});

test("serial, parallel, kOfN", () => {
  assert.equal(nines.serial([99.9, "99.9%"]).percent, "99.8001");
  assert.equal(nines.parallel([99.9, 99.9]).percent, "99.9999");
  assert.equal(nines.kOfN(2, [99, 99, 99]).percent, "99.9702");
  assert.equal(nines.kOfN(3, [99.9, 99.9, 99.9]).percent, nines.serial([99.9, 99.9, 99.9]).percent);
  throws(() => nines.serial([]), RangeError);
  throws(() => nines.kOfN(4, [99, 99, 99]), RangeError, "k");
  throws(() => nines.kOfN(-1, [99, 99, 99]), RangeError, "k");
  throws(() => nines.kOfN(1.5, [99, 99, 99]), RangeError, "k");
  throws(() => nines.kOfN(NaN, [99, 99, 99]), RangeError, "k");
  throws(() => nines.parallel([99, 101]), RangeError, "availabilities[1]");
  throws(() => nines.parallel(99), TypeError, "availabilities");
});

test("catalog and version", () => {
  const all = nines.catalog();
  assert.ok(all.entries.length > 10);
  const vms = nines.catalog("virtual machines", { provider: "azure" });
  assert.ok(vms.entries.length > 0);
  for (const e of vms.entries) assert.equal(e.provider, "azure");
  const v = nines.version();
  assert.equal(v.catalog.version, all.version);
  assert.equal(v.report_schema_version, 1);
  assert.equal(nines.evaluate(SIMPLE).generator, v.generator);
});

test("the bundled catalog is data/catalog, shipped beside the .wasm and not in it", () => {
  const read = (name) => JSON.parse(readFileSync(join(root, "data/catalog", name), "utf8"));
  const manifest = read("catalog.json");
  const ids = manifest.files.flatMap((file) => read(file).entries.map((e) => e.id));
  const bundled = nines.catalog();
  assert.equal(bundled.version, manifest.version);
  assert.equal(bundled.date, manifest.date);
  assert.deepEqual(bundled.entries.map((e) => e.id), ids);
  const wasm = readFileSync(join(pkg, "nines_bg.wasm"));
  assert.ok(existsSync(join(pkg, "catalog.js")));
  assert.equal(wasm.indexOf(ids[0]), -1, "the .wasm does not embed catalog entries");
});

test("a custom catalog replaces the bundled one", () => {
  const entry = nines.catalog("virtual machines", { provider: "azure" }).entries[0];
  const catalog = { version: "test", date: "2026-01-01", entries: [entry] };
  const model = { root: { component: { catalog: entry.id, monthly_fee: 100 } } };
  assert.equal(nines.evaluate(model, { catalog }).catalog.version, "test");
  assert.equal(nines.evaluate(model, { catalog: JSON.stringify(catalog) }).catalog.version, "test");
  throws(() => nines.evaluate(model, { catalog: { version: "x" } }), TypeError);
});

test("the package README example runs and prints what it says", () => {
  const readme = readFileSync(join(pkg, "README.md"), "utf8");
  const code = readme.match(/```js\n([\s\S]*?)```/)[1];
  const dir = mkdtempSync(join(tmpdir(), "nines-readme-"));
  const script = join(dir, "example.mjs");
  writeFileSync(
    script,
    code
      .replace('"./nines.js"', JSON.stringify(new URL("nines.js", `file://${pkg}/`).href))
      .replace(
        'new URL("./nines_bg.wasm", import.meta.url)',
        `new URL(${JSON.stringify(new URL("nines_bg.wasm", `file://${pkg}/`).href)})`,
      ),
  );
  const printed = execFileSync(process.execPath, [script], { encoding: "utf8" }).trim().split("\n");
  const promised = [...code.matchAll(/\/\/ (.+)$/gm)].map((m) => m[1].trim());
  assert.deepEqual(printed, promised);
});

test("package.json and types are in the package", () => {
  const meta = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  assert.equal(meta.type, "module");
  assert.equal(meta.version, nines.version().version);
  const types = readFileSync(join(pkg, meta.types), "utf8");
  for (const name of ["interface Report", "interface Model", "export function evaluate(", "NinesError"]) {
    assert.ok(types.includes(name), `${meta.types} lacks ${name}`);
  }
});

test("hostile input throws TypeError or RangeError, never a wasm trap", () => {
  let deep = { component: { availability: 99 } };
  for (let i = 0; i < 40; i++) deep = { serial: { children: [deep] } };
  const one = { component: { availability: 99 } };
  const inputs = [
    null, 5, [], "", "[".repeat(100_000), { root: deep }, { root: 1n },
    { root: { replicate: { copies: 1e9, child: one } } },
    { root: { k_of_n: { k: 0, children: [one] } } },
    { root: { component: { mtbf_hours: 0, mttr_hours: 0 } } },
    { root: { component: { availability: 99, monthly_fee: 1e300 } } },
    { root: { failover: { primary: one, standby: one, switchover_minutes: -5, incidents_per_year: 1e308 } } },
    { root: { component: { id: "a", availability: 99 } }, incidents: [{ component: "a", start: "2026-02-30T00:00:00", minutes: 1 }] },
    { root: { shared: "x" } },
  ];
  for (const input of inputs) {
    assert.throws(
      () => nines.evaluate(input, { convention: "2026-02" }),
      (e) => (e instanceof TypeError || e instanceof RangeError) && Array.isArray(e.problems),
      `input ${String(JSON.stringify(input, (_, v) => (typeof v === "bigint" ? "1n" : v))).slice(0, 60)}`,
    );
  }
  for (const f of [
    () => nines.downtime(NaN),
    () => nines.downtime(Infinity),
    () => nines.required(NaN, "day"),
    () => nines.kOfN(4294967295, [99]),
    () => nines.serial([null]),
    () => nines.catalog(undefined, "not json"),
  ]) {
    assert.throws(f, (e) => e instanceof TypeError || e instanceof RangeError);
  }
  // A huge but valid scenario still evaluates, and the module is still usable afterwards.
  const huge = {
    root: { component: { id: "a", catalog: "azure/virtual-machines/availability-zones", monthly_fee: 1e12 } },
    incidents: [{ component: "a", start: "9999-12-31T23:59:59", minutes: 1e15, copy: 4294967295 }],
  };
  assert.equal(typeof nines.evaluate(huge).percent, "string");
  assert.equal(nines.parallel([99, 99]).percent, "99.99");
});

test("improve, optimize, slo: the same bytes as the CLI's golden answers, Optimization in chunks", () => {
  const dir = join(root, "tests/fixtures/decide");
  for (const name of ["azure-web-sql-options", "aws-three-tier-options"]) {
    const model = readFileSync(join(dir, `${name}.json`), "utf8");
    const golden = (kind) => readFileSync(join(root, `tests/golden/decide/${name}.${kind}.json`), "utf8");
    const options = { target: 99.95, convention: "2026-02" };
    assert.equal(nines.improveJson(model, options) + "\n", golden("improve"));
    assert.equal(nines.optimizeJson(model, options) + "\n", golden("optimize"));
    assert.equal(nines.sloJson(model, options) + "\n", golden("slo"));
    assert.deepEqual(nines.improve(JSON.parse(model), options), JSON.parse(golden("improve")));
    const search = new nines.Optimization(model, options);
    let steps = 0;
    while (!search.step(3)) steps += 1;
    assert.ok(steps > 1);
    assert.deepEqual(search.answer(), JSON.parse(golden("optimize")));
    search.free();
    const document = nines.openslo(model, options);
    assert.equal(document.kind, "SLO");
    assert.equal(document.spec.budgetingMethod, "Timeslices");
  }
  const alternatives = nines.catalogAlternatives("azure/sql-database/not-zone-redundant");
  assert.ok(alternatives.some((e) => e.id === "azure/sql-database/zone-redundant"));
  throws(() => nines.optimize(SIMPLE), RangeError, "options.target");
  throws(() => nines.slo(SIMPLE, { target: 99.9, confidence: 2 }), RangeError, "options.confidence");
});
