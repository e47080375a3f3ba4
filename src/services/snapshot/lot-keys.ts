/**
 * The keys of the lots already in the database, exactly as an export writes
 * them (domain/snapshot-format.ts, `lotKey`): lots of purchases in the order
 * the file lists purchases (date, product, then creation order), then lots
 * without a purchase (product, date, creation order). Export and import both
 * use this, so a lot keeps its key through any number of round trips.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { LotKeys } from '../../domain/snapshot-format';

/** Key by lot id, for ingredient lots. */
export function ingredientLotKeys(db: Database, tx?: Tx): Map<number, string> {
  return withTransaction(db, tx, (t) =>
    keysOf(
    t,
    `SELECT l.id, p.slug, l.purchased_on FROM purchases pu JOIN lots l ON l.purchase_id = pu.id JOIN products p ON p.id = pu.product_id
     ORDER BY pu.purchased_on, p.slug, pu.id`,
    `SELECT l.id, p.slug, l.purchased_on FROM lots l JOIN products p ON p.id = l.product_id WHERE l.purchase_id IS NULL
     ORDER BY p.slug, l.purchased_on, l.id`,
    ),
  );
}

/** Key by material lot id. */
export function materialLotKeys(db: Database, tx?: Tx): Map<number, string> {
  return withTransaction(db, tx, (t) =>
    keysOf(
    t,
    `SELECT l.id, p.slug, l.purchased_on FROM material_purchases pu JOIN material_lots l ON l.material_purchase_id = pu.id
     JOIN material_products p ON p.id = pu.material_product_id ORDER BY pu.purchased_on, p.slug, pu.id`,
    `SELECT l.id, p.slug, l.purchased_on FROM material_lots l JOIN material_products p ON p.id = l.material_product_id
     WHERE l.material_purchase_id IS NULL ORDER BY p.slug, l.purchased_on, l.id`,
    ),
  );
}

function keysOf(t: Tx, purchased: string, unpurchased: string): Map<number, string> {
  const keys = new LotKeys();
  const out = new Map<number, string>();
  for (const sql of [purchased, unpurchased]) {
    for (const r of t.all<{ id: number; slug: string; purchased_on: string }>(sql)) out.set(r.id, keys.next(r.slug, r.purchased_on));
  }
  return out;
}
