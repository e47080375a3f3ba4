/**
 * Recipes, with the finished units a recipe record yields: two kinds of
 * record, so two SectionPlans (`recipes`, `finishedUnits`).
 *
 * `planRecipes` reads every recipe record (src/domain/bake-tracker-recipe-records.ts)
 * and resolves its references, writing nothing: ingredients (in the file
 * and accepted, or already in the pantry, and a leaf), sub-recipes and base
 * recipes (in the file or the database), and the nesting rules (no loop, at
 * most 3 levels) over both together, each problem at the path of the field
 * at fault. A recipe whose sub-recipe or base is rejected is rejected too,
 * pointing at it. A recipe whose slug the database has is skipped, with its
 * finished units (a warning says so). `applyRecipes` writes an accepted plan
 * through the recipe rows, sub-recipes and bases first, keeping the file's
 * slugs.
 */
import { withTransaction, type Database, type Tx } from '../../../db/session';
import type { BtFinishedUnit, BtRecipe } from '../../../domain/bake-tracker-recipe-records';
import { readRecipe } from '../../../domain/bake-tracker-recipe-records';
import { isRejected, labelOf, plannedId, readRecord, rejected, section, type Planned } from '../../../domain/import-plan';
import { nestingProblem } from '../../../domain/nesting';
import { nameKey } from '../../../domain/validate';
import { freeSlug } from '../../catalog/slugs';
import { insertFinishedUnitRow, insertRecipeComponentRow, insertRecipeIngredientRow, insertRecipeRow, subRecipeGraph } from '../../recipes/recipe-rows';
import { MAX_RECIPE_LEVELS } from '../../recipes/recipes';
import { ingredientIdBySlug, ingredientNameBySlug, type IngredientSection } from './ingredients';
import type { ImportFile, SectionPlan } from './section';

export interface RecipePlan extends Planned<BtRecipe> {
  /** Sub-recipes and base, resolved: a recipe planned from this file, or a recipe id already in the database. */
  subRecipes: (RecipePlan | number)[];
  base: RecipePlan | number | null;
}

export interface FinishedUnitPlan extends Planned<BtFinishedUnit> {
  recipe: RecipePlan;
}

export interface RecipeSection extends SectionPlan<BtRecipe> {
  items: RecipePlan[];
}

export interface FinishedUnitSection extends SectionPlan<BtFinishedUnit> {
  items: FinishedUnitPlan[];
}

const componentPath = (plan: RecipePlan, k: number) => `${plan.path}.components[${k}].component_recipe_slug`;

/** Why a recipe line cannot use `slug`: rejected, unknown, or a group of ingredients; null for a leaf of the file or the pantry. */
function lineIngredientProblem(db: Database, tx: Tx, ingredients: IngredientSection, slug: string): string | null {
  const inFile = ingredients.bySlug.get(slug);
  if (inFile && isRejected(inFile.result)) return `The ingredient ${slug} was rejected (${inFile.result.path}).`;
  const row = tx.get<{ children: number }>(
    'SELECT (SELECT count(*) FROM ingredients c WHERE c.parent_id = i.id) AS children FROM ingredients i WHERE i.slug = ?',
    [slug],
  );
  if (!inFile && !row) return `There is no ingredient ${slug} in this file or in the pantry.`;
  if (ingredients.withChildren.has(slug) || (row?.children ?? 0) > 0) {
    return `${ingredientNameBySlug(db, ingredients, slug, tx)} is a group of ingredients; a recipe line needs a specific ingredient.`;
  }
  return null;
}

export function planRecipes(
  db: Database,
  file: ImportFile,
  earlier: { ingredients: IngredientSection },
  tx?: Tx,
): { recipes: RecipeSection; finishedUnits: FinishedUnitSection } {
  return withTransaction(db, tx, (t) => {
    const recipes: RecipePlan[] = section(file.data, 'recipes').map((raw, i) => ({
      ...readRecord(raw, `recipes[${i}]`, readRecipe, labelOf('name')),
      index: i,
      subRecipes: [],
      base: null,
    }));

    // Identity: unique in the file; already in the database by slug means skipped.
    const bySlug = new Map<string, RecipePlan>();
    const byName = new Map<string, RecipePlan>();
    const dbNames = t.all<{ id: number; slug: string; name: string }>('SELECT id, slug, name FROM recipes');
    const dbByName = new Map(dbNames.map((x) => [nameKey(x.name), x]));
    for (const plan of recipes) {
      const r = plan.record;
      if (!r) continue;
      if (bySlug.has(r.slug)) {
        plan.result = rejected(`${plan.path}.slug`, `The slug ${r.slug} is used twice in this file (first at ${bySlug.get(r.slug)!.path}).`);
        continue;
      }
      if (byName.has(nameKey(r.name))) {
        plan.result = rejected(`${plan.path}.name`, `Two recipes in this file are called ${r.name} (first at ${byName.get(nameKey(r.name))!.path}).`);
        continue;
      }
      bySlug.set(r.slug, plan);
      byName.set(nameKey(r.name), plan);
      const existing = t.get<{ id: number }>('SELECT id FROM recipes WHERE slug = ?', [r.slug]);
      if (existing) {
        plan.result = { outcome: 'skipped', id: existing.id };
        continue;
      }
      const clash = dbByName.get(nameKey(r.name));
      if (clash) plan.result = rejected(`${plan.path}.name`, `A recipe called ${clash.name} already exists (as ${clash.slug}).`);
    }

    const resolve = (slug: string | null, name: string | null): RecipePlan | number | null => {
      const inFile = (slug ? bySlug.get(slug) : undefined) ?? (name ? byName.get(nameKey(name)) : undefined);
      if (inFile) return inFile.result.outcome === 'skipped' ? inFile.result.id! : inFile;
      const row = slug ? t.get<{ id: number }>('SELECT id FROM recipes WHERE slug = ?', [slug]) : undefined;
      if (row) return row.id;
      return name ? (dbByName.get(nameKey(name))?.id ?? null) : null;
    };

    // Lines, sub-recipes and base of every recipe to be created.
    const toCreate = recipes.filter((p) => p.record && p.result.outcome === 'created');
    for (const plan of toCreate) {
      const r = plan.record!;
      const badLine = r.lines.findIndex((l) => lineIngredientProblem(db, t, earlier.ingredients, l.ingredientSlug) !== null);
      if (badLine >= 0) {
        const slug = r.lines[badLine]!.ingredientSlug;
        plan.result = rejected(`${plan.path}.ingredients[${badLine}].ingredient_slug`, lineIngredientProblem(db, t, earlier.ingredients, slug)!);
        continue;
      }
      const seen = new Map<string, number>();
      for (const [k, c] of r.components.entries()) {
        const target = resolve(c.recipeSlug, c.recipeName);
        const named = c.recipeSlug ?? c.recipeName!;
        if (target === null) {
          plan.result = rejected(componentPath(plan, k), `There is no recipe ${named} in this file or in the database.`);
          break;
        }
        if (target === plan) {
          plan.result = rejected(componentPath(plan, k), 'A recipe cannot be a sub-recipe of itself.');
          break;
        }
        const key = typeof target === 'number' ? `db:${target}` : `file:${target.index}`;
        if (seen.has(key)) {
          plan.result = rejected(componentPath(plan, k), `${named} is already a sub-recipe of this recipe (components[${seen.get(key)}]).`);
          break;
        }
        seen.set(key, k);
        plan.subRecipes.push(target);
      }
      if (isRejected(plan.result) || !r.baseRecipeSlug) continue;
      const base = resolve(r.baseRecipeSlug, null);
      const baseIsVariant =
        base === null
          ? false
          : typeof base === 'number'
            ? t.get<{ b: number | null }>('SELECT base_recipe_id AS b FROM recipes WHERE id = ?', [base])!.b !== null
            : base.record?.baseRecipeSlug != null;
      if (base === null) plan.result = rejected(`${plan.path}.base_recipe_slug`, `There is no recipe ${r.baseRecipeSlug} in this file or in the database.`);
      else if (base === plan) plan.result = rejected(`${plan.path}.base_recipe_slug`, 'A recipe cannot be a variant of itself.');
      else if (baseIsVariant) plan.result = rejected(`${plan.path}.base_recipe_slug`, `${r.baseRecipeSlug} is itself a variant; a variant's base must be a base recipe.`);
      else plan.base = base;
    }

    // Loops and depth, over the database's recipes and this file's together (file recipes under negative ids).
    const { children, names } = subRecipeGraph(db, t);
    const nodeOf = (target: RecipePlan | number) => (typeof target === 'number' ? target : -1 - target.index);
    for (const plan of toCreate) {
      names.set(nodeOf(plan), plan.record!.name);
      children.set(nodeOf(plan), plan.subRecipes.map(nodeOf));
    }
    for (const plan of toCreate) {
      if (isRejected(plan.result)) continue;
      const problem = nestingProblem(children, nodeOf(plan), MAX_RECIPE_LEVELS);
      if (!problem) continue;
      const named = (problem.kind === 'loop' ? problem.path : problem.chain).map((id) => names.get(id) ?? String(id));
      plan.result = rejected(
        componentPath(plan, problem.childIndex),
        problem.kind === 'loop'
          ? `${named.join(' -> ')}: a recipe cannot contain itself, even through its sub-recipes.`
          : `${named.join(' -> ')} is ${named.length} levels deep; sub-recipes nest at most ${MAX_RECIPE_LEVELS} levels.`,
      );
    }

    // A recipe resting on a rejected one is rejected too, until nothing changes.
    for (let changed = true; changed; ) {
      changed = false;
      for (const plan of toCreate) {
        if (isRejected(plan.result)) continue;
        const k = plan.subRecipes.findIndex((s) => typeof s !== 'number' && isRejected(s.result));
        const failed = k >= 0 ? (plan.subRecipes[k] as RecipePlan) : typeof plan.base === 'object' && plan.base && isRejected(plan.base.result) ? plan.base : null;
        if (!failed) continue;
        const at = k >= 0 ? componentPath(plan, k) : `${plan.path}.base_recipe_slug`;
        plan.result = rejected(at, `${k >= 0 ? 'Its sub-recipe' : 'Its base recipe'} ${failed.record?.name ?? failed.label} was rejected (${(failed.result as { path: string }).path}).`);
        changed = true;
      }
    }

    // An archived recipe cannot stay the sub-recipe of one that is not.
    for (const plan of toCreate) {
      if (isRejected(plan.result)) continue;
      for (const [k, sub] of plan.subRecipes.entries()) {
        const archived = typeof sub === 'number' ? t.get<{ a: number }>('SELECT archived AS a FROM recipes WHERE id = ?', [sub])!.a === 1 : sub.record!.archived;
        if (archived && !plan.record!.archived) {
          const subName = typeof sub === 'number' ? names.get(sub) : sub.record!.name;
          plan.result = rejected(componentPath(plan, k), `Its sub-recipe ${subName} is archived; restore it, or archive this recipe too.`);
          break;
        }
      }
    }

    // Finished units: unique names and slugs across the file and the database.
    const units: FinishedUnitPlan[] = [];
    const unitNames = new Map<string, string>();
    const unitSlugs = new Set<string>();
    for (const u of t.all<{ name: string; slug: string }>('SELECT name, slug FROM finished_units')) unitNames.set(nameKey(u.name), `the finished unit ${u.slug}`);
    for (const plan of recipes) {
      if (!plan.record || isRejected(plan.result)) continue;
      plan.record.finishedUnits.forEach((u, m) => {
        const path = `${plan.path}.finished_units[${m}]`;
        const unit: FinishedUnitPlan = { index: m, path, record: u, label: u.name, recipe: plan, result: { outcome: 'created', id: null } };
        const existing = u.slug ? t.get<{ id: number }>('SELECT id FROM finished_units WHERE slug = ?', [u.slug]) : undefined;
        if (existing) return units.push({ ...unit, result: { outcome: 'skipped', id: existing.id } });
        if (u.slug && unitSlugs.has(u.slug)) return units.push({ ...unit, result: rejected(`${path}.slug`, `The slug ${u.slug} is used twice in this file.`) });
        if (u.slug) unitSlugs.add(u.slug);
        if (plan.result.outcome === 'skipped') {
          file.report.warn(path, 'unit-not-added', `${plan.record!.name} is already in the database, so its finished unit ${u.name} is not added to it.`);
          return;
        }
        const clash = unitNames.get(nameKey(u.name));
        if (clash) return units.push({ ...unit, result: rejected(`${path}.display_name`, `${u.name} is already taken by ${clash}.`) });
        unitNames.set(nameKey(u.name), path);
        units.push(unit);
      });
    }
    return {
      recipes: { key: 'recipes', entity: 'recipe', items: recipes },
      finishedUnits: { key: 'recipes', entity: 'finished unit', items: units },
    };
  });
}

/** Writes the planned recipes (sub-recipes and bases first) and their finished units, recording the new ids in the plan. */
export function applyRecipes(
  db: Database,
  plan: { recipes: RecipeSection; finishedUnits: FinishedUnitSection },
  earlier: { ingredients: IngredientSection },
  tx?: Tx,
): void {
  withTransaction(db, tx, (t) => {
    const idOf = (target: RecipePlan | number): number => {
      if (typeof target === 'number') return target;
      write(target);
      return plannedId(target)!;
    };
    const write = (p: RecipePlan): void => {
      if (p.result.outcome !== 'created' || p.result.id !== null) return;
      const r = p.record!;
      // The plan checked every field, and that no active recipe rests on an archived one.
      const id = insertRecipeRow(
        db,
        {
          slug: freeSlug(db, 'recipes', { name: r.name, slug: r.slug }, t),
          name: r.name,
          category: r.category,
          source: r.source,
          notes: r.notes,
          archived: r.archived,
          baseRecipeId: p.base === null ? null : idOf(p.base),
          variantName: r.variantName,
        },
        t,
      );
      r.lines.forEach((l, position) => {
        const ingredientId = ingredientIdBySlug(db, earlier.ingredients, l.ingredientSlug, t);
        insertRecipeIngredientRow(db, { recipeId: id, ingredientId, quantity: l.quantity, unit: l.unit, position, notes: l.notes }, t);
      });
      p.subRecipes.forEach((s, position) => {
        insertRecipeComponentRow(db, { recipeId: id, subRecipeId: idOf(s), batchMultiplier: r.components[position]!.batchMultiplier, position }, t);
      });
      p.result.id = id;
    };
    for (const p of plan.recipes.items) if (p.record) write(p);
    for (const u of plan.finishedUnits.items) {
      if (u.result.outcome !== 'created') continue;
      const f = u.record!;
      u.result.id = insertFinishedUnitRow(
        db,
        {
          slug: freeSlug(db, 'finished_units', { name: f.name, slug: f.slug }, t),
          name: f.name,
          recipeId: plannedId(u.recipe)!,
          yieldMode: f.yieldMode,
          itemsPerBatch: f.itemsPerBatch,
          portionPercent: f.portionPercent,
          notes: f.notes,
        },
        t,
      );
    }
  });
}
