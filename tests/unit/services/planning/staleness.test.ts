/*
 * Staleness: a saved plan compared with what it is computed from today.
 * One test per trigger (each asserting the change it reports, before and
 * after) and one per cosmetic edit (which never makes the plan stale); and
 * the recalculation preview: differences in batches and cost, written only
 * when saved.
 */
import { describe, expect, it } from 'vitest';
import { transaction } from '../../../../src/db/session';
import { updateIngredient } from '../../../../src/services/catalog/ingredients';
import { assignPackaging, createGood, getGood, updateGood } from '../../../../src/services/goods/goods';
import { updateMaterialUnit } from '../../../../src/services/materials/material-units';
import { updateMaterial } from '../../../../src/services/materials/materials';
import { decideBatches } from '../../../../src/services/planning/batch-decisions';
import { updateEvent } from '../../../../src/services/planning/events';
import { calculatePlan } from '../../../../src/services/planning/plan';
import { advancePlan } from '../../../../src/services/planning/plan-steps';
import { chooseRecipe } from '../../../../src/services/planning/recipe-choices';
import { planDifferences, planStaleness, type PlanChange } from '../../../../src/services/planning/staleness';
import { setGoodTarget, setUnitTarget } from '../../../../src/services/planning/targets';
import { createFinishedUnit, updateFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { createRecipe, getRecipe, updateRecipe } from '../../../../src/services/recipes/recipes';
import { count } from '../../../helpers/db';
import { dbState } from '../kitchen';
import { planBakery, type PlanBakery } from './plan-bakery';

async function saved() {
  const b = await planBakery();
  calculatePlan(b.db, { eventId: b.event.id, save: true });
  return b;
}

const lines = (b: PlanBakery, id: number) => getRecipe(b.db, id).ingredientLines.map((l) => ({ ingredientId: l.ingredient.id, quantity: l.quantity, unit: l.unit }));
const goodLines = (b: PlanBakery) =>
  getGood(b.db, b.bag.id).lines.map((l) =>
    l.kind === 'unit'
      ? { kind: 'unit' as const, finishedUnitId: l.finishedUnit.id, quantity: l.quantity }
      : l.kind === 'good'
        ? { kind: 'good' as const, goodId: l.good.id, quantity: l.quantity }
        : { kind: 'material' as const, materialUnitId: l.materialUnit.id, materialProductId: l.materialProduct?.id ?? null, quantity: l.quantity },
  );
const stripLine = (c: PlanChange) => ({ kind: c.kind, item: c.item, before: c.before, after: c.after });

const BOW = 'ribbon-one-18-in-bow';

const TRIGGERS: [string, (b: PlanBakery) => void, Partial<PlanChange>[]][] = [
  ['a good target changed', (b) => setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 12 }), [{ kind: 'good_target_changed', item: 'cookie-bag', before: 10, after: 12 }]],
  ['a good target added', (b) => {
    const tin = createGood(b.db, { name: 'Brownie tin', lines: [{ kind: 'unit', finishedUnitId: b.brownie.id, quantity: 6 }] });
    setGoodTarget(b.db, { eventId: b.event.id, goodId: tin.id, quantity: 4 });
  }, [{ kind: 'good_target_added', item: 'brownie-tin', before: null, after: 4 }]],
  ['a good target removed', (b) => setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 0 }), [{ kind: 'good_target_removed', item: 'cookie-bag', before: 10, after: null }]],
  ['a unit target added', (b) => setUnitTarget(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, quantity: 100 }), [{ kind: 'unit_target_added', item: 'sugar-cookie', before: null, after: 100 }]],
  ['a unit target changed', (b) => {
    setUnitTarget(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, quantity: 100 });
    calculatePlan(b.db, { eventId: b.event.id, save: true });
    setUnitTarget(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, quantity: 120 });
  }, [{ kind: 'unit_target_changed', item: 'sugar-cookie', before: 100, after: 120 }]],
  ['a unit target removed', (b) => {
    setUnitTarget(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, quantity: 100 });
    calculatePlan(b.db, { eventId: b.event.id, save: true });
    setUnitTarget(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, quantity: 0 });
  }, [{ kind: 'unit_target_removed', item: 'sugar-cookie', before: 100, after: null }]],
  ['a batch decision', (b) => decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, batches: 2 }), [{ kind: 'batch_decision_changed', item: 'sugar-cookie', before: 1, after: 2 }]],
  ['a batch decision changed again', (b) => {
    decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, batches: 2 });
    calculatePlan(b.db, { eventId: b.event.id, save: true });
    decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, batches: 3 });
  }, [{ kind: 'batch_decision_changed', item: 'sugar-cookie', before: 2, after: 3 }]],
  ['the recipe chosen for a unit', (b) => {
    const rich = createRecipe(b.db, { name: 'Rich sugar cookies', baseRecipeId: b.cookies.id, variantName: 'Rich', ingredientLines: [{ ingredientId: b.k.butter.id, quantity: 2, unit: 'cup' }] });
    chooseRecipe(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, recipeId: rich.id });
  }, [{ kind: 'recipe_choice_changed', item: 'sugar-cookie', before: 'sugar-cookies', after: 'rich-sugar-cookies' }]],
  ['a composition line changed', (b) => updateGood(b.db, { id: b.bag.id, lines: goodLines(b).map((l) => (l.kind === 'unit' && l.finishedUnitId === b.cookie.id ? { ...l, quantity: 4 } : l)) }), [
    { kind: 'composition_line_changed', item: 'cookie-bag', line: 'sugar-cookie', before: { kind: 'unit', item: 'sugar-cookie', quantity: 3 }, after: { kind: 'unit', item: 'sugar-cookie', quantity: 4 } },
  ]],
  ['a composition line added', (b) => {
    const scones = createRecipe(b.db, { name: 'Scones', ingredientLines: [{ ingredientId: b.k.flour.id, quantity: 2, unit: 'cup' }] });
    const scone = createFinishedUnit(b.db, { recipeId: scones.id, name: 'Scone', yieldMode: 'discrete', itemsPerBatch: 8 });
    updateGood(b.db, { id: b.bag.id, lines: [...goodLines(b), { kind: 'unit', finishedUnitId: scone.id, quantity: 1 }] });
  }, [{ kind: 'composition_line_added', item: 'cookie-bag', line: 'scone', before: null, after: { kind: 'unit', item: 'scone', quantity: 1 } }]],
  ['a composition line removed', (b) => updateGood(b.db, { id: b.bag.id, lines: goodLines(b).filter((l) => !(l.kind === 'unit' && l.finishedUnitId === b.brownie.id)) }), [
    { kind: 'composition_line_removed', item: 'cookie-bag', line: 'brownie', before: { kind: 'unit', item: 'brownie', quantity: 2 }, after: null },
  ]],
  ['a finished unit yield', (b) => updateFinishedUnit(b.db, { id: b.cookie.id, itemsPerBatch: 36 }), [
    { kind: 'yield_changed', item: 'sugar-cookie', before: { recipe: 'sugar-cookies', yieldMode: 'discrete', itemsPerBatch: 48, portionPercent: null }, after: { recipe: 'sugar-cookies', yieldMode: 'discrete', itemsPerBatch: 36, portionPercent: null } },
  ]],
  ['a recipe ingredient line changed', (b) => updateRecipe(b.db, { id: b.cookies.id, ingredientLines: lines(b, b.cookies.id).map((l, i) => (i === 0 ? { ...l, quantity: 2.5 } : l)) }), [
    { kind: 'ingredient_line_changed', item: 'sugar-cookies', line: 'flour', before: { ingredient: 'flour', quantity: 2, unit: 'cup' }, after: { ingredient: 'flour', quantity: 2.5, unit: 'cup' } },
  ]],
  ['a recipe ingredient line added', (b) => updateRecipe(b.db, { id: b.cookies.id, ingredientLines: [...lines(b, b.cookies.id), { ingredientId: b.k.eggs.id, quantity: 1, unit: 'each' }] }), [
    { kind: 'ingredient_line_added', item: 'sugar-cookies', line: 'eggs', before: null, after: { ingredient: 'eggs', quantity: 1, unit: 'each' } },
  ]],
  ['a recipe ingredient line removed', (b) => updateRecipe(b.db, { id: b.cookies.id, ingredientLines: lines(b, b.cookies.id).slice(0, 2) }), [
    { kind: 'ingredient_line_removed', item: 'sugar-cookies', line: 'butter', before: { ingredient: 'butter', quantity: 0.5, unit: 'cup' }, after: null },
  ]],
  ['a line of a sub-recipe', (b) => updateRecipe(b.db, { id: b.frosting.id, ingredientLines: lines(b, b.frosting.id).map((l, i) => (i === 0 ? { ...l, quantity: 1.5 } : l)) }), [
    { kind: 'ingredient_line_changed', item: 'frosting', line: 'sugar', before: { ingredient: 'sugar', quantity: 1, unit: 'cup' }, after: { ingredient: 'sugar', quantity: 1.5, unit: 'cup' } },
  ]],
  ['a sub-recipe multiplier', (b) => updateRecipe(b.db, { id: b.brownies.id, subRecipes: [{ recipeId: b.frosting.id, batchMultiplier: 1 }] }), [
    { kind: 'sub_recipe_changed', item: 'brownies', line: 'frosting', before: { recipe: 'frosting', batchMultiplier: 0.5 }, after: { recipe: 'frosting', batchMultiplier: 1 } },
  ]],
  ['a sub-recipe removed', (b) => updateRecipe(b.db, { id: b.brownies.id, subRecipes: [] }), [
    { kind: 'sub_recipe_removed', item: 'brownies', line: 'frosting', before: { recipe: 'frosting', batchMultiplier: 0.5 }, after: null },
  ]],
  ['a packaging assignment', (b) => {
    const bowLine = getGood(b.db, b.bag.id).lines.find((l) => l.kind === 'material' && l.generic)!;
    assignPackaging(b.db, { goodId: b.bag.id, lineId: bowLine.id, materialProductId: b.spool.id });
  }, [{ kind: 'packaging_assignment_changed', item: 'cookie-bag', line: BOW, before: { kind: 'material', item: BOW, product: null, quantity: 1 }, after: { kind: 'material', item: BOW, product: 'ribbon-100-ft', quantity: 1 } }]],
  ['a material unit size', (b) => updateMaterialUnit(b.db, { id: b.bow.id, quantity: 24, unit: 'in' }), [
    { kind: 'material_unit_size_changed', item: BOW, before: { material: 'ribbon', size: expect.closeTo(45.72, 9) }, after: { material: 'ribbon', size: expect.closeTo(60.96, 9) } },
  ]],
];

const COSMETIC: [string, (b: PlanBakery) => void][] = [
  ['recipe name, category and notes', (b) => updateRecipe(b.db, { id: b.cookies.id, name: 'Iced sugar cookies', category: 'Holiday', notes: 'Chill the dough.' })],
  ['sub-recipe name', (b) => updateRecipe(b.db, { id: b.frosting.id, name: 'Fudge frosting' })],
  ['the order of a recipe\'s lines', (b) => updateRecipe(b.db, { id: b.cookies.id, ingredientLines: lines(b, b.cookies.id).reverse() })],
  ['finished unit name and notes', (b) => updateFinishedUnit(b.db, { id: b.cookie.id, name: 'Star cookie', notes: 'Star cutter' })],
  ['good name and notes', (b) => updateGood(b.db, { id: b.bag.id, name: 'Treat bag', notes: 'For the fair' })],
  ['material name and category', (b) => updateMaterial(b.db, { id: b.ribbon.id, name: 'Satin ribbon', category: 'Ribbons' })],
  ['material unit name', (b) => updateMaterialUnit(b.db, { id: b.bow.id, name: 'one big bow' })],
  ['ingredient name', (b) => updateIngredient(b.db, { id: b.k.flour.id, name: 'All-purpose flour' })],
  ['event name, date and notes', (b) => updateEvent(b.db, { id: b.event.id, name: 'Winter fair', date: '2026-12-20', notes: 'Moved a week' })],
  ['a batch decision equal to the default, then cleared by a target round trip', (b) => {
    setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 11 });
    setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 10 });
  }],
];

describe('staleness: each change that alters the numbers is reported, with before and after', () => {
  it('a freshly saved plan is not stale; a plan never saved cannot be', async () => {
    const b = await planBakery();
    expect(planStaleness(b.db, { eventId: b.event.id })).toEqual({ event: 'holiday-bake', snapshotId: null, savedAt: null, stale: false, changes: [] });
    calculatePlan(b.db, { eventId: b.event.id, save: true });
    expect(planStaleness(b.db, { eventId: b.event.id })).toMatchObject({ stale: false, changes: [], savedAt: '2026-11-26T12:00:00.000Z' });
  });

  it.each(TRIGGERS)('%s', async (_, edit, expected) => {
    const b = await saved();
    edit(b);
    const result = planStaleness(b.db, { eventId: b.event.id });
    expect(result.stale).toBe(true);
    expect(result.changes).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  it('a target change reports only the target: the plan then needs more of everything, which recalculating shows', async () => {
    const b = await saved();
    setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 20 });
    expect(planStaleness(b.db, { eventId: b.event.id }).changes.map(stripLine)).toEqual([{ kind: 'good_target_changed', item: 'cookie-bag', before: 10, after: 20 }]);
  });
});

describe('deciding what the plan already bakes changes no number, so it is not a change (domain.md, Staleness)', () => {
  it('locking writes the default batches the saved plan used: still up to date; so is deciding the same count again', async () => {
    const b = await saved();
    advancePlan(b.db, { eventId: b.event.id, state: 'locked' });
    expect(planStaleness(b.db, { eventId: b.event.id })).toMatchObject({ stale: false, changes: [] });
    decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, batches: 1 });
    expect(planStaleness(b.db, { eventId: b.event.id })).toMatchObject({ stale: false, changes: [] });
    decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, batches: 2 });
    expect(planStaleness(b.db, { eventId: b.event.id }).changes.map(stripLine)).toEqual([{ kind: 'batch_decision_changed', item: 'sugar-cookie', before: 1, after: 2 }]);
  });
});

describe('each change in the baker\'s words, for the banner', () => {
  it('names the items and lines, with the numbers before and after', async () => {
    const b = await saved();
    setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 12 });
    decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, batches: 2 });
    updateRecipe(b.db, { id: b.cookies.id, ingredientLines: lines(b, b.cookies.id).map((l, i) => (i === 0 ? { ...l, quantity: 2.5 } : l)) });
    updateRecipe(b.db, { id: b.brownies.id, subRecipes: [{ recipeId: b.frosting.id, batchMultiplier: 1 }] });
    updateFinishedUnit(b.db, { id: b.brownie.id, itemsPerBatch: 20 });
    const bowLine = getGood(b.db, b.bag.id).lines.find((l) => l.kind === 'material' && l.generic)!;
    assignPackaging(b.db, { goodId: b.bag.id, lineId: bowLine.id, materialProductId: b.spool.id });
    updateMaterialUnit(b.db, { id: b.bow.id, quantity: 24, unit: 'in' });
    expect(planStaleness(b.db, { eventId: b.event.id }).changes.map((c) => c.summary)).toEqual([
      'Cookie bag: target 10 → 12',
      'Sugar cookie: 1 batch → 2 batches',
      'Brownies: Frosting × 0.5 batch → × 1 batch',
      'Sugar cookies: Flour 2 cup → 2.5 cup',
      'Brownie: yield 24 a batch → 20 a batch',
      'Cookie bag: one 18 in bow now Ribbon 100 ft (was any product)',
      'one 18 in bow: size 45.72 → 60.96 cm',
    ]);
  });
});

describe('staleness: cosmetic edits never make a plan stale', () => {
  it.each(COSMETIC)('%s', async (_, edit) => {
    const b = await saved();
    edit(b);
    expect(planStaleness(b.db, { eventId: b.event.id })).toMatchObject({ stale: false, changes: [] });
  });
});

describe('recalculating shows the differences in batches and cost before saving', () => {
  it('20 bags instead of 10: cookies 1 → 2 batches, flour 0.75 → 1.5 lb, the baseline before and after; nothing is written', async () => {
    const b = await saved();
    setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 20 });
    const before = dbState(b.db);
    const d = planDifferences(b.db, { eventId: b.event.id });
    expect(dbState(b.db)).toEqual(before);
    expect(d.savedAt).toBe('2026-11-26T12:00:00.000Z');
    expect(d.batches).toEqual([
      { finishedUnit: 'brownie', displayName: 'Brownie', recipe: 'brownies', before: { batches: 1, totalUnits: 24, recipe: 'brownies' }, after: { batches: 2, totalUnits: 48, recipe: 'brownies' } },
      { finishedUnit: 'sugar-cookie', displayName: 'Sugar cookie', recipe: 'sugar-cookies', before: { batches: 1, totalUnits: 48, recipe: 'sugar-cookies' }, after: { batches: 2, totalUnits: 96, recipe: 'sugar-cookies' } },
    ]);
    const flour = d.ingredients.find((i) => i.ingredient === 'flour')!;
    expect(flour).toMatchObject({ unit: 'lb', before: { quantity: 0.75, cost: 6.7425 }, after: { quantity: 1.5, cost: 13.485 } });
    expect(d.costBaseline.before).toBe(11.8132);
    expect(d.costBaseline.after).toBe(d.current.payload.costBaseline);
    expect(d.packaging.map((p) => [p.material, p.before?.quantity, p.after?.quantity])).toEqual([
      ['cello-bag', 10, 20],
      ['ribbon', expect.closeTo(457.2, 9), expect.closeTo(914.4, 9)],
    ]);
    calculatePlan(b.db, { eventId: b.event.id, save: true });
    expect(count(b.db, 'plan_snapshots')).toBe(2);
    expect(planStaleness(b.db, { eventId: b.event.id }).stale).toBe(false);
    expect(planDifferences(b.db, { eventId: b.event.id })).toMatchObject({ batches: [], ingredients: [], packaging: [] });
  });

  it('staleness inside a caller\'s transaction sees its uncommitted edit, and nothing once rolled back', async () => {
    const b = await saved();
    expect(() =>
      transaction(b.db, (tx) => {
        updateFinishedUnit(b.db, { id: b.brownie.id, itemsPerBatch: 12 }, tx);
        expect(planStaleness(b.db, { eventId: b.event.id }, tx).changes.map((c) => c.kind)).toEqual(['yield_changed']);
        throw new Error('undo');
      }),
    ).toThrow('undo');
    expect(planStaleness(b.db, { eventId: b.event.id }).stale).toBe(false);
  });
});
