/**
 * Moving a plan along: draft -> locked -> in production -> completed, one
 * step at a time (a skipped step is refused, naming the state it needs).
 *
 * - Locking fixes the batches: it needs a target, refuses while a shortfall
 *   is unconfirmed, and writes the default (ceil) for every unit the baker
 *   left undecided, so what is baked and counted is on record.
 * - Starting production takes the plan snapshot (the plan production uses),
 *   in the same transaction.
 * - Completing closes the plan.
 * Each step is one transaction: with a refusal nothing changes.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { nameList } from '../../domain/usage-text';
import { PLAN_STEPS, isPlanState, transitionRefusal, type PlanStep } from '../../domain/plan-states';
import { positiveId } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { writeDecision } from './batch-decisions';
import { loadEvent } from './event-rows';
import { calculatePlan } from './plan';
import { readPlanInputs } from './plan-inputs';

const STAMP: Record<PlanStep, 'locked_at' | 'production_started_at' | 'completed_at'> = {
  locked: 'locked_at',
  in_production: 'production_started_at',
  completed: 'completed_at',
};

/** Refuses a plan with nothing to make, or with a shortfall the baker has not confirmed. */
function assertReady(db: Database, t: Tx, eventId: number, verb: string): ReturnType<typeof readPlanInputs> {
  const inputs = readPlanInputs(db, eventId, t);
  if (inputs.goodTargets.length === 0 && inputs.unitTargets.length === 0) {
    throw new AppError('CONFLICT', `Add a target before you ${verb}: this plan makes nothing yet.`, { eventId });
  }
  const unconfirmed = inputs.rows.filter((r) => r.short > 0 && !r.decision?.shortfallConfirmed);
  if (unconfirmed.length > 0) {
    throw new AppError(
      'CONFLICT',
      `Before you ${verb}, confirm the shortfall of ${nameList(unconfirmed.map((r) => r.finishedUnitName))} or choose more batches.`,
      { eventId, finishedUnits: unconfirmed.map((r) => r.finishedUnit) },
    );
  }
  return inputs;
}

/** Moves the event's plan to `state`, the next one after its current state. Returns the saved snapshot's id when it takes one. */
export function advancePlan(db: Database, input: { eventId: number; state: PlanStep }, tx?: Tx): { state: PlanStep; snapshotId: number | null } {
  return withTransaction(db, tx, (t) => {
    const event = loadEvent(db, positiveId(input.eventId, 'eventId', 'event'), t);
    if (!isPlanState(input.state) || (input.state as string) === 'draft') {
      throw validationError('state', 'A plan moves to locked, then in production, then completed.', { value: input.state });
    }
    const refusal = transitionRefusal(event.plan_state, input.state);
    if (refusal) throw refusal;
    // Every check comes before the first write, so a refusal changes nothing even inside a caller's transaction.
    const inputs = input.state === 'completed' ? null : assertReady(db, t, event.id, PLAN_STEPS[input.state].verb);
    if (input.state === 'locked') {
      for (const row of inputs!.rows) {
        if (!row.decision) writeDecision(db, { eventId: event.id, finishedUnitId: row.finishedUnitId, batches: row.batches, shortfallConfirmed: false }, t);
      }
    }
    const now = t.now();
    t.run(`UPDATE events SET plan_state = ?, ${STAMP[input.state]} = ?, updated_at = ? WHERE id = ?`, [input.state, now, now, event.id]);
    const snapshotId = input.state === 'in_production' ? calculatePlan(db, { eventId: event.id, save: true }, t).snapshotId : null;
    return { state: input.state, snapshotId };
  });
}
