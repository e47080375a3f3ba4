import { describe, expect, it } from 'vitest';
import { adjustLot } from '../../../../src/services/pantry/adjustments';
import { priceHistory } from '../../../../src/services/pantry/price-history';
import { recordPurchase } from '../../../../src/services/pantry/purchases';
import { ingredientStock, onHand, pantryOverview } from '../../../../src/services/pantry/stock';
import { createIngredient } from '../../../../src/services/catalog/ingredients';
import { createProduct } from '../../../../src/services/catalog/products';
import { testDb } from '../../../helpers/db';
import { buyDomainExampleLots, caught, flourPantry } from '../bakery';

describe('what is on hand', () => {
  it('25 lb of flour is 100 cups, 400 oz or 11.34 kg', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    buyDomainExampleLots(db, pantry);
    expect(onHand(db, { ingredientId: pantry.flour.id, unit: 'cup' }).quantity).toBeCloseTo(100, 9);
    expect(onHand(db, { ingredientId: pantry.flour.id, unit: 'oz' }).quantity).toBeCloseTo(400, 9);
    expect(onHand(db, { ingredientId: pantry.flour.id, unit: 'kg' }).quantity).toBeCloseTo(11.33980925, 9);
  });

  it('honey bought by the pound cannot be counted in cups without a density: the error names honey, cup and g', async () => {
    const db = await testDb();
    const honey = createIngredient(db, { name: 'Honey' });
    const jar = createProduct(db, { ingredientId: honey.id, brand: 'Local', name: 'Wildflower', packageQuantity: 1, packageUnit: 'lb' });
    recordPurchase(db, { productId: jar.id, purchasedOn: '2026-01-01', packages: 2, pricePerPackage: 8 });
    const err = caught(() => onHand(db, { ingredientId: honey.id, unit: 'cup' }));
    expect(err.code).toBe('MISSING_DENSITY');
    expect(err.details).toMatchObject({ ingredient: 'Honey', from: 'cup', to: 'g', field: 'unit' });
    expect(caught(() => ingredientStock(db, { ingredientId: honey.id, unit: 'cup' })).details).toMatchObject({ ingredient: 'Honey', field: 'unit' });
  });

  it("one ingredient's stock reads in the unit it was last bought in, lots oldest first with their cost per that unit", async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    buyDomainExampleLots(db, pantry);
    const stock = ingredientStock(db, { ingredientId: pantry.flour.id });
    expect(stock.unit).toBe('lb');
    expect(stock.total).toBeCloseTo(25, 9);
    expect(stock.value).toBeCloseTo(89.9 + 142.35, 9);
    expect(stock.lots.map((l) => [l.product, l.purchasedOn, l.unit])).toEqual([
      ['King Arthur Unbleached All-Purpose', '2026-01-01', 'lb'],
      ['Gold Medal All-Purpose', '2026-01-15', 'lb'],
    ]);
    expect(stock.lots.map((l) => l.unitCost)).toEqual([expect.closeTo(8.99, 9), expect.closeTo(9.49, 9)]);
    const inCups = ingredientStock(db, { ingredientId: pantry.flour.id, unit: 'cup' });
    expect(inCups.total).toBeCloseTo(100, 9);
    expect(inCups.lots[0]!.unitCost).toBeCloseTo(8.99 / 4, 9);
  });

  it('the pantry overview flags an emptied ingredient as empty and a nearly used one as low', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    const { first, second } = buyDomainExampleLots(db, pantry);
    const sugar = createIngredient(db, { name: 'Sugar' });
    const sugarBag = createProduct(db, { ingredientId: sugar.id, brand: 'Domino', name: 'Granulated', packageQuantity: 4, packageUnit: 'lb' });
    const sugarLot = recordPurchase(db, { productId: sugarBag.id, purchasedOn: '2026-01-02', packages: 1, pricePerPackage: 3.99 }).lot;

    adjustLot(db, { lotId: sugarLot.id, quantity: 4, unit: 'lb', reason: 'spoilage' });
    adjustLot(db, { lotId: first.lot.id, quantity: 10, unit: 'lb', reason: 'gift' });
    adjustLot(db, { lotId: second.lot.id, quantity: 13, unit: 'lb', reason: 'used_outside_app' });

    const rows = pantryOverview(db);
    expect(rows.map((r) => [r.ingredient.name, r.empty, r.low, r.lotsWithStock])).toEqual([
      ['All-purpose flour', false, true, 1],
      ['Sugar', true, false, 0],
    ]);
    expect(rows[0]).toMatchObject({ unit: 'lb', path: ['Baking', 'Flours'], lastPurchasedOn: '2026-01-15' });
    expect(rows[0]!.total).toBeCloseTo(2, 9);
    expect(pantryOverview(db, { query: 'sug' }).map((r) => r.ingredient.name)).toEqual(['Sugar']);
  });
  it('the overview reads each ingredient in the unit of its newest lot: latest date first, then the one recorded last that day', async () => {
    const db = await testDb();
    const sugar = createIngredient(db, { name: 'Sugar' });
    const kgBag = createProduct(db, { ingredientId: sugar.id, brand: 'Tate', name: 'Caster', packageQuantity: 1, packageUnit: 'kg' });
    const lbBag = createProduct(db, { ingredientId: sugar.id, brand: 'Domino', name: 'Granulated', packageQuantity: 4, packageUnit: 'lb' });
    // The later date wins although it was recorded first.
    recordPurchase(db, { productId: kgBag.id, purchasedOn: '2026-03-01', packages: 1, pricePerPackage: 2 });
    recordPurchase(db, { productId: lbBag.id, purchasedOn: '2026-02-01', packages: 1, pricePerPackage: 4 });
    expect(pantryOverview(db).map((r) => [r.unit, r.lastPurchasedOn])).toEqual([['kg', '2026-03-01']]);
    // Same day: the one recorded last wins.
    recordPurchase(db, { productId: lbBag.id, purchasedOn: '2026-03-01', packages: 1, pricePerPackage: 4 });
    expect(pantryOverview(db).map((r) => [r.unit, r.lastPurchasedOn])).toEqual([['lb', '2026-03-01']]);
    // An ingredient with no lots has no totals.
    createIngredient(db, { name: 'Salt' });
    expect(pantryOverview(db).map((r) => r.ingredient.name)).toEqual(['Sugar']);
  });
});

describe('price history', () => {
  it('two bag sizes share one line in price per pound: 89.90 for 10 lb is 8.99/lb, 142.35 for 15 lb is 9.49/lb', async () => {
    const db = await testDb();
    const pantry = flourPantry(db);
    buyDomainExampleLots(db, pantry);
    recordPurchase(db, { productId: pantry.smallBag.id, purchasedOn: '2026-02-01', packages: 2, pricePerPackage: 92 });

    const history = priceHistory(db, { ingredientId: pantry.flour.id });
    expect(history.map((h) => [h.date, h.productName, h.pricePerPackage, h.unit])).toEqual([
      ['2026-01-01', 'King Arthur Unbleached All-Purpose', 89.9, 'lb'],
      ['2026-01-15', 'Gold Medal All-Purpose', 142.35, 'lb'],
      ['2026-02-01', 'King Arthur Unbleached All-Purpose', 92, 'lb'],
    ]);
    expect(history.map((h) => h.unitPrice)).toEqual([expect.closeTo(8.99, 9), expect.closeTo(9.49, 9), expect.closeTo(9.2, 9)]);
    expect(priceHistory(db, { ingredientId: pantry.flour.id, productId: pantry.bigBag.id }).map((h) => h.date)).toEqual(['2026-01-15']);
  });
});
