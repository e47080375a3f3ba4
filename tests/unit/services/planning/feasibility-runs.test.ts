/*
 * "Can we box it?" once things are baked and boxed, stock made through
 * making's one recording path: domain.md's bag of 6 cookies + 3 brownies,
 * target 50 (300/150 -> 50 can assemble; 300/120 -> 40 partial), a nested
 * good counted from its own stock, the cost blocker alone, and undone runs.
 */
import { describe, expect, it } from 'vitest';
import { createGood } from '../../../../src/services/goods/goods';
import { recordAssembly } from '../../../../src/services/making/assembly';
import { recordProduction } from '../../../../src/services/making/production';
import { undoRun } from '../../../../src/services/making/undo';
import { createMaterialProduct } from '../../../../src/services/materials/material-products';
import { recordMaterialPurchase } from '../../../../src/services/materials/material-purchases';
import { createMaterialUnit } from '../../../../src/services/materials/material-units';
import { createMaterial } from '../../../../src/services/materials/materials';
import { decideBatches } from '../../../../src/services/planning/batch-decisions';
import { createEvent } from '../../../../src/services/planning/events';
import { eventFeasibility } from '../../../../src/services/planning/feasibility';
import { setGoodTarget, setUnitTarget } from '../../../../src/services/planning/targets';
import { createFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { createRecipe } from '../../../../src/services/recipes/recipes';
import { shopBakery } from './shop-bakery';

/** Cookies 50 a batch, brownies 30 a batch, a bag of 6 + 3 with a target of 50, flour enough for all. */
async function treatBags() {
  const s = await shopBakery();
  s.buy(s.product(s.flour.id, 'Flour 25 lb', 25, 'lb').id, 9.49);
  const recipe = (name: string, perBatch: number) => {
    const r = createRecipe(s.db, { name, ingredientLines: [{ ingredientId: s.flour.id, quantity: 1, unit: 'cup' }] });
    return { recipe: r, unit: createFinishedUnit(s.db, { recipeId: r.id, name, yieldMode: 'discrete', itemsPerBatch: perBatch }) };
  };
  const cookies = recipe('Cookie', 50);
  const brownies = recipe('Brownie', 30);
  const bag = createGood(s.db, {
    name: 'Treat bag',
    lines: [
      { kind: 'unit', finishedUnitId: cookies.unit.id, quantity: 6 },
      { kind: 'unit', finishedUnitId: brownies.unit.id, quantity: 3 },
    ],
  });
  const event = createEvent(s.db, { name: 'Fair', date: '2026-12-01' });
  setGoodTarget(s.db, { eventId: event.id, goodId: bag.id, quantity: 50 });
  decideBatches(s.db, { eventId: event.id, finishedUnitId: cookies.unit.id, batches: 6 });
  decideBatches(s.db, { eventId: event.id, finishedUnitId: brownies.unit.id, batches: 5 });
  const bake = (what: typeof cookies, batches: number) => recordProduction(s.db, { recipeId: what.recipe.id, batches, eventId: event.id });
  const status = () => eventFeasibility(s.db, { eventId: event.id }).goods.map((g) => [g.canAssemble, g.status]);
  return { ...s, cookies, brownies, bag, event, bake, status };
}

describe("domain.md's bag of 6 cookies + 3 brownies, target 50", () => {
  it('300 cookies and 150 brownies -> 50, can assemble; no blockers', async () => {
    const b = await treatBags();
    b.bake(b.cookies, 6);
    b.bake(b.brownies, 5);
    const f = eventFeasibility(b.db, { eventId: b.event.id });
    expect(f.goods.map((g) => [g.canAssemble, g.status, g.limitedBy])).toEqual([[50, 'can_assemble', []]]);
    expect(f.goods[0]!.lines.map((l) => [l.name, l.stock, l.allows])).toEqual([
      ['Cookie', 300, 50],
      ['Brownie', 150, 50],
    ]);
    expect(f.blockers).toEqual({ inventory: [], cost: [], assignment: [] });
  });

  it('300 cookies and 120 brownies -> 40, partial; the brownies short by 30 (inventory only)', async () => {
    const b = await treatBags();
    b.bake(b.cookies, 6);
    b.bake(b.brownies, 4);
    const f = eventFeasibility(b.db, { eventId: b.event.id });
    expect(f.goods.map((g) => [g.canAssemble, g.status, g.limitedBy])).toEqual([[40, 'partial', ['Brownie']]]);
    expect(f.blockers.inventory.map((i) => [i.item, i.needed, i.have])).toEqual([['brownie', 150, 120]]);
    expect([f.blockers.cost, f.blockers.assignment]).toEqual([[], []]);
  });

  it('none baked -> 0, awaiting production; cookies but no brownies -> still awaiting production', async () => {
    const b = await treatBags();
    expect(b.status()).toEqual([[0, 'awaiting_production']]);
    b.bake(b.cookies, 6);
    expect(b.status()).toEqual([[0, 'awaiting_production']]);
  });

  it('"an FU it needs has no stock", as written: 2 brownies (3 a bag) are stock, so 0 bags is cannot assemble; none left is awaiting production', async () => {
    const b = await treatBags();
    b.bake(b.cookies, 6);
    const burnt = recordProduction(b.db, { recipeId: b.brownies.recipe.id, batches: 1, actualYield: 2, lossCategory: 'burnt', eventId: b.event.id });
    expect(b.status()).toEqual([[0, 'cannot_assemble']]);
    expect(eventFeasibility(b.db, { eventId: b.event.id }).blockers.inventory.map((i) => [i.item, i.needed, i.have])).toEqual([['brownie', 150, 2]]);
    undoRun(b.db, { kind: 'production', id: burnt.id });
    expect(b.status()).toEqual([[0, 'awaiting_production']]);
  });

  it('an undone bake is stock no more; what was assembled leaves the stock it used', async () => {
    const b = await treatBags();
    b.bake(b.cookies, 6);
    const brownies = b.bake(b.brownies, 5);
    expect(b.status()).toEqual([[50, 'can_assemble']]);
    undoRun(b.db, { kind: 'production', id: brownies.id });
    expect(b.status()).toEqual([[0, 'awaiting_production']]);
    b.bake(b.brownies, 5);
    recordAssembly(b.db, { goodId: b.bag.id, quantity: 20, eventId: b.event.id });
    // 180 cookies and 90 brownies left: 30 more bags, capped at the target (50), so partial.
    const f = eventFeasibility(b.db, { eventId: b.event.id });
    expect(f.goods.map((g) => [g.assembled, g.canAssemble, g.status])).toEqual([[20, 30, 'partial']]);
  });

  it('cost only: everything in stock, but a loose cake on the plan has an ingredient with no price', async () => {
    const b = await treatBags();
    b.bake(b.cookies, 6);
    b.bake(b.brownies, 5);
    const cake = createRecipe(b.db, { name: 'Cocoa cake', ingredientLines: [{ ingredientId: b.cocoa.id, quantity: 2, unit: 'oz' }] });
    const slice = createFinishedUnit(b.db, { recipeId: cake.id, name: 'Cocoa cake', yieldMode: 'discrete', itemsPerBatch: 1 });
    setUnitTarget(b.db, { eventId: b.event.id, finishedUnitId: slice.id, quantity: 2 });
    decideBatches(b.db, { eventId: b.event.id, finishedUnitId: slice.id, batches: 2 });
    const f = eventFeasibility(b.db, { eventId: b.event.id });
    expect(f.blockers.inventory).toEqual([]);
    expect(f.blockers.assignment).toEqual([]);
    expect(f.blockers.cost.map((c) => [c.kind, c.item, c.reason])).toEqual([['ingredient', 'cocoa', 'No price for Cocoa: there is no lot and no purchase price. Record a purchase.']]);
    expect(b.status()).toEqual([[50, 'can_assemble']]);
  });
});

describe('a nested good is counted from its own stock, never from its parts', () => {
  it('a gift box of 1 biscotti tin: biscotti baked but no tin assembled -> cannot assemble; 4 tins -> 4', async () => {
    const s = await shopBakery();
    s.buy(s.product(s.flour.id, 'Flour 25 lb', 25, 'lb').id, 9.49);
    const biscotti = createRecipe(s.db, { name: 'Biscotti', ingredientLines: [{ ingredientId: s.flour.id, quantity: 2, unit: 'cup' }] });
    const piece = createFinishedUnit(s.db, { recipeId: biscotti.id, name: 'Biscotti', yieldMode: 'discrete', itemsPerBatch: 36 });
    const tinMaterial = createMaterial(s.db, { name: 'Tin', baseMeasure: 'each' });
    const tins = createMaterialProduct(s.db, { materialId: tinMaterial.id, name: 'Tins 12', packageQuantity: 12, packageUnit: 'each' });
    recordMaterialPurchase(s.db, { materialProductId: tins.id, purchasedOn: '2026-01-02', packages: 1, pricePerPackage: 24 });
    const oneTin = createMaterialUnit(s.db, { materialId: tinMaterial.id, name: 'one tin', quantity: 1, unit: 'each' });
    const tin = createGood(s.db, {
      name: 'Biscotti tin',
      lines: [
        { kind: 'unit', finishedUnitId: piece.id, quantity: 6 },
        { kind: 'material', materialUnitId: oneTin.id, materialProductId: tins.id, quantity: 1 },
      ],
    });
    const box = createGood(s.db, { name: 'Gift box', lines: [{ kind: 'good', goodId: tin.id, quantity: 1 }] });
    const event = createEvent(s.db, { name: 'Holidays' });
    setGoodTarget(s.db, { eventId: event.id, goodId: box.id, quantity: 10 });
    decideBatches(s.db, { eventId: event.id, finishedUnitId: piece.id, batches: 2 });
    recordProduction(s.db, { recipeId: biscotti.id, batches: 2, eventId: event.id });
    let f = eventFeasibility(s.db, { eventId: event.id });
    expect(f.goods.map((g) => [g.canAssemble, g.status])).toEqual([[0, 'cannot_assemble']]);
    expect(f.blockers.inventory.map((i) => [i.kind, i.item, i.needed, i.have])).toEqual([['good', 'biscotti-tin', 10, 0]]);
    recordAssembly(s.db, { goodId: tin.id, quantity: 4 });
    f = eventFeasibility(s.db, { eventId: event.id });
    expect(f.goods.map((g) => [g.canAssemble, g.status, g.limitedBy])).toEqual([[4, 'partial', ['Biscotti tin']]]);
  });

  it('a nested good with no stock waiting on baking makes the outer one await production too', async () => {
    const s = await shopBakery();
    const biscotti = createRecipe(s.db, { name: 'Biscotti', ingredientLines: [{ ingredientId: s.flour.id, quantity: 2, unit: 'cup' }] });
    const piece = createFinishedUnit(s.db, { recipeId: biscotti.id, name: 'Biscotti', yieldMode: 'discrete', itemsPerBatch: 36 });
    const tin = createGood(s.db, { name: 'Biscotti tin', lines: [{ kind: 'unit', finishedUnitId: piece.id, quantity: 6 }] });
    const box = createGood(s.db, { name: 'Gift box', lines: [{ kind: 'good', goodId: tin.id, quantity: 1 }] });
    const event = createEvent(s.db, { name: 'Holidays' });
    setGoodTarget(s.db, { eventId: event.id, goodId: box.id, quantity: 10 });
    expect(eventFeasibility(s.db, { eventId: event.id }).goods.map((g) => [g.canAssemble, g.status])).toEqual([[0, 'awaiting_production']]);
  });
});
