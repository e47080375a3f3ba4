/**
 * How a shopping list is laid out for a trip: by store (the supplier of the
 * product to buy) or by aisle (the ingredient's category, the material's
 * category). Items keep the order they come in within a group; groups are
 * by name, with "no store chosen" last.
 */

import { compareNames } from './name-order';

export const SHOPPING_GROUPINGS = ['supplier', 'aisle'] as const;
export type ShoppingGrouping = (typeof SHOPPING_GROUPINGS)[number];

export function isShoppingGrouping(value: unknown): value is ShoppingGrouping {
  return typeof value === 'string' && (SHOPPING_GROUPINGS as readonly string[]).includes(value);
}

export interface Groupable {
  supplier: { id: number; name: string } | null;
  aisle: string;
}

export interface ShoppingGroup<T> {
  /** Stable for the screen: `supplier:3`, `supplier:none`, `aisle:Baking`. */
  key: string;
  title: string;
  items: T[];
}

export const NO_SUPPLIER = 'No store chosen';

export function groupShoppingItems<T extends Groupable>(items: readonly T[], by: ShoppingGrouping): ShoppingGroup<T>[] {
  const groups = new Map<string, ShoppingGroup<T>>();
  for (const item of items) {
    const key = by === 'supplier' ? `supplier:${item.supplier?.id ?? 'none'}` : `aisle:${item.aisle}`;
    const title = by === 'supplier' ? (item.supplier?.name ?? NO_SUPPLIER) : item.aisle;
    const group = groups.get(key) ?? { key, title, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  const last = (g: ShoppingGroup<T>) => (g.key === 'supplier:none' ? 1 : 0);
  return [...groups.values()].sort((a, b) => last(a) - last(b) || compareNames(a.title, b.title) || a.key.localeCompare(b.key));
}
