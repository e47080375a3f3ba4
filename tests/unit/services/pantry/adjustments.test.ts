import { describe, expect, it } from 'vitest';
import { adjustLot, listAdjustments } from '../../../../src/services/pantry/adjustments';
import { recordPurchase } from '../../../../src/services/pantry/purchases';
import { createIngredient } from '../../../../src/services/catalog/ingredients';
import { createProduct } from '../../../../src/services/catalog/products';
import { count, testDb } from '../../../helpers/db';
import { GRAMS_PER_LB, caught, flourPantry, lotRemaining } from '../bakery';

async function tenPoundBag() {
  const db = await testDb();
  const pantry = flourPantry(db);
  const { lot } = recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 89.9 });
  return { db, pantry, lot };
}

describe('adjusting a lot', () => {
  it('2 lb of flour spoiled: the lot drops to 8 lb and the adjustment costs 2 x 8.99 = 17.98', async () => {
    const { db, lot } = await tenPoundBag();
    const { adjustment, lot: after } = adjustLot(db, { lotId: lot.id, quantity: 2, unit: 'lb', reason: 'spoilage' });
    expect(adjustment).toMatchObject({ reason: 'spoilage', cost: 17.98, lotUnit: 'g', adjustedOn: '2026-11-26' });
    expect(adjustment.quantityDelta).toBeCloseTo(-2 * GRAMS_PER_LB, 9);
    expect(after.quantityRemaining / GRAMS_PER_LB).toBeCloseTo(8, 12);
  });

  it('a gift measured in cups uses the flour density: 4 cups = 1 lb, costing 8.99', async () => {
    const { db, lot } = await tenPoundBag();
    const { adjustment } = adjustLot(db, { lotId: lot.id, quantity: 4, unit: 'cup', reason: 'gift', adjustedOn: '2026-01-20' });
    expect(adjustment).toMatchObject({ cost: 8.99, adjustedOn: '2026-01-20' });
    expect(lotRemaining(db, lot.id) / GRAMS_PER_LB).toBeCloseTo(9, 12);
  });

  it('the cost is written rounded to 4 decimals: 1 oz of 8.99/lb flour is 0.5619', async () => {
    const { db, lot } = await tenPoundBag();
    expect(adjustLot(db, { lotId: lot.id, quantity: 1, unit: 'oz', reason: 'used_outside_app' }).adjustment.cost).toBe(0.5619);
  });

  it('only a correction can add back: finding 1 lb more is a correction, a "gift" adding is refused', async () => {
    const { db, lot } = await tenPoundBag();
    adjustLot(db, { lotId: lot.id, quantity: 3, unit: 'lb', reason: 'spoilage' });
    const { lot: after } = adjustLot(db, { lotId: lot.id, quantity: 1, unit: 'lb', reason: 'correction', direction: 'add', note: 'recounted' });
    expect(after.quantityRemaining / GRAMS_PER_LB).toBeCloseTo(8, 12);
    const err = caught(() => adjustLot(db, { lotId: lot.id, quantity: 1, unit: 'lb', reason: 'gift', direction: 'add' }));
    expect([err.code, err.details.field]).toEqual(['VALIDATION', 'reason']);
  });

  it('"other" needs a note; taking 11 lb from a 10 lb bag is refused; nothing is written for either', async () => {
    const { db, lot } = await tenPoundBag();
    const noNote = caught(() => adjustLot(db, { lotId: lot.id, quantity: 1, unit: 'lb', reason: 'other', note: '  ' }));
    expect(noNote.details.field).toBe('note');
    const tooMuch = caught(() => adjustLot(db, { lotId: lot.id, quantity: 11, unit: 'lb', reason: 'spoilage' }));
    expect(tooMuch.details.field).toBe('quantity');
    expect(tooMuch.message).toBe('This lot holds only 10 lb; an adjustment cannot take it below zero.');
    expect(caught(() => adjustLot(db, { lotId: lot.id, quantity: 0, unit: 'lb', reason: 'spoilage' })).details.field).toBe('quantity');
    expect(caught(() => adjustLot(db, { lotId: lot.id, quantity: 1, unit: 'bushel', reason: 'spoilage' })).code).toBe('UNKNOWN_UNIT');
    expect(caught(() => adjustLot(db, { lotId: lot.id, quantity: 1, unit: 'lb', reason: 'lost' as never })).details.field).toBe('reason');
    expect(count(db, 'lot_adjustments')).toBe(0);
    expect(lotRemaining(db, lot.id) / GRAMS_PER_LB).toBeCloseTo(10, 12);
  });

  it('refused adjustments name their field and write nothing: cups of rye with no density, centimetres, NaN pounds, 30 February', async () => {
    const db = await testDb();
    const rye = createIngredient(db, { name: 'Rye flour' });
    const bag = createProduct(db, { ingredientId: rye.id, brand: 'Bob', name: 'Dark Rye', packageQuantity: 5, packageUnit: 'lb' });
    const { lot } = recordPurchase(db, { productId: bag.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 7 });
    const lots = () => db.engine.all('SELECT * FROM lots ORDER BY id');
    const before = lots();
    const cases: [Partial<Parameters<typeof adjustLot>[1]>, string, string][] = [
      [{ quantity: 2, unit: 'cup' }, 'MISSING_DENSITY', 'unit'],
      [{ quantity: 2, unit: 'cm' }, 'UNIT_MISMATCH', 'unit'],
      [{ quantity: 2, unit: 'constructor' }, 'UNKNOWN_UNIT', 'unit'],
      [{ quantity: Number.NaN, unit: 'lb' }, 'VALIDATION', 'quantity'],
      [{ quantity: '' as unknown as number, unit: 'lb' }, 'VALIDATION', 'quantity'],
      [{ quantity: Number.POSITIVE_INFINITY, unit: 'lb' }, 'VALIDATION', 'quantity'],
      [{ quantity: 1, unit: 'lb', adjustedOn: '2026-02-30' }, 'VALIDATION', 'adjustedOn'],
      [{ quantity: 1, unit: 'lb', direction: 'sideways' as never }, 'VALIDATION', 'direction'],
    ];
    for (const [change, code, field] of cases) {
      const err = caught(() => adjustLot(db, { lotId: lot.id, quantity: 1, unit: 'lb', reason: 'spoilage', ...change }));
      expect([err.code, err.details.field], JSON.stringify(change)).toEqual([code, field]);
    }
    expect(caught(() => adjustLot(db, { lotId: lot.id, quantity: 2, unit: 'cup', reason: 'spoilage' })).message).toBe('Set a density for Rye flour to convert cup to g.');
    expect(count(db, 'lot_adjustments')).toBe(0);
    expect(lots()).toEqual(before);
  });

  it('taking exactly what is left empties the lot to zero, with no crumb of rounding left', async () => {
    const { db, lot } = await tenPoundBag();
    adjustLot(db, { lotId: lot.id, quantity: 7, unit: 'lb', reason: 'spoilage' });
    const { lot: after } = adjustLot(db, { lotId: lot.id, quantity: 48, unit: 'oz', reason: 'spoilage' });
    expect(after.quantityRemaining).toBe(0);
    expect(after.empty).toBe(true);
  });

  it('adjustments are a ledger: listed newest first, never edited', async () => {
    const { db, lot } = await tenPoundBag();
    adjustLot(db, { lotId: lot.id, quantity: 1, unit: 'lb', reason: 'spoilage', adjustedOn: '2026-01-03' });
    adjustLot(db, { lotId: lot.id, quantity: 1, unit: 'lb', reason: 'gift', adjustedOn: '2026-01-05' });
    expect(listAdjustments(db, { lotId: lot.id }).map((a) => a.reason)).toEqual(['gift', 'spoilage']);
    expect(() => db.engine.run('UPDATE lot_adjustments SET cost = 0')).toThrow(/append-only/);
  });
});

describe('a lot\'s details', () => {
  it('moving the flour to the freezer with an expiry changes where it is, not how much', async () => {
    const { db, lot } = await tenPoundBag();
    const { updateLotDetails } = await import('../../../../src/services/pantry/lots');
    const moved = updateLotDetails(db, { id: lot.id, location: 'freezer', expiresOn: '2026-12-31' });
    expect(moved).toMatchObject({ location: 'freezer', expiresOn: '2026-12-31', quantityRemaining: lot.quantityRemaining });
    const before = db.engine.all('SELECT * FROM lots');
    expect(caught(() => updateLotDetails(db, { id: lot.id, expiresOn: 'soon' })).details.field).toBe('expiresOn');
    expect(caught(() => updateLotDetails(db, { id: lot.id, location: 'pantry', expiresOn: '2026-02-30' })).details.field).toBe('expiresOn');
    expect(caught(() => updateLotDetails(db, { id: lot.id, notes: 42 as never })).details.field).toBe('notes');
    expect(db.engine.all('SELECT * FROM lots')).toEqual(before);
  });
});
