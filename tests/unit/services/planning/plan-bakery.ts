/**
 * A bakery to plan with, built through the real services on the test
 * kitchen (flour 8.99/lb at 1 cup = 4 oz, sugar 1.00/lb at 1 cup = 7 oz,
 * butter 5.00/lb at 1 cup = 8 oz, eggs 0.30 each): sugar cookies (48 a
 * batch) and brownies (24 a batch, with half a batch of frosting), a cookie
 * bag of 3 cookies + 2 brownies in a cello bag with a generic bow, and an
 * event "Holiday bake" with 10 bags as its target.
 */
import type { Database } from '../../../../src/db/session';
import { createGood } from '../../../../src/services/goods/goods';
import { createMaterialProduct } from '../../../../src/services/materials/material-products';
import { recordMaterialPurchase } from '../../../../src/services/materials/material-purchases';
import { createMaterialUnit } from '../../../../src/services/materials/material-units';
import { createMaterial } from '../../../../src/services/materials/materials';
import { createEvent } from '../../../../src/services/planning/events';
import { setGoodTarget } from '../../../../src/services/planning/targets';
import { createFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { createRecipe } from '../../../../src/services/recipes/recipes';
import { testDb } from '../../../helpers/db';
import { kitchen } from '../kitchen';

// Kitchen prices per cup and each.
export const FLOUR_CUP = 8.99 / 4;
export const SUGAR_CUP = 7 / 16;
export const BUTTER_CUP = 5 / 2;
export const EGG = 0.3;

export async function planBakery(db?: Database) {
  db ??= await testDb();
  const k = kitchen(db);
  const frosting = createRecipe(db, { name: 'Frosting', category: 'Fillings', ingredientLines: [{ ingredientId: k.sugar.id, quantity: 1, unit: 'cup' }, { ingredientId: k.butter.id, quantity: 0.25, unit: 'cup' }] });
  const cookies = createRecipe(db, {
    name: 'Sugar cookies',
    category: 'Cookies',
    ingredientLines: [
      { ingredientId: k.flour.id, quantity: 2, unit: 'cup' },
      { ingredientId: k.sugar.id, quantity: 1, unit: 'cup' },
      { ingredientId: k.butter.id, quantity: 0.5, unit: 'cup' },
    ],
  });
  const brownies = createRecipe(db, {
    name: 'Brownies',
    category: 'Bars',
    ingredientLines: [
      { ingredientId: k.flour.id, quantity: 1, unit: 'cup' },
      { ingredientId: k.sugar.id, quantity: 1, unit: 'cup' },
      { ingredientId: k.eggs.id, quantity: 2, unit: 'each' },
    ],
    subRecipes: [{ recipeId: frosting.id, batchMultiplier: 0.5 }],
  });
  const cookie = createFinishedUnit(db, { recipeId: cookies.id, name: 'Sugar cookie', yieldMode: 'discrete', itemsPerBatch: 48 });
  const brownie = createFinishedUnit(db, { recipeId: brownies.id, name: 'Brownie', yieldMode: 'discrete', itemsPerBatch: 24 });
  const bags = createMaterial(db, { name: 'Cello bag', baseMeasure: 'each', category: 'Bags' });
  const ribbon = createMaterial(db, { name: 'Ribbon', baseMeasure: 'length' });
  const bagPack = createMaterialProduct(db, { materialId: bags.id, name: 'Cello bags 100 pack', packageQuantity: 100, packageUnit: 'each' });
  const spool = createMaterialProduct(db, { materialId: ribbon.id, name: 'Ribbon 100 ft', packageQuantity: 100, packageUnit: 'ft' });
  // 0.09 a bag; 0.002 per cm of ribbon (6.096 for 3048 cm).
  recordMaterialPurchase(db, { materialProductId: bagPack.id, purchasedOn: '2026-01-02', packages: 1, pricePerPackage: 9 });
  recordMaterialPurchase(db, { materialProductId: spool.id, purchasedOn: '2026-01-02', packages: 1, pricePerPackage: 6.096 });
  const bagUnit = createMaterialUnit(db, { materialId: bags.id, name: 'one bag', quantity: 1, unit: 'each' });
  const bow = createMaterialUnit(db, { materialId: ribbon.id, name: 'one 18 in bow', quantity: 18, unit: 'in' });
  const bag = createGood(db, {
    name: 'Cookie bag',
    lines: [
      { kind: 'unit', finishedUnitId: cookie.id, quantity: 3 },
      { kind: 'unit', finishedUnitId: brownie.id, quantity: 2 },
      { kind: 'material', materialUnitId: bagUnit.id, materialProductId: bagPack.id, quantity: 1 },
      { kind: 'material', materialUnitId: bow.id, materialProductId: null, quantity: 1 },
    ],
  });
  const event = createEvent(db, { name: 'Holiday bake', date: '2026-12-15', notes: 'Bags for the school fair' });
  setGoodTarget(db, { eventId: event.id, goodId: bag.id, quantity: 10 });
  return { db, k, frosting, cookies, brownies, cookie, brownie, bags, ribbon, bagPack, spool, bagUnit, bow, bag, event };
}

export type PlanBakery = Awaited<ReturnType<typeof planBakery>>;
