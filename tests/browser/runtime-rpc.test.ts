/**
 * The page <-> worker contract as the UI experiences it: calls made while
 * the database is still opening simply wait; errors arrive as typed values
 * with a code and a readable message; a backup file crosses in both
 * directions by transfer, not copy; Settings can ask each tab's role.
 */
import { afterAll, beforeAll, expect, inject, onTestFinished, test } from 'vitest';
import { SCHEMA_VERSION } from '../../src/db/migrations';
import { appUrl, call, launch, onClientReady, openApp, role, rpc, type Profile } from './helpers/browser';

let profile: Profile;
beforeAll(async () => (profile = await launch()));
afterAll(async () => profile?.remove());

test('a call made before the worker has opened the database waits and then answers', async () => {
  const page = await profile.context.newPage();
  // The moment the client exists, ask for something, noting the worker's role then.
  await onClientReady(
    page,
    `window.__early = { roleAtCall: rpc.lastStatus.role };
     rpc.call('system.info').then((info) => (window.__early.info = info));`,
  );
  await page.goto(appUrl(inject('baseUrl')));
  await page.waitForFunction(() => (window as unknown as { __early?: { info?: unknown } }).__early?.info !== undefined);
  const early = await page.evaluate(() => (window as unknown as { __early: unknown }).__early);
  expect(early).toEqual({ roleAtCall: 'starting', info: { schemaVersion: SCHEMA_VERSION, driver: 'sqljs' } });
  await page.close();
});

test('errors cross as typed values with a code, a readable message and details', async () => {
  const page = await openApp(profile.context, inject('baseUrl'));
  const unknown = await rpc(page, 'system.nonexistent' as 'system.ping');
  expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Unknown request "system.nonexistent".' } });
  // Names every JavaScript object answers to are not requests either (and must not leave the page waiting).
  const inherited = await page.evaluate(async () => {
    const client = window.__bakePlanner!.rpc as unknown as { call(method: string): Promise<unknown> };
    const answers: [string, string][] = [];
    for (const method of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      const silence = new Promise<string>((resolve) => setTimeout(() => resolve('no answer after 3 s'), 3_000));
      answers.push([method, await Promise.race([client.call(method).then(() => 'answered', (e: { code: string }) => e.code), silence])]);
    }
    return answers;
  });
  expect(inherited).toEqual([
    ['constructor', 'UNKNOWN_METHOD'],
    ['toString', 'UNKNOWN_METHOD'],
    ['hasOwnProperty', 'UNKNOWN_METHOD'],
    ['__proto__', 'UNKNOWN_METHOD'],
  ]);
  const notADatabase = await page.evaluate(async () => {
    try {
      await window.__bakePlanner!.rpc.call('system.restoreFile', { file: new TextEncoder().encode('my shopping list') });
      return null;
    } catch (e) {
      const error = e as { name: string; code: string; message: string; details: Record<string, unknown> };
      return { name: error.name, code: error.code, message: error.message, details: error.details };
    }
  });
  expect(notADatabase).toEqual({
    name: 'AppError',
    code: 'IMPORT',
    message: 'This file is not a Bake Planner database (SQLite) file.',
    details: { field: 'file' },
  });
  await page.close();
});

test('a backup file is transferred both ways, and restoring it brings the saved state back', async () => {
  const page = await openApp(profile.context, inject('baseUrl'));
  await call(page, 'system.touch', { label: 'flour (g)', value: 1000 });
  const outcome = await page.evaluate(async () => {
    const rpc = window.__bakePlanner!.rpc;
    const file = await rpc.call('system.exportFile');
    const header = new TextDecoder().decode(file.subarray(0, 15));
    await rpc.call('system.touch', { label: 'flour (g)', value: 250 });
    const bytes = file.byteLength;
    const restored = await rpc.call('system.restoreFile', { file });
    return { header, bytes, restored, afterSend: file.byteLength };
  });
  expect(outcome.header).toBe('SQLite format 3');
  expect(outcome.restored).toEqual({ schemaVersion: SCHEMA_VERSION, bytes: outcome.bytes });
  // The page gave the buffer away: it is empty on this side after the call.
  expect(outcome.afterSend).toBe(0);
  expect(await call(page, 'system.touched')).toEqual({ 'flour (g)': 1000 });
  // The restore is durable like any commit.
  await page.close();
  const reopened = await openApp(profile.context, inject('baseUrl'));
  expect(await call(reopened, 'system.touched')).toEqual({ 'flour (g)': 1000 });
  await reopened.close();
});

test('Settings learns each tab’s role and the storage figures from the writer', async () => {
  const writer = await openApp(profile.context, inject('baseUrl'));
  const follower = await openApp(profile.context, inject('baseUrl'));
  const mine = await call(writer, 'system.storageStatus');
  const theirs = await call(follower, 'system.storageStatus');
  expect(mine.role).toBe('writer');
  expect(theirs.role).toBe('follower');
  expect(theirs.lastSeq).toBe(mine.lastSeq);
  expect(mine.lastSeq).toBeGreaterThan(0);
  expect(mine.databaseBytes).toBeGreaterThan(0);
  expect(mine.recovery.problems).toEqual([]);
  await writer.close();
  await follower.close();
});

test('test-only requests stay locked in a production tab, even when asked through a test tab that forwards to it', async () => {
  const own = await launch();
  onTestFinished(() => own.remove());
  // The baker's own tab, opened normally, is the writer.
  const baker = await own.context.newPage();
  await baker.goto(inject('baseUrl'));
  await baker.waitForFunction(async () => ((await navigator.locks.query()).held ?? []).some((l) => l.name === 'bake-planner-writer'));
  expect(await baker.evaluate(() => window.__bakePlanner)).toBeUndefined();
  // A second tab opened with ?test-hooks follows it and forwards its requests.
  const probe = await openApp(own.context, inject('baseUrl'));
  expect(await role(probe)).toBe('follower');
  for (const method of ['system.touch', 'system.touched', 'system.failNextWrite', 'system.dropConnection', 'system.setCommitMode'] as const) {
    const params = { label: 'x', value: 1, name: 'QuotaExceededError', mode: 'full-image' } as never;
    expect(await rpc(probe, method, params)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  }
});


test('the worker’s main code cannot be loaded (a new version removed it while the tab was open): every request is answered with what to do, none waits', async () => {
  // No service worker, so the route below sees the worker's own requests.
  const bare = await launch(undefined, { serviceWorkers: 'block' });
  onTestFinished(() => bare.remove());
  await bare.context.route(/\/assets\/tab-[^/]+\.js$/, (route) => route.abort());
  const page = await bare.context.newPage();
  await page.goto(appUrl(inject('baseUrl')));
  const answer = await page.evaluate(() =>
    window.__bakePlanner!.rpc.call('system.info').then(
      () => 'answered',
      (e: { code: string; message: string }) => `${e.code}: ${e.message}`,
    ),
  );
  expect(answer).toBe(
    'APP_UPDATED: Bake Planner could not finish loading: part of it is missing, usually because a new version was installed while this tab was open. Reload the page to carry on. Nothing was changed.',
  );
  const banner = page.getByRole('alert').filter({ hasText: 'Bake Planner needs a reload' });
  await expect.poll(() => banner.isVisible()).toBe(true);
  await expect.poll(() => banner.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
});
