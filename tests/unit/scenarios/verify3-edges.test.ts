/**
 * Third pass, edges: nested-good lots of different costs drawn FIFO by one
 * assembly; eggs used by the dozen from lots counted in eggs; a shopping list
 * once a recipe is over-produced (its remaining batches are 0, not negative,
 * so it neither adds nor takes away need). CROSS in verify3-bakery.ts;
 * figures worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { CROSS, LB, withEvents } from './verify3-bakery';
import { bakery, json } from './verify-cli';

describe('edges (verify, third pass)', { timeout: 120_000 }, () => {
  it('two tin lots at 2.2492 (with its can) and 0.2492 (packaging bypassed): 2 boxes take one of each, FIFO; 6.7175 for 2, 3.35875 -> 3.3588 each', async () => {
    const db = await bakery(CROSS);
    // 1 batch of cookies: flour 125 g 0.25, butter 50 g = 0.1102311 lb at 4.50 = 0.4960401 -> 0.496, half an egg 0.15, sugar 150 g 0.30 = 1.196; 24 at 0.0498333
    expect((await json('make', db, 'cookies', '1')).total_cost).toBe(1.196);
    // shortbread: flour 250 g 0.50, butter 100 g + 0.25 lb 2.1171, an egg 0.30, sugar 50 g 0.10 = 3.0171; 12 at 0.251425
    expect((await json('make', db, 'shortbread', '1')).total_cost).toBe(3.0171);
    // tin A: 5 cookies 0.2491667 -> 0.2492 + a can 2.00; tin B: 5 cookies 0.2492, no can
    expect((await json('assemble', db, 'tin', '1')).total_cost).toBe(2.2492);
    expect((await json('assemble', db, 'tin', '1', '--bypass-packaging', 'tied in a cloth')).total_cost).toBe(0.2492);
    const boxes = await json('assemble', db, 'box', '2');
    // tins: A 2.2492 + B 0.2492; 6 cookies 0.299; 4 fingers 1.0057; 2 cartons 2.00; 2 bows 0.9144 = 6.7175
    expect(boxes.consumptions.map((c: any) => [c.item, c.lot, c.quantity, c.cost])).toEqual([
      ['tin', 1, 1, 2.2492],
      ['tin', 2, 1, 0.2492],
      ['cookie', 1, 6, 0.299],
      ['finger', 2, 4, 1.0057],
      ['carton', 2, 2, 2],
      ['ribbon', 3, 91.44, 0.9144],
    ]);
    expect([boxes.total_cost, boxes.cost_per_unit]).toEqual([6.7175, 3.3588]);
  });

  it('half a dozen eggs a batch from lots counted in eggs (30 at 9.00): 3 batches = 18 eggs = 5.40; the plan lists 18 each', async () => {
    const db = await bakery({
      ingredients: [{ name: 'Eggs' }],
      products: [{ slug: 'eggs-30', ingredient: 'eggs', name: 'Eggs 30', package_quantity: 30, package_unit: 'each' }],
      purchases: [{ product: 'eggs-30', date: '2026-01-01', packages: 1, price_per_package: 9 }], // 0.30 an egg
      recipes: [{ name: 'Custard', ingredients: [{ ingredient: 'eggs', quantity: 0.5, unit: 'dozen' }] }],
      finished_units: [{ name: 'Custard cup', recipe: 'custard', items_per_batch: 4 }],
      events: [{ name: 'Tea', targets: [{ finished_unit: 'custard-cup', quantity: 10 }] }],
    });
    // 10 cups at 4 a batch -> 3 batches (12, 2 spare); 3 x 6 = 18 eggs at 0.30 = 5.40
    const plan = await json('plan', db, 'tea');
    expect(plan.ingredients).toEqual([{ ingredient: 'eggs', display_name: 'Eggs', quantity: 18, unit: 'each', cost_per_unit: 0.3, cost: 5.4 }]);
    const run = await json('make', db, 'custard', '3');
    expect(run.consumptions).toEqual([{ ingredient: 'eggs', lot: 1, quantity: 18, unit: 'each', unit_cost: 0.3, cost: 5.4 }]);
    // 12 left = exactly 1 dozen (3.60)
    expect((await json('fifo', db, 'eggs', '1', 'dozen')).total_cost).toBe(3.6);
    // The bake was for no event: Tea still needs its 3 batches (18 eggs), 12 on hand -> 6 to buy: a box of 30 (9.00), 24 left over.
    expect((await json('shopping-list', db, 'tea')).items).toEqual([
      { ingredient: 'eggs', need: 18, on_hand: 12, to_buy: 6, unit: 'each', packages: [{ product: 'Eggs 30', count: 1, cost: 9 }], leftover: 24 },
    ]);
    // 2 batches for Tea: 1 left to bake = 6 eggs, 0 on hand -> 6 to buy.
    await json('make', db, 'custard', '2', '--event', 'tea');
    expect((await json('shopping-list', db, 'tea')).items).toEqual([
      { ingredient: 'eggs', need: 6, on_hand: 0, to_buy: 6, unit: 'each', packages: [{ product: 'Eggs 30', count: 1, cost: 9 }], leftover: 24 },
    ]);
  });

  it('cookies over-produced (5 of 3 batches) need nothing more; the shortbread and the cake still need theirs: flour 0.55 kg, sugar 0.25 kg, butter 100 g + 0.25 lb, eggs 5, milk 1 cup', async () => {
    const db = await bakery(
      withEvents({
        name: 'Winter',
        targets: [{ finished_good: 'hamper', quantity: 2 }],
        batch_decisions: [{ finished_unit: 'cookie', batches: 3 }, { finished_unit: 'finger', batches: 1 }, { finished_unit: 'slice', batches: 1 }],
      }),
    );
    await json('make', db, 'cookies', '5', '--event', 'winter');
    const list = await json('shopping-list', db, 'winter');
    // on hand after 5 cookie batches: flour 6267.96185 - 625 g; sugar 2000 - 750 g; butter 1.5 lb - 250 g; eggs 24 - 2.5; milk 1 qt
    expect(list.items.map((i: any) => [i.ingredient, i.unit, i.need, i.on_hand, i.to_buy])).toEqual([
      ['butter', 'lb', expect.closeTo(100 / LB + 0.25, 9), expect.closeTo(1.5 - 250 / LB, 9), 0],
      ['eggs', 'dozen', expect.closeTo(5 / 12, 9), expect.closeTo(21.5 / 12, 9), 0],
      ['flour', 'kg', 0.55, expect.closeTo(5.64296185, 9), 0],
      ['milk', 'qt', 0.25, 1, 0],
      ['sugar', 'kg', 0.25, 1.25, 0],
    ]);
    expect(list.estimated_cost).toBe(0);
  });

  it('packaging across two lots of one product: 13 tins = all 12 cans at 2.00 + 1 of the next pack at 2.50 = 26.50, in the plan\'s baseline (3.5881 + 26.50 = 30.0881) and in the assembly\'s ledger', async () => {
    const db = await bakery({
      ...CROSS,
      material_purchases: [...CROSS.material_purchases, { material_product: 'tin-12', date: '2026-02-01', packages: 1, price_per_package: 30 }], // 2.50 a can
      events: [{ name: 'Tins', targets: [{ finished_good: 'tin', quantity: 13 }], batch_decisions: [{ finished_unit: 'cookie', batches: 3 }] }],
    });
    // 65 cookies -> 3 batches: flour 375 g 0.75 + butter 150 g 1.4881 + 1.5 eggs 0.45 + sugar 450 g 0.90 = 3.5881
    const plan = await json('plan', db, 'tins');
    expect(plan.packaging).toEqual([{ material: 'tin-can', quantity: 13, unit: 'each' }]);
    expect(plan.cost_baseline).toBe(30.0881);
    await json('make', db, 'cookies', '3', '--event', 'tins');
    const tins = await json('assemble', db, 'tin', '13', '--event', 'tins');
    // 65 cookies x 3.5881 / 72 = 233.2265 / 72 = 3.2392569 -> 3.2393; cans 24.00 + 2.50
    expect(tins.consumptions.map((c: any) => [c.item, c.lot, c.quantity, c.unit_cost, c.cost])).toEqual([
      ['cookie', 1, 65, Number((3.5881 / 72).toPrecision(12)), 3.2393],
      ['tin-can', 1, 12, 2, 24],
      ['tin-can', 5, 1, 2.5, 2.5],
    ]);
    // 29.7393 / 13 = 2.2876385 -> 2.2876
    expect([tins.total_cost, tins.cost_per_unit]).toEqual([29.7393, 2.2876]);
  });

  it('eggs by the dozen and liquid egg by the kg (1 egg = 50 g, 1 cup = 243 g): 30 eggs + 1 cup = 34.86 eggs = 2.905 dozen; 32 on hand at 11.60, the 2.86 missing at the latest price (0.40 an egg) = 12.744; buy a dozen', async () => {
    const db = await bakery({
      ingredients: [{ name: 'Eggs', weight_per_each: { quantity: 50, unit: 'g' }, density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 243, weight_unit: 'g' } }],
      products: [
        { slug: 'eggs-dozen', ingredient: 'eggs', name: 'Eggs dozen', package_quantity: 1, package_unit: 'dozen' },
        { slug: 'liquid-1kg', ingredient: 'eggs', name: 'Liquid egg 1 kg', package_quantity: 1, package_unit: 'kg' },
      ],
      purchases: [
        { product: 'eggs-dozen', date: '2026-01-01', packages: 1, price_per_package: 3.6 }, // 12 at 0.30
        { product: 'liquid-1kg', date: '2026-01-02', packages: 1, price_per_package: 8 }, // 1000 g = 20 eggs at 0.40
      ],
      recipes: [
        { name: 'Omelette', ingredients: [{ ingredient: 'eggs', quantity: 30, unit: 'each' }] },
        { name: 'Quiche', ingredients: [{ ingredient: 'eggs', quantity: 1, unit: 'cup' }] },
      ],
      finished_units: [
        { name: 'Omelette', slug: 'om', recipe: 'omelette', items_per_batch: 1 },
        { name: 'Quiche', slug: 'qu', recipe: 'quiche', items_per_batch: 1 },
      ],
      events: [{ name: 'Brunch', targets: [{ finished_unit: 'om', quantity: 1 }, { finished_unit: 'qu', quantity: 1 }] }],
    });
    // 30 eggs: the dozen (3.60) + 18 eggs = 900 g of liquid egg (7.20) = 10.80; 1000 g = 12 eggs (3.60) + 400 g (3.20) = 6.80
    expect((await json('fifo', db, 'eggs', '30', 'each')).draws.map((d: any) => [d.quantity, d.cost])).toEqual([[12, 3.6], [18, 7.2]]);
    expect((await json('fifo', db, 'eggs', '1000', 'g')).draws.map((d: any) => [d.quantity, d.cost])).toEqual([[600, 3.6], [400, 3.2]]);
    const plan = await json('plan', db, 'brunch');
    // listed in dozens (the first lot's unit): 34.86 / 12 = 2.905; 3.60 + 8.00 + 2.86 x 0.40 = 12.744
    expect(plan.ingredients).toEqual([{ ingredient: 'eggs', display_name: 'Eggs', quantity: 2.905, unit: 'dozen', cost_per_unit: expect.closeTo(12.744 / 2.905, 9), cost: 12.744 }]);
    const [eggs] = (await json('shopping-list', db, 'brunch')).items;
    // 2.86 eggs to buy = 0.238333 dozen: a dozen (3.60) is cheaper than a kg of liquid egg (8.00)
    expect([eggs.need, eggs.on_hand, eggs.to_buy, eggs.packages, eggs.leftover]).toEqual([
      2.905, expect.closeTo(32 / 12, 9), expect.closeTo(2.86 / 12, 9), [{ product: 'Eggs dozen', count: 1, cost: 3.6 }], expect.closeTo(9.14 / 12, 9),
    ]);
  });
});
