/**
 * domain.md, Explosion, batches and waste; Aggregated ingredients and cost
 * baseline; Shopping list, third pass: cross-cutting. One recipe reached
 * through a good, a good nested in it and a good nested twice (rounded to
 * batches once, on the sum); a dough shared as a sub-recipe by two recipes;
 * eggs by the dozen and in each; milk in cups bought by the quart; several
 * events in one database, where a bake for one event takes stock from the
 * other's shopping list but not from its need. Every figure worked by hand in
 * the comments (CROSS in verify3-bakery.ts).
 */
import { describe, expect, it } from 'vitest';
import { LB, withEvents } from './verify3-bakery';
import { bakery, json } from './verify-cli';

const WINTER = {
  name: 'Winter',
  // 2 hampers (each 2 boxes + 1 tin + 4 slices), 1 box (1 tin + 3 cookies + 2 fingers), 1 tin (5 cookies), 3 loose cookies.
  targets: [{ finished_good: 'hamper', quantity: 2 }, { finished_good: 'box', quantity: 1 }, { finished_good: 'tin', quantity: 1 }, { finished_unit: 'cookie', quantity: 3 }],
};
const BIG = { name: 'Big', targets: [{ finished_good: 'hamper', quantity: 10 }] };

describe('plan and shopping list across goods, recipes and events (verify, third pass)', { timeout: 120_000 }, () => {
  it('58 cookies through 3 paths -> 3 batches on the sum (per path it would be 2 + 1 + 1 + 1 = 5); 10 fingers -> 1 (2 waste); 8 slices at 12.5 % -> 1, whole', async () => {
    const db = await bakery(withEvents(WINTER));
    const plan = await json('plan', db, 'winter');
    // boxes: 2 hampers x 2 + 1 = 5; tins: 2 hampers x 1 + 5 boxes x 1 + 1 = 8.
    // cookies: 5 boxes x 3 + 8 tins x 5 + 3 = 15 + 40 + 3 = 58 -> ceil(58 / 24) = 3 batches, 72 made, 14 waste; floor 2 (48, short 10).
    // fingers: 5 boxes x 2 = 10 -> ceil(10 / 12) = 1, 12 made, 2 waste; slices: 2 hampers x 4 = 8 at 100 / 12.5 = 8 a batch -> exactly 1.
    expect(plan.batches).toEqual([
      { recipe: 'cake', finished_unit: 'slice', units_needed: 8, yield_per_batch: 8, batches: 1, total_units: 8, waste: 0, floor: null, ceil: { batches: 1, total_units: 8, spare: 0 } },
      { recipe: 'cookies', finished_unit: 'cookie', units_needed: 58, yield_per_batch: 24, batches: 3, total_units: 72, waste: 14, floor: { batches: 2, total_units: 48, short: 10 }, ceil: { batches: 3, total_units: 72, spare: 14 } },
      { recipe: 'shortbread', finished_unit: 'finger', units_needed: 10, yield_per_batch: 12, batches: 1, total_units: 12, waste: 2, floor: null, ceil: { batches: 1, total_units: 12, spare: 2 } },
    ]);
  });

  it('aggregated through the shared dough: flour 0.925 kg, sugar 0.7 kg, butter 150 g + 100 g + 0.25 lb, eggs 6.5 = 0.5417 dozen, milk 1 cup = 0.25 qt; baseline 9.3052 + packaging 33.286 = 42.5912', async () => {
    const db = await bakery(withEvents(WINTER));
    const plan = await json('plan', db, 'winter');
    // cookies x 3: dough x 1.5 (flour 3 cup = 375 g, butter 150 g, eggs 1.5) + sugar 450 g
    // shortbread x 1: dough x 1 (flour 250 g, butter 100 g, eggs 1) + sugar 50 g + butter 0.25 lb
    // cake x 1: flour 300 g, sugar 200 g, eggs 4, milk 1 cup
    // flour 925 g in the first lot's unit (kg), all from the 2 kg lot at 2.00 = 1.85
    // butter 250 g + 0.25 lb = 250 / 453.59237 + 0.25 lb at 4.50 = 3.60517... -> 3.6052
    const butter = 250 / LB + 0.25;
    expect(plan.ingredients).toEqual([
      { ingredient: 'butter', display_name: 'Butter', quantity: expect.closeTo(butter, 9), unit: 'lb', cost_per_unit: 4.5, cost: 3.6052 },
      // 6.5 eggs = 6.5 / 12 dozen at 3.60 a dozen = 1.95
      { ingredient: 'eggs', display_name: 'Eggs', quantity: expect.closeTo(6.5 / 12, 9), unit: 'dozen', cost_per_unit: 3.6, cost: 1.95 },
      { ingredient: 'flour', display_name: 'Flour', quantity: 0.925, unit: 'kg', cost_per_unit: 2, cost: 1.85 },
      // 1 cup = 236.5882365 / 946.352946 = 0.25 qt at 2.00 = 0.50
      { ingredient: 'milk', display_name: 'Milk', quantity: 0.25, unit: 'qt', cost_per_unit: 2, cost: 0.5 },
      // sugar 450 + 50 + 200 = 700 g = 0.7 kg at 2.00 = 1.40
      { ingredient: 'sugar', display_name: 'Sugar', quantity: 0.7, unit: 'kg', cost_per_unit: 2, cost: 1.4 },
    ]);
    // baskets 2 (10.00), cartons 5 (5.00), 5 bows = 228.6 cm (2.286), tins 8 (16.00)
    expect(plan.packaging).toEqual([
      { material: 'basket', quantity: 2, unit: 'each' },
      { material: 'carton', quantity: 5, unit: 'each' },
      { material: 'ribbon', quantity: expect.closeTo(228.6, 9), unit: 'cm' },
      { material: 'tin-can', quantity: 8, unit: 'each' },
    ]);
    // 3.6052 + 1.95 + 1.85 + 0.50 + 1.40 = 9.3052; 10 + 5 + 2.286 + 16 = 33.286
    expect(plan.cost_baseline).toBe(42.5912);
  });

  it('10 hampers: 210 cookies -> 9 batches, 40 fingers -> 4, 40 slices -> 5; what to buy in whole packages, and 2 x 12 tins + 2 x 4 baskets for packaging: 106.60', async () => {
    const db = await bakery(withEvents(BIG));
    const plan = await json('plan', db, 'big');
    // 10 hampers = 20 boxes + 10 tins; tins 10 + 20 = 30; cookies 20 x 3 + 30 x 5 = 210 -> 9 batches (216); fingers 40 -> 4 (48); slices 40 -> 5.
    expect(plan.batches.map((b: any) => [b.finished_unit, b.units_needed, b.batches, b.total_units, b.waste])).toEqual([
      ['slice', 40, 5, 40, 0],
      ['cookie', 210, 9, 216, 6],
      ['finger', 40, 4, 48, 8],
    ]);
    const list = await json('shopping-list', db, 'big');
    // butter: dough (4.5 + 4) x 100 g = 850 g + shortbread 4 x 0.25 lb = 1 lb -> 2.8739 lb; 1.5 on hand; 1.3739 to buy -> 2 x 1 lb (9.00)
    const butter = 1 + 850 / LB;
    expect(list.items).toEqual([
      { ingredient: 'butter', need: expect.closeTo(butter, 9), on_hand: 1.5, to_buy: expect.closeTo(butter - 1.5, 9), unit: 'lb', packages: [{ product: 'Butter 1 lb', count: 2, cost: 9 }], leftover: expect.closeTo(3.5 - butter, 9) },
      // eggs: 4.5 + 4 + 5 x 4 = 28.5 = 2.375 dozen; 2 on hand -> 0.375 -> 1 dozen (3.60), 0.625 left over
      { ingredient: 'eggs', need: expect.closeTo(2.375, 9), on_hand: 2, to_buy: expect.closeTo(0.375, 9), unit: 'dozen', packages: [{ product: 'Eggs dozen', count: 1, cost: 3.6 }], leftover: expect.closeTo(0.625, 9) },
      // flour: 9 cup + 8 cup = 2125 g + 5 x 300 g = 3.625 kg; 2 + 2 + 2.26796185 kg on hand
      { ingredient: 'flour', need: 3.625, on_hand: expect.closeTo(6.26796185, 9), to_buy: 0, unit: 'kg', packages: [], leftover: 0 },
      // milk: 5 cup = 1.25 qt; 1 on hand -> 1 qt (2.00), 0.75 left over
      { ingredient: 'milk', need: expect.closeTo(1.25, 9), on_hand: 1, to_buy: expect.closeTo(0.25, 9), unit: 'qt', packages: [{ product: 'Milk 1 qt', count: 1, cost: 2 }], leftover: expect.closeTo(0.75, 9) },
      // sugar: 9 x 150 + 4 x 50 + 5 x 200 = 2550 g; 2 kg on hand -> 0.55 -> one 2 kg bag (4.00), 1.45 left over
      { ingredient: 'sugar', need: 2.55, on_hand: 2, to_buy: expect.closeTo(0.55, 9), unit: 'kg', packages: [{ product: 'Sugar 2 kg', count: 1, cost: 4 }], leftover: expect.closeTo(1.45, 9) },
    ]);
    // baskets 10 - 4 = 6 -> 2 packs of 4 (40.00); cartons 20 of 25; 20 bows = 914.4 cm = exactly the roll; tins 30 - 12 = 18 -> 2 packs of 12 (48.00)
    expect(list.materials.map((m: any) => [m.material, m.need, m.on_hand, m.to_buy, m.packages])).toEqual([
      ['basket', 10, 4, 6, [{ product: 'Baskets 4', count: 2, cost: 40 }]],
      ['carton', 20, 25, 0, []],
      ['ribbon', expect.closeTo(914.4, 9), expect.closeTo(914.4, 9), 0, []],
      ['tin-can', 30, 12, 18, [{ product: 'Tins 12', count: 2, cost: 48 }]],
    ]);
    // 9 + 3.60 + 2 + 4 + 40 + 48
    expect(list.estimated_cost).toBe(106.6);
  });

  it("a bake for another event takes from the pantry, not from this event's need; a bake for this event takes from both", async () => {
    const db = await bakery(withEvents(WINTER, BIG));
    // 3 batches of cookies for Winter: flour 375 g, butter 150 g, eggs 1.5, sugar 450 g leave the pantry.
    await json('make', db, 'cookies', '3', '--event', 'winter');
    let list = await json('shopping-list', db, 'big');
    const item = (slug: string) => list.items.find((i: any) => i.ingredient === slug);
    // sugar: need still 2.55 kg; on hand 2 - 0.45 = 1.55; to buy 1.00 -> one bag, 1.00 left over
    expect([item('sugar').need, item('sugar').on_hand, item('sugar').to_buy, item('sugar').packages, item('sugar').leftover]).toEqual([
      2.55, 1.55, expect.closeTo(1, 9), [{ product: 'Sugar 2 kg', count: 1, cost: 4 }], expect.closeTo(1, 9),
    ]);
    // butter: on hand 1.5 - 150 g; to buy 1 + 850 g - 1.5 lb + 150 g = 1000 g - 0.5 lb -> 2 x 1 lb, 2.5 lb - 1000 g left over
    expect([item('butter').on_hand, item('butter').to_buy, item('butter').leftover]).toEqual([
      expect.closeTo(1.5 - 150 / LB, 9), expect.closeTo(1000 / LB - 0.5, 9), expect.closeTo(2.5 - 1000 / LB, 9),
    ]);
    // eggs: 22.5 on hand = 1.875 dozen; 2.375 - 1.875 = 0.5 -> 1 dozen
    expect([item('eggs').on_hand, item('eggs').to_buy, item('eggs').leftover]).toEqual([expect.closeTo(1.875, 9), expect.closeTo(0.5, 9), expect.closeTo(0.5, 9)]);

    // 4 of Big's 9 cookie batches baked for Big: 5 left -> cookies dough 2.5 (250 g butter, 2.5 eggs), sugar 750 g.
    // sugar: need 750 + 200 + 1000 = 1.95 kg; on hand 1.55 - 0.6 = 0.95; to buy 1.00
    // eggs: need 2.5 + 4 + 20 = 26.5 = 2.2083 dozen; on hand 22.5 - 2 = 20.5; to buy 6 eggs = 0.5 dozen
    await json('make', db, 'cookies', '4', '--event', 'big');
    list = await json('shopping-list', db, 'big');
    expect([item('sugar').need, item('sugar').on_hand, item('sugar').to_buy]).toEqual([1.95, expect.closeTo(0.95, 9), expect.closeTo(1, 9)]);
    expect([item('eggs').need, item('eggs').on_hand, item('eggs').to_buy]).toEqual([expect.closeTo(26.5 / 12, 9), expect.closeTo(20.5 / 12, 9), expect.closeTo(0.5, 9)]);
    // flour: need 5 cup + 8 cup = 1625 g + 1500 g = 3.125 kg
    expect(item('flour').need).toBeCloseTo(3.125, 9);
    // Winter's plan is its own: still 3 cookie batches.
    expect((await json('plan', db, 'winter')).batches.find((b: any) => b.finished_unit === 'cookie').batches).toBe(3);
  });
});
