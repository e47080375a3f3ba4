/**
 * The app's URLs. Every screen has a hash route so back/forward and reload
 * land where the baker was; `parseRoute` and `routeHref` are inverses.
 */

export type TabName = 'dashboard' | 'plan' | 'shop' | 'make' | 'pantry' | 'recipes' | 'goods' | 'settings';

export type Route =
  | { name: 'dashboard' }
  | { name: 'plan' }
  | { name: 'shop' }
  | { name: 'make' }
  | { name: 'recipes' }
  | { name: 'goods' }
  | { name: 'settings' }
  | { name: 'welcome' }
  | { name: 'pantry'; query: string; view: 'stock' | 'all' }
  | { name: 'ingredient'; id: number }
  | { name: 'purchase'; ingredientId: number | null }
  | { name: 'not-found'; path: string };

/** The navigation, in the one order used on every screen size. */
export const tabs: readonly { name: TabName; label: string }[] = [
  { name: 'dashboard', label: 'Dashboard' },
  { name: 'plan', label: 'Plan' },
  { name: 'shop', label: 'Shop' },
  { name: 'make', label: 'Make' },
  { name: 'pantry', label: 'Pantry' },
  { name: 'recipes', label: 'Recipes' },
  { name: 'goods', label: 'Goods' },
  { name: 'settings', label: 'Settings' },
];

const simple = new Set(['dashboard', 'plan', 'shop', 'make', 'recipes', 'goods', 'settings', 'welcome']);

function positiveInt(text: string | undefined | null): number | null {
  if (!text || !/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n > 0 ? n : null;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(queryPart);
  const [first = 'dashboard', second, third] = segments;

  if (segments.length <= 1 && simple.has(first)) return { name: first } as Route;
  if (first === 'pantry') {
    if (segments.length === 1) {
      return { name: 'pantry', query: query.get('q') ?? '', view: query.get('view') === 'all' ? 'all' : 'stock' };
    }
    if (second === 'purchase' && segments.length === 2) {
      return { name: 'purchase', ingredientId: positiveInt(query.get('ingredient')) };
    }
    const id = positiveInt(third);
    if (second === 'ingredient' && id !== null && segments.length === 3) return { name: 'ingredient', id };
  }
  return { name: 'not-found', path: raw };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'pantry': {
      const q = new URLSearchParams();
      if (route.query) q.set('q', route.query);
      if (route.view === 'all') q.set('view', 'all');
      const qs = q.toString();
      return `#/pantry${qs ? `?${qs}` : ''}`;
    }
    case 'ingredient':
      return `#/pantry/ingredient/${route.id}`;
    case 'purchase':
      return `#/pantry/purchase${route.ingredientId ? `?ingredient=${route.ingredientId}` : ''}`;
    case 'not-found':
      return `#/${route.path}`;
    default:
      return `#/${route.name}`;
  }
}

/** Which tab a route belongs to, so the navigation highlights the right place. */
export function tabOf(route: Route): TabName | null {
  switch (route.name) {
    case 'pantry':
    case 'ingredient':
    case 'purchase':
      return 'pantry';
    case 'welcome':
    case 'not-found':
      return null;
    default:
      return route.name;
  }
}

export const pantryHome: Route = { name: 'pantry', query: '', view: 'stock' };
