import { idOf, type ReadExamples } from './types';

/** A recipe with finished units in the sample's gift box, lines flagged and priced. */
const biscotti = (db: Parameters<ReadExamples[string]>[0]) => idOf(db, "SELECT id FROM recipes WHERE slug = 'almond-biscotti'");

export const recipesExamples: ReadExamples = {
  'recipes.list': () => ({ query: 'cookie', category: 'Cookies' }),
  'recipes.categories': () => undefined,
  'recipes.get': (db) => ({ id: biscotti(db) }),
  'recipes.cost': (db) => ({ recipeId: biscotti(db), batches: 2 }),
  'recipes.previewDraft': (db) => ({
    recipeId: biscotti(db),
    ingredientLines: [{ ingredientId: idOf(db, "SELECT id FROM ingredients WHERE slug = 'flour_all_purpose'"), quantity: 2, unit: 'cup' }],
    subRecipes: [{ recipeId: idOf(db, "SELECT id FROM recipes WHERE slug = 'jumbles'"), batchMultiplier: 0.5 }],
    batches: 3,
  }),
  'recipes.listFinishedUnits': () => ({ query: 'biscotti' }),
  'recipes.getFinishedUnit': (db) => ({ id: idOf(db, "SELECT id FROM finished_units WHERE slug = 'almond-biscotti'") }),
};
