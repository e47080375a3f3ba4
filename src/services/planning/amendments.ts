/**
 * Amendments: once a plan is in production its targets and batches change
 * only this way, each with a reason, kept in an append-only history. Three
 * kinds: add a good (or more of one), drop a good (or some of it), change a
 * unit's batches. Each is refused when it contradicts what was already made
 * for the event: a target below what was assembled, batches below what was
 * baked. Adding a good bakes the finished units it newly needs at the default
 * (ceil); units already decided keep their batches, and a shortfall shows on
 * the plan until the batches are amended. An amendment changes the plan's
 * inputs, not the saved plan: the plan shows as out of date until it is
 * recalculated (docs/design/planning.md).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { plainNumber } from '../../domain/format';
import { checkBatchChoice, wholeCount } from '../../domain/plan-checks';
import { assertPlanChange, type PlanState } from '../../domain/plan-states';
import { checkFields, positiveId, requiredText } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { loadGood } from '../goods/good-rows';
import { planRowOf, writeDecision } from './batch-decisions';
import { insertGoodTargetRow, loadEvent, type EventRow } from './event-rows';
import { assembledByGood, producedBatchesByUnit } from './made-so-far';
import { readPlanInputs } from './plan-inputs';
import { insertPlanAmendmentRow, latestSnapshot, productionSnapshot, type AmendmentKind } from './plan-rows';

export type AmendmentInput =
  | { eventId: number; kind: 'add_good'; goodId: number; quantity: number; reason: string }
  /** `quantity`: how many to drop; all of them when left out. */
  | { eventId: number; kind: 'drop_good'; goodId: number; quantity?: number; reason: string }
  | { eventId: number; kind: 'change_batches'; finishedUnitId: number; batches: number; confirmShortfall?: boolean; reason: string };

export interface Amendment {
  id: number;
  kind: AmendmentKind;
  /** The good (add, drop) or finished unit (batches) it changed. */
  item: { id: number; slug: string; name: string };
  /** The target (goods) or batches (units) before and after. */
  before: number | null;
  after: number | null;
  reason: string;
  at: string;
}

const REASON_LENGTH = 500;

function goodTarget(t: Tx, eventId: number, goodId: number): number | null {
  return t.get<{ quantity: number }>('SELECT quantity FROM event_good_targets WHERE event_id = ? AND finished_good_id = ?', [eventId, goodId])?.quantity ?? null;
}

function setGoodTarget(db: Database, t: Tx, eventId: number, goodId: number, before: number | null, after: number): void {
  if (before === null) insertGoodTargetRow(db, { eventId, goodId, quantity: after }, t);
  else if (after === 0) t.run('DELETE FROM event_good_targets WHERE event_id = ? AND finished_good_id = ?', [eventId, goodId]);
  else t.run('UPDATE event_good_targets SET quantity = ?, updated_at = ? WHERE event_id = ? AND finished_good_id = ?', [after, t.now(), eventId, goodId]);
}

function addGood(db: Database, t: Tx, event: EventRow, input: Extract<AmendmentInput, { kind: 'add_good' }>, reason: string): number {
  const c = checkFields({
    goodId: () => positiveId(input.goodId, 'goodId', 'finished good'),
    quantity: () => {
      const n = wholeCount(input.quantity, 'quantity', 'the quantity to add');
      if (n === 0) throw validationError('quantity', 'Add at least one.');
      return n;
    },
  });
  const good = loadGood(db, c.goodId, t);
  if (good.archived === 1) throw validationError('goodId', `${good.name} is archived: restore it before planning it.`, { goodId: good.id });
  const before = goodTarget(t, event.id, good.id);
  const after = (before ?? 0) + c.quantity;
  setGoodTarget(db, t, event.id, good.id, before, after);
  for (const row of readPlanInputs(db, event.id, t).rows) {
    if (!row.decision) writeDecision(db, { eventId: event.id, finishedUnitId: row.finishedUnitId, batches: row.batches, shortfallConfirmed: false }, t);
  }
  return insertPlanAmendmentRow(db, { eventId: event.id, kind: 'add_good', goodId: good.id, finishedUnitId: null, quantity: after, previousQuantity: before, batches: null, previousBatches: null, reason }, t);
}

function dropGood(db: Database, t: Tx, event: EventRow, input: Extract<AmendmentInput, { kind: 'drop_good' }>, reason: string): number {
  const { goodId } = checkFields({ goodId: () => positiveId(input.goodId, 'goodId', 'finished good') });
  const good = loadGood(db, goodId, t);
  const before = goodTarget(t, event.id, good.id);
  if (before === null) throw validationError('goodId', `${good.name} is not a target of this plan.`, { goodId: good.id });
  const drop = input.quantity === undefined ? before : wholeCount(input.quantity, 'quantity', 'the quantity to drop');
  if (drop === 0 || drop > before) throw validationError('quantity', `Drop between 1 and ${before} ${good.name}.`, { value: input.quantity });
  const after = before - drop;
  const assembled = assembledByGood(db, event.id, t).get(good.id) ?? 0;
  if (assembled > after) {
    throw new AppError(
      'CONFLICT',
      `${plainNumber(assembled)} ${good.name} ${assembled === 1 ? 'has' : 'have'} already been assembled for this event: the target cannot go below ${plainNumber(assembled)}.`,
      { field: 'quantity', goodId: good.id, assembled, target: after },
    );
  }
  setGoodTarget(db, t, event.id, good.id, before, after);
  return insertPlanAmendmentRow(db, { eventId: event.id, kind: 'drop_good', goodId: good.id, finishedUnitId: null, quantity: after, previousQuantity: before, batches: null, previousBatches: null, reason }, t);
}

function changeBatches(db: Database, t: Tx, event: EventRow, input: Extract<AmendmentInput, { kind: 'change_batches' }>, reason: string): number {
  const { finishedUnitId } = checkFields({ finishedUnitId: () => positiveId(input.finishedUnitId, 'finishedUnitId', 'finished unit') });
  const row = planRowOf(db, event.id, finishedUnitId, t);
  const decision = checkBatchChoice(row, input.batches, input.confirmShortfall);
  if (decision.batches === row.batches) {
    throw validationError('batches', `The plan already bakes ${row.batches} batch${row.batches === 1 ? '' : 'es'} of ${row.finishedUnitName}.`, { value: input.batches });
  }
  const baked = producedBatchesByUnit(db, event.id, t).get(row.finishedUnitId) ?? 0;
  if (decision.batches < baked) {
    throw new AppError(
      'CONFLICT',
      `${plainNumber(baked)} batch${baked === 1 ? '' : 'es'} of ${row.finishedUnitName} ${baked === 1 ? 'has' : 'have'} already been baked for this event: choose at least ${plainNumber(Math.ceil(baked))}.`,
      { field: 'batches', finishedUnitId: row.finishedUnitId, produced: baked, batches: decision.batches },
    );
  }
  writeDecision(db, { eventId: event.id, finishedUnitId: row.finishedUnitId, ...decision }, t);
  return insertPlanAmendmentRow(
    db,
    { eventId: event.id, kind: 'change_batches', goodId: null, finishedUnitId: row.finishedUnitId, quantity: null, previousQuantity: null, batches: decision.batches, previousBatches: row.batches, reason },
    t,
  );
}

/** Records an amendment to a plan in production, with its reason; refused (changing nothing) when it contradicts what was made. */
export function amendPlan(db: Database, input: AmendmentInput, tx?: Tx): Amendment {
  return withTransaction(db, tx, (t) => {
    const event = loadEvent(db, positiveId(input.eventId, 'eventId', 'event'), t);
    const reason = requiredText(input.reason, 'reason', 'a reason', REASON_LENGTH);
    assertPlanChange(event.plan_state, 'amendments');
    const id =
      input.kind === 'add_good'
        ? addGood(db, t, event, input, reason)
        : input.kind === 'drop_good'
          ? dropGood(db, t, event, input, reason)
          : input.kind === 'change_batches'
            ? changeBatches(db, t, event, input, reason)
            : (() => {
                throw validationError('kind', 'An amendment adds a good, drops a good or changes batches.', { value: (input as { kind: unknown }).kind });
              })();
    return listAmendments(db, { eventId: event.id }, t).find((a) => a.id === id)!;
  });
}

/** The event's amendments, oldest first. */
export function listAmendments(db: Database, request: { eventId: number }, tx?: Tx): Amendment[] {
  return withTransaction(db, tx, (t) =>
    t
      .all<{
        id: number;
        kind: AmendmentKind;
        item_id: number;
        item_slug: string;
        item_name: string;
        quantity: number | null;
        previous_quantity: number | null;
        batches: number | null;
        previous_batches: number | null;
        reason: string;
        created_at: string;
      }>(
        `SELECT a.id, a.kind, coalesce(g.id, u.id) AS item_id, coalesce(g.slug, u.slug) AS item_slug, coalesce(g.name, u.name) AS item_name,
                a.quantity, a.previous_quantity, a.batches, a.previous_batches, a.reason, a.created_at
         FROM plan_amendments a
         LEFT JOIN finished_goods g ON g.id = a.finished_good_id
         LEFT JOIN finished_units u ON u.id = a.finished_unit_id AND a.finished_good_id IS NULL
         WHERE a.event_id = ? ORDER BY a.created_at, a.id`,
        [positiveId(request.eventId, 'eventId', 'event')],
      )
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        item: { id: r.item_id, slug: r.item_slug, name: r.item_name },
        before: r.kind === 'change_batches' ? r.previous_batches : r.previous_quantity,
        after: r.kind === 'change_batches' ? r.batches : r.quantity,
        reason: r.reason,
        at: r.created_at,
      })),
  );
}

export interface PlanHistory {
  state: PlanState;
  productionStartedAt: string | null;
  amendments: Amendment[];
  /** Per good: its target in the plan production started with, and now (null: not a target). */
  goods: { good: string; displayName: string; original: number | null; current: number | null }[];
  /** Per finished unit: its batches in the plan production started with, and now. */
  batches: { finishedUnit: string; displayName: string; original: number | null; current: number | null }[];
  /** Every saved plan, newest first. */
  snapshots: { id: number; takenAt: string; state: PlanState; costBaseline: number | null }[];
}

/** The plan production started with against the plan now, the amendments between, and every saved plan. */
export function planHistory(db: Database, request: { eventId: number }, tx?: Tx): PlanHistory {
  return withTransaction(db, tx, (t) => {
    const inputs = readPlanInputs(db, positiveId(request.eventId, 'eventId', 'event'), t);
    const original = productionSnapshot(db, inputs.event, t)?.payload ?? latestSnapshot(db, inputs.event.id, t)?.payload ?? null;
    const goods = new Map<string, PlanHistory['goods'][number]>();
    for (const g of original?.targets.goods ?? []) goods.set(g.good, { good: g.good, displayName: g.displayName, original: g.quantity, current: null });
    for (const g of inputs.goodTargets) goods.set(g.good, { good: g.good, displayName: g.displayName, original: goods.get(g.good)?.original ?? null, current: g.quantity });
    const batches = new Map<string, PlanHistory['batches'][number]>();
    for (const b of original?.batches ?? []) batches.set(b.finishedUnit, { finishedUnit: b.finishedUnit, displayName: b.finishedUnitName, original: b.batches, current: null });
    for (const r of inputs.rows) {
      batches.set(r.finishedUnit, { finishedUnit: r.finishedUnit, displayName: r.finishedUnitName, original: batches.get(r.finishedUnit)?.original ?? null, current: r.batches });
    }
    const bySlug = <T extends { displayName: string }>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
    return {
      state: inputs.event.plan_state,
      productionStartedAt: inputs.event.production_started_at,
      amendments: listAmendments(db, { eventId: inputs.event.id }, t),
      goods: bySlug(goods),
      batches: bySlug(batches),
      snapshots: t
        .all<{ id: number; taken_at: string; cost_baseline: number | null; state: PlanState }>(
          `SELECT id, taken_at, cost_baseline, json_extract(payload, '$.state') AS state FROM plan_snapshots WHERE event_id = ? ORDER BY taken_at DESC, id DESC`,
          [inputs.event.id],
        )
        .map((s) => ({ id: s.id, takenAt: s.taken_at, state: s.state, costBaseline: s.cost_baseline })),
    };
  });
}
