/**
 * What the app does with storage a crash or a bad disk left behind. Each
 * scenario writes real data through the app, damages IndexedDB the way the
 * failure would, reopens the app, and checks three things: every change
 * committed before the damage is there, nothing damaged was applied, and the
 * baker is told plainly (a 'problem' notice and the recovery report).
 */
import { afterEach, beforeEach, expect, inject, test } from 'vitest';
import { SCHEMA_VERSION } from '../../src/db/migrate';
import { appUrl, call, launch, notices, openApp, rpc, waitForWorker, type Profile } from './helpers/browser';
import { corruptLogRecord, countRecords, restorePruned, saveStores, storeImagesAsBytes, tearNewestCheckpoint } from './helpers/idb';

let profile: Profile;
beforeEach(async () => (profile = await launch()));
afterEach(async () => profile?.remove());

test('a corrupted log record is set aside with a clear report; every change before it is kept', async () => {
  const baseUrl = inject('baseUrl');
  const page = await openApp(profile.context, baseUrl);
  // Four saved changes after the database's own (its schema): flour 1000 g, sugar 500 g, butter 250 g, eggs 12.
  const { lastSeq: opened } = await call(page, 'system.storageStatus');
  await call(page, 'system.touch', { label: 'flour', value: 1000 });
  await call(page, 'system.touch', { label: 'sugar', value: 500 });
  await call(page, 'system.touch', { label: 'butter', value: 250 });
  await call(page, 'system.touch', { label: 'eggs', value: 12 });
  const butterSeq = opened + 3;
  await corruptLogRecord(page, butterSeq);
  await page.close();

  const reopened = await openApp(profile.context, baseUrl);
  expect(await call(reopened, 'system.touched')).toEqual({ flour: 1000, sugar: 500 });
  const report = await call(reopened, 'system.recoveryReport');
  expect(report.problems).toEqual([expect.objectContaining({ kind: 'log-corrupt', seq: butterSeq })]);
  expect(report.quarantined).toEqual({ log: 2, checkpoints: 0 });
  expect(report.summary).toMatch(new RegExp(`saved change ${butterSeq} could not be used.*everything saved before it is intact`));
  await reopened.waitForFunction(() => window.__bakePlanner!.notices.some((n) => n.type === 'problem'));
  const problem = (await notices(reopened)).find((n) => n.type === 'problem');
  expect(problem).toMatchObject({ error: { code: 'CORRUPT_RECORD', message: report.summary } });
  // The damaged record and the one after it are kept aside, not deleted.
  expect((await call(reopened, 'system.storageStatus')).quarantined).toBe(2);

  // The app carries on: a new change is saved and survives another reopening, with no second report.
  await call(reopened, 'system.touch', { label: 'milk', value: 1 });
  await reopened.close();
  const third = await openApp(profile.context, baseUrl);
  expect(await call(third, 'system.touched')).toEqual({ flour: 1000, sugar: 500, milk: 1 });
  expect((await call(third, 'system.recoveryReport')).problems).toEqual([]);
  expect((await countRecords(third)).quarantine).toBe(2);
});

test('an interrupted checkpoint is skipped: the previous checkpoint plus the log rebuild everything', async () => {
  const baseUrl = inject('baseUrl');
  const page = await openApp(profile.context, baseUrl);
  await call(page, 'system.touch', { label: 'flour', value: 1000 });
  const earlier = await call(page, 'system.checkpoint');
  await call(page, 'system.touch', { label: 'sugar', value: 500 });
  const torn = await call(page, 'system.checkpoint');
  await call(page, 'system.touch', { label: 'butter', value: 250 });
  expect(await tearNewestCheckpoint(page)).toBe(torn!.id);
  await page.close();

  const reopened = await openApp(profile.context, baseUrl);
  expect(await call(reopened, 'system.touched')).toEqual({ flour: 1000, sugar: 500, butter: 250 });
  const report = await call(reopened, 'system.recoveryReport');
  expect(report.problems).toEqual([expect.objectContaining({ kind: 'checkpoint-corrupt', checkpointId: torn!.id })]);
  expect(report.checkpoint!.upToSeq).toBe(earlier!.upToSeq);
  expect(report.replayed).toBe(2);
  expect(report.summary).toMatch(/damaged checkpoint was skipped.*earlier checkpoint plus the change log/);
  // Recovery anchors the rebuilt state in a fresh checkpoint, written in the background; the torn one is in quarantine.
  await expect.poll(async () => (await call(reopened, 'system.storageStatus')).checkpoints[0]?.upToSeq).toBe(earlier!.upToSeq + 2);
  expect((await call(reopened, 'system.storageStatus')).quarantined).toBe(1);
  // Set aside with the bytes it was found with (the first half of the image; stored as a Blob, read back as bytes).
  expect(await call(reopened, 'system.quarantined')).toEqual([
    expect.objectContaining({ source: 'checkpoint', checkpointId: torn!.id, bytes: torn!.bytes >> 1 }),
  ]);
});

test('the newest checkpoint torn and a change it covered damaged too: everything before that change is kept, both are set aside', async () => {
  const baseUrl = inject('baseUrl');
  const page = await openApp(profile.context, baseUrl);
  await call(page, 'system.touch', { label: 'flour', value: 1000 });
  const earlier = await call(page, 'system.checkpoint');
  await call(page, 'system.touch', { label: 'sugar', value: 500 });
  await call(page, 'system.touch', { label: 'butter', value: 250 });
  const butterSeq = earlier!.upToSeq + 2;
  const torn = await call(page, 'system.checkpoint');
  await call(page, 'system.touch', { label: 'eggs', value: 12 });
  // Butter's change is inside the newest checkpoint, so only that checkpoint could stand in for it: both fail.
  expect(await tearNewestCheckpoint(page)).toBe(torn!.id);
  await corruptLogRecord(page, butterSeq);
  await page.close();

  const reopened = await openApp(profile.context, baseUrl);
  expect(await call(reopened, 'system.touched')).toEqual({ flour: 1000, sugar: 500 });
  const report = await call(reopened, 'system.recoveryReport');
  expect(report.problems).toEqual([
    expect.objectContaining({ kind: 'checkpoint-corrupt', checkpointId: torn!.id }),
    expect.objectContaining({ kind: 'log-corrupt', seq: butterSeq }),
  ]);
  expect(report.quarantined).toEqual({ log: 2, checkpoints: 1 });
  // New changes continue after sugar's and survive the next opening, with nothing more set aside.
  await call(reopened, 'system.touch', { label: 'milk', value: 1 });
  await reopened.close();
  const third = await openApp(profile.context, baseUrl);
  expect(await call(third, 'system.touched')).toEqual({ flour: 1000, sugar: 500, milk: 1 });
  expect((await call(third, 'system.recoveryReport')).problems).toEqual([]);
  expect((await countRecords(third)).quarantine).toBe(3);
});

test('in the first weeks (one checkpoint, the whole log kept) a damaged checkpoint loses nothing: the log alone rebuilds the pantry', async () => {
  const baseUrl = inject('baseUrl');
  const page = await openApp(profile.context, baseUrl);
  // A new baker enters three ingredients; too few changes for a background checkpoint yet.
  const flour = await call(page, 'catalog.createIngredient', { name: 'Bread flour' });
  const sugar = await call(page, 'catalog.createIngredient', { name: 'Caster sugar' });
  const butter = await call(page, 'catalog.createIngredient', { name: 'Unsalted butter' });
  // Its one checkpoint is the database as first opened, written in the background.
  await expect.poll(async () => (await call(page, 'system.storageStatus')).checkpoints).toHaveLength(1);
  const status = await call(page, 'system.storageStatus');
  expect(status.log.records).toBe(status.lastSeq);
  // The one checkpoint (the database as first opened) is then torn on disk.
  const torn = await tearNewestCheckpoint(page);
  await page.close();

  const reopened = await openApp(profile.context, baseUrl);
  const report = await call(reopened, 'system.recoveryReport');
  expect(report.problems).toEqual([expect.objectContaining({ kind: 'checkpoint-corrupt', checkpointId: torn })]);
  // Every change the baker saw saved is back; none of the log was set aside.
  expect(report.quarantined).toEqual({ log: 0, checkpoints: 1 });
  for (const saved of [flour, sugar, butter]) {
    expect((await call(reopened, 'catalog.getIngredient', { id: saved.id })).name).toBe(saved.name);
  }
});

test('a crash between writing a checkpoint and pruning the log loses nothing and is tidied up later', async () => {
  const baseUrl = inject('baseUrl');
  const page = await openApp(profile.context, baseUrl);
  await call(page, 'system.touch', { label: 'flour', value: 1000 });
  await call(page, 'system.checkpoint');
  await call(page, 'system.touch', { label: 'sugar', value: 500 });
  await saveStores(page);
  const newest = await call(page, 'system.checkpoint'); // keeps 2 checkpoints, prunes the oldest and the log it covered
  await call(page, 'system.touch', { label: 'butter', value: 250 });
  // Put back what the prune removed: storage as if the tab died right after the checkpoint was written.
  expect(await restorePruned(page)).toEqual({ checkpoints: 1, log: 1 });
  await page.close();

  const reopened = await openApp(profile.context, baseUrl);
  expect(await call(reopened, 'system.touched')).toEqual({ flour: 1000, sugar: 500, butter: 250 });
  const report = await call(reopened, 'system.recoveryReport');
  expect(report.problems).toEqual([]);
  expect(report.checkpoint!.upToSeq).toBe(newest!.upToSeq);
  expect(report.replayed).toBe(1);
  expect((await countRecords(reopened)).checkpoints).toBe(3);
  // The next checkpoint keeps only itself and the one it replaces.
  await call(reopened, 'system.checkpoint');
  expect(await countRecords(reopened)).toEqual({ checkpoints: 2, log: 1, quarantine: 0 });
});

test('checkpoints written by an earlier build (the image stored as bytes, not a Blob) open as before and are still checked', async () => {
  const baseUrl = inject('baseUrl');
  const page = await openApp(profile.context, baseUrl);
  await call(page, 'system.touch', { label: 'flour', value: 1000 });
  await call(page, 'system.checkpoint');
  await call(page, 'system.touch', { label: 'sugar', value: 500 });
  const newest = await call(page, 'system.checkpoint');
  await call(page, 'system.touch', { label: 'butter', value: 250 });
  expect(await storeImagesAsBytes(page)).toBe(2);
  await page.close();

  const reopened = await openApp(profile.context, baseUrl);
  expect(await call(reopened, 'system.touched')).toEqual({ flour: 1000, sugar: 500, butter: 250 });
  const report = await call(reopened, 'system.recoveryReport');
  expect(report.problems).toEqual([]);
  expect(report.checkpoint!.upToSeq).toBe(newest!.upToSeq);
  expect(report.replayed).toBe(1);

  // An old-format image torn in half is caught by its check like a new one: the previous checkpoint takes over.
  await tearNewestCheckpoint(reopened);
  await reopened.close();
  const third = await openApp(profile.context, baseUrl);
  expect(await call(third, 'system.touched')).toEqual({ flour: 1000, sugar: 500, butter: 250 });
  expect((await call(third, 'system.recoveryReport')).problems).toEqual([
    expect.objectContaining({ kind: 'checkpoint-corrupt', checkpointId: newest!.id }),
  ]);
});

test('a full disk refuses the change with a clear message and leaves the last saved state intact', async () => {
  const baseUrl = inject('baseUrl');
  const page = await openApp(profile.context, baseUrl);
  await call(page, 'system.touch', { label: 'flour', value: 1000 });
  // The disk fills up during the next save. (Chromium's DevTools quota override does not reach
  // IndexedDB, so the worker's next log transaction is aborted with a real QuotaExceededError.)
  await call(page, 'system.failNextWrite', { name: 'QuotaExceededError' });
  const refused = await rpc(page, 'system.touch', { label: 'sugar', value: 500 });
  expect(refused.ok).toBe(false);
  if (!refused.ok) {
    expect(refused.error.code).toBe('STORAGE_QUOTA');
    expect(refused.error.message).toMatch(/no storage space left.*not saved.*intact/);
  }
  // The worker went back to the last durable state: the refused change is not visible in memory either.
  expect(await call(page, 'system.touched')).toEqual({ flour: 1000 });

  await call(page, 'system.touch', { label: 'butter', value: 250 });
  await page.close();
  const reopened = await openApp(profile.context, baseUrl);
  expect(await call(reopened, 'system.touched')).toEqual({ flour: 1000, butter: 250 });
});

test('storage deleted while the app is open (site data cleared, or evicted): what the baker sees is saved again, and later changes stay', async () => {
  const baseUrl = inject('baseUrl');
  const page = await openApp(profile.context, baseUrl);
  await call(page, 'system.touch', { label: 'flour', value: 1000 });
  // The browser deletes the database under the running app (its connection is closed for it).
  const deleted = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.deleteDatabase('bake-planner');
        request.onsuccess = () => resolve('deleted');
        request.onerror = () => resolve(`failed: ${String(request.error)}`);
      }),
  );
  expect(deleted).toBe('deleted');
  // The app still shows flour, and the baker records sugar: acknowledged, so it must be there next time.
  await call(page, 'system.touch', { label: 'sugar', value: 500 });
  await page.waitForFunction(() =>
    window.__bakePlanner!.notices.some((n) => n.type === 'problem' && /saved again/.test(n.error.message)),
  );
  await page.close();

  const reopened = await openApp(profile.context, baseUrl);
  expect(await call(reopened, 'system.touched')).toEqual({ flour: 1000, sugar: 500 });
  expect((await call(reopened, 'system.recoveryReport')).problems).toEqual([]);
});

test('a dropped IndexedDB connection (mobile Safari after backgrounding) is reopened and the write goes through', async () => {
  const baseUrl = inject('baseUrl');
  const page = await openApp(profile.context, baseUrl);
  await call(page, 'system.touch', { label: 'flour', value: 1000 });
  await call(page, 'system.dropConnection');
  await call(page, 'system.touch', { label: 'sugar', value: 500 });
  await page.close();
  const reopened = await openApp(profile.context, baseUrl);
  expect(await call(reopened, 'system.touched')).toEqual({ flour: 1000, sugar: 500 });
});

/** Opens the app with every checkpoint write failing as on a full disk, from the first opening on. */
async function openOnFullDisk(baseUrl: string) {
  const page = await profile.context.newPage();
  await page.goto(`${appUrl(baseUrl)}&full-disk-checkpoints`);
  await waitForWorker(page);
  return page;
}

test('a new database on a full disk: the checkpoint after its schema fails, yet the app opens and serves, and the banner says storage is full', async () => {
  const baseUrl = inject('baseUrl');
  const page = await openOnFullDisk(baseUrl);
  // Not locked out: it reads and saves.
  expect(await call(page, 'system.info')).toMatchObject({ schemaVersion: SCHEMA_VERSION });
  await call(page, 'system.touch', { label: 'flour', value: 1000 });
  const status = await call(page, 'system.storageStatus');
  const banner = page.getByRole('alert').filter({ hasText: 'Storage is full on this device' });
  await banner.waitFor();
  expect((await call(page, 'system.storageStatus')).checkpoints).toEqual([]);
  await banner.getByText(/every change you made is saved/i).waitFor();
  await banner.getByRole('button', { name: 'Download a backup' }).waitFor();
  const problem = (await notices(page)).find((n) => n.type === 'problem');
  expect(problem).toMatchObject({ error: { code: 'STORAGE', details: { checkpoint: true, quota: true } } });
  await page.close();

  // Space again: the schema and the change come back from the log alone, and are then anchored.
  const reopened = await openApp(profile.context, baseUrl);
  expect(await call(reopened, 'system.touched')).toEqual({ flour: 1000 });
  const report = await call(reopened, 'system.recoveryReport');
  expect(report).toMatchObject({ checkpoint: null, problems: [], replayed: status.lastSeq });
  await expect.poll(async () => (await call(reopened, 'system.storageStatus')).checkpoints).toHaveLength(1);
});

test('recovery on a full disk: the damaged record is set aside and the app serves; the banners say what was set aside and that storage is full', async () => {
  const baseUrl = inject('baseUrl');
  const page = await openApp(profile.context, baseUrl);
  const { lastSeq: opened } = await call(page, 'system.storageStatus');
  await call(page, 'system.touch', { label: 'flour', value: 1000 });
  await call(page, 'system.touch', { label: 'sugar', value: 500 });
  await corruptLogRecord(page, opened + 2);
  await page.close();

  const reopened = await openOnFullDisk(baseUrl);
  expect(await call(reopened, 'system.touched')).toEqual({ flour: 1000 });
  expect((await call(reopened, 'system.recoveryReport')).quarantined).toEqual({ log: 1, checkpoints: 0 });
  await call(reopened, 'system.touch', { label: 'butter', value: 250 });
  await reopened.getByRole('alert').filter({ hasText: 'Some saved changes were set aside' }).waitFor();
  await reopened.getByRole('alert').filter({ hasText: 'Storage is full on this device' }).waitFor();
  await reopened.close();

  // The repair is stored even without the checkpoint: the next opening finds nothing more to set aside.
  const third = await openApp(profile.context, baseUrl);
  expect(await call(third, 'system.touched')).toEqual({ flour: 1000, butter: 250 });
  expect((await call(third, 'system.recoveryReport')).problems).toEqual([]);
  expect((await countRecords(third)).quarantine).toBe(1);
});
