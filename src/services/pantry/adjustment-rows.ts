/** The one way a lot adjustment (a ledger row, append-only) is written. */
import { withTransaction, type Database, type Tx } from '../../db/session';
import type { AdjustmentReason } from './adjustments';

export interface NewAdjustmentRow {
  lotId: number;
  /** Signed, in the lot's base unit: negative takes away. */
  quantityDelta: number;
  reason: AdjustmentReason;
  note: string;
  /** Per lot base unit, and the value of the change rounded for the ledger; null when the lot's cost is unknown. */
  unitCost: number | null;
  cost: number | null;
  adjustedOn: string;
  /** The adjustment this one reverses, when it is an undo. */
  undoesId: number | null;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
}

/** Inserts a checked adjustment; returns its id. Changing the lot's quantity is the caller's part of the same transaction. */
export function insertAdjustmentRow(db: Database, row: NewAdjustmentRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) =>
    t.run(
      `INSERT INTO lot_adjustments (lot_id, quantity_delta, reason, note, unit_cost, cost, adjusted_on, undoes_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.lotId, row.quantityDelta, row.reason, row.note, row.unitCost, row.cost, row.adjustedOn, row.undoesId, row.createdAt ?? t.now()],
    ).lastInsertRowid,
  );
}
