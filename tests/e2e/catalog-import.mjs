// Issue 14, web part: "Import catalog" — your own contracts, checked by nines-core, merged with
// the bundled catalog, kept in localStorage. Fixtures in tests/e2e/fixtures/.

import { open, shot, openAdd, newDesign, fullAvailability, menu } from './helpers.mjs';

const MINE = 'acme/hosting/dedicated-server';
const VMS = 'azure/virtual-machines/availability-zones';

/** Picks a fixture file in the add dialog's "Import catalog…" button. */
async function pick(t, page, file) {
  const buffer = await t.readFile(t.path.join(t.root, 'tests', 'e2e', 'fixtures', file));
  await page.setInputFiles('[data-testid=catalog-import-file]', { name: file, mimeType: 'application/json', buffer });
}

const text = async (page, selector) => ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();
const imported = (page) => page.$$eval('[data-testid=imported-catalog]', (els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
const entryFigure = (page, id) => page.textContent(`[data-testid=catalog-entry][data-id="${id}"] .figure`);

export async function catalogImport(t) {
  const { page, context } = await open(t, 1280, { label: 'catalog import' });

  await t.step('issue 14: a catalog of your own is imported, found in the picker and used in a design', async () => {
    await newDesign(page);
    await openAdd(page, '');
    await pick(t, page, 'acme-contracts.json');
    await page.waitForSelector('[data-testid=imported-catalog]');
    const listed = await imported(page);
    await page.fill('[data-testid=catalog-search]', 'acme dedicated');
    await page.click(`[data-testid=catalog-entry][data-id="${MINE}"]`);
    const origin = await text(page, `[data-testid=catalog-entry][data-id="${MINE}"] [data-testid=catalog-entry-origin]`);
    await shot(t, page, 'catalog-import-1280.png', false);
    await page.click('[data-testid=catalog-add]');
    await page.waitForSelector('[data-testid=add-dialog]', { state: 'detached' });
    await page.waitForSelector('[data-testid=availability]');
    const full = await fullAvailability(page);
    const footer = await text(page, 'footer');
    t.check('issue 14: a catalog of your own is imported, found in the picker and used in a design',
      listed.length === 1 && listed[0].includes('acme-contracts.json') && listed[0].includes('acme-2026.06 (2026-06-01)') && listed[0].includes('1 entry')
        && origin === 'yours · acme-contracts.json' && full === '99.5' && footer.includes(`SLA catalog ${t.catalogVersion} + acme-2026.06`),
      `listed "${listed[0]}"; badge "${origin}"; design at ${full}% (the contract's 99.5%); footer "…${footer.slice(-60)}"`);
  });

  await t.step('issue 14: the imported catalog is there after a reload', async () => {
    await page.reload();
    await page.waitForSelector('[data-testid=availability]');
    const full = await fullAvailability(page);
    const problems = await page.$$('[data-testid=model-problems]');
    await openAdd(page, '');
    const listed = await imported(page);
    t.check('issue 14: the imported catalog is there after a reload', full === '99.5' && problems.length === 0 && listed.length === 1,
      `design at ${full}%, ${problems.length} model problems, ${listed.length} imported catalog: "${listed[0]}"`);
  });

  await t.step('issue 14: an invalid catalog lists its problems with their paths and changes nothing', async () => {
    await pick(t, page, 'acme-invalid.json');
    await page.waitForSelector('[data-testid=catalog-import-problems]');
    const problems = await page.$$eval('[data-testid=catalog-import-problems] li', (els) => els.map((e) => e.textContent));
    const paths = await page.$$eval('[data-testid=catalog-import-problems] code.path', (els) => els.map((e) => e.textContent));
    const listed = await imported(page);
    await page.fill('[data-testid=catalog-search]', 'acme');
    const broken = await page.$$('[data-testid=catalog-entry][data-id="acme/hosting/broken"]');
    t.check('issue 14: an invalid catalog lists its problems with their paths and changes nothing',
      paths.join(',') === 'entries[0].credit_tiers[0].below,entries[1].id,entries[1].credit_tiers[0].below'
        && problems[0].includes('99.9% is above the commitment 99.5%') && listed.length === 1 && broken.length === 0,
      `${problems.length} problems: ${problems.join(' | ')}; still ${listed.length} imported catalog, no entry from the bad file`);
  });

  await t.step('issue 14: an id the catalog has is refused, then accepted with "replace"', async () => {
    await page.click('[data-testid=dismiss-problems]');
    await pick(t, page, 'acme-clash.json');
    await page.waitForSelector('[data-testid=catalog-import-problems]');
    const refused = await text(page, '[data-testid=catalog-import-problems]');
    await page.fill('[data-testid=catalog-search]', 'virtual machines zones');
    const before = (await entryFigure(page, VMS))?.trim();
    await page.check('[data-testid=catalog-import-replace]');
    await pick(t, page, 'acme-clash.json');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=imported-catalog]').length === 2);
    const after = (await entryFigure(page, VMS))?.trim();
    const listed = await imported(page);
    const gone = await page.$$('[data-testid=catalog-import-problems]');
    t.check('issue 14: an id the catalog has is refused, then accepted with "replace"',
      refused.includes(`entries[0].id: id "${VMS}" is already in catalog`) && before === '99.99%' && after === '99.995%'
        && listed[1].includes('replaces entries with the same id') && gone.length === 0,
      `refused: "${refused.slice(0, 120)}…"; ${VMS} ${before} → ${after} with replace; "${listed[1]}"`);
  });

  await t.step('issue 14: removing an imported catalog brings the bundled entry back', async () => {
    await page.click('[data-testid=imported-catalog]:nth-child(2) [data-testid=catalog-remove]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=imported-catalog]').length === 1);
    const back = (await entryFigure(page, VMS))?.trim();
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('nines.catalogs')).map((r) => r[0]));
    t.check('issue 14: removing an imported catalog brings the bundled entry back', back === '99.99%' && stored.join() === 'acme-contracts.json',
      `${VMS} back at ${back}; kept: ${stored.join(', ')}`);
    await page.keyboard.press('Escape');
  });
  await context.close();

  await t.step('issue 14: the import on a 390 px phone (dark)', async () => {
    const { page: phone, context: phoneContext } = await open(t, 390, { label: 'catalog import phone', dark: true });
    await menu(phone);
    await newDesign(phone);
    await openAdd(phone, '');
    await pick(t, phone, 'acme-contracts.json');
    await phone.waitForSelector('[data-testid=imported-catalog]');
    await phone.fill('[data-testid=catalog-search]', 'acme');
    await pick(t, phone, 'acme-invalid.json');
    await phone.waitForSelector('[data-testid=catalog-import-problems]');
    const overflowing = await phone.evaluate(() => [...document.querySelectorAll('[data-testid=catalog-import] *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).length);
    await shot(t, phone, 'catalog-import-390.png', false);
    t.check('issue 14: the import on a 390 px phone fits the screen', overflowing === 0, `${overflowing} elements past the right edge`);
    await phoneContext.close();
  });
}
