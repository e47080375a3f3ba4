/**
 * domain.md, Aggregated ingredients and cost baseline: cost per unit is what
 * FIFO would charge now, else the latest purchase price (domain-rules: else
 * the newest priced lot's cost; else unknown, and unknown stays unknown);
 * units of the aggregate (tbsp -> kg through a density, dozen, a line that
 * cannot convert kept in the recipe's unit), a portion yield that is not a
 * whole number per batch, packaging by area. Worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { bakery, json } from './verify-cli';

const G_PER_CUP_FLOUR = 4.25 * 28.349523125; // 1 cup = 4.25 oz

const PIES = {
  ingredients: [
    { name: 'Flour', density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 4.25, weight_unit: 'oz' } },
    { name: 'Eggs' },
    { name: 'Cocoa' },
    { name: 'Honey' },
    { name: 'Maple' },
    { name: 'Oats' },
  ],
  products: [
    { slug: 'flour-1kg', ingredient: 'flour', name: 'Flour 1 kg', package_quantity: 1, package_unit: 'kg' },
    { slug: 'flour-2kg', ingredient: 'flour', name: 'Flour 2 kg', package_quantity: 2, package_unit: 'kg', hidden: true },
    { slug: 'eggs-12', ingredient: 'eggs', name: 'Eggs 12', package_quantity: 1, package_unit: 'dozen' },
    { slug: 'cocoa-250', ingredient: 'cocoa', name: 'Cocoa 250 g', package_quantity: 250, package_unit: 'g' },
    { slug: 'honey-jar', ingredient: 'honey', name: 'Honey jar', package_quantity: 1, package_unit: 'lb' },
    { slug: 'maple-jar', ingredient: 'maple', name: 'Maple jar', package_quantity: 1, package_unit: 'lb' },
    { slug: 'oats-1lb', ingredient: 'oats', name: 'Oats 1 lb', package_quantity: 1, package_unit: 'lb' },
  ],
  purchases: [
    { product: 'flour-1kg', date: '2026-01-01', packages: 1, price_per_package: 2 }, // 2.00/kg, recorded first
    { product: 'flour-2kg', date: '2026-01-01', packages: 1, price_per_package: 2 }, // 1.00/kg
    { product: 'eggs-12', date: '2026-01-01', packages: 1, price_per_package: 3.6 },
    { product: 'cocoa-250', date: '2026-01-01', packages: 1, price_per_package: 5 },
    { product: 'oats-1lb', date: '2026-02-01', packages: 1, price_per_package: 3 },
  ],
  // Stock counted in without a purchase (lots 6, 7, 8 after the purchases' 1 to 5): honey with no cost, maple at 10.00/lb, 2 lb of oats with no cost.
  lots: [
    { product: 'honey-jar', date: '2026-01-01', quantity: 2 },
    { product: 'maple-jar', date: '2026-01-01', quantity: 1, unit_cost: 10 },
    { product: 'oats-1lb', date: '2026-01-01', quantity: 2 },
  ],
  materials: [{ name: 'Card', base_measure: 'each' }, { name: 'Tissue', base_measure: 'area' }],
  material_products: [
    { slug: 'card-10', material: 'card', name: 'Cards 10', package_quantity: 10, package_unit: 'each' },
    { slug: 'tissue-20', material: 'tissue', name: 'Tissue 20 sheets', package_quantity: 8000, package_unit: 'in²' },
  ],
  material_units: [
    { slug: 'one-card', material: 'card', name: 'one card', quantity: 1 },
    { slug: 'sheet', material: 'tissue', name: 'sheet', quantity: 400, unit: 'in²' },
  ],
  material_purchases: [
    { material_product: 'card-10', date: '2026-01-01', packages: 1, price_per_package: 2 },
    { material_product: 'tissue-20', date: '2026-01-01', packages: 1, price_per_package: 4 },
  ],
  recipes: [
    {
      name: 'Pie',
      ingredients: [
        { ingredient: 'flour', quantity: 8, unit: 'tbsp' },
        { ingredient: 'eggs', quantity: 0.5, unit: 'dozen' },
        { ingredient: 'cocoa', quantity: 1, unit: 'cup' },
        { ingredient: 'cocoa', quantity: 2, unit: 'tbsp' },
      ],
    },
    { name: 'Granola', ingredients: [{ ingredient: 'honey', quantity: 1, unit: 'lb' }, { ingredient: 'maple', quantity: 2, unit: 'lb' }, { ingredient: 'oats', quantity: 2.5, unit: 'lb' }] },
    { name: 'Oat bar', ingredients: [{ ingredient: 'oats', quantity: 2.5, unit: 'lb' }, { ingredient: 'maple', quantity: 0.5, unit: 'lb' }] },
  ],
  finished_units: [
    { name: 'Pie third', recipe: 'pie', portion_percent: 30 },
    { name: 'Jar', recipe: 'granola', items_per_batch: 4 },
    { name: 'Bar', recipe: 'oat-bar', items_per_batch: 5 },
  ],
  finished_goods: [{ name: 'Pie box', composition: [{ finished_unit: 'pie-third', quantity: 1 }, { material_unit: 'one-card', material_product: 'card-10', quantity: 1 }, { material_unit: 'sheet', material_product: 'tissue-20', quantity: 2 }] }],
  events: [
    { name: 'Pie sale', targets: [{ finished_good: 'pie-box', quantity: 7 }] },
    { name: 'Granola sale', targets: [{ finished_unit: 'jar', quantity: 4 }] },
    { name: 'Bar sale', targets: [{ finished_unit: 'bar', quantity: 5 }] },
  ],
};

describe('costs and units of a plan (verify)', { timeout: 120_000 }, () => {
  it('7 thirds at 30 % (3.333 a batch): 3 batches, 10 made, 3 spare; 24 tbsp flour = 0.1807 kg at exactly 2.00/kg; 1.5 dozen eggs; cocoa in cups, unknown', async () => {
    const db = await bakery(PIES);
    const plan = await json('plan', db, 'pie-sale');
    expect(plan.batches).toEqual([
      { recipe: 'pie', finished_unit: 'pie-third', units_needed: 7, yield_per_batch: 3.33333333333, batches: 3, total_units: 10, waste: 3, floor: { batches: 2, total_units: 6, short: 1 }, ceil: { batches: 3, total_units: 10, spare: 3 } },
    ]);
    const flourKg = (1.5 * G_PER_CUP_FLOUR) / 1000; // 3 x 8 tbsp = 1.5 cup
    expect(plan.ingredients).toEqual([
      // cocoa has no density and is bought in grams: kept in the recipe's unit, 3 cup + 6 tbsp = 3.375 cup, cost unknown
      { ingredient: 'cocoa', display_name: 'Cocoa', quantity: 3.375, unit: 'cup', cost_per_unit: null, cost: null },
      // 1.5 dozen: the 1 dozen on hand and 0.5 dozen at the latest price, 3.60 a dozen
      { ingredient: 'eggs', display_name: 'Eggs', quantity: 1.5, unit: 'dozen', cost_per_unit: 3.6, cost: 5.4 },
      // the lot recorded first of the two bought that day: 2.00/kg; 0.180728 x 2 = 0.361456
      { ingredient: 'flour', display_name: 'Flour', quantity: Number(flourKg.toPrecision(12)), unit: 'kg', cost_per_unit: 2, cost: 0.3615 },
    ]);
    // 7 cards; 7 x 2 sheets x 400 in² = 5600 in² = 36128.96 cm²
    expect(plan.packaging).toEqual([
      { material: 'card', quantity: 7, unit: 'each' },
      { material: 'tissue', quantity: 36128.96, unit: 'cm²' },
    ]);
    expect(plan.cost_baseline).toBeNull();
  });

  it('fallbacks: maple 1 lb lot at 10.00 + 1 lb at the newest priced lot = 20; oats 2 lb with no cost + 0.5 lb bought, all at the purchase price 3.00 = 7.50; honey unknown', async () => {
    const db = await bakery(PIES);
    const granola = await json('plan', db, 'granola-sale');
    expect(granola.ingredients.map((i: { ingredient: string; quantity: number; cost_per_unit: number | null; cost: number | null }) => [i.ingredient, i.quantity, i.cost_per_unit, i.cost])).toEqual([
      ['honey', 1, null, null],
      ['maple', 2, 10, 20],
      ['oats', 2.5, 3, 7.5],
    ]);
    expect(granola.cost_baseline).toBeNull();
    const f = await json('feasibility', db, 'granola-sale');
    expect(f.blockers.cost.map((b: { item: string }) => b.item)).toEqual(['honey']);
    const bars = await json('plan', db, 'bar-sale');
    expect(bars.cost_baseline).toBe(12.5); // oats 7.50 + 0.5 lb maple at 10.00

    // The bake itself: a row from a lot with no cost has no cost; the run's total is what its rows know.
    const run = await json('make', db, 'oat-bar', '1');
    expect(run.consumptions).toEqual([
      { ingredient: 'oats', lot: 8, quantity: 2, unit: 'lb', unit_cost: null, cost: null },
      { ingredient: 'oats', lot: 5, quantity: 0.5, unit: 'lb', unit_cost: 3, cost: 1.5 },
      { ingredient: 'maple', lot: 7, quantity: 0.5, unit: 'lb', unit_cost: 10, cost: 5 },
    ]);
    expect([run.total_cost, run.cost_per_unit]).toEqual([6.5, 1.3]);
  });
});
