/**
 * Services say what a screen may do, in the words a refusal would use, so a
 * screen never works it out again from counts: an ingredient's delete and
 * where it may sit, a product's size and delete, a purchase's delete, and the
 * products offered before anything is typed. Each permission is checked
 * against what the write really does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transaction, type Database } from '../../../../src/db/session';
import { AppError } from '../../../../src/errors';
import { searchParents } from '../../../../src/services/catalog/ingredient-search';
import { createIngredient, deleteIngredient, getIngredient, updateIngredient } from '../../../../src/services/catalog/ingredients';
import { createProduct, deleteProduct, getProduct, recentProducts, updateProduct } from '../../../../src/services/catalog/products';
import { importBakeTracker } from '../../../../src/services/import/bake-tracker/import';
import { deletePurchase, getPurchase, recordPurchase } from '../../../../src/services/pantry/purchases';
import { adjustLot } from '../../../../src/services/pantry/adjustments';
import { insertProductRow } from '../../../../src/services/catalog/product-rows';
import { insertPurchaseRow } from '../../../../src/services/pantry/purchase-rows';
import { testDb } from '../../../helpers/db';
import { caught, flourPantry } from '../bakery';

const FIXTURE = join(import.meta.dirname, '../../../../src/services/sample/bake-tracker-sample.json');

async function importedBakery(): Promise<Database> {
  const db = await testDb();
  expect(importBakeTracker(db, JSON.parse(readFileSync(FIXTURE, 'utf8'))).ok).toBe(true);
  return db;
}

/** Whether the service accepts `change`, tried in a transaction that is always rolled back. */
function accepted(db: Database, change: (tx: Parameters<Parameters<typeof transaction>[1]>[0]) => unknown): boolean {
  const undo = new Error('undo');
  try {
    transaction(db, (tx) => {
      change(tx);
      throw undo;
    });
  } catch (e) {
    if (e === undo) return true;
    if (e instanceof AppError) return false;
    throw e;
  }
  return false;
}

const table = (db: Database, name: string) => db.engine.all(`SELECT * FROM ${name} ORDER BY id`);

describe('an imported Bake Tracker product: a lot, no purchase', () => {
  it('says its size is fixed and it cannot be deleted, and the service refuses exactly that, changing nothing', async () => {
    const db = await importedBakery();
    const { id } = db.engine.get<{ id: number }>(
      'SELECT p.id FROM products p WHERE EXISTS (SELECT 1 FROM lots l WHERE l.product_id = p.id) AND NOT EXISTS (SELECT 1 FROM purchases u WHERE u.product_id = p.id) LIMIT 1',
    )!;
    const product = getProduct(db, id);
    expect(product).toMatchObject({ purchaseCount: 0, lotCount: 1, sizeFixed: true, canDelete: false });
    expect(product.sizeFixedBecause).toBe(
      `${product.displayName} has 1 pantry lot measured in ${product.packageQuantity} ${product.packageUnit} packages, so its ingredient and package size are fixed: for another size, add a new product.`,
    );
    expect(product.deleteBlockedBy).toBe(`${product.displayName} has 1 pantry lot, so it cannot be deleted: hide it instead, to keep it out of the purchase form.`);

    const before = table(db, 'products');
    const resized = caught(() => updateProduct(db, { id, packageQuantity: product.packageQuantity * 2 }));
    expect([resized.code, resized.message, resized.details.field]).toEqual(['IN_USE', product.sizeFixedBecause, 'packageQuantity']);
    const deleted = caught(() => deleteProduct(db, id));
    expect([deleted.code, deleted.message]).toEqual(['IN_USE', product.deleteBlockedBy]);
    expect(table(db, 'products')).toEqual(before);

    // What it does offer is accepted: a new name, hidden.
    expect(updateProduct(db, { id, name: 'Renamed', hidden: true })).toMatchObject({ name: 'Renamed', hidden: true });
  });

  it('a product with no lot may change size and be deleted, as it says', async () => {
    const db = await testDb();
    const { smallBag } = flourPantry(db);
    expect(getProduct(db, smallBag.id)).toMatchObject({ lotCount: 0, sizeFixed: false, sizeFixedBecause: null, canDelete: true, deleteBlockedBy: null });
    expect(updateProduct(db, { id: smallBag.id, packageQuantity: 5 }).packageQuantity).toBe(5);
    expect(deleteProduct(db, smallBag.id)).toEqual({ deleted: true, id: smallBag.id });
  });
});

describe('ingredients: delete, and where a new or moved one may sit', () => {
  it('the reason given beforehand and the refusal name the same uses; nothing is deleted', async () => {
    const db = await testDb();
    const { flours, flour } = flourPantry(db);
    expect(getIngredient(db, flour.id)).toMatchObject({
      canDelete: false,
      deleteBlockedBy: 'All-purpose flour has 2 products: it can be deleted once nothing uses it.',
    });
    expect(caught(() => deleteIngredient(db, flour.id)).message).toBe('All-purpose flour cannot be deleted: it has 2 products.');
    expect(getIngredient(db, flours.id).deleteBlockedBy).toBe('Flours has 1 sub-ingredient: it can be deleted once nothing uses it.');
    const spare = createIngredient(db, { name: 'Spare' });
    expect(getIngredient(db, spare.id)).toMatchObject({ canDelete: true, deleteBlockedBy: null });
    expect(getIngredient(db, flour.id).name).toBe('All-purpose flour');
  });

  it('mayHaveChildren: a group with room yes; the third level and a leaf with products no, with the refusal createIngredient gives', async () => {
    const db = await testDb();
    const { baking, flours, flour } = flourPantry(db);
    const salt = createIngredient(db, { name: 'Salt' });
    createProduct(db, { ingredientId: salt.id, name: 'Sea salt', packageQuantity: 1, packageUnit: 'lb' });
    expect(getIngredient(db, baking.id)).toMatchObject({ mayHaveChildren: true, childrenBlockedBy: null });
    expect(getIngredient(db, flours.id)).toMatchObject({ mayHaveChildren: true, childrenBlockedBy: null });
    for (const parent of [flour, salt]) {
      const detail = getIngredient(db, parent.id);
      expect(detail.mayHaveChildren).toBe(false);
      expect(caught(() => createIngredient(db, { name: 'Under it', parentId: parent.id })).message).toBe(detail.childrenBlockedBy);
    }
  });

  it('mayHaveProducts: a group says why not, in the words a new product on it is refused with', async () => {
    const db = await testDb();
    const { flours, flour } = flourPantry(db);
    expect(getIngredient(db, flour.id)).toMatchObject({ mayHaveProducts: true, productsBlockedBy: null });
    const group = getIngredient(db, flours.id);
    expect(group.mayHaveProducts).toBe(false);
    expect(caught(() => createProduct(db, { ingredientId: flours.id, name: 'Sack', packageQuantity: 5, packageUnit: 'lb' })).message).toBe(group.productsBlockedBy);
  });

  it('the parents offered for a new ingredient are exactly those it may be created under (imported catalog, 413 ingredients)', async () => {
    const db = await importedBakery();
    const all = db.engine.all<{ id: number }>('SELECT id FROM ingredients ORDER BY id').map((r) => r.id);
    const offered = new Set(searchParents(db, { query: '', limit: 1000 }).map((m) => m.id));
    const takes = all.filter((parentId) => accepted(db, (tx) => createIngredient(db, { name: 'A new one', parentId }, tx)));
    expect(takes.length).toBeGreaterThan(10);
    expect(takes.length).toBeLessThan(all.length);
    expect([...offered].sort((a, b) => a - b)).toEqual(takes);
  });

  it('the parents offered for moving a group are exactly those it may move under: not itself, nothing under it, room for its levels', async () => {
    const db = await importedBakery();
    const { id: moving } = db.engine.get<{ id: number }>(
      'SELECT g.id FROM ingredients g WHERE g.level = 1 AND EXISTS (SELECT 1 FROM ingredients c WHERE c.parent_id = g.id) LIMIT 1',
    )!;
    const all = db.engine.all<{ id: number }>('SELECT id FROM ingredients ORDER BY id').map((r) => r.id);
    const offered = searchParents(db, { query: '', movingId: moving, limit: 1000 }).map((m) => m.id);
    const takes = all.filter((parentId) => accepted(db, (tx) => updateIngredient(db, { id: moving, parentId }, tx)));
    expect(offered).not.toContain(moving);
    expect(takes.length).toBeGreaterThan(5);
    expect([...offered].sort((a, b) => a - b)).toEqual(takes);
  });

  it('the parents offered are ranked by name and limited', async () => {
    const db = await importedBakery();
    const found = searchParents(db, { query: 'flour', limit: 3 });
    expect(found).toHaveLength(3);
    expect(found[0]!.name).toMatch(/flour/i);
  });
});

describe('purchases: delete', () => {
  it('a used purchase says it cannot be deleted, in the words of the refusal; an unused one can be', async () => {
    const db = await testDb();
    const { smallBag } = flourPantry(db);
    const { purchase, lot } = recordPurchase(db, { productId: smallBag.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 9 });
    expect(getPurchase(db, purchase.id)).toMatchObject({ canDelete: true, deleteBlockedBy: null });
    adjustLot(db, { lotId: lot.id, quantity: 1, unit: 'lb', reason: 'spoilage' });
    const used = getPurchase(db, purchase.id);
    expect(used).toMatchObject({ used: true, canDelete: false });
    expect(used.deleteBlockedBy).toMatch(/^This purchase has been used or adjusted, so it cannot be deleted: correct its lot with an adjustment on the All-purpose flour page instead\.$/);
    const refused = caught(() => deletePurchase(db, purchase.id));
    expect([refused.code, refused.message]).toEqual(['IN_USE', used.deleteBlockedBy]);
    expect(getPurchase(db, purchase.id).id).toBe(purchase.id);
  });
});

describe('recent products: what the purchase form offers before anything is typed', () => {
  it('the most recently bought first, hidden and never-bought ones left out, at most the limit asked for', async () => {
    const db = await testDb();
    const { flour, smallBag, bigBag } = flourPantry(db);
    const rye = createProduct(db, { ingredientId: flour.id, brand: 'Bob', name: 'Rye', packageQuantity: 2, packageUnit: 'lb' });
    const old = createProduct(db, { ingredientId: flour.id, brand: 'Old', name: 'Retired', packageQuantity: 2, packageUnit: 'lb' });
    createProduct(db, { ingredientId: flour.id, brand: 'Never', name: 'Bought', packageQuantity: 2, packageUnit: 'lb' });
    const buy = (productId: number, purchasedOn: string) => recordPurchase(db, { productId, purchasedOn, packages: 1, pricePerPackage: 5 });
    buy(smallBag.id, '2026-01-01');
    buy(bigBag.id, '2026-03-01');
    buy(rye.id, '2026-02-01');
    buy(smallBag.id, '2026-04-01');
    buy(old.id, '2026-05-01');
    updateProduct(db, { id: old.id, hidden: true });

    expect(recentProducts(db, {}).map((p) => p.displayName)).toEqual(['King Arthur Unbleached All-Purpose', 'Gold Medal All-Purpose', 'Bob Rye']);
    expect(recentProducts(db, { limit: 2 }).map((p) => p.id)).toEqual([smallBag.id, bigBag.id]);
  });

  it('the limit is real: of 1200 products bought, 1000 at most are given, and 5 when no limit is said', async () => {
    const db = await testDb();
    const { flour } = flourPantry(db);
    // Written straight through the row functions: 1200 checked creations would take the test's whole time.
    transaction(db, (tx) => {
      for (let i = 0; i < 1200; i++) {
        const productId = insertProductRow(
          db,
          { slug: `sack-${i}`, ingredientId: flour.id, brand: 'Brand', name: `Sack ${i}`, packageType: '', packageUnit: 'lb', packageQuantity: 1, gtin: null, preferred: false, hidden: false, supplierId: null, notes: '' },
          tx,
        );
        insertPurchaseRow(db, { productId, supplierId: null, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 1, notes: '' }, tx);
      }
    });
    expect(recentProducts(db, {})).toHaveLength(5);
    expect(recentProducts(db, { limit: 10_000 })).toHaveLength(1000);
  });
});
