/**
 * Screenshots of the Shop tab and the dashboard's event at 320 and 390 px,
 * light and dark, on the sample bakery with some baking recorded: for a
 * person to look at (npm run screenshots covers the rest of the app).
 *
 *   vite build --mode test-hooks --outDir /tmp/bp-shop-build && node --import tsx tests/tools/shop-shots.ts /tmp/bp-shop-build [outDir]
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Page } from 'playwright-core';
import { call, CHROMIUM_ARGS, waitForWorker } from '../browser/helpers/browser';
import { startPreview } from '../browser/helpers/server';
import { toolPath } from '../setup/test-browsers';

const build = process.argv[2] ?? 'dist';
const outDir = process.argv[3] ?? 'screenshots';

async function shoot(page: Page, name: string) {
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 844 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
      await page.waitForTimeout(200);
      // Screen-sized pieces, top to bottom: a phone's view, readable at full size.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let part = 0; part * 844 < Math.min(height, 4 * 844); part++) {
        const clip = { x: 0, y: part * 844, width, height: Math.min(844, height - part * 844) };
        await page.screenshot({ path: `${outDir}/${name}-${width}-${scheme}-${part + 1}.png`, fullPage: true, clip });
      }
    }
  }
  console.log(`  ${name}`);
}

const server = await startPreview(build);
const browser = await chromium.launch({ executablePath: toolPath('chromium'), headless: true, args: CHROMIUM_ARGS });
try {
  await mkdir(outDir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto(`${server.url}?test-hooks#/welcome`);
  await waitForWorker(page);
  await page.getByRole('button', { name: 'Explore sample data' }).tap();
  await page.getByRole('heading', { name: 'Pantry', level: 1 }).waitFor({ timeout: 90_000 });

  await page.evaluate(() => (location.hash = '#/shop'));
  await page.getByRole('heading', { name: 'Shopping', level: 1 }).waitFor();
  await page.getByText(/in the basket/).first().waitFor();
  await shoot(page, 'shop-empty-ticks');
  const boxes = page.getByRole('checkbox');
  await boxes.nth(0).tap();
  await boxes.nth(2).tap();
  await page.getByText(/2 of \d+ in the basket/).waitFor();
  await shoot(page, 'shop-ticked');
  await page.getByRole('link', { name: 'By aisle' }).tap();
  await page.getByText(/2 of \d+ in the basket/).waitFor();
  await shoot(page, 'shop-aisle');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${outDir}/shop-print.png`, fullPage: true });

  // Some baking and boxing for the dashboard.
  const event = (await call(page, 'planning.shoppingEvents', { today: '2026-12-01' })).nextId!;
  const plan = await call(page, 'planning.plan', { eventId: event });
  const recipes = [...new Set(plan.rows.map((r) => r.recipeId))];
  for (const recipeId of recipes.slice(0, 2)) {
    const row = plan.rows.find((r) => r.recipeId === recipeId)!;
    await call(page, 'pantry.recordPurchase', { productId: 1, packages: 1, pricePerPackage: 1 }).catch(() => undefined);
    await call(page, 'making.recordProduction', { recipeId, finishedUnitId: row.finishedUnitId, batches: 1, eventId: event }).catch((e) => console.error('bake:', e));
  }
  await page.evaluate(() => (location.hash = '#/dashboard'));
  await page.getByText('Next event').waitFor();
  await shoot(page, 'dashboard');
} finally {
  await browser.close();
  await server.stop();
}
