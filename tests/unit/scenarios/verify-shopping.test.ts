/**
 * domain.md, Shopping list: need for the batches not yet produced, on hand
 * over every lot (converted), to buy = max(0, need - on hand), whole
 * packages (the preferred product, else the cheapest combination at each
 * product's latest price, ties: fewer packages), leftover and estimated
 * cost; packaging for the goods not yet assembled. Worked by hand in the
 * comments; driven through `make --event` and `shopping-list --json`.
 */
import { describe, expect, it } from 'vitest';
import { bakery, json } from './verify-cli';

const LB = 453.59237;

const MARKET = {
  ingredients: [
    { name: 'Flour' },
    { name: 'Sugar', density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 200, weight_unit: 'g' } },
    { name: 'Eggs' },
  ],
  products: [
    { slug: 'flour-25', ingredient: 'flour', name: 'Flour 25 lb', package_quantity: 25, package_unit: 'lb' },
    { slug: 'flour-10', ingredient: 'flour', name: 'Flour 10 lb', package_quantity: 10, package_unit: 'lb' },
    { slug: 'flour-5', ingredient: 'flour', name: 'Flour 5 lb', package_quantity: 5, package_unit: 'lb' },
    { slug: 'sugar-4lb', ingredient: 'sugar', name: 'Sugar 4 lb', package_quantity: 4, package_unit: 'lb', preferred: true },
    { slug: 'sugar-10lb', ingredient: 'sugar', name: 'Sugar 10 lb', package_quantity: 10, package_unit: 'lb' },
    { slug: 'eggs-10', ingredient: 'eggs', name: 'Eggs 10', package_quantity: 10, package_unit: 'each' },
    { slug: 'eggs-5', ingredient: 'eggs', name: 'Eggs 5', package_quantity: 5, package_unit: 'each' },
  ],
  purchases: [
    { product: 'flour-25', date: '2026-01-01', packages: 1, price_per_package: 9 },
    { product: 'flour-10', date: '2026-01-02', packages: 1, price_per_package: 4.2 },
    { product: 'flour-5', date: '2026-01-03', packages: 1, price_per_package: 2.49 },
    { product: 'flour-25', date: '2026-03-01', packages: 1, price_per_package: 9.49 }, // the 25 lb bag's latest price
    { product: 'sugar-4lb', date: '2026-01-01', packages: 1, price_per_package: 3.99 },
    { product: 'sugar-10lb', date: '2026-01-02', packages: 1, price_per_package: 5 },
    { product: 'eggs-10', date: '2026-01-01', packages: 1, price_per_package: 4 }, // 0.40 an egg
    { product: 'eggs-5', date: '2026-01-01', packages: 1, price_per_package: 2 }, // 0.40 an egg
  ],
  materials: [{ name: 'Loaf box', base_measure: 'each' }],
  material_products: [
    { slug: 'box-2pk', material: 'loaf-box', name: 'Loaf boxes 2', package_quantity: 2, package_unit: 'each' },
    { slug: 'box-6pk', material: 'loaf-box', name: 'Loaf boxes 6', package_quantity: 6, package_unit: 'each' },
  ],
  material_units: [{ slug: 'one-box', material: 'loaf-box', name: 'one box', quantity: 1 }],
  material_purchases: [{ material_product: 'box-2pk', date: '2026-01-01', packages: 1, price_per_package: 3 }],
  recipes: [{ name: 'Bread', ingredients: [{ ingredient: 'flour', quantity: 9, unit: 'lb' }, { ingredient: 'sugar', quantity: 3, unit: 'kg' }, { ingredient: 'eggs', quantity: 5, unit: 'each' }] }],
  finished_units: [{ name: 'Loaf', recipe: 'bread', items_per_batch: 1 }],
  finished_goods: [{ name: 'Boxed loaf', composition: [{ finished_unit: 'loaf', quantity: 1 }, { material_unit: 'one-box', material_product: 'box-2pk', quantity: 1 }] }],
  events: [
    { name: 'Market', targets: [{ finished_unit: 'loaf', quantity: 8 }], batch_decisions: [{ finished_unit: 'loaf', batches: 8 }] },
    { name: 'Boxes', targets: [{ finished_good: 'boxed-loaf', quantity: 3 }] },
    { name: 'Big', targets: [{ finished_unit: 'loaf', quantity: 12 }] },
  ],
};

describe('shopping list (verify)', { timeout: 120_000 }, () => {
  it('8 batches decided, 1 baked for the event: need for 7; cheapest packages, the preferred one, a tie won by fewer packages', async () => {
    const db = await bakery(MARKET);
    await json('make', db, 'bread', '1', '--event', 'market');
    // After the bake: flour 65 - 9 = 56 lb; sugar 14 lb - 3 kg (the 4 lb bag, then 2.6139 lb of the 10 lb bag); eggs 15 - 5 = 10.
    const sugarNeed = 21000 / LB; // 7 x 3 kg, in lb: the unit of the first lot with stock (the 10 lb bag)
    const sugarOnHand = 14 - 3000 / LB;
    const sugarToBuy = sugarNeed - sugarOnHand; // 38.9109 lb: 10 of the preferred 4 lb bag at 3.99
    const list = await json('shopping-list', db, 'market');
    expect(list).toEqual({
      event: 'market',
      items: [
        // 35 eggs, 10 on hand: 25 = 2 x 10 + 1 x 5 for 10.00 (as cheap as 5 x 5, in fewer packages)
        { ingredient: 'eggs', need: 35, on_hand: 10, to_buy: 25, unit: 'each', packages: [{ product: 'Eggs 10', count: 2, cost: 8 }, { product: 'Eggs 5', count: 1, cost: 2 }], leftover: 0 },
        // 63 lb, 56 on hand: 7 lb -> one 10 lb bag at 4.20 (not 2 x 5 lb at 4.98), 3 lb left over
        { ingredient: 'flour', need: 63, on_hand: 56, to_buy: 7, unit: 'lb', packages: [{ product: 'Flour 10 lb', count: 1, cost: 4.2 }], leftover: 3 },
        {
          ingredient: 'sugar',
          need: expect.closeTo(sugarNeed, 9),
          on_hand: expect.closeTo(sugarOnHand, 9),
          to_buy: expect.closeTo(sugarToBuy, 9),
          unit: 'lb',
          packages: [{ product: 'Sugar 4 lb', count: 10, cost: 39.9 }],
          leftover: expect.closeTo(40 - sugarToBuy, 9),
        },
      ],
      materials: [],
      estimated_cost: 54.1,
    });
  });

  it('packaging for goods not yet assembled: 3 boxed loaves, 2 boxes on hand -> 1 more of the product the good names (3.00); sugar 9 kg - 14 lb -> 2 preferred bags', async () => {
    const db = await bakery(MARKET);
    const list = await json('shopping-list', db, 'boxes');
    const sugarToBuy = 9000 / LB - 14;
    expect(list.items).toEqual([
      { ingredient: 'eggs', need: 15, on_hand: 15, to_buy: 0, unit: 'each', packages: [], leftover: 0 },
      { ingredient: 'flour', need: 27, on_hand: 65, to_buy: 0, unit: 'lb', packages: [], leftover: 0 },
      { ingredient: 'sugar', need: expect.closeTo(9000 / LB, 9), on_hand: 14, to_buy: expect.closeTo(sugarToBuy, 9), unit: 'lb', packages: [{ product: 'Sugar 4 lb', count: 2, cost: 7.98 }], leftover: expect.closeTo(8 - sugarToBuy, 9) },
    ]);
    expect(list.materials).toEqual([{ material: 'loaf-box', need: 3, on_hand: 2, to_buy: 1, unit: 'each', packages: [{ product: 'Loaf boxes 2', count: 1, cost: 3 }] }]);
    expect(list.estimated_cost).toBe(10.98);

    // Bake 2 of the 3 batches and box 2 loaves (both boxes): left, 1 batch and 1 box. Sugar: 3 kg needed, 14 lb - 6 kg on hand.
    await json('make', db, 'bread', '2', '--event', 'boxes');
    await json('assemble', db, 'boxed-loaf', '2', '--event', 'boxes');
    const after = await json('shopping-list', db, 'boxes');
    const left = 3000 / LB - (14 - 6000 / LB);
    expect(after.items).toEqual([
      { ingredient: 'eggs', need: 5, on_hand: 5, to_buy: 0, unit: 'each', packages: [], leftover: 0 },
      { ingredient: 'flour', need: 9, on_hand: 47, to_buy: 0, unit: 'lb', packages: [], leftover: 0 },
      { ingredient: 'sugar', need: expect.closeTo(3000 / LB, 9), on_hand: expect.closeTo(14 - 6000 / LB, 9), to_buy: expect.closeTo(left, 9), unit: 'lb', packages: [{ product: 'Sugar 4 lb', count: 2, cost: 7.98 }], leftover: expect.closeTo(8 - left, 9) },
    ]);
    expect(after.materials).toEqual([{ material: 'loaf-box', need: 1, on_hand: 0, to_buy: 1, unit: 'each', packages: [{ product: 'Loaf boxes 2', count: 1, cost: 3 }] }]);
    expect(after.estimated_cost).toBe(10.98);
  });

  it("each product at its latest price: 43 lb = 25 lb (9.49, not the first bag's 9.00) + 2 x 10 lb = 17.89, 2 left over; 45 eggs = 4 x 10 + 5", async () => {
    const db = await bakery(MARKET);
    const list = await json('shopping-list', db, 'big');
    const sugarToBuy = 36000 / LB - 14; // 12 x 3 kg, 14 lb on hand: 17 bags of 4 lb
    expect(list.items).toEqual([
      { ingredient: 'eggs', need: 60, on_hand: 15, to_buy: 45, unit: 'each', packages: [{ product: 'Eggs 10', count: 4, cost: 16 }, { product: 'Eggs 5', count: 1, cost: 2 }], leftover: 0 },
      { ingredient: 'flour', need: 108, on_hand: 65, to_buy: 43, unit: 'lb', packages: [{ product: 'Flour 25 lb', count: 1, cost: 9.49 }, { product: 'Flour 10 lb', count: 2, cost: 8.4 }], leftover: 2 },
      { ingredient: 'sugar', need: expect.closeTo(36000 / LB, 9), on_hand: 14, to_buy: expect.closeTo(sugarToBuy, 9), unit: 'lb', packages: [{ product: 'Sugar 4 lb', count: 17, cost: 67.83 }], leftover: expect.closeTo(68 - sugarToBuy, 9) },
    ]);
    expect(list.estimated_cost).toBe(103.72);
  });
});
