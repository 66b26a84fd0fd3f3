// The analysis worker: runs the nines JS package (./pkg/nines.js, the same core as the CLI) off
// the page's main thread. The web app starts it with `new Worker(url, {type: 'module'})` only
// when an analysis is first asked for, so the package is never part of the initial download.
//
// Messages in:  {id, kind, args: {model, options}}: model and options as objects or JSON text,
// as the package's functions take them; kind one of
//   simulate  `Simulation` run chunk by chunk (about 8,192 months each)
//   optimize  `Optimization` stepped in batches
//   improve | slo | openslo | evaluate   one call
// Messages out: {id, progress, partial?}  progress = share done (0..1), at most every 50 ms; for
//                                         simulate, `partial` is the risk report of the months
//                                         run so far (JSON), after the first chunk, then every
//                                         250 ms at most
//               {id, result}              the answer as JSON text: the bytes the CLI prints
//                                         with --json (openslo: JSON.stringify of the document)
//               {id, error: {name, message, problems}}  problems: [{path, kind, message}]
// Cancelling is terminating the worker; the page makes a new one for the next job. A new job
// while one runs supersedes it: the chunked kinds yield between chunks, see the newer id and
// stop without a word, so an edit does not pay for loading the package again.

import init, * as nines from './pkg/nines.js';

const ready = init();

/** Optimization evaluations per batch: about 10 ms for a small model. */
const BATCH = 100000;
/** A partial simulate report at most this often (ms), and always after the first chunk. */
const PARTIAL_EVERY = 250;
/** Progress at most this often (ms): each message costs the page a render. */
const PROGRESS_EVERY = 50;

const post = (message) => self.postMessage(message);

/** The id of the newest job; a chunked job that is no longer it stops. */
let latest = null;
/** Lets messages in (a newer job) between chunks: a task of its own through a channel, which,
 * unlike setTimeout, is not clamped to 4 ms. */
const channel = new MessageChannel();
const pause = () => new Promise((resolve) => {
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(null);
});
/** Thrown to end a superseded job quietly. */
const SUPERSEDED = Symbol('superseded');

async function simulate(id, { model, options }) {
  const simulation = new nines.Simulation(model, options);
  try {
    const total = simulation.chunks;
    let [lastPartial, lastProgress] = [-Infinity, -Infinity];
    while (simulation.done < total) {
      await pause();
      if (latest !== id) throw SUPERSEDED;
      simulation.step(1);
      const now = performance.now();
      if (simulation.done < total && now - lastPartial >= PARTIAL_EVERY) {
        const partial = JSON.stringify(simulation.reportSoFar());
        post({ id, progress: simulation.done / total, partial });
        [lastPartial, lastProgress] = [now, now];
      } else if (now - lastProgress >= PROGRESS_EVERY) {
        post({ id, progress: simulation.done / total });
        lastProgress = now;
      }
    }
    return simulation.reportJson();
  } finally {
    simulation.free();
  }
}

async function optimize(id, { model, options }) {
  const search = new nines.Optimization(model, options);
  try {
    let last = -Infinity;
    while (!search.step(BATCH)) {
      await pause();
      if (latest !== id) throw SUPERSEDED;
      if (performance.now() - last >= PROGRESS_EVERY) {
        post({ id, progress: Math.min(1, search.evaluated / Math.max(1, search.combinations)) });
        last = performance.now();
      }
    }
    return search.answerJson();
  } finally {
    search.free();
  }
}

const calls = {
  simulate,
  optimize,
  improve: (_, { model, options }) => nines.improveJson(model, options),
  slo: (_, { model, options }) => nines.sloJson(model, options),
  openslo: (_, { model, options }) => JSON.stringify(nines.openslo(model, options)),
  evaluate: (_, { model, options }) => nines.evaluateJson(model, options),
};

/** An error as the page reads it; the package's errors carry `problems` with JSON paths. */
function describe(error) {
  return {
    name: String(error?.name ?? 'Error'),
    message: String(error?.message ?? error),
    problems: Array.isArray(error?.problems) ? error.problems : [],
  };
}

self.onmessage = async (event) => {
  const { id, kind, args } = event.data ?? {};
  latest = id;
  try {
    await ready;
    const call = calls[kind];
    if (!call) throw new TypeError(`unknown analysis kind ${JSON.stringify(kind)}`);
    const result = await call(id, args ?? {});
    if (latest === id) post({ id, result });
  } catch (error) {
    if (error !== SUPERSEDED) post({ id, error: describe(error) });
  }
};
