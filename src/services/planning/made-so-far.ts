/**
 * What has been made for an event so far, from the ledger: batches baked per
 * finished unit and goods assembled per good, counting only runs that were
 * not undone (a run_reversals row undoes a run). Amendments check against
 * these; progress counts them.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';

/** Finished unit id -> batches baked for the event (runs not undone). */
export function producedBatchesByUnit(db: Database, eventId: number, tx?: Tx): Map<number, number> {
  return withTransaction(db, tx, (t) => {
    const rows = t.all<{ finished_unit_id: number; batches: number }>(
      `SELECT pr.finished_unit_id, sum(pr.batches) AS batches FROM production_runs pr
       WHERE pr.event_id = ? AND NOT EXISTS (SELECT 1 FROM run_reversals rr WHERE rr.production_run_id = pr.id)
       GROUP BY pr.finished_unit_id`,
      [eventId],
    );
    return new Map(rows.map((r) => [r.finished_unit_id, r.batches]));
  });
}

/** Finished good id -> how many were assembled for the event (runs not undone). */
export function assembledByGood(db: Database, eventId: number, tx?: Tx): Map<number, number> {
  return withTransaction(db, tx, (t) => {
    const rows = t.all<{ finished_good_id: number; quantity: number }>(
      `SELECT ar.finished_good_id, sum(ar.quantity) AS quantity FROM assembly_runs ar
       WHERE ar.event_id = ? AND NOT EXISTS (SELECT 1 FROM run_reversals rr WHERE rr.assembly_run_id = ar.id)
       GROUP BY ar.finished_good_id`,
      [eventId],
    );
    return new Map(rows.map((r) => [r.finished_good_id, r.quantity]));
  });
}

/**
 * Finished good id -> how many of the goods assembled for the event (runs not undone) are still in stock:
 * made for it and not yet drawn into another assembly. The shopping list counts them against the nested
 * goods its targets still need.
 */
export function eventGoodsInStock(db: Database, eventId: number, tx?: Tx): Map<number, number> {
  return withTransaction(db, tx, (t) => {
    const rows = t.all<{ finished_good_id: number; count: number }>(
      `SELECT l.finished_good_id, sum(l.count_remaining) AS count FROM finished_good_lots l JOIN assembly_runs ar ON ar.id = l.assembly_run_id
       WHERE ar.event_id = ? AND NOT EXISTS (SELECT 1 FROM run_reversals rr WHERE rr.assembly_run_id = ar.id)
       GROUP BY l.finished_good_id`,
      [eventId],
    );
    return new Map(rows.map((r) => [r.finished_good_id, r.count]));
  });
}

/** Recipe id -> batches baked for the event (runs not undone): progress counts per recipe. */
export function producedBatchesByRecipe(db: Database, eventId: number, tx?: Tx): Map<number, number> {
  return withTransaction(db, tx, (t) => {
    const rows = t.all<{ recipe_id: number; batches: number }>(
      `SELECT pr.recipe_id, sum(pr.batches) AS batches FROM production_runs pr
       WHERE pr.event_id = ? AND NOT EXISTS (SELECT 1 FROM run_reversals rr WHERE rr.production_run_id = pr.id)
       GROUP BY pr.recipe_id`,
      [eventId],
    );
    return new Map(rows.map((r) => [r.recipe_id, r.batches]));
  });
}

/** Batches baked for the event per day (runs not undone), oldest first: the dashboard's chart against the plan. */
export function producedBatchesByDay(db: Database, eventId: number, tx?: Tx): { date: string; batches: number }[] {
  return withTransaction(db, tx, (t) =>
    t.all<{ date: string; batches: number }>(
      `SELECT pr.produced_on AS date, sum(pr.batches) AS batches FROM production_runs pr
       WHERE pr.event_id = ? AND NOT EXISTS (SELECT 1 FROM run_reversals rr WHERE rr.production_run_id = pr.id)
       GROUP BY pr.produced_on ORDER BY pr.produced_on`,
      [eventId],
    ),
  );
}
