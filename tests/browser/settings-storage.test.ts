/**
 * A baker on a phone looks after their data through Settings, on the
 * production build: the recovery report after a damaged saved change (read
 * it, download the set-aside records, discard them), restoring from a backup
 * (a wrong file is refused and changes nothing; a real backup brings its data
 * back), a full disk announced on every screen, and a second tab that saves
 * through the first. Data is written and read through the test hooks
 * (`system.touch`: one row with a known value), so the checks do not depend
 * on other screens. Each test gets a fresh context (empty IndexedDB), a
 * 390x844 touch viewport and the en-US locale.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { call, keepWorkerBusy, waitForRole } from './helpers/browser';
import { corruptLogRecord } from './helpers/idb';
import { phoneTabs, seen, tap } from './helpers/phone';

const tabs = phoneTabs();
/** Opens the app with its test hooks at `hash` once the worker answers. */
const open = (hash: string) => tabs.open(hash, { hooks: true });

/** Taps `button` and returns the file the browser downloads as a result. */
async function downloadBy(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), tap(button)]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path), path };
}

/** Picks `file` in the restore section and confirms that it replaces everything. */
async function restore(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByLabel('Choose a backup to restore…').setInputFiles(file);
  const confirm = page.getByRole('dialog', { name: 'Replace everything with this backup?' });
  await seen(confirm);
  await tap(confirm.getByRole('button', { name: 'Replace everything' }));
}

test('a damaged saved change: the recovery report lists what was set aside, it downloads as a file, and discarding clears it', async () => {
  const page = await open('#/settings');
  // Four saved changes after the database's own: flour 1000 g, sugar 500 g, butter 250 g, eggs 12. Butter's then rots on disk.
  const { lastSeq: opened } = await call(page, 'system.storageStatus');
  const butter = opened + 3;
  await call(page, 'system.touch', { label: 'flour', value: 1000 });
  await call(page, 'system.touch', { label: 'sugar', value: 500 });
  await call(page, 'system.touch', { label: 'butter', value: 250 });
  await call(page, 'system.touch', { label: 'eggs', value: 12 });
  await corruptLogRecord(page, butter);
  await page.close();

  // Reopened on another screen: the banner says so and leads to the report.
  const reopened = await open('#/pantry');
  const banner = reopened.getByRole('alert').filter({ hasText: 'Some saved changes were set aside' });
  await seen(banner);
  await seen(banner.getByText(new RegExp(`saved change ${butter} could not be used.*everything saved before it is intact`)));
  await tap(banner.getByRole('link', { name: 'See the recovery report' }));
  await reopened.waitForURL(/#\/settings$/);

  const report = reopened.getByRole('region', { name: 'Recovery report' });
  await seen(report.getByRole('heading', { name: '2 set-aside records' }));
  const listed = report.getByRole('list', { name: 'Set-aside records' }).getByRole('listitem');
  expect(await listed.count()).toBe(2);
  await seen(listed.nth(0).getByText(`Saved change ${butter}`, { exact: true }));
  await seen(listed.nth(0).getByText('Damaged: its contents no longer match the checksum saved with it.'));
  await seen(listed.nth(1).getByText(`Saved change ${butter + 1}`, { exact: true }));
  await seen(listed.nth(1).getByText('Comes after a change that could not be applied.'));
  // Flour and sugar, saved before the damage, are kept.
  expect(await call(reopened, 'system.touched')).toEqual({ flour: 1000, sugar: 500 });

  const file = await downloadBy(reopened, report.getByRole('button', { name: 'Download set-aside records' }));
  expect(file.name).toMatch(/^bake-planner-set-aside-\d{4}-\d\d-\d\d\.json$/);
  expect(file.bytes.length).toBeGreaterThan(0);
  const saved = JSON.parse(file.bytes.toString('utf8')) as { records: { log: { seq: number; payloadBase64: string } }[] };
  expect(saved.records.map((r) => r.log.seq).sort((a, b) => a - b)).toEqual([butter, butter + 1]);
  expect(saved.records.every((r) => r.log.payloadBase64.length > 0)).toBe(true);

  await tap(report.getByRole('button', { name: 'Discard set-aside records…' }));
  const confirm = reopened.getByRole('dialog', { name: 'Discard 2 set-aside records?' });
  await seen(confirm.getByText('deleted from this device for good'));
  await tap(confirm.getByRole('button', { name: 'Discard them' }));
  await seen(report.getByText('Nothing set aside'));
  expect(await report.getByRole('list', { name: 'Set-aside records' }).count()).toBe(0);
  expect((await call(reopened, 'system.storageStatus')).quarantined).toBe(0);
  expect(await call(reopened, 'system.quarantined')).toEqual([]);
  expect(await call(reopened, 'system.touched')).toEqual({ flour: 1000, sugar: 500 });
});

test('restoring: a file that is not a backup is refused and changes nothing; a real backup brings its data back', async () => {
  // On a phone Settings sits behind "More" in the tab bar, which stays marked while Settings is open.
  const page = await open('#/pantry');
  const tabBar = page.getByRole('navigation', { name: 'Main' });
  await tap(tabBar.getByRole('link', { name: 'More' }));
  await tap(page.getByRole('main').getByRole('link', { name: 'Settings' }));
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  expect(await tabBar.getByRole('link', { name: 'More' }).getAttribute('aria-current')).toBe('page');
  await seen(page.getByRole('region', { name: 'Recovery report' }).getByText('All is well'));
  await call(page, 'system.touch', { label: 'flour', value: 1000 });
  await call(page, 'system.touch', { label: 'sugar', value: 500 });

  // A shopping list saved with the wrong name, then a file with a SQLite header and garbage after it.
  await restore(page, { name: 'pantry.sqlite', mimeType: 'application/octet-stream', buffer: Buffer.from('flour 2 bags\n'.repeat(100)) });
  await seen(page.getByRole('alert').getByText('This file is not a Bake Planner database (SQLite) file. Nothing was changed'));
  expect(await call(page, 'system.touched')).toEqual({ flour: 1000, sugar: 500 });
  const garbage = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8192, 0x5a)]);
  await restore(page, { name: 'damaged.sqlite', mimeType: 'application/octet-stream', buffer: garbage });
  await seen(page.getByRole('alert').getByText(/This database file is damaged.*Nothing was changed/));
  expect(await call(page, 'system.touched')).toEqual({ flour: 1000, sugar: 500 });

  // A real backup of flour 1000 and sugar 500, then the pantry changes: flour 2000, butter 250.
  const backup = await downloadBy(page, page.getByRole('region', { name: 'Backup and restore' }).getByRole('button', { name: 'Download a backup' }));
  expect(backup.name).toMatch(/^bake-planner-\d{4}-\d\d-\d\d\.sqlite$/);
  expect(backup.bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  await call(page, 'system.touch', { label: 'flour', value: 2000 });
  await call(page, 'system.touch', { label: 'butter', value: 250 });

  await restore(page, backup.path);
  await seen(page.getByRole('status').getByText(/Restored/).first());
  await seen(page.getByText(`Everything now comes from`));
  expect(await call(page, 'system.touched')).toEqual({ flour: 1000, sugar: 500 });
  // It is saved, not only shown: a reload opens the restored data.
  await page.reload();
  await page.waitForFunction(() => window.__bakePlanner !== undefined);
  expect(await call(page, 'system.touched')).toEqual({ flour: 1000, sugar: 500 });
});

test('a full disk: the banner says the change was not saved, the earlier state is intact, and offers a backup', async () => {
  const page = await open('#/settings');
  const currency = page.getByLabel('Show money in');
  await currency.selectOption('CAD');
  await seen(page.getByText('Money is now shown in Canadian Dollar.'));
  // The disk fills up just as the baker switches to euros.
  await call(page, 'system.failNextWrite', { name: 'QuotaExceededError' });
  await currency.selectOption('EUR');

  const banner = page.getByRole('alert').filter({ hasText: 'Not saved: this device is out of storage space' });
  await seen(banner);
  await seen(banner.getByText(/the change was not saved.*everything saved before is intact/));
  await seen(banner.getByRole('button', { name: 'Download a backup' }));
  expect((await call(page, 'settings.get')).currency).toBe('CAD');
  expect(await currency.inputValue()).toBe('CAD');
  // Space again: the backup the banner offers is the intact state.
  const backup = await downloadBy(page, banner.getByRole('button', { name: 'Download a backup' }));
  expect(backup.bytes.length).toBeGreaterThan(0);
});

test('a second tab saves through the first and says so; when the first stops answering, the banner says that too', async () => {
  const kitchen = await open('#/dashboard');
  await waitForRole(kitchen, 'writer');
  const phone = await open('#/settings');
  await waitForRole(phone, 'follower');
  const storage = phone.getByRole('region', { name: 'Storage' });
  await seen(storage.getByText('Saving through your other Bake Planner tab.'));
  await seen(storage.getByText('this tab saves your changes through that one'));

  // The kitchen tab's worker is kept busy for 8 s; the phone asks it to save meanwhile.
  const spell = await keepWorkerBusy(kitchen, 8_000);
  const answered = call(phone, 'system.touch', { label: 'flour', value: 1000 });
  const waiting = phone.getByRole('status').filter({ hasText: 'Your other Bake Planner tab is not answering' });
  await waiting.waitFor({ state: 'visible', timeout: 15_000 });
  await seen(waiting.getByText('switch to it or close it'));

  // Free again: the change goes through and the banner goes away by itself.
  await spell.over;
  await answered;
  await waiting.waitFor({ state: 'hidden', timeout: 10_000 });
  expect(await call(phone, 'system.touched')).toEqual({ flour: 1000 });
});
