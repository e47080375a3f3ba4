/**
 * A baker moves their bakery between devices with Settings > Export and
 * Import, on the production build at a phone's size with real taps: the
 * sample bakery exported from one browser profile imports into a fresh
 * profile with the same content, after its dry-run report; a bad file shows
 * the report with the problem's place in the file and changes nothing.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { call } from './helpers/browser';
import { phoneTabs, seen, tap } from './helpers/phone';

const tabs = phoneTabs();
const open = (hash: string) => tabs.open(hash, { hooks: true });

/** The database's export as text, its time left out. */
async function content(page: Page): Promise<string> {
  const bytes = await page.evaluate(async () => Array.from(await window.__bakePlanner!.rpc.call('snapshot.export')));
  return new TextDecoder().decode(new Uint8Array(bytes)).replace(/"exported_at": "[^"]*"/, '');
}

/** The file exported from the first profile, imported into the second (tests run in order, each in a fresh profile). */
let exported: { name: string; bytes: Buffer } | null = null;
let exportedContent = '';

describe('Settings > Export and Import', { timeout: 120_000 }, () => {
  test('Export saves the whole database as a dated JSON file', async () => {
    const page = await open('#/settings');
    await call(page, 'sample.load');
    const [download] = await Promise.all([page.waitForEvent('download'), tap(page.getByRole('button', { name: 'Export (JSON)' }))]);
    expect(download.suggestedFilename()).toMatch(/^bake-planner-\d{4}-\d{2}-\d{2}\.json$/);
    exported = { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
    expect(JSON.parse(exported.bytes.toString('utf8'))).toMatchObject({ format: 'bake-planner-snapshot', format_version: 1 });
    exportedContent = await content(page);
    expect(exported.bytes.toString('utf8').replace(/"exported_at": "[^"]*"/, '')).toBe(exportedContent);
  });

  test('in a fresh profile, Import shows the dry-run report, then imports on confirmation: the same content', async () => {
    expect(exported).not.toBeNull();
    const page = await open('#/settings');
    await page.getByLabel('Choose a file to import…').setInputFiles({ name: exported!.name, mimeType: 'application/json', buffer: exported!.bytes });
    await seen(page.getByText(/^Dry run, nothing written/));
    expect(await call(page, 'settings.get')).toMatchObject({ currencyChosen: false });
    await tap(page.getByRole('button', { name: 'Import', exact: true }));
    // Every record is new to the fresh profile, so the report says what came in and nothing about records already here.
    // The demo's event comes with its first bake and bags.
    await seen(page.getByText(/^Imported \d+ suppliers, .*, 1 event, 1 bake and 1 assembly\.$/).first());
    expect(await page.getByText(/already here\.$/).count()).toBe(0);
    expect(await content(page)).toBe(exportedContent);
  });

  test('a bad file shows the report with the problem and its place, and changes nothing', async () => {
    const page = await open('#/settings');
    await call(page, 'sample.load');
    const before = await content(page);
    const bad = {
      format: 'bake-planner-snapshot',
      format_version: 1,
      ingredients: [{ name: 'Rye flour' }],
      recipes: [{ name: 'Rye bread', ingredients: [{ ingredient: 'rye-flour', quantity: 2, unit: 'cupz' }] }],
    };
    await page.getByLabel('Choose a file to import…').setInputFiles({ name: 'rye.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await seen(page.getByText('recipes[0].ingredients[0].unit').first());
    await expect.poll(() => page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    // Not JSON at all: one sentence in the baker's words, the parser's behind "Technical detail", nothing imported.
    await page.getByLabel('Choose a file to import…').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('flour, 2 cups') });
    await seen(page.getByRole('alert').filter({ hasText: 'This is not a Bake Planner export or Bake Tracker backup: it holds text' }));
    await seen(page.getByText('Technical detail'));
    expect(await content(page)).toBe(before);
  });
});
