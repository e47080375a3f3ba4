/**
 * What a newcomer ran into on a phone, and what happens now: "1,500 g" is
 * fifteen hundred grams, a date the browser cannot read is refused instead of
 * becoming today, a date in the future is refused next to the field, typing
 * not saved yet is not thrown away by a tap on a tab, Back returns to the
 * place in a long list and closes the Adjust dialog rather than the page, the
 * "Show in" unit survives a reload, and "Start empty" is remembered.
 * Production build, 390x844 touch viewport, en-US.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { call } from './helpers/browser';
import { phoneTabs, seen, tap } from './helpers/phone';

const tabs = phoneTabs();

/** From the welcome screen to a purchase form with a new product "Sugar" of a new ingredient "Sugar". */
async function newSugarPurchase(page: Page): Promise<void> {
  await tap(page.getByRole('button', { name: 'Start empty' }));
  await tap(page.getByRole('link', { name: 'Record your first purchase' }));
  await page.getByRole('combobox', { name: 'Product' }).fill('Sugar');
  await tap(page.getByRole('option', { name: /Create product/ }));
  await page.getByRole('combobox', { name: 'Ingredient' }).fill('Sugar');
  await tap(page.getByRole('option', { name: /Add ingredient “Sugar”/ }));
  await tap(page.getByRole('button', { name: 'Add ingredient', exact: true }));
  await expect.poll(() => page.getByRole('combobox', { name: 'Ingredient' }).inputValue()).toBe('Sugar');
}

describe('after the newcomer review', () => {
  test('a 1,500 g bag is 1500 g; 02/30/2026, 2099-12-31 and an expiry before the purchase are refused at their fields; the bag is saved once the date is right', async () => {
    const page = await tabs.open();
    await newSugarPurchase(page);
    await page.getByLabel('Package size').fill('1,500');
    await page.getByLabel('Unit').selectOption('g');
    await page.getByLabel('Price per package').fill('2.40');

    // February has no 30th: the box reads as empty, and the form says so instead of dating it today.
    const date = page.getByLabel('Date', { exact: true });
    await tap(date);
    await page.keyboard.type('02302026');
    expect(await date.inputValue()).toBe('');
    await tap(page.getByRole('button', { name: 'Save purchase' }));
    await seen(page.getByText('Enter a valid date: the day of the purchase.'));
    expect(await date.getAttribute('aria-invalid')).toBe('true');

    // A day in 2099 is read, but the worker refuses it, next to the date.
    await date.fill('2099-12-31');
    await tap(page.getByRole('button', { name: 'Save purchase' }));
    await seen(page.getByText('Purchase date is in the future.'));
    expect(await date.getAttribute('aria-invalid')).toBe('true');

    // An expiry before the purchase date is refused next to the expiry, and "More" opens to show it.
    await date.fill('2026-01-15');
    await tap(page.getByText('More: supplier, expiry, notes'));
    const expiry = page.getByLabel('Expires on');
    await expiry.fill('2020-01-01');
    await tap(page.getByText('More: supplier, expiry, notes'));
    await tap(page.getByRole('button', { name: 'Save purchase' }));
    await seen(page.getByText('The expiry date is before the purchase date.'));
    expect(await expiry.getAttribute('aria-invalid')).toBe('true');
    expect(await date.getAttribute('aria-invalid')).toBe('false');

    await expiry.fill('2027-01-15');
    await tap(page.getByRole('button', { name: 'Save purchase' }));
    await seen(page.getByText('Saved: 1,500 g of Sugar is in the pantry.'));
  });

  test('typing not saved: a tap on Pantry asks "Leave without saving?"; staying keeps it, leaving goes', async () => {
    const page = await tabs.open();
    await newSugarPurchase(page);
    await page.getByLabel('Price per package').fill('3.10');

    const questions: string[] = [];
    page.once('dialog', (d) => (questions.push(d.message()), void d.dismiss()));
    await tap(page.getByRole('link', { name: 'Pantry' }));
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toMatch(/^Leave without saving\?/);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/pantry/purchase');
    expect(await page.getByLabel('Price per package').inputValue()).toBe('3.10');

    page.once('dialog', (d) => (questions.push(d.message()), void d.accept()));
    await tap(page.getByRole('link', { name: 'Pantry' }));
    await expect.poll(() => questions.length).toBe(2);
    await seen(page.getByRole('heading', { name: 'Your pantry is empty' }));
    expect(await page.evaluate(() => location.hash)).toBe('#/pantry');
  });

  test('3 eggs thrown away by mistake: Undo on the toast puts them back; 2 given away are undone from the adjustments list', async () => {
    const page = await tabs.open('', { hooks: true });
    const eggs = await call(page, 'catalog.createIngredient', { name: 'Eggs' });
    const carton = await call(page, 'catalog.createProduct', { ingredientId: eggs.id, brand: 'Farm', name: 'Large eggs', packageQuantity: 12, packageUnit: 'each' });
    await call(page, 'pantry.recordPurchase', { productId: carton.id, packages: 1, pricePerPackage: 3.6 });
    await page.evaluate((id) => (location.hash = `#/pantry/ingredient/${id}`), eggs.id);

    const stock = page.getByRole('region', { name: 'In the pantry' });
    await seen(stock.getByText('12 each of 12 each'));
    await tap(stock.getByRole('button', { name: /^Adjust/ }));
    const dialog = page.getByRole('dialog', { name: 'Adjust lot' });
    await dialog.getByLabel('How much to remove').fill('3');
    await tap(dialog.getByRole('button', { name: 'Save adjustment' }));
    await seen(stock.getByText('9 each of 12 each'));
    await tap(page.getByRole('status').getByRole('button', { name: 'Undo' }));
    await seen(page.getByText('Undone: 3 each is back in the lot.'));
    await seen(stock.getByText('12 each of 12 each'));

    // The list shows both: the removal (undone, no Undo left) and the undo itself (which cannot be undone).
    const list = page.getByRole('region', { name: 'Adjustments' });
    await seen(list.getByText('(undone)'));
    expect(await list.getByRole('button', { name: /^Undo/ }).count()).toBe(0);

    await tap(stock.getByRole('button', { name: /^Adjust/ }));
    await dialog.getByLabel('Reason').selectOption('gift');
    await dialog.getByLabel('How much to remove').fill('2');
    await tap(dialog.getByRole('button', { name: 'Save adjustment' }));
    await seen(stock.getByText('10 each of 12 each'));
    const undoGift = list.getByRole('button', { name: /^Undo removing 2 each/ });
    await seen(undoGift);
    await tap(undoGift);
    await seen(stock.getByText('12 each of 12 each'));
    await expect.poll(() => list.getByText('(undone)').count()).toBe(2);
    expect(await list.getByRole('button', { name: /^Undo/ }).count()).toBe(0);
  });

  test('a pantry worth $999,990,000.00 (three purchases of 10,000 packages at $33,333) stays inside its dashboard card, three cards to a row', async () => {
    const page = await tabs.open('', { hooks: true });
    // A phone turned sideways: the three cards share one row, about 230 px each.
    await page.setViewportSize({ width: 760, height: 390 });
    const teff = await call(page, 'catalog.createIngredient', { name: 'Teff flour' });
    const bag = await call(page, 'catalog.createProduct', { ingredientId: teff.id, name: 'Teff flour', packageQuantity: 25, packageUnit: 'lb' });
    for (let i = 0; i < 3; i++) await call(page, 'pantry.recordPurchase', { productId: bag.id, packages: 10_000, pricePerPackage: 33_333 });
    await page.evaluate(() => (location.hash = '#/dashboard'));
    const value = page.getByText('$999,990,000.00');
    await seen(value);
    // The figure stays inside its card, and the card does not push the other two aside.
    const boxes = await value.evaluate((figure) => {
      const tile = figure.parentElement!;
      const widths = [...tile.parentElement!.children].map((t) => Math.round(t.getBoundingClientRect().width));
      return { widths, figureRight: figure.getBoundingClientRect().right, tileRight: tile.getBoundingClientRect().right };
    });
    expect(boxes.figureRight).toBeLessThanOrEqual(boxes.tileRight);
    expect(Math.max(...boxes.widths) - Math.min(...boxes.widths)).toBeLessThanOrEqual(1);
  });

  test('teff flour bought by the pound: a 3 cup package (no density) is refused at Unit with a link to set one; a second Wegman’s Light Brown Sugar offers the existing product', async () => {
    const page = await tabs.open('', { hooks: true });
    const teff = await call(page, 'catalog.createIngredient', { name: 'Teff flour' });
    await call(page, 'catalog.createProduct', { ingredientId: teff.id, brand: 'Bob’s Red Mill', name: 'Teff Flour', packageQuantity: 2, packageUnit: 'lb' });
    const sugar = await call(page, 'catalog.createIngredient', { name: 'Brown sugar' });
    await call(page, 'catalog.createProduct', { ingredientId: sugar.id, brand: 'Wegman’s', name: 'Light Brown Sugar', packageQuantity: 2, packageUnit: 'lb' });

    await page.evaluate((id) => (location.hash = `#/pantry/purchase?ingredient=${id}`), teff.id);
    await page.getByRole('combobox', { name: 'Product' }).fill('Teff flour');
    await tap(page.getByRole('option', { name: /Create product/ }));
    await page.getByLabel('Package size').fill('3');
    await page.getByLabel('Unit').selectOption('cup');
    await page.getByLabel('Price per package').fill('6.50');
    await tap(page.getByRole('button', { name: 'Save purchase' }));
    await seen(page.getByText('Teff flour has no density: set one to buy it by the cup.'));
    expect(await page.getByLabel('Unit').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('link', { name: 'Set a density for Teff flour' }).getAttribute('href')).toBe(`#/pantry/ingredient/${teff.id}`);

    // Leaving the typed teff purchase asks first.
    page.once('dialog', (d) => void d.accept());
    await page.evaluate((id) => (location.hash = `#/pantry/purchase?ingredient=${id}`), sugar.id);
    await page.getByRole('combobox', { name: 'Product' }).fill('Light Brown Sugar');
    await tap(page.getByRole('option', { name: /Create product/ }));
    await page.getByLabel('Brand').fill('Wegman’s');
    await page.getByLabel('Package size').fill('2');
    await page.getByLabel('Unit').selectOption('lb');
    await page.getByLabel('Price per package').fill('3.29');
    await tap(page.getByRole('button', { name: 'Save purchase' }));
    await seen(page.getByText(/^There is already a product Wegman’s Light Brown Sugar/));
    await tap(page.getByRole('button', { name: 'Use the existing product' }));
    await expect.poll(() => page.getByRole('combobox', { name: 'Product' }).inputValue()).toBe('Wegman’s Light Brown Sugar');
    await tap(page.getByRole('button', { name: 'Save purchase' }));
    await seen(page.getByText('Saved: 2 lb of Brown sugar is in the pantry.'));
    const products = await call(page, 'catalog.searchProducts', { query: '', ingredientId: sugar.id, limit: 10 });
    expect(products).toHaveLength(1);
  });

  test('“Start empty” is remembered: opening the app again lands on the dashboard, not the welcome screen', async () => {
    const page = await tabs.open();
    await tap(page.getByRole('button', { name: 'Start empty' }));
    await seen(page.getByRole('heading', { name: 'Your pantry is empty' }));
    await page.evaluate(() => (location.hash = ''));
    await page.reload();
    await seen(page.getByRole('heading', { name: 'Dashboard', level: 1 }));
    expect(await page.getByRole('heading', { name: 'Welcome to Bake Planner' }).count()).toBe(0);
  });

  test('sample pantry: Back returns to the place in the list, closes the Adjust dialog, and “Show in: cup” survives a reload', async () => {
    const page = await tabs.open();
    await tap(page.getByRole('button', { name: 'Explore sample data' }));
    await page.waitForURL(/#\/pantry/, { timeout: 60_000 });
    await seen(page.getByRole('row', { name: /Flour, all-purpose/ }));

    // Far down the list, open an ingredient, come Back: the list is where it was.
    await page.evaluate(() => window.scrollTo(0, 1500));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(1500);
    const link = page.locator('table a[href^="#/pantry/ingredient/"]').filter({ visible: true });
    const visibleLink = await link.evaluateAll((links) => {
      const inView = links.find((a) => {
        const box = a.getBoundingClientRect();
        return box.top > 80 && box.bottom < window.innerHeight - 100;
      });
      return inView?.getAttribute('href') ?? null;
    });
    expect(visibleLink).not.toBeNull();
    await tap(page.locator(`a[href="${visibleLink}"]`).first());
    await page.getByRole('region', { name: 'In the pantry' }).waitFor();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await page.goBack();
    await seen(page.getByRole('row', { name: /Flour, all-purpose/ }));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(1500);

    // All-purpose flour's page: Adjust, then Back closes the dialog and stays on the page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await tap(page.getByRole('row', { name: /Flour, all-purpose/ }).getByRole('link').first());
    const stock = page.getByRole('region', { name: 'In the pantry' });
    const ingredientUrl = await page.evaluate(() => location.hash);
    await tap(stock.getByRole('button', { name: /^Adjust/ }).first());
    const dialog = page.getByRole('dialog', { name: 'Adjust lot' });
    await seen(dialog);
    await page.goBack();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => location.hash)).toBe(ingredientUrl);
    await seen(stock);

    // Show in cups: the URL says so, and a reload keeps it.
    await stock.getByLabel('Show in').selectOption('cup');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`${ingredientUrl}?unit=cup`);
    await seen(stock.locator('.amount').getByText(/ cup$/));
    await page.reload();
    await seen(page.getByRole('region', { name: 'In the pantry' }).locator('.amount').getByText(/ cup$/));
    expect(await page.getByRole('region', { name: 'In the pantry' }).getByLabel('Show in').inputValue()).toBe('cup');
  });
});
