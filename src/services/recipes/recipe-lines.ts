/**
 * A recipe's lines as a form sends them: ingredient lines (a leaf
 * ingredient, a quantity per batch, a unit) and sub-recipe lines (another
 * recipe, a batch multiplier). Every line is checked and every wrong field
 * reported at once (`ingredientLines[2].unit`), before anything is written.
 *
 * A line whose unit cannot be converted to how the ingredient is stocked
 * (cups of brown sugar with no density, bought by the pound) is allowed:
 * the baker may not know the density yet. It carries a flag with the fix,
 * and its cost is unknown, never 0.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { MAX_BATCH_MULTIPLIER, MAX_LINE_QUANTITY } from '../../domain/limits';
import { INGREDIENT_DIMENSIONS, UnitConversionError, baseRatio, dimensionOf, requireUnit, type Dimension, type Unit } from '../../domain/units';
import { checkFields, optionalText, positiveId, positiveNumber } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { requireLeaf, type IngredientRow } from '../catalog/ingredient-rows';
import type { RecipeRow } from './recipe-rows';

export interface IngredientLineInput {
  ingredientId: number;
  /** Per batch, in `unit`. */
  quantity: number;
  unit: string;
  notes?: string;
}

export interface SubRecipeLineInput {
  recipeId: number;
  /** Batches of the sub-recipe in one batch of this recipe (0.5: half a batch of frosting). */
  batchMultiplier: number;
}

export interface CheckedIngredientLine {
  ingredient: IngredientRow;
  quantity: number;
  unit: Unit;
  notes: string;
}

export interface CheckedSubRecipeLine {
  recipe: RecipeRow;
  batchMultiplier: number;
}

/** A line that is saved but cannot be costed or summed with the pantry until its fix is made. */
export interface LineFlag {
  code: 'MISSING_DENSITY';
  /** What the ingredient needs: a density (volume <-> weight) or a weight per each (count <-> weight). */
  needs: 'density' | 'eachWeight';
  /** "Set a density for Brown sugar to convert cup to lb." */
  message: string;
  ingredientId: number;
}

/** The dimensions an ingredient is stocked in: its lots' and its products' package units. */
function stockedDimensions(tx: Tx, ingredientId: number): { dimension: Dimension; unit: Unit }[] {
  const out = new Map<Dimension, Unit>();
  const units = tx.all<{ package_unit: string }>(
    `SELECT p.package_unit FROM lots l JOIN products p ON p.id = l.product_id WHERE l.ingredient_id = ?
     UNION ALL SELECT package_unit FROM products WHERE ingredient_id = ?`,
    [ingredientId, ingredientId],
  );
  for (const r of units) {
    const unit = requireUnit(r.package_unit);
    if (!out.has(dimensionOf(unit))) out.set(dimensionOf(unit), unit);
  }
  return [...out].map(([dimension, unit]) => ({ dimension, unit }));
}

/** The flag of a line in `unit` of this ingredient, or null when it converts to everything the ingredient is stocked in. */
export function lineFlagOf(db: Database, ingredient: IngredientRow, unit: Unit, tx?: Tx): LineFlag | null {
  return withTransaction(db, tx, (t) => {
    const ctx = conversionContextOf(ingredient);
    for (const stocked of stockedDimensions(t, ingredient.id)) {
      try {
        baseRatio(dimensionOf(unit), stocked.dimension, ctx, unit, stocked.unit);
      } catch (e) {
        if (!(e instanceof UnitConversionError)) throw e;
        return { code: 'MISSING_DENSITY', needs: e.details.needs === 'eachWeight' ? 'eachWeight' : 'density', message: e.message, ingredientId: ingredient.id };
      }
    }
    return null;
  });
}

function checkLineUnit(text: unknown, field: string): Unit {
  if (typeof text !== 'string' || text.trim() === '') throw validationError(field, 'Choose a unit (g, cup, tbsp, each...).');
  const unit = requireUnit(text, field);
  if (!INGREDIENT_DIMENSIONS.includes(dimensionOf(unit))) {
    throw validationError(field, `${unit} measures packaging; an ingredient line is a weight, a volume or a count.`, { unit });
  }
  return unit;
}

function asList<T>(value: unknown, field: string): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw validationError(field, 'The lines must be a list.');
  return value as T[];
}

/**
 * Checks a recipe's lines; every wrong field is reported at once in
 * details.fields. `recipeId` is the recipe being saved (null for a new one),
 * so that a sub-recipe line naming it is refused as "itself".
 */
export function checkRecipeLines(
  db: Database,
  input: { recipeId: number | null; ingredientLines: unknown; subRecipes: unknown },
  tx?: Tx,
): { ingredientLines: CheckedIngredientLine[]; subRecipes: CheckedSubRecipeLine[] } {
  return withTransaction(db, tx, (t) => {
    const checks: Record<string, () => unknown> = {};
    const ingredientLines = asList<IngredientLineInput>(input.ingredientLines, 'ingredientLines');
    const subRecipes = asList<SubRecipeLineInput>(input.subRecipes, 'subRecipes');
    ingredientLines.forEach((line, i) => {
      const at = `ingredientLines[${i}]`;
      checks[`${at}.ingredientId`] = () => requireLeaf(db, positiveId(line?.ingredientId, `${at}.ingredientId`, 'ingredient'), 'a recipe line', `${at}.ingredientId`, t);
      checks[`${at}.quantity`] = () => positiveNumber(line?.quantity, `${at}.quantity`, 'the quantity', MAX_LINE_QUANTITY);
      checks[`${at}.unit`] = () => checkLineUnit(line?.unit, `${at}.unit`);
      checks[`${at}.notes`] = () => optionalText(line?.notes, `${at}.notes`, 'the line note', 200);
    });
    const seen = new Map<number, number>();
    subRecipes.forEach((line, i) => {
      const at = `subRecipes[${i}]`;
      checks[`${at}.recipeId`] = () => {
        const id = positiveId(line?.recipeId, `${at}.recipeId`, 'sub-recipe');
        if (id === input.recipeId) throw validationError(`${at}.recipeId`, 'A recipe cannot be a sub-recipe of itself.');
        const recipe = t.get<RecipeRow>('SELECT * FROM recipes WHERE id = ?', [id]);
        if (!recipe) throw new AppError('NOT_FOUND', 'That sub-recipe no longer exists.', { field: `${at}.recipeId`, recipeId: id });
        if (recipe.archived === 1) {
          throw validationError(`${at}.recipeId`, `${recipe.name} is archived: restore it before using it as a sub-recipe.`, { recipeId: id });
        }
        const first = seen.get(id);
        if (first !== undefined) {
          throw validationError(`${at}.recipeId`, `${recipe.name} is already a sub-recipe here (line ${first + 1}): change its batches there.`, { recipeId: id });
        }
        seen.set(id, i);
        return recipe;
      };
      checks[`${at}.batchMultiplier`] = () => positiveNumber(line?.batchMultiplier, `${at}.batchMultiplier`, 'the batches of the sub-recipe', MAX_BATCH_MULTIPLIER);
    });
    const checked = checkFields(checks) as Record<string, unknown>;
    return {
      ingredientLines: ingredientLines.map((line, i) => ({
        ingredient: checked[`ingredientLines[${i}].ingredientId`] as IngredientRow,
        quantity: checked[`ingredientLines[${i}].quantity`] as number,
        unit: checked[`ingredientLines[${i}].unit`] as Unit,
        notes: checked[`ingredientLines[${i}].notes`] as string,
      })),
      subRecipes: subRecipes.map((_, i) => ({
        recipe: checked[`subRecipes[${i}].recipeId`] as RecipeRow,
        batchMultiplier: checked[`subRecipes[${i}].batchMultiplier`] as number,
      })),
    };
  });
}

