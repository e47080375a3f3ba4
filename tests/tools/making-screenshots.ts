/**
 * Screenshots of the Make screens on phones (320 and 390 px wide), light and
 * dark, from the production build on the sample bakery: the Make tab as the
 * sample opens (its own bake and bags), picking a recipe, a bake with a loss
 * and its pre-check, a bake too big for the pantry, the recorded run,
 * assembling (a short one, packaging still to choose), the undo confirmation
 * and a refused undo, the history and the shelf. Writes PNGs to screenshots/
 * (gitignored) for a person to look at.
 *
 *   npx vite build && node --import tsx tests/tools/making-screenshots.ts
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { toolPath } from '../setup/test-browsers';

const port = 4188;
const outDir = 'screenshots';
const widths = [320, 390] as const;
const schemes = ['light', 'dark'] as const;

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 844 });
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(150);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({ path: `${outDir}/make-${name}-${width}-${scheme}.png`, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, 844 * 2) } });
    }
  }
  console.log(`  ${name}`);
}

async function visit(page: Page, hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
}

const server = await preview({ preview: { port, strictPort: true }, logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: toolPath('chromium'),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  await mkdir(outDir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://localhost:${port}/#/welcome`);
  await page.getByRole('button', { name: 'Explore sample data' }).click();
  await page.waitForURL(/#\/pantry/, { timeout: 60_000 });

  // The sample opens with its own first bake and six cookie bags, so the Make tab is never empty on it.
  await visit(page, '#/make', 'text=Latest runs');
  await shoot(page, 'sample');
  await visit(page, '#/make/bake', 'text=Which recipe came out of the oven?');
  await page.getByRole('link', { name: /Almond Biscotti/ }).waitFor();
  await shoot(page, 'bake-pick');

  // Brownies: the sample's batch of trees left too little butter for another (4.985 of 12.015 oz).
  await page.getByRole('link', { name: /Almond Flour Brownies/ }).click();
  await page.getByText('Before you bake').waitFor();
  await page.getByLabel('How many came out').fill('14');
  await page.getByLabel('Why some were lost').selectOption('broken');
  await page.getByText('2 of 16 lost').waitFor();
  await shoot(page, 'bake-form');
  await page.getByLabel('Batches').fill('3');
  await page.getByText(/^Short /).first().waitFor();
  await shoot(page, 'bake-short');
  await page.getByLabel('Batches').fill('1');
  await page.getByText('Enough').first().waitFor();
  await page.getByRole('button', { name: 'Record bake' }).click();
  await page.getByRole('heading', { name: 'What it used, lot by lot' }).waitFor();
  await shoot(page, 'run-bake');

  await visit(page, '#/make/assemble', 'text=What are you putting together?');
  await page.getByRole('link', { name: /Cookie bag/ }).waitFor();
  await shoot(page, 'assemble-pick');
  await page.getByRole('link', { name: /Cookie bag/ }).click();
  await page.getByText('What goes in').waitFor();
  await page.getByLabel('How many').fill('20');
  await page.getByText(/^Short /).first().waitFor();
  await shoot(page, 'assemble-short');
  await page.getByLabel('How many').fill('2');
  await page.getByRole('button', { name: 'Assemble 2 Cookie bag' }).waitFor();
  await shoot(page, 'assemble-form');
  await page.getByRole('button', { name: 'Assemble 2 Cookie bag' }).click();
  await page.getByRole('heading', { name: 'What it used, lot by lot' }).waitFor();
  await shoot(page, 'run-assembly');
  await page.getByRole('button', { name: 'Undo this assembly' }).click();
  await page.getByRole('dialog').waitFor();
  await shoot(page, 'undo-confirm');
  await page.keyboard.press('Escape');

  await visit(page, '#/make/runs', 'text=Runs');
  await page.getByRole('link', { name: /Pecan shortbread tree/ }).click();
  await page.getByText('undo that assembly first').waitFor();
  await shoot(page, 'run-bake-blocked');

  await visit(page, '#/make/assemble', 'text=What are you putting together?');
  await page.getByRole('link', { name: /Holiday gift box/ }).click();
  await page.getByText('What goes in').waitFor();
  await shoot(page, 'assemble-packaging');
  await page.getByLabel('Assemble without packaging').check();
  await shoot(page, 'assemble-bypass');

  await visit(page, '#/make', 'text=Latest runs');
  await shoot(page, 'home');
  await visit(page, '#/make/runs', 'text=Runs');
  await shoot(page, 'runs');
  await visit(page, '#/make/stock', 'text=On the shelf');
  await shoot(page, 'stock');
  await context.close();
} finally {
  await browser.close();
  server.httpServer.close();
}
