/**
 * A finger on the purchase form (issue 8): picking a suggestion only fills
 * the product, wherever it sits in the list and whatever sits under it, and
 * nothing is saved until Save is tapped; "+ Create a new product" opens the
 * new product and stays open; the list does not open by itself over
 * Packages, Price and Save. Production build, touch screens 390 and 320 px
 * wide, real taps (tap() fails when a click lands anywhere but on what was
 * tapped).
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { call } from './helpers/browser';
import { PHONE, SMALL_PHONE, phoneTabs, seen, tap } from './helpers/phone';

const tabs = phoneTabs();
let page: Page;

/** Five products bought before, newest last, with names long enough to wrap on a phone. */
const BOUGHT = [
  ['Flour, all-purpose', 'King Arthur', 'Unbleached All-Purpose Flour', 25, 'lb', 18.99],
  ['Sugar, granulated', 'Domino', 'Pure Cane Granulated Sugar', 4, 'lb', 4.29],
  ['Butter, unsalted', 'Kirkland Signature', 'Unsalted Sweet Cream Butter Quarters', 1, 'lb', 4.99],
  ['Chocolate chips, semi-sweet', 'Nestlé Toll House', 'Semi-Sweet Morsels Family Size', 24, 'oz', 7.49],
  ['Vanilla extract', 'Nielsen-Massey', 'Madagascar Bourbon Pure Vanilla Extract', 4, 'fl oz', 15.99],
] as const;

beforeEach(async () => {
  page = await tabs.open('', { hooks: true });
  let day = 1;
  for (const [ingredient, brand, name, size, unit, price] of BOUGHT) {
    const { id } = await call(page, 'catalog.createIngredient', { name: ingredient });
    const product = await call(page, 'catalog.createProduct', { ingredientId: id, brand, name, packageQuantity: size, packageUnit: unit });
    await call(page, 'pantry.recordPurchase', { productId: product.id, packages: 1, pricePerPackage: price, purchasedOn: `2026-03-0${day++}` });
  }
});

const purchaseCount = async () => (await call(page, 'pantry.listPurchases', { limit: 1 })).total;
const product = () => page.getByRole('combobox', { name: 'Product' });
/** The type-ahead's own options (a <select>'s options have that role too). */
const suggestions = () => page.locator('li[role="option"]');

async function openForm(): Promise<void> {
  await page.evaluate(() => (location.hash = '#/pantry/purchase'));
  await seen(page.getByRole('heading', { name: 'Record a purchase' }));
}

describe('a finger on the purchase form', () => {
  for (const screen of [PHONE, SMALL_PHONE]) {
    test(`${screen.width} px: tapping each of the recent products fills the product only; nothing is saved until Save`, async () => {
      await page.setViewportSize(screen);
      const before = await purchaseCount();
      await openForm();
      for (let position = 0; position < BOUGHT.length; position++) {
        // Another product instead: empty the box, and the recent ones are offered again.
        if (position > 0) await product().fill('');
        await tap(product());
        await expect.poll(() => suggestions().count()).toBe(BOUGHT.length + 1);
        const option = suggestions().nth(position);
        const name = (await option.locator('.name').innerText()).trim();
        await tap(option);

        await expect.poll(() => product().inputValue()).toBe(name);
        await seen(page.getByText(/package of /));
        expect(await suggestions().first().isVisible()).toBe(false);
        // Time for a stray save to reach the worker, then nothing more is in the pantry.
        await page.waitForTimeout(300);
        expect(await purchaseCount()).toBe(before);
        expect(await page.getByText(/^Saved: /).count()).toBe(0);
        expect(await page.evaluate(() => location.hash)).toBe('#/pantry/purchase');
      }
      // The last one picked is saved by Save, once.
      await tap(page.getByRole('button', { name: 'Save purchase' }));
      await seen(page.getByText(/^Saved: /));
      expect(await purchaseCount()).toBe(before + 1);
    });

    test(`${screen.width} px: “+ Create a new product” from the recent list opens a new product, and it stays open`, async () => {
      await page.setViewportSize(screen);
      await openForm();
      await tap(product());
      await tap(page.getByRole('option', { name: '+ Create a new product' }));
      const group = page.getByRole('group', { name: 'New product' });
      await seen(group);
      await page.waitForTimeout(300);
      expect(await group.isVisible()).toBe(true);
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent)).toBe('New product');
    });
  }

  test('the suggestions open when the product box is tapped or typed in, not by themselves over Packages, Price and Save', async () => {
    await openForm();
    // The box has focus, ready for typing, but the list stays shut.
    await expect.poll(() => product().evaluate((box) => box === document.activeElement)).toBe(true);
    await page.waitForTimeout(300);
    expect(await product().getAttribute('aria-expanded')).toBe('false');
    for (const name of ['Packages', 'Price per package']) {
      const box = page.getByLabel(name, { exact: true });
      expect(await box.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
      })).toBe(true);
    }
    await tap(page.getByRole('button', { name: 'Save purchase' }));
    await seen(page.getByText('Pick a product, or create a new one from the list.'));

    // Typing opens it; a pick closes it; after a save the box has focus again with the list shut.
    await product().fill('vanilla');
    await expect.poll(() => product().getAttribute('aria-expanded')).toBe('true');
    await tap(page.getByRole('option', { name: /Madagascar/ }));
    expect(await product().getAttribute('aria-expanded')).toBe('false');
    await tap(page.getByRole('button', { name: 'Save purchase' }));
    await seen(page.getByText(/^Saved: /));
    await expect.poll(() => product().evaluate((box) => box === document.activeElement)).toBe(true);
    expect(await product().getAttribute('aria-expanded')).toBe('false');
  });
});
