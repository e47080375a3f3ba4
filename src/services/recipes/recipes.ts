/**
 * Recipes: ingredient lines and sub-recipe lines per batch, variants of a
 * base recipe, categories, and the archive that keeps a used recipe's
 * history. Saving checks every line (recipe-lines.ts), then the nesting:
 * a loop is refused with the loop named ("Frosting -> Layer cake ->
 * Frosting") and sub-recipes nest at most 3 levels. A refused save changes
 * nothing. Every read says what the screen may do (canDelete and
 * deleteBlockedBy, and the same for archive and restore).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { MAX_RECIPE_NOTES } from '../../domain/limits';
import { levelsBelow, nestingProblem } from '../../domain/nesting';
import { namedRef, type NamedRef } from '../../domain/refs';
import { rankByName } from '../../domain/text-search';
import { counted, finishedUnitsRefusal, nameList, reasonList } from '../../domain/usage-text';
import { requireUnit, type Unit } from '../../domain/units';
import { checkFields, listLimit, nameText, optionalText, positiveId } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { claimSlug } from '../catalog/slugs';
import { deleteAllowed, setArchived } from '../shared/lifecycle';
import { assertNameFree as assertUniqueName } from '../shared/unique-names';
import { finishedUnitUsage, listFinishedUnits, type FinishedUnitSummary } from './finished-units';
import {
  checkRecipeLines,
  lineFlagOf,
  type CheckedIngredientLine,
  type CheckedSubRecipeLine,
  type IngredientLineInput,
  type LineFlag,
  type SubRecipeLineInput,
} from './recipe-lines';
import { insertRecipeComponentRow, insertRecipeIngredientRow, insertRecipeRow, loadRecipe, subRecipeGraph, type RecipeRow } from './recipe-rows';
import type { IngredientRow } from '../catalog/ingredient-rows';

/** Sub-recipes nest at most this many levels: a recipe, its sub-recipe, and that one's sub-recipe. */
export const MAX_RECIPE_LEVELS = 3;

/** The id a recipe being created stands under in the nesting check (ids are positive). */
const NEW_RECIPE = 0;

export interface RecipeInput {
  name: string;
  category?: string;
  source?: string;
  notes?: string;
  /** Makes this recipe a variant of another (a base recipe, not itself a variant). */
  baseRecipeId?: number | null;
  variantName?: string | null;
  ingredientLines?: IngredientLineInput[];
  subRecipes?: SubRecipeLineInput[];
  /** Keeps a slug from an import file; derived from the name otherwise. */
  slug?: string;
}

/** Fields left out stay as they are; `ingredientLines` and `subRecipes`, when given, replace the whole list. */
export interface RecipeUpdate {
  id: number;
  name?: string;
  category?: string;
  source?: string;
  notes?: string;
  baseRecipeId?: number | null;
  variantName?: string | null;
  ingredientLines?: IngredientLineInput[];
  subRecipes?: SubRecipeLineInput[];
}

export interface RecipeIngredientLine {
  id: number;
  position: number;
  ingredient: { id: number; slug: string; name: string };
  quantity: number;
  unit: Unit;
  notes: string;
  /** Set when the unit cannot be converted to how the ingredient is stocked: its cost is unknown until fixed. */
  flag: LineFlag | null;
}

export interface RecipeSubRecipeLine {
  id: number;
  position: number;
  recipe: NamedRef;
  batchMultiplier: number;
}

export interface RecipeUsage {
  /** Recipes that use this one as a sub-recipe. */
  subRecipeOf: NamedRef[];
  variants: NamedRef[];
  productionRuns: number;
  /** Goods with a line of one of its finished units. */
  goods: NamedRef[];
  /** Event targets, batch decisions and amendments naming one of its finished units. */
  planEntries: number;
  openPlanEntries: number;
  /** Finished stock lots of its finished units. */
  stockLots: number;
}

export interface RecipeSummary {
  id: number;
  slug: string;
  name: string;
  category: string;
  archived: boolean;
  base: NamedRef | null;
  variantName: string | null;
  ingredientLineCount: number;
  subRecipeCount: number;
  finishedUnitCount: number;
}

export interface RecipeDetail extends RecipeSummary {
  source: string;
  notes: string;
  variants: NamedRef[];
  ingredientLines: RecipeIngredientLine[];
  subRecipes: RecipeSubRecipeLine[];
  finishedUnits: FinishedUnitSummary[];
  /** Lines whose cost is unknown until their ingredient gets a density or weight per each. */
  flaggedLineCount: number;
  /** Levels of its own tree: 1 with no sub-recipes, at most 3. */
  levels: number;
  usage: RecipeUsage;
  canDelete: boolean;
  deleteBlockedBy: string | null;
  canArchive: boolean;
  archiveBlockedBy: string | null;
  canRestore: boolean;
  restoreBlockedBy: string | null;
  /** Whether a new finished unit may be added to it, and why not (it is archived). */
  mayHaveFinishedUnits: boolean;
  finishedUnitsBlockedBy: string | null;
  /** Whether a variant may be made of it, and why not (it is a variant itself). */
  mayHaveVariants: boolean;
  variantsBlockedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

// Reads ------------------------------------------------------------------------------

interface SummaryRow extends RecipeRow {
  base_slug: string | null;
  base_name: string | null;
  base_archived: number | null;
  ingredient_line_count: number;
  sub_recipe_count: number;
  finished_unit_count: number;
}

const SUMMARY_SELECT = `
  SELECT r.*, b.slug AS base_slug, b.name AS base_name, b.archived AS base_archived,
         (SELECT count(*) FROM recipe_ingredients ri WHERE ri.recipe_id = r.id) AS ingredient_line_count,
         (SELECT count(*) FROM recipe_components rc WHERE rc.recipe_id = r.id) AS sub_recipe_count,
         (SELECT count(*) FROM finished_units fu WHERE fu.recipe_id = r.id AND fu.archived = 0) AS finished_unit_count
  FROM recipes r LEFT JOIN recipes b ON b.id = r.base_recipe_id`;

function toSummary(r: SummaryRow): RecipeSummary {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    category: r.category,
    archived: r.archived === 1,
    base: r.base_recipe_id === null ? null : namedRef({ id: r.base_recipe_id, slug: r.base_slug!, name: r.base_name!, archived: r.base_archived }),
    variantName: r.variant_name,
    ingredientLineCount: r.ingredient_line_count,
    subRecipeCount: r.sub_recipe_count,
    finishedUnitCount: r.finished_unit_count,
  };
}

export function recipeUsage(db: Database, id: number, tx?: Tx): RecipeUsage {
  return withTransaction(db, tx, (t) => {
    const refs = (sql: string) => t.all<{ id: number; slug: string; name: string; archived: number }>(sql, [id]).map(namedRef);
    const units = t.all<{ id: number }>('SELECT id FROM finished_units WHERE recipe_id = ?', [id]).map((u) => finishedUnitUsage(db, u.id, t));
    const goods = new Map<number, NamedRef>();
    for (const u of units) for (const g of u.goods) goods.set(g.id, g);
    return {
      subRecipeOf: refs(
        `SELECT DISTINCT r.id, r.slug, r.name, r.archived FROM recipe_components c JOIN recipes r ON r.id = c.recipe_id
         WHERE c.sub_recipe_id = ? ORDER BY r.name COLLATE NOCASE`,
      ),
      variants: refs('SELECT id, slug, name, archived FROM recipes WHERE base_recipe_id = ? ORDER BY name COLLATE NOCASE'),
      productionRuns: t.get<{ n: number }>('SELECT count(*) AS n FROM production_runs WHERE recipe_id = ?', [id])!.n,
      goods: [...goods.values()].sort((a, b) => a.name.localeCompare(b.name)),
      planEntries: units.reduce((n, u) => n + u.planEntries, 0),
      openPlanEntries: units.reduce((n, u) => n + u.openPlanEntries, 0),
      stockLots: units.reduce((n, u) => n + u.lots, 0),
    };
  });
}

function deleteBlocker(u: RecipeUsage): string | null {
  const reasons = [
    u.subRecipeOf.length > 0 && `it is a sub-recipe of ${nameList(u.subRecipeOf.map((r) => r.name))}`,
    u.variants.length > 0 && `it has ${counted(u.variants.length, 'variant')} (${nameList(u.variants.map((r) => r.name))})`,
    u.productionRuns > 0 && `it has ${counted(u.productionRuns, 'production run')}`,
    u.goods.length > 0 && `its finished units are in ${nameList(u.goods.map((g) => g.name))}`,
    u.planEntries > 0 && `its finished units are in ${counted(u.planEntries, 'event plan entry', 'event plan entries')}`,
    u.stockLots > 0 && u.productionRuns === 0 && `its finished units have ${counted(u.stockLots, 'stock lot')}`,
  ].filter((r): r is string => Boolean(r));
  return reasons.length > 0 ? reasonList(reasons) : null;
}

function archiveBlocker(u: RecipeUsage): string | null {
  const activeParents = u.subRecipeOf.filter((r) => !r.archived);
  const activeGoods = u.goods.filter((g) => !g.archived);
  const reasons = [
    activeParents.length > 0 && `it is a sub-recipe of ${nameList(activeParents.map((r) => r.name))} (remove it there, or archive that first)`,
    activeGoods.length > 0 && `its finished units are in ${nameList(activeGoods.map((g) => g.name))} (remove them there first)`,
    u.openPlanEntries > 0 && 'an event plan that is not completed uses its finished units',
  ].filter((r): r is string => Boolean(r));
  return reasons.length > 0 ? reasonList(reasons) : null;
}

function ingredientLinesOf(db: Database, tx: Tx, recipeId: number): RecipeIngredientLine[] {
  const rows = tx.all<IngredientRow & { line_id: number; position: number; quantity: number; unit: string; line_notes: string }>(
    `SELECT i.*, ri.id AS line_id, ri.position, ri.quantity, ri.unit, ri.notes AS line_notes
     FROM recipe_ingredients ri JOIN ingredients i ON i.id = ri.ingredient_id
     WHERE ri.recipe_id = ? ORDER BY ri.position, ri.id`,
    [recipeId],
  );
  return rows.map((r) => {
    const unit = requireUnit(r.unit);
    return {
      id: r.line_id,
      position: r.position,
      ingredient: { id: r.id, slug: r.slug, name: r.name },
      quantity: r.quantity,
      unit,
      notes: r.line_notes,
      flag: lineFlagOf(db, r, unit, tx),
    };
  });
}

function subRecipeLinesOf(tx: Tx, recipeId: number): RecipeSubRecipeLine[] {
  return tx
    .all<{ line_id: number; position: number; batch_multiplier: number; id: number; slug: string; name: string; archived: number }>(
      `SELECT rc.id AS line_id, rc.position, rc.batch_multiplier, r.id, r.slug, r.name, r.archived
       FROM recipe_components rc JOIN recipes r ON r.id = rc.sub_recipe_id
       WHERE rc.recipe_id = ? ORDER BY rc.position, rc.id`,
      [recipeId],
    )
    .map((r) => ({ id: r.line_id, position: r.position, recipe: namedRef(r), batchMultiplier: r.batch_multiplier }));
}

export function getRecipe(db: Database, id: number, tx?: Tx): RecipeDetail {
  return withTransaction(db, tx, (t) => {
    const recipeId = positiveId(id, 'id', 'recipe');
    const row = t.get<SummaryRow>(`${SUMMARY_SELECT} WHERE r.id = ?`, [recipeId]);
    if (!row) throw new AppError('NOT_FOUND', 'That recipe no longer exists.', { recipeId });
    const summary = toSummary(row);
    const usage = recipeUsage(db, recipeId, t);
    const ingredientLines = ingredientLinesOf(db, t, recipeId);
    const subRecipes = subRecipeLinesOf(t, recipeId);
    const archivedSubs = subRecipes.filter((s) => s.recipe.archived);
    const archiveBlockedBy = summary.archived ? 'it is already archived' : archiveBlocker(usage);
    const inUse = deleteBlocker(usage);
    const deleteBlockedBy = inUse === null ? null : archiveBlockedBy === null ? `${inUse}: archive it instead` : inUse;
    const restoreBlockedBy = !summary.archived
      ? 'it is not archived'
      : archivedSubs.length > 0
        ? `its sub-recipe${archivedSubs.length === 1 ? '' : 's'} ${nameList(archivedSubs.map((s) => s.recipe.name))} ${archivedSubs.length === 1 ? 'is' : 'are'} archived: restore ${archivedSubs.length === 1 ? 'it' : 'them'} first`
        : null;
    const finishedUnitsBlockedBy = finishedUnitsRefusal(row);
    const variantsBlockedBy = variantsRefusal(db, t, row);
    return {
      ...summary,
      source: row.source,
      notes: row.notes,
      variants: usage.variants,
      ingredientLines,
      subRecipes,
      finishedUnits: listFinishedUnits(db, { recipeId, includeArchived: true }, t),
      flaggedLineCount: ingredientLines.filter((l) => l.flag !== null).length,
      levels: levelsBelow(subRecipeGraph(db, t).children, recipeId),
      usage,
      canDelete: deleteBlockedBy === null,
      deleteBlockedBy,
      canArchive: archiveBlockedBy === null,
      archiveBlockedBy,
      canRestore: restoreBlockedBy === null,
      restoreBlockedBy,
      mayHaveFinishedUnits: finishedUnitsBlockedBy === null,
      finishedUnitsBlockedBy,
      mayHaveVariants: variantsBlockedBy === null,
      variantsBlockedBy,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

export interface RecipeFilter {
  /** Name search as the baker types ("choc cake"). */
  query?: string;
  /** Exact category; '' lists recipes without one. */
  category?: string;
  includeArchived?: boolean;
  /** Only the archived recipes (the list a baker restores from). */
  onlyArchived?: boolean;
  limit?: number;
}

/** By name, or best match first when searching. Archived recipes only when asked. */
export function listRecipes(db: Database, filter: RecipeFilter = {}, tx?: Tx): RecipeSummary[] {
  return withTransaction(db, tx, (t) => {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.onlyArchived) where.push('r.archived = 1');
    else if (!filter.includeArchived) where.push('r.archived = 0');
    if (filter.category !== undefined) (where.push('r.category = ?'), params.push(filter.category));
    const rows = t.all<SummaryRow>(`${SUMMARY_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY r.name COLLATE NOCASE, r.id`, params);
    const all = rows.map(toSummary);
    const limit = listLimit(filter.limit, 1000);
    if (!filter.query?.trim()) return all.slice(0, limit);
    return rankByName(all, filter.query, (r) => r.name, limit, (r) => r.category);
  });
}

/** Every category in use with how many recipes (not archived) are in it, by name. */
export function listRecipeCategories(db: Database, tx?: Tx): { category: string; count: number }[] {
  return withTransaction(db, tx, (t) =>
    t.all<{ category: string; count: number }>(
      `SELECT category, count(*) AS count FROM recipes WHERE archived = 0 AND category <> '' GROUP BY category ORDER BY category COLLATE NOCASE`,
    ),
  );
}

/** The recipe with this slug, if any. */
export function findRecipeSummaryBySlug(db: Database, slug: string, tx?: Tx): RecipeSummary | undefined {
  return withTransaction(db, tx, (t) => {
    const row = t.get<SummaryRow>(`${SUMMARY_SELECT} WHERE r.slug = ?`, [slug]);
    return row ? toSummary(row) : undefined;
  });
}

// Writes ------------------------------------------------------------------------------

function assertNameFree(db: Database, tx: Tx, name: string, exceptId: number | null): void {
  assertUniqueName(db, { table: 'recipes', name, exceptId, message: (existing) => `There is already a recipe called ${existing}.` }, tx);
}

/** Why no variant may be made of `recipe` (variants do not have variants), or null. */
function variantsRefusal(db: Database, tx: Tx, recipe: RecipeRow): string | null {
  if (recipe.base_recipe_id === null) return null;
  const root = loadRecipe(db, recipe.base_recipe_id, tx);
  return `${recipe.name} is itself a variant of ${root.name}: choose ${root.name} as the base`;
}

/** A variant's base must be a base recipe: variants do not have variants. */
function checkBase(db: Database, tx: Tx, recipeId: number | null, baseRecipeId: unknown): number | null {
  if (baseRecipeId === undefined || baseRecipeId === null) return null;
  const id = positiveId(baseRecipeId, 'baseRecipeId', 'base recipe');
  if (id === recipeId) throw validationError('baseRecipeId', 'A recipe cannot be a variant of itself.');
  if (!tx.get('SELECT 1 AS x FROM recipes WHERE id = ?', [id])) throw validationError('baseRecipeId', 'That base recipe no longer exists.');
  const base = loadRecipe(db, id, tx);
  const refusal = variantsRefusal(db, tx, base);
  if (refusal) throw validationError('baseRecipeId', `${refusal}.`, { suggestedId: base.base_recipe_id });
  if (recipeId !== null && tx.get('SELECT 1 AS x FROM recipes WHERE base_recipe_id = ?', [recipeId])) {
    throw validationError('baseRecipeId', 'This recipe has variants of its own, so it cannot become a variant.');
  }
  return id;
}

/** Refuses sub-recipe lines that would make a loop or nest deeper than 3 levels, naming the loop or the chain. */
function checkNesting(db: Database, tx: Tx, recipeId: number, name: string, subs: readonly CheckedSubRecipeLine[]): void {
  const { children, names } = subRecipeGraph(db, tx);
  names.set(recipeId, name);
  children.set(recipeId, subs.map((s) => s.recipe.id));
  const problem = nestingProblem(children, recipeId, MAX_RECIPE_LEVELS);
  if (!problem) return;
  const field = `subRecipes[${problem.childIndex}].recipeId`;
  if (problem.kind === 'loop') {
    const loop = problem.path.map((id) => names.get(id) ?? String(id));
    throw validationError(field, `${loop.join(' -> ')}: a recipe cannot contain itself, even through its sub-recipes.`, { loop });
  }
  const chain = problem.chain.map((id) => names.get(id) ?? String(id));
  throw validationError(
    field,
    `${chain.join(' -> ')} is ${chain.length} levels deep; sub-recipes nest at most ${MAX_RECIPE_LEVELS} levels.`,
    { chain, maxLevels: MAX_RECIPE_LEVELS },
  );
}

/**
 * Checks a recipe's lines as an editor holds them, unsaved (`recipeId` null
 * for a new recipe): every field, then loops and depth, exactly as saving
 * would. Returns the checked lines; writes nothing. A live preview prices
 * them (services/pricing, costRecipeDraft).
 */
export function checkRecipeDraft(
  db: Database,
  input: { recipeId?: number | null; name?: string; ingredientLines?: IngredientLineInput[]; subRecipes?: SubRecipeLineInput[] },
  tx?: Tx,
): { ingredientLines: CheckedIngredientLine[]; subRecipes: CheckedSubRecipeLine[] } {
  return withTransaction(db, tx, (t) => {
    const recipe = input.recipeId == null ? null : loadRecipe(db, positiveId(input.recipeId, 'recipeId', 'recipe'), t);
    const lines = checkRecipeLines(db, { recipeId: recipe?.id ?? null, ingredientLines: input.ingredientLines, subRecipes: input.subRecipes }, t);
    const name = typeof input.name === 'string' && input.name.trim() ? input.name.trim() : (recipe?.name ?? 'This recipe');
    checkNesting(db, t, recipe?.id ?? NEW_RECIPE, name, lines.subRecipes);
    return lines;
  });
}

/** Rewrites the lists that are given (null: keep that list as it is), in the order given. */
function writeLines(db: Database, tx: Tx, recipeId: number, ingredientLines: readonly CheckedIngredientLine[] | null, subRecipes: readonly CheckedSubRecipeLine[] | null): void {
  if (ingredientLines !== null) {
    tx.run('DELETE FROM recipe_ingredients WHERE recipe_id = ?', [recipeId]);
    ingredientLines.forEach((l, position) => {
      insertRecipeIngredientRow(db, { recipeId, ingredientId: l.ingredient.id, quantity: l.quantity, unit: l.unit, position, notes: l.notes }, tx);
    });
  }
  if (subRecipes !== null) {
    tx.run('DELETE FROM recipe_components WHERE recipe_id = ?', [recipeId]);
    subRecipes.forEach((s, position) => {
      insertRecipeComponentRow(db, { recipeId, subRecipeId: s.recipe.id, batchMultiplier: s.batchMultiplier, position }, tx);
    });
  }
}

const category = (v: unknown) => optionalText(v, 'category', 'category', 60);
const source = (v: unknown) => optionalText(v, 'source', 'source', 300);
const notes = (v: unknown) => optionalText(v, 'notes', 'notes', MAX_RECIPE_NOTES);
const variantName = (v: unknown) => optionalText(v, 'variantName', 'variant name', 100) || null;

export function createRecipe(db: Database, input: RecipeInput, tx?: Tx): RecipeDetail {
  return withTransaction(db, tx, (t) => {
    const checked = checkFields({
      name: () => nameText(input.name, 'name', 'recipe name'),
      category: () => category(input.category),
      source: () => source(input.source),
      notes: () => notes(input.notes),
      baseRecipeId: () => checkBase(db, t, null, input.baseRecipeId),
      variantName: () => variantName(input.variantName),
      lines: () => checkRecipeLines(db, { recipeId: null, ingredientLines: input.ingredientLines, subRecipes: input.subRecipes }, t),
      slug: () => claimSlug(db, 'recipes', input.slug, typeof input.name === 'string' ? input.name : '', t),
    });
    assertNameFree(db, t, checked.name, null);
    // Checked before anything is written, under a stand-in id: a new recipe has no parents yet.
    checkNesting(db, t, NEW_RECIPE, checked.name, checked.lines.subRecipes);
    const id = insertRecipeRow(
      db,
      {
        slug: checked.slug, name: checked.name, category: checked.category, source: checked.source, notes: checked.notes, archived: false,
        baseRecipeId: checked.baseRecipeId, variantName: checked.variantName,
      },
      t,
    );
    writeLines(db, t, id, checked.lines.ingredientLines, checked.lines.subRecipes);
    return getRecipe(db, id, t);
  });
}

export function updateRecipe(db: Database, input: RecipeUpdate, tx?: Tx): RecipeDetail {
  return withTransaction(db, tx, (t) => {
    const current = loadRecipe(db, positiveId(input.id, 'id', 'recipe'), t);
    const linesGiven = input.ingredientLines !== undefined || input.subRecipes !== undefined;
    const checked = checkFields({
      name: () => (input.name === undefined ? current.name : nameText(input.name, 'name', 'recipe name')),
      category: () => (input.category === undefined ? current.category : category(input.category)),
      source: () => (input.source === undefined ? current.source : source(input.source)),
      notes: () => (input.notes === undefined ? current.notes : notes(input.notes)),
      baseRecipeId: () => (input.baseRecipeId === undefined ? current.base_recipe_id : checkBase(db, t, current.id, input.baseRecipeId)),
      variantName: () => (input.variantName === undefined ? current.variant_name : variantName(input.variantName)),
      lines: () =>
        linesGiven
          ? checkRecipeLines(db, { recipeId: current.id, ingredientLines: input.ingredientLines ?? [], subRecipes: input.subRecipes ?? [] }, t)
          : null,
    });
    if (checked.name !== current.name) assertNameFree(db, t, checked.name, current.id);
    if (checked.lines && input.subRecipes !== undefined) checkNesting(db, t, current.id, checked.name, checked.lines.subRecipes);
    t.run(
      'UPDATE recipes SET name = ?, category = ?, source = ?, notes = ?, base_recipe_id = ?, variant_name = ?, updated_at = ? WHERE id = ?',
      [checked.name, checked.category, checked.source, checked.notes, checked.baseRecipeId, checked.baseRecipeId === null ? null : checked.variantName, t.now(), current.id],
    );
    if (checked.lines) {
      writeLines(db, t, current.id, input.ingredientLines === undefined ? null : checked.lines.ingredientLines, input.subRecipes === undefined ? null : checked.lines.subRecipes);
    }
    return getRecipe(db, current.id, t);
  });
}

export function archiveRecipe(db: Database, id: number, tx?: Tx): RecipeDetail {
  return setArchived(db, { table: 'recipes', archived: true, read: (t) => getRecipe(db, id, t), idKey: 'recipeId' }, tx);
}

export function restoreRecipe(db: Database, id: number, tx?: Tx): RecipeDetail {
  return setArchived(db, { table: 'recipes', archived: false, read: (t) => getRecipe(db, id, t), idKey: 'recipeId' }, tx);
}

/** Deletes a recipe nobody used, with its lines and its finished units; a used one is refused (archive it instead). */
export function deleteRecipe(db: Database, id: number, tx?: Tx): { deleted: true; id: number } {
  return deleteAllowed(
    db,
    {
      table: 'recipes',
      read: (t) => getRecipe(db, id, t),
      name: (r) => r.name,
      idKey: 'recipeId',
      beforeDelete: (t, recipeId) => t.run('DELETE FROM finished_units WHERE recipe_id = ?', [recipeId]),
    },
    tx,
  );
}
