/** Reading material rows: one material, one material product, one material unit. */
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
    if (!row) throw new AppError('NOT_FOUND', 'That material product no longer exists.', { materialProductId: id });
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
