/*
 * The built-in sample's event: "Holiday 2026" (2026-12-15) with gift-box and
 * cookie-bag targets, every batch decided and the plan saved, so the Plan tab
 * has a real plan at once. Loading the sample again adds nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEventDetailBySlug } from '../../../../src/services/planning/events';
import { calculatePlan } from '../../../../src/services/planning/plan';
import { latestSnapshot } from '../../../../src/services/planning/plan-rows';
import { planStaleness } from '../../../../src/services/planning/staleness';
import { loadSample } from '../../../../src/services/sample/sample-pantry';
import { count, testDb } from '../../../helpers/db';
import { dbState } from '../kitchen';

const FIXTURE_TEXT = readFileSync(join(import.meta.dirname, '../../../../src/services/sample/bake-tracker-sample.json'), 'utf8');

describe('the sample event', () => {
  it('Holiday 2026: 40 gift boxes and 20 cookie bags, every batch decided, the plan saved and current', async () => {
    const db = await testDb();
    expect(loadSample(db, JSON.parse(FIXTURE_TEXT)).events).toBe(1);
    const event = findEventDetailBySlug(db, 'holiday-2026');
    expect(event).toMatchObject({ name: 'Holiday 2026', date: '2026-12-15', state: 'draft' });
    expect(event.goodTargets.map((t) => [t.good, t.quantity])).toEqual([
      ['cookie-bag', 20],
      ['holiday-gift-box', 40],
    ]);
    const plan = calculatePlan(db, { eventId: event.id }).payload;
    // 40 boxes x (6 shortbread, 4 brownies, a tin of 6 biscotti), 20 bags x 3 trees.
    expect(plan.batches.map((b) => [b.finishedUnit, b.unitsNeeded, b.yieldPerBatch, b.batches, b.decided])).toEqual([
      ['almond-biscotti', 240, 36, 7, true],
      ['almond-flour-brownie', 160, 16, 10, true],
      ['almond-shortbread-cookie', 240, 24, 10, true],
      ['pecan-shortbread-tree', 60, 30, 2, true],
    ]);
    expect(plan.batches[0]).toMatchObject({ totalUnits: 252, waste: 12, floor: { batches: 6, totalUnits: 216, short: 24 } });
    expect(plan.packaging.map((p) => [p.material, p.quantity])).toContainEqual(['box_window_cake_10x10', 40]);
    // The sample is priced throughout, so the baseline is known.
    expect(plan.costBaseline).not.toBeNull();
    expect(latestSnapshot(db, event.id)!.costBaseline).toBe(plan.costBaseline);
    expect(planStaleness(db, { eventId: event.id })).toMatchObject({ stale: false, changes: [] });
  });

  it('loading the sample again adds nothing', async () => {
    const db = await testDb();
    loadSample(db, JSON.parse(FIXTURE_TEXT));
    const before = dbState(db);
    expect(loadSample(db, JSON.parse(FIXTURE_TEXT)).events).toBe(0);
    expect(dbState(db)).toEqual(before);
    expect(count(db, 'events')).toBe(1);
  });
});
