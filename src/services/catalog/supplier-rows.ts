/** The one way a supplier row is written (the supplier services and importers all insert through it). */
import { withTransaction, type Database, type Tx } from '../../db/session';

export type SupplierKind = 'physical' | 'online';

export interface NewSupplierRow {
  slug: string;
  name: string;
  kind: SupplierKind;
  location: string;
  active: boolean;
  notes: string;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
  updatedAt?: string;
}

/** Inserts a checked supplier; returns its id. */
export function insertSupplierRow(db: Database, row: NewSupplierRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      'INSERT INTO suppliers (slug, name, kind, location, active, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [row.slug, row.name, row.kind, row.location, row.active ? 1 : 0, row.notes, row.createdAt ?? now, row.updatedAt ?? now],
    ).lastInsertRowid;
  });
}
