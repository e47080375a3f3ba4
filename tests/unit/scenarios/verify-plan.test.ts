/**
 * domain.md, Explosion, batches and waste; Aggregated ingredients and cost
 * baseline (unknown stays unknown); a recipe chosen within a family. A
 * bakery written as a snapshot file, `plan --json` checked figure by figure
 * against numbers worked by hand (in the comments).
 */
import { describe, expect, it } from 'vitest';
import { bakery, json } from './verify-cli';

const LB = 453.59237;

const PLANNER = {
  ingredients: [
    { name: 'Sugar', density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 200, weight_unit: 'g' } },
    { name: 'Butter' },
    { name: 'Flour', density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 4, weight_unit: 'oz' } },
    { name: 'Vanilla' },
  ],
  products: [
    { slug: 'sugar-1kg', ingredient: 'sugar', name: 'Sugar 1 kg', package_quantity: 1, package_unit: 'kg' },
    { slug: 'butter-1lb', ingredient: 'butter', name: 'Butter 1 lb', package_quantity: 1, package_unit: 'lb' },
    { slug: 'flour-5lb', ingredient: 'flour', name: 'Flour 5 lb', package_quantity: 5, package_unit: 'lb' },
    { slug: 'vanilla-2oz', ingredient: 'vanilla', name: 'Vanilla 2 fl oz', package_quantity: 2, package_unit: 'fl oz' },
  ],
  purchases: [
    { product: 'sugar-1kg', date: '2026-01-01', packages: 1, price_per_package: 2 }, // 1 kg at 2.00
    { product: 'sugar-1kg', date: '2026-02-01', packages: 2, price_per_package: 3 }, // 2 kg at 3.00
    // All of it spoiled: no butter on hand, the latest price is 4.00 a lb.
    { product: 'butter-1lb', date: '2026-01-01', packages: 1, price_per_package: 4, lot: { adjustments: [{ date: '2026-01-03', reason: 'spoilage', quantity: 1 }] } },
    { product: 'flour-5lb', date: '2026-01-01', packages: 1, price_per_package: 5 }, // 5 lb at 1.00
    // Vanilla: never bought.
  ],
  materials: [
    { name: 'Tin', base_measure: 'each' },
    { name: 'Window box', base_measure: 'each' },
    { name: 'Ribbon', base_measure: 'length' },
  ],
  material_products: [
    { slug: 'tin-12', material: 'tin', name: 'Tins 12', package_quantity: 12, package_unit: 'each' },
    { slug: 'box-25', material: 'window-box', name: 'Boxes 25', package_quantity: 25, package_unit: 'each' },
    { slug: 'ribbon-10yd', material: 'ribbon', name: 'Ribbon 10 yd', package_quantity: 10, package_unit: 'yd' },
  ],
  material_units: [
    { slug: 'one-tin', material: 'tin', name: 'one tin', quantity: 1 },
    { slug: 'one-box', material: 'window-box', name: 'one box', quantity: 1 },
    { slug: 'one-bow', material: 'ribbon', name: 'one 18 in bow', quantity: 18, unit: 'in' },
  ],
  material_purchases: [
    { material_product: 'tin-12', date: '2026-01-01', packages: 1, price_per_package: 24 }, // 2.00 a tin
    { material_product: 'box-25', date: '2026-01-01', packages: 1, price_per_package: 25 }, // 1.00 a box
    { material_product: 'ribbon-10yd', date: '2026-01-01', packages: 1, price_per_package: 5 }, // 914.4 cm at 5.00
  ],
  recipes: [
    { name: 'Brownies', ingredients: [{ ingredient: 'sugar', quantity: 100, unit: 'g' }, { ingredient: 'butter', quantity: 0.25, unit: 'lb' }] },
    { name: 'Cookies', ingredients: [{ ingredient: 'sugar', quantity: 1, unit: 'cup' }, { ingredient: 'butter', quantity: 50, unit: 'g' }], sub_recipes: [{ recipe: 'glaze', batches: 0.5 }] },
    { name: 'Glaze', ingredients: [{ ingredient: 'flour', quantity: 1, unit: 'cup' }] },
    { name: 'Vegan cookies', base_recipe: 'cookies', variant_name: 'vegan', ingredients: [{ ingredient: 'sugar', quantity: 1, unit: 'cup' }, { ingredient: 'flour', quantity: 1, unit: 'cup' }] },
    { name: 'Vanilla cake', ingredients: [{ ingredient: 'vanilla', quantity: 2, unit: 'tsp' }, { ingredient: 'sugar', quantity: 250, unit: 'g' }] },
  ],
  finished_units: [
    { name: 'Cookie', recipe: 'cookies', items_per_batch: 10 },
    { name: 'Brownie', recipe: 'brownies', items_per_batch: 12 },
    { name: 'Cake slice', recipe: 'vanilla-cake', portion_percent: 12.5 },
  ],
  finished_goods: [
    { name: 'Tin of six', composition: [{ finished_unit: 'cookie', quantity: 6 }, { material_unit: 'one-tin', material_product: 'tin-12', quantity: 1 }] },
    {
      name: 'Gift box',
      composition: [
        { finished_good: 'tin-of-six', quantity: 1 },
        { finished_unit: 'cookie', quantity: 4 },
        { finished_unit: 'brownie', quantity: 3 },
        { material_unit: 'one-box', material_product: 'box-25', quantity: 1 },
        { material_unit: 'one-bow', material_product: 'ribbon-10yd', quantity: 1 },
      ],
    },
    { name: 'Crate', composition: [{ finished_good: 'gift-box', quantity: 2 }] },
  ],
  events: [
    {
      name: 'Fair',
      date: '2026-12-12',
      // 7 boxes + a crate (2 more boxes) + 3 tins + 25 loose cookies.
      targets: [{ finished_good: 'gift-box', quantity: 7 }, { finished_good: 'crate', quantity: 1 }, { finished_good: 'tin-of-six', quantity: 3 }, { finished_unit: 'cookie', quantity: 25 }],
      batch_decisions: [{ finished_unit: 'cookie', batches: 14 }, { finished_unit: 'brownie', batches: 2, shortfall_confirmed: true }],
    },
    {
      name: 'Vegan fair',
      date: '2026-12-13',
      targets: [{ finished_unit: 'cookie', quantity: 20 }],
      recipe_choices: [{ finished_unit: 'cookie', recipe: 'vegan-cookies' }],
      batch_decisions: [{ finished_unit: 'cookie', batches: 2 }],
    },
    { name: 'Gala', date: '2026-12-14', targets: [{ finished_unit: 'cake-slice', quantity: 20 }] },
  ],
};

describe('plan (verify)', { timeout: 120_000 }, () => {
  it('explosion 3 deep: 9 boxes x (6 + 4) + 3 tins x 6 + 25 = 133 cookies -> 14 batches (140, 7 waste); 27 brownies, 2 batches chosen (24, short 3)', async () => {
    const db = await bakery(PLANNER);
    const plan = await json('plan', db, 'fair');
    expect([plan.event, plan.state]).toEqual(['fair', 'draft']);
    expect(plan.batches).toEqual([
      { recipe: 'brownies', finished_unit: 'brownie', units_needed: 27, yield_per_batch: 12, batches: 2, total_units: 24, waste: 0, floor: { batches: 2, total_units: 24, short: 3 }, ceil: { batches: 3, total_units: 36, spare: 9 } },
      { recipe: 'cookies', finished_unit: 'cookie', units_needed: 133, yield_per_batch: 10, batches: 14, total_units: 140, waste: 7, floor: { batches: 13, total_units: 130, short: 3 }, ceil: { batches: 14, total_units: 140, spare: 7 } },
    ]);
  });

  it('aggregated per ingredient in the unit its lots use, sub-recipes multiplied through; cost from FIFO, else the latest price; the baseline adds packaging', async () => {
    const db = await bakery(PLANNER);
    const plan = await json('plan', db, 'fair');
    // butter: 14 x 50 g + 2 x 0.25 lb = 1.5432 + 0.5 lb, none on hand: at the latest price 4.00
    const butter = 700 / LB + 0.5;
    expect(plan.ingredients).toEqual([
      { ingredient: 'butter', display_name: 'Butter', quantity: expect.closeTo(butter, 9), unit: 'lb', cost_per_unit: 4, cost: expect.closeTo(butter * 4, 4) },
      // flour: 14 x 0.5 x 1 cup (glaze) = 7 cup = 28 oz = 1.75 lb at 1.00
      { ingredient: 'flour', display_name: 'Flour', quantity: 1.75, unit: 'lb', cost_per_unit: 1, cost: 1.75 },
      // sugar: 14 x 200 g + 2 x 100 g = 3 kg = all of 1 kg at 2.00 and 2 kg at 3.00 = 8.00
      { ingredient: 'sugar', display_name: 'Sugar', quantity: 3, unit: 'kg', cost_per_unit: expect.closeTo(8 / 3, 4), cost: 8 },
    ]);
    // 9 boxes' tins + 3 tins = 12; 9 boxes; 9 bows x 45.72 cm = 411.48 cm
    expect(plan.packaging).toEqual([
      { material: 'ribbon', quantity: 411.48, unit: 'cm' },
      { material: 'tin', quantity: 12, unit: 'each' },
      { material: 'window-box', quantity: 9, unit: 'each' },
    ]);
    // 8.17294 + 1.75 + 8 + tins 24 + boxes 9 + ribbon 411.48 / 914.4 x 5 = 2.25 -> 53.17294
    expect(plan.cost_baseline).toBeCloseTo(butter * 4 + 1.75 + 8 + 24 + 9 + 2.25, 4);
  });

  it('the recipe chosen within the family (a variant) is the one planned and priced: 2 batches of vegan cookies = 400 g sugar 0.80 + 0.5 lb flour 0.50', async () => {
    const db = await bakery(PLANNER);
    const plan = await json('plan', db, 'vegan-fair');
    expect(plan.batches).toEqual([
      { recipe: 'vegan-cookies', finished_unit: 'cookie', units_needed: 20, yield_per_batch: 10, batches: 2, total_units: 20, waste: 0, floor: null, ceil: { batches: 2, total_units: 20, spare: 0 } },
    ]);
    expect(plan.ingredients.map((i: { ingredient: string; quantity: number; unit: string; cost: number }) => [i.ingredient, i.quantity, i.unit, i.cost])).toEqual([
      ['flour', 0.5, 'lb', 0.5],
      ['sugar', 0.4, 'kg', 0.8],
    ]);
    expect(plan.packaging).toEqual([]);
    expect(plan.cost_baseline).toBe(1.3);
  });

  it('unknown stays unknown: vanilla never bought has no cost, so the baseline is null; 20 slices at 12.5 % -> 3 batches (24, 4 spare) with no decision', async () => {
    const db = await bakery(PLANNER);
    const plan = await json('plan', db, 'gala');
    expect(plan.batches).toEqual([
      { recipe: 'vanilla-cake', finished_unit: 'cake-slice', units_needed: 20, yield_per_batch: 8, batches: 3, total_units: 24, waste: 4, floor: { batches: 2, total_units: 16, short: 4 }, ceil: { batches: 3, total_units: 24, spare: 4 } },
    ]);
    expect(plan.ingredients).toEqual([
      // 3 x 250 g = 0.75 kg: 1 kg lot at 2.00 = 1.50
      { ingredient: 'sugar', display_name: 'Sugar', quantity: 0.75, unit: 'kg', cost_per_unit: 2, cost: 1.5 },
      // no lot: the recipe's unit
      { ingredient: 'vanilla', display_name: 'Vanilla', quantity: 6, unit: 'tsp', cost_per_unit: null, cost: null },
    ]);
    expect(plan.cost_baseline).toBeNull();
    const f = await json('feasibility', db, 'gala');
    expect(f.blockers.cost.map((b: { item: string }) => b.item)).toEqual(['vanilla']);
  });

  it("no lot: the recipe's unit of the first line met, recipes in slug order: 1 oz (alpha) + 10 g (beta) = 1.3527 oz, cost unknown", async () => {
    const db = await bakery({
      ingredients: [{ name: 'Salt' }],
      recipes: [
        { name: 'Beta', ingredients: [{ ingredient: 'salt', quantity: 10, unit: 'g' }] },
        { name: 'Alpha', ingredients: [{ ingredient: 'salt', quantity: 1, unit: 'oz' }, { ingredient: 'salt', quantity: 1, unit: 'g' }] },
      ],
      finished_units: [{ name: 'Beta bun', recipe: 'beta', items_per_batch: 1 }, { name: 'Alpha bun', recipe: 'alpha', items_per_batch: 1 }],
      events: [{ name: 'Buns', targets: [{ finished_unit: 'beta-bun', quantity: 1 }, { finished_unit: 'alpha-bun', quantity: 2 }] }],
    });
    const plan = await json('plan', db, 'buns');
    // 2 x (1 oz + 1 g) + 10 g = 2 oz + 12 g
    expect(plan.ingredients).toEqual([{ ingredient: 'salt', display_name: 'Salt', quantity: Number((2 + 12 / 28.349523125).toPrecision(12)), unit: 'oz', cost_per_unit: null, cost: null }]);
    expect(plan.cost_baseline).toBeNull();
  });
});
