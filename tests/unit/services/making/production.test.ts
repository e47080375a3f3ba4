/**
 * The one production path, on real sql.js: yields, losses, FIFO draws with
 * one ledger row per lot, the finished-unit lot, sub-recipes drawn once,
 * the pre-check as a dry run of the same plan, and every refusal changing
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import { transaction } from '../../../../src/db/session';
import { insertLotRow } from '../../../../src/services/pantry/lot-rows';
import { createProduct } from '../../../../src/services/catalog/products';
import { recordPurchase } from '../../../../src/services/pantry/purchases';
import { createFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { createRecipe, updateRecipe } from '../../../../src/services/recipes/recipes';
import { checkProduction, recordProduction } from '../../../../src/services/making/production';
import { getProductionRun } from '../../../../src/services/making/runs';
import { captureDefinitions } from '../../../../src/services/definitions/capture';
import { count, testDb, TEST_NOW } from '../../../helpers/db';
import { GRAMS_PER_LB, buyDomainExampleLots, flourPantry, lotRemaining } from '../bakery';
import { dbState, refused } from '../kitchen';
import { bakeShop } from './bake-shop';

const lb = (grams: number) => grams / GRAMS_PER_LB;

async function shop() {
  const db = await testDb();
  return { db, s: bakeShop(db) };
}

describe('recording a bake (domain.md, Production)', () => {
  it('2 batches at 48 per batch, actual 92: expected 96, loss 4, partial loss, 92 more cookies, one ledger row per lot drawn', async () => {
    const { db, s } = await shop();

    const run = recordProduction(db, { recipeId: s.cookies.id, batches: 2, actualYield: 92, lossCategory: 'broken', lossNote: 'dropped a tray edge' });

    expect(run).toMatchObject({ batches: 2, expected: 96, actual: 92, loss: 4, status: 'partial_loss', lossCategory: 'broken', lossNote: 'dropped a tray edge' });
    expect(run.finishedUnit.slug).toBe(s.cookie.slug);
    // flour 6 cup = 1.5 lb x 8.99 = 13.485; sugar 2 cup = 14 oz x 1.00/lb = 0.875; butter 1 cup = 0.5 lb x 5 = 2.5; eggs 4 x 0.30 = 1.2
    expect(run.ledger.map((l) => [l.item.name, l.quantity, l.unit, l.unitCost, l.cost])).toEqual([
      ['Flour', expect.closeTo(1.5, 12), 'lb', expect.closeTo(8.99, 12), 13.485],
      ['Sugar', expect.closeTo(0.875, 12), 'lb', expect.closeTo(1, 12), 0.875],
      ['Butter', expect.closeTo(0.5, 12), 'lb', expect.closeTo(5, 12), 2.5],
      ['Eggs', 4, 'each', expect.closeTo(0.3, 12), 1.2],
    ]);
    expect(run.totalCost).toBe(18.06);
    expect(run.costPerUnit).toBe(0.1963); // 18.06 / 92, to 4 decimals
    expect(run.costComplete).toBe(true);
    expect(run.output).toEqual({ id: expect.any(Number), countInitial: 92, countRemaining: 92 });

    const stored = db.engine.get<{ total: number; rows: number }>('SELECT sum(cost) AS total, count(*) AS rows FROM production_consumptions WHERE production_run_id = ?', [run.id])!;
    expect(stored).toEqual({ total: 18.06, rows: 4 });
    expect(db.engine.get('SELECT count_initial, count_remaining, unit_cost, made_on FROM finished_unit_lots')).toEqual({
      count_initial: 92,
      count_remaining: 92,
      unit_cost: 18.06 / 92, // the lot keeps the exact unit cost; the run shows 0.1963
      made_on: TEST_NOW.toISOString().slice(0, 10),
    });
    const flourLot = db.engine.get<{ quantity_remaining: number }>('SELECT quantity_remaining FROM lots WHERE ingredient_id = ?', [s.flour.id])!;
    expect(lb(flourLot.quantity_remaining)).toBeCloseTo(8.5, 12);
  });

  it('the domain example: 48 cups of flour drain the Jan 1 lot (10 lb at 8.99) and take 2 lb of the Jan 15 lot (9.49): two ledger rows, 108.88', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { first, second } = buyDomainExampleLots(db, pantry);
    const bread = createRecipe(db, { name: 'Bread', ingredientLines: [{ ingredientId: pantry.flour.id, quantity: 24, unit: 'cup' }] });
    createFinishedUnit(db, { recipeId: bread.id, name: 'Loaf', yieldMode: 'discrete', itemsPerBatch: 4 });

    const run = recordProduction(db, { recipeId: bread.id, batches: 2 });

    expect(run.ledger.map((l) => [l.lot.id, l.quantity, l.unit, l.cost])).toEqual([
      [first.lot.id, expect.closeTo(10, 12), 'lb', 89.9],
      [second.lot.id, expect.closeTo(2, 12), 'lb', 18.98],
    ]);
    expect(run.totalCost).toBe(108.88);
    expect(run).toMatchObject({ expected: 8, actual: 8, loss: 0, status: 'complete', costPerUnit: 13.61 });
    expect(lotRemaining(db, first.lot.id)).toBe(0);
    expect(lb(lotRemaining(db, second.lot.id))).toBeCloseTo(13, 12);
  });

  it('actual above expected is refused and changes nothing', async () => {
    const { db, s } = await shop();
    const e = refused(db, () => recordProduction(db, { recipeId: s.cookies.id, batches: 2, actualYield: 97 }));
    expect(e.code).toBe('VALIDATION');
    expect(e.details.field).toBe('actualYield');
    expect(e.message).toBe('The actual yield (97) cannot be more than expected (96); bake more batches to make more.');
  });

  it('actual 0 is a total loss: cost per unit 0, the ingredients are still drawn and costed, and no cookie is added', async () => {
    const { db, s } = await shop();
    const run = recordProduction(db, { recipeId: s.cookies.id, batches: 2, actualYield: 0, lossCategory: 'burnt' });
    expect(run).toMatchObject({ expected: 96, actual: 0, loss: 96, status: 'total_loss', totalCost: 18.06, costPerUnit: 0 });
    expect(count(db, 'production_consumptions')).toBe(4);
    expect(db.engine.get('SELECT count_initial, count_remaining, unit_cost FROM finished_unit_lots')).toEqual({ count_initial: 0, count_remaining: 0, unit_cost: 0 });
  });

  it('actual left out means nothing was lost', async () => {
    const { db, s } = await shop();
    expect(recordProduction(db, { recipeId: s.cookies.id, batches: 1 })).toMatchObject({ expected: 48, actual: 48, loss: 0, status: 'complete' });
  });

  it('portion yield: a pie at 100 % and a slice at 12.5 %: 2 batches -> 2 pies or 16 slices expected', async () => {
    const { db, s } = await shop();
    const pies = createRecipe(db, { name: 'Apple pie', ingredientLines: [{ ingredientId: s.flour.id, quantity: 2, unit: 'cup' }] });
    const pie = createFinishedUnit(db, { recipeId: pies.id, name: 'Apple pie, whole', yieldMode: 'portion', portionPercent: 100 });
    const slice = createFinishedUnit(db, { recipeId: pies.id, name: 'Apple pie slice', yieldMode: 'portion', portionPercent: 12.5 });

    expect(checkProduction(db, { recipeId: pies.id, finishedUnitId: pie.id, batches: 2 })).toMatchObject({ expected: 2, finishedUnit: { yieldPerBatch: 1 } });
    expect(checkProduction(db, { recipeId: pies.id, finishedUnitId: slice.id, batches: 2 })).toMatchObject({ expected: 16, finishedUnit: { yieldPerBatch: 8 } });
    expect(recordProduction(db, { recipeId: pies.id, finishedUnitId: slice.id, batches: 2, actualYield: 15 })).toMatchObject({ expected: 16, actual: 15, loss: 1 });
    // 0.7 batches of slices: 0.7 x 100 / 12.5 = 5.6 -> 5; float noise never costs a whole slice (0.7 x 10 portions of 10 % = 7)
    expect(checkProduction(db, { recipeId: pies.id, finishedUnitId: slice.id, batches: 0.7 }).expected).toBe(5);
    const tenth = createFinishedUnit(db, { recipeId: pies.id, name: 'Apple pie tenth', yieldMode: 'portion', portionPercent: 10 });
    expect(checkProduction(db, { recipeId: pies.id, finishedUnitId: tenth.id, batches: 0.7 }).expected).toBe(7);
  });

  it('a recipe with several finished units needs one chosen: the refusal names the choices; with one it is chosen for you', async () => {
    const { db, s } = await shop();
    const pies = createRecipe(db, { name: 'Apple pie', ingredientLines: [{ ingredientId: s.flour.id, quantity: 2, unit: 'cup' }] });
    const none = refused(db, () => recordProduction(db, { recipeId: pies.id, batches: 1 }));
    expect(none.message).toBe('Apple pie yields no finished unit yet: add one (say, 48 cookies a batch) to the recipe first.');
    createFinishedUnit(db, { recipeId: pies.id, name: 'Whole pie', yieldMode: 'portion', portionPercent: 100 });
    createFinishedUnit(db, { recipeId: pies.id, name: 'Pie slice', yieldMode: 'portion', portionPercent: 12.5 });
    const e = refused(db, () => recordProduction(db, { recipeId: pies.id, batches: 1 }));
    expect(e.code).toBe('VALIDATION');
    expect(e.details.field).toBe('finishedUnitId');
    expect(e.message).toBe('Apple pie yields Pie slice and Whole pie: choose which one this bake makes.');
    expect(e.details.choices).toEqual([expect.objectContaining({ slug: 'pie-slice' }), expect.objectContaining({ slug: 'whole-pie' })]);
    const wrong = refused(db, () => recordProduction(db, { recipeId: pies.id, finishedUnitId: s.cookie.id, batches: 1 }));
    expect(wrong.details.field).toBe('finishedUnitId');
  });

  it('100 batches with too little flour: an error naming flour with needed and available; every table unchanged, byte for byte', async () => {
    const { db, s } = await shop();
    recordProduction(db, { recipeId: s.cookies.id, batches: 1 });
    const before = dbState(db);

    const e = refused(db, () => recordProduction(db, { recipeId: s.cookies.id, batches: 100 }));

    expect(dbState(db)).toEqual(before);
    expect(e.code).toBe('INSUFFICIENT_STOCK');
    // 300 cups of flour at 4 oz = 75 lb; 10 lb bought, 0.75 lb used by the first bake
    expect(e.message).toContain('Flour: 75 lb needed, 9.25 lb on hand (short 65.75 lb)');
    const flour = (e.details.shortages as { ingredient: string; needed: number; available: number; missing: number; unit: string }[]).find((x) => x.ingredient === 'flour')!;
    expect(flour.unit).toBe('lb');
    expect(flour.needed).toBeCloseTo(75, 9);
    expect(flour.available).toBeCloseTo(9.25, 9);
    expect(flour.missing).toBeCloseTo(65.75, 9);
  });

  it('the pre-check is the same plan: per ingredient needed, on hand and short in a readable unit, and the lots recording then draws', async () => {
    const { db, s } = await shop();
    const short = checkProduction(db, { recipeId: s.cookies.id, batches: 100 });
    expect(short.ready).toBe(false);
    const flour = short.ingredients.find((i) => i.ingredient.slug === 'flour')!;
    expect(flour).toMatchObject({ unit: 'lb', enough: false, problem: null });
    expect(flour.readable).toEqual({
      needed: { quantity: expect.closeTo(75, 9), unit: 'lb' },
      onHand: { quantity: expect.closeTo(10, 9), unit: 'lb' },
      short: { quantity: expect.closeTo(65, 9), unit: 'lb' },
    });
    const eggs = short.ingredients.find((i) => i.ingredient.slug === 'eggs')!;
    expect([eggs.quantity, eggs.onHand, eggs.short, eggs.unit]).toEqual([200, 12, 188, 'each']);

    const check = checkProduction(db, { recipeId: s.cookies.id, batches: 2, actualYield: 92 });
    expect(check).toMatchObject({ ready: true, expected: 96, loss: 4, status: 'partial_loss', cost: 18.06, costComplete: true, costPerUnit: 0.1963 });
    const sugar = check.ingredients.find((i) => i.ingredient.slug === 'sugar')!;
    // 14 oz of sugar, bought by the pound, reads as 14 oz; the 4 lb bag as 4 lb
    expect(sugar.readable).toMatchObject({ needed: { quantity: expect.closeTo(14, 9), unit: 'oz' }, onHand: { quantity: expect.closeTo(4, 9), unit: 'lb' } });
    const run = recordProduction(db, { recipeId: s.cookies.id, batches: 2, actualYield: 92 });
    expect(run.ledger.map((l) => [l.lot.id, l.cost])).toEqual(check.ingredients.flatMap((i) => i.draws.map((d) => [d.lotId, d.cost])));
  });

  it('sub-recipes are drawn once, multiplied through, at 3 levels: no double scaling, one ledger row per lot', async () => {
    const { db, s } = await shop();
    const glaze = createRecipe(db, { name: 'Glaze', ingredientLines: [{ ingredientId: s.butter.id, quantity: 0.25, unit: 'cup' }, { ingredientId: s.flour.id, quantity: 1, unit: 'cup' }] });
    const frosting = createRecipe(db, { name: 'Frosting', ingredientLines: [{ ingredientId: s.sugar.id, quantity: 2, unit: 'cup' }], subRecipes: [{ recipeId: glaze.id, batchMultiplier: 2 }] });
    const cake = createRecipe(db, { name: 'Layer cake', ingredientLines: [{ ingredientId: s.flour.id, quantity: 1, unit: 'cup' }], subRecipes: [{ recipeId: frosting.id, batchMultiplier: 0.5 }] });
    createFinishedUnit(db, { recipeId: cake.id, name: 'Layer cake', yieldMode: 'portion', portionPercent: 100 });

    const run = recordProduction(db, { recipeId: cake.id, batches: 2 });

    // cake x2: flour 2 cup; frosting x1: sugar 2 cup; glaze x2: butter 0.5 cup, flour 2 cup. Flour 4 cup = 1 lb, in one row.
    expect(run.ledger.map((l) => [l.item.slug, l.quantity])).toEqual([
      ['flour', expect.closeTo(1, 12)],
      ['sugar', expect.closeTo(0.875, 12)],
      ['butter', expect.closeTo(0.25, 12)],
    ]);
    expect(run.totalCost).toBe(8.99 + 0.875 + 1.25);
  });

  it('a line that cannot be converted stops the bake with its fix, and the pre-check says which ingredient', async () => {
    const { db, s } = await shop();
    const fudge = createRecipe(db, { name: 'Fudge', ingredientLines: [{ ingredientId: s.brownSugar.id, quantity: 1, unit: 'cup' }, { ingredientId: s.sugar.id, quantity: 1, unit: 'cup' }] });
    createFinishedUnit(db, { recipeId: fudge.id, name: 'Fudge square', yieldMode: 'discrete', itemsPerBatch: 24 });
    const check = checkProduction(db, { recipeId: fudge.id, batches: 1 });
    expect(check.ready).toBe(false);
    expect(check.ingredients.find((i) => i.ingredient.slug === 'brown-sugar')!.problem).toBe('Set a density for Brown sugar to convert cup to lb.');
    const e = refused(db, () => recordProduction(db, { recipeId: fudge.id, batches: 1 }));
    expect(e.code).toBe('MISSING_DENSITY');
    expect(e.message).toBe('Cannot bake Fudge: Set a density for Brown sugar to convert cup to lb.');
  });

  it('a lot with no cost is drawn with an unknown cost, and the run says its cost is incomplete', async () => {
    const { db, s } = await shop();
    const cocoaTin = createProduct(db, { ingredientId: s.cocoa.id, name: 'Cocoa 8 oz', packageQuantity: 8, packageUnit: 'oz' });
    insertLotRow(db, {
      ingredientId: s.cocoa.id, productId: cocoaTin.id, purchaseId: null, purchasedOn: '2026-01-01', dimension: 'weight',
      quantityInitial: 226.796185, quantityRemaining: 226.796185, unitCost: null, expiresOn: null, location: '', notes: 'from a backup',
    });
    const brownies = createRecipe(db, { name: 'Brownies', ingredientLines: [{ ingredientId: s.cocoa.id, quantity: 4, unit: 'oz' }, { ingredientId: s.eggs.id, quantity: 2, unit: 'each' }] });
    createFinishedUnit(db, { recipeId: brownies.id, name: 'Brownie', yieldMode: 'discrete', itemsPerBatch: 16 });

    const check = checkProduction(db, { recipeId: brownies.id, batches: 1 });
    expect(check).toMatchObject({ ready: true, cost: 0.6, costComplete: false });
    const run = recordProduction(db, { recipeId: brownies.id, batches: 1 });
    expect(run).toMatchObject({ totalCost: 0.6, costComplete: false, costPerUnit: 0.0375 });
    expect(run.ledger.map((l) => [l.item.slug, l.unitCost, l.cost])).toEqual([['cocoa', null, null], ['eggs', expect.closeTo(0.3, 12), 0.6]]);
  });

  it('bad input names its field and changes nothing: batches, loss reasons, a loss note with no loss, archived or missing recipes', async () => {
    const { db, s } = await shop();
    const field = (input: Parameters<typeof recordProduction>[1]) => refused(db, () => recordProduction(db, input)).details.field;
    expect(field({ recipeId: s.cookies.id, batches: 0 })).toBe('batches');
    expect(field({ recipeId: s.cookies.id, batches: Number.NaN })).toBe('batches');
    expect(field({ recipeId: s.cookies.id, batches: 20_000 })).toBe('batches');
    expect(field({ recipeId: s.cookies.id, batches: 0.01 })).toBe('batches'); // 0.48 cookie: nothing whole
    expect(field({ recipeId: s.cookies.id, batches: 1, actualYield: 40.5 })).toBe('actualYield');
    expect(field({ recipeId: s.cookies.id, batches: 1, actualYield: -1 })).toBe('actualYield');
    expect(field({ recipeId: s.cookies.id, batches: 1, actualYield: 40, lossCategory: 'eaten' as never })).toBe('lossCategory');
    expect(field({ recipeId: s.cookies.id, batches: 1, lossCategory: 'burnt' })).toBe('lossCategory');
    expect(field({ recipeId: s.cookies.id, batches: 1, lossNote: 'none' })).toBe('lossNote');
    expect(field({ recipeId: 0, batches: 1 })).toBe('recipeId');
    expect(field({ recipeId: s.cookies.id, batches: 1, eventId: 99 })).toBe('eventId');
    expect(refused(db, () => recordProduction(db, { recipeId: 999, batches: 1 })).code).toBe('NOT_FOUND');
  });

  it("inside a caller's transaction it joins it: rolled back, the bake is gone with everything it drew", async () => {
    const { db, s } = await shop();
    const before = dbState(db);
    expect(() =>
      transaction(db, (tx) => {
        recordProduction(db, { recipeId: s.cookies.id, batches: 1 }, tx);
        expect(count(db, 'production_runs')).toBe(1);
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect(dbState(db)).toEqual(before);
  });
});

describe("a bake for an event uses its plan snapshot's recipe", () => {
  function planned(db: Awaited<ReturnType<typeof testDb>>, s: ReturnType<typeof bakeShop>) {
    db.engine.run("INSERT INTO events (slug, name, created_at, updated_at) VALUES ('holiday', 'Holiday', 'x', 'x')");
    const eventId = db.engine.get<{ id: number }>('SELECT id FROM events')!.id;
    const captured = captureDefinitions(db, { finishedUnitIds: [s.cookie.id] });
    db.engine.run("INSERT INTO plan_snapshots (event_id, taken_at, fingerprint, payload, created_at) VALUES (?, 'x', ?, ?, 'x')", [
      eventId,
      captured.fingerprint,
      JSON.stringify({ definitions: captured }),
    ]);
    const snapshotId = db.engine.get<{ id: number }>('SELECT id FROM plan_snapshots')!.id;
    return { eventId, snapshotId };
  }

  it('after the recipe changed, the event bake draws the planned lines and points at the snapshot; a bake with no event draws the new lines', async () => {
    const { db, s } = await shop();
    const { eventId, snapshotId } = planned(db, s);
    updateRecipe(db, { id: s.cookies.id, ingredientLines: [{ ingredientId: s.flour.id, quantity: 4, unit: 'cup' }] });

    const forEvent = recordProduction(db, { recipeId: s.cookies.id, batches: 1, eventId });
    expect(forEvent.planSnapshotId).toBe(snapshotId);
    expect(forEvent.event).toMatchObject({ id: eventId, slug: 'holiday' });
    expect(forEvent.ledger.map((l) => l.item.slug)).toEqual(['flour', 'sugar', 'butter', 'eggs']);
    expect(forEvent.ledger[0]!.quantity).toBeCloseTo(0.75, 12);

    const now = recordProduction(db, { recipeId: s.cookies.id, batches: 1 });
    expect(now.planSnapshotId).toBeNull();
    expect(now.ledger.map((l) => [l.item.slug, l.quantity])).toEqual([['flour', expect.closeTo(1, 12)]]);

    const stored = JSON.parse(db.engine.get<{ s: string }>('SELECT recipe_snapshot AS s FROM production_runs WHERE id = ?', [forEvent.id])!.s);
    expect(stored.definitions.recipes['sugar-cookies'].ingredients).toHaveLength(4);
    expect(getProductionRun(db, now.id).planSnapshotId).toBeNull();
  });

  it('the plan holds the definitions as captureDefinitions returns them, or just the definitions: both are read', async () => {
    const { db, s } = await shop();
    const { eventId } = planned(db, s);
    const captured = captureDefinitions(db, { finishedUnitIds: [s.cookie.id] });
    db.engine.run("INSERT INTO plan_snapshots (event_id, taken_at, fingerprint, payload, created_at) VALUES (?, 'y', ?, ?, 'y')", [
      eventId,
      captured.fingerprint,
      JSON.stringify({ definitions: captured.definitions }),
    ]);
    const latest = db.engine.get<{ id: number }>("SELECT id FROM plan_snapshots WHERE taken_at = 'y'")!.id;
    expect(checkProduction(db, { recipeId: s.cookies.id, batches: 1, eventId }).planSnapshotId).toBe(latest);
  });

  it('an event whose plan does not hold the recipe bakes the recipe as it is now', async () => {
    const { db, s } = await shop();
    const { eventId } = planned(db, s);
    const shortbread = createRecipe(db, { name: 'Shortbread', ingredientLines: [{ ingredientId: s.butter.id, quantity: 1, unit: 'cup' }] });
    createFinishedUnit(db, { recipeId: shortbread.id, name: 'Shortbread finger', yieldMode: 'discrete', itemsPerBatch: 24 });
    const run = recordProduction(db, { recipeId: shortbread.id, batches: 1, eventId });
    expect(run.planSnapshotId).toBeNull();
    expect(run.event?.id).toBe(eventId);
  });
});

describe('recording never writes a bake that cannot happen', () => {
  it('one lot short among several ingredients: nothing is drawn from the others either', async () => {
    const { db, s } = await shop();
    const product = createProduct(db, { ingredientId: s.flour.id, name: 'Flour 1 lb', packageQuantity: 1, packageUnit: 'lb' });
    recordPurchase(db, { productId: product.id, purchasedOn: '2026-01-05', packages: 1, pricePerPackage: 1 });
    const before = dbState(db);
    const e = refused(db, () => recordProduction(db, { recipeId: s.cookies.id, batches: 7 })); // 28 eggs needed, 12 on hand
    expect(e.message).toBe('Not enough for 7 batches of Sugar cookies. Eggs: 14 each needed, 12 each on hand (short 2 each).');
    expect(dbState(db)).toEqual(before);
  });
});
