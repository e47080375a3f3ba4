/**
 * The recipes section of a Bake Tracker import. `planBakeTrackerRecipes`
 * reads every recipe record (src/domain/bake-tracker-recipe-records.ts) and
 * resolves its references, writing nothing: ingredients (through the
 * importer's lookup: in the file and accepted, or already in the pantry, and
 * a leaf), sub-recipes and base recipes (in the file or the database), and
 * the nesting rules (no loop, at most 3 levels), each problem at the path of
 * the field at fault. A recipe whose sub-recipe or base is rejected is
 * rejected too, pointing at it. `applyBakeTrackerRecipes` then writes an
 * accepted plan through the recipe services' own write functions, sub-recipes
 * and bases first, inside the import's transaction.
 */
import { withTransaction, type Database, type Tx } from '../../../db/session';
import { readRecipe, type BtRecipe } from '../../../domain/bake-tracker-recipe-records';
import { isRejected, labelOf, readRecord, rejected, section, type Planned } from '../../../domain/import-plan';
import type { ImportReportBuilder } from '../../../domain/import-report';
import { nestingProblem } from '../../../domain/nesting';
import { nameKey } from '../../../domain/validate';
import { AppError } from '../../../errors';
import { findIngredientBySlug } from '../../catalog/ingredient-rows';
import { createFinishedUnit } from '../../recipes/finished-units';
import { archiveRecipe, createRecipe, getRecipe, MAX_RECIPE_LEVELS } from '../../recipes/recipes';
import { subRecipeGraph } from '../../recipes/recipe-rows';

/** What the importer knows about an ingredient slug once its own sections are planned. */
export interface IngredientLookup {
  /** Null when `slug` is a leaf ingredient that exists after the import; otherwise why a recipe line cannot use it. */
  problem(slug: string): string | null;
}

export interface RecipePlan extends Planned<BtRecipe> {
  /** Sub-recipes and base, resolved: a recipe planned from this file, or a recipe id already in the database. */
  subRecipes: (RecipePlan | number)[];
  base: RecipePlan | number | null;
  /** Finished units to create with the recipe (none when it is skipped). */
  finishedUnits: { path: string; label: string; outcome: 'created' | 'skipped' | 'rejected'; reason?: string; id: number | null }[];
}

export interface RecipeSectionPlan {
  recipes: RecipePlan[];
  /** True when some recipe or finished unit was rejected: then nothing at all may be written. */
  rejected: boolean;
}

const componentPath = (plan: RecipePlan, k: number) => `${plan.path}.components[${k}]`;

function planIn(tx: Tx, data: Record<string, unknown>, ingredients: IngredientLookup, report: ImportReportBuilder): RecipeSectionPlan {
  const recipes: RecipePlan[] = section(data, 'recipes').map((raw, i) => ({
    ...readRecord(raw, `recipes[${i}]`, readRecipe, labelOf('name')),
    index: i,
    subRecipes: [],
    base: null,
    finishedUnits: [],
  }));

  // Identity: unique in the file; already in the database by slug means skipped.
  const bySlug = new Map<string, RecipePlan>();
  const byName = new Map<string, RecipePlan>();
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
    const existing = tx.get<{ id: number }>('SELECT id FROM recipes WHERE slug = ?', [r.slug]);
    if (existing) {
      plan.result = { outcome: 'skipped', id: existing.id };
      continue;
    }
    const clash = tx.all<{ slug: string; name: string }>('SELECT slug, name FROM recipes').find((x) => nameKey(x.name) === nameKey(r.name));
    if (clash) plan.result = rejected(`${plan.path}.name`, `A recipe called ${clash.name} already exists (as ${clash.slug}).`);
  }

  const resolve = (slug: string | null, name: string | null): RecipePlan | number | null => {
    const inFile = (slug ? bySlug.get(slug) : undefined) ?? (name ? byName.get(nameKey(name)) : undefined);
    if (inFile) return inFile.result.outcome === 'skipped' ? inFile.result.id! : inFile;
    const row = slug ? tx.get<{ id: number }>('SELECT id FROM recipes WHERE slug = ?', [slug]) : undefined;
    if (row) return row.id;
    return name ? (tx.all<{ id: number; name: string }>('SELECT id, name FROM recipes').find((x) => nameKey(x.name) === nameKey(name))?.id ?? null) : null;
  };

  // Lines, sub-recipes and base of every recipe to be created.
  const toCreate = recipes.filter((p) => p.record && p.result.outcome === 'created');
  for (const plan of toCreate) {
    const r = plan.record!;
    const badLine = r.lines.findIndex((l) => ingredients.problem(l.ingredientSlug) !== null);
    if (badLine >= 0) {
      const line = r.lines[badLine]!;
      plan.result = rejected(`${plan.path}.ingredients[${badLine}].ingredient_slug`, ingredients.problem(line.ingredientSlug)!);
      continue;
    }
    const seen = new Map<string, number>();
    for (const [k, c] of r.components.entries()) {
      const target = resolve(c.recipeSlug, c.recipeName);
      const named = c.recipeSlug ?? c.recipeName!;
      if (target === null) {
        plan.result = rejected(`${componentPath(plan, k)}.component_recipe_slug`, `There is no recipe ${named} in this file or in the database.`);
        break;
      }
      if (target === plan) {
        plan.result = rejected(`${componentPath(plan, k)}.component_recipe_slug`, 'A recipe cannot be a sub-recipe of itself.');
        break;
      }
      const key = typeof target === 'number' ? `db:${target}` : `file:${target.index}`;
      if (seen.has(key)) {
        plan.result = rejected(`${componentPath(plan, k)}.component_recipe_slug`, `${named} is already a sub-recipe of this recipe (components[${seen.get(key)}]).`);
        break;
      }
      seen.set(key, k);
      plan.subRecipes.push(target);
    }
    if (isRejected(plan.result) || !r.baseRecipeSlug) continue;
    const base = resolve(r.baseRecipeSlug, null);
    const baseIsVariant =
      base === null ? false : typeof base === 'number' ? tx.get<{ b: number | null }>('SELECT base_recipe_id AS b FROM recipes WHERE id = ?', [base])!.b !== null : base.record?.baseRecipeSlug != null;
    if (base === null) plan.result = rejected(`${plan.path}.base_recipe_slug`, `There is no recipe ${r.baseRecipeSlug} in this file or in the database.`);
    else if (base === plan) plan.result = rejected(`${plan.path}.base_recipe_slug`, 'A recipe cannot be a variant of itself.');
    else if (baseIsVariant) plan.result = rejected(`${plan.path}.base_recipe_slug`, `${r.baseRecipeSlug} is itself a variant; a variant's base must be a base recipe.`);
    else plan.base = base;
  }

  // Loops and depth, over the database's recipes and this file's together.
  const { children, names } = subRecipeGraph(tx.db, tx);
  const nodeOf = (target: RecipePlan | number) => (typeof target === 'number' ? target : -1 - target.index);
  for (const plan of toCreate) {
    names.set(nodeOf(plan), plan.record!.name);
    children.set(nodeOf(plan), plan.subRecipes.map(nodeOf));
  }
  for (const plan of toCreate) {
    if (isRejected(plan.result)) continue;
    const problem = nestingProblem(children, nodeOf(plan), MAX_RECIPE_LEVELS);
    if (!problem) continue;
    const field = `${componentPath(plan, problem.childIndex)}.component_recipe_slug`;
    const named = (problem.kind === 'loop' ? problem.path : problem.chain).map((id) => names.get(id) ?? String(id));
    plan.result = rejected(
      field,
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
      const at = k >= 0 ? `${componentPath(plan, k)}.component_recipe_slug` : `${plan.path}.base_recipe_slug`;
      plan.result = rejected(at, `${k >= 0 ? 'Its sub-recipe' : 'Its base recipe'} ${failed.record?.name ?? failed.label} was rejected (${(failed.result as { path: string }).path}).`);
      changed = true;
    }
  }

  // An archived recipe cannot stay the sub-recipe of one that is not.
  for (const plan of toCreate) {
    if (isRejected(plan.result)) continue;
    for (const [k, sub] of plan.subRecipes.entries()) {
      const archived = typeof sub === 'number' ? tx.get<{ a: number }>('SELECT archived AS a FROM recipes WHERE id = ?', [sub])!.a === 1 : sub.record!.archived;
      if (archived && !plan.record!.archived) {
        plan.result = rejected(`${componentPath(plan, k)}.component_recipe_slug`, `Its sub-recipe ${typeof sub === 'number' ? names.get(sub) : sub.record!.name} is archived; restore it, or archive this recipe too.`);
        break;
      }
    }
  }

  // Finished units: unique names and slugs across the file and the database.
  const unitNames = new Map<string, string>();
  const unitSlugs = new Set<string>();
  for (const u of tx.all<{ name: string; slug: string }>('SELECT name, slug FROM finished_units')) unitNames.set(nameKey(u.name), `the finished unit ${u.slug}`);
  for (const plan of recipes) {
    if (!plan.record || isRejected(plan.result)) continue;
    plan.record.finishedUnits.forEach((u, m) => {
      const path = `${plan.path}.finished_units[${m}]`;
      const existing = u.slug ? tx.get<{ id: number }>('SELECT id FROM finished_units WHERE slug = ?', [u.slug]) : undefined;
      if (existing) return plan.finishedUnits.push({ path, label: u.name, outcome: 'skipped', id: existing.id });
      if (u.slug && unitSlugs.has(u.slug)) return plan.finishedUnits.push({ path, label: u.name, outcome: 'rejected', reason: `The slug ${u.slug} is used twice in this file.`, id: null });
      if (u.slug) unitSlugs.add(u.slug);
      if (plan.result.outcome === 'skipped') {
        report.warn(path, `${plan.record!.name} is already in the database, so its finished unit ${u.name} is not added to it.`);
        return;
      }
      const clash = unitNames.get(nameKey(u.name));
      if (clash) return plan.finishedUnits.push({ path, label: u.name, outcome: 'rejected', reason: `${u.name} is already taken by ${clash}.`, id: null });
      unitNames.set(nameKey(u.name), path);
      plan.finishedUnits.push({ path, label: u.name, outcome: 'created', id: null });
    });
  }
  const rejectedAny = recipes.some((r) => isRejected(r.result) || r.finishedUnits.some((u) => u.outcome === 'rejected'));
  return { recipes, rejected: rejectedAny };
}

/** Reads and resolves the recipes section against the file's other sections and the database; writes nothing. */
export function planBakeTrackerRecipes(
  db: Database,
  request: { data: Record<string, unknown>; ingredients: IngredientLookup; report: ImportReportBuilder },
  tx?: Tx,
): RecipeSectionPlan {
  return withTransaction(db, tx, (t) => planIn(t, request.data, request.ingredients, request.report));
}

/** Writes an accepted plan through the recipe services, sub-recipes and bases first; records the new ids in the plan. */
export function applyBakeTrackerRecipes(db: Database, plan: RecipeSectionPlan, tx?: Tx): void {
  withTransaction(db, tx, (t) => {
    if (plan.rejected) throw new AppError('IMPORT', 'A recipe section with rejected records cannot be applied.');
    const idOf = (target: RecipePlan | number): number => {
      if (typeof target === 'number') return target;
      write(target);
      return target.result.outcome === 'rejected' ? 0 : target.result.id!;
    };
    const ingredientId = (slug: string) => findIngredientBySlug(db, slug, t)!.id;
    const write = (p: RecipePlan): void => {
      if (p.result.outcome !== 'created' || p.result.id !== null) return;
      const r = p.record!;
      const created = createRecipe(
        db,
        {
          slug: r.slug,
          name: r.name,
          category: r.category,
          source: r.source,
          notes: r.notes,
          baseRecipeId: p.base === null ? null : idOf(p.base),
          variantName: r.variantName,
          ingredientLines: r.lines.map((l) => ({ ingredientId: ingredientId(l.ingredientSlug), quantity: l.quantity, unit: l.unit, notes: l.notes })),
          subRecipes: p.subRecipes.map((s, k) => ({ recipeId: idOf(s), batchMultiplier: r.components[k]!.batchMultiplier })),
        },
        t,
      );
      p.result.id = created.id;
    };
    for (const p of plan.recipes) {
      if (!p.record || p.result.outcome === 'rejected') continue;
      write(p);
      const recipeId = p.result.id!;
      p.record.finishedUnits.forEach((u, m) => {
        const entry = p.finishedUnits[m];
        if (entry?.outcome !== 'created') return;
        entry.id = createFinishedUnit(db, { recipeId, name: u.name, slug: u.slug ?? undefined, yieldMode: u.yieldMode, itemsPerBatch: u.itemsPerBatch, portionPercent: u.portionPercent, notes: u.notes }, t).id;
      });
    }
    // Archived last, each once every recipe using it is archived (the plan made sure all of them are).
    let pending = plan.recipes.flatMap((p) => (p.record?.archived && p.result.outcome === 'created' ? [p.result.id!] : []));
    while (pending.length > 0) {
      const ready = pending.filter((id) => getRecipe(db, id, t).canArchive);
      if (ready.length === 0) throw new AppError('IMPORT', 'The archived recipes of this file use each other in a way that cannot be archived.');
      for (const id of ready) archiveRecipe(db, id, t);
      pending = pending.filter((id) => !ready.includes(id));
    }
  });
}
