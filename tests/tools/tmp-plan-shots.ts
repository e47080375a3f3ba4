import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS } from '../browser/helpers/browser';

const port = 4291;
const server = await preview({ preview: { port, strictPort: true, host: '127.0.0.1' }, build: { outDir: '/tmp/plan-build' }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error', e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByRole('button', { name: 'Explore sample data' }).tap();
  await page.waitForURL(/#\/pantry/, { timeout: 120_000 });
  const shots = process.argv.slice(2);
  for (const spec of shots) {
    const [name, hash, ready] = spec.split('|');
    await page.evaluate((h) => (location.hash = h), hash!);
    await page.locator(ready!).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(600);
    for (const width of [320, 390]) {
      await page.setViewportSize({ width, height: 844 });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.waitForTimeout(150);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, part = 0; y < height; y += 1100, part++) {
          await page.screenshot({ path: `/tmp/planshots/${name}-${width}-${scheme}-${part}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(1100, height - y) } });
        }
      }
    }
    console.log('shot', name);
  }
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}
