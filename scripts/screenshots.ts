/**
 * Screenshots of every screen at phone (390x844) and desktop (1280x800)
 * sizes, light and dark, from the production build in headless Chromium.
 * Writes PNGs to screenshots/ (gitignored) for a person to look at.
 *
 *   npm run screenshots            (builds first)
 *
 * It starts `vite preview` itself on its own port, opens the app with an empty
 * database (first-run screen), loads the sample data through the UI, then
 * visits each screen by its URL.
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';

const port = 4187;
const outDir = 'screenshots';

const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;
const schemes = ['light', 'dark'] as const;

async function shoot(page: Page, name: string): Promise<void> {
  for (const viewport of viewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(150);
      await page.screenshot({ path: `${outDir}/${name}-${viewport.name}-${scheme}.png`, fullPage: true });
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
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  await mkdir(outDir, { recursive: true });
  const context = await browser.newContext({ viewport: viewports[0], deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://localhost:${port}/`);
  await page.getByRole('heading', { name: 'Welcome to Bake Planner' }).waitFor();
  await shoot(page, 'welcome');
  await page.getByRole('button', { name: 'Explore sample data' }).click();
  await page.waitForURL(/#\/pantry/, { timeout: 60_000 });
  await visit(page, '#/dashboard', 'text=ingredients in stock');
  await shoot(page, 'dashboard');
  await visit(page, '#/settings', 'text=Database schema');
  await shoot(page, 'settings');
  await visit(page, '#/plan', 'text=What this screen will do');
  await shoot(page, 'plan');
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
