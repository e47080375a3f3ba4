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

interface TargetKind {
  table: 'event_good_targets' | 'event_unit_targets';
  column: 'finished_good_id' | 'finished_unit_id';
  field: 'goodId' | 'finishedUnitId';
  label: string;
  /** The row by id: its name, and whether it (or what it depends on) is archived; null when it is gone. */
  load(tx: Tx, id: number): { name: string; archived: boolean } | null;
  insert(db: Database, row: { eventId: number; itemId: number; quantity: number }, tx: Tx): void;
}

const GOOD: TargetKind = {
  table: 'event_good_targets',
  column: 'finished_good_id',
  field: 'goodId',
  label: 'finished good',
  load: (tx, id) => {
    const g = tx.get<{ name: string; archived: number }>('SELECT name, archived FROM finished_goods WHERE id = ?', [id]);
    return g ? { name: g.name, archived: g.archived === 1 } : null;
  },
  insert: (db, r, tx) => void insertGoodTargetRow(db, { eventId: r.eventId, goodId: r.itemId, quantity: r.quantity }, tx),
};

const UNIT: TargetKind = {
  table: 'event_unit_targets',
  column: 'finished_unit_id',
  field: 'finishedUnitId',
  label: 'finished unit',
  load: (tx, id) => {
    const u = tx.get<{ name: string; archived: number; recipe_archived: number }>(
      'SELECT u.name, u.archived, r.archived AS recipe_archived FROM finished_units u JOIN recipes r ON r.id = u.recipe_id WHERE u.id = ?',
      [id],
    );
    return u ? { name: u.name, archived: u.archived === 1 || u.recipe_archived === 1 } : null;
  },
  insert: (db, r, tx) => void insertUnitTargetRow(db, { eventId: r.eventId, finishedUnitId: r.itemId, quantity: r.quantity }, tx),
};

/** Sets one target (0 removes it), draft only; every check before the first write. */
function setTarget(db: Database, t: Tx, kind: TargetKind, eventId: unknown, itemId: unknown, quantity: unknown): { quantity: number } {
  const event = loadEvent(db, positiveId(eventId, 'eventId', 'event'), t);
  const c = checkFields({
    id: () => positiveId(itemId, kind.field, kind.label),
    quantity: () => wholeCount(quantity, 'quantity', 'a target'),
  });
  assertPlanChange(event.plan_state, 'targets');
  const item = kind.load(t, c.id);
  if (!item) throw new AppError('NOT_FOUND', `That ${kind.label} no longer exists.`, { field: kind.field, [kind.field]: c.id });
  const current = t.get<{ id: number }>(`SELECT id FROM ${kind.table} WHERE event_id = ? AND ${kind.column} = ?`, [event.id, c.id]);
  if (!current && c.quantity > 0 && item.archived) {
    throw validationError(kind.field, `${item.name} is archived: restore it before planning it.`, { [kind.field]: c.id });
  }
  if (current && c.quantity === 0) t.run(`DELETE FROM ${kind.table} WHERE id = ?`, [current.id]);
  else if (current) t.run(`UPDATE ${kind.table} SET quantity = ?, updated_at = ? WHERE id = ?`, [c.quantity, t.now(), current.id]);
  else if (c.quantity > 0) kind.insert(db, { eventId: event.id, itemId: c.id, quantity: c.quantity }, t);
  pruneUnneeded(db, event.id, t);
  return { quantity: c.quantity };
}

/** Sets how many of a good the event needs (0 removes the target). Draft only. */
export function setGoodTarget(db: Database, input: { eventId: number; goodId: number; quantity: number }, tx?: Tx): { quantity: number } {
  return withTransaction(db, tx, (t) => setTarget(db, t, GOOD, input.eventId, input.goodId, input.quantity));
}

/** Sets how many loose finished units the event needs (0 removes the target). Draft only. */
export function setUnitTarget(db: Database, input: { eventId: number; finishedUnitId: number; quantity: number }, tx?: Tx): { quantity: number } {
  return withTransaction(db, tx, (t) => setTarget(db, t, UNIT, input.eventId, input.finishedUnitId, input.quantity));
}
