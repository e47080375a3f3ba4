/**
 * Bringing in a Bake Tracker backup on a phone (issue 8): a broken file is
 * explained in a baker's words with the parser's text behind "Technical
 * detail"; the real backup's report leads with what came in and what needs
 * attention (156 lots without a price, and where to add them), names records
 * rather than paths, and the welcome screen then leads on to the pantry
 * instead of still offering the sample. Importing it again says "nothing
 * new". Production build, 390x844 touch screen, real files, real taps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { call } from './helpers/browser';
import { phoneTabs, seen, tap } from './helpers/phone';

const BACKUP = readFileSync('/work/shared/fixtures/bake-tracker/sample_data_all.json');
const TEXT = BACKUP.toString('utf8');
const tabs = phoneTabs();
let page: Page;

beforeEach(async () => {
  page = await tabs.open('', { hooks: true });
  await seen(page.getByRole('heading', { name: 'Welcome to Bake Planner' }));
});

/** Picks a file on the welcome screen's "Import a backup" card. */
async function importOnWelcome(name: string, buffer: Buffer): Promise<void> {
  await tap(page.getByRole('button', { name: 'Import a backup file' }));
  await page.getByLabel('Choose a backup file…').setInputFiles({ name, mimeType: 'application/json', buffer });
}

const tableCounts = () => call(page, 'pantry.overview', {}).then((rows) => rows.length);

describe('a broken file', () => {
  test('a backup cut off part-way: “This file is incomplete”, the parser’s words only under Technical detail, and nothing imported', async () => {
    await importOnWelcome('backup.json', Buffer.from(TEXT.slice(0, 141_710)));
    const alert = page.getByRole('alert');
    await seen(alert.getByText(/^This file is incomplete: it ends part-way through/));
    expect(await alert.innerText()).toMatch(/Nothing was imported\./);
    const detail = alert.getByText(/Unterminated string in JSON/);
    expect(await detail.isVisible()).toBe(false);
    await tap(alert.getByText('Technical detail'));
    await seen(detail);
    expect(await call(page, 'catalog.isEmpty')).toBe(true);
    expect(await tableCounts()).toBe(0);
  });

  test('a photo picked by mistake: “not text at all”, without garbage characters on screen', async () => {
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256));
    await importOnWelcome('IMG_2041.json', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), bytes]));
    const alert = page.getByRole('alert');
    await seen(alert.getByText(/^This is not a Bake Tracker backup: it is not text at all/));
    expect(await alert.locator('.error').innerText()).not.toMatch(/[\uFFFD]/);
    expect(await call(page, 'catalog.isEmpty')).toBe(true);
  });
});

describe('the real backup', () => {
  test('the report leads with what came in and the 156 lots without a price; the welcome screen leads to the pantry and to adding prices', async () => {
    await importOnWelcome('sample_data_all.json', BACKUP);
    const done = page.getByRole('region', { name: 'Your Bake Tracker backup is in' });
    await seen(done);
    await seen(done.getByText('Imported 6 suppliers, 413 ingredients, 156 products, 156 pantry lots, 21 packaging materials, 26 packaging products and 20 recipes.'));
    // The choices that no longer apply are gone, not left above the report.
    expect(await page.getByRole('button', { name: 'Explore sample data' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Start empty' }).count()).toBe(0);
    await seen(done.getByRole('link', { name: 'Open your pantry' }));

    const attention = done.getByRole('region', { name: 'Needs your attention' });
    await seen(attention.getByText(/^156 pantry lots came without a price/));
    // What shows without opening anything names no path, no slug, and no kind the app never shows.
    const visible = await done.evaluate((el) => (el as HTMLElement).innerText);
    expect(visible).not.toMatch(/\[\d+\]|_slug|Material Products/);
    // Changes on the way in are by name, grouped, with the path as a detail.
    await tap(done.getByText('Changed on the way in'));
    await seen(done.getByText('4 ingredients were four levels deep and moved up one', { exact: false }));
    const almonds = done.getByRole('listitem').filter({ hasText: 'Almonds, whole' }).first();
    expect((await almonds.innerText()).replace(/\s+/g, ' ')).toMatch(/^Almonds, whole: It sat under Almonds, a fourth level; it now sits beside it, under Tree Nuts\. in the file at ingredients\[409\]\.parent_slug$/);

    // On to the prices: one entered, one fewer left, and the dashboard says how many remain.
    await tap(done.getByRole('link', { name: 'Add prices to 156 lots' }));
    await seen(page.getByRole('heading', { name: 'Lots without a price' }));
    await seen(page.getByText('156 lots without a price.'));
    const first = page.getByRole('list', { name: 'Lots without a price' }).getByRole('listitem').first();
    const product = (await first.locator('.product').innerText()).trim();
    await first.getByLabel(/^Price of one/).fill('18.99');
    await tap(first.getByRole('button', { name: /^Save/ }));
    await seen(page.getByText(`${product}: $18.99 a package, saved.`));
    await seen(page.getByText('155 lots without a price.'));
    await page.evaluate(() => (location.hash = '#/dashboard'));
    await seen(page.getByRole('link', { name: '155 lots have no price: add prices' }));
    expect(await page.getByText('$0.00').count()).toBe(0);
  });

  test('importing it again from Settings: “Nothing new”, and no changes or prices to report', async () => {
    await importOnWelcome('sample_data_all.json', BACKUP);
    await seen(page.getByRole('region', { name: 'Your Bake Tracker backup is in' }));
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByLabel('Choose a backup file…').setInputFiles({ name: 'sample_data_all.json', mimeType: 'application/json', buffer: BACKUP });
    await seen(page.getByText('Nothing new: everything in this file is already here (798 records).'));
    expect(await page.getByText(/Imported 0|changed on the way in|Needs your attention/i).count()).toBe(0);
  });

  test('the sample chosen after an import says what it added (its bakery, not the pantry again), not “Sample loaded: 0 ingredients, 0 purchases”', async () => {
    await importOnWelcome('sample_data_all.json', BACKUP);
    await seen(page.getByRole('region', { name: 'Your Bake Tracker backup is in' }));
    await page.evaluate(() => (location.hash = '#/dashboard'));
    await seen(page.getByRole('heading', { name: 'Dashboard' }));
    await page.evaluate(() => (location.hash = '#/welcome'));
    await tap(page.getByRole('button', { name: 'Explore sample data' }));
    await seen(page.getByText('Sample loaded: 6 purchases, 24 yields, 3 goods and 1 event.'));
    expect(await page.getByText(/Sample loaded: 0/).count()).toBe(0);
  });
});
