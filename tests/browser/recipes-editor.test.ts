/**
 * A baker on a phone (390 px, touch, real taps) writes a recipe in the
 * recipe editor of the production build: a layer cake of flour (priced, with
 * a density) and brown sugar in cups (bought by the pound, no density yet),
 * with half a batch of frosting as a sub-recipe. The brown sugar line is
 * kept but says its fix at the line, and the live preview's cost is
 * "unknown" with the reason, never 0. The fix links to the ingredient's
 * measures. A sub-recipe that would loop back is refused at its field and
 * nothing changes. The pantry is set up through the app's own RPC client.
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

/** Flour (1 cup = 120 g) in a $6 5 lb bag; brown sugar in a $3.50 2 lb bag, with no density; a frosting. */
async function pantry() {
  const baking = await call(page, 'catalog.createIngredient', { name: 'Baking' });
  const flour = await call(page, 'catalog.createIngredient', {
    name: 'Flour',
    parentId: baking.id,
    density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 120, weightUnit: 'g' },
  });
  const sugar = await call(page, 'catalog.createIngredient', { name: 'Brown sugar', parentId: baking.id });
  const butter = await call(page, 'catalog.createIngredient', { name: 'Butter', parentId: baking.id });
  const buy = (ingredientId: number, name: string, packageQuantity: number, packageUnit: string, price: number) =>
    call(page, 'pantry.recordPurchase', { newProduct: { ingredientId, name, packageQuantity, packageUnit }, packages: 1, pricePerPackage: price, purchasedOn: '2026-03-02' });
  await buy(flour.id, 'Flour 5 lb', 5, 'lb', 6);
  await buy(sugar.id, 'Brown sugar 2 lb', 2, 'lb', 3.5);
  await buy(butter.id, 'Butter 1 lb', 1, 'lb', 4);
  const frosting = await call(page, 'recipes.create', { name: 'Frosting', ingredientLines: [{ ingredientId: butter.id, quantity: 8, unit: 'oz' }] });
  return { flour, sugar, butter, frosting };
}

/** Types into a type-ahead and taps the option (picked on pointerdown, like a finger). */
async function pick(box: string, typed: string, option: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: box, exact: true }).fill(typed);
  const choice = page.getByRole('option', { name: option });
  await seen(choice);
  await tap(choice);
}

const FIX = 'Set a density for Brown sugar to convert cup to lb.';

describe('the recipe editor on a phone', () => {
  test('a layer cake with half a batch of frosting and a brown sugar line flagged with its fix; the preview says unknown, then the fix is one tap away', async () => {
    const { sugar, frosting } = await pantry();
    await go('#/recipes');
    await tap(page.getByRole('link', { name: 'New recipe' }));
    await seen(page.getByRole('heading', { name: 'New recipe' }));

    await page.getByLabel('Name', { exact: true }).fill('Layer cake');
    await page.getByLabel('Category').fill('Cakes');
    await pick('Ingredient 1', 'flo', /^Flour/);
    await page.getByLabel('Quantity of ingredient 1').fill('2');
    await page.getByLabel('Unit of ingredient 1').selectOption('cup');
    // 2 cups = 240 g of a $6 5 lb (2268 g) bag: $0.63.
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.getByText('Per batch').locator('..').innerText()).toMatch(/Per batch\s+\$0\.63/);

    await tap(page.getByRole('button', { name: 'Add an ingredient' }));
    await pick('Ingredient 2', 'brown', /^Brown sugar/);
    await page.getByLabel('Quantity of ingredient 2').fill('1');
    await page.getByLabel('Unit of ingredient 2').selectOption('cup');
    const sugarLine = page.getByRole('listitem').filter({ has: page.getByLabel('Ingredient 2', { exact: true }) });
    await seen(sugarLine.getByText(FIX));
    await expect.poll(() => preview.getByText('Per batch').locator('..').innerText()).toMatch(/Per batch\s+Unknown/);
    await seen(preview.getByText(FIX));

    await tap(page.getByRole('button', { name: 'Add a sub-recipe' }));
    await pick('Sub-recipe 1', 'fro', /^Frosting/);
    await page.getByLabel('Batches of it per batch').fill('0.5');
    await tap(page.getByRole('button', { name: 'Add recipe' }));

    await seen(page.getByRole('heading', { name: 'Layer cake', level: 1 }));
    await seen(page.getByText('Added Layer cake.', { exact: false }));
    const cake = (await call(page, 'recipes.list', { query: 'Layer cake' }))[0]!;
    const saved = await call(page, 'recipes.get', { id: cake.id });
    expect(saved.ingredientLines.map((l) => [l.ingredient.name, l.quantity, l.unit, l.flag?.message ?? null])).toEqual([
      ['Flour', 2, 'cup', null],
      ['Brown sugar', 1, 'cup', FIX],
    ]);
    expect(saved.subRecipes.map((s) => [s.recipe.id, s.batchMultiplier])).toEqual([[frosting.id, 0.5]]);
    expect((await call(page, 'recipes.cost', { recipeId: cake.id })).cost).toBeNull();

    // The recipe page says the fix at the line too, and it is one tap away.
    await seen(page.getByText('0.5 batches'));
    await tap(page.getByRole('link', { name: 'Set the density of Brown sugar' }).first());
    await seen(page.getByRole('heading', { name: 'Edit Brown sugar' }));
    expect(await page.evaluate(() => location.hash)).toBe(`#/pantry/ingredient/${sugar.id}/edit`);
  });

  test('frosting cannot take the layer cake that uses it as a sub-recipe: the loop is named at the field, and nothing changes', async () => {
    const { frosting, flour } = await pantry();
    await call(page, 'recipes.create', {
      name: 'Layer cake',
      ingredientLines: [{ ingredientId: flour.id, quantity: 2, unit: 'cup' }],
      subRecipes: [{ recipeId: frosting.id, batchMultiplier: 0.5 }],
    });
    await go(`#/recipes/${frosting.id}/edit`);
    await seen(page.getByRole('heading', { name: 'Edit Frosting' }));
    await tap(page.getByRole('button', { name: 'Add a sub-recipe' }));
    await pick('Sub-recipe 1', 'layer', /^Layer cake/);
    await tap(page.getByRole('button', { name: 'Save recipe' }));

    const loop = 'Frosting -> Layer cake -> Frosting: a recipe cannot contain itself, even through its sub-recipes.';
    const field = page.getByRole('combobox', { name: 'Sub-recipe 1', exact: true });
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent)).toBe(loop);
    expect((await call(page, 'recipes.get', { id: frosting.id })).subRecipes).toEqual([]);
    expect(await page.getByRole('heading', { name: 'Edit Frosting' }).isVisible()).toBe(true);
  });
});
