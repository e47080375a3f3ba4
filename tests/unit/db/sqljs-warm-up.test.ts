/** The worker warms SQLite up while IndexedDB reads: every statement in it must run, or the warm-up silently does nothing. */
import { expect, test } from 'vitest';
import { loadSqlJs, warmUpSqlJs } from '../../../src/db/sqljs-engine';

test('the warm-up runs every statement it holds without an error', async () => {
  await expect(warmUpSqlJs()).resolves.toBeUndefined();
  // Twice is fine too (a worker that becomes the writer again after a handover).
  await expect(warmUpSqlJs()).resolves.toBeUndefined();
  expect(await loadSqlJs()).toBeDefined();
});

test('the warm-up stops before its next step once the real work has begun', async () => {
  let asked = 0;
  await warmUpSqlJs({}, () => ++asked === 2);
  // Asked before the first step (no) and before the second (yes): one step ran, then it stopped.
  expect(asked).toBe(2);
});
