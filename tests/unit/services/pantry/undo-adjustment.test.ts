import { describe, expect, it } from 'vitest';
import { adjustLot, listAdjustments, undoAdjustment } from '../../../../src/services/pantry/adjustments';
import { consumeFifo } from '../../../../src/services/pantry/fifo';
import { recordPurchase } from '../../../../src/services/pantry/purchases';
import { count, testDb } from '../../../helpers/db';
import { GRAMS_PER_LB, caught, flourPantry, lotRemaining } from '../bakery';

/** A 10 lb bag of King Arthur flour at 89.90, bought 2026-01-01 (8.99 per lb). */
async function tenPoundBag() {
  const db = await testDb();
  const pantry = flourPantry(db);
  const { lot } = recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 89.9 });
  return { db, pantry, lot };
}

describe("an ingredient's adjustments, as the ingredient page lists them", () => {
  it('2 lb spoiled reads as "remove 2 lb" of the King Arthur lot of 2026-01-01, costing 17.98, with its note', async () => {
    const { db, pantry, lot } = await tenPoundBag();
    adjustLot(db, { lotId: lot.id, quantity: 2, unit: 'lb', reason: 'spoilage', note: 'weevils', adjustedOn: '2026-02-01' });
    const [listed] = listAdjustments(db, { ingredientId: pantry.flour.id });
    expect(listed).toMatchObject({
      adjustedOn: '2026-02-01',
      direction: 'remove',
      unit: 'lb',
      reason: 'spoilage',
      note: 'weevils',
      cost: 17.98,
      lot: { id: lot.id, purchasedOn: '2026-01-01', product: 'King Arthur Unbleached All-Purpose' },
      undoesId: null,
      undoes: null,
      undoneById: null,
    });
    expect(listed!.quantity).toBeCloseTo(2, 12);
  });

  it('8 oz taken from the bag reads as 8 oz, not 0.5 lb', async () => {
    const { db, lot } = await tenPoundBag();
    const { adjustment } = adjustLot(db, { lotId: lot.id, quantity: 8, unit: 'oz', reason: 'gift' });
    expect([Number(adjustment.quantity.toFixed(9)), adjustment.unit]).toEqual([8, 'oz']);
  });
});

describe('undoing an adjustment', () => {
  it('undoing "2 lb spoiled" puts 2 lb back with a correction (a new row: the ledger is append-only), and links the two', async () => {
    const { db, lot } = await tenPoundBag();
    const { adjustment } = adjustLot(db, { lotId: lot.id, quantity: 2, unit: 'lb', reason: 'spoilage' });
    const { adjustment: undo, lot: after } = undoAdjustment(db, { id: adjustment.id });

    expect(undo).toMatchObject({ reason: 'correction', direction: 'add', cost: 17.98, undoesId: adjustment.id, adjustedOn: '2026-11-26', note: '' });
    // What it undoes comes with it, for the list's words ("Undoes the spoilage of Nov 26, 2026"), not as a note with a raw date.
    expect(undo.undoes).toEqual({ id: adjustment.id, reason: 'spoilage', adjustedOn: adjustment.adjustedOn });
    expect(undo.quantityDelta).toBeCloseTo(2 * GRAMS_PER_LB, 9);
    expect(after.quantityRemaining / GRAMS_PER_LB).toBeCloseTo(10, 12);
    expect(count(db, 'lot_adjustments')).toBe(2);
    expect(listAdjustments(db, { lotId: lot.id }).find((a) => a.id === adjustment.id)!.undoneById).toBe(undo.id);
  });

  it("a baker's own correction whose note happens to read like an undo is not taken for one", async () => {
    const { db, lot } = await tenPoundBag();
    const { adjustment: spoiled } = adjustLot(db, { lotId: lot.id, quantity: 2, unit: 'lb', reason: 'spoilage' });
    const { adjustment: own } = adjustLot(db, {
      lotId: lot.id, quantity: 1, unit: 'lb', reason: 'correction', note: `Undoes adjustment ${spoiled.id}`,
    });
    expect(own.undoesId).toBeNull();
    expect(listAdjustments(db, { lotId: lot.id }).find((a) => a.id === spoiled.id)!.undoneById).toBeNull();
    expect(undoAdjustment(db, { id: spoiled.id }).adjustment.undoesId).toBe(spoiled.id);
  });

  it('a second undo, or undoing the undo, is refused and changes nothing', async () => {
    const { db, lot } = await tenPoundBag();
    const { adjustment } = adjustLot(db, { lotId: lot.id, quantity: 2, unit: 'lb', reason: 'spoilage' });
    const { adjustment: undo } = undoAdjustment(db, { id: adjustment.id });
    const before = lotRemaining(db, lot.id);
    expect(caught(() => undoAdjustment(db, { id: adjustment.id })).message).toBe('This adjustment has already been undone.');
    expect(caught(() => undoAdjustment(db, { id: undo.id })).code).toBe('CONFLICT');
    expect([lotRemaining(db, lot.id), count(db, 'lot_adjustments')]).toEqual([before, 2]);
  });

  it('a correction that added 3 lb cannot be undone once 12 lb of the 13 lb has been baked: only 1 lb is left', async () => {
    const { db, pantry, lot } = await tenPoundBag();
    const { adjustment } = adjustLot(db, { lotId: lot.id, quantity: 3, unit: 'lb', reason: 'correction', direction: 'add' });
    consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 12, unit: 'lb' });
    const err = caught(() => undoAdjustment(db, { id: adjustment.id }));
    expect(err.code).toBe('INSUFFICIENT_STOCK');
    expect(err.message).toBe('This lot holds only 1 lb now, so the 3 lb added cannot be taken back out.');
    expect(count(db, 'lot_adjustments')).toBe(1);
  });

  it('an adjustment that does not exist is NOT_FOUND', async () => {
    const { db } = await tenPoundBag();
    expect(caught(() => undoAdjustment(db, { id: 999 })).code).toBe('NOT_FOUND');
  });
});
