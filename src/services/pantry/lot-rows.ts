/**
 * The one way a lot row is written: a purchase's lot, and a lot an importer
 * brings without a purchase, both insert through `insertLotRow`. Quantities
 * are in the base unit of the dimension, the unit cost per base unit.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import type { Dimension } from '../../domain/units';

export interface NewLotRow {
  ingredientId: number;
  productId: number;
  /** Null for a lot that came without a purchase (an imported backup's inventory). */
  purchaseId: number | null;
  purchasedOn: string;
  dimension: Dimension;
  quantityInitial: number;
  quantityRemaining: number;
  /** Null when unknown. */
  unitCost: number | null;
  expiresOn: string | null;
  location: string;
  notes: string;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
  updatedAt?: string;
}

/** Inserts a checked lot; returns its id. */
export function insertLotRow(db: Database, row: NewLotRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      `INSERT INTO lots (ingredient_id, product_id, purchase_id, purchased_on, dimension, quantity_initial, quantity_remaining,
         unit_cost, expires_on, location, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.ingredientId, row.productId, row.purchaseId, row.purchasedOn, row.dimension, row.quantityInitial, row.quantityRemaining,
        row.unitCost, row.expiresOn, row.location, row.notes, row.createdAt ?? now, row.updatedAt ?? now,
      ],
    ).lastInsertRowid;
  });
}
