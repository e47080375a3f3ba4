/*
 * The built-in sample's event: "Holiday 2026" (2026-12-15) with gift-box and
 * cookie-bag targets, every batch decided and the plan saved, so the Plan tab
 * has a real plan at once; then its first bake (a batch of pecan shortbread
 * trees) and six cookie bags boxed from it, so the Make tab, finished stock
 * and progress have something real in them. Loading the sample again adds
 * nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchIngredients } from '../../../../src/services/catalog/ingredient-search';
import { importBakeTracker } from '../../../../src/services/import/bake-tracker/import';
import { finishedStock } from '../../../../src/services/making/finished-lots';
import { getAssemblyRun, getProductionRun, listRuns } from '../../../../src/services/making/runs';
import { undoRun } from '../../../../src/services/making/undo';
import { adjustLot } from '../../../../src/services/pantry/adjustments';
import { ingredientStock } from '../../../../src/services/pantry/stock';
import { eventProgress } from '../../../../src/services/planning/progress';
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
    expect(planStaleness(db, { eventId: event.id })).toMatchObject({ stale: false, changes: [] });
    // The plan was saved before the first bake; the bake has since drawn the oldest (cheapest) lots, so the same
    // 29 batches priced now cost more. With the bake and the bags undone, the pantry prices them as the saved plan did.
    const saved = latestSnapshot(db, event.id)!.costBaseline!;
    expect(plan.costBaseline!).toBeGreaterThan(saved);
    undoRun(db, { kind: 'assembly', id: listRuns(db).find((r) => r.kind === 'assembly')!.id });
    undoRun(db, { kind: 'production', id: listRuns(db).find((r) => r.kind === 'production')!.id });
    expect(calculatePlan(db, { eventId: event.id }).payload.costBaseline).toBe(saved);
  });

  it('its first bake and assembly: one batch of 30 pecan trees for Holiday 2026, six cookie bags taking 18 of them', async () => {
    const db = await testDb();
    loadSample(db, JSON.parse(FIXTURE_TEXT));
    const event = findEventDetailBySlug(db, 'holiday-2026');
    const runs = listRuns(db, {});
    expect(runs.map((r) => r.kind).sort()).toEqual(['assembly', 'production']);
    const bake = getProductionRun(db, runs.find((r) => r.kind === 'production')!.id);
    expect(bake).toMatchObject({ recipe: { slug: 'pecan-shortbread-christmas-trees' }, finishedUnit: { slug: 'pecan-shortbread-tree' }, batches: 1, expected: 30, actual: 30, loss: 0, status: 'complete' });
    expect(bake).toMatchObject({ event: { slug: 'holiday-2026' }, planSnapshotId: latestSnapshot(db, event.id)!.id, costComplete: true, notes: 'The first trays of the season.' });
    // One ledger line per ingredient of the recipe, every one priced (the sample is priced throughout).
    expect(new Set(bake.ledger.map((l) => l.item.slug))).toEqual(
      new Set(['butter_unsalted', 'sugar_powdered', 'salt_kosher', 'vanilla_extract', 'flour_all_purpose', 'pecans_chopped', 'chocolate_chips_white', 'sugar_sanding']),
    );
    const bags = getAssemblyRun(db, runs.find((r) => r.kind === 'assembly')!.id);
    expect(bags).toMatchObject({ good: { slug: 'cookie-bag' }, quantity: 6, event: { slug: 'holiday-2026' }, packagingBypassed: false, costComplete: true });
    // 3 trees, a cello bag and a 12 in tie a bag: 18 trees from the bake's lot, 6 bags, 72 in of twine.
    expect(bags.ledger.map((l) => [l.kind, l.item.slug, l.quantity, l.unit])).toEqual([
      ['finished_unit', 'pecan-shortbread-tree', 18, 'each'],
      ['material', 'bag_cello_gusset_medium', 6, 'each'],
      ['material', 'twine_bakers_red_white', 72, 'in'],
    ]);
    const stock = finishedStock(db);
    expect(stock.units.map((u) => [u.item.slug, u.count])).toEqual([['pecan-shortbread-tree', 12]]);
    expect(stock.goods.map((g) => [g.item.slug, g.count])).toEqual([['cookie-bag', 6]]);
    // Progress: 1 of 2 pecan batches and 0 of the other recipes' 27 (12.5 %); 6 of 20 bags and 0 of 40 boxes (15 %).
    expect(eventProgress(db, { eventId: event.id })).toMatchObject({ productionPercent: 12.5, assemblyPercent: 15, overallPercent: 13.75 });
  });

  it('over a pantry that can no longer supply the bake (a real import whose butter was used), the event comes without the bake and bags', async () => {
    const db = await testDb();
    importBakeTracker(db, JSON.parse(FIXTURE_TEXT));
    const butter = ingredientStock(db, { ingredientId: searchIngredients(db, { query: 'butter, unsalted' })[0]!.id, unit: 'oz' });
    for (const lot of butter.lots.filter((l) => l.quantityRemaining > 0)) {
      adjustLot(db, { lotId: lot.id, quantity: lot.quantityRemaining, unit: 'oz', reason: 'used_outside_app', adjustedOn: '2026-01-07' });
    }
    expect(loadSample(db, JSON.parse(FIXTURE_TEXT)).events).toBe(1);
    expect([count(db, 'production_runs'), count(db, 'assembly_runs')]).toEqual([0, 0]);
    const event = findEventDetailBySlug(db, 'holiday-2026');
    expect(eventProgress(db, { eventId: event.id })).toMatchObject({ productionPercent: 0, assemblyPercent: 0, overallPercent: 0 });
  });

  it('loading the sample again adds nothing', async () => {
    const db = await testDb();
    loadSample(db, JSON.parse(FIXTURE_TEXT));
    const before = dbState(db);
    expect(loadSample(db, JSON.parse(FIXTURE_TEXT)).events).toBe(0);
    expect(dbState(db)).toEqual(before);
    expect(count(db, 'events')).toBe(1);
    expect([count(db, 'production_runs'), count(db, 'assembly_runs')]).toEqual([1, 1]);
  });
});
