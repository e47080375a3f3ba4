/**
 * Flattening a recipe from a captured definition (src/domain/definitions.ts:
 * recipes keyed by slug, as a plan snapshot stores them and as
 * `captureDefinitions` reads them today). A production run flattens through
 * here whether it bakes from its event's plan snapshot or from the recipe as
 * it is now, so both draw exactly the same way; the multiplying itself is
 * `flattenRecipe`, the one flattening every part of the app uses.
 */
import { AppError } from '../errors';
import type { Definitions, RecipeRecord } from './definitions';
import { flattenRecipe, type RecipeDefinition } from './recipe-flatten';
import { requireUnit, type Unit } from './units';

export interface CapturedFlatLine {
  /** The ingredient's slug. */
  ingredient: string;
  /** The line's quantity x the batches of the recipe holding it (multipliers applied once). */
  quantity: number;
  unit: Unit;
  /** Recipe slugs from the root down to the recipe holding the line. */
  via: string[];
}

/** The recipe and every sub-recipe below it, as the definitions hold them. */
export function capturedRecipeTree(definitions: Definitions, rootSlug: string): Record<string, RecipeRecord> {
  const out: Record<string, RecipeRecord> = {};
  const visit = (slug: string) => {
    if (Object.hasOwn(out, slug)) return;
    const record = Object.hasOwn(definitions.recipes, slug) ? definitions.recipes[slug] : undefined;
    if (!record) throw new AppError('NOT_FOUND', `The recipe ${slug} is missing from the definition being baked.`, { recipe: slug });
    out[slug] = record;
    for (const sub of record.subRecipes) visit(sub.recipe);
  };
  visit(rootSlug);
  return out;
}

/** The recipe's ingredient lines for `batches`, sub-recipes multiplied through, in recipe then line order. */
export function flattenCapturedRecipe(definitions: Definitions, rootSlug: string, batches: number): CapturedFlatLine[] {
  const tree = capturedRecipeTree(definitions, rootSlug);
  // flattenRecipe works on ids: number the recipe and ingredient slugs, flatten, and read the slugs back.
  const recipeSlugs = Object.keys(tree);
  const recipeId = new Map(recipeSlugs.map((slug, i) => [slug, i + 1]));
  const ingredientSlugs: string[] = [];
  const ingredientId = (slug: string) => {
    const found = ingredientSlugs.indexOf(slug);
    return (found < 0 ? ingredientSlugs.push(slug) : found + 1);
  };
  const defs = new Map<number, RecipeDefinition>(
    recipeSlugs.map((slug) => {
      const record = tree[slug]!;
      const id = recipeId.get(slug)!;
      return [
        id,
        {
          id,
          name: slug,
          lines: record.ingredients.map((l) => ({ ingredientId: ingredientId(l.ingredient), quantity: l.quantity, unit: requireUnit(l.unit) })),
          subRecipes: record.subRecipes.map((s) => ({ recipeId: recipeId.get(s.recipe)!, batchMultiplier: s.batchMultiplier })),
        },
      ];
    }),
  );
  return flattenRecipe(defs, recipeId.get(rootSlug)!, batches).map((line) => ({
    ingredient: ingredientSlugs[line.ingredientId - 1]!,
    quantity: line.quantity,
    unit: line.unit,
    via: line.via.map((id) => recipeSlugs[id - 1]!),
  }));
}
