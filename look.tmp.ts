import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { toolPath } from './tests/setup/test-browsers';

const port = 4199;
const shots = process.argv.slice(2);
const server = await preview({ preview: { port, strictPort: true }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: toolPath('chromium'), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => { if (m.type() === 'error') console.error('console:', m.text()); });
  await page.goto(`http://localhost:${port}/`);
  await page.getByRole('button', { name: 'Explore sample data' }).click();
  await page.waitForURL(/#\/pantry/, { timeout: 90_000 });
  console.log('toast:', await page.locator('[role=status], .toast').allInnerTexts());
  for (const spec of shots) {
    const [name, hash, width = '390', scheme = 'light'] = spec.split(',');
    await page.setViewportSize({ width: Number(width), height: 844 });
    await page.emulateMedia({ colorScheme: scheme as 'light' | 'dark' });
    await page.evaluate((h) => (location.hash = h), hash!);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/look/${name}.png`, fullPage: true });
    console.log('shot', name);
  }
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}
