/*
 * The plan of an event: explosion into finished units, batches and waste,
 * floor/ceil, the aggregated ingredients in one unit each, packaging, the
 * cost baseline and per-good costs; the snapshot it is saved as never moves;
 * and the plan runs inside the caller's transaction.
 */
import { describe, expect, it } from 'vitest';
import { transaction } from '../../../../src/db/session';
import { createIngredient } from '../../../../src/services/catalog/ingredients';
import { createGood } from '../../../../src/services/goods/goods';
import { recordPurchase } from '../../../../src/services/pantry/purchases';
import { decideBatches } from '../../../../src/services/planning/batch-decisions';
import { createEvent } from '../../../../src/services/planning/events';
import { calculatePlan } from '../../../../src/services/planning/plan';
import { latestSnapshot } from '../../../../src/services/planning/plan-rows';
import { advancePlan } from '../../../../src/services/planning/plan-steps';
import { chooseRecipe, recipeFamily } from '../../../../src/services/planning/recipe-choices';
import { setGoodTarget, setUnitTarget } from '../../../../src/services/planning/targets';
import { createFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { archiveRecipe, createRecipe } from '../../../../src/services/recipes/recipes';
import { count, testDb } from '../../../helpers/db';
import { refused } from '../kitchen';
import { BUTTER_CUP, EGG, FLOUR_CUP, SUGAR_CUP, planBakery } from './plan-bakery';

const byUnit = <T extends { finishedUnit: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.finishedUnit, r]));
const byIngredient = <T extends { ingredient: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.ingredient, r]));

describe('the plan of an event', () => {
  it('10 cookie bags: 30 cookies (1 batch of 48, 18 waste), 20 brownies (1 batch of 24, 4 waste)', async () => {
    const b = await planBakery();
    const plan = calculatePlan(b.db, { eventId: b.event.id }).payload;
    expect(plan.targets).toEqual({ goods: [{ good: 'cookie-bag', displayName: 'Cookie bag', quantity: 10 }], units: [] });
    expect(plan.batches.map((r) => [r.recipe, r.finishedUnit])).toEqual([
      ['brownies', 'brownie'],
      ['sugar-cookies', 'sugar-cookie'],
    ]);
    expect(byUnit(plan.batches)['sugar-cookie']).toMatchObject({
      unitsNeeded: 30,
      yieldPerBatch: 48,
      batches: 1,
      decided: false,
      totalUnits: 48,
      waste: 18,
      short: 0,
      floor: null,
      ceil: { batches: 1, totalUnits: 48, spare: 18 },
    });
    expect(byUnit(plan.batches)['sugar-cookie']!.wastePercent).toBeCloseTo(37.5, 9);
    expect(byUnit(plan.batches).brownie).toMatchObject({ unitsNeeded: 20, yieldPerBatch: 24, batches: 1, totalUnits: 24, waste: 4 });
  });

  it('aggregates every recipe with its sub-recipes multiplied through, in the unit the lots use, priced now', async () => {
    const b = await planBakery();
    const plan = calculatePlan(b.db, { eventId: b.event.id }).payload;
    const i = byIngredient(plan.ingredients);
    // Flour: 2 cup (cookies) + 1 cup (brownies) = 3 cup = 12 oz = 0.75 lb, bought by the pound.
    expect(i.flour).toMatchObject({ displayName: 'Flour', unit: 'lb', reason: null });
    expect(i.flour!.quantity).toBeCloseTo(0.75, 12);
    expect(i.flour!.costPerUnit).toBeCloseTo(8.99, 9);
    expect(i.flour!.cost).toBe(6.7425);
    // Sugar: 1 + 1 + half a batch of frosting's 1 cup = 2.5 cup = 17.5 oz.
    expect(i.sugar!.quantity).toBeCloseTo(17.5 / 16, 12);
    expect(i.sugar!.cost).toBe(1.0938);
    // Butter: 0.5 + 0.125 cup = 5 oz.
    expect(i.butter!.quantity).toBeCloseTo(5 / 16, 12);
    expect(i.butter!.cost).toBe(1.5625);
    expect(i.eggs).toMatchObject({ quantity: 2, unit: 'each', cost: 0.6 });
    expect(plan.packaging.map((p) => [p.material, p.unit])).toEqual([
      ['cello-bag', 'each'],
      ['ribbon', 'cm'],
    ]);
    expect(plan.packaging[0]).toMatchObject({ quantity: 10, cost: 0.9 });
    expect(plan.packaging[1]!.quantity).toBeCloseTo(457.2, 9);
    expect(plan.packaging[1]!.cost).toBe(0.9144);
    expect(plan.packaging[1]!.lines).toEqual([{ materialUnit: 'ribbon-one-18-in-bow', displayName: 'one 18 in bow', product: null, uses: 10, quantity: expect.closeTo(457.2, 9) }]);
    expect(plan.costBaseline).toBe(11.8132);
    expect(plan.unknown).toEqual([]);
    const cookie = (2 * FLOUR_CUP + SUGAR_CUP + 0.5 * BUTTER_CUP) / 48;
    const brownie = (FLOUR_CUP + SUGAR_CUP + 2 * EGG + 0.5 * (SUGAR_CUP + 0.25 * BUTTER_CUP)) / 24;
    const perBag = 3 * cookie + 2 * brownie + 0.09 + 45.72 * 0.002;
    expect(plan.goods).toEqual([{ good: 'cookie-bag', displayName: 'Cookie bag', quantity: 10, costPerGood: expect.closeTo(perBag, 4), cost: expect.closeTo(perBag * 10, 3) }]);
    // Each recipe's share, for planned against actual.
    expect(byIngredient(byUnit(plan.batches).brownie!.ingredients).sugar!.quantity).toBeCloseTo(1.5 * 7 / 16, 12);
    expect(byUnit(plan.batches)['sugar-cookie']!.cost).toBeCloseTo(2 * FLOUR_CUP + SUGAR_CUP + 0.5 * BUTTER_CUP, 3);
  });

  it('domain reference: A (2 cup flour, 1 cup sugar) x2 and B (3 cup flour, 0.5 cup butter) x2 -> flour 10 cup, sugar 2 cup, butter 1 cup', async () => {
    const db = await testDb();
    const pantry = createIngredient(db, { name: 'Pantry' });
    const leaf = (name: string) => createIngredient(db, { name, parentId: pantry.id });
    const [flour, sugar, butter] = [leaf('Flour'), leaf('Sugar'), leaf('Butter')];
    const a = createRecipe(db, { name: 'A', ingredientLines: [{ ingredientId: flour.id, quantity: 2, unit: 'cup' }, { ingredientId: sugar.id, quantity: 1, unit: 'cup' }] });
    const b = createRecipe(db, { name: 'B', ingredientLines: [{ ingredientId: flour.id, quantity: 3, unit: 'cup' }, { ingredientId: butter.id, quantity: 0.5, unit: 'cup' }] });
    const aUnit = createFinishedUnit(db, { recipeId: a.id, name: 'A bun', yieldMode: 'discrete', itemsPerBatch: 10 });
    const bUnit = createFinishedUnit(db, { recipeId: b.id, name: 'B bun', yieldMode: 'discrete', itemsPerBatch: 10 });
    const event = createEvent(db, { name: 'Fair' });
    setUnitTarget(db, { eventId: event.id, finishedUnitId: aUnit.id, quantity: 20 });
    setUnitTarget(db, { eventId: event.id, finishedUnitId: bUnit.id, quantity: 20 });
    const plan = calculatePlan(db, { eventId: event.id }).payload;
    expect(plan.batches.map((r) => [r.recipe, r.batches])).toEqual([
      ['a', 2],
      ['b', 2],
    ]);
    expect(plan.ingredients.map((i) => [i.ingredient, i.quantity, i.unit])).toEqual([
      ['butter', 1, 'cup'],
      ['flour', 10, 'cup'],
      ['sugar', 2, 'cup'],
    ]);
    // Nothing was ever bought: no price, so the baseline is unknown and says why.
    expect(plan.ingredients.every((i) => i.cost === null && i.costPerUnit === null)).toBe(true);
    expect(plan.costBaseline).toBeNull();
    expect(plan.unknown.map((u) => u.item)).toEqual(['Butter', 'Flour', 'Sugar']);
  });

  it('domain reference: a bag of 3 cookies + 2 brownies x 10 -> 30 and 20; a mega of 2 bags x 5 -> the same 30 and 20', async () => {
    const b = await planBakery();
    const mega = createGood(b.db, { name: 'Mega', lines: [{ kind: 'good', goodId: b.bag.id, quantity: 2 }] });
    const event = createEvent(b.db, { name: 'Mega fair' });
    setGoodTarget(b.db, { eventId: event.id, goodId: mega.id, quantity: 5 });
    const megaPlan = calculatePlan(b.db, { eventId: event.id }).payload;
    const bagPlan = calculatePlan(b.db, { eventId: b.event.id }).payload;
    for (const plan of [megaPlan, bagPlan]) {
      expect(plan.batches.map((r) => [r.finishedUnit, r.unitsNeeded])).toEqual([
        ['brownie', 20],
        ['sugar-cookie', 30],
      ]);
    }
    expect(megaPlan.ingredients).toEqual(bagPlan.ingredients);
    expect(megaPlan.packaging).toEqual(bagPlan.packaging);
    expect(megaPlan.costBaseline).toBe(bagPlan.costBaseline);
  });

  it('domain reference: 100 cookies at 48 a batch -> 3 batches, 144 made, 44 waste, 30.56 %', async () => {
    const b = await planBakery();
    const event = createEvent(b.db, { name: 'Bulk order' });
    setUnitTarget(b.db, { eventId: event.id, finishedUnitId: b.cookie.id, quantity: 100 });
    const row = calculatePlan(b.db, { eventId: event.id }).payload.batches[0]!;
    expect(row).toMatchObject({ finishedUnit: 'sugar-cookie', unitsNeeded: 100, batches: 3, totalUnits: 144, waste: 44, floor: { batches: 2, totalUnits: 96, short: 4 } });
    expect(Number(row.wastePercent.toFixed(2))).toBe(30.56);
  });

  it('unit targets add to what the goods need', async () => {
    const b = await planBakery();
    setUnitTarget(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, quantity: 20 });
    const row = byUnit(calculatePlan(b.db, { eventId: b.event.id }).payload.batches)['sugar-cookie']!;
    expect([row.unitsNeeded, row.batches]).toEqual([50, 2]);
  });
});

describe('floor or ceil: a shortfall must be confirmed and stays visible', () => {
  async function fifty() {
    const b = await planBakery();
    const event = createEvent(b.db, { name: 'Fifty brownies' });
    setUnitTarget(b.db, { eventId: event.id, finishedUnitId: b.brownie.id, quantity: 50 });
    return { ...b, event };
  }

  it('need 50 at 24: ceil 3 (72, 22 spare) by default, floor 2 (48, short 2) offered', async () => {
    const b = await fifty();
    const row = calculatePlan(b.db, { eventId: b.event.id }).payload.batches[0]!;
    expect(row).toMatchObject({ batches: 3, decided: false, totalUnits: 72, waste: 22, floor: { batches: 2, totalUnits: 48, short: 2 }, ceil: { batches: 3, totalUnits: 72, spare: 22 } });
  });

  it('choosing floor unconfirmed is refused and changes nothing; confirmed, the plan shows the shortfall', async () => {
    const b = await fifty();
    const e = refused(b.db, () => decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.brownie.id, batches: 2 }));
    expect([e.code, e.details.field, e.message]).toEqual(['VALIDATION', 'confirmShortfall', '50 Brownie needed; 2 batches make 48, 2 short. Confirm the shortfall, or choose 3 batches.']);
    expect(decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.brownie.id, batches: 2, confirmShortfall: true })).toEqual({ batches: 2, shortfallConfirmed: true });
    const row = calculatePlan(b.db, { eventId: b.event.id }).payload.batches[0]!;
    expect(row).toMatchObject({ batches: 2, decided: true, shortfallConfirmed: true, totalUnits: 48, waste: 0, short: 2 });
  });

  it('need 5 offers only ceil 1; need 48 at 24 is exactly 2, no floor', async () => {
    const b = await planBakery();
    const event = createEvent(b.db, { name: 'Small' });
    setUnitTarget(b.db, { eventId: event.id, finishedUnitId: b.brownie.id, quantity: 5 });
    expect(calculatePlan(b.db, { eventId: event.id }).payload.batches[0]).toMatchObject({ batches: 1, floor: null, ceil: { batches: 1, totalUnits: 24, spare: 19 } });
    setUnitTarget(b.db, { eventId: event.id, finishedUnitId: b.brownie.id, quantity: 48 });
    expect(calculatePlan(b.db, { eventId: event.id }).payload.batches[0]).toMatchObject({ batches: 2, floor: null, waste: 0 });
  });

  it('batch decisions for a unit the event does not need, or in production, are refused and change nothing', async () => {
    const b = await planBakery();
    const other = createFinishedUnit(b.db, { recipeId: b.cookies.id, name: 'Giant cookie', yieldMode: 'discrete', itemsPerBatch: 6 });
    expect(refused(b.db, () => decideBatches(b.db, { eventId: b.event.id, finishedUnitId: other.id, batches: 1 })).details.field).toBe('finishedUnitId');
    advancePlan(b.db, { eventId: b.event.id, state: 'locked' });
    expect(decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, batches: 2 }).batches).toBe(2);
    advancePlan(b.db, { eventId: b.event.id, state: 'in_production' });
    const e = refused(b.db, () => decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, batches: 3 }));
    expect([e.code, e.message]).toEqual([
      'PLAN_STATE',
      'Batch decisions change only while the plan is a draft or locked; this one is in production. Record an amendment with its reason instead.',
    ]);
  });
});

describe('the saved plan (snapshot) never moves', () => {
  it('a new purchase at another price leaves the saved cost per unit alone; recalculating picks it up', async () => {
    const b = await planBakery();
    const saved = calculatePlan(b.db, { eventId: b.event.id, save: true });
    expect(saved.snapshotId).not.toBeNull();
    // All the flour is used up elsewhere, then flour is bought at 12.00/lb.
    b.db.engine.run('UPDATE lots SET quantity_remaining = 0 WHERE ingredient_id = ?', [b.k.flour.id]);
    b.k.buy(b.k.flour.id, 'Dear flour', 10, 'lb', 120, '2026-02-01');
    const snapshot = latestSnapshot(b.db, b.event.id)!;
    expect(snapshot.id).toBe(saved.snapshotId);
    expect(byIngredient(snapshot.payload.ingredients).flour!.costPerUnit).toBeCloseTo(8.99, 9);
    expect(snapshot.costBaseline).toBe(11.8132);
    const again = calculatePlan(b.db, { eventId: b.event.id, save: true });
    expect(byIngredient(again.payload.ingredients).flour!.costPerUnit).toBeCloseTo(12, 9);
    expect(again.payload.costBaseline).toBeCloseTo(11.8132 + 0.75 * (12 - 8.99), 4);
    expect(byIngredient(latestSnapshot(b.db, b.event.id)!.payload.ingredients).flour!.costPerUnit).toBeCloseTo(12, 9);
    expect(count(b.db, 'plan_snapshots')).toBe(2);
  });

  it('a recipe edit leaves the saved plan alone too', async () => {
    const b = await planBakery();
    calculatePlan(b.db, { eventId: b.event.id, save: true });
    const before = latestSnapshot(b.db, b.event.id)!;
    b.db.engine.run('UPDATE recipe_ingredients SET quantity = 4 WHERE recipe_id = ? AND ingredient_id = ?', [b.cookies.id, b.k.flour.id]);
    expect(latestSnapshot(b.db, b.event.id)).toEqual(before);
  });

  it('the payload holds the captured definitions of the plan\'s recipes, units and goods, and their fingerprint', async () => {
    const b = await planBakery();
    const { payload } = calculatePlan(b.db, { eventId: b.event.id, save: true });
    expect(Object.keys(payload.definitions.recipes).sort()).toEqual(['brownies', 'frosting', 'sugar-cookies']);
    expect(Object.keys(payload.definitions.finishedUnits).sort()).toEqual(['brownie', 'sugar-cookie']);
    expect(Object.keys(payload.definitions.goods)).toEqual(['cookie-bag']);
    const row = b.db.engine.get<{ fingerprint: string; cost_baseline: number; taken_at: string }>('SELECT fingerprint, cost_baseline, taken_at FROM plan_snapshots')!;
    expect(row).toEqual({ fingerprint: payload.fingerprint, cost_baseline: 11.8132, taken_at: '2026-11-26T12:00:00.000Z' });
    expect(payload.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('a completed plan is not saved again (and the refusal changes nothing); calculating it still reads', async () => {
    const b = await planBakery();
    for (const state of ['locked', 'in_production', 'completed'] as const) advancePlan(b.db, { eventId: b.event.id, state });
    const e = refused(b.db, () => calculatePlan(b.db, { eventId: b.event.id, save: true }));
    expect([e.code, e.message]).toEqual(['PLAN_STATE', 'The plan is recalculated only while the plan is a draft, locked or in production; this one is completed.']);
    expect(calculatePlan(b.db, { eventId: b.event.id }).snapshotId).toBeNull();
  });
});

describe('one unit per ingredient', () => {
  it('lines in cups and grams of flour add up in the unit its lots use (lb)', async () => {
    const b = await planBakery();
    const scones = createRecipe(b.db, { name: 'Scones', ingredientLines: [{ ingredientId: b.k.flour.id, quantity: 226.796185, unit: 'g' }] });
    const scone = createFinishedUnit(b.db, { recipeId: scones.id, name: 'Scone', yieldMode: 'discrete', itemsPerBatch: 8 });
    setUnitTarget(b.db, { eventId: b.event.id, finishedUnitId: scone.id, quantity: 8 });
    const flour = byIngredient(calculatePlan(b.db, { eventId: b.event.id }).payload.ingredients).flour!;
    expect(flour.unit).toBe('lb');
    expect(flour.quantity).toBeCloseTo(0.75 + 0.5, 9);
  });

  it('with no lots, the unit of the first line met (recipes in slug order)', async () => {
    const b = await planBakery();
    const almond = createIngredient(b.db, { name: 'Almond flour', parentId: b.k.baking.id, density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 96, weightUnit: 'g' } });
    const amaretti = createRecipe(b.db, { name: 'Amaretti', ingredientLines: [{ ingredientId: almond.id, quantity: 100, unit: 'g' }] });
    const zeppole = createRecipe(b.db, { name: 'Zeppole', ingredientLines: [{ ingredientId: almond.id, quantity: 1, unit: 'cup' }] });
    const event = createEvent(b.db, { name: 'Almonds' });
    for (const r of [zeppole, amaretti]) {
      const unit = createFinishedUnit(b.db, { recipeId: r.id, name: `${r.name} piece`, yieldMode: 'discrete', itemsPerBatch: 10 });
      setUnitTarget(b.db, { eventId: event.id, finishedUnitId: unit.id, quantity: 10 });
    }
    expect(calculatePlan(b.db, { eventId: event.id }).payload.ingredients).toEqual([
      { ingredient: 'almond-flour', displayName: 'Almond flour', quantity: 196, unit: 'g', costPerUnit: null, cost: null, reason: 'No price for Almond flour: there is no lot and no purchase price. Record a purchase.' },
    ]);
  });

  it('lines that cannot share a unit are listed per unit with the cost unknown and the fix, and the baseline is unknown', async () => {
    const b = await planBakery();
    // Brown sugar has no density and is bought by the pound: cups of it cannot join.
    const fudge = createRecipe(b.db, { name: 'Fudge', ingredientLines: [{ ingredientId: b.k.brownSugar.id, quantity: 1, unit: 'cup' }, { ingredientId: b.k.brownSugar.id, quantity: 100, unit: 'g' }] });
    const square = createFinishedUnit(b.db, { recipeId: fudge.id, name: 'Fudge square', yieldMode: 'discrete', itemsPerBatch: 16 });
    setUnitTarget(b.db, { eventId: b.event.id, finishedUnitId: square.id, quantity: 16 });
    const plan = calculatePlan(b.db, { eventId: b.event.id }).payload;
    expect(plan.ingredients.filter((i) => i.ingredient === 'brown-sugar')).toEqual([
      { ingredient: 'brown-sugar', displayName: 'Brown sugar', quantity: 1, unit: 'cup', costPerUnit: null, cost: null, reason: 'Set a density for Brown sugar to convert cup to lb.' },
      { ingredient: 'brown-sugar', displayName: 'Brown sugar', quantity: 100, unit: 'g', costPerUnit: null, cost: null, reason: 'Set a density for Brown sugar to convert cup to lb.' },
    ]);
    expect(plan.costBaseline).toBeNull();
    expect(plan.unknown).toEqual([{ item: 'Brown sugar', reason: 'Set a density for Brown sugar to convert cup to lb.' }]);
  });
});

describe('the recipe that bakes a unit: its family', () => {
  it('a variant of the unit\'s recipe can bake it for the event; its lines are planned, the yield is the unit\'s', async () => {
    const b = await planBakery();
    const rich = createRecipe(b.db, { name: 'Rich sugar cookies', baseRecipeId: b.cookies.id, variantName: 'Rich', ingredientLines: [{ ingredientId: b.k.butter.id, quantity: 2, unit: 'cup' }] });
    expect(recipeFamily(b.db, b.cookie.id).map((r) => [r.slug, r.own])).toEqual([
      ['sugar-cookies', true],
      ['rich-sugar-cookies', false],
    ]);
    chooseRecipe(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, recipeId: rich.id });
    const plan = calculatePlan(b.db, { eventId: b.event.id }).payload;
    expect(byUnit(plan.batches)['sugar-cookie']).toMatchObject({ recipe: 'rich-sugar-cookies', yieldPerBatch: 48, batches: 1 });
    // Butter: 2 cup (rich) + 0.125 (frosting) = 17 oz; flour from brownies only.
    expect(byIngredient(plan.ingredients).butter!.quantity).toBeCloseTo(17 / 16, 9);
    expect(byIngredient(plan.ingredients).flour!.quantity).toBeCloseTo(0.25, 9);
    chooseRecipe(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, recipeId: b.cookies.id });
    expect(count(b.db, 'event_recipe_choices')).toBe(0);
  });

  it('an archived variant is listed but not choosable, and choosing it is refused and changes nothing', async () => {
    const b = await planBakery();
    const rich = createRecipe(b.db, { name: 'Rich sugar cookies', baseRecipeId: b.cookies.id, variantName: 'Rich', ingredientLines: [{ ingredientId: b.k.butter.id, quantity: 2, unit: 'cup' }] });
    archiveRecipe(b.db, rich.id);
    expect(recipeFamily(b.db, b.cookie.id).map((r) => [r.slug, r.archived, r.choosable])).toEqual([
      ['sugar-cookies', false, true],
      ['rich-sugar-cookies', true, false],
    ]);
    expect(refused(b.db, () => chooseRecipe(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, recipeId: rich.id })).message).toBe(
      'Rich sugar cookies is archived: restore it before baking with it.',
    );
    expect(count(b.db, 'event_recipe_choices')).toBe(0);
  });

  it('a recipe outside the family, or a choice once the plan is locked, is refused and changes nothing', async () => {
    const b = await planBakery();
    expect(refused(b.db, () => chooseRecipe(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, recipeId: b.brownies.id })).message).toBe(
      "Only Sugar cookies's family (its base recipe and its variants) can bake Sugar cookie.",
    );
    advancePlan(b.db, { eventId: b.event.id, state: 'locked' });
    expect(refused(b.db, () => chooseRecipe(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, recipeId: b.cookies.id })).code).toBe('PLAN_STATE');
  });
});

describe('FIFO prices past the first lots a plan reads', () => {
  // A plan reads each ingredient's first four stocked lots (ingredient-needs.ts) and the rest only when they fall short.
  async function sixLotsOfCocoa(grams: number) {
    const b = await planBakery();
    const cocoa = b.k.cocoa;
    // Six 20 g lots at 1.00 ... 6.00 a lot, oldest cheapest.
    for (let n = 1; n <= 6; n++) b.k.buy(cocoa.id, `Cocoa ${n}`, 20, 'g', n, `2026-01-0${n}`);
    const cake = createRecipe(b.db, { name: 'Cocoa cake', ingredientLines: [{ ingredientId: cocoa.id, quantity: grams, unit: 'g' }] });
    const slice = createFinishedUnit(b.db, { recipeId: cake.id, name: 'Cocoa cake', yieldMode: 'portion', portionPercent: 100 });
    setUnitTarget(b.db, { eventId: b.event.id, finishedUnitId: slice.id, quantity: 1 });
    return byIngredient(calculatePlan(b.db, { eventId: b.event.id }).payload.ingredients).cocoa!;
  }

  it('a need within the first four lots: 70 g = 1 + 2 + 3 + half of 4.00', async () => {
    expect(await sixLotsOfCocoa(70)).toMatchObject({ quantity: 70, unit: 'g', cost: 8, reason: null });
  });

  it('a need past them draws from the fifth and sixth: 110 g = 1 + ... + 5 + half of 6.00', async () => {
    expect(await sixLotsOfCocoa(110)).toMatchObject({ quantity: 110, unit: 'g', cost: 18, reason: null });
  });

  it('a need past every lot: 130 g = all six (21.00) + 10 g at the latest purchase price (0.30 a g)', async () => {
    expect(await sixLotsOfCocoa(130)).toMatchObject({ quantity: 130, unit: 'g', cost: 24, reason: null });
  });
});

describe('the plan inside the caller\'s transaction', () => {
  it('sees the transaction\'s uncommitted target change', async () => {
    const b = await planBakery();
    transaction(b.db, (tx) => {
      setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 20 }, tx);
      const plan = calculatePlan(b.db, { eventId: b.event.id }, tx).payload;
      expect(plan.targets.goods[0]!.quantity).toBe(20);
      expect(byUnit(plan.batches)['sugar-cookie']!.unitsNeeded).toBe(60);
    });
    expect(calculatePlan(b.db, { eventId: b.event.id }).payload.targets.goods[0]!.quantity).toBe(20);
  });

  it('rolled back, the target change and the saved snapshot are both gone', async () => {
    const b = await planBakery();
    expect(() =>
      transaction(b.db, (tx) => {
        setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 20 }, tx);
        const saved = calculatePlan(b.db, { eventId: b.event.id, save: true }, tx);
        expect(latestSnapshot(b.db, b.event.id, tx)!.id).toBe(saved.snapshotId);
        throw new Error('the baker cancelled');
      }),
    ).toThrow('the baker cancelled');
    expect(count(b.db, 'plan_snapshots')).toBe(0);
    expect(calculatePlan(b.db, { eventId: b.event.id }).payload.targets.goods[0]!.quantity).toBe(10);
  });

  it('a purchase inside the same transaction prices the plan', async () => {
    const b = await planBakery();
    const cocoa = b.k.cocoa;
    const cake = createRecipe(b.db, { name: 'Cocoa cake', ingredientLines: [{ ingredientId: cocoa.id, quantity: 100, unit: 'g' }] });
    const slice = createFinishedUnit(b.db, { recipeId: cake.id, name: 'Cocoa cake', yieldMode: 'portion', portionPercent: 100 });
    setUnitTarget(b.db, { eventId: b.event.id, finishedUnitId: slice.id, quantity: 1 });
    expect(calculatePlan(b.db, { eventId: b.event.id }).payload.costBaseline).toBeNull();
    transaction(b.db, (tx) => {
      recordPurchase(b.db, { newProduct: { ingredientId: cocoa.id, name: 'Cocoa 500 g', packageQuantity: 500, packageUnit: 'g' }, purchasedOn: '2026-03-01', packages: 1, pricePerPackage: 10 }, tx);
      expect(byIngredient(calculatePlan(b.db, { eventId: b.event.id }, tx).payload.ingredients).cocoa!.cost).toBe(2);
    });
  });
});
