/**
 * The catalog and purchase management screens have URLs too: a baker editing
 * a purchase or a supplier who reloads lands on the same form.
 */
import { describe, expect, test } from 'vitest';
import { parseRoute, routeHref, tabOf, type Route } from '../../../src/ui/routes';

describe('catalog and purchase routes', () => {
  const places: Route[] = [
    { name: 'ingredient-new', parentId: null },
    { name: 'ingredient-new', parentId: 12 },
    { name: 'ingredient-edit', id: 42 },
    { name: 'product-new', ingredientId: 42 },
    { name: 'product', id: 9 },
    { name: 'purchases', ingredientId: null },
    { name: 'purchases', ingredientId: 42 },
    { name: 'purchases', ingredientId: 42, supplierId: 3, from: '2026-01-01', to: '2026-03-31', query: 'king arthur' },
    { name: 'purchase-edit', id: 310 },
    { name: 'lot-prices', ingredientId: null },
    { name: 'lot-prices', ingredientId: 42 },
    { name: 'suppliers' },
    { name: 'supplier', id: null },
    { name: 'supplier', id: 3 },
  ];

  test.each(places)('%o survives a reload and sits under the Pantry tab', (route) => {
    expect(parseRoute(routeHref(route))).toEqual(route);
    expect(tabOf(route)).toBe('pantry');
  });

  test('the URLs read as places', () => {
    expect(routeHref({ name: 'ingredient-new', parentId: 12 })).toBe('#/pantry/ingredient/new?parent=12');
    expect(routeHref({ name: 'purchase-edit', id: 310 })).toBe('#/pantry/purchases/310');
    expect(routeHref({ name: 'supplier', id: null })).toBe('#/pantry/suppliers/new');
    expect(routeHref({ name: 'purchases', ingredientId: null, supplierId: 3, from: '2026-01-01', query: 'flour' })).toBe(
      '#/pantry/purchases?supplier=3&from=2026-01-01&q=flour',
    );
    // A date that is not a day is not a filter: the list opens unfiltered rather than refused.
    expect(parseRoute('#/pantry/purchases?from=yesterday&to=2026-02-01')).toEqual({ name: 'purchases', ingredientId: null, to: '2026-02-01' });
  });

  test('a new product needs its ingredient; broken ids are "not found"', () => {
    expect(parseRoute('#/pantry/product/new').name).toBe('not-found');
    expect(parseRoute('#/pantry/purchases/0').name).toBe('not-found');
    expect(parseRoute('#/pantry/ingredient/7/delete').name).toBe('not-found');
    expect(parseRoute('#/pantry/suppliers/abc').name).toBe('not-found');
  });
});
