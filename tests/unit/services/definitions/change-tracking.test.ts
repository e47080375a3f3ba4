/*
 * Change tracking for plans: a plan captures the definition of what it was
 * computed from; later, comparing it with today's definition must report
 * every edit that changes quantities (as {kind, item, before, after}) and
 * none of the cosmetic ones (names, notes, categories, order of lines).
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/db/session';
import type { DefinitionChangeKind } from '../../../../src/domain/definitions';
import { updateIngredient } from '../../../../src/services/catalog/ingredients';
import { captureDefinitions, compareDefinitions } from '../../../../src/services/definitions/capture';
import { archiveGood, assignPackaging, createGood, getGood, restoreGood, updateGood, type GoodDetail } from '../../../../src/services/goods/goods';
import { createMaterialProduct, updateMaterialProduct } from '../../../../src/services/materials/material-products';
import { createMaterialUnit, updateMaterialUnit } from '../../../../src/services/materials/material-units';
import { createMaterial, updateMaterial } from '../../../../src/services/materials/materials';
import { createFinishedUnit, updateFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { createRecipe, getRecipe, updateRecipe, type RecipeDetail } from '../../../../src/services/recipes/recipes';
import { testDb } from '../../../helpers/db';
import { kitchen } from '../kitchen';

async function world() {
  const db = await testDb();
  const k = kitchen(db);
  const icing = createRecipe(db, { name: 'Icing', category: 'Fillings', ingredientLines: [{ ingredientId: k.sugar.id, quantity: 2, unit: 'cup' }] });
  const cookies = createRecipe(db, {
    name: 'Sugar cookies',
    category: 'Cookies',
    ingredientLines: [
      { ingredientId: k.flour.id, quantity: 3, unit: 'cup' },
      { ingredientId: k.butter.id, quantity: 1, unit: 'cup' },
      { ingredientId: k.eggs.id, quantity: 2, unit: 'each', notes: 'large' },
    ],
    subRecipes: [{ recipeId: icing.id, batchMultiplier: 0.5 }],
  });
  const glaze = createRecipe(db, { name: 'Glaze', ingredientLines: [{ ingredientId: k.sugar.id, quantity: 1, unit: 'cup' }] });
  const biscottiRecipe = createRecipe(db, { name: 'Biscotti', ingredientLines: [{ ingredientId: k.flour.id, quantity: 2, unit: 'cup' }] });
  const cookie = createFinishedUnit(db, { recipeId: cookies.id, name: 'Sugar cookie', yieldMode: 'discrete', itemsPerBatch: 48 });
  const biscotti = createFinishedUnit(db, { recipeId: biscottiRecipe.id, name: 'Biscotti', yieldMode: 'discrete', itemsPerBatch: 36 });
  const boxes = createMaterial(db, { name: 'Window box', baseMeasure: 'each', category: 'Boxes' });
  const ribbon = createMaterial(db, { name: 'Ribbon', baseMeasure: 'length' });
  const box = createMaterialUnit(db, { materialId: boxes.id, name: 'one box', quantity: 1, unit: 'each' });
  const bow = createMaterialUnit(db, { materialId: ribbon.id, name: 'one 18 in bow', quantity: 18, unit: 'in' });
  const small = createMaterialProduct(db, { materialId: boxes.id, name: 'Boxes 25 pack', packageQuantity: 25, packageUnit: 'each' });
  const big = createMaterialProduct(db, { materialId: boxes.id, name: 'Boxes 100 pack', packageQuantity: 100, packageUnit: 'each' });
  const tin = createGood(db, { name: 'Tin', lines: [{ kind: 'unit', finishedUnitId: biscotti.id, quantity: 6 }] });
  const gift = createGood(db, {
    name: 'Gift box',
    notes: 'For the neighbours',
    lines: [
      { kind: 'unit', finishedUnitId: cookie.id, quantity: 6 },
      { kind: 'good', goodId: tin.id, quantity: 1 },
      { kind: 'material', materialUnitId: box.id, quantity: 1 },
      { kind: 'material', materialUnitId: bow.id, materialProductId: null, quantity: 1 },
    ],
  });
  const selection = { goodIds: [gift.id] };
  const stored = captureDefinitions(db, selection);
  return { db, k, icing, cookies, glaze, cookie, biscotti, boxes, ribbon, box, bow, small, big, tin, gift, selection, stored };
}

type World = Awaited<ReturnType<typeof world>>;

// Slugs of the material units, as the service derives them from the material and unit names.
const BOX = 'window-box-one-box';
const BOW = 'ribbon-one-18-in-bow';

const lineInputs = (r: RecipeDetail) => r.ingredientLines.map((l) => ({ ingredientId: l.ingredient.id, quantity: l.quantity, unit: l.unit, notes: l.notes }));
const subInputs = (r: RecipeDetail) => r.subRecipes.map((s) => ({ recipeId: s.recipe.id, batchMultiplier: s.batchMultiplier }));
const goodLines = (g: GoodDetail) =>
  g.lines.map((l) =>
    l.kind === 'unit'
      ? { kind: 'unit' as const, finishedUnitId: l.finishedUnit.id, quantity: l.quantity }
      : l.kind === 'good'
        ? { kind: 'good' as const, goodId: l.good.id, quantity: l.quantity }
        : { kind: 'material' as const, materialUnitId: l.materialUnit.id, materialProductId: l.materialProduct?.id ?? null, quantity: l.quantity },
  );

function compare(w: World) {
  return compareDefinitions(w.db, { stored: w.stored.definitions, selection: w.selection });
}

const QUANTITY_EDITS: [string, (w: World) => void, { kind: DefinitionChangeKind; item: string; line?: string }[]][] = [
  ['an ingredient quantity', (w) => updateRecipe(w.db, { id: w.cookies.id, ingredientLines: lineInputs(w.cookies).map((l, i) => (i === 0 ? { ...l, quantity: 3.5 } : l)) }), [{ kind: 'ingredient_line_changed', item: 'sugar-cookies', line: 'flour' }]],
  ['an ingredient unit', (w) => updateRecipe(w.db, { id: w.cookies.id, ingredientLines: lineInputs(w.cookies).map((l, i) => (i === 1 ? { ...l, unit: 'lb' } : l)) }), [{ kind: 'ingredient_line_changed', item: 'sugar-cookies', line: 'butter' }]],
  ['an ingredient line added', (w) => updateRecipe(w.db, { id: w.cookies.id, ingredientLines: [...lineInputs(w.cookies), { ingredientId: w.k.sugar.id, quantity: 1, unit: 'cup', notes: '' }] }), [{ kind: 'ingredient_line_added', item: 'sugar-cookies', line: 'sugar' }]],
  ['an ingredient line removed', (w) => updateRecipe(w.db, { id: w.cookies.id, ingredientLines: lineInputs(w.cookies).slice(0, 2) }), [{ kind: 'ingredient_line_removed', item: 'sugar-cookies', line: 'eggs' }]],
  ['an ingredient swapped for another', (w) => updateRecipe(w.db, { id: w.cookies.id, ingredientLines: lineInputs(w.cookies).map((l, i) => (i === 1 ? { ...l, ingredientId: w.k.brownSugar.id } : l)) }), [
    { kind: 'ingredient_line_added', item: 'sugar-cookies', line: 'brown-sugar' },
    { kind: 'ingredient_line_removed', item: 'sugar-cookies', line: 'butter' },
  ]],
  ['a line of a sub-recipe, two levels down', (w) => updateRecipe(w.db, { id: w.icing.id, ingredientLines: [{ ingredientId: w.k.sugar.id, quantity: 2.5, unit: 'cup' }] }), [{ kind: 'ingredient_line_changed', item: 'icing', line: 'sugar' }]],
  ['a sub-recipe multiplier', (w) => updateRecipe(w.db, { id: w.cookies.id, subRecipes: [{ recipeId: w.icing.id, batchMultiplier: 1 }] }), [{ kind: 'sub_recipe_changed', item: 'sugar-cookies', line: 'icing' }]],
  ['a sub-recipe added', (w) => updateRecipe(w.db, { id: w.cookies.id, subRecipes: [...subInputs(w.cookies), { recipeId: w.glaze.id, batchMultiplier: 0.25 }] }), [{ kind: 'sub_recipe_added', item: 'sugar-cookies', line: 'glaze' }]],
  ['a sub-recipe removed', (w) => updateRecipe(w.db, { id: w.cookies.id, subRecipes: [] }), [{ kind: 'sub_recipe_removed', item: 'sugar-cookies', line: 'icing' }]],
  ['a yield', (w) => updateFinishedUnit(w.db, { id: w.cookie.id, itemsPerBatch: 36 }), [{ kind: 'yield_changed', item: 'sugar-cookie' }]],
  ['a yield mode', (w) => updateFinishedUnit(w.db, { id: w.biscotti.id, yieldMode: 'portion', portionPercent: 5 }), [{ kind: 'yield_changed', item: 'biscotti' }]],
  ['a composition quantity', (w) => updateGood(w.db, { id: w.gift.id, lines: goodLines(w.gift).map((l, i) => (i === 0 ? { ...l, quantity: 8 } : l)) }), [{ kind: 'composition_line_changed', item: 'gift-box', line: 'sugar-cookie' }]],
  ['a composition line added', (w) => updateGood(w.db, { id: w.gift.id, lines: [...goodLines(w.gift), { kind: 'unit', finishedUnitId: w.biscotti.id, quantity: 2 }] }), [{ kind: 'composition_line_added', item: 'gift-box', line: 'biscotti' }]],
  ['a composition line removed', (w) => updateGood(w.db, { id: w.gift.id, lines: goodLines(w.gift).filter((l) => l.kind !== 'good') }), [{ kind: 'composition_line_removed', item: 'gift-box', line: 'tin' }]],
  ['a line of the nested tin', (w) => updateGood(w.db, { id: w.tin.id, lines: [{ kind: 'unit', finishedUnitId: w.biscotti.id, quantity: 8 }] }), [{ kind: 'composition_line_changed', item: 'tin', line: 'biscotti' }]],
  ['a generic packaging line assigned a product', (w) => assignPackaging(w.db, { goodId: w.gift.id, lineId: w.gift.lines[2]!.id, materialProductId: w.small.id }), [{ kind: 'packaging_assignment_changed', item: 'gift-box', line: BOX }]],
  ['an assigned product swapped for another', (w) => {
    assignPackaging(w.db, { goodId: w.gift.id, lineId: w.gift.lines[2]!.id, materialProductId: w.small.id });
    w.stored = captureDefinitions(w.db, w.selection);
    assignPackaging(w.db, { goodId: w.gift.id, lineId: w.gift.lines[2]!.id, materialProductId: w.big.id });
  }, [{ kind: 'packaging_assignment_changed', item: 'gift-box', line: BOX }]],
  ['a material unit size', (w) => updateMaterialUnit(w.db, { id: w.bow.id, quantity: 24, unit: 'in' }), [{ kind: 'material_unit_size_changed', item: BOW }]],
];

const COSMETIC_EDITS: [string, (w: World) => void][] = [
  ['recipe name, category, source, notes', (w) => updateRecipe(w.db, { id: w.cookies.id, name: 'Grandma’s sugar cookies', category: 'Holiday', source: 'Grandma', notes: 'Chill the dough.' })],
  ['sub-recipe name and category', (w) => updateRecipe(w.db, { id: w.icing.id, name: 'Royal icing', category: 'Toppings' })],
  ['a line note', (w) => updateRecipe(w.db, { id: w.cookies.id, ingredientLines: lineInputs(w.cookies).map((l) => ({ ...l, notes: 'sifted' })) })],
  ['the order of ingredient lines', (w) => updateRecipe(w.db, { id: w.cookies.id, ingredientLines: lineInputs(w.cookies).reverse() })],
  ['finished unit name and notes', (w) => updateFinishedUnit(w.db, { id: w.cookie.id, name: 'Iced sugar cookie', notes: 'Star shaped' })],
  ['good name and notes', (w) => updateGood(w.db, { id: w.gift.id, name: 'Holiday gift box', notes: 'For the teachers' })],
  ['the order of composition lines', (w) => updateGood(w.db, { id: w.gift.id, lines: goodLines(w.gift).reverse() })],
  ['material, material unit and product names and categories', (w) => {
    updateMaterial(w.db, { id: w.boxes.id, name: 'Cake box', category: 'Cake boxes' });
    updateMaterialUnit(w.db, { id: w.box.id, name: 'one cake box', notes: 'fold flat' });
    updateMaterialProduct(w.db, { id: w.small.id, name: 'Cake boxes, pack of 25' });
  }],
  ['an ingredient renamed', (w) => updateIngredient(w.db, { id: w.k.flour.id, name: 'All-purpose flour' })],
  ['the good archived and restored', (w) => {
    archiveGood(w.db, w.gift.id);
    restoreGood(w.db, w.gift.id);
  }],
  ['a recipe saved with the same lines', (w) => updateRecipe(w.db, { id: w.cookies.id, ingredientLines: lineInputs(w.cookies), subRecipes: subInputs(w.cookies) })],
];

describe('change tracking: every quantity-changing edit is reported', () => {
  it.each(QUANTITY_EDITS)('%s', async (_, edit, expected) => {
    const w = await world();
    w.cookies = getRecipe(w.db, w.cookies.id);
    w.gift = getGood(w.db, w.gift.id);
    edit(w);
    const result = compare(w);
    expect(result.changed).toBe(true);
    expect(result.fingerprint).not.toBe(w.stored.fingerprint);
    expect(result.changes.map((c) => ({ kind: c.kind, item: c.item, ...(c.line ? { line: c.line } : {}) }))).toEqual(expected);
    for (const c of result.changes) expect(c.before ?? c.after).not.toBeNull();
  });

  it('reports before and after: flour 3 cup -> 3.5 cup; the bow 45.72 cm -> 60.96 cm', async () => {
    const w = await world();
    updateRecipe(w.db, { id: w.cookies.id, ingredientLines: lineInputs(w.cookies).map((l, i) => (i === 0 ? { ...l, quantity: 3.5 } : l)) });
    updateMaterialUnit(w.db, { id: w.bow.id, quantity: 24, unit: 'in' });
    const [flour, bow] = compare(w).changes;
    expect(flour).toEqual({ kind: 'ingredient_line_changed', item: 'sugar-cookies', line: 'flour', before: { ingredient: 'flour', quantity: 3, unit: 'cup' }, after: { ingredient: 'flour', quantity: 3.5, unit: 'cup' } });
    expect(bow).toMatchObject({ kind: 'material_unit_size_changed', item: BOW, before: { material: 'ribbon', size: expect.closeTo(45.72, 9) }, after: { size: expect.closeTo(60.96, 9) } });
  });

  it('the captured definition covers the nested tin, the units, their recipes and sub-recipes, and the packaging', async () => {
    const w = await world();
    const d = w.stored.definitions;
    expect(Object.keys(d.goods).sort()).toEqual(['gift-box', 'tin']);
    expect(Object.keys(d.finishedUnits).sort()).toEqual(['biscotti', 'sugar-cookie']);
    expect(Object.keys(d.recipes).sort()).toEqual(['biscotti', 'icing', 'sugar-cookies']);
    expect(Object.keys(d.materialUnits).sort()).toEqual([BOX, BOW].sort());
    expect(d.goods['gift-box']!.lines).toContainEqual({ kind: 'material', item: BOX, product: null, quantity: 1 });
    expect(captureDefinitions(w.db, w.selection).fingerprint).toBe(w.stored.fingerprint);
  });
});

describe('change tracking: cosmetic edits are told apart', () => {
  it.each(COSMETIC_EDITS)('%s', async (_, edit) => {
    const w = await world();
    w.cookies = getRecipe(w.db, w.cookies.id);
    w.gift = getGood(w.db, w.gift.id);
    edit(w);
    expect(compare(w)).toEqual({ fingerprint: w.stored.fingerprint, changed: false, changes: [] });
  });
});

describe('capture', () => {
  it('refuses a selection that names something deleted', async () => {
    const w: { db: Database } = await world();
    expect(() => captureDefinitions(w.db, { recipeIds: [999] })).toThrowError('That recipe no longer exists.');
  });
});
