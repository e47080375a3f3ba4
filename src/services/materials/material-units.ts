/**
 * Material units: a named use of a material, which is what a good's
 * packaging line counts ("one 18 in bow" = 45.72 cm of ribbon, "one window
 * box" = 1 box). The size is given in any unit of the material's measure and
 * stored in its base unit. Changing a size changes what every good using it
 * needs, so plans see it (docs/design/change-tracking.md).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { checkMaterialUnit, measureBaseUnit, type BaseMeasure } from '../../domain/material-measures';
import { namedRef, type NamedRef } from '../../domain/refs';
import { rankByName } from '../../domain/text-search';
import { nameList } from '../../domain/usage-text';
import { toBase, type Unit } from '../../domain/units';
import { checkFields, listLimit, nameText, optionalText, positiveId, positiveNumber } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { claimSlug } from '../catalog/slugs';
import { deleteAllowed } from '../shared/lifecycle';
import { assertNameFree as assertUniqueName } from '../shared/unique-names';
import { insertMaterialUnitRow, loadMaterial, loadMaterialUnit, type MaterialRow } from './material-rows';

/** A use of material this large or larger is a slip (10,000 cm is 100 m of ribbon on one box). */
const MAX_UNIT_QUANTITY = 1_000_000;

export interface MaterialUnitInput {
  materialId: number;
  name: string;
  /** The size of one use, in `unit` (18, 'in'). */
  quantity: number;
  unit: string;
  notes?: string;
  slug?: string;
}

export interface MaterialUnitUpdate {
  id: number;
  name?: string;
  quantity?: number;
  unit?: string;
  notes?: string;
}

export interface MaterialUnitSummary {
  id: number;
  slug: string;
  material: { id: number; slug: string; name: string; baseMeasure: BaseMeasure };
  name: string;
  /** One use, in the material's base unit (45.72 for an 18 in bow). */
  size: number;
  baseUnit: Unit;
  notes: string;
  /** Goods with a packaging line of this unit. */
  goods: NamedRef[];
  canDelete: boolean;
  deleteBlockedBy: string | null;
}

interface Row {
  id: number;
  slug: string;
  material_id: number;
  name: string;
  quantity: number;
  notes: string;
  material_slug: string;
  material_name: string;
  base_measure: BaseMeasure;
}

const SELECT = `
  SELECT u.id, u.slug, u.material_id, u.name, u.quantity, u.notes, m.slug AS material_slug, m.name AS material_name, m.base_measure
  FROM material_units u JOIN materials m ON m.id = u.material_id`;

function toSummary(tx: Tx, r: Row): MaterialUnitSummary {
  const goods = tx
    .all<{ id: number; slug: string; name: string; archived: number }>(
      `SELECT DISTINCT g.id, g.slug, g.name, g.archived FROM compositions c JOIN finished_goods g ON g.id = c.finished_good_id
       WHERE c.material_unit_id = ? ORDER BY g.name COLLATE NOCASE`,
      [r.id],
    )
    .map(namedRef);
  const deleteBlockedBy = goods.length > 0 ? `it is in ${nameList(goods.map((g) => g.name))}` : null;
  return {
    id: r.id,
    slug: r.slug,
    material: { id: r.material_id, slug: r.material_slug, name: r.material_name, baseMeasure: r.base_measure },
    name: r.name,
    size: r.quantity,
    baseUnit: measureBaseUnit(r.base_measure),
    notes: r.notes,
    goods,
    canDelete: deleteBlockedBy === null,
    deleteBlockedBy,
  };
}

export function getMaterialUnit(db: Database, id: number, tx?: Tx): MaterialUnitSummary {
  return withTransaction(db, tx, (t) => {
    const row = t.get<Row>(`${SELECT} WHERE u.id = ?`, [id]);
    if (!row) throw new AppError('NOT_FOUND', 'That material unit no longer exists.', { materialUnitId: id });
    return toSummary(t, row);
  });
}

/** The material unit with this slug, if any. */
export function findMaterialUnitBySlug(db: Database, slug: string, tx?: Tx): MaterialUnitSummary | undefined {
  return withTransaction(db, tx, (t) => {
    const row = t.get<Row>(`${SELECT} WHERE u.slug = ?`, [slug]);
    return row ? toSummary(t, row) : undefined;
  });
}

/** By material and name, or best match first (the material's name counts too): the picker of a packaging line. */
export function listMaterialUnits(db: Database, filter: { materialId?: number; query?: string; limit?: number } = {}, tx?: Tx): MaterialUnitSummary[] {
  return withTransaction(db, tx, (t) => {
    const params: number[] = [];
    const where = filter.materialId === undefined ? '' : ((params.push(filter.materialId), ' WHERE u.material_id = ?'));
    const rows = t.all<Row>(`${SELECT}${where} ORDER BY m.name COLLATE NOCASE, u.name COLLATE NOCASE, u.id`, params);
    const limit = listLimit(filter.limit, 1000);
    const chosen = filter.query?.trim() ? rankByName(rows, filter.query, (u) => u.name, limit, (u) => u.material_name) : rows.slice(0, limit);
    return chosen.map((r) => toSummary(t, r));
  });
}

/** The size of one use, in the material's base unit; the amount and the unit are checked together. */
function checkSize(material: MaterialRow, quantity: unknown, unit: unknown): number {
  const size = checkFields({
    quantity: () => positiveNumber(quantity, 'quantity', 'the size', MAX_UNIT_QUANTITY),
    unit: () => checkMaterialUnit(unit, material.base_measure, material.name, 'unit'),
  });
  return toBase(size.quantity, size.unit);
}

function assertNameFree(db: Database, tx: Tx, materialId: number, name: string, exceptId: number | null): void {
  assertUniqueName(
    db,
    { table: 'material_units', name, exceptId, within: { column: 'material_id', value: materialId }, message: (existing) => `This material already has a unit called ${existing}.` },
    tx,
  );
}

export function createMaterialUnit(db: Database, input: MaterialUnitInput, tx?: Tx): MaterialUnitSummary {
  return withTransaction(db, tx, (t) => {
    const materialId = positiveId(input.materialId, 'materialId', 'material');
    if (!t.get('SELECT 1 AS x FROM materials WHERE id = ?', [materialId])) throw validationError('materialId', 'That material no longer exists.');
    const material = loadMaterial(db, materialId, t);
    const checked = checkFields({
      name: () => nameText(input.name, 'name', 'name'),
      size: () => checkSize(material, input.quantity, input.unit),
      notes: () => optionalText(input.notes, 'notes'),
      slug: () => claimSlug(db, 'material_units', input.slug, `${material.name} ${typeof input.name === 'string' ? input.name : ''}`, t),
    });
    assertNameFree(db, t, materialId, checked.name, null);
    const id = insertMaterialUnitRow(db, { slug: checked.slug, materialId, name: checked.name, quantity: checked.size, notes: checked.notes }, t);
    return getMaterialUnit(db, id, t);
  });
}

export function updateMaterialUnit(db: Database, input: MaterialUnitUpdate, tx?: Tx): MaterialUnitSummary {
  return withTransaction(db, tx, (t) => {
    const current = loadMaterialUnit(db, positiveId(input.id, 'id', 'material unit'), t);
    const material = loadMaterial(db, current.material_id, t);
    const sizeGiven = input.quantity !== undefined || input.unit !== undefined;
    const checked = checkFields({
      name: () => (input.name === undefined ? current.name : nameText(input.name, 'name', 'name')),
      size: () => (sizeGiven ? checkSize(material, input.quantity, input.unit ?? measureBaseUnit(material.base_measure)) : current.quantity),
      notes: () => (input.notes === undefined ? current.notes : optionalText(input.notes, 'notes')),
    });
    if (checked.name !== current.name) assertNameFree(db, t, current.material_id, checked.name, current.id);
    t.run('UPDATE material_units SET name = ?, quantity = ?, notes = ?, updated_at = ? WHERE id = ?', [checked.name, checked.size, checked.notes, t.now(), current.id]);
    return getMaterialUnit(db, current.id, t);
  });
}

export function deleteMaterialUnit(db: Database, id: number, tx?: Tx): { deleted: true; id: number } {
  return deleteAllowed(db, { table: 'material_units', read: (t) => getMaterialUnit(db, id, t), name: (u) => u.name, idKey: 'materialUnitId' }, tx);
}
