/**
 * Saved plans and amendments: the one way their (append-only) rows are
 * written, and reading an event's snapshots back.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { parsePlanPayload, type PlanPayload } from '../../domain/plan-snapshot';

export interface SavedPlan {
  id: number;
  eventId: number;
  takenAt: string;
  fingerprint: string;
  costBaseline: number | null;
  payload: PlanPayload;
}

interface SnapshotRow {
  id: number;
  event_id: number;
  taken_at: string;
  fingerprint: string;
  cost_baseline: number | null;
  payload: string;
}

const toSaved = (r: SnapshotRow): SavedPlan => ({
  id: r.id,
  eventId: r.event_id,
  takenAt: r.taken_at,
  fingerprint: r.fingerprint,
  costBaseline: r.cost_baseline,
  payload: parsePlanPayload(r.payload),
});

/** Inserts a plan snapshot; returns its id. */
export function insertPlanSnapshotRow(db: Database, row: { eventId: number; takenAt: string; payload: PlanPayload; createdAt?: string }, tx?: Tx): number {
  return withTransaction(db, tx, (t) =>
    t.run('INSERT INTO plan_snapshots (event_id, taken_at, fingerprint, cost_baseline, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      row.eventId,
      row.takenAt,
      row.payload.fingerprint,
      row.payload.costBaseline,
      JSON.stringify(row.payload),
      row.createdAt ?? t.now(),
    ]).lastInsertRowid,
  );
}

/** The event's latest saved plan (by when it was taken, then id), or null when none was saved. */
export function latestSnapshot(db: Database, eventId: number, tx?: Tx): SavedPlan | null {
  return withTransaction(db, tx, (t) => {
    const row = t.get<SnapshotRow>('SELECT * FROM plan_snapshots WHERE event_id = ? ORDER BY taken_at DESC, id DESC LIMIT 1', [eventId]);
    return row ? toSaved(row) : null;
  });
}

/** The snapshot taken when production started (the original plan the amendments change), or null. */
export function productionSnapshot(db: Database, event: { id: number; production_started_at: string | null }, tx?: Tx): SavedPlan | null {
  return withTransaction(db, tx, (t) => {
    if (!event.production_started_at) return null;
    const row = t.get<SnapshotRow>('SELECT * FROM plan_snapshots WHERE event_id = ? AND taken_at >= ? ORDER BY taken_at, id LIMIT 1', [
      event.id,
      event.production_started_at,
    ]);
    return row ? toSaved(row) : null;
  });
}

export type AmendmentKind = 'drop_good' | 'add_good' | 'change_batches';

export interface NewAmendmentRow {
  eventId: number;
  kind: AmendmentKind;
  goodId: number | null;
  finishedUnitId: number | null;
  /** The good's target after the amendment (0: dropped), and before it (null: it was not a target). */
  quantity: number | null;
  previousQuantity: number | null;
  /** The finished unit's batches after the amendment, and before it. */
  batches: number | null;
  previousBatches: number | null;
  reason: string;
  /** Kept when given (an imported file's); else the transaction's time. */
  createdAt?: string;
}

/** Inserts a checked amendment; returns its id. */
export function insertPlanAmendmentRow(db: Database, row: NewAmendmentRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) =>
    t.run(
      `INSERT INTO plan_amendments (event_id, kind, finished_good_id, finished_unit_id, quantity, previous_quantity, batches, previous_batches, reason, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.eventId, row.kind, row.goodId, row.finishedUnitId, row.quantity, row.previousQuantity, row.batches, row.previousBatches, row.reason, row.createdAt ?? t.now()],
    ).lastInsertRowid,
  );
}
