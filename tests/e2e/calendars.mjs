// Calendars in the web app (issue 15): the zone table is fetched from the same origin; the
// business-hours example shows the CLI's figures; editing a calendar (zone, hours) moves the
// figures to what the CLI gives for the same calendar; a bad edit names its JSON path and keeps
// the model; the calculator counts in Mon–Fri 09:00–17:00 Europe/Berlin as `nines downtime`
// does. Expected values come from the CLI (target/*/nines) run on the same input.

import { open, shot, example, fullAvailability, overflow } from './helpers.mjs';

const EXAMPLE = 'hosting-business-hours.json';
const MONTH = '2026-02';

/** Sets the month the figures are for. */
async function setMonth(page, month) {
  await page.selectOption('[data-testid=convention]', 'calendar');
  await page.fill('[data-testid=month]', month);
  await page.dispatchEvent('[data-testid=month]', 'change');
  await page.waitForFunction((m) => document.querySelector('[data-testid=downtime-table] caption')?.textContent.includes(m), month);
}

/** Types `text` into a field and commits it (change event). */
async function commit(page, selector, text) {
  await page.fill(selector, text);
  await page.dispatchEvent(selector, 'change');
}

const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

export async function calendars(t) {
  const cli = t.findCli();
  if (!cli) {
    t.check('calendars: the CLI to compare with', false, 'no target/*/nines: build it (cargo build --release -p nines-cli)');
    return;
  }
  const exampleText = await t.readFile(t.path.join(t.root, 'data', 'examples', EXAMPLE), 'utf8');
  /** The CLI's JSON report for `model` in `month`. */
  const evalCli = async (model, name, extra = []) => {
    const file = t.path.join(t.artifacts, name);
    await t.writeFile(file, JSON.stringify(model));
    return JSON.parse(t.execFileSync(cli, ['eval', file, '--month', MONTH, '--json', ...extra], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  };
  const { page, context } = await open(t, 1280, { label: 'calendars' });
  const model = JSON.parse(exampleText);

  await t.step('calendars: the zone table comes from this site, fetched after start-up', async () => {
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('zones.tsv')));
    const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('zones.tsv')));
    const html = await t.readFile(t.path.join(t.root, 'dist', 'index.html'), 'utf8');
    t.check('calendars: the zone table comes from this site, fetched after start-up',
      urls.length === 1 && urls[0] === `${t.base}data/tz/zones.tsv` && !html.includes('zones.tsv'),
      `${urls.join(', ')}; index.html does not preload it`);
  });

  await t.step('calendars: the hosting example shows the CLI figures and names its calendars', async () => {
    await example(page, EXAMPLE);
    await setMonth(page, MONTH);
    const out = await evalCli(model, 'hosting-business-hours.json');
    const full = await fullAvailability(page);
    const service = out.contract.services[0];
    const line = squash(await page.textContent('[data-testid=service-calendar-server]'));
    const tiers = squash(await page.textContent('[data-testid=service] .tiers-row'));
    const business = squash(await page.textContent('[data-testid=business-calendar-line]'));
    const split = squash(await page.textContent('[data-testid=scenario-business-split]'));
    const credit = squash(await page.textContent('[data-testid=scenario-total-credit]'));
    const counts = (await page.$$eval('[data-testid=incident-count]', (els) => els.map((e) => e.textContent.trim())));
    const whys = out.contract.scenario.incidents.map((c) => `Incident ${c.incident + 1}: ${c.why}`);
    const ok = full === out.percent
      && line.includes(`calendar “${service.calendar.id}”: ${service.calendar.description}`)
      && service.tiers.every((tier) => tiers.includes(`(over ${tier.after})`))
      && business.includes(`calendar “${out.contract.business_calendar.id}”: ${out.contract.business_calendar.description}`)
      && split.startsWith('2 h 30 min of the 16 h down') && out.contract.scenario.business_hours_downtime_seconds === 9000
      && credit === `${out.contract.scenario.total_credit} ${out.contract.currency}`
      && JSON.stringify(counts) === JSON.stringify(whys);
    await page.locator('[data-testid=results]').screenshot({ path: t.path.join(t.artifacts, 'calendar-results-1280.png') });
    t.check('calendars: the hosting example shows the CLI figures and names its calendars', ok,
      `${full}% (CLI ${out.percent}%); "${line}"; credit ${credit} (CLI ${out.contract.scenario.total_credit}); ${counts.length} incident lines as the CLI's`);
  });

  await t.step('calendars: an inline SLA names its calendar and edits it in place', async () => {
    await page.click('[data-testid=block][data-path="0"]');
    await page.waitForSelector('[data-testid=sla-cal-summary]');
    const picked = await page.inputValue('[data-testid=sla-calendar]');
    const summary = squash(await page.textContent('[data-testid=sla-cal-summary]'));
    const out = await evalCli(model, 'hosting-business-hours.json');
    await page.locator('[data-testid=component-form]').screenshot({ path: t.path.join(t.artifacts, 'sla-calendar-1280.png') });
    t.check('calendars: an inline SLA names its calendar and edits it in place',
      picked === 'hosting-contract' && summary === out.contract.services[0].calendar.description, `${picked}: "${summary}"`);
  });

  await t.step('calendars: expected downtime counted in a calendar, as `nines eval --calendar`', async () => {
    await page.selectOption('[data-testid=figures-calendar-select]', 'office');
    await page.waitForSelector('[data-testid=figures-calendar]');
    const out = await evalCli(model, 'hosting-business-hours.json', ['--calendar', 'office']);
    const seconds = squash(await page.textContent('[data-testid=downtime-month-seconds]'));
    const line = squash(await page.textContent('[data-testid=figures-calendar]'));
    const headline = squash(await page.textContent('[data-testid=nines]'));
    const ok = seconds === `${out.downtime.seconds.month} s` && line.includes(`“office”: ${out.convention.calendar.description}`)
      && headline.includes('of service time (calendar “office”)');
    await page.selectOption('[data-testid=figures-calendar-select]', '');
    await page.waitForFunction(() => !document.querySelector('[data-testid=figures-calendar]'));
    t.check('calendars: expected downtime counted in a calendar, as `nines eval --calendar`', ok,
      `${seconds} per month (CLI ${out.downtime.seconds.month} s); "${line}"`);
  });

  await t.step('calendars: editing the zone and hours gives the CLI figures for that calendar', async () => {
    const id = 'cal-hosting-contract';
    const before = squash(await page.textContent('[data-testid=service] .tiers-row'));
    await commit(page, `[data-testid=${id}-zone]`, 'America/New_York');
    await page.waitForFunction((s) => document.querySelector(`[data-testid=${s}-summary]`)?.textContent.includes('America/New_York'), id);
    await commit(page, `[data-testid=${id}-mon-0-from]`, '07:00');
    await page.waitForFunction((s) => document.querySelector(`[data-testid=${s}-summary]`)?.textContent.includes('Mon 07:00–18:00'), id);
    await page.click(`[data-testid=${id}-add-sat]`);
    await page.waitForFunction((s) => document.querySelector(`[data-testid=${s}-summary]`)?.textContent.includes('Sat 09:00–17:00'), id);
    await commit(page, `[data-testid=${id}-holiday-add]`, '2026-02-20');
    await page.waitForFunction((s) => document.querySelector(`[data-testid=${s}-summary]`)?.textContent.includes('2 holidays'), id);
    // The field empties itself; its change then (as a cleared date field's) adds nothing.
    await page.dispatchEvent(`[data-testid=${id}-holiday-add]`, 'change');
    const cleared = (await page.inputValue(`[data-testid=${id}-holiday-add]`)) === ''
      && !(await page.textContent('[data-testid=calendars]')).includes('expected a date');
    const edited = structuredClone(model);
    const cal = edited.calendars['hosting-contract'];
    cal.time_zone = 'America/New_York';
    cal.hours.mon = [['07:00', '18:00']];
    cal.hours.sat = [['09:00', '17:00']];
    cal.holidays.push('2026-02-20');
    const out = await evalCli(edited, 'hosting-edited.json');
    const service = out.contract.services[0];
    const line = squash(await page.textContent('[data-testid=service-calendar-server]'));
    const tiers = squash(await page.textContent('[data-testid=service] .tiers-row'));
    const credit = squash(await page.textContent('[data-testid=scenario-total-credit]'));
    const ok = line.includes(service.calendar.description) && service.calendar.description.includes('America/New_York')
      && service.tiers.every((tier) => tiers.includes(`(over ${tier.after})`)) && tiers !== before
      && credit === `${out.contract.scenario.total_credit} ${out.contract.currency}`
      && (await fullAvailability(page)) === out.percent && cleared;
    await page.locator('[data-testid=calendars]').screenshot({ path: t.path.join(t.artifacts, 'calendar-editor-1280.png') });
    t.check('calendars: editing the zone and hours gives the CLI figures for that calendar', ok,
      `"${service.calendar.description}": tiers ${service.tiers.map((x) => x.after).join(', ')}; credit ${credit} (CLI ${out.contract.scenario.total_credit})`);
    model.calendars = edited.calendars;
  });

  await t.step('calendars: a bad edit names its JSON path and keeps the model', async () => {
    const id = 'cal-hosting-contract';
    const summary = squash(await page.textContent(`[data-testid=${id}-summary]`));
    const full = await fullAvailability(page);
    await commit(page, `[data-testid=${id}-tue-0-to]`, '07:30');
    await page.waitForSelector(`[data-testid=${id}-error]`);
    const error = squash(await page.textContent(`[data-testid=${id}-error]`));
    const bad = structuredClone(model);
    bad.calendars['hosting-contract'].hours.tue = [['08:00', '07:30']];
    let cliError = '';
    try {
      await evalCli(bad, 'hosting-bad.json');
    } catch (e) {
      cliError = String(e.stderr ?? '');
    }
    await commit(page, `[data-testid=${id}-zone]`, 'Europe/Berln');
    const zoneError = squash(await page.textContent(`[data-testid=${id}-error]`));
    await page.click(`[data-testid=${id}-remove]`);
    await page.waitForFunction((s) => document.querySelector(`[data-testid=${s}-error]`)?.textContent.includes('sla.calendar'), id);
    const removeError = squash(await page.textContent(`[data-testid=${id}-error]`));
    const kept = squash(await page.textContent(`[data-testid=${id}-summary]`)) === summary && (await fullAvailability(page)) === full;
    await page.locator(`[data-testid=calendar-hosting-contract]`).screenshot({ path: t.path.join(t.artifacts, 'calendar-error-1280.png') });
    const expected = 'calendars.hosting-contract.hours.tue[0]: 08:00–07:30 ends before it starts';
    t.check('calendars: a bad edit names its JSON path and keeps the model',
      error.startsWith(expected) && cliError.includes(expected) && zoneError.startsWith('calendars.hosting-contract.time_zone: unknown time zone "Europe/Berln"')
        && removeError.startsWith('root.serial.children[0].component.sla.calendar: Managed server (One managed server, support Mon–Fri 08:00–18:00) is measured over calendar "hosting-contract", which the model\'s calendars do not define') && kept,
      `"${error}"; then "${zoneError}"; removing it: "${removeError}"; model kept: ${kept}`);
    await commit(page, `[data-testid=${id}-zone]`, 'America/New_York');
    await commit(page, `[data-testid=${id}-tue-0-to]`, '18:00');
  });

  let calcMonth = '';
  await t.step('calendars: the calculator in Mon–Fri 09:00–17:00 Europe/Berlin gives the CLI figures', async () => {
    const month = await page.inputValue('[data-testid=month]');
    calcMonth = month;
    await page.click('[data-testid=tab-calculator]');
    await page.selectOption('[data-testid=calc-calendar-mode]', 'hours');
    await commit(page, '[data-testid=calc-cal-zone]', 'Europe/Berlin');
    await page.waitForFunction(() => document.querySelector('[data-testid=calc-cal-summary]')?.textContent.includes('Europe/Berlin'));
    await page.fill('[data-testid=calc-percent]', '99.9');
    await page.fill('[data-testid=calc-allowed]', '10m');
    await page.waitForFunction(() => document.querySelector('[data-testid=calc-downtime] caption')?.textContent.includes('99.9%'));
    const hours = ['--hours', 'mon-fri 09:00-17:00', '--tz', 'Europe/Berlin'];
    const down = JSON.parse(t.execFileSync(cli, ['downtime', '99.9', '--month', month, ...hours, '--json'], { encoding: 'utf8' }));
    const up = JSON.parse(t.execFileSync(cli, ['downtime', '--allowed', '10m', '--per', 'month', '--month', month, ...hours, '--json'], { encoding: 'utf8' }));
    const row = '[data-testid=calc-downtime] tbody tr:first-child';
    const shown = await page.getAttribute(`${row} [data-testid=calc-month]`, 'title');
    const service = await page.getAttribute(`${row} [data-testid=calc-month-service]`, 'title');
    const plain = await page.getAttribute(`${row} [data-testid=calc-month-24x7]`, 'title');
    const yearShown = await page.getAttribute(`${row} [data-testid=calc-year]`, 'title');
    const required = await page.getAttribute('[data-testid=calc-required] tbody tr:first-child [data-testid=calc-required-service]', 'title');
    const ok = shown === down.text.month && plain === down.around_the_clock.text.month && yearShown === down.text.year
      && service.length > 0 && required === `${up.percent}% exactly`;
    await shot(t, page, 'calculator-hours-1280.png');
    t.check('calendars: the calculator in Mon–Fri 09:00–17:00 Europe/Berlin gives the CLI figures', ok,
      `${month}: ${shown} per month in ${service} of service (CLI ${down.text.month}), 24×7 ${plain} (CLI ${down.around_the_clock.text.month}); 10 min/month needs ${required} (CLI ${up.percent}%)`);
  });

  await t.step('calendars: a holiday outside the year asked is named inline, as the CLI refuses it', async () => {
    const month = calcMonth;
    const lastYear = `${Number(month.slice(0, 4)) - 1}-12-25`;
    await commit(page, '[data-testid=calc-cal-holiday-add]', lastYear);
    await page.waitForSelector('[data-testid=calc-cal-holiday-year]');
    const shown = squash(await page.textContent('[data-testid=calc-cal-holiday-year]'));
    const cliRun = t.spawnSync(cli, ['downtime', '99.9', '--month', month, '--holiday', lastYear], { encoding: 'utf8' });
    const figures = await page.$$eval('[data-testid=calc-downtime] tbody tr', (rows) => rows.length);
    await page.locator('.calc-calendar').screenshot({ path: t.path.join(t.artifacts, 'calculator-holiday-year-1280.png') });
    t.check('calendars: a holiday outside the year asked is named inline, as the CLI refuses it',
      shown.startsWith(`holidays[0]: ${lastYear} is not in ${month.slice(0, 4)}`) && cliRun.status === 2
        && cliRun.stderr.includes(`${lastYear} is not in`) && figures > 0,
      `"${shown}"; CLI exit ${cliRun.status}: ${cliRun.stderr.trim()}; ${figures} convention rows kept`);
  });
  await context.close();

  await t.step('calendars: a design naming zones waits for the table; a failed fetch offers Try again', async () => {
    const fresh = await t.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await fresh.newPage();
    let release;
    const held = new Promise((r) => { release = r; });
    let fetches = 0;
    await page.route('**/data/tz/zones.tsv', async (route) => {
      fetches += 1;
      if (fetches === 1) return route.abort();
      if (fetches === 2) await held;
      return route.continue();
    });
    await page.goto(t.base);
    await page.waitForSelector('[data-testid=availability]');
    const first = await fullAvailability(page);
    await page.selectOption('[data-testid=examples]', EXAMPLE);
    await page.waitForSelector('[data-testid=zones-failed]');
    const failed = squash(await page.textContent('[data-testid=zones-failed]'));
    const kept = (await fullAvailability(page)) === first;
    await page.locator('[data-testid=results]').screenshot({ path: t.path.join(t.artifacts, 'zones-failed-1280.png') });
    await page.click('[data-testid=zones-retry]');
    await page.waitForSelector('[data-testid=zones-loading]');
    const loading = squash(await page.textContent('[data-testid=zones-loading]'));
    release();
    await page.waitForSelector('[data-testid=loaded-notice]');
    const month = await page.inputValue('[data-testid=month]');
    const out = JSON.parse(t.execFileSync(cli, ['eval', t.path.join(t.root, 'data', 'examples', EXAMPLE), '--month', month, '--json'], { encoding: 'utf8' }));
    const loaded = await fullAvailability(page);
    await page.reload();
    await page.waitForFunction((p) => document.querySelector('[data-testid=availability]')?.dataset.full === p, out.percent, { timeout: 5000 });
    const restored = (await page.inputValue('[data-testid=model-name]')) === model.name;
    t.check('calendars: a design naming zones waits for the table; a failed fetch offers Try again',
      failed.includes('Try again') && kept && loading.startsWith('Loading the time-zone table for “Hosting contract') && loaded === out.percent && restored,
      `"${failed}"; then "${loading}"; then ${loaded}% (CLI ${out.percent}% for ${month}); the autosaved design comes back after a reload: ${restored}`);
    await fresh.close();
  });

  await t.step('calendars: on a 390 px phone the week grid and calculator fit', async () => {
    const phone = await open(t, 390, { label: 'calendars phone' });
    await example(phone.page, EXAMPLE);
    await phone.page.waitForSelector('[data-testid=calendar-office]');
    const problems = (await overflow(phone.page)).map((p) => `design: ${p}`);
    const grid = await phone.page.$eval('[data-testid=calendar-office] .week', (w) => {
      const box = w.getBoundingClientRect();
      return { right: box.right, inner: [...w.querySelectorAll('input, button')].every((e) => e.getBoundingClientRect().right <= box.right + 1) };
    });
    await phone.page.locator('[data-testid=calendars]').screenshot({ path: t.path.join(t.artifacts, 'calendar-editor-390.png') });
    await phone.page.click('[data-testid=tab-calculator]');
    await phone.page.selectOption('[data-testid=calc-calendar-mode]', 'hours');
    problems.push(...(await overflow(phone.page)).map((p) => `calculator: ${p}`));
    await shot(t, phone.page, 'calculator-hours-390.png');
    t.check('calendars: on a 390 px phone the week grid and calculator fit', problems.length === 0 && grid.inner && grid.right <= 390,
      problems.length ? problems.join('; ') : `week grid ends at ${Math.round(grid.right)} px of 390`);
    await phone.context.close();
  });

  await t.step('calendars: dark mode', async () => {
    const dark = await open(t, 1280, { dark: true, label: 'calendars dark' });
    await example(dark.page, EXAMPLE);
    await dark.page.waitForSelector('[data-testid=calendar-office]');
    await dark.page.locator('[data-testid=calendars]').screenshot({ path: t.path.join(t.artifacts, 'calendar-editor-dark-1280.png') });
    const colours = await dark.page.$eval('[data-testid=calendar-office] input.clock', (e) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]);
    t.check('calendars: dark mode', colours[0] !== colours[1], `clock fields ${colours.join(' on ')}`);
    await dark.context.close();
  });
}
