/*
 * Planned against actual, from the ledger, with runs recorded through the
 * one production path and the one assembly path (making): per recipe the
 * batches and ingredient use and cost, per good the cost of one; undone runs
 * left out. And the amendments that contradict what was made are refused.
 */
import { describe, expect, it } from 'vitest';
import { assignPackaging, getGood } from '../../../../src/services/goods/goods';
import { recordAssembly } from '../../../../src/services/making/assembly';
import { recordProduction } from '../../../../src/services/making/production';
import { undoRun } from '../../../../src/services/making/undo';
import { amendPlan } from '../../../../src/services/planning/amendments';
import { assembledByGood, producedBatchesByUnit } from '../../../../src/services/planning/made-so-far';
import { advancePlan } from '../../../../src/services/planning/plan-steps';
import { plannedVsActual } from '../../../../src/services/planning/planned-vs-actual';
import { latestSnapshot } from '../../../../src/services/planning/plan-rows';
import { planStaleness } from '../../../../src/services/planning/staleness';
import { getRecipe, updateRecipe } from '../../../../src/services/recipes/recipes';
import { refused } from '../kitchen';
import { BUTTER_CUP, EGG, FLOUR_CUP, SUGAR_CUP, planBakery } from './plan-bakery';

const COOKIE_BATCH = 2 * FLOUR_CUP + SUGAR_CUP + 0.5 * BUTTER_CUP;
const BROWNIE_BATCH = FLOUR_CUP + SUGAR_CUP + 2 * EGG + 0.5 * (SUGAR_CUP + 0.25 * BUTTER_CUP);

/** The bakery's 10 bags in production, the bow assigned a ribbon so bags can be assembled with it. */
async function producing() {
  const b = await planBakery();
  const bow = getGood(b.db, b.bag.id).lines.find((l) => l.kind === 'material' && l.generic)!;
  assignPackaging(b.db, { goodId: b.bag.id, lineId: bow.id, materialProductId: b.spool.id });
  advancePlan(b.db, { eventId: b.event.id, state: 'locked' });
  advancePlan(b.db, { eventId: b.event.id, state: 'in_production' });
  return b;
}

describe('planned against actual', () => {
  it('before any run: the plan, nothing actual', async () => {
    const b = await producing();
    const r = plannedVsActual(b.db, { eventId: b.event.id });
    expect(r.hasRuns).toBe(false);
    expect(r.recipes.map((x) => [x.recipe, x.plannedBatches, x.producedBatches, x.actualCost])).toEqual([
      ['brownies', 1, 0, null],
      ['sugar-cookies', 1, 0, null],
    ]);
    expect(r.recipes[1]!.plannedCost).toBeCloseTo(COOKIE_BATCH, 3);
  });

  it('per recipe: batches, each ingredient used and what it cost, planned and as the ledger recorded it', async () => {
    const b = await producing();
    recordProduction(b.db, { recipeId: b.cookies.id, batches: 2, eventId: b.event.id });
    recordProduction(b.db, { recipeId: b.brownies.id, batches: 1, eventId: b.event.id });
    const r = plannedVsActual(b.db, { eventId: b.event.id });
    expect(r.hasRuns).toBe(true);
    const cookies = r.recipes.find((x) => x.recipe === 'sugar-cookies')!;
    expect([cookies.plannedBatches, cookies.producedBatches]).toEqual([1, 2]);
    expect(cookies.plannedCost).toBeCloseTo(COOKIE_BATCH, 3);
    expect(cookies.actualCost).toBeCloseTo(2 * COOKIE_BATCH, 3);
    expect(cookies.actualCostPerBatch).toBeCloseTo(COOKIE_BATCH, 3);
    // Flour in the plan's unit (lb): 2 cup a batch = 0.5 lb planned, 1 lb used.
    const flour = cookies.ingredients.find((i) => i.ingredient === 'flour')!;
    expect(flour.unit).toBe('lb');
    expect(flour.planned!.quantity).toBeCloseTo(0.5, 9);
    expect(flour.actual!.quantity).toBeCloseTo(1, 9);
    expect(flour.actual!.cost).toBeCloseTo(8.99, 4);
    // The frosting is part of the brownies' use, multiplied through.
    const brownies = r.recipes.find((x) => x.recipe === 'brownies')!;
    expect(brownies.ingredients.find((i) => i.ingredient === 'sugar')!.actual!.quantity).toBeCloseTo((1.5 * 7) / 16, 9);
    expect(brownies.actualCost).toBeCloseTo(BROWNIE_BATCH, 3);
    expect(producedBatchesByUnit(b.db, b.event.id)).toEqual(new Map([[b.cookie.id, 2], [b.brownie.id, 1]]));
  });

  it('per good: the cost of one bag, planned and from its assembly ledger', async () => {
    const b = await producing();
    recordProduction(b.db, { recipeId: b.cookies.id, batches: 1, eventId: b.event.id });
    recordProduction(b.db, { recipeId: b.brownies.id, batches: 1, eventId: b.event.id });
    const run = recordAssembly(b.db, { goodId: b.bag.id, quantity: 4, eventId: b.event.id });
    const good = plannedVsActual(b.db, { eventId: b.event.id }).goods[0]!;
    expect(good).toMatchObject({ good: 'cookie-bag', target: 10, assembled: 4 });
    const perBag = 3 * (COOKIE_BATCH / 48) + 2 * (BROWNIE_BATCH / 24) + 0.09 + 45.72 * 0.002;
    expect(good.plannedCostPerGood).toBeCloseTo(perBag, 3);
    expect(good.actualCost).toBe(run.totalCost);
    expect(good.actualCostPerGood).toBeCloseTo(run.totalCost / 4, 9);
    expect(good.actualCostPerGood).toBeCloseTo(perBag, 2);
    expect(assembledByGood(b.db, b.event.id)).toEqual(new Map([[b.bag.id, 4]]));
  });

  it('a bake for the event uses the recipe as the saved plan has it, even after the recipe is edited', async () => {
    const b = await producing();
    const snapshotId = latestSnapshot(b.db, b.event.id)!.id;
    const lines = getRecipe(b.db, b.cookies.id).ingredientLines.map((l) => ({ ingredientId: l.ingredient.id, quantity: l.ingredient.slug === 'flour' ? 3 : l.quantity, unit: l.unit }));
    updateRecipe(b.db, { id: b.cookies.id, ingredientLines: lines });
    expect(planStaleness(b.db, { eventId: b.event.id }).changes.map((c) => c.summary)).toEqual(['Sugar cookies: Flour 2 cup → 3 cup']);
    const run = recordProduction(b.db, { recipeId: b.cookies.id, batches: 1, eventId: b.event.id });
    expect(run.planSnapshotId).toBe(snapshotId);
    const flour = plannedVsActual(b.db, { eventId: b.event.id }).recipes.find((x) => x.recipe === 'sugar-cookies')!.ingredients.find((i) => i.ingredient === 'flour')!;
    expect(flour.actual!.quantity).toBeCloseTo(0.5, 9);
  });

  it('an undone run is left out', async () => {
    const b = await producing();
    const run = recordProduction(b.db, { recipeId: b.cookies.id, batches: 1, eventId: b.event.id });
    undoRun(b.db, { kind: 'production', id: run.id, note: 'Recorded twice' });
    const r = plannedVsActual(b.db, { eventId: b.event.id });
    expect(r.hasRuns).toBe(false);
    expect(r.recipes.find((x) => x.recipe === 'sugar-cookies')!.producedBatches).toBe(0);
    expect(producedBatchesByUnit(b.db, b.event.id).size).toBe(0);
  });
});

describe('amendments that contradict what was made are refused, changing nothing', () => {
  it('batches below those already baked', async () => {
    const b = await producing();
    recordProduction(b.db, { recipeId: b.cookies.id, batches: 1, eventId: b.event.id });
    amendPlan(b.db, { eventId: b.event.id, kind: 'change_batches', finishedUnitId: b.cookie.id, batches: 3, reason: 'More for the fair' });
    recordProduction(b.db, { recipeId: b.cookies.id, batches: 2, eventId: b.event.id });
    const e = refused(b.db, () =>
      amendPlan(b.db, { eventId: b.event.id, kind: 'change_batches', finishedUnitId: b.cookie.id, batches: 2, confirmShortfall: true, reason: 'Fewer after all' }),
    );
    expect([e.code, e.details.field, e.message]).toEqual([
      'CONFLICT',
      'batches',
      '3 batches of Sugar cookie have already been baked for this event: choose at least 3.',
    ]);
  });

  it('a good dropped below what was already assembled', async () => {
    const b = await producing();
    recordProduction(b.db, { recipeId: b.cookies.id, batches: 1, eventId: b.event.id });
    recordProduction(b.db, { recipeId: b.brownies.id, batches: 1, eventId: b.event.id });
    recordAssembly(b.db, { goodId: b.bag.id, quantity: 4, eventId: b.event.id });
    const e = refused(b.db, () => amendPlan(b.db, { eventId: b.event.id, kind: 'drop_good', goodId: b.bag.id, quantity: 7, reason: 'Fewer stalls' }));
    expect([e.code, e.message]).toEqual(['CONFLICT', '4 Cookie bag have already been assembled for this event: the target cannot go below 4.']);
    expect(amendPlan(b.db, { eventId: b.event.id, kind: 'drop_good', goodId: b.bag.id, quantity: 6, reason: 'Fewer stalls' })).toMatchObject({ before: 10, after: 4 });
  });
});
