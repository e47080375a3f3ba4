/**
 * domain.md, Units, FIFO consumption and Recording a purchase, checked with
 * figures worked by hand (in the comments) on a bakery written as a snapshot
 * file and driven through `bake-planner fifo`/`make --json`.
 */
import { describe, expect, it } from 'vitest';
import { bakery, json, r4, refusal } from './verify-cli';

const LB = 453.59237;
const OZ = 28.349523125;

const PANTRY = {
  ingredients: [
    { name: 'Sugar', density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 200, weight_unit: 'g' } },
    { name: 'Flour', density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 4.25, weight_unit: 'oz' } },
    { name: 'Eggs', weight_per_each: { quantity: 50, unit: 'g' } },
    { name: 'Cocoa' },
    { name: 'Butter' },
    { name: 'Rye' },
    { name: 'Milk' },
    { name: 'Lemons' },
  ],
  products: [
    { slug: 'sugar-1kg', ingredient: 'sugar', name: 'Sugar 1 kg', package_quantity: 1, package_unit: 'kg' },
    { slug: 'sugar-5lb', ingredient: 'sugar', name: 'Sugar 5 lb', package_quantity: 5, package_unit: 'lb' },
    { slug: 'flour-5lb', ingredient: 'flour', name: 'Flour 5 lb', package_quantity: 5, package_unit: 'lb' },
    { slug: 'flour-2kg', ingredient: 'flour', name: 'Flour 2 kg', package_quantity: 2, package_unit: 'kg' },
    { slug: 'eggs-2dozen', ingredient: 'eggs', name: 'Eggs 2 dozen', package_quantity: 2, package_unit: 'dozen' },
    { slug: 'cocoa-250g', ingredient: 'cocoa', name: 'Cocoa 250 g', package_quantity: 250, package_unit: 'g' },
    { slug: 'butter-1lb', ingredient: 'butter', name: 'Butter 1 lb', package_quantity: 1, package_unit: 'lb' },
    { slug: 'rye-2-5kg', ingredient: 'rye', name: 'Rye 2.5 kg', package_quantity: 2.5, package_unit: 'kg' },
    { slug: 'milk-gal', ingredient: 'milk', name: 'Milk 1 gal', package_quantity: 1, package_unit: 'gal' },
    { slug: 'lemons-6', ingredient: 'lemons', name: 'Lemons 6', package_quantity: 6, package_unit: 'each' },
  ],
  purchases: [
    // Listed (and so recorded) out of date order: FIFO goes by date.
    { product: 'sugar-5lb', date: '2026-02-01', packages: 1, price_per_package: 4.5 }, // 5 lb at 0.90/lb
    { product: 'sugar-1kg', date: '2026-01-10', packages: 2, price_per_package: 2.5 }, // 2 kg at 2.50/kg
    // Same day: the one recorded first is drawn first.
    { product: 'flour-5lb', date: '2026-03-01', packages: 1, price_per_package: 10 }, // 5 lb at 2.00/lb
    { product: 'flour-2kg', date: '2026-03-01', packages: 1, price_per_package: 3 }, // 2 kg at 1.50/kg
    { product: 'eggs-2dozen', date: '2026-01-05', packages: 1, price_per_package: 6 }, // 24 eggs at 0.25
    { product: 'cocoa-250g', date: '2026-01-05', packages: 1, price_per_package: 5 },
    // 1 lb at 4.00, 0.7 lb of it spoiled: 0.3 lb left.
    { product: 'butter-1lb', date: '2026-01-01', packages: 1, price_per_package: 4, lot: { adjustments: [{ date: '2026-01-02', reason: 'spoilage', quantity: 0.7, unit: 'lb' }] } },
    { product: 'rye-2-5kg', date: '2026-01-01', packages: 3, price_per_package: 4 }, // 7.5 kg at 1.60/kg
    { product: 'milk-gal', date: '2026-01-01', packages: 1, price_per_package: 4 }, // 16 cup at 0.25
    { product: 'lemons-6', date: '2026-01-01', packages: 1, price_per_package: 3 },
  ],
  recipes: [{ name: 'Butter bits', ingredients: [{ ingredient: 'butter', quantity: 0.1, unit: 'lb' }] }],
  finished_units: [{ name: 'Butter bit', recipe: 'butter-bits', items_per_batch: 1 }],
};

interface Draw {
  purchased_on: string;
  product_name: string;
  quantity: number;
  unit: string;
  cost: number;
  remaining_after: number;
  empties_lot: boolean;
}
const row = (d: Draw) => [d.product_name, d.quantity, d.unit, d.cost, r4(d.remaining_after), d.empties_lot];

describe('FIFO across products and units (verify)', { timeout: 120_000 }, () => {
  it('15 cup of sugar (3000 g at 1 cup = 200 g): the 2 kg lot of Jan 10 first (10 cup, 5.00), then 1000 g of the 5 lb lot (5 cup, 1000/453.59237 x 0.90 = 1.9842)', async () => {
    const db = await bakery(PANTRY);
    const plan = await json('fifo', db, 'sugar', '15', 'cup');
    expect(plan.draws.map(row)).toEqual([
      ['Sugar 1 kg', 10, 'cup', 5, 0, true],
      // 5 lb = 2267.96185 g; 1267.96185 g left = 6.3398 cup
      ['Sugar 5 lb', 5, 'cup', 1.9842, 6.3398, false],
    ]);
    expect([plan.quantity, plan.unit, plan.drawn, r4(plan.available), plan.shortfall, plan.enough, plan.total_cost, plan.cost_complete]).toEqual([
      15, 'cup', 15, 21.3398, 0, true, 6.9842, true,
    ]);
  });

  it('exactly all of it (4.26796185 kg = 2 kg + 5 lb) is enough and empties both lots for 9.50; 4.27 kg is short 0.00203815 kg and changes nothing', async () => {
    const db = await bakery(PANTRY);
    const all = await json('fifo', db, 'sugar', '4.26796185', 'kg');
    expect([all.enough, all.shortfall, all.total_cost, all.draws.map((d: Draw) => d.empties_lot)]).toEqual([true, 0, 9.5, [true, true]]);
    const e = await refusal(db, 'fifo', db, 'sugar', '4.27', 'kg');
    expect(e.code).toBe('INSUFFICIENT_STOCK');
    // The details are figures for another program: exact, without the conversion's binary noise.
    expect([e.details.ingredient, e.details.needed, e.details.available, e.details.missing, e.details.unit]).toEqual(['Sugar', 4.27, 4.26796185, 0.00203815, 'kg']);
  });

  it('two lots bought the same day: the one recorded first is drawn first; 6 lb = 5 lb at 2.00 + 1 lb (0.45359237 kg) at 1.50/kg = 10.6804', async () => {
    const db = await bakery(PANTRY);
    const plan = await json('fifo', db, 'flour', '6', 'lb');
    expect(plan.draws.map(row)).toEqual([
      ['Flour 5 lb', 5, 'lb', 10, 0, true],
      ['Flour 2 kg', 1, 'lb', 0.6804, r4(2000 / LB - 1), false],
    ]);
    expect(plan.total_cost).toBe(10.6804);
    // Through the density: 16 cup x 4.25 oz = 68 oz = 4.25 lb of the first lot, at 2.00/lb = 8.50.
    const cups = await json('fifo', db, 'flour', '16', 'cup');
    expect(cups.draws.map(row)).toEqual([['Flour 5 lb', 16, 'cup', 8.5, r4((5 * LB - 68 * OZ) / (4.25 * OZ)), false]]);
  });

  it('eggs by the dozen and by weight (1 each = 50 g): 1.5 dozen = 18 at 0.25 = 4.50; 100 g = 2 eggs = 0.50; 25 eggs are one short of 24', async () => {
    const db = await bakery(PANTRY);
    const dozen = await json('fifo', db, 'eggs', '1.5', 'dozen');
    expect(dozen.draws.map(row)).toEqual([['Eggs 2 dozen', 1.5, 'dozen', 4.5, 0.5, false]]);
    const grams = await json('fifo', db, 'eggs', '100', 'g');
    expect([grams.total_cost, grams.draws[0].quantity, grams.draws[0].remaining_after]).toEqual([0.5, 100, 1100]);
    const e = await refusal(db, 'fifo', db, 'eggs', '25', 'each');
    expect([e.code, e.details.needed, e.details.available, e.details.missing, e.details.unit]).toEqual(['INSUFFICIENT_STOCK', 25, 24, 1, 'each']);
  });

  it('a purchase makes its lot: 3 packages of 2.5 kg at 4.00 = 7.5 kg at 1.60/kg; drawing all of it costs 12.00', async () => {
    const db = await bakery(PANTRY);
    const plan = await json('fifo', db, 'rye', '7.5', 'kg');
    expect(plan.draws.map(row)).toEqual([['Rye 2.5 kg', 7.5, 'kg', 12, 0, true]]);
    expect(plan.draws[0].unit_cost).toBeCloseTo(1.6, 12);
  });

  it('weight <-> volume without a density is an error naming the ingredient and both units, exit 1, nothing written', async () => {
    const db = await bakery(PANTRY);
    const e = await refusal(db, 'fifo', db, 'cocoa', '1', 'cup');
    expect([e.code, e.message]).toEqual(['MISSING_DENSITY', 'Set a density for Cocoa to convert cup to g.']);
  });

  it('volume across its units: 6 cup of a 1 gal jug = 0.375 gal = 1.50, 10 cup left; 1 qt + 1 pt + 2 fl oz + 1 tbsp + 1 tsp also', async () => {
    const db = await bakery(PANTRY);
    const cups = await json('fifo', db, 'milk', '6', 'cup');
    expect(cups.draws.map(row)).toEqual([['Milk 1 gal', 6, 'cup', 1.5, 10, false]]);
    const qt = await json('fifo', db, 'milk', '1', 'qt');
    expect(qt.total_cost).toBe(1); // a quarter of the gallon
    // 1 pt = 473.176473 ml, 2 fl oz = 59.147059125 ml, 1 tbsp = 14.78676478125 ml, 1 tsp = 4.92892159375 ml, 1 l = 1000 ml
    const ml = (await json('fifo', db, 'milk', '1', 'l')).draws[0].lot_quantity;
    expect(ml).toBeCloseTo(1000, 9);
    const tsp = await json('fifo', db, 'milk', '3', 'tsp');
    const tbsp = await json('fifo', db, 'milk', '1', 'tbsp');
    expect(tsp.draws[0].lot_quantity).toBeCloseTo(tbsp.draws[0].lot_quantity, 9);
    expect((await json('fifo', db, 'milk', '2', 'fl oz')).draws[0].lot_quantity).toBeCloseTo(59.147059125, 9);
    expect((await json('fifo', db, 'milk', '1', 'pt')).total_cost).toBe(0.5);
  });

  it('count never converts to weight without a weight per each: 100 g of lemons is an error naming Lemons, nothing written', async () => {
    const db = await bakery(PANTRY);
    const e = await refusal(db, 'fifo', db, 'lemons', '100', 'g');
    expect(e.message).toMatch(/Lemons/);
    expect((await json('fifo', db, 'lemons', '0.5', 'dozen')).total_cost).toBe(3);
  });

  it('a lot left at 0.3 lb after 0.7 lb spoiled is exactly enough for 3 batches of 0.1 lb (1.20), and then empty', async () => {
    const db = await bakery(PANTRY);
    const probe = await json('fifo', db, 'butter', '0.3', 'lb');
    expect([probe.enough, probe.total_cost]).toEqual([true, 1.2]);
    const run = await json('make', db, 'butter-bits', '3');
    expect(run.consumptions).toEqual([{ ingredient: 'butter', lot: run.consumptions[0].lot, quantity: 0.3, unit: 'lb', unit_cost: 4, cost: 1.2 }]);
    expect([run.total_cost, run.cost_per_unit, run.expected, run.status]).toEqual([1.2, 0.4, 3, 'complete']);
    const e = await refusal(db, 'fifo', db, 'butter', '0.001', 'lb');
    expect([e.details.available, e.details.missing]).toEqual([0, 0.001]);
  });
});
