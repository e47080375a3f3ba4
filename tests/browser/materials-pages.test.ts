/**
 * A baker on a phone keeps packaging beside the pantry, through the real
 * screens of the production build: a roll of ribbon measured by length, a
 * product of it (a 100 ft roll), a use ("bow (18 in)"), and a purchase that
 * becomes a lot of 3048 cm. A material already measured cannot change its
 * measure, and the screen says why before the baker tries.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
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

describe('packaging materials on a phone', () => {
  test('ribbon by length: a 100 ft roll bought at $7.99 is a lot of 3048 cm; a bow takes 18 in', async () => {
    await call(page, 'settings.update', { setupDone: true });
    await go('#/pantry');
    await tap(page.getByRole('link', { name: 'Packaging' }));
    await tap(page.getByRole('link', { name: 'Add a material' }));
    await page.getByLabel('Name').fill('Red curling ribbon');
    await page.getByLabel('Measured').selectOption('length');
    await tap(page.getByRole('button', { name: 'Add material' }));
    await seen(page.getByRole('heading', { name: 'Red curling ribbon', level: 1 }));

    await tap(page.getByRole('link', { name: 'Add a product' }));
    await page.getByLabel('Product name').fill('Curling ribbon 100 ft');
    await page.getByLabel('Package size').fill('100');
    await page.getByLabel('Unit', { exact: true }).selectOption('ft');
    await tap(page.getByRole('button', { name: 'Add product' }));
    await seen(page.getByText('Added Curling ribbon 100 ft to Red curling ribbon.'));

    await tap(page.getByRole('link', { name: 'Add a use' }));
    await page.getByLabel('Name').fill('bow (18 in)');
    await page.getByLabel('Size of one use').fill('18');
    await page.getByLabel('Unit', { exact: true }).selectOption('in');
    await tap(page.getByRole('button', { name: 'Add use' }));
    await seen(page.getByText('45.72 cm'));

    await tap(page.getByRole('link', { name: 'Record a purchase' }));
    // Its only product is already chosen: nothing to pick.
    const chosenProduct = () => page.getByLabel('Product').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
    await expect.poll(chosenProduct).toBe('Curling ribbon 100 ft (100 ft)');
    await page.getByLabel('Price per package').fill('7.99');
    await tap(page.getByRole('button', { name: 'Save purchase' }));
    await seen(page.getByText('Saved: 3,048 cm of Red curling ribbon.'));
    // Ready for the next one: the product chosen again.
    await expect.poll(chosenProduct).toBe('Curling ribbon 100 ft (100 ft)');
    await tap(page.getByRole('link', { name: 'See it' }));
    await seen(page.getByRole('region', { name: 'On hand' }).getByText('3,048 cm', { exact: true }).first());

    const ribbon = (await call(page, 'materials.list', { query: 'ribbon' }))[0]!;
    const saved = await call(page, 'materials.get', { id: ribbon.id });
    expect(saved.stock).toMatchObject({ quantity: 3048, unit: 'cm', lotCount: 1 });
    expect(saved.units.map((u) => [u.name, u.size])).toEqual([['bow (18 in)', 45.72]]);

    // Measured now: the measure is fixed, and the screen says so before anyone tries.
    await tap(page.getByRole('link', { name: 'Edit material' }));
    await seen(page.getByText('Fixed: it has 1 product, 1 material unit and 1 lot measured by length.'));
    expect(await page.getByLabel('Measured').isDisabled()).toBe(true);
  });
});
