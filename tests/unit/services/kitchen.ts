/**
 * A small kitchen to test recipes, goods and costs against, built through
 * the real services: flour (1 cup = 4 oz, bought in 10 lb bags at 8.99/lb),
 * sugar (1 cup = 7 oz, 4 lb bags at 4.00), butter by the pound, eggs by the
 * dozen, and brown sugar with no density (bought by the pound: a recipe in
 * cups of it cannot be costed). Also `dbState`, a dump of every table, to
 * prove a refusal changed nothing.
 */
import { expect } from 'vitest';
import type { Database } from '../../../src/db/session';
import { createIngredient } from '../../../src/services/catalog/ingredients';
import { createProduct } from '../../../src/services/catalog/products';
import { recordPurchase } from '../../../src/services/pantry/purchases';
import { caught } from './bakery';

export function kitchen(db: Database) {
  const baking = createIngredient(db, { name: 'Baking' });
  const leaf = (name: string, density?: [number, string, number, string]) =>
    createIngredient(db, {
      name,
      parentId: baking.id,
      ...(density ? { density: { volumeQty: density[0], volumeUnit: density[1], weightQty: density[2], weightUnit: density[3] } } : {}),
    });
  const flour = leaf('Flour', [1, 'cup', 4, 'oz']);
  const sugar = leaf('Sugar', [1, 'cup', 7, 'oz']);
  const butter = leaf('Butter', [1, 'cup', 8, 'oz']);
  const eggs = leaf('Eggs');
  const brownSugar = leaf('Brown sugar');
  const cocoa = leaf('Cocoa');
  const buy = (ingredientId: number, name: string, packageQuantity: number, packageUnit: string, price: number, purchasedOn = '2026-01-10', packages = 1) => {
    const product = createProduct(db, { ingredientId, name: `${name} ${packageQuantity} ${packageUnit}`, packageQuantity, packageUnit });
    return recordPurchase(db, { productId: product.id, purchasedOn, packages, pricePerPackage: price });
  };
  buy(flour.id, 'Flour', 10, 'lb', 89.9);
  buy(sugar.id, 'Sugar', 4, 'lb', 4);
  buy(butter.id, 'Butter', 1, 'lb', 5, '2026-01-10', 4);
  buy(eggs.id, 'Eggs', 12, 'each', 3.6);
  buy(brownSugar.id, 'Brown sugar', 2, 'lb', 3);
  return { baking, flour, sugar, butter, eggs, brownSugar, cocoa, buy };
}

export type Kitchen = ReturnType<typeof kitchen>;

/** Every row of every table: equal before and after means nothing changed. */
export function dbState(db: Database): Record<string, unknown[]> {
  const tables = db.engine.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  return Object.fromEntries(tables.map((t) => [t.name, db.engine.all(`SELECT * FROM ${t.name} ORDER BY rowid`)]));
}

/** Runs `fn`, which must fail with an AppError, and checks it changed nothing; returns the error. */
export function refused(db: Database, fn: () => unknown) {
  const before = dbState(db);
  const error = caught(fn);
  expect(dbState(db)).toEqual(before);
  return error;
}
