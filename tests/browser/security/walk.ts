/**
 * A newcomer's walk through every main screen of the app, using each: the
 * list the content security policy test (tests/browser/security.test.ts)
 * runs on the production build, failing on any policy violation in the page
 * or its workers. It starts on the welcome screen of an empty profile and
 * loads the sample data first.
 *
 * A new area adds its screens here (one step each, or a few: open the
 * screen, use what it offers, end when it shows the result); nothing else
 * changes.
 */
import type { Page } from 'playwright-core';

export interface WalkStep {
  /** What the baker does, as a test report says it. */
  what: string;
  run(page: Page): Promise<void>;
}

const TIMEOUT = { timeout: 15_000 };

/** Moves to a screen by its route, as a link in the app would, and waits for `ready` to show. */
export async function go(page: Page, hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.locator(ready).first().waitFor(TIMEOUT);
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { name, level: 1 }).waitFor(TIMEOUT);

export const WALK: readonly WalkStep[] = [
  {
    what: 'the welcome screen: explore the sample data',
    async run(page) {
      await page.getByRole('button', { name: 'Explore sample data' }).tap();
      // Loading the sample takes seconds on a busy machine.
      await page.getByRole('heading', { name: 'Pantry', level: 1 }).waitFor({ timeout: 60_000 });
      await page.getByText('Flour, all-purpose').first().waitFor(TIMEOUT);
    },
  },
  {
    what: 'the pantry: search, every ingredient, a group opened',
    async run(page) {
      await page.getByLabel('Find an ingredient').fill('choc');
      await page.getByText(/Chocolate/).first().waitFor(TIMEOUT);
      await go(page, '#/pantry?view=all', 'details summary');
      await page.locator('details summary').first().tap();
    },
  },
  {
    what: 'an ingredient: stock, lots, price history; an adjustment; its measures',
    async run(page) {
      await go(page, '#/pantry?q=all-purpose', 'table.data-table a');
      await page.locator('table.data-table a').first().tap();
      await page.getByRole('heading', { name: 'Products' }).waitFor(TIMEOUT);
      await page.getByRole('button', { name: /^Adjust/ }).first().tap();
      await page.getByRole('dialog').getByLabel('How much to remove').fill('1');
      await page.getByRole('dialog').getByRole('button', { name: 'Save adjustment' }).tap();
      await page.getByText(/^Removed 1 /).first().waitFor(TIMEOUT);
      await page.getByRole('button', { name: 'Edit measures' }).tap();
      await page.getByRole('button', { name: 'Cancel' }).tap();
    },
  },
  {
    what: 'an ingredient’s and a product’s edit screens, and a new product',
    async run(page) {
      await page.getByRole('link', { name: 'Edit', exact: true }).tap();
      await heading(page, /^Edit /);
      await page.goBack();
      await page.getByRole('region', { name: 'Products' }).getByRole('link', { name: /^Edit / }).first().tap();
      await heading(page, 'Edit product');
      await page.goBack();
      await page.getByRole('link', { name: 'Add a product' }).tap();
      await heading(page, 'New product');
    },
  },
  {
    what: 'a new ingredient, refused for half a density',
    async run(page) {
      await go(page, '#/pantry/ingredient/new', 'text=New ingredient');
      await page.getByLabel('Name').fill('Almond flour');
      await page.getByLabel('Volume amount').fill('1');
      await page.getByRole('button', { name: 'Add ingredient' }).tap();
      await page.getByText('the weight amount is missing').waitFor(TIMEOUT);
    },
  },
  {
    what: 'recording a purchase',
    async run(page) {
      await go(page, '#/pantry/purchase', 'text=Record a purchase');
      await page.getByRole('combobox', { name: 'Product' }).fill('unbleached all');
      await page.getByRole('option', { name: /King Arthur Unbleached All-Purpose Flour.*25 lb/ }).tap();
      await page.getByLabel('Price per package').fill('13.57');
      await page.getByRole('button', { name: 'Save purchase' }).tap();
      await page.getByText('Saved: 25 lb of Flour, all-purpose is in the pantry.').waitFor(TIMEOUT);
    },
  },
  {
    what: 'the purchases and a purchase being corrected',
    async run(page) {
      await go(page, '#/pantry/purchases', 'table.data-table');
      await page.getByRole('row').filter({ hasText: '$13.57' }).first().getByRole('link', { name: /^Edit/ }).tap();
      await heading(page, 'Edit purchase');
      await page.getByLabel('Packages').fill('0');
      await page.getByRole('button', { name: 'Save purchase' }).tap();
      await page.getByText('must be more than zero').waitFor(TIMEOUT);
    },
  },
  {
    what: 'the suppliers, one being edited, and a new one',
    async run(page) {
      await go(page, '#/pantry/suppliers', 'text=Add a supplier');
      await page.getByRole('link', { name: /^Edit / }).first().tap();
      await page.getByRole('button', { name: /activate$/ }).waitFor(TIMEOUT);
      await go(page, '#/pantry/suppliers/new', 'text=Supplier name');
      await page.getByLabel('Supplier name').fill('Corner Mill');
      await page.getByRole('button', { name: 'Add supplier' }).tap();
      await page.getByText('Corner Mill').first().waitFor(TIMEOUT);
    },
  },
  {
    what: 'the dashboard: the next event, its progress and batches chart',
    async run(page) {
      await go(page, '#/dashboard', 'text=ingredients in stock');
      await page.getByText('Next event').waitFor(TIMEOUT);
      await page.getByRole('heading', { name: 'Batches over time' }).waitFor(TIMEOUT);
    },
  },
  {
    what: 'the shopping list: an item ticked off, by aisle, the CSV downloaded, the pantry\'s part opened',
    async run(page) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shop' }).tap();
      await heading(page, 'Shopping');
      await page.getByLabel('Eggs, whole').tap();
      await page.getByText('Eggs, whole (in the basket)').waitFor(TIMEOUT);
      await page.getByRole('link', { name: 'By aisle' }).tap();
      await page.getByRole('heading', { name: 'Dairy & Eggs' }).waitFor(TIMEOUT);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).tap()]);
      await download.path();
      await page.getByText(/Already in the pantry/).tap();
      await page.getByRole('link', { name: 'Record purchase' }).first().tap();
      await page.getByText(/Record a purchase/).first().waitFor(TIMEOUT);
    },
  },
  {
    what: 'the plan: the events, the sample event, a shortfall to confirm, out of date and Recalculate, its history, a new event',
    async run(page) {
      await go(page, '#/plan', 'text=Holiday 2026');
      await page.getByRole('link', { name: 'Holiday 2026' }).tap();
      await page.getByRole('heading', { name: 'Ingredients and cost' }).waitFor(TIMEOUT);
      await page.getByRole('button', { name: /6 batches makes 216/ }).tap();
      await page.getByRole('button', { name: 'Confirm shortfall' }).waitFor(TIMEOUT);
      await page.getByRole('button', { name: 'Cancel' }).tap();
      await page.getByLabel('How many Cookie bag').fill('21');
      await page.getByLabel('How many Cookie bag').press('Enter');
      await page.getByRole('button', { name: 'Recalculate' }).tap();
      await page.getByText('What recalculating changes').waitFor(TIMEOUT);
      await go(page, '#/plan/event/1/history', 'text=Saved plans');
      await go(page, '#/plan/new', 'text=Event name');
      await page.getByRole('button', { name: 'Create event' }).tap();
      await page.getByText('The event name is required.').waitFor(TIMEOUT);
    },
  },
  {
    what: 'the recipes: one found, its cost for two batches, its editor',
    async run(page) {
      await go(page, '#/recipes', 'text=New recipe');
      await page.getByLabel('Find a recipe').fill('pecan');
      await page.getByRole('link', { name: /Pecan Shortbread Christmas Trees/ }).tap();
      await heading(page, 'Pecan Shortbread Christmas Trees');
      await page.getByRole('button', { name: 'One batch more' }).tap();
      await page.getByRole('region', { name: 'Cost now' }).getByText('2 batches', { exact: true }).waitFor(TIMEOUT);
      await page.getByRole('link', { name: 'Edit recipe' }).tap();
      await heading(page, 'Edit Pecan Shortbread Christmas Trees');
    },
  },
  {
    what: 'the goods: a gift box exploded for three, its builder',
    async run(page) {
      await go(page, '#/goods', 'text=Holiday gift box');
      await page.getByRole('link', { name: /Holiday gift box/ }).tap();
      await heading(page, 'Holiday gift box');
      await page.getByRole('button', { name: 'One more' }).tap();
      await page.getByRole('button', { name: 'One more' }).tap();
      await page.getByText(/^3 Holiday gift box = /).waitFor(TIMEOUT);
      await page.getByRole('link', { name: 'Edit in the builder' }).tap();
      await heading(page, 'Edit Holiday gift box');
    },
  },
  {
    what: 'the packaging: a material, a purchase of it recorded',
    async run(page) {
      await go(page, '#/materials', 'text=Tin Cookie Round 6in');
      await page.getByRole('link', { name: /Tin Cookie Round 6in/ }).first().tap();
      await heading(page, 'Tin Cookie Round 6in');
      await page.getByRole('link', { name: 'Record a purchase' }).tap();
      await page.getByLabel('Product').selectOption({ index: 1 });
      await page.getByLabel('Price per package').fill('21.99');
      await page.getByRole('button', { name: 'Save purchase' }).tap();
      await page.getByText(/^Saved: .* of Tin Cookie Round 6in\.$/).waitFor(TIMEOUT);
    },
  },
  {
    // The sample's own batch of trees used most of the butter; brownies take less, and the bag is filled from its trees.
    what: 'making: a bake recorded after its pre-check, then a bag assembled from the sample\'s trees',
    async run(page) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Make' }).tap();
      await heading(page, 'Make');
      await page.getByRole('link', { name: 'Record a bake' }).tap();
      await page.getByRole('link', { name: /Almond Flour Brownies/ }).tap();
      await page.getByRole('region', { name: 'Before you bake' }).getByText(/^Costs /).waitFor(TIMEOUT);
      await page.getByRole('button', { name: 'Record bake' }).tap();
      await page.getByRole('region', { name: 'What it used, lot by lot' }).waitFor(TIMEOUT);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Make' }).tap();
      await page.getByRole('link', { name: 'Assemble goods' }).tap();
      await page.getByRole('link', { name: /Cookie bag/ }).tap();
      await page.getByRole('button', { name: /^Assemble 1 Cookie bag/ }).tap();
      await heading(page, '1 Cookie bag');
    },
  },
  {
    what: 'More',
    async run(page) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).tap();
      await heading(page, 'More');
    },
  },
  {
    what: 'Settings: the currency changed, a backup downloaded',
    async run(page) {
      await go(page, '#/settings', 'text=Database schema');
      await page.getByLabel('Show money in').selectOption('EUR');
      await page.getByText(/Money is now shown in/).waitFor(TIMEOUT);
      await page.getByLabel('Show money in').selectOption('USD');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('region', { name: 'Backup and restore' }).getByRole('button', { name: 'Download a backup' }).tap(),
      ]);
      await download.path();
    },
  },
  {
    what: 'a place that does not exist',
    async run(page) {
      await go(page, '#/nowhere/at/all', 'text=Nothing here');
    },
  },
];
