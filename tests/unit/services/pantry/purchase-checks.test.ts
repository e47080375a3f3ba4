import { describe, expect, it } from 'vitest';
import { updateLotDetails } from '../../../../src/services/pantry/lots';
import { recordPurchase, updatePurchase } from '../../../../src/services/pantry/purchases';
import { count, testDb } from '../../../helpers/db';
import { caught, flourPantry } from '../bakery';

/** The test clock says 2026-11-26. */
async function flourShop() {
  const db = await testDb();
  const pantry = flourPantry(db);
  const buy = (change: object) => recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-11-20', packages: 1, pricePerPackage: 8.99, ...change });
  return { db, ...pantry, buy };
}

describe('purchase amounts stay within what a home pantry holds', () => {
  it('999,999,999,999 bags, a price of 99,999,999,999,999 or a price of Infinity are refused on their fields; nothing is written', async () => {
    const { db, buy } = await flourShop();
    const cases: [object, string, string][] = [
      [{ packages: 999_999_999_999 }, 'packages', 'Number of packages must be at most 10,000.'],
      [{ pricePerPackage: 99_999_999_999_999 }, 'pricePerPackage', 'Price per package must be at most 100,000.'],
      [{ pricePerPackage: Infinity }, 'pricePerPackage', 'Price per package must be a number.'],
    ];
    for (const [change, field, message] of cases) {
      const err = caught(() => buy(change));
      expect([err.code, err.details.field, err.message], JSON.stringify(change)).toEqual(['VALIDATION', field, message]);
    }
    expect([count(db, 'purchases'), count(db, 'lots')]).toEqual([0, 0]);
  });

  it('10,000 bags at 100,000 each is the most allowed; a bag at 0 (a gift) is fine too', async () => {
    const { buy } = await flourShop();
    expect(buy({ packages: 10_000, pricePerPackage: 100_000 }).purchase.totalPrice).toBe(1_000_000_000);
    expect(buy({ pricePerPackage: 0 }).purchase.totalPrice).toBe(0);
  });

  it('editing a purchase to 20,000 bags is refused the same way', async () => {
    const { buy, db } = await flourShop();
    const { purchase } = buy({});
    expect(caught(() => updatePurchase(db, { id: purchase.id, packages: 20_000 })).details.field).toBe('packages');
  });
});

describe('purchase dates', () => {
  it('bought 2026-11-27 (tomorrow, another time zone) is fine; 2026-11-28 and 2099-12-31 are "in the future"', async () => {
    const { buy } = await flourShop();
    expect(buy({ purchasedOn: '2026-11-27' }).purchase.purchasedOn).toBe('2026-11-27');
    for (const purchasedOn of ['2026-11-28', '2099-12-31']) {
      const err = caught(() => buy({ purchasedOn }));
      expect([err.details.field, err.message]).toEqual(['purchasedOn', 'Purchase date is in the future.']);
    }
  });

  it("February 30th, '' and 11/26/2026 are not dates: \"Enter a valid purchase date.\" (no ISO example); no date at all means today", async () => {
    const { buy } = await flourShop();
    for (const purchasedOn of ['2026-02-30', '', '11/26/2026']) {
      const err = caught(() => buy({ purchasedOn }));
      expect([err.details.field, err.message], purchasedOn).toEqual(['purchasedOn', 'Enter a valid purchase date.']);
    }
    expect(buy({ purchasedOn: undefined }).purchase.purchasedOn).toBe('2026-11-26');
  });

  it('flour bought 2026-11-20 cannot expire 2020-01-01: refused on expiresOn; expiring the same day is fine', async () => {
    const { db, buy } = await flourShop();
    const err = caught(() => buy({ expiresOn: '2020-01-01' }));
    expect([err.details.field, err.message]).toEqual(['expiresOn', 'The expiry date is before the purchase date.']);
    expect(count(db, 'lots')).toBe(0);
    expect(buy({ expiresOn: '2026-11-20' }).lot.expiresOn).toBe('2026-11-20');
  });

  it('edits keep the rule: moving the purchase after its expiry, or the lot expiry before its purchase, is refused', async () => {
    const { db, buy } = await flourShop();
    const { purchase, lot } = buy({ expiresOn: '2026-12-01' });
    expect(caught(() => updatePurchase(db, { id: purchase.id, purchasedOn: '2026-11-27', expiresOn: '2026-11-21' })).details.field).toBe('expiresOn');
    expect(caught(() => updateLotDetails(db, { id: lot.id, expiresOn: '2026-11-19' })).details.field).toBe('expiresOn');
    expect(caught(() => updatePurchase(db, { id: purchase.id, purchasedOn: '2030-01-01' })).message).toBe('Purchase date is in the future.');
  });
});

describe('a purchase form reports every wrong field at once', () => {
  it('0 bags, a price of -1, 2026-02-30 and a new product with no name: all four in details.fields, packages first', async () => {
    const { db, flour } = await flourShop();
    const err = caught(() =>
      recordPurchase(db, {
        newProduct: { ingredientId: flour.id, name: '', packageQuantity: 5, packageUnit: 'lb' },
        purchasedOn: '2026-02-30',
        packages: 0,
        pricePerPackage: -1,
      }),
    );
    expect([err.code, err.details.field, err.message]).toEqual(['VALIDATION', 'packages', 'Number of packages must be more than zero.']);
    expect(err.details.fields).toEqual({
      packages: 'Number of packages must be more than zero.',
      pricePerPackage: 'Price per package cannot be negative.',
      purchasedOn: 'Enter a valid purchase date.',
      name: 'Product name is required.',
    });
    expect([count(db, 'products'), count(db, 'purchases')]).toEqual([2, 0]);
  });
});
