import { describe, expect, it } from 'vitest';
import { createIngredient } from '../../../../src/services/catalog/ingredients';
import { createProduct, updateProduct } from '../../../../src/services/catalog/products';
import { recordPurchase } from '../../../../src/services/pantry/purchases';
import { count, testDb } from '../../../helpers/db';
import { caught } from '../bakery';

async function teffPantry() {
  const db = await testDb();
  const teff = createIngredient(db, { name: 'Teff flour' });
  const bag = createProduct(db, { ingredientId: teff.id, brand: "Bob's Red Mill", name: 'Teff Flour', packageQuantity: 2, packageUnit: 'lb' });
  return { db, teff, bag };
}

describe('a product must be measurable with the ingredient it is for', () => {
  it('Teff flour (no density) sold in 2 lb bags: a 3 cup product is refused on packageUnit, naming the missing density', async () => {
    const { db, teff } = await teffPantry();
    const err = caught(() => createProduct(db, { ingredientId: teff.id, brand: 'Corner shop', name: 'Teff', packageQuantity: 3, packageUnit: 'cup' }));
    expect([err.code, err.details.field, err.details.needs]).toEqual(['MISSING_DENSITY', 'packageUnit', 'density']);
    expect(err.message).toBe('Teff flour has no density: set one to buy it by the cup.');
    expect(count(db, 'products')).toBe(1);
  });

  it('a 500 g bag is fine (another weight), and once 1 cup weighs 5.4 oz a 3 cup product is too', async () => {
    const { db, teff } = await teffPantry();
    createProduct(db, { ingredientId: teff.id, brand: 'Shop', name: 'Teff 500', packageQuantity: 500, packageUnit: 'g' });
    const withDensity = createIngredient(db, { name: 'Teff, measured', density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 5.4, weightUnit: 'oz' } });
    createProduct(db, { ingredientId: withDensity.id, brand: 'Shop', name: 'Bag', packageQuantity: 2, packageUnit: 'lb' });
    expect(createProduct(db, { ingredientId: withDensity.id, brand: 'Shop', name: 'Cup', packageQuantity: 3, packageUnit: 'cup' }).packageUnit).toBe('cup');
  });

  it('the same check on a purchase with a new product (nothing written) and on changing an unbought product to cups', async () => {
    const { db, teff } = await teffPantry();
    const other = createProduct(db, { ingredientId: teff.id, brand: 'Shop', name: 'Teff', packageQuantity: 1, packageUnit: 'kg' });
    const bought = caught(() =>
      recordPurchase(db, {
        newProduct: { ingredientId: teff.id, brand: 'Shop', name: 'Cup of teff', packageQuantity: 3, packageUnit: 'cup' },
        packages: 1,
        pricePerPackage: 4,
      }),
    );
    expect([bought.code, bought.details.field]).toEqual(['MISSING_DENSITY', 'packageUnit']);
    const edited = caught(() => updateProduct(db, { id: other.id, packageUnit: 'cup' }));
    expect([edited.code, edited.details.field]).toEqual(['MISSING_DENSITY', 'packageUnit']);
    expect([count(db, 'products'), count(db, 'purchases'), count(db, 'lots')]).toEqual([2, 0, 0]);
  });

  it('Eggs bought by the dozen, with no weight per each: a 2 lb product is refused naming the weight per each', async () => {
    const db = await testDb();
    const eggs = createIngredient(db, { name: 'Eggs' });
    createProduct(db, { ingredientId: eggs.id, brand: 'Farm', name: 'Large eggs', packageQuantity: 1, packageUnit: 'dozen' });
    const err = caught(() => createProduct(db, { ingredientId: eggs.id, brand: 'Farm', name: 'Liquid eggs', packageQuantity: 2, packageUnit: 'lb' }));
    expect([err.code, err.details.field, err.message]).toEqual(['MISSING_DENSITY', 'packageUnit', 'Eggs has no weight per each: set one to buy it by the lb.']);
  });
});

describe('duplicate products', () => {
  async function brownSugar() {
    const db = await testDb();
    const sugar = createIngredient(db, { name: 'Sugar, brown light' });
    const wegmans = createProduct(db, { ingredientId: sugar.id, brand: "Wegman's", name: 'Light Brown Sugar', packageQuantity: 2, packageUnit: 'lb' });
    return { db, sugar, wegmans };
  }

  it('"Wegman\'s Light Brown Sugar" again, however typed (no brand, other capitals, a curly apostrophe, extra spaces), is refused naming the 2 lb product', async () => {
    const { db, sugar, wegmans } = await brownSugar();
    const typings = [
      { brand: '', name: "Wegman's Light Brown Sugar" },
      { brand: 'WEGMAN’S', name: 'light  brown sugar' },
      { brand: '  Wegman\'s ', name: "Wegman's Light Brown Sugar" },
    ];
    for (const t of typings) {
      const err = caught(() => createProduct(db, { ingredientId: sugar.id, ...t, packageQuantity: 2, packageUnit: 'lb' }));
      expect([err.code, err.details.field, err.details.existingId], JSON.stringify(t)).toEqual(['DUPLICATE', 'name', wegmans.id]);
      expect(err.message).toContain("Wegman's Light Brown Sugar (2 lb)");
    }
    expect(count(db, 'products')).toBe(1);
  });

  it('a purchase that describes the same product as new is refused the same way, and nothing is written', async () => {
    const { db, sugar, wegmans } = await brownSugar();
    const err = caught(() =>
      recordPurchase(db, {
        newProduct: { ingredientId: sugar.id, brand: '', name: "Wegman's Light Brown Sugar", packageQuantity: 2, packageUnit: 'lb' },
        packages: 1,
        pricePerPackage: 3.49,
      }),
    );
    expect([err.code, err.details.field, err.details.existingId]).toEqual(['DUPLICATE', 'name', wegmans.id]);
    expect([count(db, 'products'), count(db, 'purchases')]).toEqual([1, 0]);
  });

  it('renaming another product to the same label is refused; a different name (Dark Brown Sugar) is fine', async () => {
    const { db, sugar } = await brownSugar();
    const other = createProduct(db, { ingredientId: sugar.id, brand: "Wegman's", name: 'Dark Brown Sugar', packageQuantity: 2, packageUnit: 'lb' });
    expect(caught(() => updateProduct(db, { id: other.id, brand: '', name: "wegman's light brown sugar" })).code).toBe('DUPLICATE');
  });
});

describe('a product form reports every wrong field at once', () => {
  it('no name, a package size of 0 and a bushel: details.fields lists all three, the first leads', async () => {
    const { db, teff } = await teffPantry();
    const err = caught(() => createProduct(db, { ingredientId: teff.id, name: '', packageQuantity: 0, packageUnit: 'bushel' }));
    expect(err.details.field).toBe('name');
    expect(err.message).toBe('Product name is required.');
    expect(Object.keys(err.details.fields as object)).toEqual(['name', 'packageQuantity', 'packageUnit']);
  });

  it('a 2,000,000 lb bag is more than the 1,000,000 a package may hold', async () => {
    const { db, teff } = await teffPantry();
    const err = caught(() => createProduct(db, { ingredientId: teff.id, name: 'Silo', packageQuantity: 2_000_000, packageUnit: 'lb' }));
    expect([err.details.field, err.message]).toEqual(['packageQuantity', 'Package size must be at most 1,000,000.']);
  });
});
