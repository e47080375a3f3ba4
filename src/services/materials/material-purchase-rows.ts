/**
 * The one way material purchase and material lot rows are written. A lot's
 * quantities are in its material's base unit (each, cm, cm²), its unit cost
 * per base unit.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';

export interface NewMaterialPurchaseRow {
  materialProductId: number;
  supplierId: number | null;
  purchasedOn: string;
  packages: number;
  pricePerPackage: number;
  notes: string;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
  updatedAt?: string;
}

export interface NewMaterialLotRow {
  materialId: number;
  materialProductId: number;
  /** Null for a lot that came without a purchase. */
  materialPurchaseId: number | null;
  purchasedOn: string;
  quantityInitial: number;
  quantityRemaining: number;
  /** Null when unknown. */
  unitCost: number | null;
  location: string;
  notes: string;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
  updatedAt?: string;
}

/** Inserts a checked material purchase; returns its id. Its lot is written separately (insertMaterialLotRow). */
export function insertMaterialPurchaseRow(db: Database, row: NewMaterialPurchaseRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      `INSERT INTO material_purchases (material_product_id, supplier_id, purchased_on, packages, price_per_package, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.materialProductId, row.supplierId, row.purchasedOn, row.packages, row.pricePerPackage, row.notes, row.createdAt ?? now, row.updatedAt ?? now],
    ).lastInsertRowid;
  });
}

/** Inserts a checked material lot; returns its id. */
export function insertMaterialLotRow(db: Database, row: NewMaterialLotRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      `INSERT INTO material_lots (material_id, material_product_id, material_purchase_id, purchased_on, quantity_initial, quantity_remaining, unit_cost,
         location, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.materialId, row.materialProductId, row.materialPurchaseId, row.purchasedOn, row.quantityInitial, row.quantityRemaining, row.unitCost,
        row.location, row.notes, row.createdAt ?? now, row.updatedAt ?? now,
      ],
    ).lastInsertRowid;
  });
}
