/**
 * domain.md, Plan states, Staleness, the plan snapshot and its frozen cost
 * baseline, amendments, and a bake for an event using the recipe its plan
 * was calculated with. The command line has no verbs for the plan steps or
 * for editing a recipe, so those are done through the same services the app
 * calls, on the database file; every figure is read back with the CLI.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findIngredientBySlug } from '../../../src/services/catalog/ingredient-rows';
import { findGoodBySlug } from '../../../src/services/goods/good-rows';
import { amendPlan } from '../../../src/services/planning/amendments';
import { findEventBySlug } from '../../../src/services/planning/event-rows';
import { advancePlan } from '../../../src/services/planning/plan-steps';
import { findFinishedUnitBySlug } from '../../../src/services/recipes/finished-units';
import { findRecipeBySlug } from '../../../src/services/recipes/recipe-rows';
import { updateRecipe } from '../../../src/services/recipes/recipes';
import { bakery, cli, hashOf, json, onFile, refusedBy } from './verify-cli';

const FAIR = {
  ingredients: [{ name: 'Sugar', density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 200, weight_unit: 'g' } }],
  products: [{ slug: 'sugar-1kg', ingredient: 'sugar', name: 'Sugar 1 kg', package_quantity: 1, package_unit: 'kg' }],
  purchases: [{ product: 'sugar-1kg', date: '2026-01-01', packages: 10, price_per_package: 3 }], // 10 kg at 3.00
  recipes: [{ name: 'Cookies', ingredients: [{ ingredient: 'sugar', quantity: 1, unit: 'cup' }] }], // 200 g = 0.60 a batch
  finished_units: [{ name: 'Cookie', recipe: 'cookies', items_per_batch: 10 }],
  finished_goods: [{ name: 'Tin', composition: [{ finished_unit: 'cookie', quantity: 6 }] }],
  events: [{ name: 'Fair', targets: [{ finished_good: 'tin', quantity: 5 }], batch_decisions: [{ finished_unit: 'cookie', batches: 3 }] }],
};

describe('plan states, staleness, snapshot and amendments (verify)', { timeout: 120_000 }, () => {
  it('in order only; a bake for the event uses the recipe as planned after the recipe is edited; staleness names the line, not the new name; amendments cannot undercut what was baked', async () => {
    const db = await bakery(FAIR);
    const saved = await json('plan', db, 'fair', '--save');
    expect([saved.state, saved.cost_baseline]).toEqual(['draft', 1.8]); // 3 batches x 0.60
    expect(await json('staleness', db, 'fair')).toEqual({ event: 'fair', stale: false, changes: [] });

    await onFile(db, (d) => {
      const event = findEventBySlug(d, 'fair')!.id;
      const skipped = refusedBy(() => advancePlan(d, { eventId: event, state: 'in_production' }));
      expect(skipped.message).toMatch(/lock/i);
      expect(refusedBy(() => advancePlan(d, { eventId: event, state: 'completed' })).message).toMatch(/production/i);
      advancePlan(d, { eventId: event, state: 'locked' });
      advancePlan(d, { eventId: event, state: 'in_production' });
      // The baker doubles the sugar and renames the recipe.
      updateRecipe(d, { id: findRecipeBySlug(d, 'cookies')!.id, name: 'Sugar cookies', ingredientLines: [{ ingredientId: findIngredientBySlug(d, 'sugar')!.id, quantity: 2, unit: 'cup' }] });
    });
    expect((await json('plan', db, 'fair')).state).toBe('in_production');

    const stale = await json('staleness', db, 'fair');
    expect(stale).toEqual({
      event: 'fair',
      stale: true,
      changes: [{ kind: 'ingredient_line_changed', item: 'cookies', before: { ingredient: 'sugar', quantity: 1, unit: 'cup' }, after: { ingredient: 'sugar', quantity: 2, unit: 'cup' } }],
    });

    // For the event: the planned recipe, 1 cup = 0.2 kg = 0.60; for no event: the recipe as it is now, 0.4 kg = 1.20.
    const forFair = await json('make', db, 'cookies', '1', '--event', 'fair');
    expect(forFair.consumptions.map((c: { quantity: number; cost: number }) => [c.quantity, c.cost])).toEqual([[0.2, 0.6]]);
    const now = await json('make', db, 'cookies', '1');
    expect(now.consumptions.map((c: { quantity: number; cost: number }) => [c.quantity, c.cost])).toEqual([[0.4, 1.2]]);

    await onFile(db, (d) => {
      const eventId = findEventBySlug(d, 'fair')!.id;
      const finishedUnitId = findFinishedUnitBySlug(d, 'cookie')!.id;
      expect(refusedBy(() => amendPlan(d, { eventId, kind: 'change_batches', finishedUnitId, batches: 0, confirmShortfall: true, reason: 'cancelled' })).details).toMatchObject({ produced: 1 });
      expect(refusedBy(() => amendPlan(d, { eventId, kind: 'change_batches', finishedUnitId, batches: 4, reason: '  ' })).code).toBe('VALIDATION');
      amendPlan(d, { eventId, kind: 'change_batches', finishedUnitId, batches: 4, reason: 'a bigger order' });
      const tin = findGoodBySlug(d, 'tin')!.id;
      amendPlan(d, { eventId, kind: 'add_good', goodId: tin, quantity: 1, reason: 'one more tin' });
    });
    // 1 of 4 batches: 25 %; the run for no event does not count.
    const p = await json('progress', db, 'fair');
    expect(p.recipes).toEqual([{ recipe: 'cookies', target_batches: 4, produced_batches: 1, remaining: 3, overage: 0, percent: 25 }]);
    expect(p.goods).toEqual([{ good: 'tin', target: 6, assembled: 0, available_to_assemble: 3, percent: 0 }]); // 20 cookies on hand: 3 tins
  });

  it("the saved plan's costs do not move when a cheaper, older lot is added; a new calculation uses it", async () => {
    const db = await bakery(FAIR);
    await json('plan', db, 'fair', '--save');
    const file = join(mkdtempSync(join(tmpdir(), 'bp-verify-merge-')), 'older.json');
    // 1 kg bought earlier at 1.00: FIFO now draws it first.
    writeFileSync(file, JSON.stringify({ format: 'bake-planner-snapshot', format_version: 1, purchases: [{ product: 'sugar-1kg', date: '2025-12-01', packages: 1, price_per_package: 1 }] }));
    expect((await cli('import', db, file, '--merge')).code).toBe(0);

    // Now: 0.6 kg of the 1.00 lot = 0.60.
    const fresh = await json('plan', db, 'fair');
    expect([fresh.ingredients[0].cost, fresh.cost_baseline]).toEqual([0.6, 0.6]);
    const exported = JSON.parse((await cli('export', db)).out);
    const snapshot = exported.events[0].plan_snapshots;
    expect(snapshot).toHaveLength(1);
    expect(snapshot[0].cost_baseline).toBe(1.8);
    // The staleness check is about definitions, not prices.
    expect((await json('staleness', db, 'fair')).stale).toBe(false);
    const before = hashOf(db);
    await json('plan', db, 'fair');
    expect(hashOf(db)).toBe(before);
  });
});
