/**
 * A screen offers exactly what the worker accepts, because the worker says
 * what is allowed and why (issue 7). A real Bake Tracker backup is imported;
 * its products have a lot but no purchase, which the product screen once
 * took for "never bought" and offered a new size and a delete the worker then
 * refused. Now the screen shows the worker's own words before the baker
 * tries, and what it does offer goes through. Likewise, the "Sits in" picker
 * offers only the places the worker accepts. Production build, 390x844 touch
 * viewport, real taps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { call, rpc } from './helpers/browser';
import { phoneTabs, seen, tap } from './helpers/phone';

const BACKUP = readFileSync(join(import.meta.dirname, '../../src/services/sample/bake-tracker-sample.json'), 'utf8');

const tabs = phoneTabs();
let page: Page;
beforeEach(async () => {
  page = await tabs.open('', { hooks: true });
  expect((await call(page, 'import.bakeTracker', { text: BACKUP })).ok).toBe(true);
});

async function go(hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

/** The text an element's aria-describedby points at. */
function description(element: Locator): Promise<string> {
  return element.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );
}

type Node = Awaited<ReturnType<typeof tree>>[number];
const tree = () => call(page, 'pantry.ingredientTree');
const flatten = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe('what a screen offers is what the worker accepts', () => {
  test('an imported product (a lot, no purchase): the size is fixed and delete is disabled, both with the worker’s reason; hiding it saves', async () => {
    const [item] = await call(page, 'pantry.overview', { query: 'corn starch' });
    const { lots } = await call(page, 'pantry.ingredientStock', { ingredientId: item!.ingredient.id });
    const product = await call(page, 'catalog.getProduct', { id: lots[0]!.productId });
    expect(product).toMatchObject({ purchaseCount: 0, lotCount: 1, sizeFixed: true, canDelete: false });

    await go(`#/pantry/product/${product.id}`);
    await seen(page.getByRole('heading', { name: 'Edit product' }));
    // The size: fixed, and said why, in the worker's words.
    expect(await page.getByLabel('Package size').isDisabled()).toBe(true);
    await seen(page.getByText(product.sizeFixedBecause!));
    // Delete: disabled, with the reason beside it.
    const remove = page.getByRole('button', { name: 'Delete product' });
    expect(await remove.isDisabled()).toBe(true);
    expect(await description(remove)).toBe(product.deleteBlockedBy);

    // The worker refuses exactly those, in the same words, and changes nothing.
    const resized = await rpc(page, 'catalog.updateProduct', { id: product.id, packageQuantity: product.packageQuantity * 2 });
    expect(resized.ok ? null : [resized.error.code, resized.error.message]).toEqual(['IN_USE', product.sizeFixedBecause]);
    const deleted = await rpc(page, 'catalog.deleteProduct', { id: product.id });
    expect(deleted.ok ? null : [deleted.error.code, deleted.error.message]).toEqual(['IN_USE', product.deleteBlockedBy]);

    // What the screen does offer goes through: hide it.
    await tap(page.getByText('Hidden', { exact: true }));
    await tap(page.getByRole('button', { name: 'Save product' }));
    await seen(page.getByText(`Saved ${product.displayName}.`));
    expect(await call(page, 'catalog.getProduct', { id: product.id })).toMatchObject({
      hidden: true,
      packageQuantity: product.packageQuantity,
      packageUnit: product.packageUnit,
    });
  });

  test('a product of the same ingredient with no lot: size editable and delete offered, and the delete goes through', async () => {
    const [item] = await call(page, 'pantry.overview', { query: 'corn starch' });
    const spare = await call(page, 'catalog.createProduct', { ingredientId: item!.ingredient.id, brand: 'Spare', name: 'Corn Starch', packageQuantity: 1, packageUnit: 'lb' });
    expect(spare).toMatchObject({ sizeFixed: false, canDelete: true });

    await go(`#/pantry/product/${spare.id}`);
    await seen(page.getByRole('heading', { name: 'Edit product' }));
    expect(await page.getByLabel('Package size').isDisabled()).toBe(false);
    await tap(page.getByRole('button', { name: 'Delete product' }));
    await tap(page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }));
    await seen(page.getByText(`Deleted ${spare.displayName}.`));
    expect((await rpc(page, 'catalog.getProduct', { id: spare.id })).ok).toBe(false);
  });

  test('moving a group: "Sits in" offers what the worker accepts, not another group (no room below it for its ingredients), and the move saves', async () => {
    const nodes = flatten(await tree());
    const group = nodes.find((n) => n.level === 1 && !n.isLeaf && n.children.length > 0)!;
    const category = nodes.find((n) => n.level === 0 && n.id !== group.parentId)!;
    // Another group whose name also matches a place the worker accepts, so the list is not empty either way.
    let otherGroup: Node | undefined;
    let offered: string[] = [];
    for (const n of nodes.filter((x) => x.level === 1 && !x.isLeaf && x.id !== group.id)) {
      offered = (await call(page, 'catalog.searchParents', { query: n.name, movingId: group.id, limit: 8 })).map((m) => m.name);
      if (offered.length > 0) {
        otherGroup = n;
        break;
      }
    }
    expect(otherGroup).toBeDefined();
    expect(offered).not.toContain(otherGroup!.name);

    await go(`#/pantry/ingredient/${group.id}/edit`);
    await seen(page.getByRole('heading', { name: `Edit ${group.name}` }));
    const sitsIn = page.getByRole('combobox', { name: 'Sits in' });
    // The type-ahead's own options (the unit menus' <option>s have that role too).
    const suggestions = page.locator('li[role="option"]');
    const shown = () => suggestions.evaluateAll((options) => options.map((o) => o.querySelector('.name')?.textContent?.trim() ?? ''));

    await sitsIn.fill(otherGroup!.name);
    await expect.poll(shown).toEqual(offered);
    // The worker would refuse that group, and says why.
    const refused = await rpc(page, 'catalog.updateIngredient', { id: group.id, parentId: otherGroup!.id });
    expect(refused.ok ? null : refused.error.message).toMatch(/already at the deepest level/);

    await sitsIn.fill(category.name);
    await expect.poll(shown).toContain(category.name);
    await tap(suggestions.filter({ hasText: category.name }).first());
    await tap(page.getByRole('button', { name: 'Save ingredient' }));
    await seen(page.getByText(`Saved ${group.name}.`));
    expect(await call(page, 'catalog.getIngredient', { id: group.id })).toMatchObject({ parentId: category.id, level: 1 });
  });
});
