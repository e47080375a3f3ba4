/*
 * Plan states in order only, each step one transaction; what each state
 * allows; and amendments in production: each kind, each refusal (which
 * changes nothing), the append-only history of original against current.
 */
import { describe, expect, it } from 'vitest';
import { transaction } from '../../../../src/db/session';
import { archiveGood, createGood } from '../../../../src/services/goods/goods';
import { amendPlan, listAmendments, planHistory } from '../../../../src/services/planning/amendments';
import { decideBatches } from '../../../../src/services/planning/batch-decisions';
import { createEvent, deleteEvent, getEvent, listEvents, updateEvent } from '../../../../src/services/planning/events';
import { calculatePlan } from '../../../../src/services/planning/plan';
import { latestSnapshot } from '../../../../src/services/planning/plan-rows';
import { advancePlan } from '../../../../src/services/planning/plan-steps';
import { planStaleness } from '../../../../src/services/planning/staleness';
import { setGoodTarget, setUnitTarget } from '../../../../src/services/planning/targets';
import { count } from '../../../helpers/db';
import { refused } from '../kitchen';
import { planBakery } from './plan-bakery';

async function inProduction() {
  const b = await planBakery();
  advancePlan(b.db, { eventId: b.event.id, state: 'locked' });
  advancePlan(b.db, { eventId: b.event.id, state: 'in_production' });
  return b;
}

describe('events', () => {
  it('are created as drafts with a slug from the name, listed soonest first, and say what may change', async () => {
    const b = await planBakery();
    const later = createEvent(b.db, { name: 'Spring market', date: '2027-04-01' });
    createEvent(b.db, { name: 'Someday' });
    expect(listEvents(b.db).map((e) => [e.slug, e.date, e.state])).toEqual([
      ['holiday-bake', '2026-12-15', 'draft'],
      ['spring-market', '2027-04-01', 'draft'],
      ['someday', null, 'draft'],
    ]);
    const detail = getEvent(b.db, b.event.id);
    expect(detail).toMatchObject({ name: 'Holiday bake', notes: 'Bags for the school fair', stateLabel: 'Draft', goodTargetCount: 1, savedAt: null, nextStep: { state: 'locked', verb: 'lock the plan' } });
    expect(detail.goodTargets).toEqual([{ goodId: b.bag.id, good: 'cookie-bag', displayName: 'Cookie bag', archived: false, quantity: 10 }]);
    expect(detail.may.editTargets).toEqual({ allowed: true, blockedBy: null });
    expect(detail.may.amend.allowed).toBe(false);
    expect(deleteEvent(b.db, later.id)).toEqual({ deleted: true, id: later.id });
  });

  it('bad input is refused at its field and changes nothing', async () => {
    const b = await planBakery();
    const e = refused(b.db, () => createEvent(b.db, { name: '  ', date: '2026-02-30' }));
    expect(e.details.fields).toEqual({ name: 'The event name is required.', date: 'Enter a valid date.' });
    expect(refused(b.db, () => updateEvent(b.db, { id: b.event.id, date: 'soon' })).details.field).toBe('date');
    expect(refused(b.db, () => setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 2.5 })).message).toBe('A target is counted whole: use a whole number.');
  });

  it('an archived good or finished unit cannot become a target, and a missing one is named', async () => {
    const b = await planBakery();
    const tin = createGood(b.db, { name: 'Brownie tin', lines: [{ kind: 'unit', finishedUnitId: b.brownie.id, quantity: 6 }] });
    archiveGood(b.db, tin.id);
    const e = refused(b.db, () => setGoodTarget(b.db, { eventId: b.event.id, goodId: tin.id, quantity: 2 }));
    expect([e.details.field, e.message]).toEqual(['goodId', 'Brownie tin is archived: restore it before planning it.']);
    expect(refused(b.db, () => setUnitTarget(b.db, { eventId: b.event.id, finishedUnitId: 999, quantity: 2 })).message).toBe('That finished unit no longer exists.');
  });

  it('a saved plan keeps its event: deleting it is refused with the reason, changing nothing', async () => {
    const b = await planBakery();
    calculatePlan(b.db, { eventId: b.event.id, save: true });
    const e = refused(b.db, () => deleteEvent(b.db, b.event.id));
    expect([e.code, e.message]).toEqual(['IN_USE', 'Holiday bake cannot be deleted: its plan has been saved, and saved plans are kept for the record.']);
    expect(getEvent(b.db, b.event.id).may.delete.allowed).toBe(false);
  });

  it('removing a target drops the decisions of the units no longer needed', async () => {
    const b = await planBakery();
    setUnitTarget(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, quantity: 100 });
    decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.brownie.id, batches: 2 });
    decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, batches: 3 });
    setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 0 });
    expect(b.db.engine.all('SELECT finished_unit_id AS id, batches FROM batch_decisions')).toEqual([{ id: b.cookie.id, batches: 3 }]);
  });
});

describe('plan states: draft -> locked -> in production -> completed, in order only', () => {
  it('each step in order, stamped with its time; production takes the snapshot', async () => {
    const b = await planBakery();
    expect(advancePlan(b.db, { eventId: b.event.id, state: 'locked' })).toEqual({ state: 'locked', snapshotId: null });
    const started = advancePlan(b.db, { eventId: b.event.id, state: 'in_production' });
    expect(started.snapshotId).not.toBeNull();
    const snapshot = latestSnapshot(b.db, b.event.id)!;
    expect([snapshot.id, snapshot.payload.state]).toEqual([started.snapshotId, 'in_production']);
    advancePlan(b.db, { eventId: b.event.id, state: 'completed' });
    expect(getEvent(b.db, b.event.id)).toMatchObject({
      state: 'completed',
      lockedAt: '2026-11-26T12:00:00.000Z',
      productionStartedAt: '2026-11-26T12:00:00.000Z',
      completedAt: '2026-11-26T12:00:00.000Z',
      nextStep: null,
    });
  });

  it('a skipped step is refused, naming the state it needs, and changes nothing', async () => {
    const b = await planBakery();
    const e = refused(b.db, () => advancePlan(b.db, { eventId: b.event.id, state: 'in_production' }));
    expect([e.code, e.details.requiredState, e.message]).toEqual(['PLAN_STATE', 'locked', 'To start production, the plan must be locked; this one is a draft. Lock the plan first.']);
    expect(refused(b.db, () => advancePlan(b.db, { eventId: b.event.id, state: 'completed' })).details.requiredState).toBe('in_production');
    advancePlan(b.db, { eventId: b.event.id, state: 'locked' });
    expect(refused(b.db, () => advancePlan(b.db, { eventId: b.event.id, state: 'locked' })).message).toBe('This plan is already locked.');
    expect(refused(b.db, () => advancePlan(b.db, { eventId: b.event.id, state: 'draft' as never })).details.field).toBe('state');
  });

  it('locking writes the default batches for undecided units, keeps decided ones, and freezes targets', async () => {
    const b = await planBakery();
    decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.brownie.id, batches: 2 });
    advancePlan(b.db, { eventId: b.event.id, state: 'locked' });
    expect(b.db.engine.all('SELECT finished_unit_id AS id, batches FROM batch_decisions ORDER BY finished_unit_id')).toEqual([
      { id: b.cookie.id, batches: 1 },
      { id: b.brownie.id, batches: 2 },
    ]);
    const e = refused(b.db, () => setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 12 }));
    expect([e.code, e.message]).toEqual(['PLAN_STATE', 'Targets change only while the plan is a draft; this one is locked.']);
  });

  it('locking is refused with nothing to make, or with an unconfirmed shortfall, changing nothing', async () => {
    const b = await planBakery();
    const empty = createEvent(b.db, { name: 'Empty' });
    expect(refused(b.db, () => advancePlan(b.db, { eventId: empty.id, state: 'locked' })).message).toBe('Add a target before you lock the plan: this plan makes nothing yet.');
    decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.id, batches: 1 });
    // 20 bags need 60 cookies: the 1 batch decided now makes 48, a shortfall nobody confirmed.
    setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 20 });
    const e = refused(b.db, () => advancePlan(b.db, { eventId: b.event.id, state: 'locked' }));
    expect([e.code, e.message]).toEqual(['CONFLICT', 'Before you lock the plan, confirm the shortfall of Sugar cookie or choose more batches.']);
  });

  it('a step inside a caller\'s transaction is undone with it', async () => {
    const b = await planBakery();
    advancePlan(b.db, { eventId: b.event.id, state: 'locked' });
    expect(() =>
      transaction(b.db, (tx) => {
        advancePlan(b.db, { eventId: b.event.id, state: 'in_production' }, tx);
        expect(getEvent(b.db, b.event.id, tx).state).toBe('in_production');
        throw new Error('power cut');
      }),
    ).toThrow('power cut');
    expect(getEvent(b.db, b.event.id).state).toBe('locked');
    expect(count(b.db, 'plan_snapshots')).toBe(0);
  });
});

describe('amendments, in production only, each with a reason', () => {
  it('add a good: a new target (its new units baked at the default), or more of one', async () => {
    const b = await inProduction();
    const tin = createGood(b.db, { name: 'Brownie tin', lines: [{ kind: 'unit', finishedUnitId: b.brownie.id, quantity: 6 }] });
    const added = amendPlan(b.db, { eventId: b.event.id, kind: 'add_good', goodId: tin.id, quantity: 4, reason: 'The teachers asked for tins' });
    expect(added).toMatchObject({ kind: 'add_good', item: { slug: 'brownie-tin' }, before: null, after: 4, reason: 'The teachers asked for tins' });
    const more = amendPlan(b.db, { eventId: b.event.id, kind: 'add_good', goodId: b.bag.id, quantity: 5, reason: 'Five more bags' });
    expect([more.before, more.after]).toEqual([10, 15]);
    expect(getEvent(b.db, b.event.id).goodTargets.map((g) => [g.good, g.quantity])).toEqual([
      ['brownie-tin', 4],
      ['cookie-bag', 15],
    ]);
    // The plan now needs more than the batches decided at lock: it shows the shortfall, and the saved plan is out of date.
    const rows = calculatePlan(b.db, { eventId: b.event.id }).rows;
    expect(rows.find((r) => r.finishedUnit === 'brownie')).toMatchObject({ unitsNeeded: 54, batches: 1, short: 30 });
    expect(planStaleness(b.db, { eventId: b.event.id }).changes.map((c) => c.kind)).toEqual(['good_target_added', 'good_target_changed']);
  });

  it('drop a good, whole or in part', async () => {
    const b = await inProduction();
    expect(amendPlan(b.db, { eventId: b.event.id, kind: 'drop_good', goodId: b.bag.id, quantity: 4, reason: 'Fewer stalls' })).toMatchObject({ before: 10, after: 6 });
    expect(amendPlan(b.db, { eventId: b.event.id, kind: 'drop_good', goodId: b.bag.id, reason: 'Fair cancelled' })).toMatchObject({ before: 6, after: 0 });
    expect(getEvent(b.db, b.event.id).goodTargets).toEqual([]);
    // The batches stay decided: what was baked stays in the plan.
    expect(calculatePlan(b.db, { eventId: b.event.id }).rows.map((r) => [r.finishedUnit, r.unitsNeeded, r.batches])).toEqual([
      ['brownie', 0, 1],
      ['sugar-cookie', 0, 1],
    ]);
  });

  it('change batches, with a shortfall only when confirmed', async () => {
    const b = await inProduction();
    const a = amendPlan(b.db, { eventId: b.event.id, kind: 'change_batches', finishedUnitId: b.cookie.id, batches: 2, reason: 'Extra for the bake sale table' });
    expect(a).toMatchObject({ kind: 'change_batches', item: { slug: 'sugar-cookie', name: 'Sugar cookie' }, before: 1, after: 2 });
    const e = refused(b.db, () => amendPlan(b.db, { eventId: b.event.id, kind: 'change_batches', finishedUnitId: b.brownie.id, batches: 0, reason: 'Oven broke' }));
    expect([e.details.field, e.message]).toEqual(['confirmShortfall', '20 Brownie needed; 0 batches make 0, 20 short. Confirm the shortfall, or choose 1 batch.']);
    amendPlan(b.db, { eventId: b.event.id, kind: 'change_batches', finishedUnitId: b.brownie.id, batches: 0, confirmShortfall: true, reason: 'Oven broke' });
    expect(calculatePlan(b.db, { eventId: b.event.id }).rows.find((r) => r.finishedUnit === 'brownie')).toMatchObject({ batches: 0, short: 20, decision: { batches: 0, shortfallConfirmed: true } });
  });

  it('each refusal changes nothing: blank reason, wrong state, not a target, more than the target, no change', async () => {
    const b = await planBakery();
    const inDraft = refused(b.db, () => amendPlan(b.db, { eventId: b.event.id, kind: 'drop_good', goodId: b.bag.id, reason: 'Too early' }));
    expect([inDraft.code, inDraft.message]).toEqual(['PLAN_STATE', 'Amendments are made only while the plan is in production; this one is a draft.']);
    advancePlan(b.db, { eventId: b.event.id, state: 'locked' });
    advancePlan(b.db, { eventId: b.event.id, state: 'in_production' });
    const blank = refused(b.db, () => amendPlan(b.db, { eventId: b.event.id, kind: 'drop_good', goodId: b.bag.id, reason: '   ' }));
    expect([blank.code, blank.details.field, blank.message]).toEqual(['VALIDATION', 'reason', 'A reason is required.']);
    const tin = createGood(b.db, { name: 'Tin', lines: [{ kind: 'unit', finishedUnitId: b.brownie.id, quantity: 6 }] });
    expect(refused(b.db, () => amendPlan(b.db, { eventId: b.event.id, kind: 'drop_good', goodId: tin.id, reason: 'x' })).message).toBe('Tin is not a target of this plan.');
    expect(refused(b.db, () => amendPlan(b.db, { eventId: b.event.id, kind: 'drop_good', goodId: b.bag.id, quantity: 11, reason: 'x' })).message).toBe('Drop between 1 and 10 Cookie bag.');
    expect(refused(b.db, () => amendPlan(b.db, { eventId: b.event.id, kind: 'add_good', goodId: b.bag.id, quantity: 0, reason: 'x' })).details.field).toBe('quantity');
    expect(refused(b.db, () => amendPlan(b.db, { eventId: b.event.id, kind: 'change_batches', finishedUnitId: b.cookie.id, batches: 1, reason: 'x' })).message).toBe('The plan already bakes 1 batch of Sugar cookie.');
    expect(refused(b.db, () => amendPlan(b.db, { eventId: b.event.id, kind: 'rename' as never, goodId: b.bag.id, quantity: 1, reason: 'x' } as never)).details.field).toBe('kind');
    const retired = createGood(b.db, { name: 'Retired tin', lines: [{ kind: 'unit', finishedUnitId: b.brownie.id, quantity: 6 }] });
    archiveGood(b.db, retired.id);
    expect(refused(b.db, () => amendPlan(b.db, { eventId: b.event.id, kind: 'add_good', goodId: retired.id, quantity: 2, reason: 'x' })).message).toBe(
      'Retired tin is archived: restore it before planning it.',
    );
    expect(count(b.db, 'plan_amendments')).toBe(0);
  });

  it('the history is append-only and shows the plan production started with against the plan now', async () => {
    const b = await inProduction();
    amendPlan(b.db, { eventId: b.event.id, kind: 'drop_good', goodId: b.bag.id, quantity: 2, reason: 'Fewer stalls' });
    amendPlan(b.db, { eventId: b.event.id, kind: 'change_batches', finishedUnitId: b.cookie.id, batches: 2, reason: 'Extra cookies' });
    calculatePlan(b.db, { eventId: b.event.id, save: true });
    const h = planHistory(b.db, { eventId: b.event.id });
    expect(h.amendments.map((a) => [a.kind, a.item.slug, a.before, a.after, a.reason])).toEqual([
      ['drop_good', 'cookie-bag', 10, 8, 'Fewer stalls'],
      ['change_batches', 'sugar-cookie', 1, 2, 'Extra cookies'],
    ]);
    expect(h.goods).toEqual([{ good: 'cookie-bag', displayName: 'Cookie bag', original: 10, current: 8 }]);
    expect(h.batches).toEqual([
      { finishedUnit: 'brownie', displayName: 'Brownie', original: 1, current: 1 },
      { finishedUnit: 'sugar-cookie', displayName: 'Sugar cookie', original: 1, current: 2 },
    ]);
    expect(h.snapshots.map((s) => s.state)).toEqual(['in_production', 'in_production']);
    expect(listAmendments(b.db, { eventId: b.event.id })).toEqual(h.amendments);
    expect(() => b.db.engine.run('UPDATE plan_amendments SET reason = ?', ['rewritten'])).toThrow(/append-only/);
    expect(() => b.db.engine.run('DELETE FROM plan_amendments')).toThrow(/append-only/);
  });
});
