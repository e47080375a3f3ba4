/**
 * An update reaches one tab while others still run the previous version.
 * Two real builds of this code that differ only in their version (the next
 * one built with VITE_APP_VERSION, served under /next/ on the same origin)
 * share IndexedDB, the writer lock and the tabs' channel. The newer tab asks
 * the older writer to hand over, takes the lock and serves; the older tabs
 * finish what they were doing, refuse the rest with APP_UPDATED and ask the
 * baker to reload. Every write in flight is saved once or refused plainly.
 * Service workers are blocked here: each build's would claim the other's pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { appUrl, call, launch, openApp, rpc, waitForRole, waitForWorker, writerLocks, type Profile } from './helpers/browser';
import { buildApp } from './helpers/server';

const current = (JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;
const [major, minor] = current.split('.').map(Number) as [number, number];
const NEXT_VERSION = `${major}.${minor + 1}.0`;

let profile: Profile;
let nextUrl: string;
beforeAll(() => {
  buildApp('test-hooks', { outDir: join(inject('buildDir'), 'next'), base: '/next/', version: NEXT_VERSION });
  nextUrl = new URL('next/', inject('baseUrl')).href;
});
beforeAll(async () => (profile = await launch(undefined, { serviceWorkers: 'block' })));
afterAll(async () => profile?.remove());

interface Outcome {
  name: string;
  ok: boolean;
  code?: string;
}

/**
 * Starts `streams` chains of new ingredients in the page, each going on until it is refused with
 * APP_UPDATED (at most `max` writes). Outcomes collect in window.__outcomes; the promise settles
 * when every chain has stopped.
 */
function writeUntilRefused(page: Page, prefix: string, streams: number, max = 2_000): Promise<Outcome[]> {
  return page.evaluate(
    async ([p, s, m]) => {
      const rpc = window.__bakePlanner!.rpc;
      const outcomes: { name: string; ok: boolean; code?: string }[] = [];
      (window as unknown as { __outcomes: typeof outcomes }).__outcomes = outcomes;
      let n = 0;
      await Promise.all(
        Array.from({ length: s }, async () => {
          for (let i = 0; i < m; i++) {
            const name = `${p} ${n++}`;
            try {
              await rpc.call('catalog.createIngredient', { name });
              outcomes.push({ name, ok: true });
            } catch (e) {
              const code = (e as { code: string }).code;
              outcomes.push({ name, ok: false, code });
              if (code === 'APP_UPDATED') return;
            }
          }
        }),
      );
      return outcomes;
    },
    [prefix, streams, max] as const,
  );
}

async function ingredientNames(page: Page): Promise<string[]> {
  return (await call(page, 'pantry.ingredientTree')).map((n) => n.name);
}

test('a tab on the new version takes over from the older writer; writes in flight on every tab are saved once or refused plainly, and the old tabs ask for a reload', async () => {
  const kitchen = await openApp(profile.context, inject('baseUrl'));
  const phone = await openApp(profile.context, inject('baseUrl'));
  await waitForRole(kitchen, 'writer');
  await waitForRole(phone, 'follower');
  await call(kitchen, 'catalog.createIngredient', { name: 'Bread flour' });

  // Both old tabs keep saving, three writes at a time each, while the new version opens.
  const kitchenWrites = writeUntilRefused(kitchen, 'Kitchen', 3);
  const phoneWrites = writeUntilRefused(phone, 'Phone', 3);
  await kitchen.waitForFunction(() => (window as unknown as { __outcomes: unknown[] }).__outcomes.length >= 10);

  // The laptop opens the new version and saves at once, before its tab has the lock.
  const laptop = await profile.context.newPage();
  await laptop.goto(appUrl(nextUrl));
  await laptop.waitForFunction(() => window.__bakePlanner !== undefined);
  const laptopWrites = Promise.all(
    Array.from({ length: 10 }, (_, i) => rpc(laptop, 'catalog.createIngredient', { name: `Laptop ${i}` })),
  );

  await waitForRole(laptop, 'writer');
  const outcomes = [...(await kitchenWrites), ...(await phoneWrites)];
  const fromLaptop = await laptopWrites;

  // The new tab's writes all went through; no old tab's write was refused for any other reason.
  expect(fromLaptop.filter((o) => !o.ok)).toEqual([]);
  expect(outcomes.filter((o) => !o.ok && o.code !== 'APP_UPDATED')).toEqual([]);
  for (const prefix of ['Kitchen', 'Phone']) {
    const mine = outcomes.filter((o) => o.name.startsWith(prefix));
    expect(mine.filter((o) => o.ok).length).toBeGreaterThan(0);
    expect(mine.filter((o) => o.code === 'APP_UPDATED').length).toBe(3);
  }
  // Stored is exactly what was acknowledged: nothing refused slipped in, nothing acknowledged is missing.
  const stored = (await ingredientNames(laptop)).sort();
  const acknowledged = [
    'Bread flour',
    ...outcomes.filter((o) => o.ok).map((o) => o.name),
    ...Array.from({ length: 10 }, (_, i) => `Laptop ${i}`),
  ].sort();
  expect(stored).toEqual(acknowledged);

  // One writer, the new one; the old tabs no longer wait for the lock.
  expect(await writerLocks(laptop)).toEqual({ held: 1, pending: 0 });
  expect((await call(laptop, 'system.storageStatus')).role).toBe('writer');

  // The old tabs say so and refuse anything more, changing nothing.
  for (const old of [kitchen, phone]) {
    await waitForRole(old, 'outdated');
    const banner = old.getByRole('alert').filter({ hasText: 'Bake Planner was updated in another tab' });
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Reload' }).waitFor();
    const refused = await rpc(old, 'catalog.createIngredient', { name: 'Typed in an old tab' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'APP_UPDATED', message: expect.stringMatching(/updated in another tab — Reload.*Nothing was changed/) } });
  }
  expect(await ingredientNames(laptop)).not.toContain('Typed in an old tab');

  // A tab of the old version opened now is told to reload, and changes nothing either.
  const late = await profile.context.newPage();
  await late.goto(appUrl(inject('baseUrl')));
  await waitForRole(late, 'outdated');
  expect(await rpc(late, 'catalog.createIngredient', { name: 'Typed in a late old tab' })).toMatchObject({
    ok: false,
    error: { code: 'APP_UPDATED' },
  });
  expect(await writerLocks(laptop)).toEqual({ held: 1, pending: 0 });

  // Reload reloads (here onto the old build again, as no service worker serves the new one).
  await Promise.all([kitchen.waitForEvent('load'), kitchen.getByRole('button', { name: 'Reload' }).click()]);

  // All of it is durable: the new version opened afresh finds every acknowledged write.
  for (const page of profile.context.pages()) await page.close();
  const fresh = await profile.context.newPage();
  await fresh.goto(`${appUrl(nextUrl)}#/settings`);
  await waitForWorker(fresh);
  expect((await ingredientNames(fresh)).sort()).toEqual(acknowledged);
  expect((await call(fresh, 'system.recoveryReport')).problems).toEqual([]);
  // It is the other build: Settings names its version.
  const about = fresh.getByRole('region', { name: 'About' });
  await about.getByText(NEXT_VERSION, { exact: true }).waitFor();
  await fresh.close();
});
