// The JavaScript package (`cargo xtask pkg` → pkg/) in a browser: a page imports it as an ES
// module, `init()` fetches the .wasm beside it, and every golden fixture gives byte for byte
// the report the CLI printed. Serves pkg/ on 127.0.0.1, drives the system Chromium with
// playwright-core, prints one line per check and `pkg-browser: N passed, M failed`.

import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixtures, pkg, root, GOLDEN_OPTIONS } from '../node/load.mjs';

const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/** A page that loads the package the way its README shows and exposes it to the test. */
const PAGE = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>loading</title>
<script type="module">
  import init, * as nines from './pkg/nines.js';
  await init();
  window.nines = nines;
  document.title = 'ready';
</script>`;

const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

/** Serves the page at `/` and the package folder at `/pkg/`; records every path asked for. */
function serve(requested) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requested.push(url.pathname);
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      return;
    }
    const file = path.normalize(path.join(pkg, decodeURIComponent(url.pathname).replace(/^\/pkg\//, '/')));
    if (!url.pathname.startsWith('/pkg/') || !file.startsWith(pkg)) {
      res.writeHead(404).end('not found');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const results = [];
function check(name, ok, detail = '') {
  results.push(ok);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

const requested = [];
const server = await serve(requested);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const failedRequests = [];
const pageErrors = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (msg) => msg.type() === 'error' && pageErrors.push(msg.text()));
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) failedRequests.push(request.url());
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.title !== 'loading', null, { timeout: 15000 });
  check('the page imports the package and init() fetches the .wasm', await page.title() === 'ready',
    pageErrors.join(' | '));
  check('the .wasm and the catalog beside it are fetched from the package folder',
    requested.includes('/pkg/nines_bg.wasm') && requested.includes('/pkg/catalog.js'),
    requested.join(' '));

  const pairs = fixtures().map(([model, golden]) => ({
    name: model.slice(root.length),
    model: readFileSync(model, 'utf8'),
    expected: readFileSync(golden, 'utf8'),
  }));
  check('there are golden fixtures to compare', pairs.length >= 6, `${pairs.length} found`);
  const outcomes = await page.evaluate(({ pairs, options }) => pairs.map(({ name, model, expected }) => {
    try {
      return { name, same: window.nines.evaluateJson(model, options) + '\n' === expected };
    } catch (error) {
      return { name, same: false, error: `${error.name}: ${error.message}` };
    }
  }), { pairs, options: GOLDEN_OPTIONS });
  for (const { name, same, error } of outcomes) {
    check(`evaluateJson is byte-identical to the CLI: ${name}`, same, error ?? '');
  }

  const calls = await page.evaluate(() => {
    const { catalog, downtime, kOfN, evaluate } = window.nines;
    let thrown;
    try {
      evaluate({ root: { component: { availability: 100.5 } } });
    } catch (error) {
      thrown = { name: error.name, path: error.problems?.[0]?.path };
    }
    return {
      vms: catalog('virtual machines', { provider: 'azure' }).entries.length,
      month: downtime('99.95%').text.month,
      twoOfThree: kOfN(2, [99.9, 99.9, 99.9]).percent,
      thrown,
    };
  });
  check('the bundled catalog is searchable', calls.vms > 0, `${calls.vms} Azure VM entries`);
  check('downtime of 99.95% in a 30-day month', calls.month === '21 min 36 s', calls.month);
  // 2-of-3 at 0.999: 1 − (3·0.001²·0.999 + 0.001³) = 0.999997002 exactly.
  check('kOfN(2, three at 99.9%)', calls.twoOfThree === '99.9997002', calls.twoOfThree);
  check('a bad value is a RangeError naming its JSON path',
    calls.thrown?.name === 'RangeError' && calls.thrown?.path === 'root.component.availability',
    JSON.stringify(calls.thrown));
  check('no request leaves the page\'s origin', failedRequests.length === 0, failedRequests.join(' '));
  check('no console errors', pageErrors.length === 0, pageErrors.join(' | '));
} catch (error) {
  check('the browser run completes', false, String(error?.message ?? error).split('\n')[0]);
} finally {
  await browser.close();
  server.close();
}

const failed = results.filter((ok) => !ok).length;
console.log(`pkg-browser: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
