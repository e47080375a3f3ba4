/**
 * domain.md, Units and Recording a purchase, second pass: every conversion
 * constant exactly; ledger rows rounded half away from zero at 4 decimals
 * where the exact figure is a half (1 tsp of a 4 fl oz bottle at 12.99 is
 * 12.99 / 24 = 0.54125); packaging in mm, in, ft, yd, m, in², ft², m²;
 * a purchase's lot (packages x size, price / size) with odd sizes; editing a
 * purchase below what was used and deleting a used one refused, changing
 * nothing. Figures worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { UNITS, convert } from '../../../src/domain/units';
import { adjustLot } from '../../../src/services/pantry/adjustments';
import { deletePurchase, getPurchase, recordPurchase, updatePurchase } from '../../../src/services/pantry/purchases';
import { bakery, cli, hashOf, json, onFile, r4, refusedBy } from './verify-cli';

const PANTRY = {
  ingredients: [{ name: 'Vanilla' }, { name: 'Milk' }, { name: 'Chocolate' }, { name: 'Flour' }],
  products: [
    { slug: 'vanilla-4floz', ingredient: 'vanilla', name: 'Vanilla 4 fl oz', package_quantity: 4, package_unit: 'fl oz' },
    { slug: 'milk-gal', ingredient: 'milk', name: 'Milk 1 gal', package_quantity: 1, package_unit: 'gal' },
    { slug: 'choc-10oz', ingredient: 'chocolate', name: 'Chocolate 10 oz', package_quantity: 10, package_unit: 'oz' },
    { slug: 'flour-25lb', ingredient: 'flour', name: 'Flour 25 lb', package_quantity: 25, package_unit: 'lb' },
  ],
  purchases: [
    { product: 'vanilla-4floz', date: '2026-01-01', packages: 1, price_per_package: 12.99 }, // 118.29411825 ml
    { product: 'milk-gal', date: '2026-01-01', packages: 1, price_per_package: 4 }, // 3785.411784 ml, 1.00 a quart
    { product: 'choc-10oz', date: '2026-01-01', packages: 1, price_per_package: 4.5 }, // 0.45 an ounce
    { product: 'flour-25lb', date: '2026-01-01', packages: 1, price_per_package: 9.49 },
  ],
  recipes: [{ name: 'Custard', ingredients: [{ ingredient: 'vanilla', quantity: 1, unit: 'tsp' }, { ingredient: 'milk', quantity: 1, unit: 'fl oz' }] }],
  finished_units: [{ name: 'Custard cup', recipe: 'custard', items_per_batch: 1 }],
  materials: [
    { name: 'Ribbon', base_measure: 'length' },
    { name: 'Twine', base_measure: 'length' },
    { name: 'Tape', base_measure: 'length' },
    { name: 'Tissue', base_measure: 'area' },
    { name: 'Label', base_measure: 'area' },
  ],
  material_products: [
    { slug: 'ribbon-100ft', material: 'ribbon', name: 'Ribbon 100 ft', package_quantity: 100, package_unit: 'ft' }, // 3048 cm
    { slug: 'twine-50m', material: 'twine', name: 'Twine 50 m', package_quantity: 50, package_unit: 'm' }, // 5000 cm
    { slug: 'tape-10yd', material: 'tape', name: 'Tape 10 yd', package_quantity: 10, package_unit: 'yd' }, // 914.4 cm
    { slug: 'tissue-20ft2', material: 'tissue', name: 'Tissue 20 ft²', package_quantity: 20, package_unit: 'ft²' }, // 18580.608 cm²
    { slug: 'label-100in2', material: 'label', name: 'Labels 100 in²', package_quantity: 100, package_unit: 'in²' }, // 645.16 cm²
  ],
  material_units: [
    { slug: 'bow', material: 'ribbon', name: 'one 18 in bow', quantity: 18, unit: 'in' }, // 45.72 cm
    { slug: 'tie', material: 'twine', name: 'one 300 mm tie', quantity: 300, unit: 'mm' }, // 30 cm
    { slug: 'strip', material: 'tape', name: 'one 2 ft strip', quantity: 2, unit: 'ft' }, // 60.96 cm
    { slug: 'sheet', material: 'tissue', name: 'one m² sheet', quantity: 1, unit: 'm²' }, // 10000 cm²
    { slug: 'tag', material: 'label', name: 'one 4 in² tag', quantity: 4, unit: 'in²' }, // 25.8064 cm²
  ],
  material_purchases: [
    { material_product: 'ribbon-100ft', date: '2026-01-01', packages: 1, price_per_package: 30.48 }, // 0.01 a cm
    { material_product: 'twine-50m', date: '2026-01-01', packages: 1, price_per_package: 5 }, // 0.001 a cm
    { material_product: 'tape-10yd', date: '2026-01-01', packages: 1, price_per_package: 9.144 }, // 0.01 a cm
    { material_product: 'tissue-20ft2', date: '2026-01-01', packages: 1, price_per_package: 18.580608 }, // 0.001 a cm²
    { material_product: 'label-100in2', date: '2026-01-01', packages: 1, price_per_package: 6.4516 }, // 0.01 a cm²
  ],
  finished_goods: [
    {
      name: 'Parcel',
      composition: [
        { material_unit: 'bow', material_product: 'ribbon-100ft', quantity: 1 },
        { material_unit: 'tie', material_product: 'twine-50m', quantity: 2 },
        { material_unit: 'strip', material_product: 'tape-10yd', quantity: 1 },
        { material_unit: 'sheet', material_product: 'tissue-20ft2', quantity: 1 },
        { material_unit: 'tag', material_product: 'label-100in2', quantity: 1 },
      ],
    },
  ],
};

describe('units and purchases (verify, second pass)', { timeout: 120_000 }, () => {
  it('every factor of domain.md, exactly', () => {
    const factors = Object.fromEntries(Object.entries(UNITS).map(([u, d]) => [u, d.factor]));
    expect(factors).toEqual({
      g: 1, kg: 1000, oz: 28.349523125, lb: 453.59237,
      ml: 1, l: 1000, tsp: 4.92892159375, tbsp: 14.78676478125, 'fl oz': 29.5735295625, cup: 236.5882365, pt: 473.176473, qt: 946.352946, gal: 3785.411784,
      each: 1, dozen: 12,
      cm: 1, mm: 0.1, in: 2.54, ft: 30.48, yd: 91.44, m: 100,
      'cm²': 1, 'in²': 6.4516, 'ft²': 929.0304, 'm²': 10000,
    });
    // US customary relations the constants must keep: 16 oz = 1 lb, 3 tsp = 1 tbsp, 2 tbsp = 1 fl oz, 8 fl oz = 1 cup, 2 cup = 1 pt, 2 pt = 1 qt, 4 qt = 1 gal, 12 in = 1 ft, 3 ft = 1 yd, 144 in² = 1 ft².
    const same = (q: number, from: any, to: any, expected: number) => expect(r4(convert(q, from, to) * 1e6) / 1e6).toBe(expected);
    same(16, 'oz', 'lb', 1);
    same(3, 'tsp', 'tbsp', 1);
    same(2, 'tbsp', 'fl oz', 1);
    same(8, 'fl oz', 'cup', 1);
    same(2, 'cup', 'pt', 1);
    same(2, 'pt', 'qt', 1);
    same(4, 'qt', 'gal', 1);
    same(12, 'in', 'ft', 1);
    same(3, 'ft', 'yd', 1);
    same(144, 'in²', 'ft²', 1);
  });

  it('ledger rows round half away from zero: 1 tsp of a 4 fl oz bottle at 12.99 = 12.99 / 24 = 0.54125 -> 0.5413; 1 fl oz of a 1.00-a-quart gallon = 0.03125 -> 0.0313', async () => {
    const db = await bakery(PANTRY);
    const bake = await json('make', db, 'custard', '1');
    expect(bake.consumptions.map((c: any) => c.cost)).toEqual([0.5413, 0.0313]);
    expect(bake.total_cost).toBe(0.5726);
    // The dry run agrees: 3 tbsp = 12.99 x 3 / 8 = 4.87125 -> 4.8713; 1 l of milk = 4000 / 3785.411784 = 1.05668821 -> 1.0567.
    expect((await json('fifo', db, 'vanilla', '3', 'tbsp')).total_cost).toBe(4.8713);
    expect((await json('fifo', db, 'milk', '1', 'l')).total_cost).toBe(1.0567);
    // 100 g of a 10 oz bar at 4.50 = 100 / 28.349523125 x 0.45 = 1.58732829 -> 1.5873; 0.25 lb = 4 oz = 1.80.
    expect((await json('fifo', db, 'chocolate', '100', 'g')).total_cost).toBe(1.5873);
    expect((await json('fifo', db, 'chocolate', '0.25', 'lb')).total_cost).toBe(1.8);
    // 1 kg of a 25 lb bag at 9.49 = 1000 / 453.59237 / 25 x 9.49 = 0.83687475 -> 0.8369.
    expect((await json('fifo', db, 'flour', '1', 'kg')).total_cost).toBe(0.8369);
  });

  it('packaging in mm, in, ft, yd, m, in², ft², m²: a parcel = bow 45.72 cm 0.4572 + 2 ties 60 cm 0.06 + strip 60.96 cm 0.6096 + sheet 10000 cm² 10.00 + tag 25.8064 cm² 0.2581 = 11.3849', async () => {
    const db = await bakery(PANTRY);
    const parcel = await json('assemble', db, 'parcel', '1');
    expect(parcel.consumptions.map((c: any) => [c.item, r4(c.quantity), c.cost])).toEqual([
      ['ribbon', 45.72, 0.4572],
      ['twine', 60, 0.06],
      ['tape', 60.96, 0.6096],
      ['tissue', 10000, 10],
      ['label', 25.8064, 0.2581],
    ]);
    expect(parcel.total_cost).toBe(11.3849);
    const file = await cli('export', db);
    const lots = JSON.parse(file.out).material_purchases.map((p: any) => [p.material_product, r4(p.lot.quantity), r4(p.lot.remaining)]);
    // Listed in FIFO order (date, then as recorded), as the purchases were written.
    expect(lots).toEqual([
      ['ribbon-100ft', 3048, 3002.28],
      ['twine-50m', 5000, 4940],
      ['tape-10yd', 914.4, 853.44],
      ['tissue-20ft2', 18580.608, 8580.608],
      ['label-100in2', 645.16, 619.3536],
    ]);
  });

  it('a purchase of 3 bottles of 4 fl oz at 12.99 makes a lot of 354.88235475 ml at 12.99 / 118.29411825 a ml; it cannot be edited below what was used nor deleted once used', async () => {
    const db = await bakery(PANTRY);
    const bought = await onFile(db, (d) => recordPurchase(d, { productId: 1, packages: 3, pricePerPackage: 12.99, purchasedOn: '2025-12-01' }));
    expect(bought.purchase.product.displayName).toMatch(/Vanilla/);
    expect(r4(bought.purchase.quantity * 1e4)).toBe(r4(12 * 1e4)); // in the package's unit: 12 fl oz
    const lot = await json('fifo', db, 'vanilla', '12', 'fl oz');
    // The new, older lot first: all 12 fl oz of it = 3 x 12.99 = 38.97.
    expect(lot.draws.map((d: any) => [d.purchased_on, d.quantity, d.cost, d.empties_lot])).toEqual([['2025-12-01', 12, 38.97, true]]);

    // 7 custards use 7 tsp of it (= 7/6 fl oz); 1 bottle (4 fl oz) is still more than that, 0.25 bottle (1 fl oz) is not.
    for (let i = 0; i < 7; i++) await json('make', db, 'custard', '1');
    const before = hashOf(db);
    const id = bought.purchase.id;
    const below = await onFile(db, (d) => refusedBy(() => updatePurchase(d, { id, packages: 0.25 })));
    expect(below.code).toBe('VALIDATION');
    expect(below.details).toMatchObject({ field: 'packages', unit: 'fl oz' });
    expect(r4((below.details as any).used)).toBe(r4(7 / 6));
    const used = await onFile(db, (d) => refusedBy(() => deletePurchase(d, id)));
    expect(used.code).toBe('IN_USE');
    await onFile(db, (d) => {
      const p = getPurchase(d, id);
      expect([p.packages, p.pricePerPackage, r4(p.remaining), p.used, p.canDelete]).toEqual([3, 12.99, r4(12 - 7 / 6), true, false]);
    });
    // 1 bottle is allowed: 4 - 7/6 = 2.8333 fl oz left, at the same unit cost.
    await onFile(db, (d) => updatePurchase(d, { id, packages: 1 }));
    await onFile(db, (d) => expect(r4(getPurchase(d, id).remaining)).toBe(r4(4 - 7 / 6)));
    expect(before).not.toBe(hashOf(db));
  });

  it('an adjustment costs its quantity at the lot unit cost (0.5 fl oz of vanilla spoiled = 12.99 / 8 = 1.62375 -> 1.6238); "other" needs a note; more than the lot holds is refused', async () => {
    const db = await bakery(PANTRY);
    const result = await onFile(db, (d) => adjustLot(d, { lotId: 1, quantity: 0.5, unit: 'fl oz', reason: 'spoilage', adjustedOn: '2026-01-02' }));
    expect([result.adjustment.cost, result.adjustment.direction]).toEqual([1.6238, 'remove']);
    expect([result.lot.unit, r4(result.lot.quantityRemaining)]).toEqual(['ml', r4(3.5 * 29.5735295625)]);
    const before = hashOf(db);
    await onFile(db, (d) => {
      expect(refusedBy(() => adjustLot(d, { lotId: 1, quantity: 1, unit: 'tsp', reason: 'other' })).code).toBe('VALIDATION');
      expect(refusedBy(() => adjustLot(d, { lotId: 1, quantity: 4, unit: 'fl oz', reason: 'gift' })).message).toMatch(/3\.5 fl oz/);
      expect(refusedBy(() => adjustLot(d, { lotId: 1, quantity: 1, unit: 'g', reason: 'gift' })).message).toMatch(/density|convert|measure/i);
    });
    const left = await json('fifo', db, 'vanilla', '3.5', 'fl oz');
    expect([left.enough, left.total_cost]).toEqual([true, r4((12.99 * 3.5) / 4)]); // 11.36625 -> 11.3663
    expect(left.total_cost).toBe(11.3663);
    expect(hashOf(db)).toBe(before);
  });
});
