/** The Recipes tab's places: the list (search, category), a recipe, its editor, and the yields (finished units) it makes. */
import { defineRoutes, positiveInt, queryString } from './define';

export type RecipesRoute =
  /** `category`: null for every category; `archived`: list the archived recipes instead. */
  | { name: 'recipes'; query: string; category: string | null; archived: boolean }
  /** `batches`: what the page's cost is scaled to, kept so a reload keeps it. */
  | { name: 'recipe'; id: number; batches?: number }
  /** `baseId`: a new variant of that recipe. */
  | { name: 'recipe-new'; baseId: number | null }
  | { name: 'recipe-edit'; id: number }
  | { name: 'finished-unit-new'; recipeId: number }
  | { name: 'finished-unit'; id: number };

export const recipesHome: RecipesRoute = { name: 'recipes', query: '', category: null, archived: false };

export const recipesRoutes = defineRoutes<RecipesRoute>({
  parse({ segments, query }) {
    const [first, second, third, fourth] = segments;
    if (first !== 'recipes') return null;
    const n = segments.length;
    if (n === 1) return { name: 'recipes', query: query.get('q') ?? '', category: query.get('category') || null, archived: query.get('archived') === '1' };
    if (second === 'new') return n === 2 ? { name: 'recipe-new', baseId: positiveInt(query.get('base')) } : null;
    if (second === 'yield') {
      const id = positiveInt(third);
      return n === 3 && id !== null ? { name: 'finished-unit', id } : null;
    }
    const id = positiveInt(second);
    if (id === null) return null;
    if (n === 2) {
      const batches = Number(query.get('batches'));
      return query.has('batches') && Number.isFinite(batches) && batches > 0 ? { name: 'recipe', id, batches } : { name: 'recipe', id };
    }
    if (third === 'edit' && n === 3) return { name: 'recipe-edit', id };
    if (third === 'yield' && fourth === 'new' && n === 4) return { name: 'finished-unit-new', recipeId: id };
    return null;
  },
  href: {
    recipes: (r) => `#/recipes${queryString({ q: r.query, category: r.category, archived: r.archived ? 1 : null })}`,
    recipe: (r) => `#/recipes/${r.id}${queryString({ batches: r.batches })}`,
    'recipe-new': (r) => `#/recipes/new${queryString({ base: r.baseId })}`,
    'recipe-edit': (r) => `#/recipes/${r.id}/edit`,
    'finished-unit-new': (r) => `#/recipes/${r.recipeId}/yield/new`,
    'finished-unit': (r) => `#/recipes/yield/${r.id}`,
  },
  tab: () => 'recipes',
  homes: { recipes: recipesHome },
});
