/**
 * An adjustment made by mistake and undone leaves the pantry as if it never
 * happened (issue 8): the undo reads with a date in the baker's words, on
 * one line, and the purchase is not "Used", so it can still be deleted.
 * Production build, 390x844 touch screen, real taps.
 */
import { describe, expect, test } from 'vitest';
import { call } from './helpers/browser';
import { phoneTabs, seen, tap } from './helpers/phone';

const tabs = phoneTabs();

describe('an adjustment undone', () => {
  test('3 eggs thrown away by mistake and undone: “Undoes … of Mar 2, 2026” on one line; the carton is not “Used” and can be deleted', async () => {
    const page = await tabs.open('', { hooks: true });
    const eggs = await call(page, 'catalog.createIngredient', { name: 'Eggs' });
    const carton = await call(page, 'catalog.createProduct', { ingredientId: eggs.id, brand: 'Farm', name: 'Large eggs', packageQuantity: 12, packageUnit: 'each' });
    const { lot } = await call(page, 'pantry.recordPurchase', { productId: carton.id, packages: 1, pricePerPackage: 3.6, purchasedOn: '2026-03-02' });
    await call(page, 'pantry.adjustLot', { lotId: lot.id, quantity: 3, unit: 'each', reason: 'spoilage', adjustedOn: '2026-03-02' });
    await page.evaluate((id) => (location.hash = `#/pantry/ingredient/${id}`), eggs.id);

    const list = page.getByRole('region', { name: 'Adjustments' });
    await tap(list.getByRole('button', { name: /^Undo removing 3 each/ }));
    await seen(page.getByText('Undone: 3 each is back in the lot.'));
    const undoRow = list.getByRole('row').filter({ hasText: 'Undoes' });
    await seen(undoRow);
    const why = await undoRow.getByText(/^Undoes/).innerText();
    expect(why.replace(/\s+/g, ' ').trim()).toBe('Undoes “Spoiled or thrown away” of Mar 2, 2026');
    expect(await list.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // The date never breaks across lines on a phone.
    expect(await undoRow.locator('[data-label="Why"]').getByText('Mar 2, 2026', { exact: true }).evaluate((date) => date.getClientRects().length)).toBe(1);

    // The purchase is as good as untouched: not "Used", and deletable.
    await page.evaluate(() => (location.hash = '#/pantry/purchases'));
    const row = page.getByRole('row', { name: /Farm Large eggs/ });
    await seen(row);
    expect(await row.getByText('Used').count()).toBe(0);
    await tap(row.getByRole('link', { name: /^Edit/ }));
    const remove = page.getByRole('button', { name: 'Delete purchase' });
    await seen(remove);
    expect(await remove.isDisabled()).toBe(false);
    await tap(remove);
    await tap(page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }));
    await seen(page.getByText('Deleted the purchase of Farm Large eggs from Mar 2, 2026.'));
    expect((await call(page, 'pantry.listPurchases', {})).total).toBe(0);
    expect((await call(page, 'pantry.ingredientStock', { ingredientId: eggs.id })).lots).toEqual([]);
  });
});
