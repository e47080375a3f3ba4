/**
 * The writer tab left in the background. The browser may freeze a hidden tab
 * (its worker with it) at any moment, and a tab the baker is using would then
 * wait for it. So a writer hidden for a few seconds hands the database over
 * to a tab on screen that asks it for something, and follows it when shown
 * again; writes in flight on either tab are each saved once. Hidden pages are
 * played with setHidden() and a frozen worker with keepWorkerBusy(): headless
 * Chromium ignores the Page Lifecycle emulation (see helpers/browser.ts).
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect, inject, test } from 'vitest';
import { HANDOVER_POLICY } from '../../src/persistence/policy';
import type { WorkerRole } from '../../src/rpc/wire';
import { call, keepWorkerBusy, launch, openApp, role, setHidden, waitForRole, writerLocks, type Profile } from './helpers/browser';

let profile: Profile;
beforeEach(async () => (profile = await launch()));
afterEach(async () => profile?.remove());

interface Outcome {
  name: string;
  ok: boolean;
  code?: string;
}

/**
 * Saves new ingredients in the page, `streams` at a time, until this tab's role has become `until`
 * and `after` more writes have been made (at most `max`). Every outcome is returned.
 */
function writeUntilRole(page: Page, prefix: string, until: WorkerRole, streams: number, after = 5, max = 3_000): Promise<Outcome[]> {
  return page.evaluate(
    async ([p, u, s, a, m]) => {
      const rpc = window.__bakePlanner!.rpc;
      const outcomes: { name: string; ok: boolean; code?: string }[] = [];
      let n = 0;
      let left = a;
      await Promise.all(
        Array.from({ length: s }, async () => {
          while (n < m && left > 0) {
            if (rpc.lastStatus.role === u) left--;
            const name = `${p} ${n++}`;
            try {
              await rpc.call('catalog.createIngredient', { name });
              outcomes.push({ name, ok: true });
            } catch (e) {
              outcomes.push({ name, ok: false, code: (e as { code: string }).code });
            }
          }
        }),
      );
      return outcomes;
    },
    [prefix, until, streams, after, max] as const,
  );
}

async function ingredientNames(page: Page): Promise<string[]> {
  return (await call(page, 'pantry.ingredientTree')).map((n) => n.name).sort();
}

test('a writer hidden for a few seconds hands over to the tab in use; writes in flight on both tabs are saved once; shown again, it follows', async () => {
  const baseUrl = inject('baseUrl');
  const kitchen = await openApp(profile.context, baseUrl);
  const phone = await openApp(profile.context, baseUrl);
  await waitForRole(kitchen, 'writer');
  await waitForRole(phone, 'follower');

  // The baker leaves the kitchen tab for the phone. Just hidden, the kitchen tab still saves for both.
  await setHidden(kitchen, true);
  await call(phone, 'catalog.createIngredient', { name: 'Bread flour' });
  expect(await role(kitchen)).toBe('writer');

  // The phone keeps saving, and the hidden kitchen tab too (a late reply, a timer), across the handover.
  const [fromPhone, fromKitchen] = await Promise.all([
    writeUntilRole(phone, 'Phone', 'writer', 2),
    writeUntilRole(kitchen, 'Kitchen', 'follower', 2),
  ]);
  expect(await role(phone)).toBe('writer');
  expect(await role(kitchen)).toBe('follower');
  expect(await writerLocks(phone)).toEqual({ held: 1, pending: 1 });

  // Nothing was refused: a background handover is invisible to the baker. Stored is exactly what was acknowledged.
  const outcomes = [...fromPhone, ...fromKitchen];
  expect(outcomes.filter((o) => !o.ok)).toEqual([]);
  expect(fromKitchen.length).toBeGreaterThan(5);
  const acknowledged = ['Bread flour', ...outcomes.map((o) => o.name)].sort();
  expect(await ingredientNames(phone)).toEqual(acknowledged);

  // The browser freezes the kitchen tab: the phone no longer depends on it and saves at once.
  const frozen = await keepWorkerBusy(kitchen, 4_000);
  const first = await Promise.race([
    call(phone, 'catalog.createIngredient', { name: 'Caster sugar' }).then(() => 'saved'),
    frozen.over.then(() => 'waited for the frozen tab'),
  ]);
  expect(first).toBe('saved');
  await frozen.over;

  // The kitchen tab is shown again: it saves through the phone, which keeps the database.
  await setHidden(kitchen, false);
  await call(kitchen, 'catalog.createIngredient', { name: 'Unsalted butter' });
  await kitchen.waitForTimeout(HANDOVER_POLICY.hiddenMs + 500);
  await call(kitchen, 'catalog.createIngredient', { name: 'Eggs' });
  expect(await role(kitchen)).toBe('follower');
  expect(await role(phone)).toBe('writer');

  // Durable: a tab opened after both closed finds every acknowledged write.
  const everything = [...acknowledged, 'Caster sugar', 'Unsalted butter', 'Eggs'].sort();
  await kitchen.close();
  await phone.close();
  const fresh = await openApp(profile.context, baseUrl);
  expect(await ingredientNames(fresh)).toEqual(everything);
});

test('a writer hidden only briefly keeps the database, and one nobody asks for keeps it however long it is hidden', async () => {
  const baseUrl = inject('baseUrl');
  const kitchen = await openApp(profile.context, baseUrl);
  const phone = await openApp(profile.context, baseUrl);
  await waitForRole(kitchen, 'writer');
  await waitForRole(phone, 'follower');

  // A quick look at another tab: the phone saves meanwhile, and the kitchen tab is back before the wait is up.
  await setHidden(kitchen, true);
  await call(phone, 'catalog.createIngredient', { name: 'Bread flour' });
  await setHidden(kitchen, false);
  await kitchen.waitForTimeout(HANDOVER_POLICY.hiddenMs + 500);
  await call(phone, 'catalog.createIngredient', { name: 'Caster sugar' });
  expect(await role(kitchen)).toBe('writer');
  expect(await role(phone)).toBe('follower');

  // Hidden for long, but the other tab is in the background too: nobody on screen asks, nothing moves.
  await setHidden(kitchen, true);
  await setHidden(phone, true);
  await kitchen.waitForTimeout(HANDOVER_POLICY.hiddenMs + 500);
  await call(phone, 'catalog.createIngredient', { name: 'Unsalted butter' });
  expect(await role(kitchen)).toBe('writer');
  expect(await role(phone)).toBe('follower');
  expect(await ingredientNames(phone)).toEqual(['Bread flour', 'Caster sugar', 'Unsalted butter']);
});
