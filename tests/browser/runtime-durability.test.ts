/**
 * A baker saves something, sees "saved", and shuts the tab straight away.
 * The change must be there when the app is opened again: the worker only
 * acknowledges after IndexedDB has durably stored the commit.
 */
import { afterAll, beforeAll, describe, expect, inject, onTestFinished, test } from 'vitest';
import { CHECKPOINT_POLICY } from '../../src/persistence/policy';
import type { WorkerNotice } from '../../src/rpc/wire';
import { call, launch, notices, openApp, type Profile } from './helpers/browser';

let profile: Profile;
beforeAll(async () => (profile = await launch()));
afterAll(async () => profile?.remove());

describe('durable acknowledgement', () => {
  test('20 times: write, wait for the acknowledgement, close the tab at once, reopen: every write is there', async () => {
    const baseUrl = inject('baseUrl');
    const expected: Record<string, number> = {};
    for (let round = 1; round <= 20; round++) {
      const page = await openApp(profile.context, baseUrl);
      // Everything acknowledged in earlier rounds survived the abrupt close.
      expect(await call(page, 'system.touched')).toEqual(expected);
      const ack = await call(page, 'system.touch', { label: `flour bought, round ${round}`, value: round * 1.5 });
      expect(ack).toEqual({ label: `flour bought, round ${round}`, value: round * 1.5 });
      expected[`flour bought, round ${round}`] = round * 1.5;
      await page.close();
    }
    const last = await openApp(profile.context, baseUrl);
    expect(await call(last, 'system.touched')).toEqual(expected);
    await last.close();
  });

  test('a write acknowledged just before the browser itself goes away is there after a restart', async () => {
    const baseUrl = inject('baseUrl');
    const page = await openApp(profile.context, baseUrl);
    await call(page, 'system.touch', { label: 'sugar on hand (g)', value: 2500 });
    await profile.close();
    profile = await launch(profile.dir);
    const again = await openApp(profile.context, baseUrl);
    expect((await call(again, 'system.touched'))['sugar on hand (g)']).toBe(2500);
    await again.close();
  });

  test('a commit that cannot be written to the log is refused and undone in memory, never kept unsaved', async () => {
    const page = await openApp(profile.context, inject('baseUrl'));
    await call(page, 'system.touch', { label: 'rye flour (g)', value: 750 });
    // SQLite takes a BigInt, the log's encoding cannot: the commit happens in memory, then saving it fails.
    const outcome = await page.evaluate(async () => {
      const answer = window.__bakePlanner!.rpc.call('system.touch', { label: 'spelt (g)', value: BigInt(500) as unknown as number });
      const silence = new Promise((resolve) => setTimeout(() => resolve('no answer after 5 s'), 5_000));
      return Promise.race([answer.then(() => 'saved', (e: { code: string }) => e.code), silence]);
    });
    expect(outcome).toBe('STORAGE');
    // Memory went back to what is stored: the refused change is nowhere, the one before it is kept.
    expect(await call(page, 'system.touched')).toMatchObject({ 'rye flour (g)': 750 });
    expect(await call(page, 'system.touched')).not.toHaveProperty('spelt (g)');
    await page.close();
    const reopened = await openApp(profile.context, inject('baseUrl'));
    expect(await call(reopened, 'system.touched')).not.toHaveProperty('spelt (g)');
    await reopened.close();
  });

  test('a disk too full for a checkpoint but not for changes: the baker is not told saved changes were lost, and the checkpoint is not retried after every change', async () => {
    const own = await launch();
    onTestFinished(() => own.remove());
    const page = await openApp(own.context, inject('baseUrl'));
    // The new database's first checkpoint is written in the background after opening: on a busy
    // machine it can come after the disk is full and fail as a second problem (a full run saw two).
    await expect.poll(async () => (await call(page, 'system.storageStatus')).checkpoints).toHaveLength(1);
    // Small changes still fit on the disk; a whole-database checkpoint no longer does.
    await call(page, 'system.failNextWrite', { name: 'QuotaExceededError', write: 'checkpoint', times: 1_000 });
    const jars = CHECKPOINT_POLICY.forceCommits + 20;
    const acknowledged = await page.evaluate(async (n) => {
      let ok = 0;
      for (let i = 0; i < n; i++) {
        await window.__bakePlanner!.rpc.call('system.touch', { label: `jar of starter ${i}`, value: i });
        ok++;
      }
      return ok;
    }, jars);
    expect(acknowledged).toBe(jars);
    await page.waitForTimeout(CHECKPOINT_POLICY.idleMs * 2);
    const problems = (await notices(page)).filter((n) => n.type === 'problem');
    // One notice, and it says what happened: every change is saved; only the tidying-up failed.
    expect(problems).toHaveLength(1);
    const { error } = problems[0] as Extract<WorkerNotice, { type: 'problem' }>;
    expect(error.code).not.toBe('STORAGE_QUOTA');
    expect(error.message).not.toMatch(/not saved/);
    expect(error.message).toMatch(/every change you made is saved/i);
    await page.close();
    const reopened = await openApp(own.context, inject('baseUrl'));
    const touched = await call(reopened, 'system.touched');
    expect(Object.keys(touched)).toHaveLength(jars);
    expect(touched[`jar of starter ${jars - 1}`]).toBe(jars - 1);
    await reopened.close();
  });

  test('after a burst of writes and a pause, a background checkpoint folds them in and the log is pruned', async () => {
    const page = await openApp(profile.context, inject('baseUrl'));
    const burst = CHECKPOINT_POLICY.idleMinCommits + 10;
    const before = await call(page, 'system.storageStatus');
    for (let i = 0; i < burst; i++) await call(page, 'system.touch', { label: `egg ${i}`, value: i });
    const lastSeq = before.lastSeq + burst;
    // Nobody asks for it: the worker checkpoints on its own once idle.
    await expect
      .poll(async () => (await call(page, 'system.storageStatus')).checkpoints[0]?.upToSeq, { timeout: 20_000, interval: 250 })
      .toBe(lastSeq);
    const after = await call(page, 'system.storageStatus');
    expect(after.checkpoints).toHaveLength(2);
    // The log keeps only what the older of the two retained checkpoints does not cover.
    expect(after.log.records).toBe(lastSeq - after.checkpoints[1]!.upToSeq);
    await page.close();
    const reopened = await openApp(profile.context, inject('baseUrl'));
    expect((await call(reopened, 'system.touched'))[`egg ${burst - 1}`]).toBe(burst - 1);
    expect((await call(reopened, 'system.recoveryReport')).replayed).toBe(0);
  });
});
