/**
 * The history of runs: every bake and assembly, newest first, and one run
 * with its cost breakdown per lot drawn. Quantities of a lot are given in
 * the unit its product is sold in (a 25 lb bag: lb; the ledger stores the
 * lot's base unit), with the unit cost per that unit; each row's cost is the
 * ledger amount as written, and a run's total is the sum of its rows.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { productLabel } from '../../domain/labels';
import type { LossCategory, RunStatus } from '../../domain/production';
import { BASE_UNIT, dimensionOf, parseUnit, toBase, type Dimension, type Unit } from '../../domain/units';
import { listLimit, positiveId } from '../../domain/validate';
import { AppError } from '../../errors';
import type { EventRef } from './run-definitions';
import { runUndoState, type RunKind, type RunUndoState } from './run-usage';

export interface ItemRef {
  id: number;
  slug: string;
  name: string;
}

export interface LotRef {
  id: number;
  /** The product the lot is of (ingredient and material lots), or the run that made it (finished lots). */
  label: string;
  /** Purchased on, or made on. */
  date: string;
}

export interface LedgerLine {
  id: number;
  kind: 'ingredient' | 'finished_unit' | 'finished_good' | 'material';
  item: ItemRef;
  lot: LotRef;
  /** Drawn, in `unit`: the unit the lot's product is sold in (each for finished units and goods). */
  quantity: number;
  unit: Unit;
  /** Per `unit`, at the moment of the draw; null when the lot's cost was unknown. */
  unitCost: number | null;
  /** The ledger amount; null when unknown. */
  cost: number | null;
}

interface RunBase extends RunUndoState {
  id: number;
  madeOn: string;
  createdAt: string;
  event: EventRef | null;
  /** The plan snapshot whose definition it used; null when it used the definition as it was then. */
  planSnapshotId: number | null;
  totalCost: number;
  costPerUnit: number;
  /** False when a lot it drew had no cost: the total holds only the known part. */
  costComplete: boolean;
  notes: string;
  ledger: LedgerLine[];
}

export interface ProductionRunDetail extends RunBase {
  kind: 'production';
  recipe: ItemRef;
  finishedUnit: ItemRef;
  batches: number;
  expected: number;
  actual: number;
  loss: number;
  lossCategory: LossCategory | null;
  lossNote: string;
  status: RunStatus;
}

export interface AssemblyRunDetail extends RunBase {
  kind: 'assembly';
  good: ItemRef;
  quantity: number;
  packagingBypassed: boolean;
  bypassNote: string;
}

export type RunDetail = ProductionRunDetail | AssemblyRunDetail;

const eventOf = (r: { event_id: number | null; event_slug: string | null; event_name: string | null }): EventRef | null =>
  r.event_id === null ? null : { id: r.event_id, slug: r.event_slug!, name: r.event_name! };

/** The unit a lot's product is sold in, when it measures what the lot does (else the lot's base unit). */
function soldIn(packageUnit: string, dimension: Dimension): Unit {
  const unit = parseUnit(packageUnit);
  return unit && dimensionOf(unit) === dimension ? unit : BASE_UNIT[dimension];
}

/** A ledger row's figures, from the lot's base unit to `unit`. */
function inUnit(quantity: number, unitCost: number | null, unit: Unit): { quantity: number; unitCost: number | null } {
  const k = toBase(1, unit);
  return { quantity: quantity / k, unitCost: unitCost === null ? null : unitCost * k };
}

interface ProductionRow {
  id: number;
  recipe_id: number;
  recipe_slug: string;
  recipe_name: string;
  finished_unit_id: number;
  unit_slug: string;
  unit_name: string;
  event_id: number | null;
  event_slug: string | null;
  event_name: string | null;
  plan_snapshot_id: number | null;
  produced_on: string;
  batches: number;
  expected_yield: number;
  actual_yield: number;
  loss_quantity: number;
  loss_category: LossCategory | null;
  loss_note: string;
  status: RunStatus;
  total_cost: number;
  cost_per_unit: number;
  cost_complete: number;
  notes: string;
  created_at: string;
}

export function getProductionRun(db: Database, id: number, tx?: Tx): ProductionRunDetail {
  return withTransaction(db, tx, (t) => {
    const runId = positiveId(id, 'id', 'bake');
    const r = t.get<ProductionRow>(
      `SELECT r.*, rc.slug AS recipe_slug, rc.name AS recipe_name, fu.slug AS unit_slug, fu.name AS unit_name,
              e.slug AS event_slug, e.name AS event_name
       FROM production_runs r JOIN recipes rc ON rc.id = r.recipe_id JOIN finished_units fu ON fu.id = r.finished_unit_id
       LEFT JOIN events e ON e.id = r.event_id WHERE r.id = ?`,
      [runId],
    );
    if (!r) throw new AppError('NOT_FOUND', 'That bake no longer exists.', { runId });
    const ledger = t
      .all<{ id: number; ingredient_id: number; slug: string; name: string; lot_id: number; quantity: number; unit_cost: number | null; cost: number | null; purchased_on: string; dimension: Dimension; brand: string; product: string; package_unit: string }>(
        `SELECT c.id, c.ingredient_id, i.slug, i.name, c.lot_id, c.quantity, c.unit_cost, c.cost, l.purchased_on, l.dimension,
                p.brand, p.name AS product, p.package_unit
         FROM production_consumptions c JOIN ingredients i ON i.id = c.ingredient_id JOIN lots l ON l.id = c.lot_id JOIN products p ON p.id = l.product_id
         WHERE c.production_run_id = ? ORDER BY c.id`,
        [runId],
      )
      .map((c): LedgerLine => {
        const unit = soldIn(c.package_unit, c.dimension);
        return {
          id: c.id,
          kind: 'ingredient',
          item: { id: c.ingredient_id, slug: c.slug, name: c.name },
          lot: { id: c.lot_id, label: productLabel(c.brand, c.product), date: c.purchased_on },
          ...inUnit(c.quantity, c.unit_cost, unit),
          unit,
          cost: c.cost,
        };
      });
    return {
      kind: 'production',
      id: r.id,
      recipe: { id: r.recipe_id, slug: r.recipe_slug, name: r.recipe_name },
      finishedUnit: { id: r.finished_unit_id, slug: r.unit_slug, name: r.unit_name },
      event: eventOf(r),
      planSnapshotId: r.plan_snapshot_id,
      madeOn: r.produced_on,
      createdAt: r.created_at,
      batches: r.batches,
      expected: r.expected_yield,
      actual: r.actual_yield,
      loss: r.loss_quantity,
      lossCategory: r.loss_category,
      lossNote: r.loss_note,
      status: r.status,
      totalCost: r.total_cost,
      costPerUnit: r.cost_per_unit,
      costComplete: r.cost_complete === 1,
      notes: r.notes,
      ledger,
      ...runUndoState(db, { kind: 'production', id: r.id }, t),
    };
  });
}

interface AssemblyRow {
  id: number;
  finished_good_id: number;
  good_slug: string;
  good_name: string;
  event_id: number | null;
  event_slug: string | null;
  event_name: string | null;
  plan_snapshot_id: number | null;
  assembled_on: string;
  quantity: number;
  total_cost: number;
  cost_per_unit: number;
  cost_complete: number;
  packaging_bypassed: number;
  bypass_note: string;
  notes: string;
  created_at: string;
}

interface AssemblyLedgerRow {
  id: number;
  quantity: number;
  unit_cost: number;
  cost: number;
  unit_lot: number | null;
  good_lot: number | null;
  material_lot: number | null;
  item_id: number;
  item_slug: string;
  item_name: string;
  lot_date: string;
  source_run: number | null;
  product_brand: string | null;
  product_name: string | null;
  package_unit: string | null;
  base_measure: 'each' | 'length' | 'area' | null;
}

const MEASURE_DIMENSION = { each: 'count', length: 'length', area: 'area' } as const;

export function getAssemblyRun(db: Database, id: number, tx?: Tx): AssemblyRunDetail {
  return withTransaction(db, tx, (t) => {
    const runId = positiveId(id, 'id', 'assembly');
    const r = t.get<AssemblyRow>(
      `SELECT a.*, g.slug AS good_slug, g.name AS good_name, e.slug AS event_slug, e.name AS event_name
       FROM assembly_runs a JOIN finished_goods g ON g.id = a.finished_good_id LEFT JOIN events e ON e.id = a.event_id WHERE a.id = ?`,
      [runId],
    );
    if (!r) throw new AppError('NOT_FOUND', 'That assembly no longer exists.', { runId });
    const rows = t.all<AssemblyLedgerRow>(
      `SELECT c.id, c.quantity, c.unit_cost, c.cost,
              c.finished_unit_lot_id AS unit_lot, c.finished_good_lot_id AS good_lot, c.material_lot_id AS material_lot,
              COALESCE(fu.id, fg.id, m.id) AS item_id, COALESCE(fu.slug, fg.slug, m.slug) AS item_slug, COALESCE(fu.name, fg.name, m.name) AS item_name,
              COALESCE(ul.made_on, gl.made_on, ml.purchased_on) AS lot_date, COALESCE(ul.production_run_id, gl.assembly_run_id) AS source_run,
              mp.brand AS product_brand, mp.name AS product_name, mp.package_unit, m.base_measure
       FROM assembly_consumptions c
       LEFT JOIN finished_unit_lots ul ON ul.id = c.finished_unit_lot_id LEFT JOIN finished_units fu ON fu.id = ul.finished_unit_id
       LEFT JOIN finished_good_lots gl ON gl.id = c.finished_good_lot_id LEFT JOIN finished_goods fg ON fg.id = gl.finished_good_id
       LEFT JOIN material_lots ml ON ml.id = c.material_lot_id LEFT JOIN materials m ON m.id = ml.material_id
       LEFT JOIN material_products mp ON mp.id = ml.material_product_id
       WHERE c.assembly_run_id = ? ORDER BY c.id`,
      [runId],
    );
    const ledger = rows.map((c): LedgerLine => {
      const item = { id: c.item_id, slug: c.item_slug, name: c.item_name };
      if (c.material_lot !== null) {
        const unit = soldIn(c.package_unit!, MEASURE_DIMENSION[c.base_measure!]);
        return {
          id: c.id,
          kind: 'material',
          item,
          lot: { id: c.material_lot, label: productLabel(c.product_brand!, c.product_name!), date: c.lot_date },
          ...inUnit(c.quantity, c.unit_cost, unit),
          unit,
          cost: c.cost,
        };
      }
      const kind = c.unit_lot !== null ? 'finished_unit' : 'finished_good';
      const made = kind === 'finished_unit' ? `bake ${c.source_run}` : `assembly ${c.source_run}`;
      return {
        id: c.id,
        kind,
        item,
        lot: { id: (c.unit_lot ?? c.good_lot)!, label: c.source_run === null ? 'made outside the app' : made, date: c.lot_date },
        quantity: c.quantity,
        unit: 'each',
        unitCost: c.unit_cost,
        cost: c.cost,
      };
    });
    return {
      kind: 'assembly',
      id: r.id,
      good: { id: r.finished_good_id, slug: r.good_slug, name: r.good_name },
      event: eventOf(r),
      planSnapshotId: r.plan_snapshot_id,
      madeOn: r.assembled_on,
      createdAt: r.created_at,
      quantity: r.quantity,
      totalCost: r.total_cost,
      costPerUnit: r.cost_per_unit,
      costComplete: r.cost_complete === 1,
      packagingBypassed: r.packaging_bypassed === 1,
      bypassNote: r.bypass_note,
      notes: r.notes,
      ledger,
      ...runUndoState(db, { kind: 'assembly', id: r.id }, t),
    };
  });
}

export function getRun(db: Database, run: { kind: RunKind; id: number }, tx?: Tx): RunDetail {
  return withTransaction(db, tx, (t) => (run.kind === 'production' ? getProductionRun(db, run.id, t) : getAssemblyRun(db, run.id, t)));
}

export interface RunSummary extends RunUndoState {
  kind: RunKind;
  id: number;
  madeOn: string;
  createdAt: string;
  /** The finished unit baked or the good assembled. */
  item: ItemRef;
  /** The recipe baked; null for an assembly. */
  recipe: ItemRef | null;
  /** Units that came out of a bake, or goods assembled. */
  quantity: number;
  /** Bakes only: batches, expected yield and status; null for an assembly. */
  batches: number | null;
  expected: number | null;
  status: RunStatus | null;
  packagingBypassed: boolean;
  event: EventRef | null;
  totalCost: number;
  costPerUnit: number;
  costComplete: boolean;
}

export interface RunFilter {
  limit?: number;
  eventId?: number;
}

/** Bakes and assemblies, newest first. */
export function listRuns(db: Database, filter: RunFilter = {}, tx?: Tx): RunSummary[] {
  return withTransaction(db, tx, (t) => {
    const limit = listLimit(filter.limit, 50, 500);
    const eventId = filter.eventId === undefined ? null : positiveId(filter.eventId, 'eventId', 'event');
    const rows = t.all<{
      kind: RunKind; id: number; made_on: string; created_at: string; item_id: number; item_slug: string; item_name: string;
      recipe_id: number | null; recipe_slug: string | null; recipe_name: string | null; quantity: number; batches: number | null; expected: number | null;
      status: RunStatus | null; bypassed: number; event_id: number | null; event_slug: string | null; event_name: string | null;
      total_cost: number; cost_per_unit: number; cost_complete: number;
    }>(
      `SELECT * FROM (
         SELECT 'production' AS kind, r.id, r.produced_on AS made_on, r.created_at, fu.id AS item_id, fu.slug AS item_slug, fu.name AS item_name,
                rc.id AS recipe_id, rc.slug AS recipe_slug, rc.name AS recipe_name, r.actual_yield AS quantity, r.batches, r.expected_yield AS expected,
                r.status, 0 AS bypassed, r.event_id, e.slug AS event_slug, e.name AS event_name, r.total_cost, r.cost_per_unit, r.cost_complete
         FROM production_runs r JOIN finished_units fu ON fu.id = r.finished_unit_id JOIN recipes rc ON rc.id = r.recipe_id
         LEFT JOIN events e ON e.id = r.event_id WHERE ? IS NULL OR r.event_id = ?
         UNION ALL
         SELECT 'assembly', a.id, a.assembled_on, a.created_at, g.id, g.slug, g.name, NULL, NULL, NULL, a.quantity, NULL, NULL, NULL,
                a.packaging_bypassed, a.event_id, e.slug, e.name, a.total_cost, a.cost_per_unit, a.cost_complete
         FROM assembly_runs a JOIN finished_goods g ON g.id = a.finished_good_id
         LEFT JOIN events e ON e.id = a.event_id WHERE ? IS NULL OR a.event_id = ?
       ) ORDER BY created_at DESC, made_on DESC, kind DESC, id DESC LIMIT ?`,
      [eventId, eventId, eventId, eventId, limit],
    );
    return rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      madeOn: r.made_on,
      createdAt: r.created_at,
      item: { id: r.item_id, slug: r.item_slug, name: r.item_name },
      recipe: r.recipe_id === null ? null : { id: r.recipe_id, slug: r.recipe_slug!, name: r.recipe_name! },
      quantity: r.quantity,
      batches: r.batches,
      expected: r.expected,
      status: r.status,
      packagingBypassed: r.bypassed === 1,
      event: eventOf(r),
      totalCost: r.total_cost,
      costPerUnit: r.cost_per_unit,
      costComplete: r.cost_complete === 1,
      ...runUndoState(db, { kind: r.kind, id: r.id }, t),
    }));
  });
}
