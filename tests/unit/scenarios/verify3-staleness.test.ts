/**
 * domain.md, Staleness and Plan states, third pass: a plan is stale only when
 * something it was computed from changed in a way that changes its numbers.
 * Spring plans 4 tins (20 cookies, 1 batch). Edits to what it is computed from
 * (the tin's composition, the cookie's yield, the dough the cookies use as a
 * sub-recipe, the tin can's size) make it stale and say what changed; edits
 * to what it does not use (the cake, the shortbread, the box and hamper that
 * hold tins, the basket) and new prices and purchases do not. Then the plan
 * moves draft -> locked -> in production -> completed, each skipped step
 * refused naming the state it needs, and nothing changes on a refusal.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/session';
import { findIngredientBySlug } from '../../../src/services/catalog/ingredient-rows';
import { findGoodBySlug } from '../../../src/services/goods/good-rows';
import { updateGood } from '../../../src/services/goods/goods';
import { findMaterialUnitBySlug, updateMaterialUnit } from '../../../src/services/materials/material-units';
import { recordPurchase } from '../../../src/services/pantry/purchases';
import { findEventBySlug } from '../../../src/services/planning/event-rows';
import { advancePlan } from '../../../src/services/planning/plan-steps';
import { findFinishedUnitBySlug, updateFinishedUnit } from '../../../src/services/recipes/finished-units';
import { findRecipeBySlug } from '../../../src/services/recipes/recipe-rows';
import { updateRecipe } from '../../../src/services/recipes/recipes';
import { withEvents } from './verify3-bakery';
import { bakery, hashOf, json, onFile, refusedBy } from './verify-cli';

const SPRING = { name: 'Spring', targets: [{ finished_good: 'tin', quantity: 4 }], batch_decisions: [{ finished_unit: 'cookie', batches: 1 }] };

const ingredient = (d: Database, slug: string) => findIngredientBySlug(d, slug)!.id;
const recipe = (d: Database, slug: string) => findRecipeBySlug(d, slug)!.id;
const unit = (d: Database, slug: string) => findFinishedUnitBySlug(d, slug)!.id;
const good = (d: Database, slug: string) => findGoodBySlug(d, slug)!.id;

/** Spring's plan saved, then `edit`, then what `staleness` says. */
async function after(edit: (d: Database) => void): Promise<{ stale: boolean; changes: { kind: string; item: string }[] }> {
  const db = await bakery(withEvents(SPRING));
  const plan = await json('plan', db, 'spring', '--save');
  // 4 tins = 20 cookies -> 1 batch (24, 4 spare); 4 tin cans
  expect([plan.batches.map((b: any) => [b.finished_unit, b.units_needed, b.batches]), plan.packaging.map((p: any) => [p.material, p.quantity])]).toEqual([[['cookie', 20, 1]], [['tin-can', 4]]]);
  await onFile(db, edit);
  return json('staleness', db, 'spring');
}
const kinds = (s: { changes: { kind: string; item: string }[] }) => s.changes.map((c) => [c.kind, c.item]);

describe('staleness of one event among others, and the plan steps (verify, third pass)', { timeout: 180_000 }, () => {
  it('stale: the tin holds 6 cookies, not 5; the cookie yields 20, not 24; the dough takes 3 cup of flour, not 2; a tin can counts 2', async () => {
    const tin = await after((d) =>
      updateGood(d, {
        id: good(d, 'tin'),
        lines: [
          { kind: 'unit', finishedUnitId: unit(d, 'cookie'), quantity: 6 },
          { kind: 'material', materialUnitId: findMaterialUnitBySlug(d, 'one-tin')!.id, materialProductId: 1, quantity: 1 },
        ],
      }),
    );
    expect([tin.stale, kinds(tin)]).toEqual([true, [[expect.stringMatching(/composition/), 'tin']]]);
    const yieldChange = await after((d) => updateFinishedUnit(d, { id: unit(d, 'cookie'), itemsPerBatch: 20 }));
    expect([yieldChange.stale, kinds(yieldChange)]).toEqual([true, [[expect.stringMatching(/yield/), 'cookie']]]);
    // The dough is not baked on its own: it reaches the plan through the cookies' sub-recipe line.
    const dough = await after((d) =>
      updateRecipe(d, {
        id: recipe(d, 'dough'),
        ingredientLines: [
          { ingredientId: ingredient(d, 'flour'), quantity: 3, unit: 'cup' },
          { ingredientId: ingredient(d, 'butter'), quantity: 100, unit: 'g' },
          { ingredientId: ingredient(d, 'eggs'), quantity: 1, unit: 'each' },
        ],
      }),
    );
    expect([dough.stale, kinds(dough)]).toEqual([true, [['ingredient_line_changed', 'dough']]]);
    const can = await after((d) => updateMaterialUnit(d, { id: findMaterialUnitBySlug(d, 'one-tin')!.id, quantity: 2, unit: 'each' }));
    expect(can.stale).toBe(true);
  });

  it('not stale: the cake, the shortbread, the box and the hamper (which hold tins, but Spring does not make them), the basket, a new purchase at a new price', async () => {
    const fresh = { event: 'spring', stale: false, changes: [] };
    expect(await after((d) => updateRecipe(d, { id: recipe(d, 'cake'), ingredientLines: [{ ingredientId: ingredient(d, 'flour'), quantity: 400, unit: 'g' }] }))).toEqual(fresh);
    expect(await after((d) => updateRecipe(d, { id: recipe(d, 'shortbread'), ingredientLines: [{ ingredientId: ingredient(d, 'sugar'), quantity: 60, unit: 'g' }] }))).toEqual(fresh);
    expect(await after((d) => updateFinishedUnit(d, { id: unit(d, 'slice'), portionPercent: 10 }))).toEqual(fresh);
    expect(await after((d) => updateGood(d, { id: good(d, 'box'), lines: [{ kind: 'good', goodId: good(d, 'tin'), quantity: 2 }] }))).toEqual(fresh);
    expect(await after((d) => updateGood(d, { id: good(d, 'hamper'), lines: [{ kind: 'good', goodId: good(d, 'tin'), quantity: 3 }] }))).toEqual(fresh);
    expect(await after((d) => updateMaterialUnit(d, { id: findMaterialUnitBySlug(d, 'one-basket')!.id, quantity: 2, unit: 'each' }))).toEqual(fresh);
    expect(await after((d) => recordPurchase(d, { productId: 4, packages: 1, pricePerPackage: 9, purchasedOn: '2025-12-01' }))).toEqual(fresh);
  });

  it('draft -> locked -> in production -> completed, in order only; each refusal names the state it needs and changes nothing', async () => {
    const db = await bakery(withEvents(SPRING));
    const step = (state: string) => onFile(db, (d) => advancePlan(d, { eventId: findEventBySlug(d, 'spring')!.id, state: state as never }));
    const refused = async (state: string) => {
      const before = hashOf(db);
      const e = await onFile(db, (d) => refusedBy(() => advancePlan(d, { eventId: findEventBySlug(d, 'spring')!.id, state: state as never })));
      expect(hashOf(db)).toBe(before);
      return e;
    };
    expect((await refused('in_production')).message).toMatch(/lock/i);
    expect((await refused('completed')).message).toMatch(/production|lock/i);
    await step('locked');
    expect((await json('plan', db, 'spring')).state).toBe('locked');
    expect((await refused('completed')).message).toMatch(/production/i);
    expect((await refused('locked')).code).toBeTruthy();
    await step('in_production');
    // Starting production saved the plan: a bake for the event uses it, and the plan is fresh.
    expect(await json('staleness', db, 'spring')).toEqual({ event: 'spring', stale: false, changes: [] });
    await json('make', db, 'cookies', '1', '--event', 'spring');
    await step('completed');
    expect((await json('plan', db, 'spring')).state).toBe('completed');
    expect((await refused('locked')).code).toBeTruthy();
    expect((await refused('in_production')).code).toBeTruthy();
  });
});
