/**
 * domain.md, Staleness, second pass: one scenario per trigger of the list
 * (an event target, a batch decision, a composition line added / changed /
 * removed, an FU yield, a recipe's ingredient or sub-recipe line, a
 * generic/specific packaging assignment, a material unit's size), each with
 * the exact `staleness --json` document, and the cosmetic edits that must not
 * make a plan stale. Edits go through the services the app calls, on the
 * database file (the command line has no editing verbs).
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/session';
import { findIngredientBySlug } from '../../../src/services/catalog/ingredient-rows';
import { updateIngredient } from '../../../src/services/catalog/ingredients';
import type { CompositionLineInput } from '../../../src/services/goods/composition-lines';
import { findGoodBySlug } from '../../../src/services/goods/good-rows';
import { assignPackaging, getGood, updateGood } from '../../../src/services/goods/goods';
import { findMaterialProductBySlug } from '../../../src/services/materials/material-products';
import { findMaterialUnitBySlug } from '../../../src/services/materials/material-units';
import { updateMaterialUnit } from '../../../src/services/materials/material-units';
import { decideBatches } from '../../../src/services/planning/batch-decisions';
import { findEventBySlug } from '../../../src/services/planning/event-rows';
import { setGoodTarget, setUnitTarget } from '../../../src/services/planning/targets';
import { findFinishedUnitBySlug, updateFinishedUnit } from '../../../src/services/recipes/finished-units';
import { findRecipeBySlug } from '../../../src/services/recipes/recipe-rows';
import { getRecipe, updateRecipe } from '../../../src/services/recipes/recipes';
import { bakery, cli, json, onFile } from './verify-cli';

const FAIR = {
  ingredients: [{ name: 'Sugar', density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 200, weight_unit: 'g' } }, { name: 'Butter' }, { name: 'Cocoa' }],
  materials: [
    { name: 'Box', base_measure: 'each' },
    { name: 'Ribbon', base_measure: 'length' },
  ],
  material_products: [
    { slug: 'box-25', material: 'box', name: 'Boxes 25', package_quantity: 25, package_unit: 'each' },
    { slug: 'ribbon-10yd', material: 'ribbon', name: 'Ribbon 10 yd', package_quantity: 10, package_unit: 'yd' },
  ],
  material_units: [
    { slug: 'one-box', material: 'box', name: 'one box', quantity: 1 },
    { slug: 'one-bow', material: 'ribbon', name: 'one 18 in bow', quantity: 18, unit: 'in' },
  ],
  recipes: [
    { name: 'Frosting', ingredients: [{ ingredient: 'butter', quantity: 100, unit: 'g' }] },
    { name: 'Cookies', ingredients: [{ ingredient: 'sugar', quantity: 1, unit: 'cup' }], sub_recipes: [{ recipe: 'frosting', batches: 0.5 }] },
    { name: 'Brownies', category: 'Bars', ingredients: [{ ingredient: 'cocoa', quantity: 50, unit: 'g' }] },
  ],
  finished_units: [
    { name: 'Cookie', recipe: 'cookies', items_per_batch: 24 },
    { name: 'Brownie slice', recipe: 'brownies', portion_percent: 12.5 },
  ],
  finished_goods: [
    { name: 'Tin', composition: [{ finished_unit: 'cookie', quantity: 6 }] },
    {
      name: 'Gift box',
      composition: [
        { finished_good: 'tin', quantity: 1 },
        { finished_unit: 'brownie-slice', quantity: 2 },
        { material_unit: 'one-box', material_product: 'box-25', quantity: 1 },
        { material_unit: 'one-bow', quantity: 1 },
      ],
    },
  ],
  // 10 gift boxes: 10 tins = 60 cookies (3 batches of 24); 20 + 8 = 28 slices (4 batches of 8).
  events: [{ name: 'Fair', targets: [{ finished_good: 'gift-box', quantity: 10 }, { finished_unit: 'brownie-slice', quantity: 8 }] }],
};

const id = {
  event: (d: Database) => findEventBySlug(d, 'fair')!.id,
  good: (d: Database, slug: string) => findGoodBySlug(d, slug)!.id,
  unit: (d: Database, slug: string) => findFinishedUnitBySlug(d, slug)!.id,
  recipe: (d: Database, slug: string) => findRecipeBySlug(d, slug)!.id,
  ingredient: (d: Database, slug: string) => findIngredientBySlug(d, slug)!.id,
};

/** A good's lines as the update takes them, with `edit` applied to the line of `item`. */
function linesOf(d: Database, good: string, edit: (line: CompositionLineInput & { item: string }) => CompositionLineInput | null = (l) => l): CompositionLineInput[] {
  return getGood(d, id.good(d, good)).lines.flatMap((l) => {
    const input: CompositionLineInput & { item: string } =
      l.kind === 'unit'
        ? { kind: 'unit', finishedUnitId: l.finishedUnit.id, quantity: l.quantity, item: l.finishedUnit.slug }
        : l.kind === 'good'
          ? { kind: 'good', goodId: l.good.id, quantity: l.quantity, item: l.good.slug }
          : { kind: 'material', materialUnitId: l.materialUnit.id, materialProductId: l.materialProduct?.id ?? null, quantity: l.quantity, item: l.materialUnit.slug };
    const out = edit(input);
    if (!out) return [];
    const { item: _item, ...rest } = out as CompositionLineInput & { item?: string };
    return [rest as CompositionLineInput];
  });
}

async function savedThen(change: (d: Database) => void): Promise<any> {
  const db = await bakery(FAIR);
  const saved = await json('plan', db, 'fair', '--save');
  expect(saved.batches.map((b: any) => [b.finished_unit, b.batches])).toEqual([
    ['brownie-slice', 4],
    ['cookie', 3],
  ]);
  expect(await json('staleness', db, 'fair')).toEqual({ event: 'fair', stale: false, changes: [] });
  await onFile(db, change);
  return json('staleness', db, 'fair');
}

const stale = (...changes: unknown[]) => ({ event: 'fair', stale: true, changes });
const fresh = { event: 'fair', stale: false, changes: [] };

describe('staleness: each trigger of domain.md (verify, second pass)', { timeout: 180_000 }, () => {
  it('a good target changed 10 -> 12', async () => {
    expect(await savedThen((d) => setGoodTarget(d, { eventId: id.event(d), goodId: id.good(d, 'gift-box'), quantity: 12 }))).toEqual(
      stale({ kind: 'good_target_changed', item: 'gift-box', before: 10, after: 12 }),
    );
  });

  it('a good target added (5 tins)', async () => {
    expect(await savedThen((d) => setGoodTarget(d, { eventId: id.event(d), goodId: id.good(d, 'tin'), quantity: 5 }))).toEqual(
      stale({ kind: 'good_target_added', item: 'tin', before: null, after: 5 }),
    );
  });

  it('a unit target removed (the 8 loose slices)', async () => {
    expect(await savedThen((d) => setUnitTarget(d, { eventId: id.event(d), finishedUnitId: id.unit(d, 'brownie-slice'), quantity: 0 }))).toEqual(
      stale({ kind: 'unit_target_removed', item: 'brownie-slice', before: 8, after: null }),
    );
  });

  it('a batch decision other than the plan baked (3 -> 4 batches of cookies); deciding the 3 it bakes is no change', async () => {
    expect(await savedThen((d) => decideBatches(d, { eventId: id.event(d), finishedUnitId: id.unit(d, 'cookie'), batches: 4 }))).toEqual(
      stale({ kind: 'batch_decision_changed', item: 'cookie', before: 3, after: 4 }),
    );
    expect(await savedThen((d) => decideBatches(d, { eventId: id.event(d), finishedUnitId: id.unit(d, 'cookie'), batches: 3 }))).toEqual(fresh);
  });

  it('an FU yield: 24 -> 20 cookies a batch; a portion 12.5 % -> 10 %', async () => {
    const yieldOf = (recipe: string, mode: string, items: number | null, percent: number | null) => ({ recipe, yield_mode: mode, items_per_batch: items, portion_percent: percent });
    expect(await savedThen((d) => updateFinishedUnit(d, { id: id.unit(d, 'cookie'), itemsPerBatch: 20 }))).toEqual(
      stale({ kind: 'yield_changed', item: 'cookie', before: yieldOf('cookies', 'discrete', 24, null), after: yieldOf('cookies', 'discrete', 20, null) }),
    );
    expect(await savedThen((d) => updateFinishedUnit(d, { id: id.unit(d, 'brownie-slice'), portionPercent: 10 }))).toEqual(
      stale({ kind: 'yield_changed', item: 'brownie-slice', before: yieldOf('brownies', 'portion', null, 12.5), after: yieldOf('brownies', 'portion', null, 10) }),
    );
  });

  it("an ingredient line of a sub-recipe changed (frosting's butter 100 -> 120 g), added (cocoa), removed", async () => {
    const butter = (q: number) => ({ ingredient: 'butter', quantity: q, unit: 'g' });
    expect(await savedThen((d) => updateRecipe(d, { id: id.recipe(d, 'frosting'), ingredientLines: [{ ingredientId: id.ingredient(d, 'butter'), quantity: 120, unit: 'g' }] }))).toEqual(
      stale({ kind: 'ingredient_line_changed', item: 'frosting', before: butter(100), after: butter(120) }),
    );
    expect(
      await savedThen((d) =>
        updateRecipe(d, {
          id: id.recipe(d, 'frosting'),
          ingredientLines: [
            { ingredientId: id.ingredient(d, 'butter'), quantity: 100, unit: 'g' },
            { ingredientId: id.ingredient(d, 'cocoa'), quantity: 5, unit: 'g' },
          ],
        }),
      ),
    ).toEqual(stale({ kind: 'ingredient_line_added', item: 'frosting', before: null, after: { ingredient: 'cocoa', quantity: 5, unit: 'g' } }));
    expect(await savedThen((d) => updateRecipe(d, { id: id.recipe(d, 'brownies'), ingredientLines: [] }))).toEqual(
      stale({ kind: 'ingredient_line_removed', item: 'brownies', before: { ingredient: 'cocoa', quantity: 50, unit: 'g' }, after: null }),
    );
  });

  it('a sub-recipe line changed (0.5 -> 1 batch of frosting), removed, added', async () => {
    expect(await savedThen((d) => updateRecipe(d, { id: id.recipe(d, 'cookies'), subRecipes: [{ recipeId: id.recipe(d, 'frosting'), batchMultiplier: 1 }] }))).toEqual(
      stale({ kind: 'sub_recipe_changed', item: 'cookies', before: { recipe: 'frosting', batch_multiplier: 0.5 }, after: { recipe: 'frosting', batch_multiplier: 1 } }),
    );
    expect(await savedThen((d) => updateRecipe(d, { id: id.recipe(d, 'cookies'), subRecipes: [] }))).toEqual(
      stale({ kind: 'sub_recipe_removed', item: 'cookies', before: { recipe: 'frosting', batch_multiplier: 0.5 }, after: null }),
    );
    expect(await savedThen((d) => updateRecipe(d, { id: id.recipe(d, 'brownies'), subRecipes: [{ recipeId: id.recipe(d, 'frosting'), batchMultiplier: 0.25 }] }))).toEqual(
      stale({ kind: 'sub_recipe_added', item: 'brownies', before: null, after: { recipe: 'frosting', batch_multiplier: 0.25 } }),
    );
  });

  it('a composition line changed (2 -> 3 slices a box), one of a nested good (6 -> 8 cookies a tin), removed (the bow), added (a second slice kind is not needed: cookies into the box)', async () => {
    expect(await savedThen((d) => updateGood(d, { id: id.good(d, 'gift-box'), lines: linesOf(d, 'gift-box', (l) => (l.item === 'brownie-slice' ? { ...l, quantity: 3 } : l)) }))).toEqual(
      stale({ kind: 'composition_line_changed', item: 'gift-box', before: { kind: 'unit', item: 'brownie-slice', quantity: 2 }, after: { kind: 'unit', item: 'brownie-slice', quantity: 3 } }),
    );
    expect(await savedThen((d) => updateGood(d, { id: id.good(d, 'tin'), lines: linesOf(d, 'tin', (l) => ({ ...l, quantity: 8 })) }))).toEqual(
      stale({ kind: 'composition_line_changed', item: 'tin', before: { kind: 'unit', item: 'cookie', quantity: 6 }, after: { kind: 'unit', item: 'cookie', quantity: 8 } }),
    );
    expect(await savedThen((d) => updateGood(d, { id: id.good(d, 'gift-box'), lines: linesOf(d, 'gift-box', (l) => (l.item === 'one-bow' ? null : l)) }))).toEqual(
      stale({ kind: 'composition_line_removed', item: 'gift-box', before: { kind: 'material', item: 'one-bow', product: null, quantity: 1 }, after: null }),
    );
    expect(
      await savedThen((d) => updateGood(d, { id: id.good(d, 'gift-box'), lines: [...linesOf(d, 'gift-box'), { kind: 'unit', finishedUnitId: id.unit(d, 'cookie'), quantity: 2 }] })),
    ).toEqual(stale({ kind: 'composition_line_added', item: 'gift-box', before: null, after: { kind: 'unit', item: 'cookie', quantity: 2 } }));
  });

  it('a packaging assignment: the generic bow given the 10 yd ribbon', async () => {
    const s = await savedThen((d) => {
      const good = getGood(d, id.good(d, 'gift-box'));
      const bow = good.lines.find((l) => l.kind === 'material' && l.materialUnit.slug === 'one-bow')!;
      assignPackaging(d, { goodId: good.id, lineId: bow.id, materialProductId: findMaterialProductBySlug(d, 'ribbon-10yd')!.id });
    });
    expect(s).toEqual(
      stale({ kind: 'packaging_assignment_changed', item: 'gift-box', before: { kind: 'material', item: 'one-bow', product: null, quantity: 1 }, after: { kind: 'material', item: 'one-bow', product: 'ribbon-10yd', quantity: 1 } }),
    );
  });

  it("a material unit's size: the bow 18 in (45.72 cm) -> 20 in (50.8 cm)", async () => {
    const s = await savedThen((d) => updateMaterialUnit(d, { id: findMaterialUnitBySlug(d, 'one-bow')!.id, quantity: 20, unit: 'in' }));
    expect(s.stale).toBe(true);
    expect(s.changes).toHaveLength(1);
    expect(s.changes[0].kind).toBe('material_unit_size_changed');
    expect(s.changes[0].item).toBe('one-bow');
    expect([s.changes[0].before.size, s.changes[0].after.size].map((n: number) => Math.round(n * 1e9) / 1e9)).toEqual([45.72, 50.8]);
  });

  it('cosmetic edits change nothing: names, notes, categories of recipe, unit, good, ingredient and material unit; lines re-saved in another order', async () => {
    expect(
      await savedThen((d) => {
        updateRecipe(d, { id: id.recipe(d, 'brownies'), name: 'Fudge brownies', notes: 'dark', category: 'Cakes' });
        const cookies = getRecipe(d, id.recipe(d, 'cookies'));
        updateRecipe(d, {
          id: cookies.id,
          source: 'Grandma',
          ingredientLines: cookies.ingredientLines.map((l) => ({ ingredientId: l.ingredient.id, quantity: l.quantity, unit: l.unit, notes: 'sifted' })),
        });
        updateFinishedUnit(d, { id: id.unit(d, 'cookie'), name: 'Sugar cookie', notes: 'round' });
        updateGood(d, { id: id.good(d, 'gift-box'), name: 'Holiday box', notes: 'red', lines: linesOf(d, 'gift-box').reverse() });
        updateIngredient(d, { id: id.ingredient(d, 'cocoa'), name: 'Dutch cocoa', notes: 'dark' });
        updateMaterialUnit(d, { id: findMaterialUnitBySlug(d, 'one-bow')!.id, name: 'one bow', notes: 'curled' });
      }),
    ).toEqual(fresh);
  });

  it('a plan never saved is not stale', async () => {
    const db = await bakery(FAIR);
    expect(await json('staleness', db, 'fair')).toEqual(fresh);
    expect((await cli('staleness', db, 'fair')).out).toMatch(/not been saved/);
  });
});
