/** The Goods tab's places: the finished goods, one good (exploded, costed), and the builder. */
import { defineRoutes, positiveInt, queryString } from './define';

export type GoodsRoute =
  /** `archived`: list the archived goods instead. */
  | { name: 'goods'; query: string; archived: boolean }
  /** `quantity`: how many the exploded view and the cost are for, kept so a reload keeps it. */
  | { name: 'good'; id: number; quantity?: number }
  | { name: 'good-new' }
  | { name: 'good-edit'; id: number };

export const goodsHome: GoodsRoute = { name: 'goods', query: '', archived: false };

export const goodsRoutes = defineRoutes<GoodsRoute>({
  parse({ segments, query }) {
    const [first, second, third] = segments;
    if (first !== 'goods') return null;
    const n = segments.length;
    if (n === 1) return { name: 'goods', query: query.get('q') ?? '', archived: query.get('archived') === '1' };
    if (second === 'new') return n === 2 ? { name: 'good-new' } : null;
    const id = positiveInt(second);
    if (id === null) return null;
    if (n === 2) {
      const quantity = positiveInt(query.get('quantity'));
      return quantity === null ? { name: 'good', id } : { name: 'good', id, quantity };
    }
    return third === 'edit' && n === 3 ? { name: 'good-edit', id } : null;
  },
  href: {
    goods: (r) => `#/goods${queryString({ q: r.query, archived: r.archived ? 1 : null })}`,
    good: (r) => `#/goods/${r.id}${queryString({ quantity: r.quantity })}`,
    'good-new': () => '#/goods/new',
    'good-edit': (r) => `#/goods/${r.id}/edit`,
  },
  tab: () => 'goods',
  homes: { goods: goodsHome },
});
