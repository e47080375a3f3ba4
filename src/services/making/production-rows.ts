/**
 * The one way production rows are written: the run, its ledger (one row per
 * lot drawn) and the finished-unit lot it made. Only `recordProduction`
 * (./production.ts) calls these; a test (tests/unit/audit/one-production-path.test.ts)
 * fails if anything else does.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import type { LossCategory, RunStatus } from '../../domain/production';

export interface NewProductionRunRow {
  recipeId: number;
  finishedUnitId: number;
  eventId: number | null;
  planSnapshotId: number | null;
  producedOn: string;
  batches: number;
  expectedYield: number;
  actualYield: number;
  lossQuantity: number;
  lossCategory: LossCategory | null;
  lossNote: string;
  status: RunStatus;
  /** JSON: the recipe definition the run baked (src/services/making/run-definitions.ts). */
  recipeSnapshot: string;
  totalCost: number;
  costPerUnit: number;
  costComplete: boolean;
  notes: string;
  /** Kept when given (an imported file's); else the transaction's time. */
  createdAt?: string;
}

export interface NewProductionConsumptionRow {
  productionRunId: number;
  ingredientId: number;
  lotId: number;
  /** In the lot's base unit. */
  quantity: number;
  /** Per the lot's base unit, as the lot held it when drawn; null when unknown. */
  unitCost: number | null;
  /** Ledger amount (4 decimals); null when unknown. */
  cost: number | null;
  createdAt?: string;
}

export interface NewFinishedUnitLotRow {
  finishedUnitId: number;
  /** Null only for stock counted in without a run (an imported file's). */
  productionRunId: number | null;
  madeOn: string;
  count: number;
  /** What is left: all of it when made; an imported file's lot may have been drawn from since. */
  remaining?: number;
  unitCost: number;
  createdAt?: string;
  updatedAt?: string;
}

export function insertProductionRunRow(db: Database, row: NewProductionRunRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) =>
    t.run(
      `INSERT INTO production_runs (recipe_id, finished_unit_id, event_id, plan_snapshot_id, produced_on, batches, expected_yield, actual_yield,
         loss_quantity, loss_category, loss_note, status, recipe_snapshot, total_cost, cost_per_unit, cost_complete, notes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.recipeId, row.finishedUnitId, row.eventId, row.planSnapshotId, row.producedOn, row.batches, row.expectedYield, row.actualYield,
        row.lossQuantity, row.lossCategory, row.lossNote, row.status, row.recipeSnapshot, row.totalCost, row.costPerUnit, row.costComplete ? 1 : 0,
        row.notes, row.createdAt ?? t.now(),
      ],
    ).lastInsertRowid,
  );
}

export function insertProductionConsumptionRow(db: Database, row: NewProductionConsumptionRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) =>
    t.run(
      'INSERT INTO production_consumptions (production_run_id, ingredient_id, lot_id, quantity, unit_cost, cost, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [row.productionRunId, row.ingredientId, row.lotId, row.quantity, row.unitCost, row.cost, row.createdAt ?? t.now()],
    ).lastInsertRowid,
  );
}

export function insertFinishedUnitLotRow(db: Database, row: NewFinishedUnitLotRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      `INSERT INTO finished_unit_lots (finished_unit_id, production_run_id, made_on, count_initial, count_remaining, unit_cost, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.finishedUnitId, row.productionRunId, row.madeOn, row.count, row.remaining ?? row.count, row.unitCost, row.createdAt ?? now, row.updatedAt ?? row.createdAt ?? now],
    ).lastInsertRowid;
  });
}
