/**
 * Two tabs of the app open at once. Exactly one tab's worker holds the
 * database (the Web Locks writer); the other forwards its requests. Both can
 * write and nothing is lost; when the writer tab closes, the other one takes
 * over without a reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, onTestFinished, test } from 'vitest';
import { call, launch, openApp, rpc, role, waitForRole, writerLocks, type Profile } from './helpers/browser';

let profile: Profile;
beforeAll(async () => (profile = await launch()));
afterAll(async () => profile?.remove());

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

/**
 * A stand-in for a third tab's worker, run on a page's main thread: it speaks the tabs' channel
 * protocol directly (src/worker/channel.ts), so a test can lose a reply on purpose and resend the
 * request after a handover exactly as a follower does.
 */
async function startStandIn(page: Page, id: string): Promise<void> {
  await page.evaluate((me) => {
    const channel = new BroadcastChannel('bake-planner-rpc');
    const state = { channel, writers: [] as { writerId: string; seq: number; version: string }[], responses: [] as unknown[] };
    channel.onmessage = (event: MessageEvent) => {
      const m = event.data as { type: string; to?: string; writerId: string; seq: number; version: string };
      if (m.type === 'writer') state.writers.push({ writerId: m.writerId, seq: m.seq, version: m.version });
      if (m.type === 'response' && m.to === me) state.responses.push(m);
    };
    (window as unknown as { __standIn: typeof state }).__standIn = state;
    channel.postMessage({ type: 'hello', from: me });
  }, id);
}

/** Waits for the stand-in to know a writer other than `not`; returns its id, seq and app version (the stand-in's own). */
async function standInWriter(page: Page, not?: string): Promise<{ writerId: string; seq: number; version: string }> {
  const handle = await page.waitForFunction((previous) => {
    const writers = (window as unknown as { __standIn: { writers: { writerId: string; seq: number; version: string }[] } }).__standIn.writers;
    return writers.filter((w) => w.writerId !== previous).at(-1) ?? false;
  }, not ?? null);
  return (await handle.jsonValue()) as { writerId: string; seq: number; version: string };
}

test('a backup restored through another tab, whose reply was lost in a handover, is not restored a second time over later changes', async () => {
  const baseUrl = inject('baseUrl');
  // Its own browser profile: no tab left open by another test may hold the writer lock.
  const own = await launch();
  onTestFinished(() => own.remove());
  const kitchen = await openApp(own.context, baseUrl);
  const phone = await openApp(own.context, baseUrl);
  await waitForRole(kitchen, 'writer');
  await waitForRole(phone, 'follower');
  await call(kitchen, 'system.touch', { label: 'flour in the backup (g)', value: 1000 });
  const backup = await kitchen.evaluate(async () => [...(await window.__bakePlanner!.rpc.call('system.exportFile'))]);

  // The tablet restores the backup through the kitchen tab (the writer); it is saved and answered.
  await startStandIn(phone, 'tablet');
  const first = await standInWriter(phone);
  const restored = await phone.evaluate(
    async ({ writerId, version, file }) => {
      const standIn = (window as unknown as { __standIn: { channel: BroadcastChannel; responses: { key: string; response: { ok: boolean } }[] } }).__standIn;
      const request = { kind: 'request', id: 1, method: 'system.restoreFile', params: { file: new Uint8Array(file) } };
      standIn.channel.postMessage({ type: 'request', from: 'tablet', to: writerId, key: 'tablet:1', request, version, visible: true });
      for (let waited = 0; waited < 10_000 && standIn.responses.length === 0; waited += 20) await new Promise((r) => setTimeout(r, 20));
      return standIn.responses[0]?.response.ok;
    },
    { writerId: first.writerId, version: first.version, file: backup },
  );
  expect(restored).toBe(true);

  // After the restore the baker records butter in the kitchen: acknowledged, so it must stay.
  await call(kitchen, 'system.touch', { label: 'butter bought after the restore (g)', value: 250 });

  // The kitchen tab closes; the phone takes over. Had the tablet not heard the reply, it resends the
  // restore as a retry, with the last seq it had seen before sending it.
  await kitchen.close();
  await waitForRole(phone, 'writer');
  const second = await standInWriter(phone, first.writerId);
  const retry = await phone.evaluate(
    async ({ writerId, version, afterSeq, file }) => {
      const standIn = (window as unknown as { __standIn: { channel: BroadcastChannel; responses: { key: string; response: unknown }[] } }).__standIn;
      const request = { kind: 'request', id: 1, method: 'system.restoreFile', params: { file: new Uint8Array(file) } };
      standIn.channel.postMessage({ type: 'request', from: 'tablet', to: writerId, key: 'tablet:1', request, version, visible: true, retryAfterSeq: afterSeq });
      for (let waited = 0; waited < 10_000 && standIn.responses.length < 2; waited += 20) await new Promise((r) => setTimeout(r, 20));
      return standIn.responses[1]?.response;
    },
    { writerId: second.writerId, version: second.version, afterSeq: first.seq, file: backup },
  );
  // The new writer finds the restore in the log: it says it was saved instead of running it again.
  expect(retry).toMatchObject({ ok: false, error: { code: 'WRITER_CHANGED', details: { applied: true } } });
  expect(await call(phone, 'system.touched')).toMatchObject({
    'flour in the backup (g)': 1000,
    'butter bought after the restore (g)': 250,
  });
  await phone.close();
});
