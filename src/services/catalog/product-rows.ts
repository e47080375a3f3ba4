/** The one way a product row is written (the product services and importers all insert through it). */
import { withTransaction, type Database, type Tx } from '../../db/session';
import type { Unit } from '../../domain/units';

export interface NewProductRow {
  slug: string;
  ingredientId: number;
  brand: string;
  name: string;
  packageType: string;
  packageUnit: Unit;
  packageQuantity: number;
  gtin: string | null;
  preferred: boolean;
  hidden: boolean;
  supplierId: number | null;
  notes: string;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
  updatedAt?: string;
}

/** Inserts a checked product; returns its id. Keeping one preferred product per ingredient is the caller's rule. */
export function insertProductRow(db: Database, row: NewProductRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      `INSERT INTO products (slug, ingredient_id, brand, name, package_type, package_unit, package_quantity, gtin, preferred,
         hidden, supplier_id, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.slug, row.ingredientId, row.brand, row.name, row.packageType, row.packageUnit, row.packageQuantity, row.gtin,
        row.preferred ? 1 : 0, row.hidden ? 1 : 0, row.supplierId, row.notes, row.createdAt ?? now, row.updatedAt ?? now,
      ],
    ).lastInsertRowid;
  });
}
