/**
 * Batch decisions, per finished unit: how many batches the event bakes. The
 * planner offers ceil (the default) and, when the need is not a whole number
 * of batches, floor; any count that makes less than the need leaves a
 * shortfall, which the baker must confirm, and which stays visible on the
 * plan. Decisions change while the plan is a draft or locked; in production
 * they change through an amendment (amendments.ts), with the same checks.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { checkBatchChoice } from '../../domain/plan-checks';
import { assertPlanChange } from '../../domain/plan-states';
import { checkFields, positiveId } from '../../domain/validate';
import { validationError } from '../../errors';
import { insertBatchDecisionRow, loadEvent } from './event-rows';
import { readPlanInputs, type BatchRow } from './plan-inputs';

/** The plan row of a finished unit, or the refusal saying the event does not need it. */
export function planRowOf(db: Database, eventId: number, finishedUnitId: number, tx?: Tx): BatchRow {
  return withTransaction(db, tx, (t) => {
    const row = readPlanInputs(db, eventId, t).rows.find((r) => r.finishedUnitId === finishedUnitId);
    if (!row) throw validationError('finishedUnitId', 'This event does not need that finished unit: add a target that uses it first.', { finishedUnitId });
    return row;
  });
}

/** Writes a unit's decision (inserting or replacing it): the one place decisions are set, by a decision or an amendment. */
export function writeDecision(db: Database, request: { eventId: number; finishedUnitId: number; batches: number; shortfallConfirmed: boolean }, tx?: Tx): void {
  withTransaction(db, tx, (t) => {
    const current = t.get<{ id: number }>('SELECT id FROM batch_decisions WHERE event_id = ? AND finished_unit_id = ?', [request.eventId, request.finishedUnitId]);
    if (current) {
      t.run('UPDATE batch_decisions SET batches = ?, shortfall_confirmed = ?, updated_at = ? WHERE id = ?', [request.batches, request.shortfallConfirmed ? 1 : 0, t.now(), current.id]);
    } else {
      insertBatchDecisionRow(db, request, t);
    }
  });
}

/** Decides how many batches of a unit the event bakes. Draft or locked only; a shortfall must be confirmed. */
export function decideBatches(
  db: Database,
  input: { eventId: number; finishedUnitId: number; batches: number; confirmShortfall?: boolean },
  tx?: Tx,
): { batches: number; shortfallConfirmed: boolean } {
  return withTransaction(db, tx, (t) => {
    const event = loadEvent(db, positiveId(input.eventId, 'eventId', 'event'), t);
    const { finishedUnitId } = checkFields({ finishedUnitId: () => positiveId(input.finishedUnitId, 'finishedUnitId', 'finished unit') });
    assertPlanChange(event.plan_state, 'batchDecisions');
    const row = planRowOf(db, event.id, finishedUnitId, t);
    const decision = checkBatchChoice(row, input.batches, input.confirmShortfall);
    writeDecision(db, { eventId: event.id, finishedUnitId, ...decision }, t);
    return decision;
  });
}
