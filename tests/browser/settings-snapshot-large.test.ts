/**
 * Issue 13: "a 50 MB valid file must import, with progress, and no crash in
 * Chromium". On the production build at a phone's size, a ~50 MB snapshot
 * (tests/helpers/big-snapshot.ts) is picked in Settings > Import: the worker
 * reads and checks it with the progress bar showing, the dry-run report says
 * what would come in, Import writes it with the bar again, and every record
 * arrives; the page and its worker stay up throughout.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bigSnapshot } from '../helpers/big-snapshot';
import { call, notices } from './helpers/browser';
import { phoneTabs, seen, tap } from './helpers/phone';

const tabs = phoneTabs();
const MB = 1_000_000;

let dir = '';
let file = '';
let counts = { ingredients: 0, products: 0, purchases: 0, recipes: 0 };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-snapshot-large-'));
  file = join(dir, 'bakery-50mb.json');
  // The builder's size estimate runs a little short: asked for 53 MB it writes just over 50.
  const text = bigSnapshot(53 * MB);
  const parsed = JSON.parse(text) as Record<keyof typeof counts, unknown[]>;
  counts = { ingredients: parsed.ingredients.length, products: parsed.products.length, purchases: parsed.purchases.length, recipes: parsed.recipes.length };
  // A file on disk, picked as a baker picks one: the browser reads it, not a 50 MB message from the test.
  writeFileSync(file, text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Settings > Import of a 50 MB snapshot', { timeout: 180_000 }, () => {
  test('is checked and imported in the worker with a progress bar, every record arrives, nothing crashes', async () => {
    expect(statSync(file).size).toBeGreaterThan(50 * MB);
    const page = await tabs.open('#/settings', { hooks: true });
    let crashed = false;
    page.on('crash', () => (crashed = true));
    const progressbar = page.getByRole('progressbar');

    await page.getByLabel('Choose a file to import…').setInputFiles(file);
    // Checking takes seconds at this size: the bar shows while the worker reads and checks.
    await seen(progressbar);
    await page.getByText(/^Dry run, nothing written/).first().waitFor({ timeout: 120_000 });
    expect(await call(page, 'pantry.summary', {})).toMatchObject({ ingredientsWithLots: 0 });

    await tap(page.getByRole('button', { name: 'Import', exact: true }));
    await seen(progressbar);
    const n = (count: number) => count.toLocaleString('en-US');
    const headline = page.getByText(`Imported ${n(counts.ingredients)} ingredients`, { exact: false }).first();
    await headline.waitFor({ timeout: 120_000 });
    for (const part of [`${n(counts.products)} products`, `${n(counts.purchases)} purchases`, `${n(counts.recipes)} recipes`]) expect(await headline.textContent()).toContain(part);
    await expect.poll(() => progressbar.count()).toBe(0);

    // The worker told the page how far it was, in both passes, and reached the end of writing.
    const progress = (await notices(page)).filter((n) => n.type === 'progress') as { phase: string; done: number; total: number }[];
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.some((p) => p.phase === 'writing' && p.done === p.total && p.total > 0)).toBe(true);

    // Every record is there, read back through the app's own reads.
    const summary = await call(page, 'pantry.summary', {});
    expect(summary.ingredientsWithLots).toBe(counts.ingredients);
    // The file's last recipe (every fourth ingredient has one), with its four lines.
    const last = `Recipe ${counts.ingredients - 1 - ((counts.ingredients - 4) % 4)}`;
    const [recipe] = await call(page, 'recipes.list', { query: last, limit: 1 });
    expect(recipe).toMatchObject({ name: last, ingredientLineCount: 4 });
    const { total } = await call(page, 'pantry.listPurchases', { limit: 1 });
    expect(total).toBe(counts.purchases);
    expect(crashed).toBe(false);
    expect((await notices(page)).filter((n) => n.type === 'problem')).toEqual([]);
  });
});
