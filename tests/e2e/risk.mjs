// End-to-end checks of the analysis worker (web/analysis-worker.js + dist/pkg/), the Risk panel
// (issue 11) and "How this design fails" (issue 10). Imported by e2e.mjs.

import { open, shot, example } from './helpers.mjs';

/** The example every risk check uses; its figures are compared with the CLI's. */
const EXAMPLE = 'azure-two-regions.json';
/** Simulation options the worker and the CLI share. */
const SIM = { trials: 20000, seed: 7, target: 99.95 };

/** Figures: the lazily loaded analysis module (the worker script and dist/pkg/), gzip -9. */
export async function analysisSize({ dist, figure, readFile, readdir, path, gzipSync }) {
  const files = ['analysis-worker.js'];
  const walk = async (dir) => {
    for (const entry of await readdir(path.join(dist, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(rel);
      else if (/\.(js|wasm)$/.test(entry.name)) files.push(rel);
    }
  };
  await walk('pkg');
  let gz = 0;
  for (const f of files) gz += gzipSync(await readFile(path.join(dist, f)), { level: 9 }).length;
  figure('analysis module gzipped (loaded when first needed)', `${(gz / 1024).toFixed(1)} KB (${files.length} files: the worker and dist/pkg/)`);
}

/** Runs one job on a fresh analysis worker in the page; resolves to every message it posted. */
function runInWorker(page, kind, args) {
  return page.evaluate(([kind, args]) => new Promise((resolve) => {
    const worker = new Worker('./analysis-worker.js', { type: 'module' });
    const messages = [];
    worker.onmessage = (e) => {
      messages.push(e.data);
      if ('result' in e.data || 'error' in e.data) {
        worker.terminate();
        resolve(messages);
      }
    };
    worker.onerror = (e) => resolve([{ error: { message: e.message || 'worker failed to load' } }]);
    worker.postMessage({ id: 1, kind, args });
  }), [kind, args]);
}

/** The CLI's output for `args`, or null when no CLI is built. */
function cliText(t, args) {
  const bin = t.findCli();
  return bin ? t.execFileSync(bin, args, { encoding: 'utf8' }) : null;
}

/** The CLI's JSON for `args`, or null when no CLI is built. */
function cli(t, args) {
  const text = cliText(t, args);
  return text === null ? null : JSON.parse(text);
}

export async function risk(t) {
  const { page, context } = await open(t, 1280, { label: 'risk' });
  const file = t.path.join(t.root, 'data', 'examples', EXAMPLE);
  const model = JSON.parse(await t.readFile(file, 'utf8'));

  await t.step('analysis worker: a simulate job round-trips with the CLI\'s figures', async () => {
    const messages = await runInWorker(page, 'simulate', { model, options: SIM });
    const last = messages.at(-1);
    const progress = messages.filter((m) => 'progress' in m).map((m) => m.progress);
    const partial = JSON.parse(messages.find((m) => m.partial)?.partial ?? 'null');
    const expected = cliText(t, ['simulate', file, '--trials', `${SIM.trials}`, '--seed', `${SIM.seed}`, '--target', `${SIM.target}`, '--json']);
    const same = expected !== null && last.result === expected.trimEnd();
    const report = JSON.parse(last.result ?? 'null');
    t.check('analysis worker: a simulate job round-trips with the CLI\'s bytes',
      same && progress.length >= 1 && progress.every((p) => p > 0 && p <= 1) && progress.every((p, i) => i === 0 || p > progress[i - 1]) && partial?.trials > 0 && partial.trials < SIM.trials,
      expected !== null ? `${progress.length} progress messages, first estimate from ${partial?.trials} months; breach ${report?.breach?.probability} [${report?.breach?.low}, ${report?.breach?.high}], P99 ${report?.downtime_seconds?.p99} s; ${same ? 'byte for byte' : 'DIFFERS from'} nines simulate --seed ${SIM.seed} --json`
        : 'no nines CLI in target/ (cargo build -p nines-cli)');
  });

  await t.step('analysis worker: errors carry the package\'s problems with JSON paths', async () => {
    const bad = { root: { component: { id: 'a', availability: 101 } } };
    const [message] = await runInWorker(page, 'evaluate', { model: bad });
    const problem = message.error?.problems?.[0];
    t.check('analysis worker: errors carry the package\'s problems with JSON paths',
      message.error?.name === 'RangeError' && problem?.path === 'root.component.availability',
      `${message.error?.name}: ${message.error?.message}`);
  });

  await context.close();
  await panel(t, file);
  await phone(t);
  await dark(t);
  await switchover(t);
  await fiftyComponents(t);
}

/** The live panel on a 50-component model (tests/e2e/fixtures/sim-50.json, written by
 * tests/bench/sim_models.py): how long an edit takes to show a first estimate (a figure, not a
 * check: this machine's speed moves too much for a timed assertion). */
async function fiftyComponents(t) {
  await t.step('Risk: edit → first estimate on a 50-component model', async () => {
    const { page, context } = await open(t, 1280, { label: 'risk 50 components' });
    const text = await t.readFile(t.path.join(t.root, 'tests', 'e2e', 'fixtures', 'sim-50.json'), 'utf8');
    await page.setInputFiles('[data-testid=import-file]', { name: 'sim-50.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction(() => document.querySelector('[data-testid=loaded-notice]')?.textContent.includes('sim-50.json'));
    await startRisk(page, 100000);
    await finished(page);
    const times = [];
    for (const target of ['99.9', '99.99', '99.95']) {
      await page.fill('[data-testid=risk-target]', target);
      const edited = Date.now();
      await page.dispatchEvent('[data-testid=risk-target]', 'change');
      await page.waitForSelector(`[data-testid=risk-breach][data-target="${target}"]`, { timeout: 20000 });
      times.push(Date.now() - edited);
      await finished(page);
    }
    const blocks = (await page.$$('[data-testid=block]')).length;
    t.check('Risk: a 50-component model simulates in the panel', blocks >= 50 && times.length === 3, `${blocks} blocks in the diagram`);
    t.figure('Risk: edit → first estimate on screen, 50 components', `${times.join(', ')} ms (three target edits; 100,000 months; 150 ms of each the debounce)`);
    await context.close();
  });
}

/** A failover's switchover is a way to fail too: its row names it, as the CLI does. */
async function switchover(t) {
  await t.step('How this design fails: a failover\'s switchover is listed', async () => {
    const { page, context } = await open(t, 1280, { label: 'cut sets of a failover' });
    await example(page, 'onprem-pair.json');
    await startRisk(page, 10000);
    await page.waitForSelector('[data-testid=cut-set]');
    const rows = await page.$$eval('[data-testid=cut-set]', (trs) => trs.map((tr) => [tr.dataset.members, tr.cells[1].textContent]));
    const file = t.path.join(t.root, 'data', 'examples', 'onprem-pair.json');
    const expected = cli(t, ['eval', file, '--cut-sets', '3', '--json'])?.cut_sets.sets.slice(0, 10)
      .map((s) => s.members.map((m) => m.component ?? `switchover of ${m.switchover}`).join('+'));
    const members = rows.map(([m]) => m);
    t.check('How this design fails: a failover\'s switchover is listed',
      expected && members.join() === expected.join() && rows.some(([, text]) => text === 'Switchover of Server pair'),
      `${rows.slice(0, 5).map(([, text]) => text).join(' | ')} (${rows.length} rows${expected && members.join() !== expected.join() ? `; CLI: ${expected.join(' | ')}` : ''})`);
    await context.close();
  });
}

/** Starts the simulation in the Risk panel with `trials` months; resolves once it runs. */
async function startRisk(page, trials) {
  await page.selectOption('[data-testid=risk-trials]', `${trials}`);
  await page.click('[data-testid=risk-start]');
  await page.waitForSelector('[data-testid=risk-status][data-state=running]');
}

const finished = (page) => page.waitForSelector('[data-testid=risk-status][data-state=done]', { timeout: 60000 });

/** The Risk panel on a desktop: figures as the CLI's, histogram, no long task, re-run, cancel,
 * and the cut sets. */
async function panel(t, file) {
  const { page, context } = await open(t, 1280, { label: 'risk panel' });
  await example(page, EXAMPLE);
  const month = await page.inputValue('[data-testid=month]');

  await t.step('Risk: the figures are the CLI\'s, no long task on the main thread', async () => {
    await page.evaluate(() => {
      window.__longtasks = [];
      new PerformanceObserver((list) => window.__longtasks.push(...list.getEntries().map((e) => `${Math.round(e.duration)} ms at ${Math.round(e.startTime - window.__riskStart)}`)))
        .observe({ type: 'longtask' });
    });
    const started = Date.now();
    await page.evaluate(() => { window.__riskStart = performance.now(); });
    await startRisk(page, 100000);
    await page.waitForSelector('[data-testid=risk-figures]', { timeout: 20000 });
    const firstEstimate = Date.now() - started;
    await finished(page);
    const longtasks = await page.evaluate(() => window.__longtasks);
    const shown = await page.evaluate(() => {
      const d = (id) => document.querySelector(`[data-testid=${id}]`)?.dataset ?? {};
      return { trials: d('risk-figures').trials, breach: d('risk-breach'), bad: d('risk-bad-month'), money: d('risk-money'),
        text: document.querySelector('[data-testid=risk-breach]')?.textContent };
    });
    const cliOut = cli(t, ['simulate', file, '--trials', '100000', '--seed', '1', '--target', '99.95', '--month', month, '--json']);
    const same = cliOut && shown.trials === `${cliOut.trials}` && shown.breach.low === `${cliOut.breach.low}` && shown.breach.high === `${cliOut.breach.high}`
      && shown.breach.probability === `${cliOut.breach.probability}` && shown.bad.p99 === `${cliOut.downtime_seconds.p99}` && shown.bad.p90 === `${cliOut.downtime_seconds.p90}`
      && shown.money.credit === cliOut.money.expected_credit.estimate && shown.money.loss === cliOut.money.expected_loss?.estimate;
    t.check('Risk: breach probability with its interval, a bad month, credits against losses — the CLI\'s figures', same && /95% CI/.test(shown.text),
      cliOut ? `${shown.text.trim()} | P90 ${shown.bad.p90} s, P99 ${shown.bad.p99} s, credit ${shown.money.credit}, loss ${shown.money.loss} (nines simulate --month ${month} --seed 1: ${same ? 'same' : 'DIFFERENT'})` : 'no nines CLI in target/');
    t.check('Risk: no long task (> 50 ms) on the main thread while simulating', longtasks.filter((d) => parseInt(d, 10) > 50).length === 0,
      `long tasks: ${longtasks.length ? longtasks.join(', ') : 'none'} (ms after Start)`);
    t.figure('Risk: first figures after Start', `${firstEstimate} ms (100,000 months of ${EXAMPLE}; includes loading the analysis module)`);
    const pixels = await page.$eval('[data-testid=risk-histogram]', (c) => {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const bg = data.slice(0, 4).join();
      let differ = 0;
      for (let i = 0; i < data.length; i += 4) if (data.slice(i, i + 4).join() !== bg) differ++;
      return { differ, total: data.length / 4, width: c.getBoundingClientRect().width };
    });
    t.check('Risk: the downtime histogram is drawn', pixels.differ > pixels.total * 0.02,
      `${pixels.differ} of ${pixels.total} pixels drawn, ${Math.round(pixels.width)} px wide`);
    await page.locator('[data-testid=risk]').screenshot({ path: t.path.join(t.artifacts, 'risk-1280.png') });
  });

  await t.step('Risk: a new target runs the simulation again', async () => {
    await page.fill('[data-testid=risk-target]', '99.9');
    const edited = Date.now();
    await page.dispatchEvent('[data-testid=risk-target]', 'change');
    await page.waitForSelector('[data-testid=risk-breach][data-target="99.9"]', { timeout: 20000 });
    t.figure('Risk: edit → first estimate on screen', `${Date.now() - edited} ms (${EXAMPLE}, 100,000 months; 150 ms of it the debounce)`);
    await finished(page);
    const text = await page.textContent('[data-testid=risk-breach]');
    t.check('Risk: a new target runs the simulation again', /below 99\.9%/.test(text), text.trim());
  });

  await t.step('How this design fails: the cut sets are the CLI\'s', async () => {
    await page.waitForSelector('[data-testid=cut-set]');
    const rows = await page.$$eval('[data-testid=cut-set]', (trs) => trs.map((tr) => tr.dataset.members));
    const expected = cli(t, ['eval', file, '--cut-sets', '3', '--json'])?.cut_sets.sets.slice(0, 10)
      .map((s) => s.members.map((m) => (m.copy?.length ? `${m.component} (copy ${m.copy.join('.')})` : m.component)).join('+'));
    t.check('How this design fails: the top ten cut sets, as nines eval --cut-sets 3 lists them',
      expected && rows.length === Math.min(10, expected.length) && rows.join() === expected.join() && rows[0] === 'entra-id' && rows.includes('web (copy 1)+web (copy 2)'),
      `${rows.slice(0, 4).join(' | ')} … (${rows.length} rows${expected && rows.join() !== expected.join() ? `; CLI: ${expected.join(' | ')}; page: ${rows.join(' | ')}` : ''})`);
    await page.locator('[data-testid=failure-modes]').screenshot({ path: t.path.join(t.artifacts, 'cut-sets-1280.png') });
  });

  await t.step('Risk: Cancel stops the simulation', async () => {
    await startRunAgainOrStart(page, 1000000);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=risk-progress]')?.value) > 0, null, { timeout: 20000 });
    await page.click('[data-testid=risk-cancel]');
    const at = await page.textContent('[data-testid=risk-status]');
    const trials = await page.getAttribute('[data-testid=risk-figures]', 'data-trials');
    await t.sleep(1500);
    const later = await page.textContent('[data-testid=risk-status]');
    const trialsLater = await page.getAttribute('[data-testid=risk-figures]', 'data-trials');
    const state = await page.getAttribute('[data-testid=risk-status]', 'data-state');
    t.check('Risk: Cancel stops the simulation', state === 'cancelled' && at === later && trials === trialsLater && /Cancelled at \d+%/.test(later) && !(await page.$('[data-testid=risk-progress]')),
      `${later.trim()} (unchanged 1.5 s later)`);
  });

  await t.step('Risk: an edit while simulating supersedes the run', async () => {
    await page.click('[data-testid=risk-restart]'); // "Run again" after the cancel, 1,000,000 months
    await page.waitForSelector('[data-testid=risk-status][data-state=running]');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=risk-progress]')?.value) > 0, null, { timeout: 20000 });
    const edited = Date.now();
    await page.selectOption('[data-testid=risk-trials]', '10000');
    await page.waitForSelector('[data-testid=risk-status][data-state=done]', { timeout: 20000 });
    const took = Date.now() - edited;
    const trials = await page.getAttribute('[data-testid=risk-figures]', 'data-trials');
    t.check('Risk: an edit while simulating supersedes the run', trials === '10000',
      `1,000,000-month run superseded by 10,000 months: done in ${took} ms with ${trials} months`);
  });
  await context.close();
}

/** Picks `trials` months, which starts a new run once the panel is active. */
async function startRunAgainOrStart(page, trials) {
  await page.selectOption('[data-testid=risk-trials]', `${trials}`);
  await page.waitForSelector('[data-testid=risk-status][data-state=running]');
}

/** The panel in dark mode: the histogram in the page's dark colours. */
async function dark(t) {
  await t.step('Risk: dark mode, histogram included', async () => {
    const { page, context } = await open(t, 1280, { dark: true, label: 'risk dark' });
    await example(page, EXAMPLE);
    await startRisk(page, 10000);
    await finished(page);
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid=risk-histogram]');
      return c && c.width > 300 && c.getContext('2d').getImageData(2, 2, 1, 1).data[3] > 0;
    });
    const pixel = await page.$eval('[data-testid=risk-histogram]', (c) => Array.from(c.getContext('2d').getImageData(2, 2, 1, 1).data).slice(0, 3));
    await page.locator('[data-testid=risk]').screenshot({ path: t.path.join(t.artifacts, 'risk-dark-1280.png') });
    t.check('Risk: dark mode, histogram included', pixel.every((v) => v < 60), `histogram background rgb(${pixel.join(', ')})`);
    await context.close();
  });
}

/** The panel on a phone. */
async function phone(t) {
  await t.step('Risk: the panel on a 390 px phone', async () => {
    const { page, context } = await open(t, 390, { label: 'risk phone' });
    await example(page, EXAMPLE);
    await startRisk(page, 10000);
    await finished(page);
    await page.waitForSelector('[data-testid=cut-set]');
    const box = await page.$eval('[data-testid=risk-histogram]', (c) => c.getBoundingClientRect().toJSON());
    const panelBox = await page.$eval('[data-testid=risk]', (c) => c.getBoundingClientRect().toJSON());
    await page.locator('[data-testid=risk]').screenshot({ path: t.path.join(t.artifacts, 'risk-390.png') });
    t.check('Risk: the panel on a 390 px phone', box.right <= panelBox.right + 1 && box.width > 250,
      `histogram ${Math.round(box.width)} px wide inside the ${Math.round(panelBox.width)} px panel`);
    await context.close();
  });
}
