/**
 * Finished units (FU): the countable things a recipe yields, "sugar cookie"
 * at 48 per batch, or "slice" at 12.5 % of a pie. A recipe may yield
 * several. An FU that was used (in a good, a plan, a production run) keeps
 * its history: it is archived rather than deleted, and its recipe is fixed
 * once it has been made.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { MAX_ITEMS_PER_BATCH } from '../../domain/limits';
import { namedRef, type NamedRef } from '../../domain/refs';
import { rankByName } from '../../domain/text-search';
import { counted, finishedUnitsRefusal, nameList, reasonList } from '../../domain/usage-text';
import { checkFields, listLimit, nameText, optionalText, positiveId, positiveNumber } from '../../domain/validate';
import { yieldPerBatch, type YieldMode } from '../../domain/yields';
import { AppError, validationError } from '../../errors';
import { claimSlug } from '../catalog/slugs';
import { deleteAllowed, setArchived } from '../shared/lifecycle';
import { assertNameFree as assertUniqueName } from '../shared/unique-names';
import { insertFinishedUnitRow, loadRecipe, type RecipeRow } from './recipe-rows';

export interface FinishedUnitInput {
  recipeId: number;
  name: string;
  yieldMode: YieldMode;
  /** Discrete: items one batch makes (a whole number). */
  itemsPerBatch?: number | null;
  /** Portion: percent of a batch one unit uses, more than 0 and at most 100. */
  portionPercent?: number | null;
  notes?: string;
  /** Keeps a slug from an import file; derived from the name otherwise. */
  slug?: string;
}

export interface FinishedUnitUpdate {
  id: number;
  name?: string;
  recipeId?: number;
  yieldMode?: YieldMode;
  itemsPerBatch?: number | null;
  portionPercent?: number | null;
  notes?: string;
}

export interface FinishedUnitSummary {
  id: number;
  slug: string;
  name: string;
  recipe: NamedRef;
  yieldMode: YieldMode;
  itemsPerBatch: number | null;
  portionPercent: number | null;
  /** Units one batch yields: items per batch, or 100 / portion percent. */
  yieldPerBatch: number;
  notes: string;
  archived: boolean;
}

export interface FinishedUnitUsage {
  /** Goods with a composition line of this unit. */
  goods: NamedRef[];
  /** Event targets and batch decisions naming it. */
  planEntries: number;
  /** Of those, in events whose plan is not completed. */
  openPlanEntries: number;
  productionRuns: number;
  /** Finished stock lots of it. */
  lots: number;
}

export interface FinishedUnitDetail extends FinishedUnitSummary {
  usage: FinishedUnitUsage;
  canDelete: boolean;
  deleteBlockedBy: string | null;
  canArchive: boolean;
  archiveBlockedBy: string | null;
  canRestore: boolean;
  restoreBlockedBy: string | null;
  /** Once made, the unit stays with its recipe: its runs and lots say which recipe made them. */
  recipeFixed: boolean;
  recipeFixedBecause: string | null;
}

interface FinishedUnitRow {
  id: number;
  slug: string;
  name: string;
  recipe_id: number;
  yield_mode: YieldMode;
  items_per_batch: number | null;
  portion_percent: number | null;
  notes: string;
  archived: number;
  recipe_slug: string;
  recipe_name: string;
  recipe_archived: number;
}

const SELECT = `
  SELECT fu.id, fu.slug, fu.name, fu.recipe_id, fu.yield_mode, fu.items_per_batch, fu.portion_percent, fu.notes, fu.archived,
         r.slug AS recipe_slug, r.name AS recipe_name, r.archived AS recipe_archived
  FROM finished_units fu JOIN recipes r ON r.id = fu.recipe_id`;

function toSummary(r: FinishedUnitRow): FinishedUnitSummary {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    recipe: namedRef({ id: r.recipe_id, slug: r.recipe_slug, name: r.recipe_name, archived: r.recipe_archived }),
    yieldMode: r.yield_mode,
    itemsPerBatch: r.items_per_batch,
    portionPercent: r.portion_percent,
    yieldPerBatch: yieldPerBatch({ mode: r.yield_mode, itemsPerBatch: r.items_per_batch, portionPercent: r.portion_percent }),
    notes: r.notes,
    archived: r.archived === 1,
  };
}

function loadRow(tx: Tx, id: number): FinishedUnitRow {
  const row = tx.get<FinishedUnitRow>(`${SELECT} WHERE fu.id = ?`, [id]);
  if (!row) throw new AppError('NOT_FOUND', 'That finished unit no longer exists.', { finishedUnitId: id });
  return row;
}

/** The finished unit with this slug, if any. */
export function findFinishedUnitBySlug(db: Database, slug: string, tx?: Tx): FinishedUnitSummary | undefined {
  return withTransaction(db, tx, (t) => {
    const row = t.get<FinishedUnitRow>(`${SELECT} WHERE fu.slug = ?`, [slug]);
    return row ? toSummary(row) : undefined;
  });
}

export function finishedUnitUsage(db: Database, id: number, tx?: Tx): FinishedUnitUsage {
  return withTransaction(db, tx, (t) => {
    const n = (sql: string) => t.get<{ n: number }>(sql, [id])!.n;
    const OPEN = `(SELECT id FROM events WHERE plan_state <> 'completed')`;
    return {
      goods: t
        .all<{ id: number; slug: string; name: string; archived: number }>(
          `SELECT DISTINCT g.id, g.slug, g.name, g.archived FROM compositions c JOIN finished_goods g ON g.id = c.finished_good_id
           WHERE c.finished_unit_id = ? ORDER BY g.name COLLATE NOCASE`,
          [id],
        )
        .map(namedRef),
      planEntries:
        n('SELECT count(*) AS n FROM event_unit_targets WHERE finished_unit_id = ?') +
        n('SELECT count(*) AS n FROM batch_decisions WHERE finished_unit_id = ?') +
        n('SELECT count(*) AS n FROM plan_amendments WHERE finished_unit_id = ?'),
      openPlanEntries:
        n(`SELECT count(*) AS n FROM event_unit_targets WHERE finished_unit_id = ? AND event_id IN ${OPEN}`) +
        n(`SELECT count(*) AS n FROM batch_decisions WHERE finished_unit_id = ? AND event_id IN ${OPEN}`),
      productionRuns: n('SELECT count(*) AS n FROM production_runs WHERE finished_unit_id = ?'),
      lots: n('SELECT count(*) AS n FROM finished_unit_lots WHERE finished_unit_id = ?'),
    };
  });
}

/** Why deleting is refused (null: it may be deleted). Anything that was used keeps its history. */
function deleteBlocker(u: FinishedUnitUsage): string | null {
  const reasons = [
    u.goods.length > 0 && `it is in ${nameList(u.goods.map((g) => g.name))}`,
    u.planEntries > 0 && `it is in ${counted(u.planEntries, 'event plan entry', 'event plan entries')}`,
    u.productionRuns > 0 && `it has ${counted(u.productionRuns, 'production run')}`,
    u.lots > 0 && u.productionRuns === 0 && `it has ${counted(u.lots, 'stock lot')}`,
  ].filter((r): r is string => Boolean(r));
  return reasons.length > 0 ? reasonList(reasons) : null;
}

/** Why archiving is refused: an active good or an open plan still needs it. */
function archiveBlocker(u: FinishedUnitUsage): string | null {
  const active = u.goods.filter((g) => !g.archived);
  const reasons = [
    active.length > 0 && `it is in ${nameList(active.map((g) => g.name))} (remove it there first)`,
    u.openPlanEntries > 0 && `an event plan that is not completed uses it`,
  ].filter((r): r is string => Boolean(r));
  return reasons.length > 0 ? reasonList(reasons) : null;
}

export function getFinishedUnit(db: Database, id: number, tx?: Tx): FinishedUnitDetail {
  return withTransaction(db, tx, (t) => {
    const summary = toSummary(loadRow(t, positiveId(id, 'id', 'finished unit')));
    const usage = finishedUnitUsage(db, summary.id, t);
    const archiveBlockedBy = summary.archived ? 'it is already archived' : archiveBlocker(usage);
    const inUse = deleteBlocker(usage);
    const deleteBlockedBy = inUse === null ? null : archiveBlockedBy === null ? `${inUse}: archive it instead` : inUse;
    const restoreBlockedBy = !summary.archived
      ? 'it is not archived'
      : summary.recipe.archived
        ? `its recipe ${summary.recipe.name} is archived: restore the recipe first`
        : null;
    const made = usage.productionRuns + usage.lots;
    return {
      ...summary,
      usage,
      canDelete: deleteBlockedBy === null,
      deleteBlockedBy,
      canArchive: archiveBlockedBy === null,
      archiveBlockedBy,
      canRestore: restoreBlockedBy === null,
      restoreBlockedBy,
      recipeFixed: made > 0,
      recipeFixedBecause: made > 0 ? `${summary.name} has been made (${counted(usage.productionRuns, 'production run')})` : null,
    };
  });
}

export interface FinishedUnitFilter {
  recipeId?: number;
  /** Type-ahead over the unit's and its recipe's names. */
  query?: string;
  includeArchived?: boolean;
  limit?: number;
}

/** By name, or best match first when searching. Archived units (and units of archived recipes) only when asked. */
export function listFinishedUnits(db: Database, filter: FinishedUnitFilter = {}, tx?: Tx): FinishedUnitSummary[] {
  return withTransaction(db, tx, (t) => {
    const where: string[] = [];
    const params: number[] = [];
    if (filter.recipeId !== undefined) (where.push('fu.recipe_id = ?'), params.push(filter.recipeId));
    if (!filter.includeArchived) where.push('fu.archived = 0 AND r.archived = 0');
    const rows = t.all<FinishedUnitRow>(`${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY fu.name COLLATE NOCASE, fu.id`, params);
    const all = rows.map(toSummary);
    const limit = listLimit(filter.limit, 1000);
    if (!filter.query?.trim()) return all.slice(0, limit);
    return rankByName(all, filter.query, (u) => u.name, limit, (u) => u.recipe.name);
  });
}

interface CheckedYield {
  yieldMode: YieldMode;
  itemsPerBatch: number | null;
  portionPercent: number | null;
}

function checkYield(input: { yieldMode?: unknown; itemsPerBatch?: unknown; portionPercent?: unknown }): CheckedYield {
  if (input.yieldMode !== 'discrete' && input.yieldMode !== 'portion') {
    throw validationError('yieldMode', 'Choose how the recipe yields it: a number of items per batch, or a portion (percent) of a batch.', { value: input.yieldMode });
  }
  if (input.yieldMode === 'discrete') {
    const items = positiveNumber(input.itemsPerBatch, 'itemsPerBatch', 'items per batch', MAX_ITEMS_PER_BATCH);
    if (!Number.isInteger(items)) throw validationError('itemsPerBatch', 'Items per batch is a whole number (48 cookies).', { value: items });
    return { yieldMode: 'discrete', itemsPerBatch: items, portionPercent: null };
  }
  const percent = positiveNumber(input.portionPercent, 'portionPercent', 'the portion percent', 100);
  return { yieldMode: 'portion', itemsPerBatch: null, portionPercent: percent };
}

function assertNameFree(db: Database, tx: Tx, name: string, exceptId: number | null): void {
  assertUniqueName(db, { table: 'finished_units', name, exceptId, message: (existing) => `There is already a finished unit called ${existing}: give this one another name.` }, tx);
}

function checkRecipe(db: Database, tx: Tx, recipeId: unknown): RecipeRow {
  const id = positiveId(recipeId, 'recipeId', 'recipe');
  if (!tx.get('SELECT 1 AS x FROM recipes WHERE id = ?', [id])) throw validationError('recipeId', 'That recipe no longer exists.');
  const recipe = loadRecipe(db, id, tx);
  const refusal = finishedUnitsRefusal(recipe);
  if (refusal) throw validationError('recipeId', `${refusal}.`);
  return recipe;
}

export function createFinishedUnit(db: Database, input: FinishedUnitInput, tx?: Tx): FinishedUnitDetail {
  return withTransaction(db, tx, (t) => {
    const checked = checkFields({
      recipe: () => checkRecipe(db, t, input.recipeId),
      name: () => nameText(input.name, 'name', 'name'),
      yield: () => checkYield(input),
      notes: () => optionalText(input.notes, 'notes'),
      slug: () => claimSlug(db, 'finished_units', input.slug, typeof input.name === 'string' ? input.name : '', t),
    });
    assertNameFree(db, t, checked.name, null);
    const y = checked.yield;
    const id = insertFinishedUnitRow(
      db,
      { slug: checked.slug, name: checked.name, recipeId: checked.recipe.id, yieldMode: y.yieldMode, itemsPerBatch: y.itemsPerBatch, portionPercent: y.portionPercent, notes: checked.notes },
      t,
    );
    return getFinishedUnit(db, id, t);
  });
}

export function updateFinishedUnit(db: Database, input: FinishedUnitUpdate, tx?: Tx): FinishedUnitDetail {
  return withTransaction(db, tx, (t) => {
    const current = getFinishedUnit(db, positiveId(input.id, 'id', 'finished unit'), t);
    const yieldGiven = input.yieldMode !== undefined || input.itemsPerBatch !== undefined || input.portionPercent !== undefined;
    const checked = checkFields({
      name: () => (input.name === undefined ? current.name : nameText(input.name, 'name', 'name')),
      notes: () => (input.notes === undefined ? current.notes : optionalText(input.notes, 'notes')),
      yield: () =>
        yieldGiven
          ? checkYield({
              yieldMode: input.yieldMode ?? current.yieldMode,
              itemsPerBatch: input.itemsPerBatch === undefined ? current.itemsPerBatch : input.itemsPerBatch,
              portionPercent: input.portionPercent === undefined ? current.portionPercent : input.portionPercent,
            })
          : { yieldMode: current.yieldMode, itemsPerBatch: current.itemsPerBatch, portionPercent: current.portionPercent },
      recipeId: () => {
        if (input.recipeId === undefined || input.recipeId === current.recipe.id) return current.recipe.id;
        if (current.recipeFixed) throw new AppError('IN_USE', `${current.recipeFixedBecause}, so it stays with ${current.recipe.name}.`, { field: 'recipeId' });
        return checkRecipe(db, t, input.recipeId).id;
      },
    });
    if (checked.name !== current.name) assertNameFree(db, t, checked.name, current.id);
    const y = checked.yield;
    t.run(
      `UPDATE finished_units SET name = ?, recipe_id = ?, yield_mode = ?, items_per_batch = ?, portion_percent = ?, notes = ?, updated_at = ?
       WHERE id = ?`,
      [checked.name, checked.recipeId, y.yieldMode, y.itemsPerBatch, y.portionPercent, checked.notes, t.now(), current.id],
    );
    return getFinishedUnit(db, current.id, t);
  });
}

export function deleteFinishedUnit(db: Database, id: number, tx?: Tx): { deleted: true; id: number } {
  return deleteAllowed(db, { table: 'finished_units', read: (t) => getFinishedUnit(db, id, t), name: (u) => u.name, idKey: 'finishedUnitId' }, tx);
}

export function archiveFinishedUnit(db: Database, id: number, tx?: Tx): FinishedUnitDetail {
  return setArchived(db, { table: 'finished_units', archived: true, read: (t) => getFinishedUnit(db, id, t), idKey: 'finishedUnitId' }, tx);
}

export function restoreFinishedUnit(db: Database, id: number, tx?: Tx): FinishedUnitDetail {
  return setArchived(db, { table: 'finished_units', archived: false, read: (t) => getFinishedUnit(db, id, t), idKey: 'finishedUnitId' }, tx);
}
