/**
 * Material rows: reading one material, material product or material unit,
 * and the one way each of those rows is written (the materials services and
 * the Bake Tracker importer both insert through these). A material is
 * measured by 'each', 'length' (cm) or 'area' (cm²); its products' packages
 * and its units' sizes are in that measure.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import type { BaseMeasure } from '../../domain/material-measures';
import { AppError } from '../../errors';

export interface MaterialRow {
  id: number;
  slug: string;
  name: string;
  category: string;
  base_measure: BaseMeasure;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface MaterialProductRow {
  id: number;
  slug: string;
  material_id: number;
  brand: string;
  name: string;
  package_unit: string;
  package_quantity: number;
  preferred: number;
  hidden: number;
  supplier_id: number | null;
  notes: string;
}

export interface MaterialUnitRow {
  id: number;
  slug: string;
  material_id: number;
  name: string;
  /** One use, in the material's base measure. */
  quantity: number;
  notes: string;
}

export function loadMaterial(db: Database, id: number, tx?: Tx): MaterialRow {
  return withTransaction(db, tx, (t) => {
    const row = t.get<MaterialRow>('SELECT * FROM materials WHERE id = ?', [id]);
    if (!row) throw new AppError('NOT_FOUND', 'That material no longer exists.', { materialId: id });
    return row;
  });
}

export function loadMaterialProduct(db: Database, id: number, tx?: Tx): MaterialProductRow {
  return withTransaction(db, tx, (t) => {
    const row = t.get<MaterialProductRow>('SELECT * FROM material_products WHERE id = ?', [id]);
    if (!row) throw new AppError('NOT_FOUND', 'That packaging product no longer exists.', { materialProductId: id });
    return row;
  });
}

export function loadMaterialUnit(db: Database, id: number, tx?: Tx): MaterialUnitRow {
  return withTransaction(db, tx, (t) => {
    const row = t.get<MaterialUnitRow>('SELECT * FROM material_units WHERE id = ?', [id]);
    if (!row) throw new AppError('NOT_FOUND', 'That material unit no longer exists.', { materialUnitId: id });
    return row;
  });
}

export interface NewMaterialRow {
  slug: string;
  name: string;
  category: string;
  baseMeasure: BaseMeasure;
  notes: string;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
  updatedAt?: string;
}

export interface NewMaterialProductRow {
  slug: string;
  materialId: number;
  brand: string;
  name: string;
  packageUnit: string;
  packageQuantity: number;
  /** Not preferred, not hidden when left out (an imported product). */
  preferred?: boolean;
  hidden?: boolean;
  supplierId: number | null;
  notes: string;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
  updatedAt?: string;
}

export interface NewMaterialUnitRow {
  slug: string;
  materialId: number;
  name: string;
  /** One use, in the material's base unit. */
  quantity: number;
  notes: string;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
  updatedAt?: string;
}

/** Inserts a checked material; returns its id. */
export function insertMaterialRow(db: Database, row: NewMaterialRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run('INSERT INTO materials (slug, name, category, base_measure, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      row.slug, row.name, row.category, row.baseMeasure, row.notes, row.createdAt ?? now, row.updatedAt ?? now,
    ]).lastInsertRowid;
  });
}

/** Inserts a checked material product; returns its id. */
export function insertMaterialProductRow(db: Database, row: NewMaterialProductRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      `INSERT INTO material_products (slug, material_id, brand, name, package_unit, package_quantity, preferred, hidden, supplier_id, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.slug, row.materialId, row.brand, row.name, row.packageUnit, row.packageQuantity, row.preferred ? 1 : 0, row.hidden ? 1 : 0,
        row.supplierId, row.notes, row.createdAt ?? now, row.updatedAt ?? now,
      ],
    ).lastInsertRowid;
  });
}

/** Inserts a checked material unit; returns its id. */
export function insertMaterialUnitRow(db: Database, row: NewMaterialUnitRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run('INSERT INTO material_units (slug, material_id, name, quantity, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      row.slug, row.materialId, row.name, row.quantity, row.notes, row.createdAt ?? now, row.updatedAt ?? now,
    ]).lastInsertRowid;
  });
}
