// End-to-end test of the nines web app: serves dist/ on 127.0.0.1, drives the system
// Chromium with playwright-core, prints one line per check, a summary line
// `e2e: N passed, M failed`, and the measured figures (size, first result, edit time).
// Screenshots go to tests/e2e/artifacts/. Exit status is non-zero when any check fails.

import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  let digits = (neg ? -a.n : a.n).toString().padStart(a.s + 1, '0');
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

/** nines-core's percent string: 100 − (unavailability × 100 rounded to 12 significant digits). */
function expectedPercent(unavailability) {
  const downPercent = roundSignificant(mul(unavailability, dec('100')), 12);
  return show(sub(dec('100'), downPercent));
}

// ---------- helpers ----------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function availabilityText(page) {
  return (await page.textContent('[data-testid=availability]'))?.trim();
}

async function waitForAvailabilityChange(page, before) {
  await page.waitForFunction(
    (old) => document.querySelector('[data-testid=availability]')?.textContent.trim() !== old,
    before,
    { timeout: 5000 },
  );
}

async function addCatalog(page, query, id) {
  await page.fill('[data-testid=catalog-search]', query);
  await page.click(`[data-testid=catalog-entry][data-id="${id}"]`);
  await page.click('[data-testid=catalog-add]');
}

async function treeIds(page) {
  return page.$$eval('[data-testid=node] .name', (els) => els.map((e) => e.textContent.trim()));
}

function watchConsole(page, label) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`${label}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${label}: ${error.message}`));
}

function findCli() {
  for (const profile of ['release', 'debug']) {
    const cli = path.join(root, 'target', profile, 'nines');
    if (existsSync(cli)) return cli;
  }
  return null;
}

function bigModel(components) {
  const pairs = [];
  for (let i = 0; i < components / 2; i++) {
    const a = `99.${(90 + (i % 9)).toString()}`;
    pairs.push({
      parallel: {
        name: `pair ${i + 1}`,
        children: [
          { component: { id: `c${2 * i + 1}`, availability: Number(a) } },
          { component: { id: `c${2 * i + 2}`, availability: 99.5 } },
        ],
      },
    });
  }
  return { name: `${components} components`, root: { serial: { children: pairs } } };
}

const encodeFragment = (model) => `m=${Buffer.from(JSON.stringify(model)).toString('base64url')}`;

// ---------- the run ----------

async function main() {
  await mkdir(artifacts, { recursive: true });
  const distFiles = await readdir(dist);

  // Size of what the browser downloads to run the app.
  let gz = 0;
  for (const f of distFiles.filter((f) => f.endsWith('.wasm') || f.endsWith('.js'))) {
    gz += gzipSync(await readFile(path.join(dist, f)), { level: 9 }).length;
  }
  figure('wasm+js gzipped', `${(gz / 1024).toFixed(1)} KB (target ≤ 350 KB)`);

  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  watchConsole(page, 'main');
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url()); });

  let percentShown;
  let unavailability;

  await step('load', async () => {
    await page.goto(base);
    await page.waitForSelector('[data-testid=availability]', { timeout: 10000 });
    const shownAt = await page.evaluate(() => performance.now());
    const perf = await page.evaluate(() => window.__nines_perf ?? {});
    const loads = [perf.first_result_ms ?? shownAt];
    const starts = [perf.start_ms ?? NaN];
    for (let i = 0; i < 4; i++) {
      const fresh = await browser.newContext();
      const again = await fresh.newPage();
      await again.goto(base);
      await again.waitForSelector('[data-testid=availability]');
      const p = await again.evaluate(() => window.__nines_perf ?? {});
      loads.push(p.first_result_ms);
      starts.push(p.start_ms);
      await fresh.close();
    }
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    figure('navigation → first computed result', `median ${med(loads).toFixed(0)} ms of ${loads.length} cold loads (app code starts at ${med(starts).toFixed(0)} ms; first load ${loads[0].toFixed(0)} ms, visible to the test at ${shownAt.toFixed(0)} ms) (target ≤ 1000 ms)`);
    check('load: the first example is evaluated', /^\d/.test(await availabilityText(page)), await availabilityText(page));
  });

  await step('build: two catalog services in series and one redundant pair', async () => {
    await page.click('[data-testid=new]');
    await page.waitForSelector('[data-testid=model-problems]');
    await addCatalog(page, 'app service paid', 'azure/app-service/paid-tiers');
    await page.waitForSelector('[data-testid=availability]');
    await addCatalog(page, 'sql not zone', 'azure/sql-database/not-zone-redundant');
    await page.click('[data-testid=node][data-path=""]');
    await page.click('[data-testid=add-group-parallel]');
    await addCatalog(page, 'virtual machines premium', 'azure/virtual-machines/single-instance-premium-ssd');
    await page.click('[data-testid=node][data-path="2"]');
    await addCatalog(page, 'virtual machines premium', 'azure/virtual-machines/single-instance-premium-ssd');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=node]').length === 6);
    const paths = await page.$$eval('[data-testid=node]', (els) => els.map((e) => e.dataset.path));
    check('build: two catalog services in series and one redundant pair', paths.join(' ') === ' 0 1 2 2.0 2.1', `tree paths [${paths.join(', ')}]`);
  });

  await step('availability matches nines-core', async () => {
    // serial(app 99.95%, sql 99.99%, parallel(vm 99.9%, vm 99.9%)), by exact decimal arithmetic.
    const [app, sql, vm] = ['99.95', '99.99', '99.9'].map(fraction);
    const vmDown = sub(one, vm);
    const pairUp = sub(one, mul(vmDown, vmDown));
    unavailability = sub(one, mul(mul(app, sql), pairUp));
    const expected = expectedPercent(unavailability);
    percentShown = await availabilityText(page);
    let detail = `shown ${percentShown}%, exact ${expected}%`;
    let ok = percentShown === expected;
    const cli = findCli();
    if (cli) {
      const download = page.waitForEvent('download');
      await page.click('[data-testid=export-model]');
      const file = path.join(artifacts, 'built-model.json');
      await (await download).saveAs(file);
      try {
        const out = JSON.parse(execFileSync(cli, ['eval', file, '--json'], { encoding: 'utf8' }));
        detail += `, nines CLI ${out.percent}%`;
        ok = ok && out.percent === percentShown;
      } catch (error) {
        detail += `, nines CLI failed (${String(error.message).split('\n')[0]})`;
      }
    } else {
      detail += ' (no target/*/nines CLI to cross-check)';
    }
    check('availability matches nines-core', ok, detail);
  });

  await step('month change updates the downtime', async () => {
    await page.selectOption('[data-testid=convention]', 'calendar');
    await page.fill('[data-testid=month]', '2026-02');
    await page.dispatchEvent('[data-testid=month]', 'change');
    await page.waitForFunction(() => document.querySelector('[data-testid=downtime-table] caption')?.textContent.includes('2026-02'));
    const feb = parseFloat(await page.textContent('[data-testid=downtime-month-seconds]'));
    await page.fill('[data-testid=month]', '2026-03');
    await page.dispatchEvent('[data-testid=month]', 'change');
    await page.waitForFunction(() => document.querySelector('[data-testid=downtime-table] caption')?.textContent.includes('2026-03'));
    const mar = parseFloat(await page.textContent('[data-testid=downtime-month-seconds]'));
    const u = Number(show(unavailability));
    const expFeb = u * 28 * 86400;
    const expMar = u * 31 * 86400;
    const close = (a, b) => Math.abs(a - b) <= 1e-9 * b;
    check('month change updates the downtime', close(feb, expFeb) && close(mar, expMar),
      `Feb 2026 ${feb} s (expected ${expFeb.toPrecision(12)}), Mar 2026 ${mar} s (expected ${expMar.toPrecision(12)}), ${await page.textContent('[data-testid=downtime-month]')}`);
    await page.fill('[data-testid=month]', '2026-02');
    await page.dispatchEvent('[data-testid=month]', 'change');
    await page.waitForFunction(() => document.querySelector('[data-testid=downtime-table] caption')?.textContent.includes('2026-02'));
  });

  await step('incident → credit', async () => {
    await page.click('[data-testid=node][data-path="1"]');
    await page.fill('[data-testid=component-fee]', '100');
    await page.press('[data-testid=component-fee]', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=worst-case]')?.textContent.includes('100.00'));
    await page.selectOption('[data-testid=incident-component]', 'sql-database');
    await page.fill('[data-testid=incident-start]', '2026-02-10T10:00');
    await page.fill('[data-testid=incident-minutes]', '60');
    await page.press('[data-testid=incident-minutes]', 'Enter');
    await page.click('[data-testid=incident-add]');
    await page.waitForSelector('[data-testid=scenario-total-credit]');
    const total = (await page.textContent('[data-testid=scenario-total-credit]')).trim();
    const downtime = (await page.textContent('[data-testid=scenario-downtime]')).trim();
    // 60 min down in February 2026 (28 days): uptime 99.851…% < 99.99% → 10% of a 100.00 fee.
    check('incident → credit', total === '10.00 USD' && downtime === '1 h', `credit ${total}, architecture down ${downtime}`);
  });

  await page.screenshot({ path: path.join(artifacts, 'design-1280.png'), fullPage: true });

  await step('export report JSON', async () => {
    const download = page.waitForEvent('download');
    await page.click('[data-testid=export-report]');
    const file = path.join(artifacts, 'report.json');
    await (await download).saveAs(file);
    const report = JSON.parse(await readFile(file, 'utf8'));
    const shown = await availabilityText(page);
    check('export report JSON', report.schema_version === 1 && report.percent === shown && report.contract?.scenario?.total_credit === '10.00',
      `schema_version ${report.schema_version}, percent ${report.percent}, scenario credit ${report.contract?.scenario?.total_credit}`);
  });

  await step('import malformed file keeps the model', async () => {
    const before = await availabilityText(page);
    const nodesBefore = await treeIds(page);
    const bad = '{"root": {"serial": {"children": [{"component": {"id": "x", "availability": 150}}]}}}';
    await page.setInputFiles('[data-testid=import-file]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await page.waitForSelector('[data-testid=import-error]');
    const error = (await page.textContent('[data-testid=import-error]')).trim();
    const after = await availabilityText(page);
    const nodesAfter = await treeIds(page);
    const unchanged = before === after && JSON.stringify(nodesBefore) === JSON.stringify(nodesAfter);
    check('import malformed file keeps the model', unchanged && error.includes('root.serial.children[0].component.availability'), error.replace(/\s+/g, ' '));
    await page.setInputFiles('[data-testid=import-file]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"root": ') });
    await page.waitForFunction(() => document.querySelector('[data-testid=import-error]')?.textContent.includes('broken.json'));
    check('import truncated JSON keeps the model', (await availabilityText(page)) === before,
      (await page.textContent('[data-testid=import-error]')).trim().replace(/\s+/g, ' '));
  });

  await step('reload restores the autosaved model', async () => {
    const before = await availabilityText(page);
    const nodes = await treeIds(page);
    await page.reload();
    await page.waitForSelector('[data-testid=availability]');
    const after = await availabilityText(page);
    const nodesAfter = await treeIds(page);
    const incidents = await page.$$eval('[data-testid=incidents] tbody tr', (rows) => rows.length);
    check('reload restores the autosaved model', before === after && JSON.stringify(nodes) === JSON.stringify(nodesAfter) && incidents === 1,
      `${after}%, ${nodesAfter.length} nodes, ${incidents} incident`);
  });

  await step('share URL opens the same model', async () => {
    const before = await availabilityText(page);
    const nodes = await treeIds(page);
    await page.click('[data-testid=share]');
    const url = await page.inputValue('[data-testid=share-url]');
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const other = await fresh.newPage();
    watchConsole(other, 'share');
    await other.goto(url);
    await other.waitForSelector('[data-testid=availability]');
    const after = await availabilityText(other);
    const nodesAfter = await treeIds(other);
    check('share URL opens the same model', url.includes('#m=') && after === before && JSON.stringify(nodes) === JSON.stringify(nodesAfter),
      `${url.length} characters, ${after}% in a fresh browser context`);
    await fresh.close();
  });

  await step('keyboard undo/redo', async () => {
    const before = await availabilityText(page);
    await page.click('[data-testid=node][data-path="2.1"]');
    await page.click('[data-testid=node-delete] >> nth=-1');
    await waitForAvailabilityChange(page, before);
    await page.focus('[data-testid=node][data-path=""]');
    await page.keyboard.press('Control+z');
    await page.waitForFunction((old) => document.querySelector('[data-testid=availability]').textContent.trim() === old, before);
    await page.keyboard.press('Control+y');
    await waitForAvailabilityChange(page, before);
    await page.keyboard.press('Control+z');
    await page.waitForFunction((old) => document.querySelector('[data-testid=availability]').textContent.trim() === old, before);
    check('keyboard undo/redo', true, 'delete, Ctrl+Z, Ctrl+Y, Ctrl+Z');
  });

  await step('shared component', async () => {
    await page.click('[data-testid=tab-design]');
    const before = await availabilityText(page);
    await page.click('[data-testid=node][data-path="2.0"]');
    await page.click('[data-testid=make-shared]');
    await page.waitForSelector('.kind-shared');
    const same = (await availabilityText(page)) === before;
    await page.click('[data-testid=node][data-path=""]');
    await page.selectOption('[data-testid=add-shared]', 'virtual-machines');
    await waitForAvailabilityChange(page, before);
    const references = await page.$$eval('.kind-shared', (els) => els.length);
    const problems = await page.$$('[data-testid=model-problems]');
    check('shared component', same && references === 2 && problems.length === 0,
      `made shared without changing ${before}%, referenced twice → ${await availabilityText(page)}%`);
    await page.click('[data-testid=undo]');
    await page.click('[data-testid=undo]');
    await page.waitForFunction((old) => document.querySelector('[data-testid=availability]').textContent.trim() === old, before);
  });

  await step('downtime calculator', async () => {
    await page.click('[data-testid=tab-calculator]');
    await page.fill('[data-testid=calc-percent]', '99.9');
    await page.press('[data-testid=calc-percent]', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=calc-downtime]')?.textContent.includes('43 min 12 s'));
    await page.fill('[data-testid=calc-allowed]', '43m12s');
    await page.press('[data-testid=calc-allowed]', 'Enter');
    const required = await page.textContent('[data-testid=calc-required]');
    check('downtime calculator', required.includes('99.9%'), '99.9% ↔ 43 min 12 s per 30-day month');
    await page.screenshot({ path: path.join(artifacts, 'calculator-1280.png'), fullPage: true });
  });

  await step('compare on-prem vs cloud', async () => {
    await page.click('[data-testid=tab-compare]');
    await page.click('[data-testid=compare-example]');
    await page.waitForSelector('[data-testid=compare-table]');
    const columns = await page.$$eval('[data-testid=compare-table] thead th', (ths) => ths.length - 1);
    check('compare on-prem vs cloud', columns === 2, `${columns} designs side by side`);
    await page.screenshot({ path: path.join(artifacts, 'compare-1280.png'), fullPage: true });
    await page.click('[data-testid=tab-design]');
  });

  await step('group kinds', async () => {
    await page.click('[data-testid=new]');
    await page.click('[data-testid=add-custom]');
    await page.click('[data-testid=node][data-path=""]');
    await page.click('[data-testid=add-custom]');
    await page.click('[data-testid=node][data-path=""]');
    const seen = [];
    for (const kind of ['parallel', 'failover', 'replicate', 'k_of_n', 'serial']) {
      await page.selectOption('[data-testid=group-kind]', kind);
      await page.waitForFunction((k) => document.querySelector('[data-testid=node][data-path=""]')?.closest('li').classList.contains(`kind-${k}`), kind);
      const problems = await page.$$('[data-testid=model-problems]');
      seen.push(`${kind} ${problems.length ? 'PROBLEMS' : `${await availabilityText(page)}%`}`);
    }
    const ok = seen[0] === 'parallel 99.9999%' && seen.every((s) => !s.includes('PROBLEMS'));
    check('group kinds', ok, seen.join(', '));
    await page.click('[data-testid=node][data-path="0.0"]');
    await page.fill('[data-testid=catalog-search]', 'sql zone redundant');
    await page.click('[data-testid=catalog-entry][data-id="azure/sql-database/zone-redundant"]');
    await page.click('[data-testid=catalog-use]');
    await page.waitForFunction(() => document.querySelector('[data-testid=node][data-path="0.0"] .kind')?.textContent === 'catalog');
    const id = await page.inputValue('[data-testid=component-id]');
    check('swap a component for a catalog SLA', id === 'custom', `kept id ${id}, now ${await page.textContent('[data-testid=node][data-path="0.0"]')}`);
  });

  await step('every input labelled', async () => {
    const unlabelled = [];
    for (const tab of ['tab-design', 'tab-calculator', 'tab-compare']) {
      await page.click(`[data-testid=${tab}]`);
      if (tab === 'tab-design') await page.click('[data-testid=catalog-entry] >> nth=0');
      unlabelled.push(...await page.$$eval('input, select, textarea', (els) => els
        .filter((e) => !e.closest('label') && !e.getAttribute('aria-label') && !(e.id && document.querySelector(`label[for="${e.id}"]`)))
        .map((e) => e.dataset.testid || e.outerHTML.slice(0, 60))));
    }
    await page.click('[data-testid=tab-design]');
    check('every input labelled', unlabelled.length === 0, unlabelled.length ? unlabelled.join(', ') : 'design, calculator and compare views');
  });

  await step('caveats stand out', async () => {
    await page.selectOption('[data-testid=examples]', 'backup-storage.json');
    await page.waitForSelector('[data-testid=caveat-no_data_guarantee]');
    const data = await page.textContent('[data-testid=caveat-no_data_guarantee]');
    const cap = await page.textContent('[data-testid=caveat-credit_cap] >> nth=0');
    check('caveats stand out', data.includes('not cover') && cap.includes('25%'), `${data.trim().slice(0, 60)}… | ${cap.trim()}`);
    await page.screenshot({ path: path.join(artifacts, 'backup-1280.png') });
  });

  await step('narrow screen (360 px)', async () => {
    const narrow = await browser.newContext({ viewport: { width: 360, height: 800 }, deviceScaleFactor: 2 });
    const small = await narrow.newPage();
    watchConsole(small, '360px');
    await small.goto(base);
    await small.waitForSelector('[data-testid=availability]');
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await small.screenshot({ path: path.join(artifacts, 'design-360.png'), fullPage: true });
    check('narrow screen (360 px)', overflow <= 0, `horizontal overflow ${overflow} px`);
    await narrow.close();
  });

  await step('edit a 200-component model', async () => {
    const big = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const bigPage = await big.newPage();
    watchConsole(bigPage, '200');
    await bigPage.goto(`${base}#${encodeFragment(bigModel(200))}`);
    await bigPage.waitForSelector('[data-testid=availability]');
    await bigPage.click('[data-testid=node][data-path="0.0"]');
    const samples = [];
    const core = [];
    for (const value of ['99.5', '99.7', '99.8', '99.6', '99.95']) {
      const ms = await bigPage.evaluate(async (v) => {
        const input = document.querySelector('[data-testid=component-availability]');
        const figure = document.querySelector('[data-testid=availability]');
        const before = figure.textContent;
        const t0 = performance.now();
        input.value = v;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise((resolve) => {
          const check = () => (figure.textContent !== before ? resolve() : setTimeout(check, 0));
          check();
        });
        return performance.now() - t0;
      }, value);
      samples.push(ms);
      core.push(await bigPage.evaluate(() => window.__nines_perf?.evaluate_ms ?? NaN));
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    figure('200-component edit, nines-core evaluate', `median ${median(core).toFixed(2)} ms, max ${Math.max(...core).toFixed(2)} ms (target ≤ 16 ms)`);
    figure('200-component edit, change → new figure on screen', `median ${median(samples).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`);
    const count = await bigPage.$$eval('[data-testid=node]', (els) => els.length);
    check('edit a 200-component model', count === 301, `${count} tree nodes (200 components, 100 pairs, root)`);
    await big.close();
  });

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
