import { describe, expect, it } from 'vitest';
import { createIngredient } from '../../../../src/services/catalog/ingredients';
import { createProduct, deleteProduct, getProduct, listProducts, searchProducts, updateProduct } from '../../../../src/services/catalog/products';
import { createSupplier, listSuppliers, updateSupplier } from '../../../../src/services/catalog/suppliers';
import { recordPurchase } from '../../../../src/services/pantry/purchases';
import { count, testDb } from '../../../helpers/db';
import { caught, flourPantry } from '../bakery';

describe('products', () => {
  it("a product's slug comes from brand and name, and its last price from its newest purchase", async () => {
    const db = await testDb();
    const { smallBag } = flourPantry(db);
    expect(smallBag.slug).toBe('king-arthur-unbleached-all-purpose');
    recordPurchase(db, { productId: smallBag.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 9 });
    recordPurchase(db, { productId: smallBag.id, purchasedOn: '2026-03-01', packages: 1, pricePerPackage: 9.75 });
    expect(getProduct(db, smallBag.id)).toMatchObject({ lastPricePerPackage: 9.75, lastPurchasedOn: '2026-03-01', purchaseCount: 2 });
  });

  it('only leaves get products: "Flours" is a group, so a product on it is refused naming the ingredient field', async () => {
    const db = await testDb();
    const { flours } = flourPantry(db);
    const err = caught(() => createProduct(db, { ingredientId: flours.id, brand: 'Any', name: 'Flour', packageQuantity: 5, packageUnit: 'lb' }));
    expect([err.code, err.details.field]).toEqual(['VALIDATION', 'ingredientId']);
  });

  it('bad packages name their field: a bushel, zero pounds, a ribbon length, a duplicate name, a bad barcode', async () => {
    const db = await testDb();
    const { flour } = flourPantry(db);
    const base = { ingredientId: flour.id, brand: 'Farm', name: 'Sack', packageQuantity: 5, packageUnit: 'lb' };
    const cases: [object, string, string][] = [
      [{ packageUnit: 'bushel' }, 'UNKNOWN_UNIT', 'packageUnit'],
      [{ packageQuantity: 0 }, 'VALIDATION', 'packageQuantity'],
      [{ packageUnit: 'yd' }, 'VALIDATION', 'packageUnit'],
      [{ brand: 'king arthur', name: 'UNBLEACHED all-purpose' }, 'DUPLICATE', 'name'],
      [{ gtin: '12-ab' }, 'VALIDATION', 'gtin'],
      [{ name: '' }, 'VALIDATION', 'name'],
    ];
    for (const [change, code, field] of cases) {
      const err = caught(() => createProduct(db, { ...base, ...change }));
      expect([err.code, err.details.field], JSON.stringify(change)).toEqual([code, field]);
    }
    expect(count(db, 'products')).toBe(2);
  });

  it('once bought, a bag size cannot change (make a new product), but its name and flags can', async () => {
    const db = await testDb();
    const { smallBag } = flourPantry(db);
    recordPurchase(db, { productId: smallBag.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 9 });
    const err = caught(() => updateProduct(db, { id: smallBag.id, packageQuantity: 5 }));
    expect([err.code, err.details.field]).toEqual(['IN_USE', 'packageQuantity']);
    expect(updateProduct(db, { id: smallBag.id, name: 'AP Flour', hidden: true })).toMatchObject({ name: 'AP Flour', hidden: true, slug: smallBag.slug });
    expect(listProducts(db, { ingredientId: smallBag.ingredient.id }).map((p) => p.id)).not.toContain(smallBag.id);
  });

  it('refused edits and deletes change nothing: a bought bag resized, a name taken in other capitals, a bushel, a bought product deleted', async () => {
    const db = await testDb();
    const { smallBag, bigBag } = flourPantry(db);
    recordPurchase(db, { productId: smallBag.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 9 });
    const rows = () => db.engine.all('SELECT * FROM products ORDER BY id');
    const before = rows();
    const refused: [Parameters<typeof updateProduct>[1], string, string][] = [
      [{ id: smallBag.id, packageUnit: 'kg' }, 'IN_USE', 'packageUnit'],
      [{ id: smallBag.id, packageQuantity: 25, name: 'Renamed' }, 'IN_USE', 'packageQuantity'],
      [{ id: bigBag.id, brand: 'KING ARTHUR', name: 'unbleached  ALL-PURPOSE' }, 'DUPLICATE', 'name'],
      [{ id: bigBag.id, packageUnit: 'bushel' }, 'UNKNOWN_UNIT', 'packageUnit'],
      [{ id: bigBag.id, packageQuantity: Number.NaN }, 'VALIDATION', 'packageQuantity'],
      [{ id: bigBag.id, name: ' ' }, 'VALIDATION', 'name'],
    ];
    for (const [update, code, field] of refused) {
      const err = caught(() => updateProduct(db, update));
      expect([err.code, err.details.field], JSON.stringify(update)).toEqual([code, field]);
    }
    expect(caught(() => deleteProduct(db, smallBag.id)).code).toBe('IN_USE');
    expect(rows()).toEqual(before);
  });

  it('one preferred product per ingredient: preferring the big bag un-prefers the small one', async () => {
    const db = await testDb();
    const { smallBag, bigBag } = flourPantry(db);
    updateProduct(db, { id: smallBag.id, preferred: true });
    updateProduct(db, { id: bigBag.id, preferred: true });
    expect([getProduct(db, smallBag.id).preferred, getProduct(db, bigBag.id).preferred]).toEqual([false, true]);
  });

  it('a product with purchases cannot be deleted; an unbought one can', async () => {
    const db = await testDb();
    const { smallBag, bigBag } = flourPantry(db);
    recordPurchase(db, { productId: smallBag.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 9 });
    expect(caught(() => deleteProduct(db, smallBag.id)).code).toBe('IN_USE');
    deleteProduct(db, bigBag.id);
    expect(count(db, 'products')).toBe(1);
  });

  it('type-ahead finds products by the start of a word of brand, name or ingredient: "gold" finds Gold Medal (not Kerrygold), "flour" finds both bags', async () => {
    const db = await testDb();
    flourPantry(db);
    const butter = createIngredient(db, { name: 'Butter' });
    createProduct(db, { ingredientId: butter.id, brand: 'Kerrygold', name: 'Unsalted', packageQuantity: 8, packageUnit: 'oz' });
    expect(searchProducts(db, { query: 'gold' }).map((p) => p.displayName)).toEqual(['Gold Medal All-Purpose']);
    expect(searchProducts(db, { query: 'kery unsalted' }).map((p) => p.displayName)).toEqual(['Kerrygold Unsalted']);
    expect(searchProducts(db, { query: 'flour' }).map((p) => p.brand).sort()).toEqual(['Gold Medal', 'King Arthur']);
    expect(searchProducts(db, { query: 'butter', limit: 5 }).map((p) => p.ingredient.name)).toEqual(['Butter']);
  });
});

describe('suppliers', () => {
  it('a shop and a website, listed active first; names are unique ignoring case', async () => {
    const db = await testDb();
    const costco = createSupplier(db, { name: 'Costco', location: 'Waltham, MA' });
    createSupplier(db, { name: 'King Arthur Baking', kind: 'online' });
    updateSupplier(db, { id: costco.id, active: false });
    expect(listSuppliers(db).map((s) => [s.name, s.kind, s.active])).toEqual([
      ['King Arthur Baking', 'online', true],
      ['Costco', 'physical', false],
    ]);
    expect(caught(() => createSupplier(db, { name: 'COSTCO' })).code).toBe('DUPLICATE');
    expect(caught(() => createSupplier(db, { name: 'Shop', kind: 'barn' as never })).details.field).toBe('kind');
  });

  it('a supplier name is unique in any alphabet and never blank; refused edits change nothing', async () => {
    const db = await testDb();
    createSupplier(db, { name: 'Épicerie Fine' });
    const bakery = createSupplier(db, { name: 'Bakers  Supply ' });
    expect(bakery.name).toBe('Bakers Supply');
    const before = db.engine.all('SELECT * FROM suppliers ORDER BY id');
    expect([caught(() => createSupplier(db, { name: 'ÉPICERIE FINE' })).code, caught(() => createSupplier(db, { name: '\t ' })).details.field]).toEqual(['DUPLICATE', 'name']);
    const taken = caught(() => updateSupplier(db, { id: bakery.id, name: 'épicerie fine', location: 'Paris' }));
    expect([taken.code, taken.details.field]).toEqual(['DUPLICATE', 'name']);
    expect(caught(() => updateSupplier(db, { id: bakery.id, kind: 'barn' as never, notes: 'x' })).details.field).toBe('kind');
    expect(db.engine.all('SELECT * FROM suppliers ORDER BY id')).toEqual(before);
  });
});
