/**
 * A recipe's ingredient needs for some batches, sub-recipes multiplied
 * through (docs/design/domain-rules.md, "Flattening"): its own lines x
 * batches, plus each sub-recipe's lines x batches x its batch multiplier,
 * recursively. The scale of a line is the product of the multipliers on the
 * way down, and each line is multiplied by it exactly once, so nothing is
 * scaled twice. Production, costs and plans all use this one function.
 */
import { AppError } from '../errors';
import type { Unit } from './units';

export interface IngredientLineDefinition {
  ingredientId: number;
  quantity: number;
  unit: Unit;
}

export interface SubRecipeDefinition {
  recipeId: number;
  batchMultiplier: number;
}

export interface RecipeDefinition {
  id: number;
  name: string;
  lines: readonly IngredientLineDefinition[];
  subRecipes: readonly SubRecipeDefinition[];
}

export interface FlatLine {
  ingredientId: number;
  /** The line's quantity x the batches of the recipe it belongs to. */
  quantity: number;
  unit: Unit;
  /** Recipe ids from the root down to the recipe holding the line. */
  via: number[];
  /** The line's index among its recipe's ingredient lines. */
  lineIndex: number;
  /** Batches of the recipe holding the line: batches x every multiplier on the way down. */
  batches: number;
}

/** Sub-recipes nest at most this many levels; a deeper definition cannot be saved, so meeting one here is a bug. */
const DEPTH_GUARD = 64;

export function flattenRecipe(recipes: ReadonlyMap<number, RecipeDefinition>, rootId: number, batches: number): FlatLine[] {
  const out: FlatLine[] = [];
  const visit = (id: number, scale: number, via: number[]) => {
    const recipe = recipes.get(id);
    if (!recipe) throw new AppError('INTERNAL', `Recipe ${id} is missing from the definitions being flattened.`, { recipeId: id });
    if (via.length > DEPTH_GUARD || via.includes(id)) {
      throw new AppError('INTERNAL', `The sub-recipes of ${recipe.name} loop or nest too deep to flatten.`, { recipeId: id });
    }
    const path = [...via, id];
    recipe.lines.forEach((line, lineIndex) => {
      out.push({ ingredientId: line.ingredientId, quantity: line.quantity * scale, unit: line.unit, via: path, lineIndex, batches: scale });
    });
    for (const sub of recipe.subRecipes) visit(sub.recipeId, scale * sub.batchMultiplier, path);
  };
  visit(rootId, batches, []);
  return out;
}
