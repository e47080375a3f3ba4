import { describe, expect, it } from 'vitest';
import { adjustLot } from '../../../../src/services/pantry/adjustments';
import { recordPurchase } from '../../../../src/services/pantry/purchases';
import { pantrySummary } from '../../../../src/services/pantry/summary';
import { createIngredient } from '../../../../src/services/catalog/ingredients';
import { createProduct } from '../../../../src/services/catalog/products';
import { testDb } from '../../../helpers/db';
import { buyDomainExampleLots, flourPantry } from '../bakery';

describe('the pantry at a glance (the Dashboard)', () => {
  it('an empty pantry: nothing bought, nothing in stock, worth 0 with nothing unpriced', async () => {
    const db = await testDb();
    flourPantry(db);
    expect(pantrySummary(db)).toEqual({
      ingredientsWithLots: 0,
      ingredientsInStock: 0,
      runningLow: [],
      value: 0,
      valueComplete: true,
      lotsWithoutPrice: 0,
      latestPurchases: [],
    });
  });

  it('25 lb of flour (89.90 + 142.35) and a used-up bag of sugar: 1 ingredient in stock worth 232.25, sugar not counted', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    buyDomainExampleLots(db, pantry);
    const sugar = createIngredient(db, { name: 'Sugar' });
    const bag = createProduct(db, { ingredientId: sugar.id, brand: 'Domino', name: 'Granulated', packageQuantity: 4, packageUnit: 'lb' });
    const sugarLot = recordPurchase(db, { productId: bag.id, purchasedOn: '2026-01-20', packages: 1, pricePerPackage: 3.99 }).lot;
    adjustLot(db, { lotId: sugarLot.id, quantity: 4, unit: 'lb', reason: 'spoilage' });

    const summary = pantrySummary(db);
    expect(summary).toMatchObject({ ingredientsWithLots: 2, ingredientsInStock: 1, runningLow: [], valueComplete: true });
    expect(summary.value).toBeCloseTo(89.9 + 142.35, 9);
  });

  it('flour down to 2 lb of a 15 lb bag is running low (under a fifth of one purchase), listed with its amount in lb', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { first, second } = buyDomainExampleLots(db, pantry);
    adjustLot(db, { lotId: first.lot.id, quantity: 10, unit: 'lb', reason: 'used_outside_app' });
    adjustLot(db, { lotId: second.lot.id, quantity: 13, unit: 'lb', reason: 'used_outside_app' });

    const summary = pantrySummary(db);
    expect(summary.ingredientsInStock).toBe(1);
    expect(summary.runningLow).toEqual([{ ingredient: { id: pantry.flour.id, name: 'All-purpose flour' }, total: expect.closeTo(2, 9), unit: 'lb' }]);
    // What is left is the 15 lb bag's 2 lb, at 9.49 per lb.
    expect(summary.value).toBeCloseTo(2 * 9.49, 9);
  });

  it('a lot with no price makes the value a floor: valueComplete is false and the priced flour still counts', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    buyDomainExampleLots(db, pantry);
    const vanilla = createIngredient(db, { name: 'Vanilla extract' });
    const bottle = createProduct(db, { ingredientId: vanilla.id, brand: 'Nielsen-Massey', name: 'Pure', packageQuantity: 4, packageUnit: 'fl oz' });
    const { lot } = recordPurchase(db, { productId: bottle.id, purchasedOn: '2026-01-05', packages: 1, pricePerPackage: 0 });
    // A price of 0 is a price; an unknown cost is a lot whose unit cost was never recorded (as imports leave it).
    db.engine.run('UPDATE lots SET unit_cost = NULL WHERE id = ?', [lot.id]);

    const summary = pantrySummary(db);
    expect(summary.ingredientsInStock).toBe(2);
    expect(summary.valueComplete).toBe(false);
    expect(summary.value).toBeCloseTo(89.9 + 142.35, 9);
  });

  it('the latest purchases are the newest 5 by date unless asked for more, each with its ingredient and total', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    for (let day = 1; day <= 7; day++) {
      recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: `2026-02-0${day}`, packages: 1, pricePerPackage: 9 + day });
    }
    const latest = pantrySummary(db).latestPurchases;
    expect(latest.map((p) => p.purchasedOn)).toEqual(['2026-02-07', '2026-02-06', '2026-02-05', '2026-02-04', '2026-02-03']);
    expect(latest[0]).toMatchObject({ ingredient: { name: 'All-purpose flour' }, quantity: 10, unit: 'lb', totalPrice: 16 });
    expect(pantrySummary(db, { latest: 7 }).latestPurchases).toHaveLength(7);
  });
});
