/**
 * What a recipe costs right now (a dry run: nothing is drawn): for some
 * batches, per batch, and per finished unit it yields, with the breakdown
 * by line and by sub-recipe (their batches multiplied through). Each
 * ingredient is priced once for the whole flattened need (so FIFO sees the
 * real quantity), and that price per unit costs every line of it at every
 * level: each node is exactly the sum of its parts. A line whose unit
 * cannot be converted, or an ingredient with no price, makes its cost and
 * every total above it unknown, with the reason.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { knownCost, rollUpRecipe, unknownCost, type Priced, type RecipeCostNode } from '../../domain/cost-rollup';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { flattenRecipe, type RecipeDefinition } from '../../domain/recipe-flatten';
import { namedRef, type NamedRef } from '../../domain/refs';
import { UnitConversionError, conversionFactor, requireUnit, type Unit } from '../../domain/units';
import { positiveId, positiveNumber } from '../../domain/validate';
import { loadIngredient, type IngredientRow } from '../catalog/ingredient-rows';
import { listFinishedUnits } from '../recipes/finished-units';
import { lineFlagOf, type IngredientLineInput, type LineFlag, type SubRecipeLineInput } from '../recipes/recipe-lines';
import { checkRecipeDraft } from '../recipes/recipes';
import { loadRecipe, recipeDefinitions } from '../recipes/recipe-rows';
import { priceIngredient, type IngredientPrice } from './ingredient-price';

/** The id a new recipe's draft stands under (ids are positive). */
const DRAFT = 0;

/** Batches priced at most: a live preview scaled further is a slip of the keyboard. */
const MAX_BATCHES = 10_000;

export interface RecipeLineCostView extends Priced {
  ingredient: { id: number; slug: string; name: string };
  /** For this node's batches. */
  quantity: number;
  unit: Unit;
}

export interface RecipeCostView extends Priced {
  recipe: NamedRef;
  batches: number;
  batchMultiplier: number;
  lines: RecipeLineCostView[];
  subRecipes: RecipeCostView[];
}

export interface IngredientCostLine extends Priced {
  ingredient: { id: number; slug: string; name: string };
  /** The flattened need of the ingredient, in the unit it was priced in. */
  quantity: number;
  unit: Unit;
  /** Per `unit`; null when unknown. */
  unitCost: number | null;
}

export interface RecipeCost extends Priced {
  recipe: NamedRef;
  batches: number;
  costPerBatch: number | null;
  breakdown: RecipeCostView;
  /** One line per ingredient of the flattened recipe, sub-recipes included. */
  ingredients: IngredientCostLine[];
  /** What each finished unit the recipe (or its family) yields costs: batch cost / yield per batch. */
  finishedUnits: { finishedUnit: NamedRef; yieldPerBatch: number; costPerUnit: number | null }[];
}

interface PriceGroup {
  ingredient: IngredientRow;
  unit: Unit;
  quantity: number;
  price: IngredientPrice | null;
}

/**
 * Prices the flattened need of every ingredient, once per ingredient (lines
 * in units that convert to the first line's unit are added up), and returns
 * the function that prices any one line with it.
 */
function recipeLinePricer(db: Database, defs: ReadonlyMap<number, RecipeDefinition>, rootId: number, batches: number, tx?: Tx) {
  return withTransaction(db, tx, (t) => {
    const ingredients = new Map<number, IngredientRow>();
    const groups: PriceGroup[] = [];
    const groupOf = (ingredient: IngredientRow, unit: Unit): { group: PriceGroup; factor: number } | null => {
      for (const group of groups) {
        if (group.ingredient.id !== ingredient.id) continue;
        try {
          return { group, factor: conversionFactor(unit, group.unit, conversionContextOf(ingredient)) };
        } catch (e) {
          if (!(e instanceof UnitConversionError)) throw e;
        }
      }
      return null;
    };
    const flags = new Map<string, string | null>();
    const flagOf = (ingredient: IngredientRow, unit: Unit) => {
      const key = `${ingredient.id}|${unit}`;
      if (!flags.has(key)) flags.set(key, lineFlagOf(db, ingredient, unit, t)?.message ?? null);
      return flags.get(key)!;
    };
    const rowOf = (id: number) => ingredients.get(id) ?? ingredients.set(id, loadIngredient(db, id, t)).get(id)!;

    const flat = flattenRecipe(defs, rootId, batches);
    const flagged = new Map<string, IngredientCostLine>();
    for (const line of flat) {
      const ingredient = rowOf(line.ingredientId);
      const flag = flagOf(ingredient, line.unit);
      if (flag !== null) {
        // A line that cannot be converted joins no group: it is listed on its own, unknown.
        const key = `${ingredient.id}|${line.unit}`;
        const entry = flagged.get(key) ?? { ingredient: { id: ingredient.id, slug: ingredient.slug, name: ingredient.name }, quantity: 0, unit: line.unit, unitCost: null, ...unknownCost(ingredient.name, flag) };
        entry.quantity += line.quantity;
        flagged.set(key, entry);
        continue;
      }
      const found = groupOf(ingredient, line.unit);
      if (found) found.group.quantity += line.quantity * found.factor;
      else groups.push({ ingredient, unit: line.unit, quantity: line.quantity, price: null });
    }
    for (const g of groups) g.price = g.quantity > 0 ? priceIngredient(db, { ingredientId: g.ingredient.id, quantity: g.quantity, unit: g.unit }, t) : null;

    const priceLine = (line: { ingredientId: number; quantity: number; unit: Unit }): Priced => {
      const ingredient = rowOf(line.ingredientId);
      const flag = flagOf(ingredient, line.unit);
      if (flag !== null) return unknownCost(ingredient.name, flag);
      const found = groupOf(ingredient, line.unit)!;
      const price = found.group.price!;
      if (price.unitCost === null) return unknownCost(ingredient.name, price.reason ?? `No price for ${ingredient.name}.`);
      return knownCost(line.quantity * found.factor * price.unitCost);
    };
    const ingredientLines: IngredientCostLine[] = groups.map((g) => ({
      ingredient: { id: g.ingredient.id, slug: g.ingredient.slug, name: g.ingredient.name },
      quantity: g.quantity,
      unit: g.unit,
      unitCost: g.price?.unitCost ?? null,
      ...(g.price?.cost == null ? unknownCost(g.ingredient.name, g.price?.reason ?? `No price for ${g.ingredient.name}.`) : knownCost(g.price.cost)),
    }));
    return { priceLine, ingredientLines: [...ingredientLines, ...flagged.values()], rowOf };
  });
}

function view(node: RecipeCostNode, names: (id: number) => NamedRef, rowOf: (id: number) => IngredientRow): RecipeCostView {
  return {
    recipe: names(node.recipeId),
    batches: node.batches,
    batchMultiplier: node.batchMultiplier,
    cost: node.cost,
    unknown: node.unknown,
    lines: node.lines.map((l) => {
      const i = rowOf(l.ingredientId);
      return { ingredient: { id: i.id, slug: i.slug, name: i.name }, quantity: l.quantity, unit: l.unit, cost: l.cost, unknown: l.unknown };
    }),
    subRecipes: node.subRecipes.map((s) => view(s, names, rowOf)),
  };
}

/** Costs `defs` from `rootId` for some batches; `root` names the root (a draft has no row) and `family` lists the recipes whose units it yields. */
function costOf(db: Database, tx: Tx, defs: ReadonlyMap<number, RecipeDefinition>, root: NamedRef, batches: number, family: number[]): RecipeCost {
  const { priceLine, ingredientLines, rowOf } = recipeLinePricer(db, defs, root.id, batches, tx);
  const tree = rollUpRecipe(defs, root.id, batches, priceLine);
  const names = (id: number) => (id === root.id ? root : namedRef(loadRecipe(db, id, tx)));
  const costPerBatch = tree.cost === null ? null : tree.cost / batches;
  const units = family.flatMap((id) => listFinishedUnits(db, { recipeId: id, includeArchived: true }, tx));
  return {
    recipe: root,
    batches,
    cost: tree.cost,
    unknown: tree.unknown,
    costPerBatch,
    breakdown: view(tree, names, rowOf),
    ingredients: ingredientLines,
    finishedUnits: units.map((u) => ({
      finishedUnit: { id: u.id, slug: u.slug, name: u.name, archived: u.archived },
      yieldPerBatch: u.yieldPerBatch,
      costPerUnit: costPerBatch === null ? null : costPerBatch / u.yieldPerBatch,
    })),
  };
}

const batchesOf = (value: number | undefined) => (value === undefined ? 1 : positiveNumber(value, 'batches', 'batches', MAX_BATCHES));

/** A variant yields its base recipe's finished units too, with the same yield. */
const familyOf = (recipe: { id: number; base_recipe_id: number | null }) => (recipe.base_recipe_id === null ? [recipe.id] : [recipe.id, recipe.base_recipe_id]);

export function costRecipe(db: Database, request: { recipeId: number; batches?: number }, tx?: Tx): RecipeCost {
  return withTransaction(db, tx, (t) => {
    const recipe = loadRecipe(db, positiveId(request.recipeId, 'recipeId', 'recipe'), t);
    const batches = batchesOf(request.batches);
    return costOf(db, t, recipeDefinitions(db, [recipe.id], t), namedRef(recipe), batches, familyOf(recipe));
  });
}

/**
 * The live preview of a recipe being edited: what its unsaved lines cost for
 * some batches, per batch and per unit it yields, checked as saving would
 * check them (a wrong field or a loop is refused the same way). Writes nothing.
 */
export function costRecipeDraft(
  db: Database,
  request: { recipeId?: number | null; name?: string; ingredientLines?: IngredientLineInput[]; subRecipes?: SubRecipeLineInput[]; batches?: number },
  tx?: Tx,
): RecipeCost {
  return withTransaction(db, tx, (t) => {
    const batches = batchesOf(request.batches);
    const lines = checkRecipeDraft(db, request, t);
    const saved = request.recipeId == null ? null : loadRecipe(db, request.recipeId, t);
    const root: NamedRef = saved ? namedRef(saved) : { id: DRAFT, slug: '', name: request.name?.trim() || 'New recipe', archived: false };
    const defs = recipeDefinitions(db, lines.subRecipes.map((s) => s.recipe.id), t);
    defs.set(root.id, {
      id: root.id,
      name: root.name,
      lines: lines.ingredientLines.map((l) => ({ ingredientId: l.ingredient.id, quantity: l.quantity, unit: l.unit })),
      subRecipes: lines.subRecipes.map((s) => ({ recipeId: s.recipe.id, batchMultiplier: s.batchMultiplier })),
    });
    return costOf(db, t, defs, root, batches, saved ? familyOf(saved) : []);
  });
}

export interface RecipeDraftPreview extends RecipeCost {
  /** Per ingredient line as sent: the fix the line needs before it can be costed, or null. */
  lineFlags: (LineFlag | null)[];
}

/**
 * The recipe editor's live preview: `costRecipeDraft`, plus each ingredient
 * line's flag (a unit that cannot convert to how the ingredient is stocked,
 * with its fix), so the editor shows the fix at the line while the baker
 * types. Writes nothing.
 */
export function previewRecipeDraft(
  db: Database,
  request: { recipeId?: number | null; name?: string; ingredientLines?: IngredientLineInput[]; subRecipes?: SubRecipeLineInput[]; batches?: number },
  tx?: Tx,
): RecipeDraftPreview {
  return withTransaction(db, tx, (t) => {
    const cost = costRecipeDraft(db, request, t);
    const lineFlags = (request.ingredientLines ?? []).map((l) => lineFlagOf(db, loadIngredient(db, l.ingredientId, t), requireUnit(l.unit), t));
    return { ...cost, lineFlags };
  });
}
