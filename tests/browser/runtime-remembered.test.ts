/**
 * Remembered answers in a real browser (src/worker/remembered-answers.ts):
 * the pantry's tree a session read is given at the next cold start before
 * SQLite has opened, and it is exactly what SQLite answers; a change made
 * since, or a write asked for first, means SQLite answers instead. Real
 * IndexedDB in Chromium; the test pages ask before the app's own screens do.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, call, launch, onClientReady, openApp, startupMarks, type Profile } from './helpers/browser';
import { corruptLogRecord, rememberedAnswers } from './helpers/idb';

let profile: Profile;
beforeAll(async () => (profile = await launch()));
afterAll(async () => profile?.remove());

interface TreeNode {
  name: string;
  children: TreeNode[];
}
const namesOf = (nodes: TreeNode[]): string[] => nodes.flatMap((n) => [n.name, ...namesOf(n.children)]);

/** Waits until the worker has stored the tree's answer at the seq it has now (the write is not awaited by the reply). */
async function treeRemembered(page: Page): Promise<void> {
  const { lastSeq } = await call(page, 'system.storageStatus');
  await expect
    .poll(async () => (await rememberedAnswers(page)).find((a) => a.key === 'pantry.ingredientTree null')?.seq, { timeout: 10_000 })
    .toBe(lastSeq);
}

/**
 * A cold start whose first requests, asked the moment the page's client exists, are `first` (a write
 * to make before the tree, or none) and then the tree. Gives the tree as first answered, the tree as
 * SQLite answers it once open, and the worker's startup marks.
 */
async function coldStartTree(first: { name: string } | null) {
  const page = await profile.context.newPage();
  await onClientReady(
    page,
    `const first = ${JSON.stringify(first)};
     if (first) rpc.call('catalog.createIngredient', first);
     rpc.call('pantry.ingredientTree').then((tree) => (window.__firstTree = tree));`,
  );
  await page.goto(appUrl(inject('baseUrl')));
  await page.waitForFunction(() => (window as unknown as { __firstTree?: unknown }).__firstTree !== undefined);
  await page.waitForFunction(() => window.__bakePlanner?.rpc.lastStatus.role === 'writer');
  const firstTree = await page.evaluate(() => (window as unknown as { __firstTree: TreeNode[] }).__firstTree);
  const opened = await call(page, 'pantry.ingredientTree');
  const { marks } = await startupMarks(page.workers()[0]!);
  return { page, firstTree, opened: opened as unknown as TreeNode[], marks };
}

test('a cold start gives the tree the last session remembered before SQLite has opened, and it is SQLite’s answer', async () => {
  const page = await openApp(profile.context, inject('baseUrl'));
  for (const name of ['Flour', 'Sugar']) await call(page, 'catalog.createIngredient', { name });
  await call(page, 'pantry.ingredientTree');
  await treeRemembered(page);
  await page.close();

  const start = await coldStartTree(null);
  expect(namesOf(start.firstTree)).toEqual(expect.arrayContaining(['Flour', 'Sugar']));
  expect(start.firstTree).toEqual(start.opened);
  expect(start.marks['answer-remembered']).toBeDefined();
  // The first reply left before the checkpoint's image was even opened in SQLite.
  expect(start.marks['first-reply']!).toBeLessThanOrEqual(start.marks['database-open']!);
  await start.page.close();
});

test('a change made after the answer was remembered, before it is read again: the next cold start’s tree shows the change', async () => {
  const page = await openApp(profile.context, inject('baseUrl'));
  await call(page, 'pantry.ingredientTree');
  await treeRemembered(page);
  await call(page, 'catalog.createIngredient', { name: 'Rye' }); // the tree is not read again
  await page.close();

  const start = await coldStartTree(null);
  expect(namesOf(start.firstTree)).toContain('Rye');
  expect(start.firstTree).toEqual(start.opened);
  await start.page.close();
});

test('a write asked for before the tree at a cold start comes first: the tree shows it', async () => {
  const page = await openApp(profile.context, inject('baseUrl'));
  await call(page, 'pantry.ingredientTree');
  await treeRemembered(page);
  await page.close();

  const start = await coldStartTree({ name: 'Spelt' });
  expect(namesOf(start.firstTree)).toContain('Spelt');
  expect(start.firstTree).toEqual(start.opened);
  expect(start.marks['answer-remembered']).toBeUndefined();
  await start.page.close();
});

test('one answer is kept per read: the dashboard remembered for a new day replaces the day before’s', async () => {
  const page = await openApp(profile.context, inject('baseUrl'));
  for (const today of ['2026-12-01', '2026-12-02', '2026-12-03']) await call(page, 'planning.dashboard', { today });
  const { lastSeq } = await call(page, 'system.storageStatus');
  await expect
    .poll(async () => (await rememberedAnswers(page)).filter((a) => a.key.startsWith('planning.dashboard ')), { timeout: 10_000 })
    .toEqual([{ key: 'planning.dashboard {"today":"2026-12-03"}', seq: lastSeq }]);
  await page.close();
});

test('once changes settle, the remembered reads are read again: the next cold start gives the tree from memory, with the change', async () => {
  const page = await openApp(profile.context, inject('baseUrl'));
  await call(page, 'pantry.ingredientTree');
  await treeRemembered(page);
  await call(page, 'catalog.createIngredient', { name: 'Oats' }); // the tree is not read again by the test
  await treeRemembered(page); // the writer reads it again by itself, 1.5 s after the last commit
  await page.close();

  const start = await coldStartTree(null);
  expect(namesOf(start.firstTree)).toContain('Oats');
  expect(start.firstTree).toEqual(start.opened);
  expect(start.marks['answer-remembered']).toBeDefined();
  expect(start.marks['first-reply']!).toBeLessThanOrEqual(start.marks['database-open']!);
  await start.page.close();
});

test('a repair gives a seq again, to another state: it forgets every remembered answer, so none is given for that state', async () => {
  const page = await openApp(profile.context, inject('baseUrl'));
  await call(page, 'catalog.createIngredient', { name: 'Barley' });
  await call(page, 'catalog.createIngredient', { name: 'Millet' });
  await call(page, 'pantry.ingredientTree');
  await treeRemembered(page); // at Millet's seq
  const { lastSeq: milletSeq } = await call(page, 'system.storageStatus');
  await corruptLogRecord(page, milletSeq);
  await page.close();

  // The opening sets Millet's damaged change aside; the next change is given Millet's seq. The tree is
  // not read in this session, so nothing remembers it again.
  const repaired = await openApp(profile.context, inject('baseUrl'));
  expect((await call(repaired, 'system.recoveryReport')).problems).toEqual([expect.objectContaining({ seq: milletSeq })]);
  await call(repaired, 'catalog.createIngredient', { name: 'Teff' });
  expect((await call(repaired, 'system.storageStatus')).lastSeq).toBe(milletSeq);
  await repaired.close();

  const start = await coldStartTree(null);
  expect(namesOf(start.firstTree)).toEqual(expect.arrayContaining(['Barley', 'Teff']));
  expect(namesOf(start.firstTree)).not.toContain('Millet');
  expect(start.firstTree).toEqual(start.opened);
  await start.page.close();
});

test('a plain reload: what the app asks before it draws a screen is answered before SQLite opens', async () => {
  const page = await openApp(profile.context, inject('baseUrl'));
  const { lastSeq } = await call(page, 'system.storageStatus');
  // The app itself asked these on opening (App.svelte); nothing here asks them.
  await expect
    .poll(async () => (await rememberedAnswers(page)).filter((a) => ['catalog.isEmpty null', 'settings.get null'].includes(a.key)), {
      timeout: 10_000,
    })
    .toEqual(expect.arrayContaining([{ key: 'catalog.isEmpty null', seq: lastSeq }, { key: 'settings.get null', seq: lastSeq }]));
  await page.reload();
  await page.waitForFunction(() => window.__bakePlanner?.rpc.lastStatus.role === 'writer');
  const { marks } = await startupMarks(page.workers()[0]!);
  expect(marks['answer-remembered']).toBeDefined();
  expect(marks['first-reply']!).toBeLessThanOrEqual(marks['database-open']!);
  await page.close();
});
