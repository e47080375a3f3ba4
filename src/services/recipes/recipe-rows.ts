/**
 * Recipe rows: reading one by id or slug, the sub-recipe graph the nesting
 * checks walk, the definitions (lines and sub-recipes, all the way down)
 * that flattening and costing need; and the one way recipe, recipe line,
 * sub-recipe line and finished unit rows are written (the recipe services
 * and the Bake Tracker importer both insert through these).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import type { RecipeDefinition } from '../../domain/recipe-flatten';
import type { YieldMode } from '../../domain/yields';
import { requireUnit } from '../../domain/units';
import { AppError } from '../../errors';

export interface RecipeRow {
  id: number;
  slug: string;
  name: string;
  category: string;
  source: string;
  notes: string;
  archived: number;
  base_recipe_id: number | null;
  variant_name: string | null;
  created_at: string;
  updated_at: string;
}

export function loadRecipe(db: Database, id: number, tx?: Tx): RecipeRow {
  return withTransaction(db, tx, (t) => {
    const row = t.get<RecipeRow>('SELECT * FROM recipes WHERE id = ?', [id]);
    if (!row) throw new AppError('NOT_FOUND', 'That recipe no longer exists.', { recipeId: id });
    return row;
  });
}

/** The recipe with this slug (the natural key in files and on the command line), if any. */
export function findRecipeBySlug(db: Database, slug: string, tx?: Tx): RecipeRow | undefined {
  return withTransaction(db, tx, (t) => t.get<RecipeRow>('SELECT * FROM recipes WHERE slug = ?', [slug]));
}

/** Every sub-recipe line as recipe -> its sub-recipes (in line order), and every recipe's name. */
export function subRecipeGraph(db: Database, tx?: Tx): { children: Map<number, number[]>; names: Map<number, string> } {
  return withTransaction(db, tx, (t) => {
    const names = new Map(t.all<{ id: number; name: string }>('SELECT id, name FROM recipes').map((r) => [r.id, r.name]));
    const children = new Map<number, number[]>();
    for (const e of t.all<{ recipe_id: number; sub_recipe_id: number }>('SELECT recipe_id, sub_recipe_id FROM recipe_components ORDER BY recipe_id, position, id')) {
      children.set(e.recipe_id, [...(children.get(e.recipe_id) ?? []), e.sub_recipe_id]);
    }
    return { children, names };
  });
}

/** The definitions of `rootIds` and every recipe below them, by id. */
export function recipeDefinitions(db: Database, rootIds: readonly number[], tx?: Tx): Map<number, RecipeDefinition> {
  return withTransaction(db, tx, (t) => {
    const out = new Map<number, RecipeDefinition>();
    const queue = [...rootIds];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (out.has(id)) continue;
      const row = loadRecipe(db, id, t);
      const lines = t
        .all<{ ingredient_id: number; quantity: number; unit: string }>(
          'SELECT ingredient_id, quantity, unit FROM recipe_ingredients WHERE recipe_id = ? ORDER BY position, id',
          [id],
        )
        .map((l) => ({ ingredientId: l.ingredient_id, quantity: l.quantity, unit: requireUnit(l.unit) }));
      const subRecipes = t
        .all<{ sub_recipe_id: number; batch_multiplier: number }>(
          'SELECT sub_recipe_id, batch_multiplier FROM recipe_components WHERE recipe_id = ? ORDER BY position, id',
          [id],
        )
        .map((s) => ({ recipeId: s.sub_recipe_id, batchMultiplier: s.batch_multiplier }));
      out.set(id, { id, name: row.name, lines, subRecipes });
      queue.push(...subRecipes.map((s) => s.recipeId));
    }
    return out;
  });
}

export interface NewRecipeRow {
  slug: string;
  name: string;
  category: string;
  source: string;
  notes: string;
  archived: boolean;
  baseRecipeId: number | null;
  /** Only a variant (with a base) has one. */
  variantName: string | null;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
  updatedAt?: string;
}

export interface NewRecipeIngredientRow {
  recipeId: number;
  ingredientId: number;
  quantity: number;
  unit: string;
  position: number;
  notes: string;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
  updatedAt?: string;
}

export interface NewRecipeComponentRow {
  recipeId: number;
  subRecipeId: number;
  batchMultiplier: number;
  position: number;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
  updatedAt?: string;
}

export interface NewFinishedUnitRow {
  slug: string;
  name: string;
  recipeId: number;
  yieldMode: YieldMode;
  itemsPerBatch: number | null;
  portionPercent: number | null;
  notes: string;
  /** Archived when it comes so from an import file; a new unit is not. */
  archived?: boolean;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
  updatedAt?: string;
}

/** Inserts a checked recipe (its lines separately); returns its id. */
export function insertRecipeRow(db: Database, row: NewRecipeRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      `INSERT INTO recipes (slug, name, category, source, notes, archived, base_recipe_id, variant_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.slug, row.name, row.category, row.source, row.notes, row.archived ? 1 : 0, row.baseRecipeId, row.baseRecipeId === null ? null : row.variantName, row.createdAt ?? now, row.updatedAt ?? now],
    ).lastInsertRowid;
  });
}

/** Inserts a checked ingredient line of a recipe (quantity per batch); returns its id. */
export function insertRecipeIngredientRow(db: Database, row: NewRecipeIngredientRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      `INSERT INTO recipe_ingredients (recipe_id, ingredient_id, quantity, unit, position, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.recipeId, row.ingredientId, row.quantity, row.unit, row.position, row.notes, row.createdAt ?? now, row.updatedAt ?? now],
    ).lastInsertRowid;
  });
}

/** Inserts a checked sub-recipe line; returns its id. */
export function insertRecipeComponentRow(db: Database, row: NewRecipeComponentRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      'INSERT INTO recipe_components (recipe_id, sub_recipe_id, batch_multiplier, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      [row.recipeId, row.subRecipeId, row.batchMultiplier, row.position, row.createdAt ?? now, row.updatedAt ?? now],
    ).lastInsertRowid;
  });
}

/** Inserts a checked finished unit; returns its id. */
export function insertFinishedUnitRow(db: Database, row: NewFinishedUnitRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      `INSERT INTO finished_units (slug, name, recipe_id, yield_mode, items_per_batch, portion_percent, notes, archived, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.slug, row.name, row.recipeId, row.yieldMode, row.itemsPerBatch, row.portionPercent, row.notes, row.archived ? 1 : 0, row.createdAt ?? now, row.updatedAt ?? now],
    ).lastInsertRowid;
  });
}
