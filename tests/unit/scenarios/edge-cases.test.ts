/*
 * Scenarios the rules of domain.md imply but its examples do not show, each
 * built through the real services on real sql.js and checked to the figure:
 * a good nested three deep (plan, feasibility, assembly, progress), a
 * portion yield in a plan, zero stock, an ingredient with no density, and
 * count -> volume through both of an ingredient's densities.
 */
import { describe, expect, it } from 'vitest';
import { createIngredient } from '../../../src/services/catalog/ingredients';
import { createProduct } from '../../../src/services/catalog/products';
import { createGood } from '../../../src/services/goods/goods';
import { recordAssembly } from '../../../src/services/making/assembly';
import { recordProduction } from '../../../src/services/making/production';
import { consumeFifo, planFifo } from '../../../src/services/pantry/fifo';
import { recordPurchase } from '../../../src/services/pantry/purchases';
import { createEvent } from '../../../src/services/planning/events';
import { eventFeasibility } from '../../../src/services/planning/feasibility';
import { calculatePlan } from '../../../src/services/planning/plan';
import { eventProgress } from '../../../src/services/planning/progress';
import { shoppingList } from '../../../src/services/planning/shopping-list';
import { setGoodTarget, setUnitTarget } from '../../../src/services/planning/targets';
import { createFinishedUnit } from '../../../src/services/recipes/finished-units';
import { createRecipe } from '../../../src/services/recipes/recipes';
import { testDb } from '../../helpers/db';
import { kitchen, refused } from '../services/kitchen';
import { decideBatches } from '../../../src/services/planning/batch-decisions';
import { bakeShop } from '../services/making/bake-shop';

/** Crate = 2 baskets; basket = 2 tins + 1 cello bag; tin = 6 sugar cookies (48 a batch, 9.03 a batch). And a pie cut in 12.5 % slices. */
async function crateFair() {
  const db = await testDb();
  const s = bakeShop(db);
  const tin = createGood(db, { name: 'Tin', lines: [{ kind: 'unit', finishedUnitId: s.cookie.id, quantity: 6 }] });
  const basket = createGood(db, {
    name: 'Basket',
    lines: [
      { kind: 'good', goodId: tin.id, quantity: 2 },
      { kind: 'material', materialUnitId: s.oneBag.id, materialProductId: s.bagPack.id, quantity: 1 },
    ],
  });
  const crate = createGood(db, { name: 'Crate', lines: [{ kind: 'good', goodId: basket.id, quantity: 2 }] });
  const pie = createRecipe(db, { name: 'Pie', ingredientLines: [{ ingredientId: s.flour.id, quantity: 1, unit: 'cup' }] });
  const slice = createFinishedUnit(db, { recipeId: pie.id, name: 'Slice', yieldMode: 'portion', portionPercent: 12.5 });
  const event = createEvent(db, { name: 'Fair', date: '2026-12-15' });
  setGoodTarget(db, { eventId: event.id, goodId: crate.id, quantity: 3 });
  setUnitTarget(db, { eventId: event.id, finishedUnitId: slice.id, quantity: 20 });
  return { db, s, tin, basket, crate, pie, slice, event };
}

describe('a good nested three deep, and a portion yield, through plan, boxing and progress', () => {
  it('3 crates = 6 baskets = 12 tins = 72 cookies: 2 batches (96, 24 spare, 25 %); 20 slices at 12.5 %: 3 batches (24, 4 spare)', async () => {
    const f = await crateFair();
    const plan = calculatePlan(f.db, { eventId: f.event.id }).payload;
    expect(plan.batches.map((b) => [b.finishedUnit, b.unitsNeeded, b.yieldPerBatch, b.batches, b.totalUnits, b.waste, b.floor, b.ceil])).toEqual([
      ['slice', 20, 8, 3, 24, 4, { batches: 2, totalUnits: 16, short: 4 }, { batches: 3, totalUnits: 24, spare: 4 }],
      ['sugar-cookie', 72, 48, 2, 96, 24, { batches: 1, totalUnits: 48, short: 24 }, { batches: 2, totalUnits: 96, spare: 24 }],
    ]);
    expect(plan.batches.map((b) => b.wastePercent)).toEqual([expect.closeTo(16.6667, 4), 25]);
    // Flour: 2 x 3 cup (cookies) + 3 x 1 cup (pie) = 9 cup = 36 oz = 2.25 lb at 8.99.
    expect(plan.ingredients.map((i) => [i.ingredient, i.quantity, i.unit, i.cost])).toEqual([
      ['butter', 0.5, 'lb', 2.5],
      ['eggs', 4, 'each', 1.2],
      ['flour', 2.25, 'lb', 20.2275],
      ['sugar', 0.875, 'lb', 0.875],
    ]);
    // 6 baskets need 6 bags; no bag was ever bought, so the baseline is unknown.
    expect(plan.packaging.map((p) => [p.material, p.quantity, p.unit, p.cost])).toEqual([['cellophane-bag', 6, 'each', null]]);
    expect(plan.costBaseline).toBeNull();
  });

  it('feasibility counts a nested good from its own stock; each level assembled carries its exact cost up; progress 50 / 66.67 / 58.33', async () => {
    const f = await crateFair();
    f.s.buyBags(1, 5); // 0.10 a bag
    recordProduction(f.db, { recipeId: f.s.cookies.id, batches: 2, eventId: f.event.id }); // 96 cookies for 18.06
    const tins = recordAssembly(f.db, { goodId: f.tin.id, quantity: 8, eventId: f.event.id });
    expect([tins.totalCost, tins.costPerUnit]).toEqual([9.03, 1.1288]); // 48 x 0.188125; 1.12875 each
    const baskets = recordAssembly(f.db, { goodId: f.basket.id, quantity: 4, eventId: f.event.id });
    expect([baskets.totalCost, baskets.costPerUnit]).toEqual([9.43, 2.3575]); // 8 tins 9.03 + 4 bags 0.40

    const before = eventFeasibility(f.db, { eventId: f.event.id });
    expect(before.goods.map((g) => [g.good, g.target, g.canAssemble, g.status])).toEqual([['crate', 3, 2, 'partial']]);
    expect(before.blockers.inventory.map((b) => [b.item, b.needed, b.have])).toEqual([['basket', 6, 4]]);

    const crates = recordAssembly(f.db, { goodId: f.crate.id, quantity: 2, eventId: f.event.id });
    expect(crates.ledger.map((l) => [l.kind, l.item.slug, l.lot.id, l.quantity, l.cost])).toEqual([['finished_good', 'basket', baskets.output!.id, 4, 9.43]]);
    expect([crates.totalCost, crates.costPerUnit]).toEqual([9.43, 4.715]);

    const p = eventProgress(f.db, { eventId: f.event.id });
    expect(p.recipes.map((r) => [r.recipe, r.targetBatches, r.producedBatches, r.remaining, r.overage, r.percent])).toEqual([
      ['pie', 3, 0, 3, 0, 0],
      ['sugar-cookies', 2, 2, 0, 0, 100],
    ]);
    expect(p.goods.map((g) => [g.good, g.target, g.assembled, g.availableToAssemble])).toEqual([['crate', 3, 2, 0]]);
    expect(p.goods[0]!.percent).toBeCloseTo(66.6667, 4);
    expect(p.productionPercent).toBe(50);
    expect(p.overallPercent).toBeCloseTo(58.3333, 4);

    // What is left to buy: the pie's 3 batches (0.75 lb of flour, 8.5 lb on hand) and bags for the one crate not yet made.
    const list = shoppingList(f.db, { eventId: f.event.id });
    expect(list.items.map((i) => [i.slug, i.need, i.onHand, i.toBuy])).toEqual([['flour', 0.75, 8.5, 0]]);
    expect(list.materials.map((m) => [m.slug, m.need, m.onHand, m.toBuy])).toEqual([['cellophane-bag', 2, 46, 0]]);
    expect(list.estimatedCost).toBe(0);
  });
});

describe('stock and units at their edges', () => {
  it('zero stock: the draw fails naming the ingredient, what is needed and what is short, and changes nothing', async () => {
    const db = await testDb();
    const k = kitchen(db);
    const e = refused(db, () => consumeFifo(db, { ingredientId: k.cocoa.id, quantity: 1, unit: 'cup' }));
    expect(e.code).toBe('INSUFFICIENT_STOCK');
    expect(e.details).toMatchObject({ ingredient: 'Cocoa', needed: 1, available: 0, missing: 1, unit: 'cup' });
  });

  it('no density: cups of brown sugar bought by the pound is an error naming the ingredient and both units', async () => {
    const db = await testDb();
    const k = kitchen(db);
    const e = refused(db, () => consumeFifo(db, { ingredientId: k.brownSugar.id, quantity: 1, unit: 'cup' }));
    expect([e.code, e.message]).toEqual(['MISSING_DENSITY', 'Set a density for Brown sugar to convert cup to g.']);
  });

  it('count -> volume goes through both densities: eggs at 50 g each and 1 cup = 243 g; 1 cup = 4.86 eggs = 1.458 at 0.30', async () => {
    const db = await testDb();
    const eggs = createIngredient(db, {
      name: 'Eggs',
      eachWeight: { qty: 50, unit: 'g' },
      density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 243, weightUnit: 'g' },
    });
    const dozen = createProduct(db, { ingredientId: eggs.id, name: 'Dozen', packageQuantity: 12, packageUnit: 'each' });
    recordPurchase(db, { productId: dozen.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 3.6 });
    const plan = planFifo(db, { ingredientId: eggs.id, quantity: 1, unit: 'cup' });
    expect(plan.draws.map((d) => [d.lotQuantity, d.lotUnit])).toEqual([[expect.closeTo(4.86, 12), 'each']]);
    expect(plan.totalCost).toBe(1.458);
  });
});

describe('a recipe line that cannot convert (cups of brown sugar, no density, bought by the pound)', () => {
  it('the plan lists it in its own unit with cost unknown and no baseline; feasibility names it once as a cost blocker', async () => {
    const db = await testDb();
    const k = kitchen(db);
    const toffee = createRecipe(db, {
      name: 'Toffee',
      ingredientLines: [
        { ingredientId: k.brownSugar.id, quantity: 1, unit: 'cup' },
        { ingredientId: k.brownSugar.id, quantity: 100, unit: 'g' },
        { ingredientId: k.butter.id, quantity: 1, unit: 'cup' },
      ],
    });
    const piece = createFinishedUnit(db, { recipeId: toffee.id, name: 'Toffee piece', yieldMode: 'discrete', itemsPerBatch: 10 });
    const event = createEvent(db, { name: 'Fair', date: '2026-12-15' });
    setUnitTarget(db, { eventId: event.id, finishedUnitId: piece.id, quantity: 25 });
    decideBatches(db, { eventId: event.id, finishedUnitId: piece.id, batches: 3 });

    const plan = calculatePlan(db, { eventId: event.id }).payload;
    expect(plan.ingredients.map((i) => [i.ingredient, i.quantity, i.unit, i.cost])).toEqual([
      ['brown-sugar', 3, 'cup', null],
      ['brown-sugar', 300, 'g', null],
      ['butter', 1.5, 'lb', 7.5],
    ]);
    expect(plan.costBaseline).toBeNull();

    const f = eventFeasibility(db, { eventId: event.id });
    expect(f.blockers.cost.map((b) => [b.item, b.reason])).toEqual([['brown-sugar', 'Set a density for Brown sugar to convert cup to lb.']]);
    expect(f.blockers.assignment).toEqual([]);

    // The cups cannot be matched to pound bags: to buy stays 3 cup, with no package and an unknown estimate, and says why.
    const list = shoppingList(db, { eventId: event.id });
    const cups = list.items.find((i) => i.unit === 'cup')!;
    expect([cups.need, cups.onHand, cups.toBuy, cups.packages, cups.cost]).toEqual([3, 0, 3, [], null]);
    expect(cups.notes).toContain('No product of Brown sugar can be bought by the cup: add one in the pantry to buy it by the package.');
    expect(list.estimatedCost).toBeNull();
  });
});
