/**
 * Shopping ticks: one row per event and item (an ingredient or a material)
 * the baker ticked off in the store. The one way ticks are inserted (the
 * shopping list's tick and, later, the snapshot importer).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';

export interface NewShoppingTickRow {
  eventId: number;
  /** Exactly one of the two. */
  ingredientId: number | null;
  materialId: number | null;
  /** Kept when given (an imported file's); else the transaction's time. */
  tickedAt?: string;
  createdAt?: string;
}

/** Inserts a checked tick; returns its id. */
export function insertShoppingTickRow(db: Database, row: NewShoppingTickRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run('INSERT INTO shopping_ticks (event_id, ingredient_id, material_id, ticked_at, created_at) VALUES (?, ?, ?, ?, ?)', [
      row.eventId,
      row.ingredientId,
      row.materialId,
      row.tickedAt ?? now,
      row.createdAt ?? now,
    ]).lastInsertRowid;
  });
}
