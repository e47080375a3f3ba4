/**
 * Recipes and finished units in a snapshot. Recipes are checked with the
 * recipe area's rules: unique names, leaf ingredients on lines in a weight,
 * volume or count, each sub-recipe once, a variant's base a base recipe,
 * and the nesting of the whole graph (the file's recipes and the database's
 * together): no loop, named ("Frosting -> Layer cake -> Frosting"), at most
 * three levels. Finished units get their yield checked (items per batch, a
 * whole number; or a portion of a batch, up to 100 %). Written through the
 * recipe area's row functions: every recipe first, then the lines, so a
 * sub-recipe line can point at any recipe of the file.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { RecordProblem } from '../../domain/bake-tracker-records';
import { MAX_BATCH_MULTIPLIER, MAX_ITEMS_PER_BATCH, MAX_LINE_QUANTITY, MAX_RECIPE_NOTES } from '../../domain/limits';
import { nestingProblem } from '../../domain/nesting';
import { Fields } from '../../domain/snapshot-fields';
import { INGREDIENT_DIMENSIONS, dimensionOf, type Unit } from '../../domain/units';
import type { YieldMode } from '../../domain/yields';
import { MAX_RECIPE_LEVELS } from '../recipes/recipes';
import { insertFinishedUnitRow, insertRecipeComponentRow, insertRecipeIngredientRow, insertRecipeRow } from '../recipes/recipe-rows';
import type { CatalogPlan } from './catalog-section';
import { Names } from './names';
import { check, created, itemId, labelOf, orNothing, readItems, refId, type Item, type Ref, type RecordList } from '../../domain/snapshot-plan';
import { Keys, type PlanContext } from './plan';

interface Stamped {
  createdAt: string;
  updatedAt: string;
}

export interface RecipeDraft extends Stamped {
  slug: string;
  name: string;
  category: string;
  source: string;
  notes: string;
  archived: boolean;
  baseRecipe: string | null;
  variantName: string | null;
  ingredients: { ingredient: string; quantity: number; unit: Unit; notes: string }[];
  subRecipes: { recipe: string; batches: number }[];
}

export interface FinishedUnitDraft extends Stamped {
  slug: string;
  name: string;
  recipe: string;
  yieldMode: YieldMode;
  itemsPerBatch: number | null;
  portionPercent: number | null;
  notes: string;
  archived: boolean;
}

function readLines<T>(f: Fields, key: string, read: (line: Fields) => T): T[] {
  return orNothing(
    f.list(key, 500).map((raw, i) => {
      const line = new Fields(raw, `${f.at(key)}[${i}]`);
      const value = read(line);
      line.done();
      return value;
    }),
  );
}

function readRecipe(f: Fields, now: string): RecipeDraft {
  const name = f.name();
  const baseRecipe = f.ref('base_recipe', false);
  const variantName = f.optionalText('variant_name', 100);
  if (variantName !== null && baseRecipe === null) throw f.problem('variant_name', 'Only a variant (a recipe with a base_recipe) has a variant name.');
  return f.stamped({
    slug: f.slug('slug', name),
    name,
    category: f.text('category', { max: 60 }),
    source: f.text('source', { max: 300 }),
    notes: f.text('notes', { max: MAX_RECIPE_NOTES }),
    archived: f.bool('archived', false),
    baseRecipe,
    variantName,
    ingredients: readLines(f, 'ingredients', (l) => {
      const unit = l.unit('unit');
      if (!INGREDIENT_DIMENSIONS.includes(dimensionOf(unit))) throw l.problem('unit', `${unit} measures packaging; a recipe line is a weight, a volume or a count.`);
      return { ingredient: l.ref('ingredient', true), quantity: l.requiredNumber('quantity', { min: 'positive', max: MAX_LINE_QUANTITY }), unit, notes: l.text('notes', { max: 200 }) };
    }),
    subRecipes: readLines(f, 'sub_recipes', (l) => ({ recipe: l.ref('recipe', true), batches: l.requiredNumber('batches', { min: 'positive', max: MAX_BATCH_MULTIPLIER }) })),
    createdAt: now,
    updatedAt: now,
  }, now);
}

function readFinishedUnit(f: Fields, now: string): FinishedUnitDraft {
  const name = f.name();
  const items = f.number('items_per_batch', { min: 'positive', max: MAX_ITEMS_PER_BATCH, whole: true });
  const percent = f.number('portion_percent', { min: 'positive', max: 100 });
  const inferred: YieldMode | undefined = items !== null && percent === null ? 'discrete' : percent !== null && items === null ? 'portion' : undefined;
  const yieldMode = f.choice('yield_mode', ['discrete', 'portion'] as const, inferred);
  if (yieldMode === 'discrete' && (items === null || percent !== null)) {
    throw f.problem(items === null ? 'items_per_batch' : 'portion_percent', 'A discrete yield gives items_per_batch (48 cookies a batch), and no portion_percent.');
  }
  if (yieldMode === 'portion' && (percent === null || items !== null)) {
    throw f.problem(percent === null ? 'portion_percent' : 'items_per_batch', 'A portion yield gives portion_percent (a slice is 12.5 % of a cake), and no items_per_batch.');
  }
  return f.stamped({
    slug: f.slug('slug', name),
    name,
    recipe: f.ref('recipe', true),
    yieldMode,
    itemsPerBatch: items,
    portionPercent: percent,
    notes: f.text('notes'),
    archived: f.bool('archived', false),
    createdAt: now,
    updatedAt: now,
  }, now);
}

export interface RecipesPlan {
  recipes: Item<RecipeDraft>[];
  finishedUnits: Item<FinishedUnitDraft>[];
  keys: { recipes: Keys<RecipeDraft>; finishedUnits: Keys<FinishedUnitDraft> };
}

export function readRecipes(db: Database, ctx: PlanContext, file: Record<string, RecordList>, tx?: Tx): RecipesPlan {
  return withTransaction(db, tx, () => {
    const keys = {
      recipes: Keys.fromTable<RecipeDraft>('recipe', ctx.t, 'recipes'),
      finishedUnits: Keys.fromTable<FinishedUnitDraft>('finished unit', ctx.t, 'finished_units'),
    };
    const recipes = readItems(ctx.tick, file.recipes!, 'recipes', 'recipe', (f) => readRecipe(f, ctx.now), labelOf('name', 'slug'));
    const finishedUnits = readItems(ctx.tick, file.finished_units!, 'finished_units', 'finished unit', (f) => readFinishedUnit(f, ctx.now), labelOf('name', 'slug'));
    keys.recipes.claimSlugs(recipes, (r) => r.slug);
    keys.finishedUnits.claimSlugs(finishedUnits, (r) => r.slug);
    return { recipes, finishedUnits, keys };
  });
}


export function checkRecipes(db: Database, ctx: PlanContext, plan: RecipesPlan, catalog: CatalogPlan, tx?: Tx): void {
  return withTransaction(db, tx, () => {
    const { t } = ctx;
    const { keys } = plan;
    const names = Names.fromTable(t, 'recipes', (n, where) => `There is already a recipe called ${n} (${where}).`);
    const dbBases = new Map(t.all<{ id: number; base_recipe_id: number | null }>('SELECT id, base_recipe_id FROM recipes').map((r) => [r.id, r.base_recipe_id]));
    const fileBases = new Set(plan.recipes.flatMap((r) => (r.record?.baseRecipe ? [r.record.baseRecipe] : [])));

    // The graph every nesting check walks: the database's recipes (by id) and the file's (by a negative number).
    const nodeOf = (ref: Ref<RecipeDraft>) => (ref.kind === 'db' ? ref.id : -(ref.item.index + 1));
    const children = new Map<number, number[]>();
    const nodeNames = new Map<number, string>();
    for (const r of t.all<{ id: number; name: string }>('SELECT id, name FROM recipes')) nodeNames.set(r.id, r.name);
    for (const e of t.all<{ recipe_id: number; sub_recipe_id: number }>('SELECT recipe_id, sub_recipe_id FROM recipe_components ORDER BY recipe_id, position, id')) {
      children.set(e.recipe_id, [...(children.get(e.recipe_id) ?? []), e.sub_recipe_id]);
    }

    for (const item of created(plan.recipes)) {
      check(item, (r) => {
        names.claim(r.name, item.path, 'name');
        if (r.baseRecipe !== null) {
          if (r.baseRecipe === r.slug) throw new RecordProblem(`${item.path}.base_recipe`, 'A recipe cannot be a variant of itself.');
          const base = keys.recipes.resolve(r.baseRecipe, `${item.path}.base_recipe`);
          const baseOfBase = base.kind === 'db' ? dbBases.get(base.id) : base.item.record!.baseRecipe;
          if (baseOfBase !== null && baseOfBase !== undefined) throw new RecordProblem(`${item.path}.base_recipe`, `"${r.baseRecipe}" is itself a variant: name its base recipe instead.`);
          if (fileBases.has(r.slug)) throw new RecordProblem(`${item.path}.base_recipe`, 'This recipe has variants of its own, so it cannot be a variant.');
        }
        r.ingredients.forEach((l, i) => {
          const at = `${item.path}.ingredients[${i}].ingredient`;
          catalog.keys.ingredients.resolve(l.ingredient, at);
          if (catalog.isGroup(l.ingredient)) throw new RecordProblem(at, `"${l.ingredient}" is a group of ingredients; a recipe line can only use a specific ingredient with no sub-ingredients.`);
        });
        const seen = new Map<string, number>();
        r.subRecipes.forEach((s, i) => {
          const at = `${item.path}.sub_recipes[${i}].recipe`;
          if (s.recipe === r.slug) throw new RecordProblem(at, 'A recipe cannot be a sub-recipe of itself.');
          keys.recipes.resolve(s.recipe, at);
          const first = seen.get(s.recipe);
          if (first !== undefined) throw new RecordProblem(at, `"${s.recipe}" is already a sub-recipe here (sub_recipes[${first}]): give its batches there.`);
          seen.set(s.recipe, i);
        });
      });
      if (item.record) nodeNames.set(nodeOf({ kind: 'file', item }), item.record.name);
    }
    for (const item of plan.recipes) {
      if (item.result.outcome === 'created' && item.record) children.set(nodeOf({ kind: 'file', item }), item.record.subRecipes.map((s) => safeNode(() => nodeOf(keys.recipes.resolve(s.recipe, '')))));
    }
    for (const item of created(plan.recipes)) {
      check(item, () => {
        const node = nodeOf({ kind: 'file', item });
        const problem = nestingProblem(children, node, MAX_RECIPE_LEVELS);
        if (!problem) return;
        const at = `${item.path}.sub_recipes[${problem.childIndex}].recipe`;
        const named = (ids: number[]) => ids.map((id) => nodeNames.get(id) ?? String(id)).join(' -> ');
        if (problem.kind === 'loop') throw new RecordProblem(at, `${named(problem.path)}: a recipe cannot contain itself, even through its sub-recipes.`);
        throw new RecordProblem(at, `${named(problem.chain)} is ${problem.chain.length} levels deep; sub-recipes nest at most ${MAX_RECIPE_LEVELS} levels.`);
      });
    }

    const unitNames = Names.fromTable(t, 'finished_units', (n, where) => `There is already a finished unit called ${n} (${where}).`);
    for (const item of created(plan.finishedUnits)) {
      check(item, (r) => {
        keys.recipes.resolve(r.recipe, `${item.path}.recipe`);
        unitNames.claim(r.name, item.path, 'name');
      });
    }
  });
}

/** A rejected sub-recipe stands for no node (0): its own problem is reported where it is. */
function safeNode(node: () => number): number {
  try {
    return node();
  } catch (e) {
    if (e instanceof RecordProblem) return 0;
    throw e;
  }
}

export function applyRecipes(db: Database, ctx: PlanContext, plan: RecipesPlan, catalog: CatalogPlan, tx?: Tx): void {
  return withTransaction(db, tx, () => {
    const { db, t } = ctx;
    const recipes = created(plan.recipes);
    // Base recipes before their variants, so a variant's base has an id.
    recipes.sort((a, b) => Number(a.record!.baseRecipe !== null) - Number(b.record!.baseRecipe !== null) || a.index - b.index);
    for (const item of recipes) {
      const r = item.record!;
      const baseRecipeId = r.baseRecipe === null ? null : refId(plan.keys.recipes.resolve(r.baseRecipe, ''));
      item.result = { outcome: 'created', id: insertRecipeRow(db, { ...r, baseRecipeId }, t) };
      ctx.tick();
    }
    for (const item of recipes) {
      const r = item.record!;
      const recipeId = itemId(item);
      const stamps = { createdAt: r.createdAt, updatedAt: r.updatedAt };
      r.ingredients.forEach((l, position) => {
        const ingredientId = refId(catalog.keys.ingredients.resolve(l.ingredient, ''));
        insertRecipeIngredientRow(db, { recipeId, ingredientId, quantity: l.quantity, unit: l.unit, position, notes: l.notes, ...stamps }, t);
      });
      r.subRecipes.forEach((s, position) => {
        insertRecipeComponentRow(db, { recipeId, subRecipeId: refId(plan.keys.recipes.resolve(s.recipe, '')), batchMultiplier: s.batches, position, ...stamps }, t);
      });
    }
    for (const item of created(plan.finishedUnits)) {
      const r = item.record!;
      item.result = { outcome: 'created', id: insertFinishedUnitRow(db, { ...r, recipeId: refId(plan.keys.recipes.resolve(r.recipe, '')) }, t) };
      ctx.tick();
    }
  });
}
