/**
 * Lots a real Bake Tracker backup brings in come without prices; the baker
 * adds what one package cost, and the pantry's value follows. A purchased
 * lot's price stays its purchase's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBakeTrackerText } from '../../../../src/services/import/bake-tracker/import';
import { listLotsWithoutPrice, setLotPrice } from '../../../../src/services/pantry/lot-prices';
import { recordPurchase } from '../../../../src/services/pantry/purchases';
import { pantrySummary } from '../../../../src/services/pantry/summary';
import { testDb } from '../../../helpers/db';
import { GRAMS_PER_LB, caught, flourPantry } from '../bakery';

const BACKUP = readFileSync(join(import.meta.dirname, '../../../../src/services/sample/bake-tracker-sample.json'), 'utf8');

async function imported() {
  const db = await testDb();
  importBakeTrackerText(db, BACKUP);
  return db;
}

describe('lots without a price', () => {
  it('after importing the backup all 156 lots with stock lack a price: listed 50 at a time, by ingredient, and counted on the dashboard', async () => {
    const db = await imported();
    const first = listLotsWithoutPrice(db, { limit: 50 });
    expect([first.total, first.items.length, first.nextOffset]).toEqual([156, 50, 50]);
    const names = first.items.map((l) => l.ingredient.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(listLotsWithoutPrice(db, { offset: 150, limit: 50 })).toMatchObject({ total: 156, nextOffset: null });
    expect(pantrySummary(db)).toMatchObject({ value: 0, valueComplete: false, lotsWithoutPrice: 156 });
  });

  it('the 25 lb bag of all-purpose flour at $18.99 a package: its lot costs 18.99 / 25 per lb, and the pantry is worth that much more', async () => {
    const db = await imported();
    const [flourLot] = listLotsWithoutPrice(db, { limit: 200 }).items.filter((l) => l.ingredient.name === 'Flour, all-purpose' && l.product.packageQuantity === 25);
    expect(flourLot).toMatchObject({ unit: 'lb', remaining: 25, initial: 25 });
    const lot = setLotPrice(db, { lotId: flourLot!.id, pricePerPackage: 18.99 });

    expect(lot.unitCost! * GRAMS_PER_LB).toBeCloseTo(18.99 / 25, 12);
    expect(listLotsWithoutPrice(db).total).toBe(155);
    expect(pantrySummary(db)).toMatchObject({ valueComplete: false, lotsWithoutPrice: 155 });
    expect(pantrySummary(db).value).toBeCloseTo(18.99, 9);
  });

  it('a purchased lot’s price is its purchase’s: setting it here is refused and changes nothing; a negative price is refused at the field', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { lot } = recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 9 });
    const refused = caught(() => setLotPrice(db, { lotId: lot.id, pricePerPackage: 12 }));
    expect([refused.code, refused.message]).toEqual(['CONFLICT', 'This lot’s price comes from its purchase: correct the purchase instead.']);
    expect(db.engine.get<{ c: number }>('SELECT unit_cost AS c FROM lots WHERE id = ?', [lot.id])!.c * GRAMS_PER_LB).toBeCloseTo(0.9, 12);

    const imports = await imported();
    const [any] = listLotsWithoutPrice(imports).items;
    expect(caught(() => setLotPrice(imports, { lotId: any!.id, pricePerPackage: -1 })).details).toMatchObject({ field: 'pricePerPackage' });
    expect(listLotsWithoutPrice(imports).total).toBe(156);
  });
});
