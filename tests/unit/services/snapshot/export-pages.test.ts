/**
 * The export reads its large sections a page at a time (purchases 500, runs
 * 100 per page): on the generated S bakery, whose 975 purchases and 132 bakes
 * take more than one page each, every record comes once, in the file's
 * order, with its whole ledger, and the file imports into an empty database
 * and exports back to the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { generatorClock } from '../../../../src/domain/generated-bakery';
import type { SnapshotFile } from '../../../../src/domain/snapshot-format';
import { generateActivity, importGeneratedBakery } from '../../../../src/services/generate/bakery';
import { importSnapshot } from '../../../../src/services/snapshot/import';
import { ingredientLotKeys, runKeys } from '../../../../src/services/snapshot/lot-keys';
import { testDb } from '../../../helpers/db';
import { SLOW, contentOf } from './snapshot-helpers';

describe('an export of more than a page', SLOW, () => {
  it('gives every purchase and run once, in order, with its ledger, and round-trips to the same bytes', async () => {
    const db = await testDb(generatorClock());
    importGeneratedBakery(db, { size: 'S' });
    generateActivity(db, { size: 'S' });
    const text = contentOf(db);
    const doc = JSON.parse(text) as SnapshotFile;

    const count = (sql: string) => db.engine.get<{ n: number }>(sql)!.n;
    expect(doc.purchases.length).toBe(count('SELECT count(*) AS n FROM purchases'));
    expect(doc.purchases.length).toBeGreaterThan(500);
    expect(doc.purchases.map((p) => p.lot.key)).toEqual([...ingredientLotKeys(db).values()].slice(0, doc.purchases.length));

    const bakes = runKeys(db, 'production');
    expect(doc.production_runs.length).toBeGreaterThan(100);
    expect(doc.production_runs.map((r) => r.key)).toEqual([...bakes.runs.values()]);
    const lines = new Map(db.engine.all<{ id: number; n: number }>('SELECT production_run_id AS id, count(*) AS n FROM production_consumptions GROUP BY production_run_id').map((r) => [r.id, r.n]));
    const runIds = [...bakes.runs.keys()];
    doc.production_runs.forEach((run, i) => expect(run.consumptions.length).toBe(lines.get(runIds[i]!) ?? 0));
    expect(doc.assembly_runs.map((r) => r.key)).toEqual([...runKeys(db, 'assembly').runs.values()]);

    const copy = await testDb(() => new Date('2031-05-05T05:05:05.000Z'));
    expect(importSnapshot(copy, JSON.parse(text), { mode: 'restore' }).ok).toBe(true);
    expect(contentOf(copy)).toBe(text);
  });
});
