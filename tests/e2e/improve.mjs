// End-to-end checks of the Improve panel (issue 13): the table's required availability is the
// CLI's, Try and Undo, Apply reaches the target, the frontier chart marks the design as
// written, Export OpenSLO downloads the CLI's document, a bad target changes nothing.
// Imported by e2e.mjs (E2E_ONLY=improve runs only it).

import { open, shot, fullAvailability } from './helpers.mjs';

/** A model with alternatives and a copies range (target 99.98% in the model). */
const FIXTURE = ['tests', 'fixtures', 'decide', 'azure-web-sql-options.json'];

/** Loads `file` through the import button and waits for the panel's table. */
async function load(page, file, text) {
  await page.setInputFiles('[data-testid=import-file]', { name: file, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForSelector('[data-testid=loaded-notice]');
  await page.waitForSelector('[data-testid=need-row]', { timeout: 15000 });
  await page.waitForSelector('[data-testid=cheapest]', { timeout: 15000 });
}

/** The design as the page holds it, exported and evaluated by the CLI: its percent. */
async function cliPercentOfPage(t, page, cli, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-model]')]);
  const file = t.path.join(t.artifacts, name);
  await download.saveAs(file);
  const model = JSON.parse(await t.readFile(file, 'utf8'));
  const out = JSON.parse(t.execFileSync(cli, ['eval', file, '--json'], { encoding: 'utf8' }));
  return { percent: out.percent, model };
}

/** The `must reach` column of `nines improve` (text) by component id. */
function cliNeeds(t, cli, file) {
  const text = t.execFileSync(cli, ['improve', file], { encoding: 'utf8' });
  const needs = {};
  for (const line of text.split('\n')) {
    const m = line.match(/^(\S+)\s+(impossible|\d[\d.]*%(?: \(met\))?)\s/);
    if (m) needs[m[1]] = m[2];
  }
  return needs;
}

/** 30 components in series, 6 of them with 9 alternatives: 10^6 combinations, searched
 * exhaustively in batches of 100,000 (progress after each). */
function bigSearch() {
  const children = Array.from({ length: 30 }, (_, i) => {
    const component = { id: `c${i + 1}`, availability: i < 6 ? 99.9 : 99.99, monthly_fee: 10 };
    if (i < 6) {
      component.alternatives = Array.from({ length: 9 }, (_, j) => ({ availability: Number((99.9 + (j + 1) * 0.0099).toFixed(4)), monthly_fee: 10 + (j + 1) * (i + 2) }));
    }
    return { component };
  });
  return { name: 'Big search', target: 99.5, root: { serial: { children } } };
}

const webCatalog = (model) => model.root.serial.children[1].replicate.child.serial.children[0].component.catalog;

export async function improve(t) {
  const { page, context } = await open(t, 1280, { label: 'improve' });
  const file = t.path.join(t.root, ...FIXTURE);
  const text = await t.readFile(file, 'utf8');
  const cli = t.findCli();
  if (!cli) {
    t.check('improve: a nines CLI to compare with', false, 'no target/*/nines (cargo build -p nines-cli)');
    return;
  }
  await load(page, 'options.json', text);
  const before = await fullAvailability(page);

  await t.step('improve: the table shows the required availability the CLI prints', async () => {
    const expected = cliNeeds(t, cli, file);
    const shown = Object.fromEntries(await page.$$eval('[data-testid=need-row]', (rows) =>
      rows.map((r) => [r.dataset.id, r.querySelector('[data-testid=need-required]').textContent.trim()])));
    const target = await page.inputValue('[data-testid=improve-target]');
    const same = Object.keys(expected).length === 3 && Object.entries(expected).every(([id, need]) =>
      need === 'impossible' ? shown[id].startsWith('impossible') : shown[id] === need);
    t.check('improve: the table shows the required availability the CLI prints', same && target === '99.98',
      `target field ${target}% (the model's); page ${JSON.stringify(shown)}; nines improve ${JSON.stringify(expected)}`);
  });

  await t.step('improve: Try puts an alternative in, Undo takes it out', async () => {
    await page.click('[data-testid=try][data-id=web][data-choice="1"]');
    await page.waitForFunction((b) => document.querySelector('[data-testid=availability]')?.dataset.full !== b, before);
    const tried = await cliPercentOfPage(t, page, cli, 'improve-tried.json');
    const full = await fullAvailability(page);
    const offered = await page.textContent('[data-testid=try][data-id=web]');
    await page.click('[data-testid=notice-undo]');
    await page.waitForFunction((b) => document.querySelector('[data-testid=availability]')?.dataset.full === b, before);
    const undone = await cliPercentOfPage(t, page, cli, 'improve-undone.json');
    t.check('improve: Try puts an alternative in, Undo takes it out',
      webCatalog(tried.model) === 'azure/app-service/zone-redundant' && tried.percent === full && full !== before
        && offered.includes('azure/app-service/paid-tiers') && webCatalog(undone.model) === 'azure/app-service/paid-tiers'
        && undone.percent === before,
      `tried: ${full}% (nines eval ${tried.percent}%), now offers "${offered.trim()}"; undone: ${undone.percent}% (was ${before}%)`);
  });

  await t.step('improve: the frontier chart marks the design as written', async () => {
    const expected = JSON.parse(t.execFileSync(cli, ['optimize', file, '--json'], { encoding: 'utf8' }));
    await page.waitForSelector('[data-testid=frontier-chart][data-current]');
    const drawn = await page.$eval('[data-testid=frontier-chart]', (canvas) => {
      const [x, y] = canvas.dataset.current.split(',').map(Number);
      const [r, g, b] = canvas.getContext('2d').getImageData(x, y, 1, 1).data;
      const mark = getComputedStyle(canvas).getPropertyValue('--c4').trim();
      return { points: Number(canvas.dataset.points), pixel: `rgb(${r}, ${g}, ${b})`, mark, width: canvas.width };
    });
    const hex = drawn.mark.replace('#', '');
    const markRgb = `rgb(${parseInt(hex.slice(0, 2), 16)}, ${parseInt(hex.slice(2, 4), 16)}, ${parseInt(hex.slice(4, 6), 16)})`;
    const rows = await page.$$eval('[data-testid=frontier-table] tr', (trs) => trs.length);
    t.check('improve: the frontier chart marks the design as written',
      drawn.points === expected.frontier.length && drawn.pixel === markRgb && rows === expected.frontier.length + 1,
      `${drawn.points} designs drawn (nines optimize: ${expected.frontier.length}), the mark's pixel ${drawn.pixel} (--c4 ${markRgb})`);
    await shot(t, page, 'improve-1280.png');
    await page.$eval('[data-testid=improve]', (el) => el.scrollIntoView());
    await page.screenshot({ path: t.path.join(t.artifacts, 'improve-panel-1280.png') });
  });

  await t.step('improve: Export OpenSLO downloads the CLI\'s document', async () => {
    const month = await page.inputValue('[data-testid=month]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-openslo]')]);
    const yaml = await t.readFile(await download.path(), 'utf8');
    const expected = t.execFileSync(cli, ['slo', file, '--openslo', '--month', month], { encoding: 'utf8' });
    t.check('improve: Export OpenSLO downloads the CLI\'s document',
      yaml.includes('\nkind: SLO\n') && yaml.includes('    target: 0.9998\n') && yaml === expected,
      `${download.suggestedFilename()}, ${yaml.length} bytes, ${yaml === expected ? 'byte for byte' : 'DIFFERS from'} nines slo --openslo --month ${month}`);
  });

  await t.step('improve: Apply reaches the target', async () => {
    const expected = JSON.parse(t.execFileSync(cli, ['optimize', file, '--json'], { encoding: 'utf8' }));
    await page.click('[data-testid=apply-cheapest]');
    await page.waitForFunction((b) => document.querySelector('[data-testid=availability]')?.dataset.full !== b, before);
    const applied = await cliPercentOfPage(t, page, cli, 'improve-applied.json');
    const full = await fullAvailability(page);
    await page.waitForSelector('[data-testid=cheapest-same]', { timeout: 15000 });
    const copies = applied.model.root.serial.children[1].replicate.copies;
    t.check('improve: Apply reaches the target',
      Number(full) >= 99.98 && applied.percent === full && copies === 2 && expected.cheapest.choices.length === 1,
      `applied: ${full}% ≥ 99.98% (nines eval ${applied.percent}%), ${copies} copies of the region; the panel now says the design is the cheapest`);
    await page.click('[data-testid=notice-undo]');
    await page.waitForFunction((b) => document.querySelector('[data-testid=availability]')?.dataset.full === b, before);
  });

  await t.step('improve: a bad target shows an inline error and changes nothing', async () => {
    const table = await page.textContent('[data-testid=needs-table]');
    await page.fill('[data-testid=improve-target]', '100');
    await page.press('[data-testid=improve-target]', 'Enter');
    const error = await page.textContent('[data-testid=improve-target-error]');
    await t.sleep(300);
    const after = await page.textContent('[data-testid=needs-table]');
    const full = await fullAvailability(page);
    t.check('improve: a bad target shows an inline error and changes nothing',
      error.includes('target') && error.includes('(exclusive)') && after === table && full === before,
      `"${error.trim()}"; table and design unchanged`);
  });

  await t.step('improve: another target gives other needs', async () => {
    await page.fill('[data-testid=improve-target]', '99.95');
    await page.press('[data-testid=improve-target]', 'Enter');
    await page.waitForFunction(() => !document.querySelector('[data-testid=improve-target-error]'));
    const expected = cliNeeds(t, cli, file); // at 99.98
    const at = t.execFileSync(cli, ['improve', file, '--target', '99.95'], { encoding: 'utf8' });
    const web = at.split('\n').find((l) => l.startsWith('web '))?.match(/(\d[\d.]*%)/)?.[1];
    await page.waitForFunction((w) => document.querySelector('[data-testid=need-row][data-id=web] [data-testid=need-required]')?.textContent.startsWith(w), web);
    const shown = await page.textContent('[data-testid=need-row][data-id=web] [data-testid=need-required]');
    t.check('improve: another target gives other needs', shown.startsWith(web) && web !== expected.web,
      `web at 99.95%: ${shown.trim()} (nines improve --target 99.95: ${web})`);
  });
  await t.step('improve: a long search shows progress, Cancel stops it, Search again finishes it', async () => {
    const model = bigSearch();
    const big = t.path.join(t.artifacts, 'improve-big-search.json');
    await t.writeFile(big, JSON.stringify(model));
    await page.setInputFiles('[data-testid=import-file]', { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
    await page.waitForSelector('[data-testid=search-progress]', { timeout: 15000 });
    await page.click('[data-testid=search-cancel]');
    await page.waitForSelector('[data-testid=search-cancelled]');
    await t.sleep(300);
    const stayed = (await page.$$('[data-testid=cheapest]')).length === 0;
    const started = Date.now();
    await page.click('[data-testid=search-again]');
    const shares = [];
    while (!(await page.$('[data-testid=cheapest]')) && Date.now() - started < 60000) {
      const share = await page.$eval('[data-testid=search-progress] progress', (p) => Number(p.value)).catch(() => null);
      if (share !== null && shares.at(-1) !== share) shares.push(share);
      await t.sleep(20);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const expected = JSON.parse(t.execFileSync(cli, ['optimize', big, '--json'], { encoding: 'utf8' }));
    const figures = await page.textContent('[data-testid=cheapest-figures]');
    const fee = Number(expected.cheapest.monthly_fee).toLocaleString('en-US', { minimumFractionDigits: 2 });
    t.check('improve: a long search shows progress, Cancel stops it, Search again finishes it',
      stayed && shares.length >= 2 && figures.startsWith(`${fee} USD/month`) && expected.combinations === 1e6,
      `cancelled with no answer; again: progress ${shares.map((x) => x.toFixed(1)).join(' → ')}, done in ${seconds} s: ${figures} (nines optimize: ${expected.cheapest.monthly_fee} of ${expected.combinations} combinations)`);
    t.figure('optimize in the worker, 10^6 combinations (30 components)', `${seconds} s wall, with progress every 100,000`);
  });
  await context.close();

  await t.step('improve: the panel on a phone', async () => {
    const phone = await open(t, 390, { label: 'improve phone' });
    await load(phone.page, 'options.json', text);
    await phone.page.waitForSelector('[data-testid=frontier-chart][data-current]');
    const wide = await phone.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    await phone.page.$eval('[data-testid=improve]', (el) => el.scrollIntoView());
    await phone.page.screenshot({ path: t.path.join(t.artifacts, 'improve-390.png') });
    await shot(t, phone.page, 'improve-full-390.png');
    t.check('improve: the panel fits a phone (no sideways scroll)', !wide, wide ? 'the page scrolls sideways' : '390 px');
    await phone.context.close();
  });
}
