/** The Make tab's places: bake, assemble, the history of runs and one run, and finished stock, all under #/make. */
import { defineRoutes, positiveInt } from './define';

export type RunKind = 'production' | 'assembly';

export type MakingRoute =
  | { name: 'make' }
  /** Without a recipe: pick one. */
  | { name: 'bake'; recipeId: number | null }
  /** Without a good: pick one. */
  | { name: 'assemble'; goodId: number | null }
  | { name: 'runs' }
  | { name: 'run'; kind: RunKind; id: number }
  | { name: 'finished-stock' };

export const makeHome: MakingRoute = { name: 'make' };

/** A run's kind in its URL reads as the baker says it: a bake, an assembly. */
const KIND_WORD: Record<RunKind, string> = { production: 'bake', assembly: 'assembly' };

export const makingRoutes = defineRoutes<MakingRoute>({
  parse({ segments, query }) {
    const [first, second, third, fourth] = segments;
    if (first !== 'make') return null;
    const n = segments.length;
    if (n === 1) return { name: 'make' };
    switch (second) {
      case 'bake':
        return n === 2 ? { name: 'bake', recipeId: positiveInt(query.get('recipe')) } : null;
      case 'assemble':
        return n === 2 ? { name: 'assemble', goodId: positiveInt(query.get('good')) } : null;
      case 'stock':
        return n === 2 ? { name: 'finished-stock' } : null;
      case 'runs': {
        if (n === 2) return { name: 'runs' };
        const kind = third === 'bake' ? 'production' : third === 'assembly' ? 'assembly' : null;
        const id = positiveInt(fourth);
        return n === 4 && kind && id !== null ? { name: 'run', kind, id } : null;
      }
      default:
        return null;
    }
  },
  href: {
    make: () => '#/make',
    bake: (r) => `#/make/bake${r.recipeId ? `?recipe=${r.recipeId}` : ''}`,
    assemble: (r) => `#/make/assemble${r.goodId ? `?good=${r.goodId}` : ''}`,
    runs: () => '#/make/runs',
    run: (r) => `#/make/runs/${KIND_WORD[r.kind]}/${r.id}`,
    'finished-stock': () => '#/make/stock',
  },
  tab: () => 'make',
  homes: { make: makeHome },
});
