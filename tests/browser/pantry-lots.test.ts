/**
 * Lots after the purchase: adjusting one through its dialog (a reason of
 * "other" needs a note, and the message says so next to the note), and a
 * second tab that shows the pantry updating by itself when the first tab
 * records a purchase. Production build, phone viewport, en-US.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { phoneTabs, seen, tap } from './helpers/phone';

const tabs = phoneTabs();

/** Records "packages x size unit" of a new product of a new ingredient, through the purchase screen. */
async function buyNew(page: Page, ingredient: string, size: string, unit: string, packages: string, price: string): Promise<void> {
  await page.evaluate(() => (location.hash = '#/pantry/purchase'));
  await page.getByRole('combobox', { name: 'Product' }).fill(ingredient);
  await tap(page.getByRole('option', { name: /Create product/ }));
  await page.getByRole('combobox', { name: 'Ingredient' }).fill(ingredient);
  await tap(page.getByRole('option', { name: new RegExp(`Add ingredient “${ingredient}”`) }));
  await tap(page.getByRole('button', { name: 'Add ingredient', exact: true }));
  await expect.poll(() => page.getByLabel('Package size').evaluate((el) => el === document.activeElement)).toBe(true);
  await page.getByLabel('Package size').fill(size);
  await page.getByLabel('Unit').selectOption(unit);
  await page.getByLabel('Packages').fill(packages);
  await page.getByLabel('Price per package').fill(price);
  await tap(page.getByRole('button', { name: 'Save purchase' }));
  await seen(page.getByText(new RegExp(`^Saved: .* of ${ingredient} is in the pantry\\.$`)));
}

describe('lots in the pantry', () => {
  test('a dozen eggs, 3 spoiled: "other" without a note is refused at the note, then 3 are removed and 9 remain', async () => {
    const page = await tabs.open();
    await tap(page.getByRole('button', { name: 'Start empty' }));
    await seen(page.getByRole('heading', { name: 'Your pantry is empty' }));
    await buyNew(page, 'Eggs', '12', 'each', '1', '3.60');
    await tap(page.getByRole('link', { name: 'See lot' }));

    const stock = page.getByRole('region', { name: 'In the pantry' });
    await seen(stock.getByText('12 each of 12 each'));
    await tap(stock.getByRole('button', { name: /^Adjust/ }));
    const dialog = page.getByRole('dialog', { name: 'Adjust lot' });
    await dialog.getByLabel('Reason').selectOption('other');
    await dialog.getByLabel('How much to remove').fill('3');
    await tap(dialog.getByRole('button', { name: 'Save adjustment' }));

    await seen(dialog.getByText('Say what happened: "other" needs a note.'));
    expect(await dialog.getByLabel('Note (required)').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('How much to remove').inputValue()).toBe('3');

    await dialog.getByLabel('Note (required)').fill('Cracked in the bag');
    await tap(dialog.getByRole('button', { name: 'Save adjustment' }));
    await seen(page.getByText('Removed 3 each.'));
    await seen(stock.getByText('9 each of 12 each'));
    await seen(stock.getByText('9 each', { exact: true }).first());
  });

  test('two tabs: the pantry open in one tab shows a purchase recorded in the other, without a reload', async () => {
    const watching = await tabs.open('#/pantry');
    await seen(watching.getByRole('heading', { name: 'Your pantry is empty' }));

    const buying = await tabs.open('#/pantry');
    await buyNew(buying, 'Cake flour', '2', 'lb', '3', '5.25');

    const row = watching.getByRole('row', { name: /Cake flour/ });
    await seen(row.getByText('6 lb'));
    await seen(row.getByText('$15.75'));
  });
});
