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
  /** The phone's "More" page: the places that do not fit in the tab bar. */
  | { name: 'more' }
  | { name: 'welcome' }
  | { name: 'pantry'; query: string; view: 'stock' | 'all' }
  /** `unit`: the unit its stock is shown in ("Show in"), kept so a reload keeps it. */
  | { name: 'ingredient'; id: number; unit?: string }
  | { name: 'ingredient-new'; parentId: number | null }
  | { name: 'ingredient-edit'; id: number }
  | { name: 'product-new'; ingredientId: number }
  | { name: 'product'; id: number }
  | { name: 'purchase'; ingredientId: number | null }
  | { name: 'purchases'; ingredientId: number | null }
  | { name: 'purchase-edit'; id: number }
  | { name: 'suppliers' }
  | { name: 'supplier'; id: number | null }
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

/** The places a phone's tab bar shows directly; the rest sit behind "More". */
export const primaryTabs: ReadonlySet<TabName> = new Set(['dashboard', 'plan', 'shop', 'make', 'pantry']);

const simple = new Set(['dashboard', 'plan', 'shop', 'make', 'recipes', 'goods', 'settings', 'more', 'welcome']);

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
    const fourth = segments[3];
    if (second === 'ingredient') {
      if (third === 'new' && segments.length === 3) return { name: 'ingredient-new', parentId: positiveInt(query.get('parent')) };
      if (id !== null && segments.length === 3) {
        const unit = query.get('unit');
        return unit ? { name: 'ingredient', id, unit } : { name: 'ingredient', id };
      }
      if (id !== null && fourth === 'edit' && segments.length === 4) return { name: 'ingredient-edit', id };
    }
    if (second === 'product' && segments.length === 3) {
      const ingredientId = positiveInt(query.get('ingredient'));
      if (third === 'new' && ingredientId !== null) return { name: 'product-new', ingredientId };
      if (id !== null) return { name: 'product', id };
    }
    if (second === 'purchases') {
      if (segments.length === 2) return { name: 'purchases', ingredientId: positiveInt(query.get('ingredient')) };
      if (id !== null && segments.length === 3) return { name: 'purchase-edit', id };
    }
    if (second === 'suppliers') {
      if (segments.length === 2) return { name: 'suppliers' };
      if (third === 'new' && segments.length === 3) return { name: 'supplier', id: null };
      if (id !== null && segments.length === 3) return { name: 'supplier', id };
    }
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
      return `#/pantry/ingredient/${route.id}${route.unit ? `?unit=${encodeURIComponent(route.unit)}` : ''}`;
    case 'ingredient-new':
      return `#/pantry/ingredient/new${route.parentId ? `?parent=${route.parentId}` : ''}`;
    case 'ingredient-edit':
      return `#/pantry/ingredient/${route.id}/edit`;
    case 'product-new':
      return `#/pantry/product/new?ingredient=${route.ingredientId}`;
    case 'product':
      return `#/pantry/product/${route.id}`;
    case 'purchase':
      return `#/pantry/purchase${route.ingredientId ? `?ingredient=${route.ingredientId}` : ''}`;
    case 'purchases':
      return `#/pantry/purchases${route.ingredientId ? `?ingredient=${route.ingredientId}` : ''}`;
    case 'purchase-edit':
      return `#/pantry/purchases/${route.id}`;
    case 'suppliers':
      return '#/pantry/suppliers';
    case 'supplier':
      return `#/pantry/suppliers/${route.id ?? 'new'}`;
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
    case 'ingredient-new':
    case 'ingredient-edit':
    case 'product-new':
    case 'product':
    case 'purchase':
    case 'purchases':
    case 'purchase-edit':
    case 'suppliers':
    case 'supplier':
      return 'pantry';
    case 'welcome':
    case 'more':
    case 'not-found':
      return null;
    default:
      return route.name;
  }
}

export const pantryHome: Route = { name: 'pantry', query: '', view: 'stock' };
