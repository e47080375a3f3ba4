/**
 * Screenshots of every screen at phone (390x844) and desktop (1280x800)
 * sizes (the recipe editor and goods builder also at 320x640), light and dark, from the production build in headless Chromium.
 * Writes PNGs to screenshots/ (gitignored) for a person to look at.
 *
 *   npm run screenshots            (builds first)
 *   npm run screenshots -- phone   only the phone set below (touch, 320 and 390 px)
 *   npm run screenshots -- make    only Make (bake, assemble, runs, shelf), touch, 320x640 and 390x844
 *   npm run screenshots -- shop    only Shop and the event's progress, likewise
 *
 * It starts `vite preview` itself on its own port, opens the app with an empty
 * database (first-run screen), loads the sample data through the UI, then
 * visits each screen by its URL.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { preview } from 'vite';
import { call, keepWorkerBusy, waitForWorker } from '../browser/helpers/browser';
import { toolPath } from '../setup/test-browsers';
import { corruptLogRecord } from '../browser/helpers/idb';
import { buildApp } from '../browser/helpers/server';

// Its own port, so it does not meet a developer's running preview; SCREENSHOT_PORT picks another when two runs share a machine.
const port = Number(process.env.SCREENSHOT_PORT ?? 4187);
const outDir = 'screenshots';

const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;
/** The narrowest phone, for the screens with the most on a line (the recipe editor, the goods builder). */
const smallPhone = { name: 'phone-320', width: 320, height: 640 } as const;
const schemes = ['light', 'dark'] as const;

/** `at`: start the picture a little above this element instead of at the top of the page. */
async function shoot(page: Page, name: string, at?: Locator, { small = false }: { small?: boolean } = {}): Promise<void> {
  for (const viewport of small ? [smallPhone, ...viewports] : viewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(150);
      // Whole page, but long lists are cut at two screens: enough to judge, small enough to look at.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const top = at ? Math.max(0, Math.floor(((await at.boundingBox())?.y ?? 0) - 16)) : 0;
      const clip = { x: 0, y: top, width: viewport.width, height: Math.min(height - top, viewport.height * 2) };
      await page.screenshot({ path: `${outDir}/${name}-${viewport.name}-${scheme}.png`, fullPage: true, clip });
    }
  }
  console.log(`  ${name}`);
}

async function visit(page: Page, hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
}

/**
 * Settings' storage safety, in a context of its own opened with `?test-hooks` (they write known rows,
 * damage a saved change and fill the disk): the banner and recovery report after a damaged change, the
 * discard and restore dialogs, a refused restore, a full disk, and a second tab saving through the
 * first, also while the first is busy.
 */
async function shootStorageSafety(browser: Browser): Promise<void> {
  const hooks = `http://localhost:${port}/?test-hooks`;
  const context = await browser.newContext({ viewport: viewports[0], deviceScaleFactor: 1 });
  // tsx keeps function names with a `__name` helper that page.evaluate's copies of the IndexedDB helpers lack.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const open = async (hash: string) => {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`${hooks}${hash}`);
    await waitForWorker(page);
    return page;
  };
  const touch = (page: Page, label: string, value: number) => call(page, 'system.touch', { label, value });

  const first = await open('#/settings');
  // Four saved changes after the database's own; butter's (the third) then rots on disk.
  const { lastSeq } = await call(first, 'system.storageStatus');
  for (const [label, value] of [['flour', 1000], ['sugar', 500], ['butter', 250], ['eggs', 12]] as const) await touch(first, label, value);
  await corruptLogRecord(first, lastSeq + 3);
  await first.close();
  const page = await open('#/pantry');
  await page.getByText('Some saved changes were set aside').waitFor();
  await shoot(page, 'banner-recovery');
  await visit(page, '#/settings', 'text=2 set-aside records');
  await shoot(page, 'settings-recovery');
  await page.getByRole('button', { name: 'Discard set-aside records…' }).click();
  await page.getByRole('dialog').waitFor();
  await shoot(page, 'settings-discard');
  await page.getByRole('button', { name: 'Discard them' }).click();
  await page.getByText('Nothing set aside').waitFor();
  await shoot(page, 'settings-discarded');

  const restore = page.getByRole('heading', { name: 'Restore from a backup' });
  await page.getByLabel('Choose a backup to restore…').setInputFiles({
    name: 'pantry.sqlite',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('flour 2 bags\n'.repeat(100)),
  });
  await page.getByRole('dialog').waitFor();
  await shoot(page, 'settings-restore-confirm');
  await page.getByRole('button', { name: 'Replace everything' }).click();
  await page.getByText(/Nothing was changed/).waitFor();
  await shoot(page, 'settings-restore-error', restore);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('region', { name: 'Backup and restore' }).getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  await page.getByLabel('Choose a backup to restore…').setInputFiles(await download.path());
  await page.getByRole('button', { name: 'Replace everything' }).click();
  await page.getByText('Everything now comes from').waitFor();
  await shoot(page, 'settings-restore-done', restore);

  await call(page, 'system.failNextWrite', { name: 'QuotaExceededError' });
  await page.getByLabel('Show money in').selectOption('EUR');
  await page.getByText('Not saved: this device is out of storage space').waitFor();
  await shoot(page, 'banner-quota');
  await page.getByRole('alert').filter({ hasText: 'Not saved' }).getByRole('button', { name: 'Dismiss' }).click();

  const second = await open('#/settings');
  await second.getByText('Saving through your other Bake Planner tab.').waitFor();
  await shoot(second, 'settings-follower', second.getByRole('heading', { name: 'Storage' }));
  // The first tab's worker is kept busy for 12 s; the second tab's change waits and, after 5 s, says so.
  const spell = await keepWorkerBusy(page, 12_000);
  const answered = touch(second, 'milk', 1);
  await second.getByText('Your other Bake Planner tab is not answering').waitFor({ timeout: 15_000 });
  await shoot(second, 'banner-waiting');
  await Promise.all([spell.over, answered]);
  await context.close();
}

/**
 * The two banners a new version or a full disk bring at opening: a tab of this build after a tab of
 * the next version (built into dist/next, served from the same origin; service workers blocked, as
 * each build's would claim the other's pages) took the database over, and an opening whose first
 * checkpoint does not fit on the disk.
 */
async function shootUpdateAndFullDisk(browser: Browser): Promise<void> {
  const base = `http://localhost:${port}/`;
  buildApp('test-hooks', { outDir: 'dist/next', base: '/next/', version: '999.0.0' });
  const context = await browser.newContext({ viewport: viewports[0], deviceScaleFactor: 1, serviceWorkers: 'block' });
  const old = await context.newPage();
  await old.goto(`${base}?test-hooks#/dashboard`);
  await waitForWorker(old);
  const next = await context.newPage();
  await next.goto(`${base}next/?test-hooks`);
  await old.getByText('Bake Planner was updated in another tab').waitFor();
  await shoot(old, 'banner-updated');
  await context.close();

  const full = await browser.newContext({ viewport: viewports[0], deviceScaleFactor: 1 });
  const page = await full.newPage();
  await page.goto(`${base}?test-hooks&full-disk-checkpoints#/dashboard`);
  await page.getByText('Storage is full on this device').waitFor();
  await shoot(page, 'banner-storage-full');
  await full.close();
}

/**
 * The catalog and purchase management screens, on the sample pantry: a new ingredient (picking its
 * group, then a density missing a part), an ingredient that cannot be deleted, products, the
 * purchases list, purchases being corrected (one of them used) and deleted, and the suppliers,
 * including adding one from the purchase form.
 */
async function shootCatalog(page: Page): Promise<void> {
  await visit(page, '#/pantry/ingredient/new', 'text=New ingredient');
  await page.getByLabel('Name').fill('Almond flour');
  await page.getByRole('combobox', { name: 'Sits in' }).fill('flour');
  await page.getByRole('option').first().waitFor();
  await shoot(page, 'ingredient-new-parent');
  await page.getByRole('option').first().click();
  await page.getByLabel('Volume amount').fill('1');
  await page.getByRole('button', { name: 'Add ingredient' }).click();
  await page.getByText('the weight amount is missing').waitFor();
  await shoot(page, 'ingredient-new-error');

  await visit(page, '#/pantry?q=all-purpose', 'table.data-table a');
  await page.locator('table.data-table a').first().click();
  await page.getByRole('heading', { name: 'Products' }).waitFor();
  const ingredientPage = await page.evaluate(() => location.hash);
  // One lot drawn from, so its purchase is "used".
  await page.getByRole('button', { name: /^Adjust/ }).first().click();
  await page.getByRole('dialog').getByLabel('How much to remove').fill('1');
  await page.getByRole('dialog').getByRole('button', { name: 'Save adjustment' }).click();
  await page.getByText(/^Removed 1 /).first().waitFor();
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByRole('heading', { name: /^Edit / }).waitFor();
  // In use, so its Delete button is disabled with the reason beside it (shown in this picture).
  await page.getByText('it can be deleted once nothing uses it').first().waitFor();
  await shoot(page, 'ingredient-edit');

  await visit(page, ingredientPage, 'text=Latest purchases');
  await page.getByRole('region', { name: 'Products' }).getByRole('link', { name: /^Edit / }).first().click();
  await page.getByRole('heading', { name: 'Edit product' }).waitFor();
  await shoot(page, 'product-edit');
  await visit(page, ingredientPage, 'text=Latest purchases');
  await page.getByRole('link', { name: 'Add a product' }).click();
  await page.getByRole('heading', { name: 'New product' }).waitFor();
  await shoot(page, 'product-new');

  await visit(page, '#/pantry/purchases', 'table.data-table');
  await shoot(page, 'purchases');
  await page.getByRole('row').filter({ hasText: 'Used' }).first().getByRole('link', { name: /^Edit/ }).click();
  await page.getByRole('heading', { name: 'Edit purchase' }).waitFor();
  await shoot(page, 'purchase-edit-used');
  await visit(page, '#/pantry/purchases', 'table.data-table');
  await page.getByRole('row').filter({ hasNotText: 'Used' }).nth(1).getByRole('link', { name: /^Edit/ }).click();
  await page.getByRole('heading', { name: 'Edit purchase' }).waitFor();
  await page.getByLabel('Packages').fill('0');
  await page.getByRole('button', { name: 'Save purchase' }).click();
  await page.getByText('must be more than zero').waitFor();
  await shoot(page, 'purchase-edit-error');
  await page.getByRole('button', { name: 'Delete purchase' }).click();
  await page.getByRole('dialog').waitFor();
  await shoot(page, 'purchase-delete-confirm');
  await page.keyboard.press('Escape');

  await visit(page, '#/pantry/suppliers', 'text=Add a supplier');
  await shoot(page, 'suppliers');
  const taken = await page.locator('.suppliers .name').first().evaluate((el) => el.firstChild?.textContent?.trim() ?? '');
  await page.getByRole('link', { name: 'Add a supplier' }).click();
  await page.getByLabel('Supplier name').fill(taken.toUpperCase());
  await page.getByRole('button', { name: 'Add supplier' }).click();
  await page.getByText('There is already a supplier called').waitFor();
  await shoot(page, 'supplier-new-error');
  await visit(page, '#/pantry/suppliers', 'text=Add a supplier');
  await page.getByRole('link', { name: /^Edit / }).first().click();
  await page.getByRole('button', { name: /activate$/ }).waitFor();
  await shoot(page, 'supplier-edit');

  await visit(page, '#/pantry/purchase', 'text=Record a purchase');
  await page.getByText('More: supplier, expiry, notes').click();
  await page.getByLabel('Supplier', { exact: true }).selectOption('new');
  await page.getByRole('dialog', { name: 'New supplier' }).waitFor();
  await shoot(page, 'purchase-new-supplier');
  await page.keyboard.press('Escape');
}

/**
 * Recipes, goods and packaging on the sample bakery: the recipe list, a recipe with lines flagged for a
 * missing density, the recipe editor with its live preview (and a line being picked), a yield, the goods
 * list, the gift box with its nested tin exploded and costed, the goods builder adding a line, and the
 * packaging pages beside the pantry.
 */
async function shootRecipesAndGoods(page: Page): Promise<void> {
  await visit(page, '#/recipes', 'text=Anzac Cookies');
  await shoot(page, 'recipes');
  await page.getByRole('link', { name: /^Anzac Cookies/ }).click();
  await page.getByText('Set a density for Oats, rolled').first().waitFor();
  const anzac = await page.evaluate(() => location.hash);
  await shoot(page, 'recipe-flagged');
  await visit(page, `${anzac}/edit`, 'text=Ingredients per batch');
  await page.getByText('Set a density for Oats, rolled').first().waitFor();
  await shoot(page, 'recipe-editor', undefined, { small: true });
  await page.getByRole('button', { name: 'Add a sub-recipe' }).click();
  await page.getByRole('combobox', { name: 'Sub-recipe 1', exact: true }).fill('bliss');
  await page.locator('[role=listbox]:not([hidden]) [role=option]').first().waitFor();
  await shoot(page, 'recipe-editor-subrecipe', page.getByRole('heading', { name: 'Sub-recipes' }), { small: true });
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Sub-recipe 1', exact: true }).fill('');
  await page.getByRole('button', { name: 'Remove sub-recipe 1' }).click();
  await visit(page, '#/recipes', 'text=Lemon Bliss Cake');
  await page.getByRole('link', { name: /^Lemon Bliss Cake/ }).click();
  await page.getByRole('heading', { name: 'What a batch yields' }).waitFor();
  await page.getByRole('link', { name: /^Edit Lemon bliss cake slice/ }).click();
  await page.getByText('Percent of a batch').waitFor();
  await shoot(page, 'yield-editor');

  await visit(page, '#/goods', 'text=Holiday gift box');
  await shoot(page, 'goods');
  await page.getByRole('link', { name: /^Holiday gift box/ }).click();
  await page.getByTestId('exploded').waitFor();
  await page.getByText('Breakdown').click();
  const gift = await page.evaluate(() => location.hash);
  await shoot(page, 'good');
  await visit(page, `${gift}/edit`, 'text=What goes in one');
  await page.getByTestId('exploded').waitFor();
  await shoot(page, 'goods-builder', undefined, { small: true });
  await page.getByRole('group', { name: 'Add' }).getByText('Packaging', { exact: true }).click();
  await page.getByRole('combobox', { name: /^Find / }).fill('seal');
  await page.locator('[role=listbox]:not([hidden]) [role=option]').first().waitFor();
  await shoot(page, 'goods-builder-add', page.getByRole('group', { name: 'Add' }), { small: true });
  await page.keyboard.press('Escape');

  await visit(page, '#/materials', 'text=Ribbon Curling 3-16');
  await shoot(page, 'materials');
  await page.getByRole('link', { name: /^Ribbon Curling 3-16/ }).click();
  await page.getByRole('heading', { name: 'On hand' }).waitFor();
  await shoot(page, 'material');
  await page.getByRole('link', { name: 'Record a purchase' }).click();
  await page.getByRole('heading', { name: 'Record a packaging purchase' }).waitFor();
  await shoot(page, 'material-purchase');
}

/** The narrowest phone and a common one, held as a baker holds them: touch, portrait. */
const phones = [
  { name: '320', width: 320, height: 568 },
  { name: '390', width: 390, height: 844 },
] as const;

/**
 * What is on screen (not the whole page: overlays are the point) at both phone sizes, light and dark;
 * `at` is scrolled to the middle of the screen first, at each size.
 */
async function shootPhones(page: Page, name: string, at?: Locator): Promise<void> {
  for (const phone of phones) {
    await page.setViewportSize({ width: phone.width, height: phone.height });
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      if (at) await at.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(150);
      await page.screenshot({ path: `${outDir}/phone-${name}-${phone.name}-${scheme}.png` });
    }
  }
  console.log(`  phone-${name}`);
}

/**
 * The phone set (issue 8), in a touch context with real taps: the purchase
 * form with its suggestions open, a toast with Undo, a Bake Tracker import's
 * report, a broken file's error, and the Adjust dialog at 320 px.
 */
async function shootPhoneSet(browser: Browser): Promise<void> {
  const phoneContext = () => browser.newContext({ viewport: phones[1], isMobile: true, hasTouch: true, locale: 'en-US', deviceScaleFactor: 1 });
  // A Bake Tracker backup on the first-run screen: cut short first, then whole.
  const importing = await phoneContext();
  let page = await importing.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://localhost:${port}/`);
  await page.getByRole('button', { name: 'Import a backup file' }).tap();
  const backup = readFileSync('/work/shared/fixtures/bake-tracker/sample_data_all.json');
  await page.getByLabel('Choose a backup file…').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup.subarray(0, 141_710) });
  await page.getByText('This file is incomplete').waitFor();
  await page.getByText('Technical detail').tap();
  await shootPhones(page, 'broken-file', page.getByRole('alert'));
  await page.getByLabel('Choose a backup file…').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
  await page.getByText('Your Bake Tracker backup is in').waitFor({ timeout: 60_000 });
  await shootPhones(page, 'import-report');
  await page.getByText('Changed on the way in').tap();
  await shootPhones(page, 'import-report-changes', page.getByText('Changed on the way in'));
  await page.getByRole('link', { name: /^Add prices to/ }).tap();
  await page.getByRole('heading', { name: 'Lots without a price' }).waitFor();
  await shootPhones(page, 'lot-prices');
  await visit(page, '#/dashboard', 'text=pantry value');
  await shootPhones(page, 'dashboard-unpriced');
  await importing.close();

  // The sample pantry: purchases to suggest, lots to adjust.
  const sample = await phoneContext();
  page = await sample.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://localhost:${port}/`);
  await page.getByRole('button', { name: 'Explore sample data' }).tap();
  await page.waitForURL(/#\/pantry/, { timeout: 60_000 });
  await visit(page, '#/pantry/purchase', 'text=Record a purchase');
  await shootPhones(page, 'purchase');
  await page.getByRole('combobox', { name: 'Product' }).tap();
  const suggestions = page.locator('li[role="option"]');
  await suggestions.first().waitFor();
  await shootPhones(page, 'purchase-suggestions');
  await suggestions.nth(1).tap();
  await page.getByText(/package of /).waitFor();
  await shootPhones(page, 'purchase-picked');
  await page.getByRole('button', { name: 'Save purchase' }).tap();
  await page.getByText(/^Saved: /).waitFor();
  await shootPhones(page, 'purchase-saved');

  await visit(page, '#/pantry?q=all-purpose', 'table.data-table a');
  await page.locator('table.data-table a').first().tap();
  await page.getByRole('button', { name: /^Adjust/ }).first().tap();
  await page.getByRole('dialog').waitFor();
  await shootPhones(page, 'adjust');
  await page.getByRole('dialog').getByLabel('How much to remove').fill('1');
  await page.getByRole('dialog').getByRole('button', { name: 'Save adjustment' }).tap();
  const undo = page.locator('.toast').getByRole('button', { name: 'Undo', exact: true });
  await undo.waitFor();
  // Focus holds the toast while it is photographed.
  await undo.focus();
  await shootPhones(page, 'toast-undo');
  await undo.tap();
  await page.getByText(/^Undone: /).waitFor();
  await shootPhones(page, 'adjustments-undone', page.getByRole('heading', { name: 'Adjustments' }));

  await visit(page, '#/pantry/purchases', 'table.data-table');
  await page.getByText('Filters', { exact: true }).tap();
  await shootPhones(page, 'purchases-filters');
  await sample.close();
}

/** The phones of the Make and Shop sets: the narrowest at its own short height, and a common one. */
const kitchenPhones = [
  { name: '320', width: 320, height: 640 },
  { name: '390', width: 390, height: 844 },
] as const;

/** The whole page, cut at two screens, at both kitchen phones, light and dark; `at`: start a little above it. */
async function shootKitchen(page: Page, name: string, at?: Locator): Promise<void> {
  for (const phone of kitchenPhones) {
    await page.setViewportSize({ width: phone.width, height: phone.height });
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(150);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const top = at ? Math.max(0, Math.floor(((await at.boundingBox())?.y ?? 0) - 16)) : 0;
      const clip = { x: 0, y: top, width: phone.width, height: Math.min(height - top, phone.height * 2) };
      await page.screenshot({ path: `${outDir}/${name}-${phone.name}-${scheme}.png`, fullPage: true, clip });
    }
  }
  console.log(`  ${name}`);
}

/**
 * The screens a baker uses most in December, on the sample bakery in a touch context with real taps
 * (`npm run screenshots -- make` or `-- shop` for one half): Make (a bake's pre-check, short and
 * enough, the recorded run, an assembly with its components, the undo confirmation, a refused undo,
 * the runs with cost per lot, the shelf) and Shop (the list with ticks, by aisle, on paper), then the
 * event's progress on the dashboard and in its workspace (opened from a dashboard figure at its
 * "Can we box it?", and its Shop, boxing and Progress sections), as a draft and in production.
 */
async function shootKitchenSet(browser: Browser, which: 'make' | 'shop' | 'both'): Promise<void> {
  const context = await browser.newContext({ viewport: kitchenPhones[1], isMobile: true, hasTouch: true, locale: 'en-US', deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(`http://localhost:${port}/#/welcome`);
  await page.getByRole('button', { name: 'Explore sample data' }).tap();
  await page.waitForURL(/#\/pantry/, { timeout: 60_000 });
  // The "Sample loaded" toast would sit over every picture below.
  await page.locator('.toast').getByRole('button', { name: 'Dismiss' }).tap();

  if (which !== 'shop') {
    // The sample opens with its own first bake and six cookie bags, so the Make tab is never empty on it.
    await visit(page, '#/make', 'text=Latest runs');
    await shootKitchen(page, 'make-home');
    await visit(page, '#/make/bake', 'text=Which recipe came out of the oven?');
    await page.getByRole('link', { name: /Almond Biscotti/ }).waitFor();
    await shootKitchen(page, 'make-bake-pick');
    // Brownies: the sample's batch of trees left too little butter for a second batch.
    await page.getByRole('link', { name: /Almond Flour Brownies/ }).tap();
    await page.getByText('Before you bake').waitFor();
    await page.getByLabel('How many came out').fill('14');
    await page.getByLabel('Why some were lost').selectOption('broken');
    await page.getByText('2 of 16 lost').waitFor();
    await shootKitchen(page, 'make-bake-form');
    await page.getByLabel('Batches').fill('3');
    await page.getByText(/^Short /).first().waitFor();
    await shootKitchen(page, 'make-bake-short');
    await page.getByLabel('Batches').fill('1');
    await page.getByText('Enough').first().waitFor();
    await page.getByRole('button', { name: 'Record bake' }).tap();
    await page.getByRole('heading', { name: 'What it used, lot by lot' }).waitFor();
    await shootKitchen(page, 'make-run-bake');

    await visit(page, '#/make/assemble', 'text=What are you putting together?');
    await page.getByRole('link', { name: /Cookie bag/ }).waitFor();
    await shootKitchen(page, 'make-assemble-pick');
    await page.getByRole('link', { name: /Cookie bag/ }).tap();
    await page.getByText('What goes in').waitFor();
    await page.getByLabel('How many').fill('20');
    await page.getByText(/^Short /).first().waitFor();
    await shootKitchen(page, 'make-assemble-short');
    await page.getByLabel('How many').fill('2');
    const assemble = page.getByRole('button', { name: 'Assemble 2 Cookie bag' });
    await assemble.waitFor();
    await shootKitchen(page, 'make-assemble-form');
    await assemble.tap();
    await page.getByRole('heading', { name: 'What it used, lot by lot' }).waitFor();
    await shootKitchen(page, 'make-run-assembly');
    await page.getByRole('button', { name: 'Undo this assembly' }).tap();
    await page.getByRole('dialog').waitFor();
    await shootPhones(page, 'make-undo-confirm');
    await page.keyboard.press('Escape');

    await visit(page, '#/make/runs', 'text=Runs');
    await shootKitchen(page, 'make-runs');
    await page.getByRole('link', { name: /Pecan shortbread tree/ }).tap();
    await page.getByText(/undo th(at|ose \d+) assembl(y|ies) first/).waitFor();
    await shootKitchen(page, 'make-run-bake-blocked');
    await visit(page, '#/make/assemble', 'text=What are you putting together?');
    await page.getByRole('link', { name: /Holiday gift box/ }).tap();
    await page.getByText('What goes in').waitFor();
    await shootKitchen(page, 'make-assemble-packaging');
    await page.getByLabel('Assemble without packaging').tap();
    await shootKitchen(page, 'make-assemble-bypass');
    await visit(page, '#/make/stock', 'text=On the shelf');
    await shootKitchen(page, 'make-stock');
  }

  if (which !== 'make') {
    await visit(page, '#/shop', 'text=in the basket');
    await shootKitchen(page, 'shop');
    const boxes = page.getByRole('checkbox');
    await boxes.nth(0).tap();
    await boxes.nth(2).tap();
    await page.getByText(/2 of \d+ in the basket/).first().waitFor();
    await shootKitchen(page, 'shop-ticked');
    await page.getByRole('link', { name: 'By aisle' }).tap();
    await page.getByText(/2 of \d+ in the basket/).first().waitFor();
    await shootKitchen(page, 'shop-aisle');
    // Paper gets the list alone, in ink.
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await page.screenshot({ path: `${outDir}/shop-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await visit(page, '#/dashboard', 'text=Next event');
    await shootKitchen(page, 'progress-dashboard', page.getByText('Next event'));
    // A good's figure opens the workspace at "Can we box it?" (the screen as it lands), then steps 4 to 6 whole.
    await page.locator('main').getByRole('link', { name: 'Cookie bag', exact: true }).first().tap();
    await page.waitForFunction(() => document.activeElement?.id === 'boxing-title');
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${outDir}/progress-event-landed-390.png` });
    await shootKitchen(page, 'progress-event-sections', page.getByRole('heading', { name: 'Shop', exact: true }));
    await visit(page, '#/plan', 'text=Holiday 2026');
    await page.getByRole('link', { name: 'Holiday 2026' }).tap();
    await page.getByText('Ingredients and cost').waitFor();
    await shootKitchen(page, 'progress-event');
    // Locked, then in production: the workspace sets what was baked and boxed against the plan.
    for (const step of ['Lock the plan', 'Start production']) {
      await page.getByRole('button', { name: step }).tap();
      await page.getByRole('dialog').getByRole('button', { name: /^Yes, / }).tap();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
    }
    await page.getByRole('heading', { name: 'Planned against actual' }).waitFor();
    await shootKitchen(page, 'progress-event-production', page.getByRole('heading', { name: 'Planned against actual' }));
    await shootKitchen(page, 'progress-event-production-sections', page.getByRole('heading', { name: 'Shop', exact: true }));
  }
  await context.close();
}

const server = await preview({ preview: { port, strictPort: true }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: toolPath('chromium'),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  await mkdir(outDir, { recursive: true });
  const only = process.argv[2];
  if (only === 'make' || only === 'shop') await shootKitchenSet(browser, only);
  else await shootPhoneSet(browser);
  if (only === undefined) await shootKitchenSet(browser, 'both');
  if (only === undefined) {
    const context = await browser.newContext({ viewport: viewports[0], deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    // Moving on from a form with unsaved typing asks first; the tour always leaves.
    page.on('dialog', (d) => void d.accept());
    await page.goto(`http://localhost:${port}/`);
    await page.getByRole('heading', { name: 'Welcome to Bake Planner' }).waitFor();
    await shoot(page, 'welcome');
    await visit(page, '#/pantry', 'text=Your pantry is empty');
    await shoot(page, 'pantry-empty');
    await visit(page, '#/dashboard', 'text=Nothing in your pantry yet');
    await shoot(page, 'dashboard-empty');

    // A Bake Tracker backup imported from the first-run screen, in a second, empty browser context.
    const importContext = await browser.newContext({ viewport: viewports[0], deviceScaleFactor: 1 });
    const importPage = await importContext.newPage();
    await importPage.goto(`http://localhost:${port}/`);
    await importPage.getByRole('button', { name: 'Import a backup file' }).click();
    await importPage.locator('input[type=file]').setInputFiles('/work/shared/fixtures/bake-tracker/sample_data_all.json');
    await importPage.getByText('Your Bake Tracker backup is in').waitFor({ timeout: 60_000 });
    await shoot(importPage, 'welcome-imported');
    await importContext.close();

    await visit(page, '#/welcome', 'text=Explore with sample data');
    await page.getByRole('button', { name: 'Explore sample data' }).click();
    await page.waitForURL(/#\/pantry/, { timeout: 60_000 });
    await page.locator('table.data-table').first().waitFor();
    await shoot(page, 'pantry-stock');

    await visit(page, '#/pantry?view=all', 'details summary');
    await page.locator('details summary').first().click();
    await shoot(page, 'pantry-tree');
    await visit(page, '#/pantry?q=choc&view=all', 'text=Chocolate');
    await shoot(page, 'pantry-search');

    await visit(page, '#/pantry?q=all-purpose', 'table.data-table a');
    await page.locator('table.data-table a').first().click();
    await page.locator('figure svg').waitFor();
    await shoot(page, 'ingredient');

    await page.getByRole('button', { name: /^Adjust/ }).first().click();
    await page.getByRole('dialog').waitFor();
    await shoot(page, 'adjust');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Edit measures' }).click();
    await page.getByLabel('Weight amount').fill('');
    await page.getByRole('button', { name: 'Save measures' }).click();
    await page.getByText('the weight amount is missing').waitFor();
    await page.getByRole('heading', { name: 'Measures' }).scrollIntoViewIfNeeded();
    await shoot(page, 'measures-error');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await visit(page, '#/pantry/purchase', 'text=Record a purchase');
    await shoot(page, 'purchase');
    await page.getByRole('combobox', { name: 'Product' }).fill('flour');
    await page.getByRole('option').first().waitFor();
    await shoot(page, 'purchase-typeahead');
    await page.getByRole('option', { name: /Create product/ }).click();
    await page.getByText('New product').waitFor();
    await shoot(page, 'purchase-new-product');

    await shootRecipesAndGoods(page);
    await shootCatalog(page);

    await visit(page, '#/dashboard', 'text=ingredients in stock');
    await shoot(page, 'dashboard');
    await context.setOffline(true);
    await page.getByText('Offline', { exact: true }).waitFor();
    await shoot(page, 'dashboard-offline');
    await context.setOffline(false);
    await visit(page, '#/settings', 'text=Database schema');
    await shoot(page, 'settings');
    await shootStorageSafety(browser);
    await shootUpdateAndFullDisk(browser);
    await visit(page, '#/plan', 'text=Holiday 2026');
    await shoot(page, 'plan');
    await page.getByRole('link', { name: 'Holiday 2026' }).click();
    await page.getByText('Ingredients and cost').waitFor();
    await shoot(page, 'plan-event');
    await visit(page, '#/plan/new', 'text=Event name');
    await shoot(page, 'plan-event-new');
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
