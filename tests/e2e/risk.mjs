// End-to-end checks of the analysis worker (web/analysis-worker.js + dist/pkg/). Imported by
// e2e.mjs.

import { open } from './helpers.mjs';

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
      same && progress.length >= 2 && progress.at(-1) === 1 && progress.every((p, i) => i === 0 || p > progress[i - 1]) && partial?.trials > 0 && partial.trials < SIM.trials,
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
}
