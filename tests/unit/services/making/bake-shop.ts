/**
 * A bake shop to test making against, built through the real services on
 * the kitchen (tests/unit/services/kitchen.ts: flour 1 cup = 4 oz at
 * 8.99/lb, sugar 1 cup = 7 oz at 1.00/lb, butter 1 cup = 8 oz at 5.00/lb,
 * eggs at 0.30 each): sugar cookies at 48 a batch (3 cup flour, 1 cup
 * sugar, 0.5 cup butter, 2 eggs), cellophane bags (50 at 0.10) and helpers
 * to bake and to dump the stock tables.
 */
import type { Database } from '../../../../src/db/session';
import { createGood, type GoodInput } from '../../../../src/services/goods/goods';
import { createMaterialProduct } from '../../../../src/services/materials/material-products';
import { recordMaterialPurchase } from '../../../../src/services/materials/material-purchases';
import { createMaterialUnit } from '../../../../src/services/materials/material-units';
import { createMaterial } from '../../../../src/services/materials/materials';
import { createFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { createRecipe } from '../../../../src/services/recipes/recipes';
import { kitchen } from '../kitchen';

export function bakeShop(db: Database) {
  const k = kitchen(db);
  const cookies = createRecipe(db, {
    name: 'Sugar cookies',
    ingredientLines: [
      { ingredientId: k.flour.id, quantity: 3, unit: 'cup' },
      { ingredientId: k.sugar.id, quantity: 1, unit: 'cup' },
      { ingredientId: k.butter.id, quantity: 0.5, unit: 'cup' },
      { ingredientId: k.eggs.id, quantity: 2, unit: 'each' },
    ],
  });
  const cookie = createFinishedUnit(db, { recipeId: cookies.id, name: 'Sugar cookie', yieldMode: 'discrete', itemsPerBatch: 48 });
  const cellophane = createMaterial(db, { name: 'Cellophane bag', baseMeasure: 'each' });
  const oneBag = createMaterialUnit(db, { materialId: cellophane.id, name: 'one cellophane bag', quantity: 1, unit: 'each' });
  const bagPack = createMaterialProduct(db, { materialId: cellophane.id, name: 'Cello bags 50 pack', packageQuantity: 50, packageUnit: 'each' });
  const buyBags = (packages = 1, price = 5, purchasedOn = '2026-01-10') =>
    recordMaterialPurchase(db, { materialProductId: bagPack.id, packages, pricePerPackage: price, purchasedOn });
  const good = (input: GoodInput) => createGood(db, input);
  return { ...k, cookies, cookie, cellophane, oneBag, bagPack, buyBags, good };
}

export type BakeShop = ReturnType<typeof bakeShop>;

/** The stock and ledger tables, row by row. */
export function stockState(db: Database): Record<string, unknown[]> {
  const tables = ['lots', 'material_lots', 'finished_unit_lots', 'finished_good_lots', 'production_runs', 'production_consumptions', 'assembly_runs', 'assembly_consumptions', 'run_reversals'];
  return Object.fromEntries(tables.map((t) => [t, db.engine.all(`SELECT * FROM ${t} ORDER BY id`)]));
}
