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
    { name: 'shop', eventId: null, by: 'supplier' },
    { name: 'shop', eventId: 3, by: 'aisle' },
    { name: 'make' },
    { name: 'recipes', query: '', category: null, archived: false },
    { name: 'recipes', query: 'choc chip', category: null, archived: true },
    { name: 'recipes', query: '', category: 'Cookies & bars', archived: false },
    { name: 'recipe', id: 5 },
    { name: 'recipe', id: 5, batches: 2.5 },
    { name: 'recipe-new', baseId: null },
    { name: 'recipe-new', baseId: 5 },
    { name: 'recipe-edit', id: 5 },
    { name: 'finished-unit-new', recipeId: 5 },
    { name: 'finished-unit', id: 9 },
    { name: 'goods', query: '', archived: false },
    { name: 'goods', query: 'gift box', archived: true },
    { name: 'good', id: 3 },
    { name: 'good', id: 3, quantity: 40 },
    { name: 'good-new' },
    { name: 'good-edit', id: 3 },
    { name: 'materials', query: 'ribbon' },
    { name: 'material', id: 2 },
    { name: 'material-new' },
    { name: 'material-edit', id: 2 },
    { name: 'material-product', id: null, materialId: 2 },
    { name: 'material-product', id: 8, materialId: null },
    { name: 'material-unit', id: null, materialId: 2 },
    { name: 'material-unit', id: 4, materialId: null },
    { name: 'material-purchase', materialId: null },
    { name: 'material-purchase', materialId: 2 },
    { name: 'material-purchase-edit', id: 6 },
    { name: 'settings' },
    { name: 'more' },
    { name: 'welcome' },
    { name: 'pantry', query: '', view: 'stock' },
    { name: 'pantry', query: 'brown sugar & co', view: 'all' },
    { name: 'ingredient', id: 42 },
    { name: 'ingredient', id: 42, unit: 'cup' },
    { name: 'purchase', ingredientId: null },
    { name: 'purchase', ingredientId: 7 },
    { name: 'event-new' },
    { name: 'event', id: 3 },
    { name: 'event', id: 3, at: 'boxing' },
    { name: 'event-edit', id: 3 },
    { name: 'event-history', id: 3 },
    { name: 'purchase', ingredientId: 7, productId: 12, packages: 2 },
  ];

  test.each(places)('%o survives a reload', (route) => {
    expect(parseRoute(routeHref(route))).toEqual(route);
  });

  test('the workspace opens at a section it has; an unknown section opens it at the top', () => {
    expect(routeHref({ name: 'event', id: 3, at: 'progress' })).toBe('#/plan/event/3?at=progress');
    expect(parseRoute('#/plan/event/3?at=kitchen')).toEqual({ name: 'event', id: 3 });
  });

  test('the Shop tab opens on the next event, by store; a list by aisle or of a named event has its own URL', () => {
    expect(parseRoute('#/shop')).toEqual({ name: 'shop', eventId: null, by: 'supplier' });
    expect(routeHref({ name: 'shop', eventId: 3, by: 'aisle' })).toBe('#/shop?event=3&by=aisle');
    expect(parseRoute('#/shop?by=colour&event=x')).toEqual({ name: 'shop', eventId: null, by: 'supplier' });
    expect(tabOf({ name: 'shop', eventId: null, by: 'supplier' })).toBe('shop');
    expect(tabHome('shop')).toEqual({ name: 'shop', eventId: null, by: 'supplier' });
  });

  test('a purchase from a ticked shopping line carries its product and packages', () => {
    expect(routeHref({ name: 'purchase', ingredientId: 7, productId: 12, packages: 2 })).toBe('#/pantry/purchase?ingredient=7&product=12&packages=2');
    expect(parseRoute('#/pantry/purchase?ingredient=7&product=abc')).toEqual({ name: 'purchase', ingredientId: 7 });
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
    expect(tabHome('recipes')).toEqual({ name: 'recipes', query: '', category: null, archived: false });
    expect(tabHome('goods')).toEqual({ name: 'goods', query: '', archived: false });
    const everyTab = module('plan', ['dashboard', 'plan', 'shop', 'make', 'pantry', 'recipes', 'goods', 'settings']);
    expect(() => tabHomes([everyTab])).not.toThrow();
    expect(() => tabHomes([everyTab, module('shop', ['shop'])])).toThrow('The tab "shop" is claimed twice');
    expect(() => tabHomes([module('plan', ['plan'])])).toThrow('No area says where the tab "dashboard" starts');
  });

  test('a URL no area reads is "not found"; a route of a tab still to come sits under that tab', () => {
    expect(parseRoute('#/plan')).toEqual({ name: 'plan' });
    expect(tabOf({ name: 'plan' })).toBe('plan');
    expect(parseRoute('#/plan/3')).toEqual({ name: 'not-found', path: 'plan/3' });
  });

  test('recipes, goods and materials: their places sit under their tabs, and a malformed one is "not found"', () => {
    expect(tabOf({ name: 'recipe-edit', id: 1 })).toBe('recipes');
    expect(tabOf({ name: 'finished-unit', id: 1 })).toBe('recipes');
    expect(tabOf({ name: 'good-edit', id: 1 })).toBe('goods');
    // Packaging materials sit beside the pantry.
    expect(tabOf({ name: 'material', id: 1 })).toBe('pantry');
    for (const path of ['recipes/0', 'recipes/3/yield', 'recipes/yield/x', 'goods/3/cost', 'materials/product/new', 'materials/unit/0']) {
      expect(parseRoute(`#/${path}`)).toEqual({ name: 'not-found', path });
    }
    expect(parseRoute('#/recipes/3?batches=-1')).toEqual({ name: 'recipe', id: 3 });
  });
});
