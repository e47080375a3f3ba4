/**
 * A baker on a phone manages the catalog and corrects purchases through the
 * real screens of the production build: a new ingredient with its density,
 * an ingredient that cannot be deleted because a product uses it, a purchase
 * whose packages were miscounted, and a used purchase that cannot be
 * deleted. The starting pantry is set up through the app's own RPC client
 * (test hooks); everything checked is done by tapping the screens.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { call } from './helpers/browser';
import { phoneTabs, seen, tap } from './helpers/phone';

const tabs = phoneTabs();
let page: Page;
beforeEach(async () => {
  page = await tabs.open('', { hooks: true });
});

async function go(hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

/** The text a field's aria-describedby points at: its hint and its error. */
function description(field: Locator): Promise<string> {
  return field.evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** Baking > Flours > Bread flour, with a 5 lb bag of King Arthur bread flour. */
async function flourShelf() {
  const baking = await call(page, 'catalog.createIngredient', { name: 'Baking' });
  const flours = await call(page, 'catalog.createIngredient', { name: 'Flours', parentId: baking.id });
  const bread = await call(page, 'catalog.createIngredient', { name: 'Bread flour', parentId: flours.id });
  const bag = await call(page, 'catalog.createProduct', { ingredientId: bread.id, brand: 'King Arthur', name: 'Bread Flour', packageQuantity: 5, packageUnit: 'lb' });
  return { baking, flours, bread, bag };
}

describe('catalog and purchase management on a phone', () => {
  test('a new ingredient, almond flour in Flours, where 1 cup weighs 96 g; a density missing its weight is refused at that part first', async () => {
    await flourShelf();
    await go('#/pantry?view=all');
    await tap(page.getByRole('link', { name: 'New ingredient', exact: true }));
    await seen(page.getByRole('heading', { name: 'New ingredient' }));

    await page.getByLabel('Name').fill('Almond flour');
    await page.getByRole('combobox', { name: 'Sits in' }).fill('flo');
    await tap(page.getByRole('option', { name: /^Flours/ }));
    await page.getByLabel('Volume amount').fill('1');
    await page.getByLabel('Volume unit').selectOption('cup');
    await page.getByLabel('Weight unit').selectOption('g');
    await tap(page.getByRole('button', { name: 'Add ingredient' }));

    await seen(page.getByText('A density needs all four parts: the weight amount is missing.'));
    expect(await page.getByLabel('Weight amount').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Name').inputValue()).toBe('Almond flour');
    expect(await page.getByRole('combobox', { name: 'Sits in' }).inputValue()).toBe('Flours');

    await page.getByLabel('Weight amount').fill('96');
    await tap(page.getByRole('button', { name: 'Add ingredient' }));
    await seen(page.getByText('Added Almond flour to Flours.'));
    await seen(page.getByRole('heading', { name: 'Almond flour', level: 1 }));
    await seen(page.getByRole('navigation', { name: 'Where this ingredient sits' }).getByRole('link', { name: 'Flours' }));
    await seen(page.getByText('1 cup weighs 96 g'));
  });

  test('renaming brown sugar keeps its density exactly as saved (1 cup weighs 7.0547 oz), though the form shows it rounded', async () => {
    const sugar = await call(page, 'catalog.createIngredient', {
      name: 'Brown sugar',
      density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 7.0547, weightUnit: 'oz' },
    });
    await go(`#/pantry/ingredient/${sugar.id}/edit`);
    expect(await page.getByLabel('Weight amount').inputValue()).toBe('7.055');
    await page.getByLabel('Name').fill('Brown sugar, light');
    await tap(page.getByRole('button', { name: 'Save ingredient' }));
    await seen(page.getByText('Saved Brown sugar, light.'));

    const saved = await call(page, 'catalog.getIngredient', { id: sugar.id });
    expect(saved).toMatchObject({ name: 'Brown sugar, light', density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 7.0547, weightUnit: 'oz' } });
  });

  test('cocoa powder with a product cannot be deleted: the button is disabled, the screen says why, and cocoa powder is still there', async () => {
    const cocoa = await call(page, 'catalog.createIngredient', { name: 'Cocoa powder' });
    await call(page, 'catalog.createProduct', { ingredientId: cocoa.id, brand: 'Ghirardelli', name: 'Unsweetened Cocoa', packageQuantity: 8, packageUnit: 'oz' });
    await go(`#/pantry/ingredient/${cocoa.id}`);
    await tap(page.getByRole('link', { name: 'Edit', exact: true }));
    await seen(page.getByRole('heading', { name: 'Edit Cocoa powder' }));
    // Said before trying, next to a button that cannot be pressed…
    const reason = 'Cocoa powder has 1 product: it can be deleted once nothing uses it.';
    await seen(page.getByText(reason).first());
    const button = page.getByRole('button', { name: 'Delete ingredient' });
    expect(await button.isDisabled()).toBe(true);
    expect(await button.evaluate((b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent)).toBe(reason);

    // …and the worker refuses it too, naming what uses it.
    const refused = await page.evaluate(
      (id) => window.__bakePlanner!.rpc.call('catalog.deleteIngredient', { id }).then(() => null, (e: Error) => e.message),
      cocoa.id,
    );
    expect(refused).toBe('Cocoa powder cannot be deleted: it has 1 product.');
    expect((await call(page, 'catalog.getIngredient', { id: cocoa.id })).name).toBe('Cocoa powder');
    expect(await page.getByLabel('Name').inputValue()).toBe('Cocoa powder');
  });

  test('2 bags of bread flour were really 3: the purchase becomes 15 lb, from the Pantry’s purchases list', async () => {
    const { bag } = await flourShelf();
    await call(page, 'pantry.recordPurchase', { productId: bag.id, packages: 2, pricePerPackage: 4.5, purchasedOn: '2026-03-02' });
    await go('#/pantry');
    await tap(page.getByRole('link', { name: 'Purchases', exact: true }));

    const bought = () => page.getByRole('row', { name: /King Arthur Bread Flour/ }).locator('[data-label="Bought"]');
    await seen(bought());
    expect(await bought().innerText()).toBe('10 lb (2 × 5 lb)');
    await tap(page.getByRole('row', { name: /King Arthur Bread Flour/ }).getByRole('link', { name: /^Edit/ }));
    await seen(page.getByRole('heading', { name: 'Edit purchase' }));
    expect(await page.getByLabel('Packages').inputValue()).toBe('2');
    await page.getByLabel('Packages').fill('3');
    await seen(page.getByText('Total $13.50'));
    await tap(page.getByRole('button', { name: 'Save purchase' }));

    await seen(page.getByText('Purchase saved: 15 lb of Bread flour.'));
    // Back on the list it came from, which shows the corrected purchase.
    await seen(page.getByRole('heading', { name: 'Purchases', exact: true }));
    await expect.poll(() => bought().innerText()).toBe('15 lb (3 × 5 lb)');
    const {
      items: [purchase],
    } = await call(page, 'pantry.listPurchases', {});
    expect(purchase).toMatchObject({ packages: 3, quantity: 15, remaining: expect.closeTo(15, 9), totalPrice: 13.5 });
  });

  test('a dozen eggs with 3 thrown away: the edit screen says it is used, 0.2 of a carton (2.4 eggs) is refused at Packages, and delete is disabled with the reason beside it', async () => {
    const eggs = await call(page, 'catalog.createIngredient', { name: 'Eggs' });
    const carton = await call(page, 'catalog.createProduct', { ingredientId: eggs.id, brand: 'Farm', name: 'Large eggs', packageQuantity: 12, packageUnit: 'each' });
    const { purchase, lot } = await call(page, 'pantry.recordPurchase', { productId: carton.id, packages: 1, pricePerPackage: 3.6 });
    await call(page, 'pantry.adjustLot', { lotId: lot.id, quantity: 3, unit: 'each', reason: 'spoilage' });

    await go(`#/pantry/purchases/${purchase.id}`);
    await seen(page.getByText('Some of it has been used or adjusted, so the packages cannot go below what was used'));
    await seen(page.getByText('9 each', { exact: true }));

    const packages = page.getByLabel('Packages');
    await packages.fill('0.2');
    await tap(page.getByRole('button', { name: 'Save purchase' }));
    const refusedAt = '3 each of this purchase has already been used, so it cannot be less than that (0.25 packages).';
    await seen(page.getByText(refusedAt));
    expect(await description(packages)).toBe(refusedAt);
    expect(await packages.inputValue()).toBe('0.2');

    const remove = page.getByRole('button', { name: 'Delete purchase' });
    expect(await remove.isDisabled()).toBe(true);
    expect(await description(remove)).toMatch(/^This purchase has been used or adjusted, so it cannot be deleted/);

    const still = await call(page, 'pantry.getPurchase', { id: purchase.id });
    expect(still).toMatchObject({ packages: 1, quantity: 12, remaining: 9, used: true });
  });
});
