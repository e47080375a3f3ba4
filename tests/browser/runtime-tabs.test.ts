/**
 * Two tabs of the app open at once. Exactly one tab's worker holds the
 * database (the Web Locks writer); the other forwards its requests. Both can
 * write and nothing is lost; when the writer tab closes, the other one takes
 * over without a reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { call, launch, openApp, rpc, role, waitForRole, type Profile } from './helpers/browser';

let profile: Profile;
beforeAll(async () => (profile = await launch()));
afterAll(async () => profile?.remove());

function writerLocks(page: Page): Promise<{ held: number; pending: number }> {
  return page.evaluate(async () => {
    const state = await navigator.locks.query();
    const mine = (l: LockInfo) => l.name === 'bake-planner-writer';
    return { held: (state.held ?? []).filter(mine).length, pending: (state.pending ?? []).filter(mine).length };
  });
}

test('two tabs both writing: one writer, no write lost, and the other tab takes over when the writer closes', async () => {
  const baseUrl = inject('baseUrl');
  const kitchen = await openApp(profile.context, baseUrl);
  const phone = await openApp(profile.context, baseUrl);
  await waitForRole(kitchen, 'writer');
  await waitForRole(phone, 'follower');
  expect(await writerLocks(kitchen)).toEqual({ held: 1, pending: 1 });

  // 15 purchases recorded from each tab, interleaved.
  await Promise.all(
    Array.from({ length: 15 }, (_, i) => [
      call(kitchen, 'system.touch', { label: `kitchen ${i}`, value: i }),
      call(phone, 'system.touch', { label: `phone ${i}`, value: 100 + i }),
    ]).flat(),
  );
  const both = await call(phone, 'system.touched');
  expect(Object.keys(both)).toHaveLength(30);
  expect(both['kitchen 14']).toBe(14);
  expect(both['phone 14']).toBe(114);
  expect(await call(kitchen, 'system.touched')).toEqual(both);

  // The phone tab keeps writing while the kitchen tab (the writer) is closed under it.
  const inFlight = Array.from({ length: 10 }, (_, i) => rpc(phone, 'system.touch', { label: `during handover ${i}`, value: i }));
  await kitchen.close();
  const outcomes = await Promise.all(inFlight);
  await waitForRole(phone, 'writer');
  expect(await writerLocks(phone)).toEqual({ held: 1, pending: 0 });

  // Each write either succeeded (and is stored) or was answered plainly with WRITER_CHANGED, saying
  // whether it had been saved (it then is) or could not be told: none vanished silently.
  const after = await call(phone, 'system.touched');
  outcomes.forEach((outcome, i) => {
    if (outcome.ok) {
      expect(after[`during handover ${i}`]).toBe(i);
    } else {
      expect(outcome.error.code).toBe('WRITER_CHANGED');
      if (outcome.error.details?.applied === true) expect(after[`during handover ${i}`]).toBe(i);
    }
  });
  for (const [label, value] of Object.entries(both)) expect(after[label]).toBe(value);

  // The new writer serves new writes, and a tab opened now follows it.
  await call(phone, 'system.touch', { label: 'after handover', value: 1 });
  const laptop = await openApp(profile.context, baseUrl);
  expect(await role(laptop)).toBe('follower');
  expect((await call(laptop, 'system.touched'))['after handover']).toBe(1);
  expect(await writerLocks(laptop)).toEqual({ held: 1, pending: 1 });

  // And everything acknowledged is durable: a fresh tab after all others closed sees it.
  const finalState = await call(laptop, 'system.touched');
  await phone.close();
  await laptop.close();
  const fresh = await openApp(profile.context, baseUrl);
  expect(await call(fresh, 'system.touched')).toEqual(finalState);
});

test('a change made in one tab is announced to the other so its screens refresh', async () => {
  const baseUrl = inject('baseUrl');
  const first = await openApp(profile.context, baseUrl);
  const second = await openApp(profile.context, baseUrl);
  await call(first, 'system.touch', { label: 'butter (g)', value: 454 });
  await second.waitForFunction(() =>
    window.__bakePlanner!.notices.some((n) => n.type === 'changed' && n.tables.includes('test_hook_touches')),
  );
  await first.close();
  await second.close();
});
