/*
 * Runs, ledgers and saved plans in a file are checked, never trusted: the
 * demo bakery's export, with its bake and assembly for Holiday 2026 (a batch
 * of pecan shortbread trees, six cookie bags boxed from it), is
 * edited one figure at a time and restored into an empty database; each
 * edit is refused at its path with a sentence that says what it should be,
 * and the database stays empty. Undone runs restore as undone: their draws
 * back in their lots, their output gone.
 */
import { describe, expect, it } from 'vitest';
import { undoRun } from '../../../../src/services/making/undo';
import { exportSnapshot } from '../../../../src/services/snapshot/export';
import { importSnapshot } from '../../../../src/services/snapshot/import';
import type { SnapshotFile } from '../../../../src/domain/snapshot-format';
import { testDb } from '../../../helpers/db';
import { SLOW, contentOf, demoBakery } from './snapshot-helpers';

let demo: SnapshotFile | null = null;
async function demoFile(): Promise<SnapshotFile> {
  demo ??= exportSnapshot(await demoBakery(), { exportedAt: '2000-01-01T00:00:00.000Z', appVersion: 'test' });
  return structuredClone(demo);
}

/** Restores the demo's export with `edit` made into an empty database: the rejected lines, the database unchanged. */
async function refused(edit: (doc: SnapshotFile) => void): Promise<string[]> {
  const doc = await demoFile();
  edit(doc);
  const db = await testDb();
  const before = contentOf(db);
  const report = importSnapshot(db, doc, { mode: 'restore' });
  expect(report.written).toBe(false);
  expect(contentOf(db)).toBe(before);
  return report.records.filter((r) => r.outcome === 'rejected').map((r) => `${r.path}: ${r.reason}`);
}

/** `root` is the one cause: every other line is a record that refers to the refused one, and says so. */
function onlyCause(problems: string[], root: string | RegExp): void {
  const roots = problems.filter((p) => !/has a problem of its own/.test(p));
  expect(roots).toEqual([typeof root === 'string' ? root : expect.stringMatching(root)]);
}

describe('a ledger in a file is checked, never trusted', SLOW, () => {
  it('a bake and an assembly for Holiday 2026, drawn from their lots, export by key and restore', async () => {
    const doc = await demoFile();
    expect(doc.production_runs).toHaveLength(1);
    expect(doc.assembly_runs).toHaveLength(1);
    const [bake] = doc.production_runs;
    const [box] = doc.assembly_runs;
    expect(bake).toMatchObject({ finished_unit: 'pecan-shortbread-tree', event: 'holiday-2026', plan_snapshot: 0, actual_yield: 30, status: 'complete', reversed: null });
    expect(box).toMatchObject({ finished_good: 'cookie-bag', quantity: 6, event: 'holiday-2026', lot: { remaining: 6 } });
    expect(box!.consumptions[0]).toMatchObject({ unit_lot: bake!.key, quantity: 18 });
    expect(bake!.lot!.remaining).toBe(12);
    const db = await testDb();
    expect(importSnapshot(db, doc, { mode: 'restore' }).written).toBe(true);
  });

  it('a cost, a total, a cost per unit, a yield or a status that disagrees is refused at its path', async () => {
    onlyCause(await refused((d) => (d.production_runs[0]!.consumptions[0]!.cost! += 0.01)), 'production_runs[0].consumptions[0].cost: 340.6195 at 0.01100107 a unit is 3.7472, not 3.7572.');
    onlyCause(await refused((d) => (d.production_runs[0]!.total_cost += 1)), /^production_runs\[0\]\.total_cost: Its ledger adds up to [\d.]+, not [\d.]+\.$/);
    expect(await refused((d) => (d.assembly_runs[0]!.cost_per_unit = 0.5))).toEqual([expect.stringMatching(/^assembly_runs\[0\]\.cost_per_unit: [\d.]+ for 6 is 0\.8866 each, not 0\.5\.$/)]);
    onlyCause(await refused((d) => (d.production_runs[0]!.expected_yield = 48)), "production_runs[0].expected_yield: 1 batches at the run's yield make 30, not 48.");
    onlyCause(await refused((d) => (d.production_runs[0]!.status = 'partial_loss')), 'production_runs[0].status: 30 of 30 made is "complete", not "partial_loss".');
    // A bought lot's draw keeps the unit cost it had (its price may be corrected later), so its cost is checked against it.
    onlyCause(await refused((d) => (d.production_runs[0]!.consumptions[1]!.unit_cost = 1)), /^production_runs\[0\]\.consumptions\[1\]\.cost: [\d.]+ at 1 a unit is [\d.]+, not [\d.]+\.$/);
    // A finished lot's cost never changes: a draw from it must cost what it costs.
    onlyCause(await refused((d) => (d.assembly_runs[0]!.consumptions[0]!.unit_cost = 1)), /^assembly_runs\[0\]\.consumptions\[0\]\.unit_cost: The lot drawn costs [\d.e-]+ a unit, not 1\.$/);
  });

  it("a lot's remaining that ignores what a bake drew, and a run's lot that ignores an assembly, are refused", async () => {
    const drawn = (await demoFile()).production_runs[0]!.consumptions[0]!.lot;
    const problems = await refused((d) => {
      const p = d.purchases.find((x) => x.lot.key === drawn)!;
      p.lot.remaining = p.lot.quantity;
    });
    onlyCause(problems, /^purchases\[\d+\]\.lot\.remaining: This lot holds [\d.]+ g after what its ledger records, not [\d.]+ g\.$/);
    onlyCause(await refused((d) => (d.production_runs[0]!.lot!.remaining = 30)), 'production_runs[0].lot.remaining: Of the 30 it made, assemblies drew 18: 12 are left, not 30.');
  });

  it('a draw from a lot the file does not have is refused, and the lot it really drew from no longer adds up', async () => {
    // The lot it really drew from now holds more than the file says: that is said too.
    expect(await refused((d) => (d.production_runs[0]!.consumptions[0]!.lot = 'butter@1999-01-01'))).toEqual([
      expect.stringMatching(/^purchases\[\d+\]\.lot\.remaining: This lot holds 453\.592 g after what its ledger records, not 112\.973 g\.$/),
      'production_runs[0].consumptions[0].lot: No lot "butter@1999-01-01" in this file.',
      expect.stringMatching(/^assembly_runs\[0\]\.consumptions\[0\]\.unit_lot: .* has a problem of its own: production_runs\[0\]\.consumptions\[0\]\.lot\.$/),
    ]);
  });

  it('a saved plan changed after it was taken, or pointing at another event, is refused', async () => {
    onlyCause(
      await refused((d) => {
        const payload = d.events[0]!.plan_snapshots[0]!.payload as { definitions: { finishedUnits: Record<string, { itemsPerBatch: number }> } };
        payload.definitions.finishedUnits['pecan-shortbread-tree']!.itemsPerBatch = 60;
      }),
      "events[0].plan_snapshots[0].fingerprint: This fingerprint is not that of the payload's definitions: the saved plan was changed after it was taken.",
    );
    onlyCause(
      await refused((d) => ((d.events[0]!.plan_snapshots[0]!.payload as { event: string }).event = 'easter')),
      'events[0].plan_snapshots[0].payload.event: "easter" is not this event\'s slug ("holiday-2026").',
    );
    onlyCause(await refused((d) => (d.production_runs[0]!.plan_snapshot = 3)), 'production_runs[0].plan_snapshot: The event has 1 saved plan; there is no number 3 (counted from 0).');
  });

  it('a time for a plan step not taken yet is refused', async () => {
    onlyCause(await refused((d) => (d.events[0]!.completed_at = '2026-12-16T00:00:00.000Z')), 'events[0].completed_at: This plan is draft, so it has no completed at time.');
  });

  it('undone bakes and assemblies restore undone: draws back in their lots, no output left, the same export', async () => {
    const db = await demoBakery();
    const box = db.engine.get<{ id: number }>('SELECT id FROM assembly_runs')!;
    const bake = db.engine.get<{ id: number }>('SELECT id FROM production_runs')!;
    undoRun(db, { kind: 'assembly', id: box.id, note: 'Bags tore' });
    undoRun(db, { kind: 'production', id: bake.id, note: 'Recorded on the wrong day' });
    const text = contentOf(db);
    const doc = JSON.parse(text) as SnapshotFile;
    expect(doc.production_runs[0]).toMatchObject({ lot: null, reversed: { note: 'Recorded on the wrong day' } });
    expect(doc.assembly_runs[0]).toMatchObject({ lot: null, reversed: { note: 'Bags tore' } });
    const restored = await testDb(() => new Date('2031-05-05T05:05:05.000Z'));
    expect(importSnapshot(restored, doc, { mode: 'restore' }).written).toBe(true);
    expect(contentOf(restored)).toBe(text);
    // The undone bake's lot stays, emptied, because the undone assembly's ledger names it.
    expect(restored.engine.all('SELECT count_initial, count_remaining FROM finished_unit_lots')).toEqual([{ count_initial: 0, count_remaining: 0 }]);
    expect(restored.engine.all('SELECT count(*) AS n FROM finished_good_lots')).toEqual([{ n: 0 }]);
  });
});
