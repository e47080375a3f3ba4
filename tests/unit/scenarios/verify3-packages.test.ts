/**
 * domain.md, Shopping list, third pass: whole packages when the ingredient's
 * products come in different units (a 2 kg bag, a 1 kg bag, a 5 lb bag) and
 * nothing is on hand; each product at its latest price; the cheapest
 * combination, a tie on cost and count settled by less left over
 * (domain-rules.md), the preferred product, and the unit an item is listed in
 * when every lot is empty (the newest lot's). Packaging sold by the yard and
 * used by the inch. Figures worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { LB } from './verify3-bakery';
import { bakery, json } from './verify-cli';

const spoiled = (quantity: number) => ({ adjustments: [{ date: '2026-01-10', reason: 'spoilage', quantity }] });

const BREAD = {
  ingredients: [{ name: 'Flour' }],
  products: [
    { slug: 'flour-2kg', ingredient: 'flour', name: 'Flour 2 kg', package_quantity: 2, package_unit: 'kg' },
    { slug: 'flour-1kg', ingredient: 'flour', name: 'Flour 1 kg', package_quantity: 1, package_unit: 'kg' },
    { slug: 'flour-5lb', ingredient: 'flour', name: 'Flour 5 lb', package_quantity: 5, package_unit: 'lb' },
  ],
  // Every bag bought and spoiled: nothing on hand; the latest prices are 4.00, 3.00 and 5.00 (the 2 kg bag's first price, 3.50, is older).
  purchases: [
    { product: 'flour-2kg', date: '2025-12-01', packages: 1, price_per_package: 3.5, lot: spoiled(2) },
    { product: 'flour-2kg', date: '2026-01-01', packages: 1, price_per_package: 4, lot: spoiled(2) },
    { product: 'flour-1kg', date: '2026-01-01', packages: 1, price_per_package: 3, lot: spoiled(1) },
    { product: 'flour-5lb', date: '2026-01-01', packages: 1, price_per_package: 5, lot: spoiled(5) },
  ],
  materials: [{ name: 'Ribbon', base_measure: 'length' }],
  material_products: [
    { slug: 'ribbon-10yd', material: 'ribbon', name: 'Ribbon 10 yd', package_quantity: 10, package_unit: 'yd' }, // 914.4 cm
    { slug: 'ribbon-5m', material: 'ribbon', name: 'Ribbon 5 m', package_quantity: 5, package_unit: 'm' }, // 500 cm
  ],
  material_units: [{ slug: 'one-bow', material: 'ribbon', name: 'one 20 in bow', quantity: 20, unit: 'in' }], // 50.8 cm
  material_purchases: [
    { material_product: 'ribbon-10yd', date: '2026-01-01', packages: 1, price_per_package: 6 },
    { material_product: 'ribbon-5m', date: '2026-01-01', packages: 1, price_per_package: 3.5 },
  ],
  // 320 g of flour a loaf
  recipes: [{ name: 'Bread', ingredients: [{ ingredient: 'flour', quantity: 320, unit: 'g' }] }],
  finished_units: [{ name: 'Loaf', recipe: 'bread', items_per_batch: 1 }],
  finished_goods: [{ name: 'Gift loaf', composition: [{ finished_unit: 'loaf', quantity: 1 }, { material_unit: 'one-bow', quantity: 1 }] }],
  events: [{ name: 'Market', targets: [{ finished_good: 'gift-loaf', quantity: 10 }], batch_decisions: [{ finished_unit: 'loaf', batches: 10 }] }],
};

describe('whole packages across units (verify, third pass)', { timeout: 120_000 }, () => {
  it('3.2 kg of flour with none on hand, listed in lb (the newest lot\'s unit): 5 lb + 1 kg for 8.00 (as cheap as 2 x 2 kg, as few packages, less left over)', async () => {
    const db = await bakery(BREAD);
    const list = await json('shopping-list', db, 'market');
    // 10 loaves x 320 g = 3200 g = 7.0548 lb. Covering it: 2 kg + 1 kg = 3000 g is short; 2 x 2 kg = 8.00 (800 g over);
    // 5 lb + 1 kg = 3267.96185 g = 8.00 (67.96185 g over); 2 kg + 5 lb = 9.00; 2 x 5 lb = 10.00; 4 x 1 kg = 12.00.
    expect(list.items).toEqual([
      {
        ingredient: 'flour',
        need: expect.closeTo(3200 / LB, 9),
        on_hand: 0,
        to_buy: expect.closeTo(3200 / LB, 9),
        unit: 'lb',
        packages: [{ product: 'Flour 5 lb', count: 1, cost: 5 }, { product: 'Flour 1 kg', count: 1, cost: 3 }],
        leftover: expect.closeTo(67.96185 / LB, 9),
      },
    ]);
    // Ribbon: 10 bows of 20 in = 508 cm; both rolls are on hand (914.4 + 500 cm): nothing to buy.
    expect(list.materials).toEqual([{ material: 'ribbon', need: 508, on_hand: 1414.4, to_buy: 0, unit: 'cm', packages: [] }]);
    expect(list.estimated_cost).toBe(8);
  });

  it('the preferred 1 kg bag: ceil(3200 / 1000) = 4 bags for 12.00, 800 g left over', async () => {
    const db = await bakery({ ...BREAD, products: BREAD.products.map((p) => (p.slug === 'flour-1kg' ? { ...p, preferred: true } : p)) });
    const [flour] = (await json('shopping-list', db, 'market')).items;
    expect([flour.packages, flour.leftover]).toEqual([[{ product: 'Flour 1 kg', count: 4, cost: 12 }], expect.closeTo(800 / LB, 9)]);
  });

  it('30 gift loaves: 30 x 50.8 = 1524 cm of ribbon, 1414.4 on hand; 109.6 cm to buy -> one 5 m roll (3.50), not a 10 yd one (6.00)', async () => {
    const db = await bakery({ ...BREAD, events: [{ name: 'Market', targets: [{ finished_good: 'gift-loaf', quantity: 30 }], batch_decisions: [{ finished_unit: 'loaf', batches: 30 }] }] });
    const list = await json('shopping-list', db, 'market');
    expect(list.materials).toEqual([
      { material: 'ribbon', need: 1524, on_hand: 1414.4, to_buy: expect.closeTo(109.6, 9), unit: 'cm', packages: [{ product: 'Ribbon 5 m', count: 1, cost: 3.5 }] },
    ]);
    // Flour: 30 x 320 g = 9600 g = 21.1644 lb. 4 x 2 kg + 1 x 5 lb = 10267.96 g for 21.00;
    // 3 x 5 lb + 1 x 2 kg + ... : 6803.89 + 2000 = 8803.89 short, + 1 kg = 9803.89 g for 15 + 4 + 3 = 22.00;
    // 5 x 2 kg = 10000 g for 20.00 (5 packages, 400 g over); 4 x 2 kg + 2 x 1 kg = 10000 g for 22.00. -> 5 x 2 kg, 20.00.
    const [flour] = list.items;
    expect([flour.packages, flour.leftover]).toEqual([[{ product: 'Flour 2 kg', count: 5, cost: 20 }], expect.closeTo(400 / LB, 9)]);
    expect(list.estimated_cost).toBe(23.5);
  });
});
