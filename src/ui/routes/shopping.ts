/** The Shop tab: the shopping list of an event (the next one when none is named), grouped by store or by aisle, under #/shop. */
import { isShoppingGrouping, type ShoppingGrouping } from '../../domain/shopping-groups';
import { defineRoutes, positiveInt, queryString } from './define';

export type ShoppingRoute = { name: 'shop'; eventId: number | null; by: ShoppingGrouping };

export const shoppingHome: ShoppingRoute = { name: 'shop', eventId: null, by: 'supplier' };

export const shoppingRoutes = defineRoutes<ShoppingRoute>({
  parse({ segments, query }) {
    if (segments[0] !== 'shop' || segments.length !== 1) return null;
    const by = query.get('by');
    return { name: 'shop', eventId: positiveInt(query.get('event')), by: isShoppingGrouping(by) ? by : 'supplier' };
  },
  href: {
    shop: (r) => `#/shop${queryString({ event: r.eventId, by: r.by === 'supplier' ? null : r.by })}`,
  },
  tab: () => 'shop',
  homes: { shop: shoppingHome },
});
