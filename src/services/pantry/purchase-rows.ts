/** The one way a purchase row is written (recording a purchase, and importers, insert through it). */
import { withTransaction, type Database, type Tx } from '../../db/session';

export interface NewPurchaseRow {
  productId: number;
  supplierId: number | null;
  purchasedOn: string;
  packages: number;
  pricePerPackage: number;
  notes: string;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
  updatedAt?: string;
}

/** Inserts a checked purchase; returns its id. Its lot is written separately (insertLotRow). */
export function insertPurchaseRow(db: Database, row: NewPurchaseRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      `INSERT INTO purchases (product_id, supplier_id, purchased_on, packages, price_per_package, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.productId, row.supplierId, row.purchasedOn, row.packages, row.pricePerPackage, row.notes, row.createdAt ?? now, row.updatedAt ?? now],
    ).lastInsertRowid;
  });
}
