/**
 * domain.md, Production: expected = floor(items x batches) (portions:
 * floor(batches x 100 / P)), actual > expected refused, loss and status,
 * the recipe's lines plus its sub-recipes' multiplied through (3 levels),
 * one ledger row per lot drawn at that lot's unit cost, costs; and undo.
 * Figures worked by hand in the comments; driven through `make`, `fifo`,
 * `undo` and `runs` with --json.
 */
import { describe, expect, it } from 'vitest';
import { bakery, cli, hashOf, json, refusal, spawnCli } from './verify-cli';

const KITCHEN = {
  ingredients: [
    { name: 'Flour', density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 4, weight_unit: 'oz' } },
    { name: 'Butter' },
    { name: 'Sugar', density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 200, weight_unit: 'g' } },
  ],
  products: [
    { slug: 'flour-10lb', ingredient: 'flour', name: 'Flour 10 lb', package_quantity: 10, package_unit: 'lb' },
    { slug: 'flour-5lb', ingredient: 'flour', name: 'Flour 5 lb', package_quantity: 5, package_unit: 'lb' },
    { slug: 'butter-1lb', ingredient: 'butter', name: 'Butter 1 lb', package_quantity: 1, package_unit: 'lb' },
    { slug: 'sugar-1kg', ingredient: 'sugar', name: 'Sugar 1 kg', package_quantity: 1, package_unit: 'kg' },
  ],
  purchases: [
    { product: 'flour-10lb', date: '2026-01-01', packages: 1, price_per_package: 12 }, // lot 1: 10 lb at 1.20
    { product: 'flour-5lb', date: '2026-02-01', packages: 1, price_per_package: 7.5 }, // lot 2: 5 lb at 1.50
    { product: 'butter-1lb', date: '2026-01-01', packages: 10, price_per_package: 4 }, // lot 3: 10 lb at 4.00
    { product: 'sugar-1kg', date: '2026-01-01', packages: 5, price_per_package: 2 }, // lot 4: 5 kg at 2.00
  ],
  recipes: [
    // A batch: 2 cup flour (8 oz = 0.5 lb), 0.25 lb butter, half a batch of glaze.
    { name: 'Shortbread', ingredients: [{ ingredient: 'flour', quantity: 2, unit: 'cup' }, { ingredient: 'butter', quantity: 0.25, unit: 'lb' }], sub_recipes: [{ recipe: 'glaze', batches: 0.5 }] },
    // Glaze: 1 cup sugar (200 g) and 2 batches of syrup; syrup: 10 g sugar. So shortbread carries 0.5 x (200 + 2 x 10) = 110 g sugar a batch.
    { name: 'Glaze', ingredients: [{ ingredient: 'sugar', quantity: 1, unit: 'cup' }], sub_recipes: [{ recipe: 'syrup', batches: 2 }] },
    { name: 'Syrup', ingredients: [{ ingredient: 'sugar', quantity: 10, unit: 'g' }] },
    { name: 'Pie', ingredients: [{ ingredient: 'flour', quantity: 1, unit: 'cup' }] },
  ],
  finished_units: [
    { name: 'Finger', recipe: 'shortbread', items_per_batch: 15 },
    { name: 'Whole pie', recipe: 'pie', portion_percent: 100 },
    { name: 'Pie third', recipe: 'pie', portion_percent: 30 },
  ],
};

describe('production (verify)', { timeout: 120_000 }, () => {
  it('2.5 batches at 15: expected floor(37.5) = 37; 1.25 lb flour 1.50 + 0.625 lb butter 2.50 + 275 g sugar through 3 levels 0.55 = 4.55; 0.123 each', async () => {
    const db = await bakery(KITCHEN);
    const run = await json('make', db, 'shortbread', '2.5');
    expect(run).toEqual({
      run: 1,
      recipe: 'shortbread',
      finished_unit: 'finger',
      batches: 2.5,
      expected: 37,
      actual: 37,
      loss: 0,
      status: 'complete',
      total_cost: 4.55,
      cost_per_unit: 0.123, // 4.55 / 37 = 0.12297
      consumptions: [
        { ingredient: 'flour', lot: 1, quantity: 1.25, unit: 'lb', unit_cost: 1.2, cost: 1.5 },
        { ingredient: 'butter', lot: 3, quantity: 0.625, unit: 'lb', unit_cost: 4, cost: 2.5 },
        // 2.5 x 0.5 x 200 g + 2.5 x 0.5 x 2 x 10 g = 250 + 25 = 275 g
        { ingredient: 'sugar', lot: 4, quantity: 0.275, unit: 'kg', unit_cost: 2, cost: 0.55 },
      ],
    });
  });

  it('a lot that is partly used, then drained across two lots; one short is refused with what is missing; exactly enough empties the last lot', async () => {
    const db = await bakery(KITCHEN);
    await json('make', db, 'shortbread', '2.5'); // flour lot 1 left: 8.75 lb
    // 20 batches: 10 lb flour = 8.75 lb of lot 1 (10.50) + 1.25 lb of lot 2 (1.875); 5 lb butter 20.00; 2.2 kg sugar 4.40.
    const big = await json('make', db, 'shortbread', '20');
    expect(big.consumptions).toEqual([
      { ingredient: 'flour', lot: 1, quantity: 8.75, unit: 'lb', unit_cost: 1.2, cost: 10.5 },
      { ingredient: 'flour', lot: 2, quantity: 1.25, unit: 'lb', unit_cost: 1.5, cost: 1.875 },
      { ingredient: 'butter', lot: 3, quantity: 5, unit: 'lb', unit_cost: 4, cost: 20 },
      { ingredient: 'sugar', lot: 4, quantity: 2.2, unit: 'kg', unit_cost: 2, cost: 4.4 },
    ]);
    expect([big.expected, big.total_cost, big.cost_per_unit]).toEqual([300, 36.775, 0.1226]); // 36.775 / 300 = 0.122583

    // 3.75 lb of flour left: 8 batches need 4 lb, short 0.25 lb.
    const e = await refusal(db, 'make', db, 'shortbread', '8');
    expect(e.code).toBe('INSUFFICIENT_STOCK');
    expect(e.message).toMatch(/^Not enough for 8 batches of Shortbread\. Flour: 4 lb needed, 3\.75 lb on hand \(short 4 oz\)\./);
    expect(e.details.shortages).toHaveLength(1);
    expect(e.details.shortages[0]).toMatchObject({ ingredient: 'flour', needed: 4, unit: 'lb' });
    expect([e.details.shortages[0].available, e.details.shortages[0].missing]).toEqual([expect.closeTo(3.75, 12), expect.closeTo(0.25, 12)]);

    // 7.5 batches: exactly the 3.75 lb; expected floor(112.5) = 112.
    const last = await json('make', db, 'shortbread', '7.5');
    expect([last.expected, last.consumptions[0]]).toEqual([112, { ingredient: 'flour', lot: 2, quantity: 3.75, unit: 'lb', unit_cost: 1.5, cost: 5.625 }]);
    await refusal(db, 'fifo', db, 'flour', '0.001', 'lb');
  });

  it('portions: 2 pies at 30 % -> floor(2 x 100 / 30) = 6 expected, 5 made: loss 1, partial; at 100 %: 2', async () => {
    const db = await bakery(KITCHEN);
    const thirds = await json('make', db, 'pie', '2', '--unit', 'pie-third', '--actual', '5', '--loss-reason', 'dropped');
    // 2 cup flour = 0.5 lb at 1.20 = 0.60; 0.60 / 5 = 0.12
    expect(thirds).toMatchObject({ finished_unit: 'pie-third', expected: 6, actual: 5, loss: 1, status: 'partial_loss', total_cost: 0.6, cost_per_unit: 0.12 });
    const whole = await json('make', db, 'pie', '2', '--unit', 'whole-pie');
    expect(whole).toMatchObject({ expected: 2, actual: 2, loss: 0, status: 'complete', total_cost: 0.6, cost_per_unit: 0.3 });
  });

  it('total loss: actual 0 still draws the ingredients, cost per unit 0; actual above expected is refused and changes nothing', async () => {
    const db = await bakery(KITCHEN);
    await refusal(db, 'make', db, 'shortbread', '1', '--actual', '16');
    const burnt = await json('make', db, 'shortbread', '1', '--actual', '0', '--loss-reason', 'burnt');
    // 0.5 lb flour 0.60 + 0.25 lb butter 1.00 + 110 g sugar 0.22 = 1.82
    expect(burnt).toMatchObject({ expected: 15, actual: 0, loss: 15, status: 'total_loss', total_cost: 1.82, cost_per_unit: 0 });
    expect(burnt.consumptions).toHaveLength(3);
  });

  it('undo a bake: its lots get back exactly what it drew, so the next bake draws the same lots at the same cost', async () => {
    const db = await bakery(KITCHEN);
    const first = await json('make', db, 'shortbread', '20');
    expect((await cli('undo', db, 'bake', String(first.run))).code).toBe(0);
    const again = await json('make', db, 'shortbread', '20');
    // 10 lb flour: all of lot 1 at 1.20 = 12.00; 5 lb butter 20.00; 2.2 kg sugar 4.40 = 36.40
    expect(again.consumptions.map((c: { lot: number; quantity: number }) => [c.lot, c.quantity])).toEqual([[1, 10], [3, 5], [4, 2.2]]);
    expect(again.consumptions).toEqual(first.consumptions);
    expect(again.total_cost).toBe(36.4);
    const runs = await json('runs', db);
    expect(runs.runs.map((r: { id: number; undone: unknown }) => [r.id, r.undone === null])).toEqual([[2, true], [1, false]]);
  });

  it('the real executable: one short exits 1, "error: …" on stderr, {"error": {code, message, details}} on stdout, the file byte for byte as before', async () => {
    const db = await bakery(KITCHEN);
    const before = hashOf(db);
    // 15 lb of flour: 31 batches need 15.5 lb
    const r = spawnCli('make', db, 'shortbread', '31', '--json');
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: Not enough for 31 batches of Shortbread. Flour: 15.5 lb needed, 15 lb on hand (short 8 oz).\n');
    const document = JSON.parse(r.out);
    expect(Object.keys(document)).toEqual(['error']);
    expect(document.error).toMatchObject({ code: 'INSUFFICIENT_STOCK', message: 'Not enough for 31 batches of Shortbread. Flour: 15.5 lb needed, 15 lb on hand (short 8 oz).' });
    expect(document.error.details.shortages.map((s: { ingredient: string; needed: number; available: number; missing: number; unit: string }) => [s.ingredient, s.needed, s.available, s.missing, s.unit])).toEqual([['flour', 15.5, 15, 0.5, 'lb']]);
    expect(hashOf(db)).toBe(before);
  });
});
