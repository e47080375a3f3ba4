/**
 * The one way material and material product rows are written (the Bake
 * Tracker importer today; the materials services when they come). A material
 * is measured by 'each', 'length' (cm) or 'area' (cm²); a product's package
 * is in a unit of that measure.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';

export type MaterialMeasure = 'each' | 'length' | 'area';

export interface NewMaterialRow {
  slug: string;
  name: string;
  category: string;
  baseMeasure: MaterialMeasure;
  notes: string;
}

export interface NewMaterialProductRow {
  slug: string;
  materialId: number;
  brand: string;
  name: string;
  packageUnit: string;
  packageQuantity: number;
  supplierId: number | null;
  notes: string;
}

/** Inserts a checked material; returns its id. */
export function insertMaterialRow(db: Database, row: NewMaterialRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run('INSERT INTO materials (slug, name, category, base_measure, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      row.slug, row.name, row.category, row.baseMeasure, row.notes, now, now,
    ]).lastInsertRowid;
  });
}

/** Inserts a checked material product; returns its id. */
export function insertMaterialProductRow(db: Database, row: NewMaterialProductRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      `INSERT INTO material_products (slug, material_id, brand, name, package_unit, package_quantity, supplier_id, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.slug, row.materialId, row.brand, row.name, row.packageUnit, row.packageQuantity, row.supplierId, row.notes, now, now],
    ).lastInsertRowid;
  });
}
