/**
 * axe-core on every main screen (tests/browser/helpers/screens.ts), on the
 * sample data with one bake and one assembly recorded, in the light and the dark theme, and in the states that lay
 * something over a screen: a toast with Undo, the Adjust dialog, a delete
 * confirmation, the new-supplier dialog, the product suggestions, a refused
 * import's report and a broken file's error. Any serious or critical
 * violation fails. At 320 px, no screen scrolls sideways. Production build,
 * 390x844 touch screen, one pantry for the whole file.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './helpers/axe';
import { call } from './helpers/browser';
import { PHONE, SMALL_PHONE, phoneTabs, seen, tap } from './helpers/phone';
import { MAIN_SCREENS, prepareSample, visit, type SampleIds } from './helpers/screens';

const tabs = phoneTabs({ perFile: true });
let page: Page;
let ids: SampleIds;

beforeAll(async () => {
  page = await tabs.open('', { hooks: true });
  await call(page, 'sample.load');
  ids = await prepareSample(page);
}, 120_000);

const screen = (name: string) => MAIN_SCREENS.find((s) => s.name === name)!;

test('the checker can fail: faint text, an image without words and a nameless button are reported', async () => {
  await visit(page, screen('more'), ids);
  await page.evaluate(() => {
    const bad = document.createElement('div');
    bad.id = 'planted';
    bad.innerHTML = '<p>faint</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button>';
    // Through the style object: the content security policy drops a style="" attribute, and the text would not be faint.
    Object.assign(bad.querySelector('p')!.style, { color: '#eee', background: '#fff' });
    document.querySelector('main')!.append(bad);
  });
  const found = await seriousViolations(page);
  await page.evaluate(() => document.getElementById('planted')!.remove());
  expect(found.map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['color-contrast', 'image-alt', 'button-name']));
});

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`${colorScheme} theme`, () => {
    beforeAll(async () => page.emulateMedia({ colorScheme }));

    test.each(MAIN_SCREENS.map((s) => [s.name, s] as const))('%s: nothing serious', async (_, main) => {
      await visit(page, main, ids);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('a toast with Undo over the ingredient page', async () => {
      await visit(page, screen('ingredient'), ids);
      await tap(page.getByRole('button', { name: /^Adjust/ }).first());
      const dialog = page.getByRole('dialog', { name: 'Adjust lot' });
      await dialog.getByLabel('How much to remove').fill('0.5');
      await tap(dialog.getByRole('button', { name: 'Save adjustment' }));
      const undo = page.locator('.toast').getByRole('button', { name: 'Undo', exact: true });
      await undo.focus();
      expect(await seriousViolations(page)).toEqual([]);
      await tap(undo);
      await seen(page.getByText(/^Undone: /));
    });

    test('the Adjust dialog open', async () => {
      await visit(page, screen('ingredient'), ids);
      await tap(page.getByRole('button', { name: /^Adjust/ }).first());
      await seen(page.getByRole('dialog', { name: 'Adjust lot' }));
      expect(await seriousViolations(page)).toEqual([]);
      await tap(page.getByRole('dialog').getByRole('button', { name: 'Cancel' }));
    });

    test('a delete confirmation open', async () => {
      const { items } = await call(page, 'pantry.listPurchases', { limit: 200 });
      const untouched = items.find((p) => p.canDelete)!;
      await visit(page, { name: 'purchase edit', hash: () => `#/pantry/purchases/${untouched.id}`, heading: 'Edit purchase' }, ids);
      await tap(page.getByRole('button', { name: 'Delete purchase' }));
      await seen(page.getByRole('dialog', { name: 'Delete this purchase?' }));
      expect(await seriousViolations(page)).toEqual([]);
      await tap(page.getByRole('dialog').getByRole('button', { name: 'Keep it' }));
    });

    test('the new-supplier dialog over the purchase form, and the product suggestions', async () => {
      await visit(page, screen('purchase'), ids);
      await tap(page.getByRole('combobox', { name: 'Product' }));
      await seen(page.locator('li[role="option"]').first());
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await tap(page.getByText('More: supplier, expiry, notes'));
      await page.getByLabel('Supplier', { exact: true }).selectOption('new');
      await seen(page.getByRole('dialog', { name: 'New supplier' }));
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
    });

    test('a refused import’s report and a broken file’s error, in Settings', async () => {
      await visit(page, screen('settings'), ids);
      const file = JSON.parse(readFileSync('/work/shared/fixtures/bake-tracker/sample_data_all.json', 'utf8')) as { products: { package_unit: string }[] };
      file.products[12]!.package_unit = 'bushel';
      const picker = page.getByLabel('Choose a backup file…');
      await picker.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await seen(page.getByText(/^Nothing was imported: 2 records/));
      await tap(page.getByText('Would be changed on the way in'));
      expect(await seriousViolations(page)).toEqual([]);
      await picker.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from('{"application": "bake-tr') });
      await seen(page.getByText(/^This file is incomplete/));
      await tap(page.getByText('Technical detail'));
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

describe('320 px wide', () => {
  test('no main screen scrolls sideways', async () => {
    await page.setViewportSize(SMALL_PHONE);
    const wide: string[] = [];
    for (const main of MAIN_SCREENS) {
      await visit(page, main, ids);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) wide.push(`${main.name}: ${overflow} px too wide`);
    }
    await page.setViewportSize(PHONE);
    expect(wide).toEqual([]);
  });
});
