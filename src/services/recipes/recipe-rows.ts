/**
 * Reading recipes: one row by id or slug, the sub-recipe graph the nesting
 * checks walk, and the definitions (lines and sub-recipes, all the way
 * down) that flattening and costing need.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import type { RecipeDefinition } from '../../domain/recipe-flatten';
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
