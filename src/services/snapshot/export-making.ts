/**
 * The planning and making half of an export: events with everything planned
 * for them (targets, batch decisions, recipe choices, saved plans,
 * amendments, shopping ticks), production and assembly runs with their
 * ledgers, reversals and output lots, and finished stock that came without
 * a run. References are slugs and keys (lot-keys.ts), never ids: a run's
 * plan snapshot is its position in its event's list, a saved plan's payload
 * and a run's definition are stored keyed by slug already. Lists are in a
 * fixed order (events by slug; a plan's parts by slug or by time; runs by
 * date, then as recorded), so equal data gives equal bytes.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import type {
  AmendmentRecord,
  AssemblyConsumptionRecord,
  AssemblyRunRecord,
  EventRecord,
  FinishedLotRecord,
  ProductionConsumptionRecord,
  ProductionRunRecord,
  ReversalRecord,
  RunLotRecord,
  ShoppingTickRecord,
  TargetRecord,
} from '../../domain/snapshot-format';
import { BASE_UNIT, type Dimension } from '../../domain/units';
import { pagesOf, type Page } from '../../domain/id-pages';
import { rowsInOrder } from './export-pages';
import { ingredientLotKeys, materialLotKeys, runKeys } from './lot-keys';

type Row = Record<string, unknown>;
const str = (v: unknown) => v as string;
const num = (v: unknown) => v as number;
const opt = <T>(v: unknown) => (v === null || v === undefined ? null : (v as T));

function slugs(t: Tx, table: string): Map<number, string> {
  return new Map(t.all<{ id: number; slug: string }>(`SELECT id, slug FROM ${table}`).map((r) => [r.id, r.slug]));
}

/** Rows of `sql` grouped by their `event_id`, each group in the query's order. */
function byEvent<T>(t: Tx, sql: string, map: (r: Row) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of t.all<Row>(sql)) out.set(num(r.event_id), [...(out.get(num(r.event_id)) ?? []), map(r)]);
  return out;
}

/** A plan snapshot's position in its event's list (by when it was taken, then as saved), by its id. */
function snapshotPositions(t: Tx): Map<number, number> {
  const out = new Map<number, number>();
  const seen = new Map<number, number>();
  for (const r of t.all<{ id: number; event_id: number }>('SELECT id, event_id FROM plan_snapshots ORDER BY event_id, taken_at, id')) {
    const n = seen.get(r.event_id) ?? 0;
    out.set(r.id, n);
    seen.set(r.event_id, n + 1);
  }
  return out;
}

export function exportEvents(db: Database, tx?: Tx): EventRecord[] {
  return withTransaction(db, tx, (t) => {
    const goodOf = slugs(t, 'finished_goods');
    const unitOf = slugs(t, 'finished_units');
    const recipeOf = slugs(t, 'recipes');
    const stamps = (r: Row) => ({ created_at: str(r.created_at), updated_at: str(r.updated_at) });
    const goodTargets = byEvent<TargetRecord>(
      t,
      'SELECT x.*, g.slug FROM event_good_targets x JOIN finished_goods g ON g.id = x.finished_good_id ORDER BY g.slug',
      (r) => ({ finished_good: str(r.slug), quantity: num(r.quantity), ...stamps(r) }),
    );
    const unitTargets = byEvent<TargetRecord>(
      t,
      'SELECT x.*, u.slug FROM event_unit_targets x JOIN finished_units u ON u.id = x.finished_unit_id ORDER BY u.slug',
      (r) => ({ finished_unit: str(r.slug), quantity: num(r.quantity), ...stamps(r) }),
    );
    const decisions = byEvent(t, 'SELECT x.*, u.slug FROM batch_decisions x JOIN finished_units u ON u.id = x.finished_unit_id ORDER BY u.slug', (r) => ({
      finished_unit: str(r.slug),
      batches: num(r.batches),
      shortfall_confirmed: r.shortfall_confirmed === 1,
      ...stamps(r),
    }));
    const choices = byEvent(t, 'SELECT x.*, u.slug FROM event_recipe_choices x JOIN finished_units u ON u.id = x.finished_unit_id ORDER BY u.slug', (r) => ({
      finished_unit: str(r.slug),
      recipe: recipeOf.get(num(r.recipe_id))!,
      ...stamps(r),
    }));
    const snapshots = byEvent(t, 'SELECT * FROM plan_snapshots ORDER BY taken_at, id', (r) => ({
      taken_at: str(r.taken_at),
      fingerprint: str(r.fingerprint),
      cost_baseline: opt<number>(r.cost_baseline),
      payload: JSON.parse(str(r.payload)) as Record<string, unknown>,
      created_at: str(r.created_at),
    }));
    const amendments = byEvent<AmendmentRecord>(t, 'SELECT * FROM plan_amendments ORDER BY created_at, id', (r) => ({
      kind: r.kind as AmendmentRecord['kind'],
      finished_good: r.finished_good_id === null ? null : goodOf.get(num(r.finished_good_id))!,
      finished_unit: r.finished_unit_id === null ? null : unitOf.get(num(r.finished_unit_id))!,
      quantity: opt<number>(r.quantity),
      previous_quantity: opt<number>(r.previous_quantity),
      batches: opt<number>(r.batches),
      previous_batches: opt<number>(r.previous_batches),
      reason: str(r.reason),
      created_at: str(r.created_at),
    }));
    const ingredientTicks = byEvent<ShoppingTickRecord>(
      t,
      'SELECT x.*, i.slug FROM shopping_ticks x JOIN ingredients i ON i.id = x.ingredient_id ORDER BY i.slug',
      (r) => ({ ingredient: str(r.slug), ticked_at: str(r.ticked_at), created_at: str(r.created_at) }),
    );
    const materialTicks = byEvent<ShoppingTickRecord>(
      t,
      'SELECT x.*, m.slug FROM shopping_ticks x JOIN materials m ON m.id = x.material_id ORDER BY m.slug',
      (r) => ({ material: str(r.slug), ticked_at: str(r.ticked_at), created_at: str(r.created_at) }),
    );
    return t.all<Row>('SELECT * FROM events ORDER BY slug').map((r) => {
      const id = num(r.id);
      return {
        slug: str(r.slug),
        name: str(r.name),
        date: opt<string>(r.event_date),
        plan_state: r.plan_state as EventRecord['plan_state'],
        locked_at: opt<string>(r.locked_at),
        production_started_at: opt<string>(r.production_started_at),
        completed_at: opt<string>(r.completed_at),
        shopping_done_at: opt<string>(r.shopping_done_at),
        notes: str(r.notes),
        targets: [...(goodTargets.get(id) ?? []), ...(unitTargets.get(id) ?? [])],
        batch_decisions: decisions.get(id) ?? [],
        recipe_choices: choices.get(id) ?? [],
        plan_snapshots: snapshots.get(id) ?? [],
        amendments: amendments.get(id) ?? [],
        shopping_ticks: [...(ingredientTicks.get(id) ?? []), ...(materialTicks.get(id) ?? [])],
        ...stamps(r),
      };
    });
  });
}

/** Reversals by run id, for one kind of run. */
function reversals(t: Tx, column: 'production_run_id' | 'assembly_run_id'): Map<number, ReversalRecord> {
  return new Map(
    t.all<Row>(`SELECT * FROM run_reversals WHERE ${column} IS NOT NULL`).map((r) => [num(r[column]), { note: str(r.note), created_at: str(r.created_at) }]),
  );
}

/** Output lots by run id: what is left and when it last changed (a run undone has none). */
function outputLots(t: Tx, table: 'finished_unit_lots' | 'finished_good_lots', column: 'production_run_id' | 'assembly_run_id'): Map<number, RunLotRecord> {
  return new Map(
    t.all<Row>(`SELECT ${column} AS run_id, count_remaining, updated_at FROM ${table} WHERE ${column} IS NOT NULL`).map((r) => [
      num(r.run_id),
      { remaining: num(r.count_remaining), updated_at: str(r.updated_at) },
    ]),
  );
}

/** Runs per page: a busy bakery's runs carry 15 MB of recipe snapshots and 180,000 ledger lines, too much to hold as records at once. */
const RUNS_PER_PAGE = 100;

/** Each run's ledger lines, in the order they were written, for one page of runs. */
function ledgerOf<T>(t: Tx, sql: string, page: Page, line: (r: Row) => T): Map<number, T[]> {
  const ledger = new Map<number, T[]>();
  for (const c of t.all<Row>(sql, [page.json])) {
    const run = num(c.run_id);
    const list = ledger.get(run);
    if (list) list.push(line(c));
    else ledger.set(run, [line(c)]);
  }
  return ledger;
}

/**
 * Production runs by date, then as recorded, a page at a time as they are
 * asked for, inside the caller's transaction; without one, every page is
 * read at once in a transaction of its own (a transaction cannot stay open
 * between pages handed out).
 */
export function* productionRunPages(db: Database, tx?: Tx): Generator<ProductionRunRecord[]> {
  if (!tx) return yield* withTransaction(db, tx, (t) => [...productionRunPages(db, t)]);
  const t = tx;
  const keys = runKeys(db, 'production', t);
  const lotKeys = ingredientLotKeys(db, t);
  const recipeOf = slugs(t, 'recipes');
  const unitOf = slugs(t, 'finished_units');
  const eventOf = slugs(t, 'events');
  const position = snapshotPositions(t);
  const undone = reversals(t, 'production_run_id');
  const lots = outputLots(t, 'finished_unit_lots', 'production_run_id');
  for (const page of pagesOf([...keys.runs.keys()], RUNS_PER_PAGE)) {
    const ledger = ledgerOf(
      t,
      `SELECT c.production_run_id AS run_id, c.lot_id, c.quantity, c.unit_cost, c.cost, l.dimension FROM production_consumptions c JOIN lots l ON l.id = c.lot_id
       WHERE c.production_run_id IN (SELECT value FROM json_each(?)) ORDER BY c.production_run_id, c.id`,
      page,
      (c): ProductionConsumptionRecord => ({ lot: lotKeys.get(num(c.lot_id))!, quantity: num(c.quantity), unit: BASE_UNIT[c.dimension as Dimension], unit_cost: opt<number>(c.unit_cost), cost: opt<number>(c.cost) }),
    );
    yield rowsInOrder(db, 'SELECT * FROM production_runs WHERE id IN (SELECT value FROM json_each(?))', page, t).map((r) => {
      const id = num(r.id);
      const reversed = undone.get(id) ?? null;
      return {
        key: keys.runs.get(id)!,
        recipe: recipeOf.get(num(r.recipe_id))!,
        finished_unit: unitOf.get(num(r.finished_unit_id))!,
        event: r.event_id === null ? null : eventOf.get(num(r.event_id))!,
        date: str(r.produced_on),
        batches: num(r.batches),
        expected_yield: num(r.expected_yield),
        actual_yield: num(r.actual_yield),
        status: r.status as ProductionRunRecord['status'],
        loss_category: opt<string>(r.loss_category),
        loss_note: str(r.loss_note),
        recipe_snapshot: JSON.parse(str(r.recipe_snapshot)) as Record<string, unknown>,
        plan_snapshot: r.plan_snapshot_id === null ? null : position.get(num(r.plan_snapshot_id))!,
        consumptions: ledger.get(id) ?? [],
        total_cost: num(r.total_cost),
        cost_per_unit: num(r.cost_per_unit),
        cost_complete: r.cost_complete === 1,
        // An undone run's lot is gone (or kept empty only as a ledger's anchor): the file says it has none.
        lot: reversed ? null : (lots.get(id) ?? null),
        reversed,
        notes: str(r.notes),
        created_at: str(r.created_at),
      };
    });
  }
}

/** Assembly runs by date, then as recorded, a page at a time: as `productionRunPages`. */
export function* assemblyRunPages(db: Database, tx?: Tx): Generator<AssemblyRunRecord[]> {
  if (!tx) return yield* withTransaction(db, tx, (t) => [...assemblyRunPages(db, t)]);
  const t = tx;
  const keys = runKeys(db, 'assembly', t);
  const unitLotKeys = runKeys(db, 'production', t).lots;
  const materialKeys = materialLotKeys(db, t);
  const goodOf = slugs(t, 'finished_goods');
  const eventOf = slugs(t, 'events');
  const position = snapshotPositions(t);
  const undone = reversals(t, 'assembly_run_id');
  const lots = outputLots(t, 'finished_good_lots', 'assembly_run_id');
  for (const page of pagesOf([...keys.runs.keys()], RUNS_PER_PAGE)) {
    const ledger = ledgerOf(
      t,
      `SELECT assembly_run_id AS run_id, finished_unit_lot_id, finished_good_lot_id, material_lot_id, quantity, unit_cost, cost FROM assembly_consumptions
       WHERE assembly_run_id IN (SELECT value FROM json_each(?)) ORDER BY assembly_run_id, id`,
      page,
      (c): AssemblyConsumptionRecord => {
        const figures = { quantity: num(c.quantity), unit_cost: num(c.unit_cost), cost: num(c.cost) };
        const source =
          c.finished_unit_lot_id !== null
            ? { unit_lot: unitLotKeys.get(num(c.finished_unit_lot_id))! }
            : c.finished_good_lot_id !== null
              ? { good_lot: keys.lots.get(num(c.finished_good_lot_id))! }
              : { material_lot: materialKeys.get(num(c.material_lot_id))! };
        return { ...source, ...figures };
      },
    );
    yield rowsInOrder(db, 'SELECT * FROM assembly_runs WHERE id IN (SELECT value FROM json_each(?))', page, t).map((r) => {
      const id = num(r.id);
      const reversed = undone.get(id) ?? null;
      return {
        key: keys.runs.get(id)!,
        finished_good: goodOf.get(num(r.finished_good_id))!,
        event: r.event_id === null ? null : eventOf.get(num(r.event_id))!,
        date: str(r.assembled_on),
        quantity: num(r.quantity),
        good_snapshot: JSON.parse(str(r.good_snapshot)) as Record<string, unknown>,
        plan_snapshot: r.plan_snapshot_id === null ? null : position.get(num(r.plan_snapshot_id))!,
        packaging_bypassed: r.packaging_bypassed === 1,
        bypass_note: str(r.bypass_note),
        notes: str(r.notes),
        consumptions: ledger.get(id) ?? [],
        total_cost: num(r.total_cost),
        cost_per_unit: num(r.cost_per_unit),
        cost_complete: r.cost_complete === 1,
        lot: reversed ? null : (lots.get(id) ?? null),
        reversed,
        created_at: str(r.created_at),
      };
    });
  }
}

/** Finished units (or goods) on hand that came without a run, by slug, date, then as recorded. */
export function exportFinishedLots(db: Database, kind: 'finished_unit' | 'finished_good', tx?: Tx): FinishedLotRecord[] {
  return withTransaction(db, tx, (t) => {
    const [table, items, item, run, runKind] =
      kind === 'finished_unit'
        ? (['finished_unit_lots', 'finished_units', 'finished_unit_id', 'production_run_id', 'production'] as const)
        : (['finished_good_lots', 'finished_goods', 'finished_good_id', 'assembly_run_id', 'assembly'] as const);
    const keys = runKeys(db, runKind, t).lots;
    return t
      .all<Row>(`SELECT l.*, i.slug FROM ${table} l JOIN ${items} i ON i.id = l.${item} WHERE l.${run} IS NULL ORDER BY i.slug, l.made_on, l.id`)
      .map((r): FinishedLotRecord => ({
        key: keys.get(num(r.id))!,
        ...(kind === 'finished_unit' ? { finished_unit: str(r.slug) } : { finished_good: str(r.slug) }),
        date: str(r.made_on),
        count: num(r.count_initial),
        remaining: num(r.count_remaining),
        unit_cost: num(r.unit_cost),
        created_at: str(r.created_at),
        updated_at: str(r.updated_at),
      }));
  });
}
