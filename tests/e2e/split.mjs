// End-to-end checks of the split wasm (issue 15): the first result comes from the primary module
// alone, the rest is fetched once, after it, while the page is idle, and a panel whose code is
// in the rest works; if the rest is not there yet when needed, it is loaded synchronously and
// the panel still works. Imported by e2e.mjs (E2E_ONLY=split runs only it).

import { open } from './helpers.mjs';

/** A model with alternatives: the Improve panel (code in the secondary module) shows its table. */
const FIXTURE = ['tests', 'fixtures', 'decide', 'azure-web-sql-options.json'];

/** The requests for the secondary module so far: [{initiator, start, end}] in ms. */
const restRequests = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .filter((e) => e.name.endsWith('_bg.rest.wasm'))
  .map((e) => ({ initiator: e.initiatorType, start: e.startTime, end: e.responseEnd })));

/** Imports the fixture and waits for the Improve panel's rows. */
async function improveRows(t, page) {
  const text = await t.readFile(t.path.join(t.root, ...FIXTURE), 'utf8');
  await page.setInputFiles('[data-testid=import-file]', { name: 'options.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForSelector('[data-testid=need-row]', { timeout: 15000 });
  return page.$$eval('[data-testid=need-row]', (rows) => rows.length);
}

export async function split(t) {
  const files = await t.readdir(t.dist);
  if (!files.some((f) => f.endsWith('_bg.rest.wasm'))) {
    t.check('#15 the web build split the wasm', false, 'no *_bg.rest.wasm in dist/: build with `cargo xtask web`, not trunk alone');
    return;
  }
  await t.step('#15 the first result needs only the primary module; the rest follows when idle', async () => {
    const slots = []; // placeholders called before the rest arrived (the loader names them)
    const { page, context } = await open(t, 1280, { label: 'split', before: (p) => p.on('console', (m) => {
      const slot = /table slot (\d+)/.exec(m.text());
      if (slot) slots.push(slot[1]);
    }) });
    await page.waitForSelector('[data-testid=availability]');
    const first = await page.evaluate(() => window.__nines_perf?.first_result_ms);
    await page.waitForFunction(() => performance.getEntriesByType('resource')
      .some((e) => e.name.endsWith('_bg.rest.wasm') && e.responseEnd > 0), null, { timeout: 10000 });
    const rows = await improveRows(t, page);
    const requests = await restRequests(page);
    // The profile covers what runs up to the first result; on a loaded machine a timer-driven
    // function not in it has run before the idle fetch and loaded the rest synchronously
    // (correct, only slower). That is reported, not failed: what must hold is one load and a
    // working panel.
    const early = requests.some((r) => r.start < first);
    t.check('#15 the first result needs only the primary module; the rest follows when idle',
      requests.length === 1 && rows > 0,
      `first result at ${first?.toFixed(0)} ms; rest requested at ${requests[0]?.start.toFixed(0)} ms by ${requests.map((r) => r.initiator).join(', ')}, ${requests.length}×${early ? ' (EARLY: before the first result)' : ''}${slots.length ? ` (synchronously, for table slot ${slots.join(', ')})` : ''}; Improve panel: ${rows} rows`);
    await context.close();
  });

  await t.step('#15 code needed before the rest has arrived is loaded at once', async () => {
    // The idle-time load waits until the test releases it: the first call into the rest must
    // load it itself, and the idle load that follows must not fetch it again.
    const { page, context } = await open(t, 1280, { label: 'split (sync)', before: (p) => p.addInitScript(() => {
      const held = [];
      self.requestIdleCallback = (callback) => held.push(callback);
      self.__releaseIdle = () => held.splice(0).forEach((callback) => callback());
    }) });
    await page.waitForSelector('[data-testid=availability]');
    const before = (await restRequests(page)).length;
    const rows = await improveRows(t, page);
    await page.evaluate(() => self.__releaseIdle());
    await page.waitForTimeout(500);
    const requests = await restRequests(page);
    const sync = requests.filter((r) => r.initiator === 'xmlhttprequest');
    t.check('#15 code needed before the rest has arrived is loaded at once',
      sync.length === 1 && requests.length === 1 && rows > 0,
      `first result without it; then one synchronous load (${(sync[0]?.end - sync[0]?.start).toFixed(0)} ms${before ? ', before the import: a timer or event not in the profile called into it' : ''}); Improve panel: ${rows} rows; requests once the idle load ran: ${requests.map((r) => r.initiator).join(', ')}`);
    await context.close();
  });
}
