/**
 * Every purchase is reachable from the Purchases list (issue 8), not only the
 * latest 100: the list says how many there are, brings the next ones as its
 * end scrolls into view, and a search and filters (ingredient, supplier, a
 * range of days) narrow it, kept in the URL so a reload keeps them.
 * Production build, 390x844 touch screen, real taps.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { call } from './helpers/browser';
import { phoneTabs, seen, tap } from './helpers/phone';

const tabs = phoneTabs();
let page: Page;

/** 130 purchases over 130 days of 2025: flour, sugar and butter in turn; every other one from Costco; one note about stollen. */
beforeEach(async () => {
  page = await tabs.open('', { hooks: true });
  const costco = await call(page, 'catalog.createSupplier', { name: 'Costco' });
  const products = [];
  for (const [ingredient, brand, name] of [['Bread flour', 'King Arthur', 'Bread Flour'], ['Sugar', 'Domino', 'Granulated'], ['Butter', 'Kerrygold', 'Salted']]) {
    const { id } = await call(page, 'catalog.createIngredient', { name: ingredient! });
    products.push(await call(page, 'catalog.createProduct', { ingredientId: id, brand, name: name!, packageQuantity: 1, packageUnit: 'lb' }));
  }
  const day = new Date(Date.UTC(2025, 0, 1));
  for (let i = 0; i < 130; i++) {
    await call(page, 'pantry.recordPurchase', {
      productId: products[i % 3]!.id,
      packages: 1,
      pricePerPackage: 3 + i / 100,
      purchasedOn: day.toISOString().slice(0, 10),
      supplierId: i % 2 === 0 ? costco.id : null,
      notes: i === 7 ? 'for the holiday stollen' : '',
    });
    day.setUTCDate(day.getUTCDate() + 1);
  }
  await page.evaluate(() => (location.hash = '#/pantry/purchases'));
  await seen(page.getByRole('heading', { name: 'Purchases', exact: true }));
});

const rows = () => page.locator('table.purchases tbody tr');
const status = () => page.getByRole('status').filter({ hasText: /purchase/ });

describe('the purchases list on a phone', () => {
  test('130 purchases: it says so, and scrolling on brings them all, down to the first, Jan 1, 2025', async () => {
    await seen(status().getByText('Showing 50 of 130 purchases, newest first.'));
    expect(await rows().count()).toBe(50);
    for (let shown = 50; shown < 130; ) {
      // The baker's thumb reaches the end of the list.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      shown = Math.min(130, shown + 50);
      await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(shown);
    }
    await seen(status().getByText('130 purchases, newest first.'));
    expect(await rows().last().innerText()).toContain('Jan 1, 2025');
    expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0);
  });

  test('a search for “stollen” finds the one purchase with that note; clearing it brings all back', async () => {
    await page.getByLabel('Search purchases').fill('stollen');
    await seen(status().getByText('1 purchase, newest first.'));
    expect(await rows().count()).toBe(1);
    expect(await rows().first().innerText()).toContain('Jan 8, 2025');
    expect(await page.evaluate(() => location.hash)).toBe('#/pantry/purchases?q=stollen');
    await page.getByLabel('Search purchases').fill('');
    await seen(status().getByText('Showing 50 of 130 purchases, newest first.'));
  });

  test('filters: butter from Costco in February 2025, kept in the URL and through a reload', async () => {
    await tap(page.getByText('Filters', { exact: true }));
    const ingredient = page.getByRole('combobox', { name: 'Ingredient' });
    await ingredient.fill('butt');
    await tap(page.getByRole('option', { name: /^Butter/ }));
    await seen(page.getByRole('heading', { name: 'Purchases of Butter' }));
    await seen(status().getByText('43 purchases, newest first.'));
    await page.getByLabel('Supplier').selectOption({ label: 'Costco' });
    await page.getByLabel('From').fill('2025-02-01');
    await page.getByLabel('To').fill('2025-02-28');
    // Butter is every third purchase from Jan 3, Costco every other one from Jan 1: in February, every sixth day from the 2nd.
    await seen(status().getByText('5 purchases, newest first.'));
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toMatch(/^#\/pantry\/purchases\?ingredient=\d+&supplier=\d+&from=2025-02-01&to=2025-02-28$/);
    await page.reload();
    await seen(page.getByRole('heading', { name: 'Purchases of Butter' }));
    expect(await page.getByLabel('From').inputValue()).toBe('2025-02-01');
    await seen(status().getByText('5 purchases, newest first.'));
    expect(await rows().locator('.sub').allInnerTexts()).toEqual(['Feb 26, 2025 · Costco', 'Feb 20, 2025 · Costco', 'Feb 14, 2025 · Costco', 'Feb 8, 2025 · Costco', 'Feb 2, 2025 · Costco']);
  });
});
