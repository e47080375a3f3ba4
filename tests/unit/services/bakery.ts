/**
 * A small bakery to test against, built through the real services: the
 * flour of the domain reference (density 1 cup = 4 oz) and helpers to buy it.
 * Also `caught`, which runs something expected to fail and returns its error.
 */
import { expect } from 'vitest';
import type { Database } from '../../../src/db/session';
import { AppError } from '../../../src/errors';
import { createIngredient } from '../../../src/services/catalog/ingredients';
import { createProduct } from '../../../src/services/catalog/products';
import { recordPurchase } from '../../../src/services/pantry/purchases';

export function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected the call to fail, and it succeeded');
}

/** Baking > Flours > All-purpose flour (1 cup weighs 4 oz), with two products: 10 lb and 15 lb bags. */
export function flourPantry(db: Database) {
  const baking = createIngredient(db, { name: 'Baking' });
  const flours = createIngredient(db, { name: 'Flours', parentId: baking.id });
  const flour = createIngredient(db, {
    name: 'All-purpose flour',
    parentId: flours.id,
    density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 4, weightUnit: 'oz' },
  });
  const smallBag = createProduct(db, { ingredientId: flour.id, brand: 'King Arthur', name: 'Unbleached All-Purpose', packageQuantity: 10, packageUnit: 'lb' });
  const bigBag = createProduct(db, { ingredientId: flour.id, brand: 'Gold Medal', name: 'All-Purpose', packageQuantity: 15, packageUnit: 'lb' });
  return { baking, flours, flour, smallBag, bigBag };
}

/** The domain reference's two lots: 10 lb on Jan 1 at 8.99/lb and 15 lb on Jan 15 at 9.49/lb. */
export function buyDomainExampleLots(db: Database, p: ReturnType<typeof flourPantry>) {
  const first = recordPurchase(db, { productId: p.smallBag.id, purchasedOn: '2026-01-01', packages: 1, pricePerPackage: 10 * 8.99 });
  const second = recordPurchase(db, { productId: p.bigBag.id, purchasedOn: '2026-01-15', packages: 1, pricePerPackage: 15 * 9.49 });
  return { first, second };
}

export function lotRemaining(db: Database, lotId: number): number {
  return db.engine.get<{ q: number }>('SELECT quantity_remaining AS q FROM lots WHERE id = ?', [lotId])!.q;
}

export const GRAMS_PER_LB = 453.59237;
