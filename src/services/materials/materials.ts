/**
 * Packaging materials (boxes, tins, ribbon, labels): a name, a category and
 * a base measure (each, length or area) that every product, unit and lot of
 * the material is measured in. The measure is fixed once anything is
 * measured in it; a material with products, units or lots is not deleted.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { checkBaseMeasure, measureBaseUnit, type BaseMeasure } from '../../domain/material-measures';
import { namedRef, type NamedRef } from '../../domain/refs';
import { rankByName } from '../../domain/text-search';
import { counted, reasonList } from '../../domain/usage-text';
import type { Unit } from '../../domain/units';
import { checkFields, listLimit, nameText, optionalText, positiveId } from '../../domain/validate';
import { AppError } from '../../errors';
import { claimSlug } from '../catalog/slugs';
import { deleteAllowed } from '../shared/lifecycle';
import { assertNameFree as assertUniqueName } from '../shared/unique-names';
import { materialStock, type MaterialStock } from './material-lots';
import { listMaterialProducts, type MaterialProductSummary } from './material-products';
import { listMaterialUnits, type MaterialUnitSummary } from './material-units';
import { insertMaterialRow, loadMaterial, type MaterialRow } from './material-rows';

export interface MaterialInput {
  name: string;
  baseMeasure: BaseMeasure;
  category?: string;
  notes?: string;
  slug?: string;
}

export interface MaterialUpdate {
  id: number;
  name?: string;
  baseMeasure?: BaseMeasure;
  category?: string;
  notes?: string;
}

export interface MaterialSummary {
  id: number;
  slug: string;
  name: string;
  category: string;
  baseMeasure: BaseMeasure;
  /** each, cm or cm²: the unit of every stored quantity of it. */
  baseUnit: Unit;
  productCount: number;
  unitCount: number;
}

export interface MaterialDetail extends MaterialSummary {
  notes: string;
  products: MaterialProductSummary[];
  units: MaterialUnitSummary[];
  stock: MaterialStock;
  /** Goods with a line of one of its material units. */
  goods: NamedRef[];
  measureFixed: boolean;
  measureFixedBecause: string | null;
  canDelete: boolean;
  deleteBlockedBy: string | null;
}

interface SummaryRow extends MaterialRow {
  product_count: number;
  unit_count: number;
}

const SUMMARY_SELECT = `
  SELECT m.*, (SELECT count(*) FROM material_products p WHERE p.material_id = m.id) AS product_count,
         (SELECT count(*) FROM material_units u WHERE u.material_id = m.id) AS unit_count
  FROM materials m`;

function toSummary(r: SummaryRow): MaterialSummary {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    category: r.category,
    baseMeasure: r.base_measure,
    baseUnit: measureBaseUnit(r.base_measure),
    productCount: r.product_count,
    unitCount: r.unit_count,
  };
}

export function getMaterial(db: Database, id: number, tx?: Tx): MaterialDetail {
  return withTransaction(db, tx, (t) => {
    const row = loadMaterial(db, positiveId(id, 'id', 'material'), t);
    const summary = toSummary(t.get<SummaryRow>(`${SUMMARY_SELECT} WHERE m.id = ?`, [row.id])!);
    const stock = materialStock(db, { materialId: row.id }, t);
    const goods = t
      .all<{ id: number; slug: string; name: string; archived: number }>(
        `SELECT DISTINCT g.id, g.slug, g.name, g.archived FROM compositions c
         JOIN material_units u ON u.id = c.material_unit_id JOIN finished_goods g ON g.id = c.finished_good_id
         WHERE u.material_id = ? ORDER BY g.name COLLATE NOCASE`,
        [row.id],
      )
      .map(namedRef);
    const measured = [
      summary.productCount > 0 && counted(summary.productCount, 'product'),
      summary.unitCount > 0 && counted(summary.unitCount, 'material unit'),
      stock.lotCount > 0 && counted(stock.lotCount, 'lot'),
    ].filter((r): r is string => Boolean(r));
    const blockedBy = measured.length > 0 ? `it has ${reasonList(measured)}` : null;
    return {
      ...summary,
      notes: row.notes,
      products: listMaterialProducts(db, { materialId: row.id, includeHidden: true }, t),
      units: listMaterialUnits(db, { materialId: row.id }, t),
      stock,
      goods,
      measureFixed: blockedBy !== null,
      measureFixedBecause: blockedBy === null ? null : `${blockedBy} measured ${row.base_measure === 'each' ? 'by the piece' : `by ${row.base_measure}`}`,
      canDelete: blockedBy === null,
      deleteBlockedBy: blockedBy,
    };
  });
}

export interface MaterialFilter {
  query?: string;
  category?: string;
  limit?: number;
}

/** By name, or best match first when searching (the category counts as context). */
export function listMaterials(db: Database, filter: MaterialFilter = {}, tx?: Tx): MaterialSummary[] {
  return withTransaction(db, tx, (t) => {
    const params: string[] = [];
    const where = filter.category === undefined ? '' : ((params.push(filter.category), ' WHERE m.category = ?'));
    const all = t.all<SummaryRow>(`${SUMMARY_SELECT}${where} ORDER BY m.name COLLATE NOCASE, m.id`, params).map(toSummary);
    const limit = listLimit(filter.limit, 1000);
    if (!filter.query?.trim()) return all.slice(0, limit);
    return rankByName(all, filter.query, (m) => m.name, limit, (m) => m.category);
  });
}

/** The material with this slug, if any. */
export function findMaterialBySlug(db: Database, slug: string, tx?: Tx): MaterialSummary | undefined {
  return withTransaction(db, tx, (t) => {
    const row = t.get<SummaryRow>(`${SUMMARY_SELECT} WHERE m.slug = ?`, [slug]);
    return row ? toSummary(row) : undefined;
  });
}

function assertNameFree(db: Database, tx: Tx, name: string, exceptId: number | null): void {
  assertUniqueName(db, { table: 'materials', name, exceptId, message: (existing) => `There is already a material called ${existing}.` }, tx);
}

export function createMaterial(db: Database, input: MaterialInput, tx?: Tx): MaterialDetail {
  return withTransaction(db, tx, (t) => {
    const checked = checkFields({
      name: () => nameText(input.name, 'name', 'material name'),
      baseMeasure: () => checkBaseMeasure(input.baseMeasure),
      category: () => optionalText(input.category, 'category', 'category', 100),
      notes: () => optionalText(input.notes, 'notes'),
      slug: () => claimSlug(db, 'materials', input.slug, typeof input.name === 'string' ? input.name : '', t),
    });
    assertNameFree(db, t, checked.name, null);
    const id = insertMaterialRow(
      db,
      { slug: checked.slug, name: checked.name, category: checked.category, baseMeasure: checked.baseMeasure, notes: checked.notes },
      t,
    );
    return getMaterial(db, id, t);
  });
}

export function updateMaterial(db: Database, input: MaterialUpdate, tx?: Tx): MaterialDetail {
  return withTransaction(db, tx, (t) => {
    const current = getMaterial(db, positiveId(input.id, 'id', 'material'), t);
    const checked = checkFields({
      name: () => (input.name === undefined ? current.name : nameText(input.name, 'name', 'material name')),
      category: () => (input.category === undefined ? current.category : optionalText(input.category, 'category', 'category', 100)),
      notes: () => (input.notes === undefined ? current.notes : optionalText(input.notes, 'notes')),
      baseMeasure: () => {
        if (input.baseMeasure === undefined || input.baseMeasure === current.baseMeasure) return current.baseMeasure;
        const measure = checkBaseMeasure(input.baseMeasure);
        if (current.measureFixed) {
          throw new AppError('IN_USE', `${current.name}'s measure cannot change: ${current.measureFixedBecause}.`, { field: 'baseMeasure' });
        }
        return measure;
      },
    });
    if (checked.name !== current.name) assertNameFree(db, t, checked.name, current.id);
    t.run('UPDATE materials SET name = ?, category = ?, base_measure = ?, notes = ?, updated_at = ? WHERE id = ?', [
      checked.name, checked.category, checked.baseMeasure, checked.notes, t.now(), current.id,
    ]);
    return getMaterial(db, current.id, t);
  });
}

export function deleteMaterial(db: Database, id: number, tx?: Tx): { deleted: true; id: number } {
  return deleteAllowed(db, { table: 'materials', read: (t) => getMaterial(db, id, t), name: (m) => m.name, idKey: 'materialId' }, tx);
}
