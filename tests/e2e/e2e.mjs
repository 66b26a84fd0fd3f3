// End-to-end test of the nines web app: serves dist/ on 127.0.0.1, drives the system
// Chromium with playwright-core, prints one line per check, a summary line
// `e2e: N passed, M failed`, and the measured figures (size, first result, edit time).
// Screenshots (desktop 1280 px and a 390 px phone), the printed report (PDF and its first page
// as PNG), the exported diagram and the figures go to tests/e2e/artifacts/. Exit status is
// non-zero when any check fails.

import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, readdir, mkdir, writeFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as flows from './flows.mjs';
import { calendars } from './calendars.mjs';
import * as risk from './risk.mjs';
import * as improve from './improve.mjs';
import { catalogImport } from './catalog-import.mjs';
import { split } from './split.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const dist = path.join(root, 'dist');
const artifacts = path.join(here, 'artifacts');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

const results = [];
const figures = [];
const consoleErrors = [];

function check(name, ok, detail = '') {
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

function figure(name, value) {
  figures.push(`${name}: ${value}`);
  console.log(`figure ${name}: ${value}`);
}

async function step(name, body) {
  try {
    await body();
  } catch (error) {
    check(name, false, String(error?.message ?? error).split('\n')[0]);
  }
}

// ---------- static server ----------

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json',
};

function serve() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.normalize(path.join(dist, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------- exact decimal arithmetic for the expected availability ----------

/** A decimal n / 10^s with BigInt n. */
const dec = (text) => {
  const [int, frac = ''] = text.split('.');
  return { n: BigInt(int + frac), s: frac.length };
};
const scaleTo = (a, s) => a.n * 10n ** BigInt(s - a.s);
const sub = (a, b) => {
  const s = Math.max(a.s, b.s);
  return { n: scaleTo(a, s) - scaleTo(b, s), s };
};
const mul = (a, b) => ({ n: a.n * b.n, s: a.s + b.s });
const one = dec('1');
const fraction = (percent) => ({ n: dec(percent).n, s: dec(percent).s + 2 });

/** The decimal as a string (exact). */
function show(a) {
  const neg = a.n < 0n;
  const digits = (neg ? -a.n : a.n).toString().padStart(a.s + 1, '0');
  let text = a.s ? `${digits.slice(0, -a.s)}.${digits.slice(-a.s)}` : digits;
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return (neg ? '-' : '') + text;
}

/** Rounds a positive decimal to `digits` significant digits (half up). */
function roundSignificant(a, digits) {
  const len = a.n.toString().length;
  const drop = len - digits;
  if (drop <= 0) return a;
  const p = 10n ** BigInt(drop);
  const n = (a.n + p / 2n) / p;
  return { n: n * p, s: a.s };
}

/** nines-core's percent string: 100 − (unavailability × 100 rounded to `digits` significant digits). */
function expectedPercent(unavailability, digits = 12) {
  const downPercent = roundSignificant(mul(unavailability, dec('100')), digits);
  return show(sub(dec('100'), downPercent));
}

// ---------- the run ----------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function findCli() {
  for (const profile of ['release', 'debug']) {
    const cli = path.join(root, 'target', profile, 'nines');
    if (existsSync(cli)) return cli;
  }
  return null;
}

async function main() {
  await mkdir(artifacts, { recursive: true });
  const distFiles = await readdir(dist);

  // Size of what the browser downloads to run the app (the analysis worker and dist/pkg/ are
  // fetched only when an analysis first runs: risk.analysisSize), and of the data it fetches.
  // The wasm's second half (`_bg.rest.wasm`, crates/xtask/src/split.rs) comes after the first result.
  let gz = 0;
  let rest = 0;
  for (const f of distFiles.filter((f) => (f.endsWith('.wasm') || f.endsWith('.js')) && f !== 'analysis-worker.js')) {
    const size = gzipSync(await readFile(path.join(dist, f)), { level: 9 }).length;
    if (f.endsWith('_bg.rest.wasm')) rest += size;
    else gz += size;
  }
  figure('wasm+js gzipped', `${(gz / 1024).toFixed(1)} KB (target ≤ 350 KB)`);
  figure('rest of the wasm gzipped (fetched when idle after the first result)', `${(rest / 1024).toFixed(1)} KB`);
  await risk.analysisSize({ dist, figure, readFile, readdir, path, gzipSync });
  let data = 0;
  for (const dir of ['catalog', 'templates']) {
    for (const f of (await readdir(path.join(dist, dir))).filter((f) => f.endsWith('.json'))) {
      data += gzipSync(await readFile(path.join(dist, dir, f)), { level: 9 }).length;
    }
  }
  figure('catalog + templates JSON gzipped (fetched at start-up, not in the budget)', `${(data / 1024).toFixed(1)} KB`);
  const catalogVersion = JSON.parse(await readFile(path.join(root, 'data', 'catalog', 'catalog.json'), 'utf8')).version;

  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const foreign = [];
  const t = {
    base, root, browser, artifacts, check, figure, step, sleep, consoleErrors, foreign,
    decimal: { dec, sub, mul, one, fraction, show, expectedPercent }, findCli, execFileSync, spawnSync,
    readFile, writeFile, stat, path, catalogVersion, readdir, dist,
  };
  for (const flow of [flows.firstResult, flows.catalogFetch, flows.desktop, flows.phone, flows.dark, flows.print, flows.readme, flows.bigModel, catalogImport, risk.risk, improve.improve, calendars, split].filter((f) => !process.env.E2E_ONLY || process.env.E2E_ONLY.split(',').includes(f.name))) {
    await flow(t);
  }
  check('no request to another origin', foreign.length === 0, foreign.slice(0, 3).join(', '));
  check('no console errors', consoleErrors.length === 0, consoleErrors.slice(0, 3).join(' | '));

  await browser.close();
  server.close();

  const failed = results.filter((ok) => !ok).length;
  await writeFile(path.join(artifacts, 'figures.txt'), `${figures.join('\n')}\n`);
  console.log(`e2e: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log(`e2e: ${results.filter(Boolean).length} passed, ${results.filter((ok) => !ok).length + 1} failed`);
  process.exit(1);
});
