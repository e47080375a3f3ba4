/**
 * Packaging materials, beside the pantry (under its tab): the materials, one
 * material with its products, units, lots and purchases, and their forms.
 */
import { defineRoutes, positiveInt, queryString } from './define';

export type MaterialsRoute =
  | { name: 'materials'; query: string }
  | { name: 'material'; id: number }
  | { name: 'material-new' }
  | { name: 'material-edit'; id: number }
  /** `id` null: a new product of `materialId`. */
  | { name: 'material-product'; id: number | null; materialId: number | null }
  | { name: 'material-unit'; id: number | null; materialId: number | null }
  | { name: 'material-purchase'; materialId: number | null }
  | { name: 'material-purchase-edit'; id: number };

export const materialsRoutes = defineRoutes<MaterialsRoute>({
  parse({ segments, query }) {
    const [first, second, third] = segments;
    if (first !== 'materials') return null;
    const n = segments.length;
    if (n === 1) return { name: 'materials', query: query.get('q') ?? '' };
    const materialId = positiveInt(query.get('material'));
    switch (second) {
      case 'new':
        return n === 2 ? { name: 'material-new' } : null;
      case 'purchase':
        return n === 2 ? { name: 'material-purchase', materialId } : null;
      case 'purchases': {
        const id = positiveInt(third);
        return n === 3 && id !== null ? { name: 'material-purchase-edit', id } : null;
      }
      case 'product':
      case 'unit': {
        if (n !== 3) return null;
        const name = second === 'product' ? 'material-product' : 'material-unit';
        if (third === 'new') return materialId === null ? null : { name, id: null, materialId };
        const id = positiveInt(third);
        return id === null ? null : { name, id, materialId: null };
      }
    }
    const id = positiveInt(second);
    if (id === null) return null;
    if (n === 2) return { name: 'material', id };
    return third === 'edit' && n === 3 ? { name: 'material-edit', id } : null;
  },
  href: {
    materials: (r) => `#/materials${queryString({ q: r.query })}`,
    material: (r) => `#/materials/${r.id}`,
    'material-new': () => '#/materials/new',
    'material-edit': (r) => `#/materials/${r.id}/edit`,
    'material-product': (r) => (r.id === null ? `#/materials/product/new?material=${r.materialId}` : `#/materials/product/${r.id}`),
    'material-unit': (r) => (r.id === null ? `#/materials/unit/new?material=${r.materialId}` : `#/materials/unit/${r.id}`),
    'material-purchase': (r) => `#/materials/purchase${queryString({ material: r.materialId })}`,
    'material-purchase-edit': (r) => `#/materials/purchases/${r.id}`,
  },
  tab: () => 'pantry',
  homes: {},
});

/** Whether a route is one of the materials pages (they sit under the Pantry tab, but have their own screens). */
export function isMaterialsRoute(route: { name: string }): route is MaterialsRoute {
  return Object.hasOwn(materialsRoutes.href, route.name);
}
