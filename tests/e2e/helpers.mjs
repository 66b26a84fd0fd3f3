// Helpers for the end-to-end flows: opening pages, building designs through the add dialog,
// reading what the page shows.

/** A page in a fresh context at `width` (a phone below 500 px), watched for console errors
 * and requests to other origins (console errors matching `expected` are the test's own doing);
 * `before(page)` runs before the navigation, and with `wait` false the results need not
 * appear. */
export async function open(t, width, { dark = false, label = `${width}px`, hash = '', wait = true, before, expected } = {}) {
  const phone = width < 500;
  const context = await t.browser.newContext({
    viewport: { width, height: phone ? 844 : 900 },
    deviceScaleFactor: phone ? 2 : 1,
    colorScheme: dark ? 'dark' : 'light',
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.base.replace(/\/$/, '') });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !expected?.test(msg.text())) t.consoleErrors.push(`${label}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => t.consoleErrors.push(`${label}: ${error.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(t.base) && !url.startsWith('data:') && !url.startsWith('blob:')) t.foreign.push(url);
  });
  if (before) await before(page);
  await page.goto(`${t.base}${hash}`);
  if (wait) await page.waitForSelector('[data-testid=results]', { timeout: 10000 });
  return { page, context };
}

export const shot = (t, page, name, full = true) =>
  page.screenshot({ path: t.path.join(t.artifacts, name), fullPage: full });

export async function availabilityText(page) {
  return (await page.textContent('[data-testid=availability]'))?.trim();
}

export async function fullAvailability(page) {
  return page.getAttribute('[data-testid=availability]', 'data-full');
}

export async function waitForFull(page, predicate, arg) {
  await page.waitForFunction(
    ([source, a]) => {
      const full = document.querySelector('[data-testid=availability]')?.dataset.full;
      return new Function('full', 'a', `return (${source})(full, a)`)(full, a);
    },
    [predicate.toString(), arg],
    { timeout: 5000 },
  );
}

/** Opens the add dialog on the group at `path` (its "+" in the diagram). */
export async function openAdd(page, groupPath) {
  await page.click(`[data-testid=frame-add][data-add="${groupPath}"]`);
  await page.waitForSelector('[data-testid=add-dialog]');
}

/** Adds the catalog entry `id` (found by `query`) to the group at `groupPath`. */
export async function addCatalog(page, groupPath, query, id) {
  await openAdd(page, groupPath);
  await page.fill('[data-testid=catalog-search]', query);
  await page.click(`[data-testid=catalog-entry][data-id="${id}"]`);
  await page.click('[data-testid=catalog-add]');
  await page.waitForSelector('[data-testid=add-dialog]', { state: 'detached' });
}

/** Adds something from the dialog's other tab (`add-custom`, `add-group-parallel`, …). */
export async function addOther(page, groupPath, testid, dataId) {
  await openAdd(page, groupPath);
  await page.click('[data-testid=add-tab-other]');
  await page.click(dataId ? `[data-testid=${testid}][data-id="${dataId}"]` : `[data-testid=${testid}]`);
  await page.waitForSelector('[data-testid=add-dialog]', { state: 'detached' });
}

/** The diagram's parts: `data-path` of every frame and block. */
export async function diagramPaths(page) {
  return page.$$eval('[data-testid=diagram] [data-path]', (els) => els.map((e) => `${e.dataset.testid}:${e.dataset.path}`));
}

export async function blockNames(page) {
  return page.$$eval('[data-testid=block] .rbd-name', (els) => els.map((e) => e.textContent));
}

export async function newDesign(page) {
  await page.click('[data-testid=new]');
  await page.waitForSelector('[data-testid=empty-state]');
}

/** Opens the toolbar menu on a phone (no-op on a desktop). */
export async function menu(page) {
  if (await page.isVisible('[data-testid=menu-toggle]')) {
    if ((await page.getAttribute('[data-testid=menu-toggle]', 'aria-expanded')) !== 'true') {
      await page.click('[data-testid=menu-toggle]');
    }
  }
}

/** Loads a bundled example by its file name. */
export async function example(page, file) {
  await menu(page);
  await page.selectOption('[data-testid=examples]', file);
  await page.waitForSelector('[data-testid=loaded-notice]');
}

/** Relative luminance of a CSS colour `rgb(r, g, b)`. */
export function luminance(css) {
  const [r, g, b] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** Whether any element of `selector` sticks out of the panel it sits in, or the page scrolls
 * sideways. */
export async function overflow(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('table, canvas, svg.rbd, svg.timeline, .panel')) {
      let box = el.closest('.table-scroll, .diagram-scroll, .timeline-box, .chart-box, .visually-hidden');
      if (el.classList.contains('panel')) box = document.body;
      if (!box) box = el.closest('.panel') ?? document.body;
      if (box.classList?.contains('visually-hidden')) continue;
      const a = el.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      const clipped = ['auto', 'scroll', 'hidden'].includes(getComputedStyle(box).overflowX);
      if (!clipped && a.right > b.right + 1) out.push(`${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} ${Math.round(a.right - b.right)} px`);
    }
    const page = document.documentElement.scrollWidth - window.innerWidth;
    if (page > 0) out.push(`page ${page} px`);
    return out;
  });
}
