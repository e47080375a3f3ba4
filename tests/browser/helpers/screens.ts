/**
 * Every main screen of the app, in one list, for the sweeps that visit them
 * all (axe-core in tests/browser/a11y.test.ts, no sideways scrolling at
 * 320 px). An area that adds screens adds them here, one line each: where the
 * screen is (given the sample pantry's ids) and the level-1 heading that
 * shows once it is there. A tab that is still "Coming later" is listed by
 * its tab name; when its area arrives, the same line checks the real screen.
 */
import type { Page } from 'playwright-core';
import { call } from './browser';

/** Ids in the sample pantry that screens for one thing need. */
export interface SampleIds {
  /** Flour, all-purpose: lots, purchases, adjustments, price history. */
  flour: number;
  /** The group it sits in (a group's page lists its ingredients). */
  group: number;
  product: number;
  purchase: number;
  supplier: number;
}

export interface MainScreen {
  name: string;
  hash: (ids: SampleIds) => string;
  /** The level-1 heading the screen shows when it is there (any, when omitted). */
  heading?: string | RegExp;
}

export const MAIN_SCREENS: readonly MainScreen[] = [
  { name: 'welcome', hash: () => '#/welcome', heading: 'Welcome to Bake Planner' },
  { name: 'dashboard', hash: () => '#/dashboard', heading: 'Dashboard' },
  { name: 'pantry', hash: () => '#/pantry', heading: 'Pantry' },
  { name: 'ingredients', hash: () => '#/pantry?view=all', heading: 'Pantry' },
  { name: 'pantry search', hash: () => '#/pantry?q=choc&view=all', heading: 'Pantry' },
  { name: 'ingredient', hash: (ids) => `#/pantry/ingredient/${ids.flour}`, heading: 'Flour, all-purpose' },
  { name: 'ingredient group', hash: (ids) => `#/pantry/ingredient/${ids.group}` },
  { name: 'ingredient edit', hash: (ids) => `#/pantry/ingredient/${ids.flour}/edit`, heading: 'Edit Flour, all-purpose' },
  { name: 'ingredient new', hash: () => '#/pantry/ingredient/new', heading: 'New ingredient' },
  { name: 'product edit', hash: (ids) => `#/pantry/product/${ids.product}`, heading: 'Edit product' },
  { name: 'product new', hash: (ids) => `#/pantry/product/new?ingredient=${ids.flour}`, heading: 'New product' },
  { name: 'purchase', hash: () => '#/pantry/purchase', heading: 'Record a purchase' },
  { name: 'purchases', hash: () => '#/pantry/purchases', heading: 'Purchases' },
  { name: 'purchases of an ingredient', hash: (ids) => `#/pantry/purchases?ingredient=${ids.flour}`, heading: 'Purchases of Flour, all-purpose' },
  { name: 'purchase edit', hash: (ids) => `#/pantry/purchases/${ids.purchase}`, heading: 'Edit purchase' },
  { name: 'lot prices', hash: () => '#/pantry/prices', heading: 'Lots without a price' },
  { name: 'suppliers', hash: () => '#/pantry/suppliers', heading: 'Suppliers' },
  { name: 'supplier edit', hash: (ids) => `#/pantry/suppliers/${ids.supplier}`, heading: /^Edit / },
  { name: 'supplier new', hash: () => '#/pantry/suppliers/new', heading: 'New supplier' },
  { name: 'settings', hash: () => '#/settings', heading: 'Settings' },
  { name: 'more', hash: () => '#/more', heading: 'More' },
  ...['plan', 'shop', 'make', 'recipes', 'goods'].map((tab) => ({ name: tab, hash: () => `#/${tab}` })),
  { name: 'not found', hash: () => '#/no/such/place', heading: 'Nothing here' },
];

/** The sample pantry's ids, read through the app's own RPC (the tab must run with test hooks). */
export async function sampleIds(page: Page): Promise<SampleIds> {
  const [flour] = await call(page, 'catalog.searchIngredients', { query: 'Flour, all-purpose', limit: 1 });
  const { items } = await call(page, 'pantry.listPurchases', { ingredientId: flour!.id, limit: 1 });
  const [supplier] = await call(page, 'catalog.listSuppliers', {});
  return { flour: flour!.id, group: flour!.parentId!, product: items[0]!.product.id, purchase: items[0]!.id, supplier: supplier!.id };
}

/** Goes to `screen` and waits until it is there with its data (nothing still "Opening…"). */
export async function visit(page: Page, screen: MainScreen, ids: SampleIds): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), screen.hash(ids));
  const heading = page.getByRole('heading', { level: 1, ...(screen.heading ? { name: screen.heading } : {}) });
  await heading.first().waitFor({ timeout: 10_000 });
  await page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((s) => /Opening…/.test(s.textContent ?? '')));
}
