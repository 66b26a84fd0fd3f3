// Records which functions of the web app's wasm run up to the first result, for binaryen's
// `wasm-split --split --profile` (called by `cargo xtask`, crates/xtask/src/split.rs).
//
// Usage: node tests/e2e/split-profile.mjs DIST WASM_NAME INSTRUMENTED PROFILE_OUT
// Serves the built site DIST on 127.0.0.1, answering requests for WASM_NAME with INSTRUMENTED,
// the module made by `wasm-split --instrument`: it exports `__write_profile(address, size)`,
// which writes the module's hash and, per function, when it first ran (0 = never). Loads the
// site in the system Chromium once per scenario below, each up to the first computed
// availability and a second more, and saves each profile as PROFILE_OUT.<n> (the xtask merges
// them). A function the profiles miss still works, but its first call loads the rest of the
// app synchronously, so the scenarios include a slow start: a busy CPU runs timers and frames
// in another order.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const [site, wasmName, instrumented, out] = process.argv.slice(2);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let file = path.normalize(path.join(site, decodeURIComponent(url.pathname)));
  if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
  if (path.basename(file) === wasmName) file = instrumented;
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const scenarios = [
  { name: 'desktop', width: 1280 },
  { name: 'phone', width: 390 },
  { name: 'desktop, dark, slow CPU and catalog', width: 1280, dark: true, cpu: 6, delay: 400 },
  { name: 'phone, slow CPU', width: 390, cpu: 4 },
];
try {
  for (const [n, scenario] of scenarios.entries()) {
    const bytes = await record(scenario);
    await writeFile(`${out}.${n}`, Uint8Array.from(bytes));
    console.log(`split-profile: ${scenario.name}: ${bytes.length} bytes written to ${out}.${n}`);
  }
} finally {
  await browser.close();
  server.close();
}

/** Loads the site as `scenario` says and returns the instrumented module's profile. */
async function record({ width, dark = false, cpu = 1, delay = 0 }) {
  const context = await browser.newContext({
    viewport: { width, height: width < 500 ? 844 : 900 },
    deviceScaleFactor: width < 500 ? 2 : 1,
    colorScheme: dark ? 'dark' : 'light',
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`split-profile: page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`split-profile: console: ${m.text()}`));
  if (cpu > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (delay) await page.route('**/*.json', (r) => setTimeout(() => r.continue(), delay));
  // trunk's start-up script announces the instance's exports once the app has started.
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__splitWasm = e.detail.wasm; }));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('[data-testid=availability]', { timeout: 30000 });
  await page.waitForTimeout(1000);
  const bytes = await page.evaluate(() => {
    const wasm = window.__splitWasm;
    const size = 1 << 20;
    const at = wasm.__wbindgen_malloc(size, 8);
    const written = wasm.__write_profile(at, size);
    return Array.from(new Uint8Array(wasm.memory.buffer, at, written));
  });
  await context.close();
  return bytes;
}
