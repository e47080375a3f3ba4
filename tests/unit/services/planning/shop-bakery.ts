/**
 * A small bakery to shop for, built through the real services: two aisles
 * (Baking with flour, whose cup weighs 4 oz, and cocoa with no density;
 * Dairy with eggs), two stores, and helpers to add a product, buy it, bake
 * something with a recipe of one finished unit a batch, and plan an event
 * for so many of it.
 */
import type { Database } from '../../../../src/db/session';
import { createIngredient } from '../../../../src/services/catalog/ingredients';
import { createProduct, type ProductInput } from '../../../../src/services/catalog/products';
import { createSupplier } from '../../../../src/services/catalog/suppliers';
import { recordPurchase } from '../../../../src/services/pantry/purchases';
import { decideBatches } from '../../../../src/services/planning/batch-decisions';
import { createEvent } from '../../../../src/services/planning/events';
import { setUnitTarget } from '../../../../src/services/planning/targets';
import { createFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { createRecipe } from '../../../../src/services/recipes/recipes';
import { testDb } from '../../../helpers/db';

export async function shopBakery(existing?: Database) {
  const db = existing ?? (await testDb());
  const baking = createIngredient(db, { name: 'Baking' });
  const dairy = createIngredient(db, { name: 'Dairy' });
  const flour = createIngredient(db, { name: 'Flour', parentId: baking.id, density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 4, weightUnit: 'oz' } });
  const cocoa = createIngredient(db, { name: 'Cocoa', parentId: baking.id });
  const eggs = createIngredient(db, { name: 'Eggs', parentId: dairy.id });
  const corner = createSupplier(db, { name: 'Corner store' });
  const club = createSupplier(db, { name: 'Warehouse club' });

  const product = (ingredientId: number, name: string, packageQuantity: number, packageUnit: string, extra: Partial<ProductInput> = {}) =>
    createProduct(db, { ingredientId, name, packageQuantity, packageUnit, ...extra });
  const buy = (productId: number, pricePerPackage: number, packages = 1, purchasedOn = '2026-01-10', supplierId: number | null = null) =>
    recordPurchase(db, { productId, pricePerPackage, packages, purchasedOn, supplierId });

  let made = 0;
  /** A recipe of these lines per batch, yielding one finished unit a batch; returns both. */
  const bake = (name: string, lines: { ingredientId: number; quantity: number; unit: string }[]) => {
    const recipe = createRecipe(db, { name, ingredientLines: lines });
    const unit = createFinishedUnit(db, { recipeId: recipe.id, name: `${name} ${++made}`, yieldMode: 'discrete', itemsPerBatch: 1 });
    return { recipe, unit };
  };
  /** An event wanting `batches` of a one-a-batch unit, with the batches decided. */
  const plan = (name: string, finishedUnitId: number, batches: number) => {
    const event = createEvent(db, { name, date: '2026-12-15' });
    setUnitTarget(db, { eventId: event.id, finishedUnitId, quantity: batches });
    decideBatches(db, { eventId: event.id, finishedUnitId, batches });
    return event;
  };
  return { db, baking, dairy, flour, cocoa, eggs, corner, club, product, buy, bake, plan };
}

export type ShopBakery = Awaited<ReturnType<typeof shopBakery>>;
