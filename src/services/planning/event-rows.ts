/**
 * Event rows: reading an event by id or slug, and the one way event, target,
 * batch decision and recipe choice rows are written (the planning services,
 * the sample and the snapshot importer all insert through these).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import type { PlanState } from '../../domain/plan-states';
import { AppError } from '../../errors';

export interface EventRow {
  id: number;
  slug: string;
  name: string;
  event_date: string | null;
  plan_state: PlanState;
  shopping_done_at: string | null;
  notes: string;
  locked_at: string | null;
  production_started_at: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export function loadEvent(db: Database, id: number, tx?: Tx): EventRow {
  return withTransaction(db, tx, (t) => {
    const row = t.get<EventRow>('SELECT * FROM events WHERE id = ?', [id]);
    if (!row) throw new AppError('NOT_FOUND', 'That event no longer exists.', { eventId: id });
    return row;
  });
}

/** The event with this slug (the natural key in files and on the command line), if any. */
export function findEventBySlug(db: Database, slug: string, tx?: Tx): EventRow | undefined {
  return withTransaction(db, tx, (t) => t.get<EventRow>('SELECT * FROM events WHERE slug = ?', [slug]));
}

export interface NewEventRow {
  slug: string;
  name: string;
  eventDate: string | null;
  notes: string;
  /** A new event is a draft; an imported file's event keeps its state and the times of its steps. */
  planState?: PlanState;
  lockedAt?: string | null;
  productionStartedAt?: string | null;
  completedAt?: string | null;
  shoppingDoneAt?: string | null;
  /** Kept when given (an imported file's); else the transaction's time. */
  createdAt?: string;
  updatedAt?: string;
}

/** Stamps a row keeps: a file's when it gives them, else the transaction's time. */
export interface RowStamps {
  createdAt?: string;
  updatedAt?: string;
}

/** Inserts a checked event (a draft plan, unless a file says otherwise); returns its id. */
export function insertEventRow(db: Database, row: NewEventRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      `INSERT INTO events (slug, name, event_date, plan_state, locked_at, production_started_at, completed_at, shopping_done_at, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.slug,
        row.name,
        row.eventDate,
        row.planState ?? 'draft',
        row.lockedAt ?? null,
        row.productionStartedAt ?? null,
        row.completedAt ?? null,
        row.shoppingDoneAt ?? null,
        row.notes,
        row.createdAt ?? now,
        row.updatedAt ?? row.createdAt ?? now,
      ],
    ).lastInsertRowid;
  });
}

/** Inserts a checked good target (a whole count above zero); returns its id. */
export function insertGoodTargetRow(db: Database, row: { eventId: number; goodId: number; quantity: number } & RowStamps, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run('INSERT INTO event_good_targets (event_id, finished_good_id, quantity, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
      row.eventId,
      row.goodId,
      row.quantity,
      row.createdAt ?? now,
      row.updatedAt ?? row.createdAt ?? now,
    ]).lastInsertRowid;
  });
}

/** Inserts a checked finished-unit target (loose units: a bulk order); returns its id. */
export function insertUnitTargetRow(db: Database, row: { eventId: number; finishedUnitId: number; quantity: number } & RowStamps, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run('INSERT INTO event_unit_targets (event_id, finished_unit_id, quantity, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
      row.eventId,
      row.finishedUnitId,
      row.quantity,
      row.createdAt ?? now,
      row.updatedAt ?? row.createdAt ?? now,
    ]).lastInsertRowid;
  });
}

/** Inserts a checked batch decision for a finished unit; returns its id. */
export function insertBatchDecisionRow(
  db: Database,
  row: { eventId: number; finishedUnitId: number; batches: number; shortfallConfirmed: boolean } & RowStamps,
  tx?: Tx,
): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      'INSERT INTO batch_decisions (event_id, finished_unit_id, batches, shortfall_confirmed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      [row.eventId, row.finishedUnitId, row.batches, row.shortfallConfirmed ? 1 : 0, row.createdAt ?? now, row.updatedAt ?? row.createdAt ?? now],
    ).lastInsertRowid;
  });
}

/** Inserts a checked recipe choice (a recipe of the unit's family); returns its id. */
export function insertRecipeChoiceRow(db: Database, row: { eventId: number; finishedUnitId: number; recipeId: number } & RowStamps, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run('INSERT INTO event_recipe_choices (event_id, finished_unit_id, recipe_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
      row.eventId,
      row.finishedUnitId,
      row.recipeId,
      row.createdAt ?? now,
      row.updatedAt ?? row.createdAt ?? now,
    ]).lastInsertRowid;
  });
}
