import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecipe, getRecipe, listRecipes } from '../../../../src/services/recipes/recipes';
import { findRecipeBySlug } from '../../../../src/services/recipes/recipe-rows';
import { importBakeTracker } from '../../../../src/services/import/bake-tracker/import';
import { count, testDb } from '../../../helpers/db';
import { dbState } from '../kitchen';

/** The real backup a home baker made with Bake Tracker (MIT, Kent Gale; see NOTICE), as shipped in the app. */
const FIXTURE_TEXT = readFileSync(join(import.meta.dirname, '../../../../src/services/sample/bake-tracker-sample.json'), 'utf8');
type Raw = Record<string, unknown>;
const fixture = () => JSON.parse(FIXTURE_TEXT) as { recipes: (Raw & { ingredients: Raw[]; components: Raw[]; finished_units: Raw[] })[] } & Raw;

describe("the Bake Tracker importer's recipes section", () => {
  it('imports the 20 recipes with their 224 ingredient lines, exactly as the file has them', async () => {
    const db = await testDb();
    const file = fixture();
    const report = importBakeTracker(db, file);
    expect(report.ok).toBe(true);
    expect(report.counts.recipe).toEqual({ created: 20, skipped: 0, rejected: 0 });
    expect([count(db, 'recipes'), count(db, 'recipe_ingredients'), count(db, 'recipe_components')]).toEqual([20, 224, 0]);
    for (const r of file.recipes) {
      const saved = getRecipe(db, findRecipeBySlug(db, String(r.slug))!.id);
      expect(saved).toMatchObject({ name: r.name, category: r.category, source: r.source, notes: r.notes ?? '' });
      expect(saved.ingredientLines.map((l) => [l.ingredient.slug, l.quantity, l.unit])).toEqual(r.ingredients.map((l) => [l.ingredient_slug, l.quantity, l.unit]));
    }
    expect(listRecipes(db, { category: 'Cookies' })).toHaveLength(9);
  });

  it('lines in cups of an ingredient with no density, stocked by weight, are imported flagged with their fix', async () => {
    const db = await testDb();
    importBakeTracker(db, fixture());
    const biscotti = getRecipe(db, findRecipeBySlug(db, 'almond-biscotti')!.id);
    expect(biscotti.ingredientLines.filter((l) => l.flag).map((l) => [l.ingredient.slug, l.flag!.message])).toEqual([
      ['baking_powder', 'Set a density for Baking powder to convert tsp to g.'],
      ['chocolate_chips_semi_sweet', 'Set a density for Chocolate chips, semi-sweet to convert cup to oz.'],
    ]);
  });

  it('importing again skips every recipe and writes nothing', async () => {
    const db = await testDb();
    importBakeTracker(db, fixture());
    const before = dbState(db);
    const again = importBakeTracker(db, fixture());
    expect(again.counts.recipe).toEqual({ created: 0, skipped: 20, rejected: 0 });
    expect(dbState(db)).toEqual(before);
  });

  it('reports what cannot be mapped at the path of the field, and writes nothing at all', async () => {
    const db = await testDb();
    const file = fixture();
    file.recipes[3]!.ingredients[2]!.unit = 'pinch';
    file.recipes[5]!.ingredients[0]!.ingredient_slug = 'unicorn_dust';
    file.recipes[7]!.ingredients[1]!.quantity = 0;
    file.recipes[8]!.ingredients[0]!.ingredient_slug = 'flours_starches';
    const report = importBakeTracker(db, file);
    expect(report.ok).toBe(false);
    expect(report.records.filter((r) => r.outcome === 'rejected').map((r) => [r.entity, r.label, r.path, r.reason])).toEqual([
      ['recipe', 'Butterscotch Pumpkin Cake', 'recipes[3].ingredients[2].unit', '"pinch" is not a unit Bake Planner knows.'],
      ['recipe', 'Chocolate Truffle Croquembouche', 'recipes[5].ingredients[0].ingredient_slug', 'There is no ingredient unicorn_dust in this file or in the pantry.'],
      ['recipe', 'Gluten-Free Almond Flour Shortbread Cookies', 'recipes[7].ingredients[1].quantity', 'quantity must be more than zero (found 0).'],
      ['recipe', 'Holiday Blossoms', 'recipes[8].ingredients[0].ingredient_slug', 'Flours & Starches is a group of ingredients; a recipe line needs a specific ingredient.'],
    ]);
    expect(count(db, 'recipes')).toBe(0);
    expect(count(db, 'ingredients')).toBe(0);
  });

  it('sub-recipes and variants resolve by slug within the file; a loop is rejected with the loop named', async () => {
    const db = await testDb();
    const file = fixture();
    const [a, b, c] = file.recipes;
    a!.components = [{ component_recipe_slug: b!.slug, component_recipe_name: b!.name, quantity: 0.5 }];
    c!.base_recipe_slug = a!.slug;
    c!.variant_name = 'Chocolate';
    const report = importBakeTracker(db, file);
    expect(report.ok).toBe(true);
    const biscotti = getRecipe(db, findRecipeBySlug(db, String(a!.slug))!.id);
    expect(biscotti.subRecipes.map((s) => [s.recipe.slug, s.batchMultiplier])).toEqual([[b!.slug, 0.5]]);
    expect(getRecipe(db, findRecipeBySlug(db, String(c!.slug))!.id)).toMatchObject({ base: { slug: a!.slug }, variantName: 'Chocolate' });

    const loop = await testDb();
    b!.components = [{ component_recipe_slug: a!.slug, quantity: 1 }];
    const refused = importBakeTracker(loop, file);
    const rejected = refused.records.filter((r) => r.outcome === 'rejected');
    expect(rejected[0]).toMatchObject({ path: 'recipes[0].components[0].component_recipe_slug', reason: 'Almond Biscotti -> Almond Flour Brownies -> Almond Biscotti: a recipe cannot contain itself, even through its sub-recipes.' });
    expect(rejected.map((r) => r.path)).toContain('recipes[2].base_recipe_slug');
    expect(count(loop, 'recipes')).toBe(0);
  });

  it('a recipe already in the database by another slug under the same name is rejected, naming it', async () => {
    const db = await testDb();
    createRecipe(db, { name: 'JUMBLES', slug: 'my-jumbles' });
    const report = importBakeTracker(db, fixture());
    expect(report.records.filter((r) => r.outcome === 'rejected')).toEqual([
      { path: 'recipes[10].name', entity: 'recipe', label: 'Jumbles', outcome: 'rejected', reason: 'A recipe called JUMBLES already exists (as my-jumbles).' },
    ]);
    expect(count(db, 'recipes')).toBe(1);
  });

  it('finished units given with a recipe come in with it; an unknown yield is rejected at its path', async () => {
    const db = await testDb();
    const file = fixture();
    file.recipes[0]!.finished_units = [{ slug: 'biscotti', display_name: 'Biscotti', yield_mode: 'discrete_count', items_per_batch: 36 }];
    file.recipes[1]!.finished_units = [{ display_name: 'Brownie slab', yield_mode: 'batch_portion', batch_percentage: 25 }];
    expect(importBakeTracker(db, file).counts['finished unit']).toEqual({ created: 2, skipped: 0, rejected: 0 });
    expect(getRecipe(db, findRecipeBySlug(db, 'almond-biscotti')!.id).finishedUnits.map((u) => [u.slug, u.yieldPerBatch])).toEqual([['biscotti', 36]]);
    expect(getRecipe(db, findRecipeBySlug(db, 'almond-flour-brownies')!.id).finishedUnits.map((u) => [u.name, u.yieldPerBatch])).toEqual([['Brownie slab', 4]]);

    const other = await testDb();
    file.recipes[0]!.finished_units = [{ display_name: 'Biscotti', yield_mode: 'by_weight' }];
    const report = importBakeTracker(other, file);
    expect(report.records.find((r) => r.outcome === 'rejected')).toMatchObject({ path: 'recipes[0].finished_units[0].yield_mode' });
    expect(count(other, 'finished_units')).toBe(0);
  });
});
