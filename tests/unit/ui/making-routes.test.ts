/** The Make tab's screens have URLs: a baker who reloads in the middle of a bake lands on it again. */
import { describe, expect, test } from 'vitest';
import { parseRoute, routeHref, tabHome, tabOf, type Route } from '../../../src/ui/routes';

describe('making routes', () => {
  const places: Route[] = [
    { name: 'make' },
    { name: 'bake', recipeId: null },
    { name: 'bake', recipeId: 12 },
    { name: 'assemble', goodId: null },
    { name: 'assemble', goodId: 3 },
    { name: 'runs' },
    { name: 'run', kind: 'production', id: 7 },
    { name: 'run', kind: 'assembly', id: 8 },
    { name: 'finished-stock' },
  ];

  test.each(places)('%o survives a reload and sits under the Make tab', (route) => {
    expect(parseRoute(routeHref(route))).toEqual(route);
    expect(tabOf(route)).toBe('make');
  });

  test('the URLs read as places; the Make tab starts at #/make', () => {
    expect(routeHref({ name: 'bake', recipeId: 12 })).toBe('#/make/bake?recipe=12');
    expect(routeHref({ name: 'run', kind: 'production', id: 7 })).toBe('#/make/runs/bake/7');
    expect(routeHref({ name: 'finished-stock' })).toBe('#/make/stock');
    expect(tabHome('make')).toEqual({ name: 'make' });
  });

  test('broken ones are not found', () => {
    for (const hash of ['#/make/runs/cake/3', '#/make/runs/bake/0', '#/make/oven', '#/make/bake/3']) expect(parseRoute(hash).name).toBe('not-found');
  });
});
