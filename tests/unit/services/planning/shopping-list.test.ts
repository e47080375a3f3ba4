/*
 * The shopping list on a real sql.js database: what is needed for the
 * batches not yet baked, what is on hand over every lot (through density),
 * what to buy in whole packages (preferred, else the cheapest combination),
 * packaging for the goods not yet assembled, grouping by store or aisle,
 * ticks saved as the baker goes, and "done" as a plan state change.
 */
import { describe, expect, it } from 'vitest';
import { transaction } from '../../../../src/db/session';
import { updateIngredient } from '../../../../src/services/catalog/ingredients';
import { updateProduct } from '../../../../src/services/catalog/products';
import { assignPackaging, createGood, getGood } from '../../../../src/services/goods/goods';
import { createMaterialProduct } from '../../../../src/services/materials/material-products';
import { recordMaterialPurchase } from '../../../../src/services/materials/material-purchases';
import { createMaterialUnit } from '../../../../src/services/materials/material-units';
import { createMaterial } from '../../../../src/services/materials/materials';
import { recordAssembly } from '../../../../src/services/making/assembly';
import { recordProduction } from '../../../../src/services/making/production';
import { undoRun } from '../../../../src/services/making/undo';
import { createEvent, getEvent } from '../../../../src/services/planning/events';
import { advancePlan } from '../../../../src/services/planning/plan-steps';
import { shoppingList, type ShoppingItem } from '../../../../src/services/planning/shopping-list';
import { markShoppingDone, tickShoppingItem } from '../../../../src/services/planning/shopping-ticks';
import { setGoodTarget, setUnitTarget } from '../../../../src/services/planning/targets';
import { count } from '../../../helpers/db';
import { refused } from '../kitchen';
import { shopBakery } from './shop-bakery';

const item = (items: ShoppingItem[], slug: string) => {
  const found = items.find((i) => i.slug === slug);
  if (!found) throw new Error(`${slug} is not on the list`);
  return found;
};
const figures = (i: ShoppingItem) => ({ need: i.need, onHand: i.onHand, toBuy: i.toBuy, unit: i.unit });
const packages = (i: ShoppingItem) => i.packages.map((p) => [p.product, p.count, p.cost]);

describe("domain.md's shopping examples", () => {
  it('need 6 eggs, have 2 -> buy 4: two packs of 2, nothing left over', async () => {
    const s = await shopBakery();
    const pack = s.product(s.eggs.id, 'Eggs 2 ct', 2, 'each');
    s.buy(pack.id, 1);
    const custard = s.bake('Custard', [{ ingredientId: s.eggs.id, quantity: 6, unit: 'each' }]);
    const event = s.plan('Brunch', custard.unit.id, 1);
    const eggs = item(shoppingList(s.db, { eventId: event.id }).items, 'eggs');
    expect(figures(eggs)).toEqual({ need: 6, onHand: 2, toBuy: 4, unit: 'each' });
    expect(packages(eggs)).toEqual([['Eggs 2 ct', 2, 2]]);
    expect([eggs.leftover, eggs.cost, eggs.rule]).toEqual([0, 2, 'cheapest']);
  });

  it('need 4, have 5 -> nothing to buy: listed with no packages and no cost', async () => {
    const s = await shopBakery();
    s.buy(s.product(s.eggs.id, 'Eggs 5 ct', 5, 'each').id, 2.5);
    const flan = s.bake('Flan', [{ ingredientId: s.eggs.id, quantity: 4, unit: 'each' }]);
    const list = shoppingList(s.db, { eventId: s.plan('Supper', flan.unit.id, 1).id });
    const eggs = item(list.items, 'eggs');
    expect(figures(eggs)).toEqual({ need: 4, onHand: 5, toBuy: 0, unit: 'each' });
    expect([eggs.packages, eggs.leftover, eggs.cost, eggs.rule]).toEqual([[], 0, 0, 'none']);
    expect([list.estimatedCost, list.toBuyCount]).toEqual([0, 0]);
  });

  it('10 batches decided, 7 baked, 100 g a batch, 200 g on hand -> need 300 g, buy 100 g', async () => {
    const s = await shopBakery();
    s.buy(s.product(s.flour.id, 'Flour 900 g', 900, 'g').id, 2.25);
    const rolls = s.bake('Rolls', [{ ingredientId: s.flour.id, quantity: 100, unit: 'g' }]);
    const event = s.plan('Dinner', rolls.unit.id, 10);
    // Seven batches baked for the event (700 g drawn), and one baked for no event, later undone: neither of those counts again.
    recordProduction(s.db, { recipeId: rolls.recipe.id, batches: 3, eventId: event.id });
    recordProduction(s.db, { recipeId: rolls.recipe.id, batches: 4, eventId: event.id });
    const extra = recordProduction(s.db, { recipeId: rolls.recipe.id, batches: 2, eventId: event.id });
    undoRun(s.db, { kind: 'production', id: extra.id });
    const flour = item(shoppingList(s.db, { eventId: event.id }).items, 'flour');
    expect(figures(flour)).toEqual({ need: 300, onHand: 200, toBuy: 100, unit: 'g' });
    expect([packages(flour), flour.leftover]).toEqual([[['Flour 900 g', 1, 2.25]], 800]);
  });

  it('10 batches decided at 100 g a batch with 200 g on hand (none baked yet): need 1000 g, buy 800 g', async () => {
    const s = await shopBakery();
    s.buy(s.product(s.flour.id, 'Flour 200 g', 200, 'g').id, 0.5);
    const rolls = s.bake('Rolls', [{ ingredientId: s.flour.id, quantity: 100, unit: 'g' }]);
    const flour = item(shoppingList(s.db, { eventId: s.plan('Dinner', rolls.unit.id, 10).id }).items, 'flour');
    expect(figures(flour)).toEqual({ need: 1000, onHand: 200, toBuy: 800, unit: 'g' });
    expect(packages(flour)).toEqual([['Flour 200 g', 4, 2]]);
  });
});

describe('on hand over every lot, in the unit the lots use', () => {
  it('flour bought by the pound and by the cup counts both, through its density (1 cup = 4 oz)', async () => {
    const s = await shopBakery();
    s.buy(s.product(s.flour.id, 'Flour 1 lb', 1, 'lb').id, 1, 1, '2026-01-01');
    s.buy(s.product(s.flour.id, 'Flour tub 4 cups', 4, 'cup').id, 2, 1, '2026-01-05');
    // 12 cups a batch = 48 oz = 3 lb.
    const loaf = s.bake('Loaf', [{ ingredientId: s.flour.id, quantity: 12, unit: 'cup' }]);
    const flour = item(shoppingList(s.db, { eventId: s.plan('Sale', loaf.unit.id, 1).id }).items, 'flour');
    expect(flour.unit).toBe('lb');
    expect(flour.need).toBeCloseTo(3, 12);
    expect(flour.onHand).toBeCloseTo(2, 12);
    expect(flour.toBuy).toBeCloseTo(1, 12);
    // The 1 lb bag (1.00) beats the 4 cup tub (also 1 lb, 2.00).
    expect(packages(flour)).toEqual([['Flour 1 lb', 1, 1]]);
    expect(flour.leftover).toBeCloseTo(0, 9);
    expect(flour.notes).toEqual([]);
  });

  it('a lot that cannot be converted (cocoa by the cup, its density since removed) is not counted, and the item says so', async () => {
    const s = await shopBakery();
    updateIngredient(s.db, { id: s.cocoa.id, density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 3, weightUnit: 'oz' } });
    s.buy(s.product(s.cocoa.id, 'Cocoa 8 oz', 8, 'oz').id, 4, 1, '2026-01-01');
    s.buy(s.product(s.cocoa.id, 'Cocoa scoop', 1, 'cup').id, 1, 1, '2026-01-02');
    updateIngredient(s.db, { id: s.cocoa.id, density: null });
    const cake = s.bake('Cake', [{ ingredientId: s.cocoa.id, quantity: 12, unit: 'oz' }]);
    const cocoa = item(shoppingList(s.db, { eventId: s.plan('Party', cake.unit.id, 1).id }).items, 'cocoa');
    expect(figures(cocoa)).toEqual({ need: 12, onHand: 8, toBuy: 4, unit: 'oz' });
    expect(cocoa.notes).toEqual(['1 lot of Cocoa not counted as on hand: Set a density for Cocoa to convert ml to oz.']);
    // The scoop (by the cup) cannot cover ounces either: the 8 oz bag it is.
    expect(packages(cocoa)).toEqual([['Cocoa 8 oz', 1, 4]]);
  });
});

describe('whole packages', () => {
  async function flourFor30lb() {
    const s = await shopBakery();
    const big = s.product(s.flour.id, 'Flour 25 lb', 25, 'lb', { supplierId: s.club.id });
    const small = s.product(s.flour.id, 'Flour 5 lb', 5, 'lb', { supplierId: s.corner.id });
    s.buy(big.id, 9.49);
    s.buy(small.id, 2.49);
    const bread = s.bake('Bread', [{ ingredientId: s.flour.id, quantity: 60, unit: 'lb' }]);
    return { ...s, big, small, event: s.plan('Market', bread.unit.id, 1) };
  }

  it('to buy 30 lb with a 25 lb bag at 9.49 and a 5 lb bag at 2.49: 25 + 5 for 11.98', async () => {
    const s = await flourFor30lb();
    const list = shoppingList(s.db, { eventId: s.event.id });
    const flour = item(list.items, 'flour');
    expect(figures(flour)).toEqual({ need: 60, onHand: 30, toBuy: 30, unit: 'lb' });
    expect(packages(flour)).toEqual([
      ['Flour 25 lb', 1, 9.49],
      ['Flour 5 lb', 1, 2.49],
    ]);
    expect([flour.leftover, flour.cost, list.estimatedCost]).toEqual([0, 11.98, 11.98]);
    // Bought where the largest package is sold.
    expect(flour.supplier).toEqual({ id: s.club.id, name: 'Warehouse club' });
  });

  it('the preferred product wins over the cheapest combination; a hidden product is never bought', async () => {
    const s = await flourFor30lb();
    updateProduct(s.db, { id: s.small.id, preferred: true });
    let flour = item(shoppingList(s.db, { eventId: s.event.id }).items, 'flour');
    expect([packages(flour), flour.cost, flour.rule]).toEqual([[['Flour 5 lb', 6, 14.94]], 14.94, 'preferred']);
    expect(flour.supplier?.name).toBe('Corner store');
    updateProduct(s.db, { id: s.small.id, preferred: false, hidden: true });
    flour = item(shoppingList(s.db, { eventId: s.event.id }).items, 'flour');
    expect([packages(flour), flour.leftover, flour.cost]).toEqual([[['Flour 25 lb', 2, 18.98]], 20, 18.98]);
  });

  it('an item to buy with no price makes the estimate unknown and says which; no product at all says what to do', async () => {
    const s = await flourFor30lb();
    // Eggs: a product never bought. Cocoa: no product.
    s.product(s.eggs.id, 'Eggs dozen', 12, 'each');
    const omelette = s.bake('Omelette', [
      { ingredientId: s.eggs.id, quantity: 3, unit: 'each' },
      { ingredientId: s.cocoa.id, quantity: 1, unit: 'oz' },
    ]);
    setUnitTarget(s.db, { eventId: s.event.id, finishedUnitId: omelette.unit.id, quantity: 4 });
    const list = shoppingList(s.db, { eventId: s.event.id });
    const eggs = item(list.items, 'eggs');
    expect([figures(eggs), packages(eggs), eggs.cost, eggs.rule]).toEqual([{ need: 12, onHand: 0, toBuy: 12, unit: 'each' }, [['Eggs dozen', 1, null]], null, 'fewest']);
    expect(eggs.notes).toEqual(["No price for Eggs's products: record a purchase to price it."]);
    const cocoa = item(list.items, 'cocoa');
    expect([cocoa.packages, cocoa.cost]).toEqual([[], null]);
    expect(cocoa.notes).toEqual(['No product of Cocoa can be bought by the oz: add one in the pantry to buy it by the package.']);
    expect(list.estimatedCost).toBeNull();
    expect(list.unpriced).toEqual(['Cocoa', 'Eggs']);
    expect(list.items.map((i) => i.slug)).toEqual(['cocoa', 'eggs', 'flour']);
  });
});

describe('packaging for the goods not yet assembled', () => {
  async function giftBags() {
    const s = await shopBakery();
    // 300 cookies at 1 g of flour each: 300 g, of which 100 g on hand.
    s.buy(s.product(s.flour.id, 'Flour 100 g', 100, 'g').id, 0.5);
    const cookie = s.bake('Cookies', [{ ingredientId: s.flour.id, quantity: 1, unit: 'g' }]);
    const bags = createMaterial(s.db, { name: 'Cello bag', baseMeasure: 'each', category: 'Bags' });
    const ribbon = createMaterial(s.db, { name: 'Ribbon', baseMeasure: 'length' });
    const hundred = createMaterialProduct(s.db, { materialId: bags.id, name: 'Cello bags 100 pack', packageQuantity: 100, packageUnit: 'each' });
    createMaterialProduct(s.db, { materialId: bags.id, name: 'Cello bags 10 pack', packageQuantity: 10, packageUnit: 'each' });
    const spool = createMaterialProduct(s.db, { materialId: ribbon.id, name: 'Ribbon 100 ft', packageQuantity: 100, packageUnit: 'ft' });
    const short = createMaterialProduct(s.db, { materialId: ribbon.id, name: 'Ribbon 10 yd', packageQuantity: 10, packageUnit: 'yd' });
    recordMaterialPurchase(s.db, { materialProductId: hundred.id, purchasedOn: '2026-01-02', packages: 1, pricePerPackage: 9 });
    recordMaterialPurchase(s.db, { materialProductId: spool.id, purchasedOn: '2026-01-02', packages: 1, pricePerPackage: 6.096, supplierId: s.corner.id });
    recordMaterialPurchase(s.db, { materialProductId: short.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 3 });
    const oneBag = createMaterialUnit(s.db, { materialId: bags.id, name: 'one bag', quantity: 1, unit: 'each' });
    const bow = createMaterialUnit(s.db, { materialId: ribbon.id, name: 'one 18 in bow', quantity: 18, unit: 'in' });
    const good = createGood(s.db, {
      name: 'Gift bag',
      lines: [
        { kind: 'unit', finishedUnitId: cookie.unit.id, quantity: 2 },
        { kind: 'material', materialUnitId: oneBag.id, materialProductId: hundred.id, quantity: 1 },
        { kind: 'material', materialUnitId: bow.id, materialProductId: null, quantity: 1 },
      ],
    });
    const event = createEvent(s.db, { name: 'Fair', date: '2026-12-01' });
    setGoodTarget(s.db, { eventId: event.id, goodId: good.id, quantity: 150 });
    return { ...s, event, good, cookie, bags, ribbon, hundred, spool, short };
  }

  it('150 bags: a specific product buys that product; generic ribbon takes the cheapest cover of 150 bows', async () => {
    const s = await giftBags();
    const list = shoppingList(s.db, { eventId: s.event.id });
    expect(list.materials.map((m) => m.slug)).toEqual(['cello-bag', 'ribbon']);
    const bags = item(list.materials, 'cello-bag');
    expect(figures(bags)).toEqual({ need: 150, onHand: 100, toBuy: 50, unit: 'each' });
    expect([packages(bags), bags.leftover, bags.rule]).toEqual([[['Cello bags 100 pack', 1, 9]], 50, 'assigned']);
    const ribbon = item(list.materials, 'ribbon');
    // 150 x 45.72 cm = 6858 cm; on hand a 3048 cm spool and a 914.4 cm roll: 2895.6 cm to buy.
    expect(ribbon.unit).toBe('cm');
    expect(ribbon.need).toBeCloseTo(6858, 9);
    expect(ribbon.onHand).toBeCloseTo(3962.4, 9);
    expect(ribbon.toBuy).toBeCloseTo(2895.6, 9);
    // One spool (6.096) covers it; four 10 yd rolls (12.00) would too.
    expect(packages(ribbon)).toEqual([['Ribbon 100 ft', 1, 6.096]]);
    expect(ribbon.leftover).toBeCloseTo(152.4, 9);
    expect(packages(item(list.items, 'flour'))).toEqual([['Flour 100 g', 2, 1]]);
    expect(list.estimatedCost).toBe(16.096);
  });

  it('packaging only for the goods not yet assembled: 40 of 150 bags assembled leave 110 to pack', async () => {
    const s = await giftBags();
    recordMaterialPurchase(s.db, { materialProductId: s.hundred.id, purchasedOn: '2026-01-03', packages: 1, pricePerPackage: 9 });
    // 80 cookies baked (80 batches of one), 40 bags assembled for the event from them: 40 bags and 40 bows drawn.
    recordProduction(s.db, { recipeId: s.cookie.recipe.id, batches: 80, eventId: s.event.id });
    assignPackaging(s.db, { goodId: s.good.id, lineId: getGood(s.db, s.good.id).lines[2]!.id, materialProductId: s.spool.id });
    recordAssembly(s.db, { goodId: s.good.id, quantity: 40, eventId: s.event.id });
    const list = shoppingList(s.db, { eventId: s.event.id });
    const bags = item(list.materials, 'cello-bag');
    expect(figures(bags)).toEqual({ need: 110, onHand: 160, toBuy: 0, unit: 'each' });
    const ribbon = item(list.materials, 'ribbon');
    expect(ribbon.need).toBeCloseTo(110 * 45.72, 9);
    expect(ribbon.onHand).toBeCloseTo(3962.4 - 40 * 45.72, 9);
    // The assigned spool is what the line buys now.
    expect([packages(ribbon), ribbon.rule]).toEqual([[['Ribbon 100 ft', 1, 6.096]], 'assigned']);
    // And the cookies: 300 needed in all, 80 baked: 220 g of flour for the 220 batches left, 20 g on hand.
    expect(figures(item(list.items, 'flour'))).toEqual({ need: 220, onHand: 20, toBuy: 200, unit: 'g' });
  });

  it('what to buy, grouped by store (no store chosen last) or by aisle (category of ingredient or material); the rest is in stock', async () => {
    const s = await giftBags();
    // Eggs on hand for a custard on the same event: nothing to buy, so in no group.
    s.buy(s.product(s.eggs.id, 'Eggs dozen', 12, 'each').id, 3.6);
    const custard = s.bake('Custard', [{ ingredientId: s.eggs.id, quantity: 6, unit: 'each' }]);
    setUnitTarget(s.db, { eventId: s.event.id, finishedUnitId: custard.unit.id, quantity: 1 });
    const bySupplier = shoppingList(s.db, { eventId: s.event.id, groupBy: 'supplier' });
    expect(bySupplier.groups.map((g) => [g.title, g.items.map((i) => i.slug)])).toEqual([
      ['Corner store', ['ribbon']],
      ['No store chosen', ['flour', 'cello-bag']],
    ]);
    expect(bySupplier.inStock.map((i) => i.slug)).toEqual(['eggs']);
    const byAisle = shoppingList(s.db, { eventId: s.event.id, groupBy: 'aisle' });
    expect(byAisle.groups.map((g) => [g.title, g.items.map((i) => i.slug)])).toEqual([
      ['Bags', ['cello-bag']],
      ['Baking', ['flour']],
      ['Packaging', ['ribbon']],
    ]);
    expect(refused(s.db, () => shoppingList(s.db, { eventId: s.event.id, groupBy: 'colour' as never })).details).toMatchObject({ field: 'groupBy' });
  });
});

describe('ticking off in the store and marking the list done', () => {
  async function listToTick() {
    const s = await shopBakery();
    s.buy(s.product(s.eggs.id, 'Eggs dozen', 12, 'each').id, 3.6);
    const cake = s.bake('Sponge', [
      { ingredientId: s.eggs.id, quantity: 6, unit: 'each' },
      { ingredientId: s.flour.id, quantity: 2, unit: 'cup' },
    ]);
    return { ...s, event: s.plan('Birthday', cake.unit.id, 3) };
  }

  it('a tick is saved at once and shows on the list; unticking takes it back; ticking twice keeps the first time', async () => {
    const s = await listToTick();
    const first = tickShoppingItem(s.db, { eventId: s.event.id, ingredientId: s.eggs.id, ticked: true });
    expect(first).toMatchObject({ ticked: true, ingredientId: s.eggs.id, materialId: null });
    expect(tickShoppingItem(s.db, { eventId: s.event.id, ingredientId: s.eggs.id, ticked: true }).tickedAt).toBe(first.tickedAt);
    let list = shoppingList(s.db, { eventId: s.event.id });
    expect(item(list.items, 'eggs')).toMatchObject({ ticked: true, tickedAt: first.tickedAt });
    expect(item(list.items, 'flour').ticked).toBe(false);
    expect([list.toBuyCount, list.tickedCount]).toEqual([2, 1]);
    tickShoppingItem(s.db, { eventId: s.event.id, ingredientId: s.eggs.id, ticked: false });
    list = shoppingList(s.db, { eventId: s.event.id });
    expect([item(list.items, 'eggs').ticked, list.tickedCount, count(s.db, 'shopping_ticks')]).toEqual([false, 0, 0]);
  });

  it('a tick that cannot be saved is refused and changes nothing', async () => {
    const s = await listToTick();
    expect(refused(s.db, () => tickShoppingItem(s.db, { eventId: s.event.id, ingredientId: 9999, ticked: true })).code).toBe('NOT_FOUND');
    expect(refused(s.db, () => tickShoppingItem(s.db, { eventId: s.event.id, ingredientId: s.eggs.id, materialId: 1, ticked: true })).code).toBe('VALIDATION');
    expect(refused(s.db, () => tickShoppingItem(s.db, { eventId: s.event.id, ingredientId: s.eggs.id, ticked: 'yes' as never })).code).toBe('VALIDATION');
    expect(refused(s.db, () => tickShoppingItem(s.db, { eventId: 9999, ingredientId: s.eggs.id, ticked: true })).code).toBe('NOT_FOUND');
  });

  it('marking the list done sets when, and can be undone; the list says so', async () => {
    const s = await listToTick();
    const done = markShoppingDone(s.db, { eventId: s.event.id, done: true });
    expect(done.shoppingDoneAt).toEqual(expect.any(String));
    expect(shoppingList(s.db, { eventId: s.event.id }).event.shoppingDoneAt).toBe(done.shoppingDoneAt);
    expect(markShoppingDone(s.db, { eventId: s.event.id, done: true }).shoppingDoneAt).toBe(done.shoppingDoneAt);
    expect(markShoppingDone(s.db, { eventId: s.event.id, done: false }).shoppingDoneAt).toBeNull();
  });

  it('done inside a transaction that is then rolled back: not done', async () => {
    const s = await listToTick();
    const commits: number[] = [];
    s.db.onCommit((statements) => commits.push(statements.length));
    expect(() =>
      transaction(s.db, (tx) => {
        expect(markShoppingDone(s.db, { eventId: s.event.id, done: true }, tx).shoppingDoneAt).toEqual(expect.any(String));
        tickShoppingItem(s.db, { eventId: s.event.id, ingredientId: s.eggs.id, ticked: true }, tx);
        // The transaction sees its own change; nothing was committed on the way.
        expect(shoppingList(s.db, { eventId: s.event.id }, tx).event.shoppingDoneAt).not.toBeNull();
        expect(commits).toEqual([]);
        throw new Error('the baker closed the app');
      }),
    ).toThrow('the baker closed the app');
    expect(commits).toEqual([]);
    expect(shoppingList(s.db, { eventId: s.event.id }).event.shoppingDoneAt).toBeNull();
    expect(count(s.db, 'shopping_ticks')).toBe(0);
  });

  it('a completed plan is closed: ticking and marking done are refused with the reason, and change nothing', async () => {
    const s = await listToTick();
    for (const state of ['locked', 'in_production', 'completed'] as const) advancePlan(s.db, { eventId: s.event.id, state });
    const list = shoppingList(s.db, { eventId: s.event.id });
    expect(list.may.shop).toEqual({ allowed: false, blockedBy: 'The shopping list is ticked off only while the plan is a draft, locked or in production; this one is completed.' });
    const error = refused(s.db, () => markShoppingDone(s.db, { eventId: s.event.id, done: true }));
    expect([error.code, error.message]).toEqual(['PLAN_STATE', list.may.shop.blockedBy]);
    expect(refused(s.db, () => tickShoppingItem(s.db, { eventId: s.event.id, ingredientId: s.eggs.id, ticked: true })).code).toBe('PLAN_STATE');
    expect(getEvent(s.db, s.event.id).state).toBe('completed');
  });
});

describe('inside the caller\'s transaction', () => {
  it('sees the transaction\'s own target change, commits nothing, and gives what a call without a handle gives', async () => {
    const s = await shopBakery();
    s.buy(s.product(s.flour.id, 'Flour 5 lb', 5, 'lb').id, 2.49);
    const scones = s.bake('Scones', [{ ingredientId: s.flour.id, quantity: 1, unit: 'lb' }]);
    const event = s.plan('Tea', scones.unit.id, 8);
    const outside = shoppingList(s.db, { eventId: event.id });
    const commits: number[] = [];
    s.db.onCommit((statements) => commits.push(statements.length));
    const inside = transaction(s.db, (tx) => shoppingList(s.db, { eventId: event.id }, tx));
    expect(inside).toEqual(outside);
    expect(() =>
      transaction(s.db, (tx) => {
        setUnitTarget(s.db, { eventId: event.id, finishedUnitId: scones.unit.id, quantity: 0 }, tx);
        expect(shoppingList(s.db, { eventId: event.id }, tx).items).toEqual([]);
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect(commits).toEqual([]);
    expect(shoppingList(s.db, { eventId: event.id })).toEqual(outside);
  });
});
