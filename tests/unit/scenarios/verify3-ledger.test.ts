/**
 * domain.md, FIFO consumption, Production, Units (money rounded in the
 * ledger to 4 decimals, totals the sum of rows), third pass: three flour lots
 * bought on one day drawn in the order recorded, a lot drained exactly, a
 * run drawing across two lots, a spoilage before a bake, eggs bought by the
 * dozen and used by the piece, milk in cups from quarts; every run's cost is
 * the sum of its draws. CROSS in verify3-bakery.ts; figures worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { adjustLot } from '../../../src/services/pantry/adjustments';
import { LB } from './verify3-bakery';
import { CROSS } from './verify3-bakery';
import { bakery, hashOf, json, onFile, r4, refusal } from './verify-cli';

type Row = { ingredient: string; lot: number; quantity: number; unit: string; unit_cost: number; cost: number };
const rows = (run: { consumptions: Row[] }) =>
  [...run.consumptions].sort((a, b) => a.ingredient.localeCompare(b.ingredient) || a.lot - b.lot).map((c) => [c.ingredient, c.lot, r4(c.quantity), c.unit, c.unit_cost, c.cost]);
const sumOfRows = (run: { consumptions: Row[] }) => r4(run.consumptions.reduce((s, c) => s + c.cost, 0));

describe('FIFO and the production ledger across lots and units (verify, third pass)', { timeout: 120_000 }, () => {
  it('40 cup of flour (5000 g) across three lots bought the same day, in the order recorded: 16 cup 4.00 + 16 cup 6.00 + 8 cup of the 5 lb bag 2.2046 = 12.2046; 51 cup is short 0.8563 cup', async () => {
    const db = await bakery(CROSS);
    const plan = await json('fifo', db, 'flour', '40', 'cup');
    // 2000 g = 16 cup at 2.00/kg = 4.00; 2000 g = 16 cup at 3.00/kg = 6.00; 1000 g = 8 cup = 1000 / 453.59237 lb at 1.00 = 2.204622 -> 2.2046
    // what the 5 lb bag keeps: (2267.96185 - 1000) / 125 = 10.1436948 cup
    expect(plan.draws.map((d: any) => [d.product_name, d.purchased_on, d.quantity, d.unit, d.cost, r4(d.remaining_after), d.empties_lot])).toEqual([
      ['Flour 2 kg', '2026-01-01', 16, 'cup', 4, 0, true],
      ['Flour 1 kg', '2026-01-01', 16, 'cup', 6, 0, true],
      ['Flour 5 lb', '2026-01-01', 8, 'cup', 2.2046, 10.1437, false],
    ]);
    expect([plan.total_cost, r4(plan.available), plan.enough]).toEqual([12.2046, 50.1437, true]);
    // 6267.96185 g = 50.1436948 cup on hand: 51 is 0.8563052 short
    const e = await refusal(db, 'fifo', db, 'flour', '51', 'cup');
    expect([e.code, e.details.unit, r4(e.details.missing), r4(e.details.available)]).toEqual(['INSUFFICIENT_STOCK', 'cup', 0.8563, 50.1437]);
  });

  it('3 batches of cookies after 0.5 lb of butter spoiled: 150 g of butter 1.4881 + 1.5 eggs (0.125 dozen) 0.45 + 375 g flour 0.75 + 450 g sugar 0.90 = 3.5881, 72 cookies at 0.0498', async () => {
    const db = await bakery(CROSS);
    const run = await json('make', db, 'cookies', '3');
    // dough x 1.5: flour 3 cup = 375 g, butter 150 g = 0.3306934 lb at 4.50 = 1.4881203 -> 1.4881, eggs 1.5 = 0.125 dozen at 3.60 = 0.45
    expect(rows(run)).toEqual([
      ['butter', 5, r4(150 / LB), 'lb', 4.5, 1.4881],
      ['eggs', 6, 0.125, 'dozen', 3.6, 0.45],
      ['flour', 1, 0.375, 'kg', 2, 0.75],
      ['sugar', 4, 0.45, 'kg', 2, 0.9],
    ]);
    // 3.5881 / 72 = 0.0498347 -> 0.0498
    expect([run.expected, run.actual, run.loss, run.status, run.total_cost, run.cost_per_unit]).toEqual([72, 72, 0, 'complete', 3.5881, 0.0498]);
    expect(sumOfRows(run)).toBe(run.total_cost);
  });

  it('4 cakes drain the quart of milk exactly (4 cup = 1 qt); the next cake is short 1 cup of milk and changes nothing; 2 batches of shortbread take the last 425 g of the first flour lot and 75 g of the next', async () => {
    const db = await bakery(CROSS);
    await json('make', db, 'cookies', '3'); // flour lot 1: 2000 - 375 = 1625 g left; sugar 1550 g; eggs 22.5; butter 1.5 lb - 150 g
    const cakes = await json('make', db, 'cake', '4');
    // flour 1200 g 2.40; sugar 800 g 1.60; eggs 16 = 4/3 dozen at 3.60 = 4.80; milk 4 cup = 1 qt 2.00 -> 10.80; 32 slices at 0.3375
    expect(rows(cakes)).toEqual([
      ['eggs', 6, r4(16 / 12), 'dozen', 3.6, 4.8],
      ['flour', 1, 1.2, 'kg', 2, 2.4],
      ['milk', 7, 1, 'qt', 2, 2],
      ['sugar', 4, 0.8, 'kg', 2, 1.6],
    ]);
    expect([cakes.expected, cakes.total_cost, cakes.cost_per_unit]).toEqual([32, 10.8, 0.3375]);
    expect((await refusal(db, 'fifo', db, 'milk', '0.001', 'ml')).details.available).toBe(0);

    const before = hashOf(db);
    const short = await refusal(db, 'make', db, 'cake', '1');
    expect(short.code).toBe('INSUFFICIENT_STOCK');
    expect(JSON.stringify(short.details)).toMatch(/milk|Milk/);
    expect(hashOf(db)).toBe(before);

    // 2 shortbread, 4 broken: flour 500 g = 425 g of lot 1 (0.85) + 75 g of lot 2 at 3.00/kg (0.225);
    // butter 2 x (100 g + 0.25 lb) = 200 g + 0.5 lb = 0.9409245 lb at 4.50 = 4.2341604 -> 4.2342; eggs 2 = 0.60; sugar 100 g = 0.20
    const fingers = await json('make', db, 'shortbread', '2', '--actual', '20', '--loss-reason', 'broken');
    expect(rows(fingers)).toEqual([
      ['butter', 5, r4(0.5 + 200 / LB), 'lb', 4.5, 4.2342],
      ['eggs', 6, r4(2 / 12), 'dozen', 3.6, 0.6],
      ['flour', 1, 0.425, 'kg', 2, 0.85],
      ['flour', 2, 0.075, 'kg', 3, 0.225],
      ['sugar', 4, 0.1, 'kg', 2, 0.2],
    ]);
    // 6.1092 / 20 = 0.30546 -> 0.3055; expected 24, loss 4, partial
    expect([fingers.expected, fingers.actual, fingers.loss, fingers.status, fingers.total_cost, fingers.cost_per_unit]).toEqual([24, 20, 4, 'partial_loss', 6.1092, 0.3055]);
    expect(sumOfRows(fingers)).toBe(fingers.total_cost);
    // The first lot is empty: the next cup comes from the 1 kg bags (1925 g left -> 1800 g = 14.4 cup) at 0.375.
    const next = await json('fifo', db, 'flour', '1', 'cup');
    expect(next.draws.map((d: any) => [d.product_name, d.cost, r4(d.remaining_after)])).toEqual([['Flour 1 kg', 0.375, 14.4]]);
  });

  it('butter left after the bakes (1.5 lb - 150 g - 200 g - 0.5 lb = 1 lb - 350 g) is too little for a third shortbread batch: short 213.398 - 103.592 = 109.806 g, nothing written', async () => {
    const db = await bakery(CROSS);
    await json('make', db, 'cookies', '3');
    await json('make', db, 'shortbread', '2');
    const e = await refusal(db, 'make', db, 'shortbread', '1');
    expect(e.code).toBe('INSUFFICIENT_STOCK');
    // needed 100 g + 0.25 lb = 213.3980925 g; have 453.59237 - 350 = 103.59237 g; missing 109.8057225 g (0.2420800 lb)
    const missing = JSON.stringify(e.details);
    expect(missing).toMatch(/butter|Butter/);
    const fifo = await refusal(db, 'fifo', db, 'butter', '1', 'lb');
    expect([r4(fifo.details.available), r4(fifo.details.missing)]).toEqual([r4(1 - 350 / LB), r4(350 / LB)]);
  });

  it('a spoilage of 6 eggs (0.5 dozen, 1.80) before the bake: 4 cakes use 16 of the 18 left; a fifth cake is short 2 eggs', async () => {
    const db = await bakery(CROSS);
    const spoiled = await onFile(db, (d) => adjustLot(d, { lotId: 6, quantity: 6, unit: 'each', reason: 'spoilage', adjustedOn: '2026-01-05' }));
    expect(spoiled.adjustment.cost).toBe(1.8); // 6 eggs = 0.5 dozen at 3.60
    const fifo = await json('fifo', db, 'eggs', '18', 'each');
    expect([fifo.enough, fifo.total_cost, fifo.draws[0].empties_lot]).toEqual([true, 5.4, true]); // 18 x 0.30
    // milk for only 4 cakes: use 3 cakes + 1 more after buying none: 3 cakes use 12 eggs (3.60)
    const cakes = await json('make', db, 'cake', '3');
    expect(rows(cakes).find((r) => r[0] === 'eggs')).toEqual(['eggs', 6, 1, 'dozen', 3.6, 3.6]);
    // 6 eggs left, a cake needs 4: one more is fine, then 2 are left and the fifth cake needs 4 (and milk is gone)
    await json('make', db, 'cake', '1');
    const left = await json('fifo', db, 'eggs', '2', 'each');
    expect([left.enough, r4(left.available), left.total_cost]).toEqual([true, 2, 0.6]);
    const e = await refusal(db, 'make', db, 'cake', '1');
    expect(e.code).toBe('INSUFFICIENT_STOCK');
  });
});
