/**
 * Every screen has a URL, and reading a URL back gives the same place: a
 * baker who reloads on an ingredient page or a pantry search lands there again.
 */
import { describe, expect, test } from 'vitest';
import { parseRoute, routeHref, routeOwners, tabHome, tabHomes, tabOf, type Route, type TabName } from '../../../src/ui/routes';

describe('hash routes', () => {
  const places: Route[] = [
    { name: 'dashboard' },
    { name: 'plan' },
    { name: 'shop' },
    { name: 'make' },
    { name: 'recipes' },
    { name: 'goods' },
    { name: 'settings' },
    { name: 'more' },
    { name: 'welcome' },
    { name: 'pantry', query: '', view: 'stock' },
    { name: 'pantry', query: 'brown sugar & co', view: 'all' },
    { name: 'ingredient', id: 42 },
    { name: 'ingredient', id: 42, unit: 'cup' },
    { name: 'purchase', ingredientId: null },
    { name: 'purchase', ingredientId: 7 },
  ];

  test.each(places)('%o survives a reload', (route) => {
    expect(parseRoute(routeHref(route))).toEqual(route);
  });

  test('an empty hash is the dashboard', () => {
    expect(parseRoute('')).toEqual({ name: 'dashboard' });
    expect(parseRoute('#/')).toEqual({ name: 'dashboard' });
  });

  test('a broken link is "not found", not a crash or a guess', () => {
    expect(parseRoute('#/pantry/ingredient/abc')).toEqual({ name: 'not-found', path: 'pantry/ingredient/abc' });
    expect(parseRoute('#/pantry/ingredient/0')).toEqual({ name: 'not-found', path: 'pantry/ingredient/0' });
    expect(parseRoute('#/bakery')).toEqual({ name: 'not-found', path: 'bakery' });
  });

  test('the ingredient page and the purchase form sit under the Pantry tab', () => {
    expect(tabOf({ name: 'ingredient', id: 3 })).toBe('pantry');
    expect(tabOf({ name: 'purchase', ingredientId: null })).toBe('pantry');
    expect(tabOf({ name: 'welcome' })).toBeNull();
  });
});

/** A stand-in area with one route, owning the given tabs. */
function module(name: string, tabsOwned: TabName[] = []) {
  const route = { name };
  return { parse: () => null, href: { [name]: () => `#/${name}` }, tab: () => null, homes: Object.fromEntries(tabsOwned.map((t) => [t, route])) };
}

describe('route modules', () => {
  test('two areas claiming one route name is an error, not a silent winner', () => {
    expect(() => routeOwners([module('plan'), module('shop')])).not.toThrow();
    expect(() => routeOwners([module('plan'), module('plan')])).toThrow('The route name "plan" is claimed twice');
  });

  test('every tab starts where exactly one area says: the pantry tab opens the stock view', () => {
    expect(tabHome('pantry')).toEqual({ name: 'pantry', query: '', view: 'stock' });
    expect(tabHome('recipes')).toEqual({ name: 'recipes' });
    const everyTab = module('plan', ['dashboard', 'plan', 'shop', 'make', 'pantry', 'recipes', 'goods', 'settings']);
    expect(() => tabHomes([everyTab])).not.toThrow();
    expect(() => tabHomes([everyTab, module('shop', ['shop'])])).toThrow('The tab "shop" is claimed twice');
    expect(() => tabHomes([module('plan', ['plan'])])).toThrow('No area says where the tab "dashboard" starts');
  });

  test('a URL no area reads is "not found"; a route of a tab still to come sits under that tab', () => {
    expect(parseRoute('#/recipes')).toEqual({ name: 'recipes' });
    expect(tabOf({ name: 'recipes' })).toBe('recipes');
    expect(parseRoute('#/recipes/3')).toEqual({ name: 'not-found', path: 'recipes/3' });
  });
});
