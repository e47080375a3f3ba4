import { describe, expect, it } from 'vitest';
import { updateIngredient } from '../../../../src/services/catalog/ingredients';
import { createFinishedUnit } from '../../../../src/services/recipes/finished-units';
import {
  archiveRecipe,
  createRecipe,
  deleteRecipe,
  findRecipeSummaryBySlug,
  getRecipe,
  listRecipeCategories,
  listRecipes,
  restoreRecipe,
  updateRecipe,
} from '../../../../src/services/recipes/recipes';
import { createGood } from '../../../../src/services/goods/goods';
import { testDb } from '../../../helpers/db';
import { kitchen, refused } from '../kitchen';

async function setup() {
  const db = await testDb();
  const k = kitchen(db);
  const frosting = createRecipe(db, { name: 'Frosting', category: 'Fillings', ingredientLines: [{ ingredientId: k.sugar.id, quantity: 2, unit: 'cup' }, { ingredientId: k.butter.id, quantity: 0.5, unit: 'cup' }] });
  const cake = createRecipe(db, {
    name: 'Layer cake',
    category: 'Cakes',
    source: 'Grandma',
    notes: 'Bake at 350°F for 30 minutes.',
    ingredientLines: [
      { ingredientId: k.flour.id, quantity: 3, unit: 'cup' },
      { ingredientId: k.eggs.id, quantity: 4, unit: 'each', notes: 'room temperature' },
    ],
    subRecipes: [{ recipeId: frosting.id, batchMultiplier: 0.5 }],
  });
  return { db, k, frosting, cake };
}

describe('recipes: lines, sub-recipes, categories', () => {
  it('saves ingredient lines and sub-recipe lines in order, with the levels of its tree', async () => {
    const { cake, frosting, k } = await setup();
    expect(cake).toMatchObject({ slug: 'layer-cake', name: 'Layer cake', category: 'Cakes', source: 'Grandma', archived: false, levels: 2, flaggedLineCount: 0 });
    expect(cake.ingredientLines.map((l) => [l.ingredient.name, l.quantity, l.unit, l.notes, l.position])).toEqual([
      ['Flour', 3, 'cup', '', 0],
      ['Eggs', 4, 'each', 'room temperature', 1],
    ]);
    expect(cake.subRecipes.map((s) => [s.recipe.name, s.batchMultiplier])).toEqual([['Frosting', 0.5]]);
    expect(cake.ingredientLines[0]!.ingredient.id).toBe(k.flour.id);
    expect(frosting.levels).toBe(1);
  });

  it('an update replaces the lists it is given and keeps the others', async () => {
    const { db, cake, k } = await setup();
    const updated = updateRecipe(db, { id: cake.id, ingredientLines: [{ ingredientId: k.flour.id, quantity: 2.5, unit: 'cup' }] });
    expect(updated.ingredientLines.map((l) => [l.ingredient.name, l.quantity])).toEqual([['Flour', 2.5]]);
    expect(updated.subRecipes).toHaveLength(1);
    const renamed = updateRecipe(db, { id: cake.id, name: 'Birthday cake', category: 'Celebration' });
    expect(renamed).toMatchObject({ name: 'Birthday cake', slug: 'layer-cake', category: 'Celebration' });
    expect(renamed.ingredientLines).toHaveLength(1);
    expect(updateRecipe(db, { id: cake.id, subRecipes: [] }).levels).toBe(1);
  });

  it('lists by category and finds by name as a baker types it; categories come with their counts', async () => {
    const { db, k } = await setup();
    createRecipe(db, { name: 'Chocolate cake', category: 'Cakes', ingredientLines: [{ ingredientId: k.cocoa.id, quantity: 0.5, unit: 'cup' }] });
    expect(listRecipes(db, { category: 'Cakes' }).map((r) => r.name)).toEqual(['Chocolate cake', 'Layer cake']);
    expect(listRecipes(db, { query: 'choc cake' }).map((r) => r.name)).toEqual(['Chocolate cake']);
    expect(listRecipes(db, { query: 'cakes' }).map((r) => r.name)).toEqual(['Chocolate cake', 'Layer cake']);
    expect(listRecipeCategories(db)).toEqual([
      { category: 'Cakes', count: 2 },
      { category: 'Fillings', count: 1 },
    ]);
    expect(findRecipeSummaryBySlug(db, 'layer-cake')).toMatchObject({ name: 'Layer cake', ingredientLineCount: 2, subRecipeCount: 1 });
    expect(findRecipeSummaryBySlug(db, 'no-such-cake')).toBeUndefined();
  });

  it('a line whose unit cannot reach how the ingredient is stocked is saved, flagged with its fix', async () => {
    const { db, k } = await setup();
    const fudge = createRecipe(db, { name: 'Fudge', ingredientLines: [{ ingredientId: k.brownSugar.id, quantity: 1, unit: 'cup' }] });
    expect(fudge.flaggedLineCount).toBe(1);
    expect(fudge.ingredientLines[0]!.flag).toEqual({
      code: 'MISSING_DENSITY',
      needs: 'density',
      message: 'Set a density for Brown sugar to convert cup to lb.',
      ingredientId: k.brownSugar.id,
    });
    updateIngredient(db, { id: k.brownSugar.id, density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 7.5, weightUnit: 'oz' } });
    expect(getRecipe(db, fudge.id).ingredientLines[0]!.flag).toBeNull();
    // Eggs counted, bought by the dozen: count converts to count. By weight it would need a weight per each.
    const omelette = createRecipe(db, { name: 'Omelette', ingredientLines: [{ ingredientId: k.eggs.id, quantity: 100, unit: 'g' }] });
    expect(omelette.ingredientLines[0]!.flag).toMatchObject({ needs: 'eachWeight', message: 'Set a weight per each for Eggs to convert g to each.' });
  });
});

describe('variants', () => {
  it('a variant points at its base recipe; the base lists its variants', async () => {
    const { db, cake, k } = await setup();
    const gf = createRecipe(db, { name: 'Layer cake, gluten-free', baseRecipeId: cake.id, variantName: 'Gluten-free', ingredientLines: [{ ingredientId: k.eggs.id, quantity: 4, unit: 'each' }] });
    expect(gf).toMatchObject({ base: { id: cake.id, name: 'Layer cake' }, variantName: 'Gluten-free' });
    expect(getRecipe(db, cake.id).variants.map((v) => v.name)).toEqual(['Layer cake, gluten-free']);
  });

  it('a variant of a variant is refused, naming the base to choose; a recipe with variants cannot become one', async () => {
    const { db, cake, frosting } = await setup();
    const gf = createRecipe(db, { name: 'GF cake', baseRecipeId: cake.id });
    const e = refused(db, () => createRecipe(db, { name: 'GF vegan cake', baseRecipeId: gf.id }));
    expect(e.message).toBe('GF cake is itself a variant of Layer cake: choose Layer cake as the base.');
    expect(e.details).toMatchObject({ field: 'baseRecipeId', suggestedId: cake.id });
    // The recipe page says so before the baker tries.
    expect(getRecipe(db, gf.id)).toMatchObject({ mayHaveVariants: false, variantsBlockedBy: 'GF cake is itself a variant of Layer cake: choose Layer cake as the base' });
    expect(getRecipe(db, cake.id)).toMatchObject({ mayHaveVariants: true, variantsBlockedBy: null });
    expect(refused(db, () => updateRecipe(db, { id: cake.id, baseRecipeId: frosting.id })).details.field).toBe('baseRecipeId');
    expect(refused(db, () => updateRecipe(db, { id: cake.id, baseRecipeId: cake.id })).message).toBe('A recipe cannot be a variant of itself.');
  });
});

describe('bad input is refused at its field and changes nothing', () => {
  it('zero, negative and non-numeric quantities, unknown units and packaging units: every wrong field at once', async () => {
    const { db, k, frosting } = await setup();
    const e = refused(db, () =>
      createRecipe(db, {
        name: 'Bad',
        ingredientLines: [
          { ingredientId: k.flour.id, quantity: 0, unit: 'cup' },
          { ingredientId: k.sugar.id, quantity: -1, unit: 'cup' },
          { ingredientId: k.butter.id, quantity: 'lots' as unknown as number, unit: 'cup' },
          { ingredientId: k.eggs.id, quantity: 2, unit: 'bushel' },
          { ingredientId: k.eggs.id, quantity: 2, unit: 'in' },
        ],
        subRecipes: [{ recipeId: frosting.id, batchMultiplier: 0 }],
      }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.details.field).toBe('ingredientLines[0].quantity');
    expect(e.details.fields).toEqual({
      'ingredientLines[0].quantity': 'The quantity must be more than zero.',
      'ingredientLines[1].quantity': 'The quantity must be more than zero.',
      'ingredientLines[2].quantity': 'The quantity must be a number.',
      'ingredientLines[3].unit': '"bushel" is not a unit Bake Planner knows (try g, oz, lb, cup, tbsp, tsp, ml, each).',
      'ingredientLines[4].unit': 'in measures packaging; an ingredient line is a weight, a volume or a count.',
      'subRecipes[0].batchMultiplier': 'The batches of the sub-recipe must be more than zero.',
    });
  });

  it('a group of ingredients, a missing ingredient, a blank or duplicate name, a sub-recipe twice or archived', async () => {
    const { db, k, cake, frosting } = await setup();
    expect(refused(db, () => createRecipe(db, { name: 'X', ingredientLines: [{ ingredientId: k.baking.id, quantity: 1, unit: 'cup' }] })).details.field).toBe('ingredientLines[0].ingredientId');
    expect(refused(db, () => createRecipe(db, { name: 'X', ingredientLines: [{ ingredientId: 999, quantity: 1, unit: 'cup' }] })).details.field).toBe('ingredientLines[0].ingredientId');
    expect(refused(db, () => createRecipe(db, { name: '  ' })).details.field).toBe('name');
    const dup = refused(db, () => createRecipe(db, { name: 'LAYER  CAKE' }));
    expect(dup).toMatchObject({ code: 'DUPLICATE', message: 'There is already a recipe called Layer cake.' });
    const twice = refused(db, () => updateRecipe(db, { id: cake.id, subRecipes: [{ recipeId: frosting.id, batchMultiplier: 1 }, { recipeId: frosting.id, batchMultiplier: 2 }] }));
    expect(twice.details).toMatchObject({ field: 'subRecipes[1].recipeId' });
    expect(twice.message).toBe('Frosting is already a sub-recipe here (line 1): change its batches there.');
    const glaze = createRecipe(db, { name: 'Glaze' });
    archiveRecipe(db, glaze.id);
    expect(refused(db, () => updateRecipe(db, { id: cake.id, subRecipes: [{ recipeId: glaze.id, batchMultiplier: 1 }] })).message).toBe(
      'Glaze is archived: restore it before using it as a sub-recipe.',
    );
  });
});

describe('archive instead of delete once used', () => {
  it('an unused recipe is deleted with its lines and finished units', async () => {
    const { db, k } = await setup();
    const scones = createRecipe(db, { name: 'Scones', ingredientLines: [{ ingredientId: k.flour.id, quantity: 2, unit: 'cup' }] });
    createFinishedUnit(db, { recipeId: scones.id, name: 'Scone', yieldMode: 'discrete', itemsPerBatch: 8 });
    expect(getRecipe(db, scones.id)).toMatchObject({ canDelete: true, deleteBlockedBy: null });
    deleteRecipe(db, scones.id);
    expect(db.engine.get<{ n: number }>('SELECT count(*) AS n FROM finished_units')!.n).toBe(0);
    expect(db.engine.get<{ n: number }>('SELECT count(*) AS n FROM recipe_ingredients WHERE recipe_id = ?', [scones.id])!.n).toBe(0);
  });

  it('a sub-recipe in use cannot be deleted nor archived while its user is active; the reasons say why', async () => {
    const { db, frosting, cake } = await setup();
    const detail = getRecipe(db, frosting.id);
    expect(detail).toMatchObject({
      canDelete: false,
      deleteBlockedBy: 'it is a sub-recipe of Layer cake',
      canArchive: false,
      archiveBlockedBy: 'it is a sub-recipe of Layer cake (remove it there, or archive that first)',
    });
    expect(refused(db, () => deleteRecipe(db, frosting.id))).toMatchObject({ code: 'IN_USE', message: 'Frosting cannot be deleted: it is a sub-recipe of Layer cake.' });
    expect(refused(db, () => archiveRecipe(db, frosting.id)).code).toBe('IN_USE');
    archiveRecipe(db, cake.id);
    expect(getRecipe(db, frosting.id)).toMatchObject({ canArchive: true, deleteBlockedBy: 'it is a sub-recipe of Layer cake: archive it instead' });
    archiveRecipe(db, frosting.id);
    expect(listRecipes(db).map((r) => r.name)).toEqual([]);
    expect(listRecipes(db, { includeArchived: true }).map((r) => r.name)).toEqual(['Frosting', 'Layer cake']);
    // Restoring the cake first would leave it using an archived sub-recipe.
    expect(refused(db, () => restoreRecipe(db, cake.id)).message).toBe('Layer cake cannot be restored: its sub-recipe Frosting is archived: restore it first.');
    restoreRecipe(db, frosting.id);
    expect(listRecipes(db, { onlyArchived: true }).map((r) => r.name)).toEqual(['Layer cake']);
    // An archived recipe takes no new yield: the page says so, and so does the refusal.
    expect(getRecipe(db, cake.id)).toMatchObject({ mayHaveFinishedUnits: false, finishedUnitsBlockedBy: 'Layer cake is archived: restore it before giving it a finished unit' });
    expect(refused(db, () => createFinishedUnit(db, { recipeId: cake.id, name: 'Slice', yieldMode: 'portion', portionPercent: 12.5 })).message).toBe(
      'Layer cake is archived: restore it before giving it a finished unit.',
    );
    expect(restoreRecipe(db, cake.id)).toMatchObject({ archived: false, mayHaveFinishedUnits: true, finishedUnitsBlockedBy: null });
  });

  it('a recipe whose finished unit is in a good is kept: archive is refused while the good is active', async () => {
    const { db, cake } = await setup();
    const slice = createFinishedUnit(db, { recipeId: cake.id, name: 'Cake slice', yieldMode: 'portion', portionPercent: 12.5 });
    createGood(db, { name: 'Party box', lines: [{ kind: 'unit', finishedUnitId: slice.id, quantity: 2 }] });
    expect(getRecipe(db, cake.id)).toMatchObject({
      canDelete: false,
      deleteBlockedBy: 'its finished units are in Party box',
      archiveBlockedBy: 'its finished units are in Party box (remove them there first)',
    });
  });
});
