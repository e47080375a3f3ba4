/** The Pantry tab's places: the pantry, ingredients, products, purchases, lot prices and suppliers, all under #/pantry. */
import { defineRoutes, positiveInt, queryString } from './define';

export type PantryRoute =
  | { name: 'pantry'; query: string; view: 'stock' | 'all' }
  /** `unit`: the unit its stock is shown in ("Show in"), kept so a reload keeps it. */
  | { name: 'ingredient'; id: number; unit?: string }
  | { name: 'ingredient-new'; parentId: number | null }
  | { name: 'ingredient-edit'; id: number }
  | { name: 'product-new'; ingredientId: number }
  | { name: 'product'; id: number }
  /** `productId` and `packages` fill the form in (a ticked line of the shopping list). */
  | { name: 'purchase'; ingredientId: number | null; productId?: number; packages?: number }
  /** The purchases list, narrowed: of one ingredient, from one supplier, bought between two days, matching words. */
  | { name: 'purchases'; ingredientId: number | null; supplierId?: number; from?: string; to?: string; query?: string }
  | { name: 'purchase-edit'; id: number }
  /** Lots that came without a price (from a backup), to add what was paid; of one ingredient or all. */
  | { name: 'lot-prices'; ingredientId: number | null }
  | { name: 'suppliers' }
  | { name: 'supplier'; id: number | null };

/** `{ [key]: n }` when the URL part is a positive whole number, else nothing (so a route read back equals the one written). */
function optionalInt<K extends string>(key: K, text: string | null): Partial<Record<K, number>> {
  const n = positiveInt(text);
  return n === null ? {} : ({ [key]: n } as Record<K, number>);
}

export const pantryHome: PantryRoute = { name: 'pantry', query: '', view: 'stock' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The purchases list with the filters its URL names; a part that is not a filter's is left out. */
function purchasesRoute(query: URLSearchParams): Extract<PantryRoute, { name: 'purchases' }> {
  const route: Extract<PantryRoute, { name: 'purchases' }> = { name: 'purchases', ingredientId: positiveInt(query.get('ingredient')) };
  const supplierId = positiveInt(query.get('supplier'));
  if (supplierId !== null) route.supplierId = supplierId;
  for (const key of ['from', 'to'] as const) {
    const day = query.get(key);
    if (day && DAY.test(day)) route[key] = day;
  }
  const words = query.get('q');
  if (words) route.query = words;
  return route;
}

export const pantryRoutes = defineRoutes<PantryRoute>({
  parse({ segments, query }) {
    const [first, second, third, fourth] = segments;
    if (first !== 'pantry') return null;
    const n = segments.length;
    if (n === 1) return { name: 'pantry', query: query.get('q') ?? '', view: query.get('view') === 'all' ? 'all' : 'stock' };
    const id = positiveInt(third);
    switch (second) {
      case 'purchase':
        if (n !== 2) return null;
        return {
          name: 'purchase',
          ingredientId: positiveInt(query.get('ingredient')),
          ...optionalInt('productId', query.get('product')),
          ...optionalInt('packages', query.get('packages')),
        };
      case 'ingredient': {
        if (third === 'new' && n === 3) return { name: 'ingredient-new', parentId: positiveInt(query.get('parent')) };
        if (id === null) return null;
        const unit = query.get('unit');
        if (n === 3) return unit ? { name: 'ingredient', id, unit } : { name: 'ingredient', id };
        return fourth === 'edit' && n === 4 ? { name: 'ingredient-edit', id } : null;
      }
      case 'product': {
        if (n !== 3) return null;
        const ingredientId = positiveInt(query.get('ingredient'));
        if (third === 'new') return ingredientId === null ? null : { name: 'product-new', ingredientId };
        return id === null ? null : { name: 'product', id };
      }
      case 'purchases':
        if (n === 2) return purchasesRoute(query);
        return id !== null && n === 3 ? { name: 'purchase-edit', id } : null;
      case 'prices':
        return n === 2 ? { name: 'lot-prices', ingredientId: positiveInt(query.get('ingredient')) } : null;
      case 'suppliers':
        if (n === 2) return { name: 'suppliers' };
        if (third === 'new' && n === 3) return { name: 'supplier', id: null };
        return id !== null && n === 3 ? { name: 'supplier', id } : null;
      default:
        return null;
    }
  },
  href: {
    pantry: (r) => `#/pantry${queryString({ q: r.query, view: r.view === 'all' ? 'all' : null })}`,
    ingredient: (r) => `#/pantry/ingredient/${r.id}${r.unit ? `?unit=${encodeURIComponent(r.unit)}` : ''}`,
    'ingredient-new': (r) => `#/pantry/ingredient/new${queryString({ parent: r.parentId })}`,
    'ingredient-edit': (r) => `#/pantry/ingredient/${r.id}/edit`,
    'product-new': (r) => `#/pantry/product/new?ingredient=${r.ingredientId}`,
    product: (r) => `#/pantry/product/${r.id}`,
    purchase: (r) => `#/pantry/purchase${queryString({ ingredient: r.ingredientId, product: r.productId, packages: r.packages })}`,
    purchases: (r) => `#/pantry/purchases${queryString({ ingredient: r.ingredientId, supplier: r.supplierId, from: r.from, to: r.to, q: r.query })}`,
    'purchase-edit': (r) => `#/pantry/purchases/${r.id}`,
    'lot-prices': (r) => `#/pantry/prices${queryString({ ingredient: r.ingredientId })}`,
    suppliers: () => '#/pantry/suppliers',
    supplier: (r) => `#/pantry/suppliers/${r.id ?? 'new'}`,
  },
  tab: () => 'pantry',
  homes: { pantry: pantryHome },
});
