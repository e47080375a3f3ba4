/** The Pantry tab's places: the pantry, ingredients, products, purchases and suppliers, all under #/pantry. */
import { defineRoutes, positiveInt, queryString } from './define';

export type PantryRoute =
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
  | { name: 'supplier'; id: number | null };

export const pantryHome: PantryRoute = { name: 'pantry', query: '', view: 'stock' };

export const pantryRoutes = defineRoutes<PantryRoute>({
  parse({ segments, query }) {
    const [first, second, third, fourth] = segments;
    if (first !== 'pantry') return null;
    const n = segments.length;
    if (n === 1) return { name: 'pantry', query: query.get('q') ?? '', view: query.get('view') === 'all' ? 'all' : 'stock' };
    const id = positiveInt(third);
    switch (second) {
      case 'purchase':
        return n === 2 ? { name: 'purchase', ingredientId: positiveInt(query.get('ingredient')) } : null;
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
        if (n === 2) return { name: 'purchases', ingredientId: positiveInt(query.get('ingredient')) };
        return id !== null && n === 3 ? { name: 'purchase-edit', id } : null;
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
    purchase: (r) => `#/pantry/purchase${queryString({ ingredient: r.ingredientId })}`,
    purchases: (r) => `#/pantry/purchases${queryString({ ingredient: r.ingredientId })}`,
    'purchase-edit': (r) => `#/pantry/purchases/${r.id}`,
    suppliers: () => '#/pantry/suppliers',
    supplier: (r) => `#/pantry/suppliers/${r.id ?? 'new'}`,
  },
  tab: () => 'pantry',
  homes: { pantry: pantryHome },
});
