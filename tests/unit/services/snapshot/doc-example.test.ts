/*
 * docs/export-format.md's example is what scenario authors copy: it must
 * conform to the JSON Schema and import cleanly, so the test reads the
 * example out of the markdown itself (doc and code cannot drift).
 */
import { describe, expect, it } from 'vitest';
import { exportSnapshot } from '../../../../src/services/snapshot/export';
import { importSnapshot } from '../../../../src/services/snapshot/import';
import { getGood } from '../../../../src/services/goods/goods';
import { findGoodBySlug } from '../../../../src/services/goods/good-rows';
import { getSettings } from '../../../../src/services/settings/settings';
import { testDb } from '../../../helpers/db';
import { contentOf, docExamples, schemaErrors } from './snapshot-helpers';

describe("the doc's example file", () => {
  const [example] = docExamples() as [Record<string, unknown>];

  it('is one complete file that conforms to the JSON Schema', () => {
    expect(docExamples()).toHaveLength(1);
    expect(schemaErrors(example)).toEqual([]);
  });

  it('imports cleanly, with every default filled in and every computed figure worked out', async () => {
    const db = await testDb();
    const report = importSnapshot(db, example, { mode: 'restore' });
    expect(report.records.filter((r) => r.outcome !== 'created')).toEqual([]);
    expect(report.ok && report.written).toBe(true);
    expect(getSettings(db).currency).toBe('USD');
    const file = exportSnapshot(db);
    expect(schemaErrors(file)).toEqual([]);
    const flour = file.purchases.find((p) => p.product === 'flour-25lb')!;
    // 25 lb at 9.49: 11339.80925 g at 9.49 / 11339.80925 per g (0.3796 per lb).
    expect(flour.lot).toMatchObject({ key: 'flour-25lb@2026-11-01', unit: 'g', quantity: 25 * 453.59237, remaining: 25 * 453.59237 });
    expect(flour.lot.unit_cost! * 453.59237).toBeCloseTo(0.3796, 10);
    expect(file.material_units.find((u) => u.slug === 'one-bow')).toMatchObject({ quantity: 45.72, unit: 'cm' });
    const box = getGood(db, findGoodBySlug(db, 'gift-box')!.id);
    expect(box.lines.map((l) => l.kind)).toEqual(['unit', 'good', 'material', 'material']);
    expect(file.recipes.find((r) => r.slug === 'sugar-cookies')!.sub_recipes).toEqual([{ recipe: 'royal-icing', batches: 0.5 }]);
  });

  it('brings the Holiday 2026 event with its target and batch decision, a draft until a plan is locked', async () => {
    const db = await testDb();
    importSnapshot(db, example, { mode: 'restore' });
    const [event] = exportSnapshot(db).events;
    expect(event).toMatchObject({
      slug: 'holiday-2026',
      date: '2026-12-15',
      plan_state: 'draft',
      locked_at: null,
      targets: [{ finished_good: 'gift-box', quantity: 40 }],
      batch_decisions: [{ finished_unit: 'sugar-cookie', batches: 15, shortfall_confirmed: false }],
      plan_snapshots: [],
    });
    expect(contentOf(db)).toContain('"holiday-2026"');
  });
});
