/**
 * The one way assembly rows are written: the run, its ledger (one row per
 * finished-unit, finished-good or material lot drawn) and the finished-good
 * lot it made. Only `recordAssembly` (./assembly.ts) calls these.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';

export interface NewAssemblyRunRow {
  finishedGoodId: number;
  eventId: number | null;
  planSnapshotId: number | null;
  assembledOn: string;
  quantity: number;
  /** JSON: the good definition the run assembled (src/services/making/run-definitions.ts). */
  goodSnapshot: string;
  totalCost: number;
  costPerUnit: number;
  costComplete: boolean;
  packagingBypassed: boolean;
  bypassNote: string;
  notes: string;
  /** Kept when given (an imported file's); else the transaction's time. */
  createdAt?: string;
}

export type AssemblySource = { kind: 'finished_unit'; lotId: number } | { kind: 'finished_good'; lotId: number } | { kind: 'material'; lotId: number };

export interface NewAssemblyConsumptionRow {
  assemblyRunId: number;
  source: AssemblySource;
  /** A count of units or goods, or the material's base measure. */
  quantity: number;
  unitCost: number;
  cost: number;
  createdAt?: string;
}

export interface NewFinishedGoodLotRow {
  finishedGoodId: number;
  /** Null only for stock counted in without a run (an imported file's). */
  assemblyRunId: number | null;
  madeOn: string;
  count: number;
  /** What is left: all of it when made; an imported file's lot may have been drawn from since. */
  remaining?: number;
  unitCost: number;
  createdAt?: string;
  updatedAt?: string;
}

export function insertAssemblyRunRow(db: Database, row: NewAssemblyRunRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) =>
    t.run(
      `INSERT INTO assembly_runs (finished_good_id, event_id, plan_snapshot_id, assembled_on, quantity, good_snapshot, total_cost, cost_per_unit,
         cost_complete, packaging_bypassed, bypass_note, notes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.finishedGoodId, row.eventId, row.planSnapshotId, row.assembledOn, row.quantity, row.goodSnapshot, row.totalCost, row.costPerUnit,
        row.costComplete ? 1 : 0, row.packagingBypassed ? 1 : 0, row.bypassNote, row.notes, row.createdAt ?? t.now(),
      ],
    ).lastInsertRowid,
  );
}

export function insertAssemblyConsumptionRow(db: Database, row: NewAssemblyConsumptionRow, tx?: Tx): number {
  const lot = (kind: AssemblySource['kind']) => (row.source.kind === kind ? row.source.lotId : null);
  return withTransaction(db, tx, (t) =>
    t.run(
      `INSERT INTO assembly_consumptions (assembly_run_id, finished_unit_lot_id, finished_good_lot_id, material_lot_id, quantity, unit_cost, cost, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.assemblyRunId, lot('finished_unit'), lot('finished_good'), lot('material'), row.quantity, row.unitCost, row.cost, row.createdAt ?? t.now()],
    ).lastInsertRowid,
  );
}

export function insertFinishedGoodLotRow(db: Database, row: NewFinishedGoodLotRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      `INSERT INTO finished_good_lots (finished_good_id, assembly_run_id, made_on, count_initial, count_remaining, unit_cost, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.finishedGoodId, row.assemblyRunId, row.madeOn, row.count, row.remaining ?? row.count, row.unitCost, row.createdAt ?? now, row.updatedAt ?? row.createdAt ?? now],
    ).lastInsertRowid;
  });
}
