import { readFileSync } from 'node:fs';
import { chromium, type Locator, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS } from '../browser/helpers/browser';

const AXE = readFileSync('/tmp/axe/node_modules/axe-core/axe.min.js', 'utf8');
const port = 4291;
const server = await preview({ preview: { port, strictPort: true, host: '127.0.0.1' }, build: { outDir: '/tmp/plan-build' }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });

async function axe(page: Page, name: string) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    // @ts-expect-error injected
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  });
  console.log('axe', name, result.length ? result : 'clean');
}

async function shoot(page: Page, name: string, from?: Locator) {
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 844 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(200);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const top = from ? Math.max(0, Math.floor(((await from.boundingBox())?.y ?? 0) + (await page.evaluate(() => window.scrollY)) - 16)) : 0;
      const parts = from ? 1 : 9;
      for (let y = top, part = 0; y < height && part < parts; y += 1100, part++) {
        await page.screenshot({ path: `/tmp/planshots/${name}-${width}-${scheme}-${part}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(1100, height - y) } });
      }
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'light' });
  await axe(page, name);
  console.log('shot', name);
}

try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error', e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByRole('button', { name: 'Explore sample data' }).tap();
  await page.waitForURL(/#\/pantry/, { timeout: 120_000 });
  const go = async (hash: string, ready: string) => {
    await page.evaluate((h) => (location.hash = h), hash);
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(800);
  };
  const only = process.argv[2] ?? 'all';
  await go('#/plan', 'text=Holiday 2026');
  if (only === 'all') await shoot(page, 'events');
  await go('#/plan/new', 'text=New event');
  if (only === 'all') await shoot(page, 'event-new');
  await go('#/plan/event/1', 'text=Ingredients and cost');
  if (only === 'all') await shoot(page, 'event-draft');
  // A shortfall to confirm.
  await page.getByRole('button', { name: /6 batches makes 216/ }).tap();
  await page.getByText('Confirm the shortfall, or choose').waitFor();
  await shoot(page, 'event-shortfall', page.getByRole('region', { name: 'Batches' }));
  await page.getByRole('button', { name: 'Cancel' }).tap();
  // Out of date, and Recalculate's preview.
  await page.getByLabel('How many Cookie bag').fill('25');
  await page.getByLabel('How many Cookie bag').press('Enter');
  await page.getByRole('button', { name: 'Recalculate' }).tap();
  await page.getByText('What recalculating changes').waitFor();
  await page.getByText(/^Cost /).waitFor();
  await shoot(page, 'event-stale', page.getByRole('region', { name: 'Out of date' }));
  await page.getByRole('button', { name: 'Save the new plan' }).tap();
  await page.getByText(/up to date/).waitFor();
  await page.getByRole('button', { name: 'Lock the plan' }).tap();
  await page.getByRole('dialog').waitFor();
  await shoot(page, 'event-lock-dialog', page.getByRole('dialog'));
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, lock the plan' }).tap();
  await page.getByText(/confirm the shortfall of/).waitFor();
  await shoot(page, 'event-lock-refused', page.getByRole('region', { name: 'Plan state' }));
  await page.getByRole('button', { name: /3 batches makes 90/ }).tap();
  await page.getByText('15 spare', { exact: false }).first().waitFor();
  await page.getByRole('button', { name: 'Lock the plan' }).tap();
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, lock the plan' }).tap();
  await page.getByText(/^Locked since/).waitFor();
  await page.getByRole('button', { name: 'Start production' }).tap();
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, start production' }).tap();
  await page.getByText(/^In production since/).waitFor();
  const amend = page.getByRole('region', { name: 'Amend the plan' });
  await amend.getByRole('button', { name: 'Drop a good' }).tap();
  await amend.getByLabel('Good').selectOption({ index: 1 });
  await amend.getByLabel(/How many to drop/).fill('5');
  await amend.getByRole('button', { name: 'Record amendment' }).tap();
  await amend.getByText('A reason is required.').waitFor();
  await shoot(page, 'event-production');
  await amend.getByLabel('Reason').fill('Five bags were promised to the teachers elsewhere');
  await amend.getByRole('button', { name: 'Record amendment' }).tap();
  await page.getByText(/^Amended:/).waitFor();
  await go('#/plan/event/1/history', 'text=Amendments');
  await shoot(page, 'event-history');
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}
