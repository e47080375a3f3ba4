/**
 * An event's targets: finished goods x quantity ("40 gift boxes") and,
 * optionally, loose finished units ("200 cookies" for a bulk order). They
 * change only while the plan is a draft; in production they change through
 * amendments. A quantity of 0 removes the target. When a target change leaves
 * a finished unit unneeded, its batch decision and recipe choice go too: they
 * were made for a need that no longer exists.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { assertPlanChange } from '../../domain/plan-states';
import { wholeCount } from '../../domain/plan-checks';
import { checkFields, positiveId } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { loadGood } from '../goods/good-rows';
import { insertGoodTargetRow, insertUnitTargetRow, loadEvent } from './event-rows';
import { readPlanInputs } from './plan-inputs';

/** Drops the decisions and recipe choices of units the targets no longer need (a draft's bookkeeping). */
export function pruneUnneeded(db: Database, eventId: number, tx?: Tx): void {
  withTransaction(db, tx, (t) => {
    // Read the need without the decisions keeping their units in the plan.
    const needed = new Set(readPlanInputs(db, eventId, t).rows.filter((r) => r.unitsNeeded > 0).map((r) => r.finishedUnitId));
    for (const table of ['batch_decisions', 'event_recipe_choices'] as const) {
      for (const { finished_unit_id } of t.all<{ finished_unit_id: number }>(`SELECT finished_unit_id FROM ${table} WHERE event_id = ?`, [eventId])) {
        if (!needed.has(finished_unit_id)) t.run(`DELETE FROM ${table} WHERE event_id = ? AND finished_unit_id = ?`, [eventId, finished_unit_id]);
      }
    }
  });
}

/** Sets how many of a good the event needs (0 removes the target). Draft only. */
export function setGoodTarget(db: Database, input: { eventId: number; goodId: number; quantity: number }, tx?: Tx): { quantity: number } {
  return withTransaction(db, tx, (t) => {
    const event = loadEvent(db, positiveId(input.eventId, 'eventId', 'event'), t);
    const c = checkFields({
      goodId: () => positiveId(input.goodId, 'goodId', 'finished good'),
      quantity: () => wholeCount(input.quantity, 'quantity', 'a target'),
    });
    assertPlanChange(event.plan_state, 'targets');
    const good = loadGood(db, c.goodId, t);
    const current = t.get<{ id: number }>('SELECT id FROM event_good_targets WHERE event_id = ? AND finished_good_id = ?', [event.id, good.id]);
    if (!current && c.quantity > 0 && good.archived === 1) {
      throw validationError('goodId', `${good.name} is archived: restore it before planning it.`, { goodId: good.id });
    }
    if (current && c.quantity === 0) t.run('DELETE FROM event_good_targets WHERE id = ?', [current.id]);
    else if (current) t.run('UPDATE event_good_targets SET quantity = ?, updated_at = ? WHERE id = ?', [c.quantity, t.now(), current.id]);
    else if (c.quantity > 0) insertGoodTargetRow(db, { eventId: event.id, goodId: good.id, quantity: c.quantity }, t);
    pruneUnneeded(db, event.id, t);
    return { quantity: c.quantity };
  });
}

/** Sets how many loose finished units the event needs (0 removes the target). Draft only. */
export function setUnitTarget(db: Database, input: { eventId: number; finishedUnitId: number; quantity: number }, tx?: Tx): { quantity: number } {
  return withTransaction(db, tx, (t) => {
    const event = loadEvent(db, positiveId(input.eventId, 'eventId', 'event'), t);
    const c = checkFields({
      finishedUnitId: () => positiveId(input.finishedUnitId, 'finishedUnitId', 'finished unit'),
      quantity: () => wholeCount(input.quantity, 'quantity', 'a target'),
    });
    assertPlanChange(event.plan_state, 'targets');
    const unit = t.get<{ id: number; name: string; archived: number; recipe_archived: number }>(
      'SELECT u.id, u.name, u.archived, r.archived AS recipe_archived FROM finished_units u JOIN recipes r ON r.id = u.recipe_id WHERE u.id = ?',
      [c.finishedUnitId],
    );
    if (!unit) throw new AppError('NOT_FOUND', 'That finished unit no longer exists.', { field: 'finishedUnitId', finishedUnitId: c.finishedUnitId });
    const current = t.get<{ id: number }>('SELECT id FROM event_unit_targets WHERE event_id = ? AND finished_unit_id = ?', [event.id, unit.id]);
    if (!current && c.quantity > 0 && (unit.archived === 1 || unit.recipe_archived === 1)) {
      throw validationError('finishedUnitId', `${unit.name} is archived (or its recipe is): restore it before planning it.`, { finishedUnitId: unit.id });
    }
    if (current && c.quantity === 0) t.run('DELETE FROM event_unit_targets WHERE id = ?', [current.id]);
    else if (current) t.run('UPDATE event_unit_targets SET quantity = ?, updated_at = ? WHERE id = ?', [c.quantity, t.now(), current.id]);
    else if (c.quantity > 0) insertUnitTargetRow(db, { eventId: event.id, finishedUnitId: unit.id, quantity: c.quantity }, t);
    pruneUnneeded(db, event.id, t);
    return { quantity: c.quantity };
  });
}
