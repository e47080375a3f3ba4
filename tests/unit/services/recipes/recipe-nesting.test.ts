import { describe, expect, it } from 'vitest';
import { createRecipe, updateRecipe } from '../../../../src/services/recipes/recipes';
import { testDb } from '../../../helpers/db';
import { kitchen, refused } from '../kitchen';

async function chain() {
  const db = await testDb();
  const k = kitchen(db);
  const line = [{ ingredientId: k.sugar.id, quantity: 1, unit: 'cup' }];
  const sprinkles = createRecipe(db, { name: 'Sprinkles', ingredientLines: line });
  const glaze = createRecipe(db, { name: 'Glaze', ingredientLines: line });
  const frosting = createRecipe(db, { name: 'Frosting', ingredientLines: line, subRecipes: [{ recipeId: glaze.id, batchMultiplier: 0.5 }] });
  const cake = createRecipe(db, { name: 'Layer cake', ingredientLines: line, subRecipes: [{ recipeId: frosting.id, batchMultiplier: 1 }] });
  return { db, sprinkles, glaze, frosting, cake };
}

describe('sub-recipes: no loops, at most 3 levels', () => {
  it('Layer cake -> Frosting -> Glaze is 3 levels and saves', async () => {
    const { cake } = await chain();
    expect(cake.levels).toBe(3);
  });

  it('a loop is refused on save with the loop named, at the line that closes it, and nothing changes', async () => {
    const { db, frosting, cake, glaze } = await chain();
    const e = refused(db, () => updateRecipe(db, { id: frosting.id, subRecipes: [{ recipeId: glaze.id, batchMultiplier: 0.5 }, { recipeId: cake.id, batchMultiplier: 1 }] }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe('Frosting -> Layer cake -> Frosting: a recipe cannot contain itself, even through its sub-recipes.');
    expect(e.details).toMatchObject({ field: 'subRecipes[1].recipeId', loop: ['Frosting', 'Layer cake', 'Frosting'] });
    // A longer loop names every step.
    const long = refused(db, () => updateRecipe(db, { id: glaze.id, subRecipes: [{ recipeId: cake.id, batchMultiplier: 1 }] }));
    expect(long.details.loop).toEqual(['Glaze', 'Layer cake', 'Frosting', 'Glaze']);
  });

  it('a recipe cannot be its own sub-recipe', async () => {
    const { db, frosting } = await chain();
    const e = refused(db, () => updateRecipe(db, { id: frosting.id, subRecipes: [{ recipeId: frosting.id, batchMultiplier: 1 }] }));
    expect(e.details.field).toBe('subRecipes[0].recipeId');
    expect(e.message).toBe('A recipe cannot be a sub-recipe of itself.');
  });

  it('a fourth level is refused from below (Glaze gets Sprinkles) and from above (a new recipe on top), naming the chain', async () => {
    const { db, glaze, sprinkles, cake } = await chain();
    const below = refused(db, () => updateRecipe(db, { id: glaze.id, subRecipes: [{ recipeId: sprinkles.id, batchMultiplier: 1 }] }));
    expect(below.message).toBe('Layer cake -> Frosting -> Glaze -> Sprinkles is 4 levels deep; sub-recipes nest at most 3 levels.');
    expect(below.details).toMatchObject({ field: 'subRecipes[0].recipeId', chain: ['Layer cake', 'Frosting', 'Glaze', 'Sprinkles'], maxLevels: 3 });
    const above = refused(db, () => createRecipe(db, { name: 'Wedding cake', subRecipes: [{ recipeId: sprinkles.id, batchMultiplier: 1 }, { recipeId: cake.id, batchMultiplier: 2 }] }));
    expect(above.details).toMatchObject({ field: 'subRecipes[1].recipeId', chain: ['Wedding cake', 'Layer cake', 'Frosting', 'Glaze'] });
  });
});
