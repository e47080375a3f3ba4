import { describe, expect, it } from 'vitest';
import { adjustLot, undoAdjustment } from '../../../../src/services/pantry/adjustments';
import { consumeFifo } from '../../../../src/services/pantry/fifo';
import { deletePurchase, getPurchase, listPurchases, recordPurchase, updatePurchase } from '../../../../src/services/pantry/purchases';
import { createIngredient } from '../../../../src/services/catalog/ingredients';
import { createSupplier } from '../../../../src/services/catalog/suppliers';
import { count, testDb } from '../../../helpers/db';
import { GRAMS_PER_LB, caught, flourPantry, lotRemaining } from '../bakery';

function snapshot(db: Awaited<ReturnType<typeof testDb>>) {
  return {
    purchases: db.engine.all('SELECT * FROM purchases ORDER BY id'),
    lots: db.engine.all('SELECT * FROM lots ORDER BY id'),
    products: db.engine.all('SELECT * FROM products ORDER BY id'),
  };
}

describe('recording a purchase', () => {
  it('2 bags of 25 lb at 18.99 make one lot of 50 lb at 0.7596 per lb, stored in grams', async () => {
    const db = await testDb();
    const { flour } = flourPantry(db);
    const costco = createSupplier(db, { name: 'Costco' });
    const { purchase, lot } = recordPurchase(db, {
      newProduct: { ingredientId: flour.id, brand: 'King Arthur', name: 'Big Bag', packageQuantity: 25, packageUnit: 'lb' },
      supplierId: costco.id,
      purchasedOn: '2026-03-02',
      packages: 2,
      pricePerPackage: 18.99,
      expiresOn: '2027-03-01',
      location: 'basement',
    });

    expect(purchase).toMatchObject({ packages: 2, pricePerPackage: 18.99, quantity: 50, remaining: 50, unit: 'lb', supplier: { name: 'Costco' } });
    expect(purchase.totalPrice).toBeCloseTo(37.98, 12);
    expect(lot).toMatchObject({ dimension: 'weight', unit: 'g', purchasedOn: '2026-03-02', expiresOn: '2027-03-01', location: 'basement' });
    expect(lot.quantityInitial).toBeCloseTo(50 * GRAMS_PER_LB, 9);
    expect(lot.quantityRemaining).toBe(lot.quantityInitial);
    expect(lot.unitCost! * GRAMS_PER_LB).toBeCloseTo(18.99 / 25, 12);
  });

  it('without a date, the purchase is dated today (the transaction clock)', async () => {
    const db = await testDb();
    const { smallBag } = flourPantry(db);
    const { purchase } = recordPurchase(db, { productId: smallBag.id, packages: 1, pricePerPackage: 9 });
    expect(purchase.purchasedOn).toBe('2026-11-26');
  });

  it('2 cartons of a dozen eggs at 4.50 become a count lot of 24 each at 0.375 each', async () => {
    const db = await testDb();
    const eggs = createIngredient(db, { name: 'Eggs', eachWeight: { qty: 50, unit: 'g' } });
    const { lot, purchase } = recordPurchase(db, {
      newProduct: { ingredientId: eggs.id, brand: 'Pete and Gerry', name: 'Large', packageQuantity: 1, packageUnit: 'dozen' },
      packages: 2,
      pricePerPackage: 4.5,
    });
    expect(lot).toMatchObject({ dimension: 'count', unit: 'each', quantityInitial: 24, unitCost: 0.375 });
    expect(purchase).toMatchObject({ quantity: 2, unit: 'dozen' });
  });

  it('bad input names its field and changes nothing: zero packages, a negative price, a bushel, no product, a bad date', async () => {
    const db = await testDb();
    const { smallBag, flour } = flourPantry(db);
    const before = snapshot(db);
    const cases: [Parameters<typeof recordPurchase>[1], string, string][] = [
      [{ productId: smallBag.id, packages: 0, pricePerPackage: 9 }, 'VALIDATION', 'packages'],
      [{ productId: smallBag.id, packages: -2, pricePerPackage: 9 }, 'VALIDATION', 'packages'],
      [{ productId: smallBag.id, packages: 1, pricePerPackage: -1 }, 'VALIDATION', 'pricePerPackage'],
      [{ packages: 1, pricePerPackage: 1 }, 'VALIDATION', 'productId'],
      [{ productId: smallBag.id, packages: 1, pricePerPackage: 1, purchasedOn: '2026-02-30' }, 'VALIDATION', 'purchasedOn'],
      [{ productId: smallBag.id, packages: Number.NaN, pricePerPackage: 1 }, 'VALIDATION', 'packages'],
      [{ productId: smallBag.id, packages: 1, pricePerPackage: '' as unknown as number }, 'VALIDATION', 'pricePerPackage'],
      [{ productId: smallBag.id, packages: 1, pricePerPackage: 1, expiresOn: '2027-02-29' }, 'VALIDATION', 'expiresOn'],
      [{ productId: smallBag.id, newProduct: { ingredientId: flour.id, name: 'Sack', packageQuantity: 1, packageUnit: 'lb' }, packages: 1, pricePerPackage: 1 }, 'VALIDATION', 'productId'],
      [{ newProduct: { ingredientId: flour.id, brand: 'KING ARTHUR', name: 'unbleached all-purpose', packageQuantity: 1, packageUnit: 'lb' }, packages: 1, pricePerPackage: 1 }, 'DUPLICATE', 'name'],
      [{ productId: smallBag.id, packages: 1, pricePerPackage: 1, supplierId: 999 }, 'VALIDATION', 'supplierId'],
      [{ productId: 999, packages: 1, pricePerPackage: 1 }, 'NOT_FOUND', 'productId'],
      [{ newProduct: { ingredientId: 999, name: 'Sack', packageQuantity: 1, packageUnit: 'lb' }, packages: 1, pricePerPackage: 1 }, 'NOT_FOUND', 'ingredientId'],
      [{ newProduct: { ingredientId: flour.id, brand: 'Farm', name: 'Sack', packageQuantity: 1, packageUnit: 'bushel' }, packages: 1, pricePerPackage: 1 }, 'UNKNOWN_UNIT', 'packageUnit'],
      [{ newProduct: { ingredientId: flour.id, brand: 'Farm', name: 'Sack', packageQuantity: 0, packageUnit: 'lb' }, packages: 1, pricePerPackage: 1 }, 'VALIDATION', 'packageQuantity'],
    ];
    for (const [input, code, field] of cases) {
      const err = caught(() => recordPurchase(db, input));
      expect([err.code, err.details.field], JSON.stringify(input)).toEqual([code, field]);
    }
    expect(snapshot(db)).toEqual(before);
  });
});

describe('editing and deleting a purchase', () => {
  it('buying 3 bags instead of 2, at 17.50 instead of 18.99, rewrites the lot: initial 30 lb, remaining 30 - used, new unit cost', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { purchase, lot } = recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-01-01', packages: 2, pricePerPackage: 18.99 });
    consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 4, unit: 'lb' });

    const edited = updatePurchase(db, { id: purchase.id, packages: 3, pricePerPackage: 17.5 });

    expect(edited.purchase).toMatchObject({ packages: 3, pricePerPackage: 17.5, quantity: 30 });
    expect(edited.purchase.remaining).toBeCloseTo(26, 9);
    expect(edited.lot.quantityInitial / GRAMS_PER_LB).toBeCloseTo(30, 12);
    expect(lotRemaining(db, lot.id) / GRAMS_PER_LB).toBeCloseTo(26, 9);
    expect(edited.lot.unitCost! * GRAMS_PER_LB).toBeCloseTo(1.75, 12);
  });

  it('a purchase cannot shrink below what was already used: 12 lb used of 2 x 10 lb, so 1 bag is refused and nothing changes', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { purchase } = recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-01-01', packages: 2, pricePerPackage: 9 });
    consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 12, unit: 'lb' });
    const before = snapshot(db);

    const err = caught(() => updatePurchase(db, { id: purchase.id, packages: 1 }));

    expect(err.code).toBe('VALIDATION');
    expect(err.details.field).toBe('packages');
    expect(err.message).toContain('12 lb of this purchase has already been used');
    expect(snapshot(db)).toEqual(before);
    // Exactly what was used is allowed: 1.2 bags leaves an empty lot.
    expect(updatePurchase(db, { id: purchase.id, packages: 1.2 }).lot.empty).toBe(true);
  });

  it('a bad edit names its field and changes nothing: 30 February, a negative price, NaN or "" bags, an unknown supplier', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { purchase } = recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-01-01', packages: 2, pricePerPackage: 9 });
    const before = snapshot(db);
    const cases: [Omit<Parameters<typeof updatePurchase>[1], 'id'>, string][] = [
      [{ purchasedOn: '2026-02-30' }, 'purchasedOn'],
      [{ purchasedOn: '' }, 'purchasedOn'],
      [{ pricePerPackage: -0.01 }, 'pricePerPackage'],
      [{ pricePerPackage: Number.POSITIVE_INFINITY }, 'pricePerPackage'],
      [{ packages: Number.NaN }, 'packages'],
      [{ packages: '' as unknown as number }, 'packages'],
      [{ packages: 0, notes: 'typo' }, 'packages'],
      [{ supplierId: 999 }, 'supplierId'],
      [{ expiresOn: '2026-13-01' }, 'expiresOn'],
    ];
    for (const [change, field] of cases) {
      const err = caught(() => updatePurchase(db, { id: purchase.id, ...change }));
      expect([err.code, err.details.field], JSON.stringify(change)).toEqual(['VALIDATION', field]);
    }
    expect(snapshot(db)).toEqual(before);
  });

  it('so many bags that the pounds overflow to Infinity are refused naming the packages field', async () => {
    const db = await testDb();
    const { smallBag } = flourPantry(db);
    const err = caught(() => recordPurchase(db, { productId: smallBag.id, packages: 1e306, pricePerPackage: 9 }));
    expect([err.code, err.details.field]).toEqual(['VALIDATION', 'packages']);
    expect(count(db, 'lots')).toBe(0);
  });

  it('moving the purchase date moves the lot in FIFO order', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const a = recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 9 });
    const b = recordPurchase(db, { productId: pantry.bigBag.id, purchasedOn: '2026-01-15', packages: 1, pricePerPackage: 15 });
    updatePurchase(db, { id: a.purchase.id, purchasedOn: '2026-02-01' });
    const used = consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 1, unit: 'lb' });
    expect(used.draws.map((d) => d.lotId)).toEqual([b.lot.id]);
  });

  it('an untouched purchase can be deleted with its lot; one that was used or adjusted cannot', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const untouched = recordPurchase(db, { productId: pantry.bigBag.id, purchasedOn: '2026-03-01', packages: 1, pricePerPackage: 15 });
    const used = recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 9 });
    const adjusted = recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-02-01', packages: 1, pricePerPackage: 9 });
    consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 1, unit: 'lb' });
    adjustLot(db, { lotId: adjusted.lot.id, quantity: 1, unit: 'lb', reason: 'gift' });

    expect(deletePurchase(db, untouched.purchase.id)).toEqual({ deleted: true, id: untouched.purchase.id });
    expect(db.engine.get('SELECT id FROM lots WHERE id = ?', [untouched.lot.id])).toBeUndefined();
    for (const p of [used, adjusted]) {
      const err = caught(() => deletePurchase(db, p.purchase.id));
      expect(err.code).toBe('IN_USE');
    }
    expect(count(db, 'purchases')).toBe(2);
    // Both say so before anyone tries: the list is what a screen uses to offer "delete".
    expect(listPurchases(db, { ingredientId: pantry.flour.id }).items.map((p) => [p.purchasedOn, p.used])).toEqual([
      ['2026-02-01', true],
      ['2026-01-01', true],
    ]);
  });

  it('a refused delete changes nothing: the 1 lb drawn from the bag stays drawn and the purchase stays', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { purchase } = recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 9 });
    consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 1, unit: 'lb' });
    const before = snapshot(db);
    expect(caught(() => deletePurchase(db, purchase.id)).code).toBe('IN_USE');
    expect(snapshot(db)).toEqual(before);
  });

  it('an adjustment undone by its pair is not use: the purchase is not "Used" and deletes with its lot and both adjustments', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { purchase, lot } = recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-03-02', packages: 1, pricePerPackage: 9 });
    const { adjustment } = adjustLot(db, { lotId: lot.id, quantity: 1.3, unit: 'lb', reason: 'spoilage' });
    expect(getPurchase(db, purchase.id)).toMatchObject({ used: true, canDelete: false });
    undoAdjustment(db, { id: adjustment.id });

    expect(getPurchase(db, purchase.id)).toMatchObject({ used: false, canDelete: true, deleteBlockedBy: null });
    expect(deletePurchase(db, purchase.id)).toEqual({ deleted: true, id: purchase.id });
    expect([count(db, 'purchases'), count(db, 'lots'), count(db, 'lot_adjustments')]).toEqual([0, 0, 0]);
  });

  it('an adjustment still standing beside an undone one is use: the delete is refused and changes nothing', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { purchase, lot } = recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-03-02', packages: 1, pricePerPackage: 9 });
    const { adjustment } = adjustLot(db, { lotId: lot.id, quantity: 1, unit: 'lb', reason: 'spoilage' });
    undoAdjustment(db, { id: adjustment.id });
    adjustLot(db, { lotId: lot.id, quantity: 2, unit: 'lb', reason: 'gift' });

    expect(getPurchase(db, purchase.id)).toMatchObject({ used: true, canDelete: false });
    const before = { ...snapshot(db), adjustments: db.engine.all('SELECT * FROM lot_adjustments ORDER BY id') };
    expect(caught(() => deletePurchase(db, purchase.id)).code).toBe('IN_USE');
    expect({ ...snapshot(db), adjustments: db.engine.all('SELECT * FROM lot_adjustments ORDER BY id') }).toEqual(before);
  });

  it('the schema keeps adjustments append-only: a row of a lot that is not whole cannot be deleted, and no row can be edited', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { lot } = recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-03-02', packages: 1, pricePerPackage: 9 });
    const { adjustment } = adjustLot(db, { lotId: lot.id, quantity: 1, unit: 'lb', reason: 'spoilage' });
    expect(() => db.engine.run('DELETE FROM lot_adjustments WHERE id = ?', [adjustment.id])).toThrow(/append-only/);
    undoAdjustment(db, { id: adjustment.id });
    expect(() => db.engine.run("UPDATE lot_adjustments SET note = 'x' WHERE id = ?", [adjustment.id])).toThrow(/append-only/);
    expect(count(db, 'lot_adjustments')).toBe(2);
  });
});

describe('listing purchases, a page at a time', () => {
  /** 2 products of flour, one of sugar; 7 purchases from Jan 1 to Mar 1, some from Costco, one with a note. */
  async function shoppingYear() {
    const db = await testDb();
    const pantry = flourPantry(db);
    const sugar = createIngredient(db, { name: 'Crème de sucre' });
    const sugarBag = recordPurchase(db, {
      newProduct: { ingredientId: sugar.id, brand: 'Domino', name: 'Granulated', packageQuantity: 4, packageUnit: 'lb' },
      purchasedOn: '2026-02-10', packages: 1, pricePerPackage: 4.29,
    }).purchase.product;
    const costco = createSupplier(db, { name: 'Costco' });
    const buy = (productId: number, purchasedOn: string, supplierId: number | null = null, notes = '') =>
      recordPurchase(db, { productId, purchasedOn, packages: 1, pricePerPackage: 9, supplierId, notes }).purchase;
    buy(pantry.smallBag.id, '2026-01-01', costco.id);
    buy(pantry.bigBag.id, '2026-01-15');
    buy(pantry.smallBag.id, '2026-02-01', costco.id, 'for the holiday stollen');
    buy(sugarBag.id, '2026-02-20', costco.id);
    buy(pantry.bigBag.id, '2026-02-25');
    buy(pantry.smallBag.id, '2026-03-01');
    return { db, pantry, sugar, costco };
  }

  it('newest first, 3 to a page: every one of the 7 is reached by paging on, and each page says how many there are in all', async () => {
    const { db } = await shoppingYear();
    const pages = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const page = listPurchases(db, { offset, limit: 3 });
      pages.push(page.items.map((p) => p.purchasedOn));
      expect(page.total).toBe(7);
      offset = page.nextOffset;
    }
    expect(pages).toEqual([
      ['2026-03-01', '2026-02-25', '2026-02-20'],
      ['2026-02-10', '2026-02-01', '2026-01-15'],
      ['2026-01-01'],
    ]);
    expect(listPurchases(db, { offset: 7 })).toMatchObject({ items: [], total: 7, nextOffset: null });
  });

  it('filters by ingredient, product, supplier and a date range, and the total counts the matches only', async () => {
    const { db, pantry, sugar, costco } = await shoppingYear();
    const dates = (filter: Parameters<typeof listPurchases>[1]) => {
      const page = listPurchases(db, filter);
      return [page.total, page.items.map((p) => p.purchasedOn)];
    };
    expect(dates({ ingredientId: sugar.id })).toEqual([2, ['2026-02-20', '2026-02-10']]);
    expect(dates({ productId: pantry.bigBag.id })).toEqual([2, ['2026-02-25', '2026-01-15']]);
    expect(dates({ supplierId: costco.id, ingredientId: pantry.flour.id })).toEqual([2, ['2026-02-01', '2026-01-01']]);
    expect(dates({ from: '2026-02-01', to: '2026-02-20' })).toEqual([3, ['2026-02-20', '2026-02-10', '2026-02-01']]);
    expect(dates({ from: '2026-02-26' })).toEqual([1, ['2026-03-01']]);
    expect(dates({ to: '2026-01-01' })).toEqual([1, ['2026-01-01']]);
  });

  it('a search finds words in the product, brand, ingredient, supplier and notes, in any order, ignoring accents, with paging', async () => {
    const { db } = await shoppingYear();
    const search = (query: string, more: Parameters<typeof listPurchases>[1] = {}) => {
      const page = listPurchases(db, { query, ...more });
      return [page.total, page.items.map((p) => p.purchasedOn), page.nextOffset];
    };
    expect(search('creme')).toEqual([2, ['2026-02-20', '2026-02-10'], null]);
    expect(search('costco king arthur')).toEqual([2, ['2026-02-01', '2026-01-01'], null]);
    expect(search('stollen')).toEqual([1, ['2026-02-01'], null]);
    expect(search('gold medal', { limit: 1 })).toEqual([2, ['2026-02-25'], 1]);
    expect(search('gold medal', { limit: 1, offset: 1 })).toEqual([2, ['2026-01-15'], null]);
    expect(search('rye')).toEqual([0, [], null]);
    expect(search('  ')[0]).toBe(7);
  });

  it('a range ending before it starts, a negative or fractional offset and a bad date are refused at their fields', async () => {
    const { db } = await shoppingYear();
    expect(caught(() => listPurchases(db, { from: '2026-03-01', to: '2026-02-01' })).details).toMatchObject({ field: 'to' });
    expect(caught(() => listPurchases(db, { offset: -1 })).details).toMatchObject({ field: 'offset' });
    expect(caught(() => listPurchases(db, { offset: 1.5 })).details).toMatchObject({ field: 'offset' });
    expect(caught(() => listPurchases(db, { from: '2026-02-30' })).details).toMatchObject({ field: 'from' });
    expect(listPurchases(db, { limit: Number.NaN }).items).toHaveLength(7);
    expect(listPurchases(db, { limit: 10_000 }).items).toHaveLength(7);
  });
});
