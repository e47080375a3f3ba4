/*
 * Atomicity through the real services: a multi-step pantry operation owned by
 * one caller either lands whole or leaves the database byte-for-byte as it was.
 */
import { describe, expect, it } from 'vitest';
import { replayCommit, transaction, type Database, type LoggedStatement } from '../../../src/db/session';
import { createIngredient } from '../../../src/services/catalog/ingredients';
import { createProduct } from '../../../src/services/catalog/products';
import { adjustLot } from '../../../src/services/pantry/adjustments';
import { consumeFifo } from '../../../src/services/pantry/fifo';
import { recordPurchase } from '../../../src/services/pantry/purchases';
import { count, testDb } from '../../helpers/db';
import { buyDomainExampleLots, caught, flourPantry, GRAMS_PER_LB, lotRemaining } from '../services/bakery';

/** Every row of every table, for an exact before/after comparison. */
function dump(db: Database): Record<string, unknown[]> {
  const tables = db.engine.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  return Object.fromEntries(tables.map((t) => [t.name, db.engine.all(`SELECT * FROM "${t.name}" ORDER BY rowid`)]));
}

async function bakery() {
  const db = await testDb();
  const pantry = flourPantry(db);
  const lots = buyDomainExampleLots(db, pantry);
  const sugar = createIngredient(db, { name: 'Granulated sugar', parentId: pantry.baking.id, density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 200, weightUnit: 'g' } });
  const sugarBag = createProduct(db, { ingredientId: sugar.id, brand: 'Domino', name: 'Granulated', packageQuantity: 2, packageUnit: 'lb' });
  recordPurchase(db, { productId: sugarBag.id, purchasedOn: '2026-01-03', packages: 1, pricePerPackage: 3.49 });
  return { db, pantry, lots, sugar };
}

describe('atomicity of multi-step operations', () => {
  it('a multi-step operation that throws in its last step leaves the database exactly as before', async () => {
    const { db, pantry, lots, sugar } = await bakery();
    const before = dump(db);

    const err = caught(() =>
      transaction(db, (tx) => {
        // 12 lb of flour: drains the Jan 1 lot, leaves 13 lb in the Jan 15 lot.
        consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 48, unit: 'cup' }, tx);
        // A spilled cup written to the adjustment ledger.
        adjustLot(db, { lotId: lots.second.lot.id, quantity: 1, unit: 'cup', reason: 'spoilage' }, tx);
        // 3 lb of sugar, but the pantry holds 2 lb: the last step fails.
        consumeFifo(db, { ingredientId: sugar.id, quantity: 3, unit: 'lb' }, tx);
      }),
    );

    expect(err.code).toBe('INSUFFICIENT_STOCK');
    expect(err.details).toMatchObject({ ingredient: 'Granulated sugar', missing: expect.closeTo(1, 9) });
    expect(lotRemaining(db, lots.first.lot.id)).toBeCloseTo(10 * GRAMS_PER_LB, 9);
    expect(lotRemaining(db, lots.second.lot.id)).toBeCloseTo(15 * GRAMS_PER_LB, 9);
    expect(count(db, 'lot_adjustments')).toBe(0);
    expect(dump(db)).toEqual(before);
  });

  it('the same operation with enough sugar lands whole: both draws and the ledger row', async () => {
    const { db, pantry, lots, sugar } = await bakery();
    transaction(db, (tx) => {
      consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 48, unit: 'cup' }, tx);
      adjustLot(db, { lotId: lots.second.lot.id, quantity: 4, unit: 'oz', reason: 'spoilage' }, tx);
      consumeFifo(db, { ingredientId: sugar.id, quantity: 1.5, unit: 'lb' }, tx);
    });
    expect(lotRemaining(db, lots.first.lot.id)).toBe(0);
    expect(lotRemaining(db, lots.second.lot.id)).toBeCloseTo((13 - 0.25) * GRAMS_PER_LB, 9);
    expect(count(db, 'lot_adjustments')).toBe(1);
  });
});

describe('the commit log replays to the same database', () => {
  it("replaying every committed statement on a fresh database rebuilds the baker's pantry exactly", async () => {
    const db = await testDb();
    const log: LoggedStatement[][] = [];
    db.onCommit((statements) => log.push([...statements]));
    const { flour, bigBag, smallBag } = flourPantry(db);
    const first = recordPurchase(db, { productId: smallBag.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 89.9 });
    recordPurchase(db, { productId: bigBag.id, purchasedOn: '2026-01-15', packages: 2, pricePerPackage: 142.35 });
    consumeFifo(db, { ingredientId: flour.id, quantity: 48, unit: 'cup' });
    adjustLot(db, { lotId: first.lot.id, quantity: 1, unit: 'oz', reason: 'correction', direction: 'add' });
    expect(() => consumeFifo(db, { ingredientId: flour.id, quantity: 1000, unit: 'lb' })).toThrow();

    const replica = await testDb();
    for (const statements of log) replayCommit(replica, statements);
    expect(dump(replica)).toEqual(dump(db));
  });
});
