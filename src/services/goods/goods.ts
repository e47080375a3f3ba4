/**
 * Finished goods: things assembled from finished units, other goods and
 * packaging (a gift box with a tin of biscotti inside, in a window box with
 * a bow). Nested goods may not loop and nest at most 10 levels; a refused
 * save changes nothing and names the loop or the chain. A packaging line
 * may stay generic until a material product is assigned. A good that was
 * used (assembled, planned, nested) is archived rather than deleted. Every
 * read says what the screen may do.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { levelsBelow, nestingProblem } from '../../domain/nesting';
import { namedRef, type NamedRef } from '../../domain/refs';
import { rankByName } from '../../domain/text-search';
import { counted, nameList, reasonList } from '../../domain/usage-text';
import type { Unit } from '../../domain/units';
import { checkFields, listLimit, nameText, optionalText, positiveId } from '../../domain/validate';
import { yieldPerBatch, type YieldMode } from '../../domain/yields';
import { measureBaseUnit, type BaseMeasure } from '../../domain/material-measures';
import { productLabel } from '../../domain/labels';
import { AppError, validationError } from '../../errors';
import { claimSlug } from '../catalog/slugs';
import { deleteAllowed, setArchived } from '../shared/lifecycle';
import { assertNameFree as assertUniqueName } from '../shared/unique-names';
import { checkCompositionLines, type CheckedCompositionLine, type CompositionLineInput } from './composition-lines';
import type { GoodDefinition } from '../../domain/explosion';
import { compositionRows, draftDefinition, insertCompositionRow, insertGoodRow, loadGood, nestedGoodGraph, type GoodRow } from './good-rows';

/** Nested goods nest at most this many levels (a good inside a good ... inside a good). */
export const MAX_GOOD_LEVELS = 10;

/** The id a good being created stands under in the nesting check (ids are positive). */
const NEW_GOOD = 0;

export interface GoodInput {
  name: string;
  notes?: string;
  lines?: CompositionLineInput[];
  slug?: string;
}

/** Fields left out stay as they are; `lines`, when given, replaces the whole composition. */
export interface GoodUpdate {
  id: number;
  name?: string;
  notes?: string;
  lines?: CompositionLineInput[];
}

export type GoodLine = { id: number; position: number; quantity: number } & (
  | { kind: 'unit'; finishedUnit: NamedRef & { recipe: NamedRef; yieldMode: YieldMode; yieldPerBatch: number } }
  | { kind: 'good'; good: NamedRef }
  | {
      kind: 'material';
      materialUnit: { id: number; slug: string; name: string; size: number; baseUnit: Unit };
      material: { id: number; slug: string; name: string; baseMeasure: BaseMeasure };
      /** The assigned product; null for a generic line. */
      materialProduct: { id: number; slug: string; displayName: string } | null;
      /** Generic: any product of the material will do until one is assigned. */
      generic: boolean;
    }
);

export interface GoodUsage {
  /** Goods this one is nested in. */
  nestedIn: NamedRef[];
  /** Event targets and plan amendments naming it. */
  planEntries: number;
  openPlanEntries: number;
  assemblyRuns: number;
  /** Finished stock lots of it. */
  lots: number;
}

export interface GoodSummary {
  id: number;
  slug: string;
  name: string;
  archived: boolean;
  lineCount: number;
  /** Packaging lines with no product assigned yet. */
  genericLineCount: number;
}

export interface GoodDetail extends GoodSummary {
  notes: string;
  lines: GoodLine[];
  /** Levels of its own tree: 1 when it holds no other good, at most 10. */
  levels: number;
  usage: GoodUsage;
  canDelete: boolean;
  deleteBlockedBy: string | null;
  canArchive: boolean;
  archiveBlockedBy: string | null;
  canRestore: boolean;
  restoreBlockedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

// Reads ------------------------------------------------------------------------------

interface SummaryRow extends GoodRow {
  line_count: number;
  generic_count: number;
}

const SUMMARY_SELECT = `
  SELECT g.*, (SELECT count(*) FROM compositions c WHERE c.finished_good_id = g.id) AS line_count,
         (SELECT count(*) FROM compositions c WHERE c.finished_good_id = g.id AND c.material_unit_id IS NOT NULL AND c.material_product_id IS NULL) AS generic_count
  FROM finished_goods g`;

function toSummary(r: SummaryRow): GoodSummary {
  return { id: r.id, slug: r.slug, name: r.name, archived: r.archived === 1, lineCount: r.line_count, genericLineCount: r.generic_count };
}

export function goodUsage(db: Database, id: number, tx?: Tx): GoodUsage {
  return withTransaction(db, tx, (t) => {
    const n = (sql: string) => t.get<{ n: number }>(sql, [id])!.n;
    const OPEN = `(SELECT id FROM events WHERE plan_state <> 'completed')`;
    return {
      nestedIn: t
        .all<{ id: number; slug: string; name: string; archived: number }>(
          `SELECT DISTINCT g.id, g.slug, g.name, g.archived FROM compositions c JOIN finished_goods g ON g.id = c.finished_good_id
           WHERE c.component_good_id = ? ORDER BY g.name COLLATE NOCASE`,
          [id],
        )
        .map(namedRef),
      planEntries: n('SELECT count(*) AS n FROM event_good_targets WHERE finished_good_id = ?') + n('SELECT count(*) AS n FROM plan_amendments WHERE finished_good_id = ?'),
      openPlanEntries: n(`SELECT count(*) AS n FROM event_good_targets WHERE finished_good_id = ? AND event_id IN ${OPEN}`),
      assemblyRuns: n('SELECT count(*) AS n FROM assembly_runs WHERE finished_good_id = ?'),
      lots: n('SELECT count(*) AS n FROM finished_good_lots WHERE finished_good_id = ?'),
    };
  });
}

function linesOf(tx: Tx, goodId: number): GoodLine[] {
  return compositionRows(tx.db, goodId, tx).map((r): GoodLine => {
    const base = { id: r.id, position: r.position, quantity: r.quantity };
    if (r.finished_unit_id !== null) {
      const u = tx.get<{ id: number; slug: string; name: string; archived: number; yield_mode: YieldMode; items_per_batch: number | null; portion_percent: number | null; recipe_id: number; recipe_slug: string; recipe_name: string; recipe_archived: number }>(
        `SELECT fu.id, fu.slug, fu.name, fu.archived, fu.yield_mode, fu.items_per_batch, fu.portion_percent,
                r.id AS recipe_id, r.slug AS recipe_slug, r.name AS recipe_name, r.archived AS recipe_archived
         FROM finished_units fu JOIN recipes r ON r.id = fu.recipe_id WHERE fu.id = ?`,
        [r.finished_unit_id],
      )!;
      return {
        ...base,
        kind: 'unit',
        finishedUnit: {
          ...namedRef(u),
          recipe: namedRef({ id: u.recipe_id, slug: u.recipe_slug, name: u.recipe_name, archived: u.recipe_archived }),
          yieldMode: u.yield_mode,
          yieldPerBatch: yieldPerBatch({ mode: u.yield_mode, itemsPerBatch: u.items_per_batch, portionPercent: u.portion_percent }),
        },
      };
    }
    if (r.component_good_id !== null) {
      const g = tx.get<{ id: number; slug: string; name: string; archived: number }>('SELECT id, slug, name, archived FROM finished_goods WHERE id = ?', [r.component_good_id])!;
      return { ...base, kind: 'good', good: namedRef(g) };
    }
    const u = tx.get<{ id: number; slug: string; name: string; quantity: number; material_id: number; material_slug: string; material_name: string; base_measure: BaseMeasure }>(
      `SELECT u.id, u.slug, u.name, u.quantity, m.id AS material_id, m.slug AS material_slug, m.name AS material_name, m.base_measure
       FROM material_units u JOIN materials m ON m.id = u.material_id WHERE u.id = ?`,
      [r.material_unit_id],
    )!;
    const p =
      r.material_product_id === null
        ? undefined
        : tx.get<{ id: number; slug: string; brand: string; name: string }>('SELECT id, slug, brand, name FROM material_products WHERE id = ?', [r.material_product_id]);
    return {
      ...base,
      kind: 'material',
      materialUnit: { id: u.id, slug: u.slug, name: u.name, size: u.quantity, baseUnit: measureBaseUnit(u.base_measure) },
      material: { id: u.material_id, slug: u.material_slug, name: u.material_name, baseMeasure: u.base_measure },
      materialProduct: p ? { id: p.id, slug: p.slug, displayName: productLabel(p.brand, p.name) } : null,
      generic: !p,
    };
  });
}

function deleteBlocker(u: GoodUsage): string | null {
  const reasons = [
    u.nestedIn.length > 0 && `it is in ${nameList(u.nestedIn.map((g) => g.name))}`,
    u.planEntries > 0 && `it is in ${counted(u.planEntries, 'event plan entry', 'event plan entries')}`,
    u.assemblyRuns > 0 && `it has ${counted(u.assemblyRuns, 'assembly run')}`,
    u.lots > 0 && u.assemblyRuns === 0 && `it has ${counted(u.lots, 'stock lot')}`,
  ].filter((r): r is string => Boolean(r));
  return reasons.length > 0 ? reasonList(reasons) : null;
}

function archiveBlocker(u: GoodUsage): string | null {
  const active = u.nestedIn.filter((g) => !g.archived);
  const reasons = [
    active.length > 0 && `it is in ${nameList(active.map((g) => g.name))} (remove it there, or archive that first)`,
    u.openPlanEntries > 0 && 'an event plan that is not completed has it as a target',
  ].filter((r): r is string => Boolean(r));
  return reasons.length > 0 ? reasonList(reasons) : null;
}

export function getGood(db: Database, id: number, tx?: Tx): GoodDetail {
  return withTransaction(db, tx, (t) => {
    const goodId = positiveId(id, 'id', 'finished good');
    const row = t.get<SummaryRow>(`${SUMMARY_SELECT} WHERE g.id = ?`, [goodId]);
    if (!row) throw new AppError('NOT_FOUND', 'That finished good no longer exists.', { goodId });
    const lines = linesOf(t, goodId);
    const usage = goodUsage(db, goodId, t);
    const archived = row.archived === 1;
    const archiveBlockedBy = archived ? 'it is already archived' : archiveBlocker(usage);
    const inUse = deleteBlocker(usage);
    const deleteBlockedBy = inUse === null ? null : archiveBlockedBy === null ? `${inUse}: archive it instead` : inUse;
    const archivedParts = lines.flatMap((l) =>
      l.kind === 'unit' && (l.finishedUnit.archived || l.finishedUnit.recipe.archived) ? [l.finishedUnit.name] : l.kind === 'good' && l.good.archived ? [l.good.name] : [],
    );
    const restoreBlockedBy = !archived
      ? 'it is not archived'
      : archivedParts.length > 0
        ? `${nameList(archivedParts)} ${archivedParts.length === 1 ? 'is' : 'are'} archived: restore ${archivedParts.length === 1 ? 'it' : 'them'} first`
        : null;
    return {
      ...toSummary(row),
      notes: row.notes,
      lines,
      levels: levelsBelow(nestedGoodGraph(db, t).children, goodId),
      usage,
      canDelete: deleteBlockedBy === null,
      deleteBlockedBy,
      canArchive: archiveBlockedBy === null,
      archiveBlockedBy,
      canRestore: restoreBlockedBy === null,
      restoreBlockedBy,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

export interface GoodFilter {
  query?: string;
  includeArchived?: boolean;
  /** Only the archived goods (the list a baker restores from). */
  onlyArchived?: boolean;
  limit?: number;
}

/** By name, or best match first when searching. Archived goods only when asked. */
export function listGoods(db: Database, filter: GoodFilter = {}, tx?: Tx): GoodSummary[] {
  return withTransaction(db, tx, (t) => {
    const where = filter.onlyArchived ? ' WHERE g.archived = 1' : filter.includeArchived ? '' : ' WHERE g.archived = 0';
    const all = t.all<SummaryRow>(`${SUMMARY_SELECT}${where} ORDER BY g.name COLLATE NOCASE, g.id`).map(toSummary);
    const limit = listLimit(filter.limit, 1000);
    if (!filter.query?.trim()) return all.slice(0, limit);
    return rankByName(all, filter.query, (g) => g.name, limit);
  });
}

/** The good with this slug, if any. */
export function findGoodSummaryBySlug(db: Database, slug: string, tx?: Tx): GoodSummary | undefined {
  return withTransaction(db, tx, (t) => {
    const row = t.get<SummaryRow>(`${SUMMARY_SELECT} WHERE g.slug = ?`, [slug]);
    return row ? toSummary(row) : undefined;
  });
}

// Writes ------------------------------------------------------------------------------

function assertNameFree(db: Database, tx: Tx, name: string, exceptId: number | null): void {
  assertUniqueName(db, { table: 'finished_goods', name, exceptId, message: (existing) => `There is already a finished good called ${existing}.` }, tx);
}

/** Refuses nested goods that would make a loop or nest deeper than 10 levels, naming the loop or the chain. */
function checkNesting(db: Database, tx: Tx, goodId: number, name: string, lines: readonly CheckedCompositionLine[]): void {
  const { children, names } = nestedGoodGraph(db, tx);
  names.set(goodId, name);
  const nested = lines.flatMap((l, index) => (l.kind === 'good' ? [{ id: l.goodId, index }] : []));
  children.set(goodId, nested.map((n) => n.id));
  const problem = nestingProblem(children, goodId, MAX_GOOD_LEVELS);
  if (!problem) return;
  const field = `lines[${nested[problem.childIndex]!.index}].goodId`;
  if (problem.kind === 'loop') {
    const loop = problem.path.map((id) => names.get(id) ?? String(id));
    throw validationError(field, `${loop.join(' -> ')}: a good cannot contain itself, even through the goods inside it.`, { loop });
  }
  const chain = problem.chain.map((id) => names.get(id) ?? String(id));
  throw validationError(field, `${chain.join(' -> ')} is ${chain.length} levels deep; goods nest at most ${MAX_GOOD_LEVELS} levels.`, {
    chain,
    maxLevels: MAX_GOOD_LEVELS,
  });
}

/**
 * Checks a good's lines as the builder holds them, unsaved (`goodId` null for
 * a new good): every field, then loops and depth, exactly as saving would.
 * Returns its definition for a preview (explodeGoodDraft, costGoodDraft);
 * writes nothing.
 */
export function checkGoodDraft(db: Database, input: { goodId?: number | null; name?: string; lines?: CompositionLineInput[] }, tx?: Tx): GoodDefinition {
  return withTransaction(db, tx, (t) => {
    const good = input.goodId == null ? null : loadGood(db, positiveId(input.goodId, 'goodId', 'finished good'), t);
    const lines = checkCompositionLines(db, { goodId: good?.id ?? null, lines: input.lines }, t);
    const name = typeof input.name === 'string' && input.name.trim() ? input.name.trim() : (good?.name ?? 'New good');
    checkNesting(db, t, good?.id ?? NEW_GOOD, name, lines);
    return draftDefinition(db, { id: good?.id ?? NEW_GOOD, name, lines }, t);
  });
}

function writeLines(db: Database, tx: Tx, goodId: number, lines: readonly CheckedCompositionLine[]): void {
  tx.run('DELETE FROM compositions WHERE finished_good_id = ?', [goodId]);
  lines.forEach((l, position) => insertCompositionRow(db, goodId, l, position, tx));
}

export function createGood(db: Database, input: GoodInput, tx?: Tx): GoodDetail {
  return withTransaction(db, tx, (t) => {
    const checked = checkFields({
      name: () => nameText(input.name, 'name', 'name'),
      notes: () => optionalText(input.notes, 'notes'),
      lines: () => checkCompositionLines(db, { goodId: null, lines: input.lines }, t),
      slug: () => claimSlug(db, 'finished_goods', input.slug, typeof input.name === 'string' ? input.name : '', t),
    });
    assertNameFree(db, t, checked.name, null);
    checkNesting(db, t, NEW_GOOD, checked.name, checked.lines);
    const id = insertGoodRow(db, { slug: checked.slug, name: checked.name, notes: checked.notes }, t);
    writeLines(db, t, id, checked.lines);
    return getGood(db, id, t);
  });
}

export function updateGood(db: Database, input: GoodUpdate, tx?: Tx): GoodDetail {
  return withTransaction(db, tx, (t) => {
    const current = loadGood(db, positiveId(input.id, 'id', 'finished good'), t);
    const checked = checkFields({
      name: () => (input.name === undefined ? current.name : nameText(input.name, 'name', 'name')),
      notes: () => (input.notes === undefined ? current.notes : optionalText(input.notes, 'notes')),
      lines: () => (input.lines === undefined ? null : checkCompositionLines(db, { goodId: current.id, lines: input.lines }, t)),
    });
    if (checked.name !== current.name) assertNameFree(db, t, checked.name, current.id);
    if (checked.lines) checkNesting(db, t, current.id, checked.name, checked.lines);
    t.run('UPDATE finished_goods SET name = ?, notes = ?, updated_at = ? WHERE id = ?', [checked.name, checked.notes, t.now(), current.id]);
    if (checked.lines) writeLines(db, t, current.id, checked.lines);
    return getGood(db, current.id, t);
  });
}

/**
 * Assigns a material product to a packaging line (the baker chose the 25-pack
 * of window boxes), or makes it generic again with null. The product must be
 * one of the line's material.
 */
export function assignPackaging(db: Database, input: { goodId: number; lineId: number; materialProductId: number | null }, tx?: Tx): GoodDetail {
  return withTransaction(db, tx, (t) => {
    const good = getGood(db, input.goodId, t);
    const line = good.lines.find((l) => l.id === input.lineId);
    if (!line) throw new AppError('NOT_FOUND', `That line is no longer part of ${good.name}.`, { field: 'lineId', lineId: input.lineId });
    if (line.kind !== 'material') throw validationError('lineId', 'Only a packaging line takes a material product.');
    let productId: number | null = null;
    if (input.materialProductId !== null) {
      productId = positiveId(input.materialProductId, 'materialProductId', 'packaging product');
      const product = t.get<{ material_id: number; name: string }>('SELECT material_id, name FROM material_products WHERE id = ?', [productId]);
      if (!product) throw new AppError('NOT_FOUND', 'That packaging product no longer exists.', { field: 'materialProductId' });
      if (product.material_id !== line.material.id) throw validationError('materialProductId', `${product.name} is not a product of ${line.material.name}.`);
    }
    const clash = good.lines.find((l) => l.id !== line.id && l.kind === 'material' && l.materialUnit.id === line.materialUnit.id && (l.materialProduct?.id ?? null) === productId);
    if (clash) throw validationError('materialProductId', `${good.name} already has this packaging on line ${clash.position + 1}: change its quantity there.`);
    t.run('UPDATE compositions SET material_product_id = ?, updated_at = ? WHERE id = ?', [productId, t.now(), line.id]);
    return getGood(db, good.id, t);
  });
}

export function archiveGood(db: Database, id: number, tx?: Tx): GoodDetail {
  return setArchived(db, { table: 'finished_goods', archived: true, read: (t) => getGood(db, id, t), idKey: 'goodId' }, tx);
}

export function restoreGood(db: Database, id: number, tx?: Tx): GoodDetail {
  return setArchived(db, { table: 'finished_goods', archived: false, read: (t) => getGood(db, id, t), idKey: 'goodId' }, tx);
}

/** Deletes a good nobody used, with its composition; a used one is refused (archive it instead). */
export function deleteGood(db: Database, id: number, tx?: Tx): { deleted: true; id: number } {
  return deleteAllowed(db, { table: 'finished_goods', read: (t) => getGood(db, id, t), name: (g) => g.name, idKey: 'goodId' }, tx);
}
