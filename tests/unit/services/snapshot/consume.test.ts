/**
 * An import that consumes its parsed file (`consume`, as the command line
 * and the worker import) lets each section's records go once read, and
 * otherwise does exactly what an import that leaves the file alone does:
 * the same report, the same database; and so does one read from the
 * file's bytes section by section.
 */
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_HEADER, SNAPSHOT_SECTIONS } from '../../../../src/domain/snapshot-format';
import { snapshotFromBytes } from '../../../../src/domain/snapshot-bytes';
import { parseSnapshotText } from '../../../../src/domain/snapshot-text';
import { importSnapshot } from '../../../../src/services/snapshot/import';
import { testDb } from '../../../helpers/db';
import { SLOW, contentOf, demoBakery } from './snapshot-helpers';

describe('an import that consumes its parsed file', SLOW, () => {
  it('empties the file of its sections, and reports and writes what an import that keeps it does', async () => {
    const text = contentOf(await demoBakery());
    const kept = JSON.parse(text) as Record<string, unknown>;
    const consumed = JSON.parse(text) as Record<string, unknown>;
    const a = await testDb();
    const b = await testDb();
    const keptReport = importSnapshot(a, kept, { mode: 'restore' });
    const consumedReport = importSnapshot(b, consumed, { mode: 'restore', consume: true });

    expect(consumedReport).toEqual(keptReport);
    expect(consumedReport.ok).toBe(true);
    expect(contentOf(b)).toBe(contentOf(a));
    expect(contentOf(b)).toBe(text);
    expect(Object.keys(kept)).toEqual([...SNAPSHOT_HEADER, ...SNAPSHOT_SECTIONS]);
    expect(Object.keys(consumed)).toEqual([...SNAPSHOT_HEADER]);
  });

  it("read from the file's bytes a batch at a time (as the command line reads it), reports and writes the same", async () => {
    const text = contentOf(await demoBakery());
    const a = await testDb();
    const b = await testDb();
    const whole = importSnapshot(a, parseSnapshotText(text), { mode: 'restore', consume: true });
    const data = snapshotFromBytes(new TextEncoder().encode(text));
    expect(data).not.toBeNull();
    expect(importSnapshot(b, data, { mode: 'restore', consume: true })).toEqual(whole);
    expect(contentOf(b)).toBe(text);
  });

  it('asks for a full collection (the command line\'s `collect`) between the writing steps, and only when it writes; the result is the same', async () => {
    const text = contentOf(await demoBakery());
    const calls = (options: { dryRun?: boolean; mode: 'restore' | 'merge' }, db: Awaited<ReturnType<typeof testDb>>) => {
      let n = 0;
      const report = importSnapshot(db, JSON.parse(text), { ...options, consume: true, collect: () => n++ });
      return { n, report };
    };
    const written = calls({ mode: 'restore' }, await testDb());
    expect(written.report.written).toBe(true);
    expect(written.n).toBeGreaterThanOrEqual(3);
    const dry = calls({ mode: 'restore', dryRun: true }, await testDb());
    expect(dry.report.written).toBe(false);
    expect(dry.n).toBe(0);
    const again = await testDb();
    importSnapshot(again, JSON.parse(text), { mode: 'restore' });
    const merged = calls({ mode: 'merge' }, again);
    expect(merged.report.ok).toBe(true);
    expect(merged.n).toBeGreaterThanOrEqual(3);
    expect(contentOf(again)).toBe(text);
  });
});
