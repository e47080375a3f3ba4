/**
 * domain.md, Progress (an event with only a unit target, a bake the plan
 * does not call for, an undone bake, overage), planned against actual from
 * the ledger, and the Transactions section: a caller's transaction spanning
 * pantry, making and planning services is one unit, seeing its own writes
 * and rolling back together. Figures worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { transaction, type Database } from '../../../src/db/session';
import { findGoodBySlug } from '../../../src/services/goods/good-rows';
import { recordAssembly } from '../../../src/services/making/assembly';
import { recordProduction } from '../../../src/services/making/production';
import { recordPurchase } from '../../../src/services/pantry/purchases';
import { findEventBySlug } from '../../../src/services/planning/event-rows';
import { calculatePlan } from '../../../src/services/planning/plan';
import { plannedVsActual } from '../../../src/services/planning/planned-vs-actual';
import { setGoodTarget } from '../../../src/services/planning/targets';
import { findRecipeBySlug } from '../../../src/services/recipes/recipe-rows';
import { exportSnapshot } from '../../../src/services/snapshot/export';
import { bakery, cli, json, onFile } from './verify-cli';

const SHOP = {
  ingredients: [{ name: 'Sugar' }],
  products: [{ slug: 'sugar-1kg', ingredient: 'sugar', name: 'Sugar 1 kg', package_quantity: 1, package_unit: 'kg' }],
  purchases: [{ product: 'sugar-1kg', date: '2026-01-01', packages: 10, price_per_package: 3 }], // 10 kg at 0.003 a g
  recipes: [
    { name: 'Cookies', ingredients: [{ ingredient: 'sugar', quantity: 200, unit: 'g' }] }, // 0.60 a batch
    { name: 'Brownies', ingredients: [{ ingredient: 'sugar', quantity: 100, unit: 'g' }] }, // 0.30 a batch
  ],
  finished_units: [
    { name: 'Cookie', recipe: 'cookies', items_per_batch: 10 },
    { name: 'Brownie', recipe: 'brownies', items_per_batch: 8 },
  ],
  finished_goods: [{ name: 'Bag', composition: [{ finished_unit: 'cookie', quantity: 6 }, { finished_unit: 'brownie', quantity: 2 }] }],
  events: [
    // 20 loose brownies: ceil(20 / 8) = 3 batches.
    { name: 'Market', targets: [{ finished_unit: 'brownie', quantity: 20 }] },
    // 5 bags = 30 cookies (3 batches) + 10 brownies, + 4 loose = 14 brownies (2 batches).
    { name: 'Fair', targets: [{ finished_good: 'bag', quantity: 5 }, { finished_unit: 'brownie', quantity: 4 }], batch_decisions: [{ finished_unit: 'cookie', batches: 3 }, { finished_unit: 'brownie', batches: 2 }] },
  ],
};

describe('progress, planned against actual, transactions (verify, second pass)', { timeout: 120_000 }, () => {
  it('only a unit target: 1 of 3 brownie batches = 33.33 %; a cookie bake the plan does not call for is listed with target 0 and no percent; no goods: the assembly side is left out', async () => {
    const db = await bakery(SHOP);
    await json('make', db, 'brownies', '1', '--event', 'market');
    await json('make', db, 'cookies', '1', '--event', 'market');
    expect(await json('progress', db, 'market')).toEqual({
      event: 'market',
      recipes: [
        { recipe: 'brownies', target_batches: 3, produced_batches: 1, remaining: 2, overage: 0, percent: 33.33 },
        { recipe: 'cookies', target_batches: 0, produced_batches: 1, remaining: 0, overage: 1, percent: null },
      ],
      goods: [],
      production_percent: 33.33,
      assembly_percent: null,
      overall_percent: 33.33,
    });
  });

  it('2 of 3 cookie batches (66.67 %), 3 of 2 brownie (150 %, overage 1), an undone bake and a bake for no event not counted; 2 of 5 bags 40 %: overall (83.33 + 40) / 2 = 61.67', async () => {
    const db = await bakery(SHOP);
    expect((await json('plan', db, 'fair', '--save')).cost_baseline).toBe(2.4); // 3 x 0.60 + 2 x 0.30
    await json('make', db, 'cookies', '2', '--event', 'fair'); // 20 cookies, 1.20
    await json('make', db, 'cookies', '1'); // 10 cookies for no event
    await json('make', db, 'brownies', '3', '--event', 'fair'); // 24 brownies, 0.90
    const undone = await json('make', db, 'cookies', '1', '--event', 'fair');
    expect((await cli('undo', db, 'bake', String(undone.run))).code).toBe(0);
    // 2 bags: 12 cookies of the first bake (0.06 each, 0.72) + 4 brownies (0.0375 each, 0.15) = 0.87.
    expect((await json('assemble', db, 'bag', '2', '--event', 'fair')).total_cost).toBe(0.87);
    // Left: 8 + 10 cookies -> 3 bags; 20 brownies -> 10.
    expect(await json('progress', db, 'fair')).toEqual({
      event: 'fair',
      recipes: [
        { recipe: 'brownies', target_batches: 2, produced_batches: 3, remaining: 0, overage: 1, percent: 150 },
        { recipe: 'cookies', target_batches: 3, produced_batches: 2, remaining: 1, overage: 0, percent: 66.67 },
      ],
      goods: [{ good: 'bag', target: 5, assembled: 2, available_to_assemble: 3, percent: 40 }],
      production_percent: 83.33,
      assembly_percent: 40,
      overall_percent: 61.67,
    });

    const pva = await onFile(db, (d) => plannedVsActual(d, { eventId: findEventBySlug(d, 'fair')!.id }));
    const rows = pva.recipes.map((r) => [r.recipe, r.plannedBatches, r.producedBatches, r.plannedCost, r.actualCost, r.plannedCostPerBatch, r.actualCostPerBatch]);
    expect(rows).toEqual([
      ['brownies', 2, 3, 0.6, 0.9, 0.3, 0.3],
      ['cookies', 3, 2, 1.8, 1.2, 0.6, 0.6],
    ]);
    expect(pva.recipes[1]!.ingredients.map((i) => [i.ingredient, i.unit, i.planned, i.actual])).toEqual([['sugar', 'kg', { quantity: 0.6, cost: 1.8 }, { quantity: 0.4, cost: 1.2 }]]);
    // A bag is planned at 6 x 0.06 + 2 x 0.0375 = 0.435; 2 assembled for 0.87.
    expect(pva.goods.map((g) => [g.good, g.target, g.assembled, g.plannedCostPerGood, g.actualCost, g.actualCostPerGood])).toEqual([['bag', 5, 2, 0.435, 0.87, 0.435]]);
  });

  it("a caller's transaction over a purchase, a bake, an assembly, a target and a saved plan: the plan sees the uncommitted target; a failure at the end leaves the file as it was; without it everything commits", async () => {
    const db = await bakery(SHOP);
    const work = (d: Database, fail: boolean) =>
      transaction(d, (tx) => {
        const event = findEventBySlug(d, 'fair', tx)!.id;
        recordPurchase(d, { productId: 1, packages: 1, pricePerPackage: 2, purchasedOn: '2025-12-01' }, tx); // older: drawn first, 0.002 a g
        const bake = recordProduction(d, { recipeId: findRecipeBySlug(d, 'cookies', tx)!.id, batches: 1, eventId: event }, tx);
        expect(bake.totalCost).toBe(0.4); // 200 g of the new lot
        recordProduction(d, { recipeId: findRecipeBySlug(d, 'brownies', tx)!.id, batches: 1, eventId: event }, tx);
        const bag = recordAssembly(d, { goodId: findGoodBySlug(d, 'bag', tx)!.id, quantity: 1, eventId: event }, tx);
        expect(bag.totalCost).toBe(0.29); // 6 x 0.04 + 2 x 0.025
        setGoodTarget(d, { eventId: event, goodId: findGoodBySlug(d, 'bag', tx)!.id, quantity: 10 }, tx);
        const plan = calculatePlan(d, { eventId: event, save: true }, tx);
        // 10 bags = 60 cookies -> still the 3 batches decided; the plan counts the new target.
        expect(plan.payload.targets.goods.map((g) => [g.good, g.quantity])).toEqual([['bag', 10]]);
        if (fail) throw new Error('the baker cancelled');
        return plan.snapshotId;
      });
    const before = await onFile(db, (d) => JSON.stringify({ ...exportSnapshot(d), exported_at: null }));
    await expect(onFile(db, (d) => work(d, true))).rejects.toThrow('the baker cancelled');
    const after = await onFile(db, (d) => JSON.stringify({ ...exportSnapshot(d), exported_at: null }));
    expect(after).toBe(before);
    expect(await onFile(db, (d) => work(d, false))).toBeGreaterThan(0);
    const file = JSON.parse(await onFile(db, (d) => JSON.stringify(exportSnapshot(d))));
    expect([file.purchases.length, file.production_runs.length, file.assembly_runs.length, file.events.find((e: any) => e.slug === 'fair').plan_snapshots.length]).toEqual([2, 2, 1, 1]);
  });
});
