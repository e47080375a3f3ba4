/**
 * On the narrowest phone the app is laid out for (320x568, touch), what the
 * baker needs next is on screen and not under something pinned (issue 8):
 * the purchase form's Date sits above its pinned Save bar, and the Adjust
 * dialog's Save is in view without scrolling the dialog. Production build,
 * real taps.
 */
import { describe, expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { call } from './helpers/browser';
import { SMALL_PHONE, phoneTabs, seen, tap } from './helpers/phone';

const tabs = phoneTabs({ viewport: SMALL_PHONE });

/** Whether a finger at the middle of `element` would touch it (nothing pinned over it), and all of it is on screen. */
function inReach(element: Locator): Promise<boolean> {
  return element.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return box.top >= 0 && box.bottom <= window.innerHeight && !!hit && el.contains(hit);
  });
}

describe('320 px wide, 568 px tall', () => {
  test('the purchase form shows Product, Packages, Price and Date above the pinned Save bar, and Save', async () => {
    const page = await tabs.open('#/pantry/purchase');
    await seen(page.getByRole('heading', { name: 'Record a purchase' }));
    for (const field of [page.getByRole('combobox', { name: 'Product' }), page.getByLabel('Packages'), page.getByLabel('Price per package'), page.getByLabel('Date', { exact: true })]) {
      expect(await inReach(field), String(field)).toBe(true);
    }
    expect(await inReach(page.getByRole('button', { name: 'Save purchase' }))).toBe(true);
  });

  test('the Adjust dialog shows Save without scrolling it, and saving from there works', async () => {
    const page = await tabs.open('', { hooks: true });
    const eggs = await call(page, 'catalog.createIngredient', { name: 'Eggs' });
    const carton = await call(page, 'catalog.createProduct', { ingredientId: eggs.id, brand: 'Farm', name: 'Large eggs', packageQuantity: 12, packageUnit: 'each' });
    await call(page, 'pantry.recordPurchase', { productId: carton.id, packages: 1, pricePerPackage: 3.6 });
    await page.evaluate((id) => (location.hash = `#/pantry/ingredient/${id}`), eggs.id);
    await tap(page.getByRole('region', { name: 'In the pantry' }).getByRole('button', { name: /^Adjust/ }));
    const dialog = page.getByRole('dialog', { name: 'Adjust lot' });
    await seen(dialog);
    const save = dialog.getByRole('button', { name: 'Save adjustment' });
    expect(await inReach(save)).toBe(true);
    expect(await inReach(dialog.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await dialog.getByLabel('How much to remove').fill('2');
    await tap(save);
    await seen(page.getByText('Removed 2 each.'));
  });
});
