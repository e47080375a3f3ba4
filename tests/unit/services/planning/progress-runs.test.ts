/*
 * Progress with bakes and assemblies recorded through making's one path:
 * 4 of 7 -> 57.14 %; production 57.14 % and assembly 50 % -> overall 53.57 %;
 * overage; undone runs; runs of another event; and a bake recorded inside an
 * open transaction counting in progress read in that transaction, gone when
 * it rolls back.
 */
import { describe, expect, it } from 'vitest';
import { transaction } from '../../../../src/db/session';
import { roundPercent } from '../../../../src/domain/progress';
import { createGood } from '../../../../src/services/goods/goods';
import { recordAssembly } from '../../../../src/services/making/assembly';
import { recordProduction } from '../../../../src/services/making/production';
import { undoRun } from '../../../../src/services/making/undo';
import { decideBatches } from '../../../../src/services/planning/batch-decisions';
import { createEvent } from '../../../../src/services/planning/events';
import { eventProgress } from '../../../../src/services/planning/progress';
import { setGoodTarget } from '../../../../src/services/planning/targets';
import { createFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { createRecipe } from '../../../../src/services/recipes/recipes';
import { count } from '../../../helpers/db';
import { shopBakery } from './shop-bakery';

/** Cookies (10 a batch) with 7 batches decided, and a pair-box of 10 cookies with a target of 2. */
async function cookieBoxes() {
  const s = await shopBakery();
  s.buy(s.product(s.flour.id, 'Flour 25 lb', 25, 'lb').id, 9.49);
  const recipe = createRecipe(s.db, { name: 'Cookies', ingredientLines: [{ ingredientId: s.flour.id, quantity: 1, unit: 'cup' }] });
  const cookie = createFinishedUnit(s.db, { recipeId: recipe.id, name: 'Cookie', yieldMode: 'discrete', itemsPerBatch: 10 });
  const box = createGood(s.db, { name: 'Cookie box', lines: [{ kind: 'unit', finishedUnitId: cookie.id, quantity: 10 }] });
  const event = createEvent(s.db, { name: 'Fair', date: '2026-12-01' });
  setGoodTarget(s.db, { eventId: event.id, goodId: box.id, quantity: 2 });
  decideBatches(s.db, { eventId: event.id, finishedUnitId: cookie.id, batches: 7 });
  const bake = (batches: number, eventId: number | null = event.id) => recordProduction(s.db, { recipeId: recipe.id, batches, eventId });
  return { ...s, recipe, cookie, box, event, bake };
}

describe('progress from what was baked and assembled', () => {
  it('4 of 7 batches -> 57.14 %; 1 of 2 boxes -> 50 %; overall 53.57 %', async () => {
    const b = await cookieBoxes();
    b.bake(1);
    b.bake(3);
    recordAssembly(b.db, { goodId: b.box.id, quantity: 1, eventId: b.event.id });
    const p = eventProgress(b.db, { eventId: b.event.id });
    expect(p.recipes.map((r) => [r.recipe, r.targetBatches, r.producedBatches, r.remaining, r.overage, roundPercent(r.percent)])).toEqual([['cookies', 7, 4, 3, 0, 57.14]]);
    // 40 cookies baked, 10 boxed: 30 left, enough for 3 more boxes, capped at the target of 2.
    expect(p.goods.map((g) => [g.good, g.target, g.assembled, g.availableToAssemble, g.percent])).toEqual([['cookie-box', 2, 1, 2, 50]]);
    expect([roundPercent(p.productionPercent), p.assemblyPercent, roundPercent(p.overallPercent)]).toEqual([57.14, 50, 53.57]);
  });

  it('baking more than decided: the percent passes 100 with the overage; the side counts 100; everything done is 100 %', async () => {
    const b = await cookieBoxes();
    b.bake(8);
    recordAssembly(b.db, { goodId: b.box.id, quantity: 2, eventId: b.event.id });
    const p = eventProgress(b.db, { eventId: b.event.id });
    expect(p.recipes.map((r) => [r.producedBatches, r.remaining, r.overage, roundPercent(r.percent)])).toEqual([[8, 0, 1, 114.29]]);
    expect([p.productionPercent, p.assemblyPercent, p.overallPercent]).toEqual([100, 100, 100]);
  });

  it('undone runs and runs for another event (or none) do not count', async () => {
    const b = await cookieBoxes();
    const other = createEvent(b.db, { name: 'Other' });
    b.bake(2, other.id);
    b.bake(1, null);
    const undone = b.bake(3);
    undoRun(b.db, { kind: 'production', id: undone.id });
    b.bake(1);
    const p = eventProgress(b.db, { eventId: b.event.id });
    expect(p.recipes.map((r) => [r.producedBatches, r.remaining])).toEqual([[1, 6]]);
    expect(p.goods.map((g) => g.assembled)).toEqual([0]);
  });

  it('a recipe baked for the event that the plan no longer bakes is listed with no target, outside the side', async () => {
    const b = await cookieBoxes();
    const scones = createRecipe(b.db, { name: 'Scones', ingredientLines: [{ ingredientId: b.flour.id, quantity: 1, unit: 'cup' }] });
    createFinishedUnit(b.db, { recipeId: scones.id, name: 'Scone', yieldMode: 'discrete', itemsPerBatch: 8 });
    recordProduction(b.db, { recipeId: scones.id, batches: 2, eventId: b.event.id });
    b.bake(7);
    const p = eventProgress(b.db, { eventId: b.event.id });
    expect(p.recipes.map((r) => [r.recipe, r.targetBatches, r.producedBatches, r.overage, r.percent])).toEqual([
      ['cookies', 7, 7, 0, 100],
      ['scones', 0, 2, 2, null],
    ]);
    expect(p.productionPercent).toBe(100);
  });
});

describe("inside the caller's transaction", () => {
  it('a bake recorded in an open transaction counts in progress read in it; rolled back, it is gone', async () => {
    const b = await cookieBoxes();
    const before = eventProgress(b.db, { eventId: b.event.id });
    const commits: number[] = [];
    b.db.onCommit((statements) => commits.push(statements.length));
    expect(() =>
      transaction(b.db, (tx) => {
        recordProduction(b.db, { recipeId: b.recipe.id, batches: 4, eventId: b.event.id }, tx);
        const p = eventProgress(b.db, { eventId: b.event.id }, tx);
        expect(p.recipes.map((r) => [r.producedBatches, roundPercent(r.percent)])).toEqual([[4, 57.14]]);
        expect(p.goods.map((g) => g.availableToAssemble)).toEqual([2]);
        throw new Error('the oven was off');
      }),
    ).toThrow('the oven was off');
    expect(commits).toEqual([]);
    expect(count(b.db, 'production_runs')).toBe(0);
    expect(eventProgress(b.db, { eventId: b.event.id })).toEqual(before);
  });

  it('committed, the same bake stays: the transaction is the caller\'s to end', async () => {
    const b = await cookieBoxes();
    const inside = transaction(b.db, (tx) => {
      recordProduction(b.db, { recipeId: b.recipe.id, batches: 4, eventId: b.event.id }, tx);
      return eventProgress(b.db, { eventId: b.event.id }, tx);
    });
    expect(eventProgress(b.db, { eventId: b.event.id })).toEqual(inside);
  });
});
