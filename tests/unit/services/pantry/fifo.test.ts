import { describe, expect, it } from 'vitest';
import { transaction } from '../../../../src/db/session';
import { adjustLot } from '../../../../src/services/pantry/adjustments';
import { consumeFifo, planFifo } from '../../../../src/services/pantry/fifo';
import { recordPurchase } from '../../../../src/services/pantry/purchases';
import { createIngredient } from '../../../../src/services/catalog/ingredients';
import { createProduct } from '../../../../src/services/catalog/products';
import { count, testDb } from '../../../helpers/db';
import { GRAMS_PER_LB, buyDomainExampleLots, caught, flourPantry, lotRemaining } from '../bakery';

describe('FIFO consumption of the pantry (domain.md example)', () => {
  it('48 cups of flour (= 12 lb) empty the Jan 1 lot and leave 13 lb in the Jan 15 lot, costing 10 x 8.99 + 2 x 9.49 = 108.88', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { first, second } = buyDomainExampleLots(db, pantry);

    const used = consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 48, unit: 'cup' });

    expect(used.draws.map((d) => [d.lotId, d.unit])).toEqual([[first.lot.id, 'cup'], [second.lot.id, 'cup']]);
    expect(used.draws[0]!.quantity).toBeCloseTo(40, 9);
    expect(used.draws[1]!.quantity).toBeCloseTo(8, 9);
    expect(used.draws.map((d) => d.cost)).toEqual([89.9, 18.98]);
    expect(used.totalCost).toBe(108.88);
    expect(lotRemaining(db, first.lot.id)).toBe(0);
    expect(lotRemaining(db, second.lot.id) / GRAMS_PER_LB).toBeCloseTo(13, 9);
  });

  it('the dry run shows the same breakdown and cost and changes nothing', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { first, second } = buyDomainExampleLots(db, pantry);

    const plan = planFifo(db, { ingredientId: pantry.flour.id, quantity: 48, unit: 'cup' });

    expect(plan.enough).toBe(true);
    expect(plan.totalCost).toBe(108.88);
    expect(plan.draws.map((d) => d.lotId)).toEqual([first.lot.id, second.lot.id]);
    expect(plan.draws[0]!.unitCost).toBeCloseTo(8.99 / 4, 9); // 4 cups to the pound
    expect(plan.available).toBeCloseTo(100, 9);
    expect(lotRemaining(db, first.lot.id) / GRAMS_PER_LB).toBeCloseTo(10, 12);
    expect(lotRemaining(db, second.lot.id) / GRAMS_PER_LB).toBeCloseTo(15, 12);
    const consumed = consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 48, unit: 'cup' });
    expect(consumed.draws.map((d) => [d.lotId, d.lotQuantity, d.cost])).toEqual(plan.draws.map((d) => [d.lotId, d.lotQuantity, d.cost]));
  });

  it('asking for 30 lb when 25 lb are on hand fails with the missing 5 lb, and no lot changes', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { first, second } = buyDomainExampleLots(db, pantry);

    const err = caught(() => consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 30, unit: 'lb' }));

    expect(err.code).toBe('INSUFFICIENT_STOCK');
    expect(err.message).toBe('Not enough All-purpose flour: 30 lb needed, 25 lb on hand (short 5 lb).');
    expect(err.details.missing as number).toBeCloseTo(5, 9);
    expect(err.details.field).toBe('quantity');
    expect(lotRemaining(db, first.lot.id) / GRAMS_PER_LB).toBeCloseTo(10, 12);
    expect(lotRemaining(db, second.lot.id) / GRAMS_PER_LB).toBeCloseTo(15, 12);
  });

  it('inside a bake that then runs short of sugar, the flour drawn first is put back too', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { first } = buyDomainExampleLots(db, pantry);
    const sugar = createIngredient(db, { name: 'Sugar' });
    const sugarBag = createProduct(db, { ingredientId: sugar.id, brand: 'Domino', name: 'Granulated', packageQuantity: 4, packageUnit: 'lb' });
    recordPurchase(db, { productId: sugarBag.id, purchasedOn: '2026-01-02', packages: 1, pricePerPackage: 3.99 });

    const err = caught(() =>
      transaction(db, (tx) => {
        consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 48, unit: 'cup' }, tx);
        consumeFifo(db, { ingredientId: sugar.id, quantity: 5, unit: 'lb' }, tx);
      }),
    );

    expect(err.code).toBe('INSUFFICIENT_STOCK');
    expect(err.details.ingredient).toBe('Sugar');
    expect(lotRemaining(db, first.lot.id) / GRAMS_PER_LB).toBeCloseTo(10, 12);
  });

  it('the oldest lot wins across products: a Gold Medal bag bought first is used before a King Arthur bag bought later', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const later = recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-02-01', packages: 1, pricePerPackage: 12 });
    const earlier = recordPurchase(db, { productId: pantry.bigBag.id, purchasedOn: '2026-01-10', packages: 1, pricePerPackage: 15 });

    const used = consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 2, unit: 'lb' });

    expect(used.draws.map((d) => d.productName)).toEqual(['Gold Medal All-Purpose']);
    expect(used.draws[0]!.lotId).toBe(earlier.lot.id);
    expect(used.totalCost).toBe(2); // 15 / 15 lb x 2 lb
    expect(lotRemaining(db, later.lot.id) / GRAMS_PER_LB).toBeCloseTo(10, 12);
  });

  it('an emptied lot is skipped: after spoilage empties the Jan 1 bag, 8 cups come from the Jan 15 bag at 9.49/lb', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { first, second } = buyDomainExampleLots(db, pantry);
    adjustLot(db, { lotId: first.lot.id, quantity: 10, unit: 'lb', reason: 'spoilage' });

    const used = consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 8, unit: 'cup' });

    expect(used.draws.map((d) => d.lotId)).toEqual([second.lot.id]);
    expect(used.totalCost).toBe(18.98);
  });

  it('cups of a flour with no density cannot be drawn from lots bought by the pound; the error names the flour and both units', async () => {
    const db = await testDb();
    const rye = createIngredient(db, { name: 'Rye flour' });
    const bag = createProduct(db, { ingredientId: rye.id, brand: 'Bob', name: 'Dark Rye', packageQuantity: 5, packageUnit: 'lb' });
    const { lot } = recordPurchase(db, { productId: bag.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 7 });

    const err = caught(() => consumeFifo(db, { ingredientId: rye.id, quantity: 2, unit: 'cup' }));

    expect(err.code).toBe('MISSING_DENSITY');
    expect(err.message).toBe('Set a density for Rye flour to convert cup to g.');
    expect(err.details).toMatchObject({ ingredient: 'Rye flour', from: 'cup', to: 'g', field: 'unit' });
    expect(lotRemaining(db, lot.id)).toBeCloseTo(5 * GRAMS_PER_LB, 9);
  });

  it('bad requests name their field and change nothing: zero cups, a bushel, centimetres of flour', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    buyDomainExampleLots(db, pantry);
    const before = db.engine.all('SELECT id, quantity_remaining FROM lots');

    expect(caught(() => consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 0, unit: 'cup' })).details.field).toBe('quantity');
    expect(caught(() => consumeFifo(db, { ingredientId: pantry.flour.id, quantity: -1, unit: 'cup' })).details.field).toBe('quantity');
    const bushel = caught(() => consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 1, unit: 'bushel' }));
    expect([bushel.code, bushel.details.field]).toEqual(['UNKNOWN_UNIT', 'unit']);
    expect(caught(() => planFifo(db, { ingredientId: pantry.flour.id, quantity: 1, unit: 'cm' })).details.field).toBe('unit');
    for (const quantity of [Number.NaN, Number.POSITIVE_INFINITY, '' as unknown as number]) {
      expect(caught(() => consumeFifo(db, { ingredientId: pantry.flour.id, quantity, unit: 'cup' })).details.field, String(quantity)).toBe('quantity');
    }
    expect(caught(() => consumeFifo(db, { ingredientId: pantry.flour.id, quantity: 1, unit: '' })).details.field).toBe('unit');
    expect(db.engine.all('SELECT id, quantity_remaining FROM lots')).toEqual(before);
    expect(count(db, 'lot_adjustments')).toBe(0);
  });
});
