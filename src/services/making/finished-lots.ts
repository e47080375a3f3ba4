/**
 * Finished stock: every bake makes a finished-unit lot and every assembly a
 * finished-good lot (count left, unit cost of the run that made it), and
 * drawing from them is FIFO by the day made, then creation order, with the
 * same allocation as ingredients (src/domain/fifo.ts). So every draw knows
 * its source lot and its exact cost.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { allocateFifo } from '../../domain/fifo';
import { ledgerAmount } from '../../domain/money';
import type { ItemRef } from './runs';

export type FinishedKind = 'finished_unit' | 'finished_good';

const TABLES = {
  finished_unit: { lots: 'finished_unit_lots', item: 'finished_unit_id', run: 'production_run_id', runs: 'production_runs', items: 'finished_units' },
  finished_good: { lots: 'finished_good_lots', item: 'finished_good_id', run: 'assembly_run_id', runs: 'assembly_runs', items: 'finished_goods' },
} as const;

interface FinishedLotRow {
  id: number;
  item_id: number;
  made_on: string;
  count_initial: number;
  count_remaining: number;
  unit_cost: number;
  run_id: number | null;
  cost_complete: number;
}

function lotRows(tx: Tx, kind: FinishedKind, where: string, params: number[]): FinishedLotRow[] {
  const t = TABLES[kind];
  return tx.all<FinishedLotRow>(
    `SELECT l.id, l.${t.item} AS item_id, l.made_on, l.count_initial, l.count_remaining, l.unit_cost, l.${t.run} AS run_id,
            COALESCE(r.cost_complete, 1) AS cost_complete
     FROM ${t.lots} l LEFT JOIN ${t.runs} r ON r.id = l.${t.run}
     WHERE l.count_remaining > 0 AND ${where} ORDER BY l.made_on, l.id`,
    params,
  );
}

export interface FinishedDraw {
  lotId: number;
  madeOn: string;
  /** The bake or assembly that made the lot. */
  runId: number | null;
  quantity: number;
  /** The lot's unit cost, written once by the run that made it. */
  unitCost: number;
  /** Ledger amount (4 decimals). */
  cost: number;
  remainingAfter: number;
  /** False when the run that made the lot had a lot with no cost. */
  costComplete: boolean;
}

export interface FinishedFifoPlan {
  draws: FinishedDraw[];
  available: number;
  shortfall: number;
  enough: boolean;
}

/** Which lots drawing `quantity` of a finished unit or good would use, oldest first. Writes nothing. */
export function planFinishedFifo(db: Database, request: { kind: FinishedKind; itemId: number; quantity: number }, tx?: Tx): FinishedFifoPlan {
  return withTransaction(db, tx, (t) => {
    const rows = lotRows(t, request.kind, `l.${TABLES[request.kind].item} = ?`, [request.itemId]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const allocation = allocateFifo(
      rows.map((r) => ({ id: r.id, purchasedOn: r.made_on, dimension: 'count' as const, quantityRemaining: r.count_remaining, unitCost: r.unit_cost })),
      request.quantity,
      () => 1,
    );
    return {
      draws: allocation.draws.map((d) => {
        const row = byId.get(d.lotId)!;
        return {
          lotId: d.lotId,
          madeOn: row.made_on,
          runId: row.run_id,
          quantity: d.quantity,
          unitCost: row.unit_cost,
          cost: ledgerAmount(d.quantity * row.unit_cost),
          remainingAfter: d.remainingAfter,
          costComplete: row.cost_complete === 1,
        };
      }),
      available: rows.reduce((sum, r) => sum + r.count_remaining, 0),
      shortfall: allocation.shortfall,
      enough: allocation.shortfall === 0,
    };
  });
}

export interface FinishedLot {
  id: number;
  madeOn: string;
  runId: number | null;
  countInitial: number;
  countRemaining: number;
  unitCost: number;
  costComplete: boolean;
}

export interface FinishedStockItem {
  kind: FinishedKind;
  item: ItemRef;
  /** Units or goods on hand, over all lots. */
  count: number;
  /** What they cost, by their lots' unit costs (4 decimals). */
  value: number;
  costComplete: boolean;
  lots: FinishedLot[];
}

export interface FinishedStock {
  units: FinishedStockItem[];
  goods: FinishedStockItem[];
  /** What everything on the shelf cost (4 decimals). */
  value: number;
  costComplete: boolean;
}

function stockOf(tx: Tx, kind: FinishedKind): FinishedStockItem[] {
  const items = new Map(
    tx.all<ItemRef>(`SELECT id, slug, name FROM ${TABLES[kind].items} ORDER BY name COLLATE NOCASE, id`).map((r) => [r.id, { ...r }]),
  );
  const lots = new Map<number, FinishedLot[]>();
  for (const r of lotRows(tx, kind, '1 = 1', [])) {
    const lot = { id: r.id, madeOn: r.made_on, runId: r.run_id, countInitial: r.count_initial, countRemaining: r.count_remaining, unitCost: r.unit_cost, costComplete: r.cost_complete === 1 };
    lots.set(r.item_id, [...(lots.get(r.item_id) ?? []), lot]);
  }
  return [...items.values()]
    .filter((item) => lots.has(item.id))
    .map((item) => {
      const held = lots.get(item.id)!;
      return {
        kind,
        item,
        count: held.reduce((sum, l) => sum + l.countRemaining, 0),
        value: ledgerAmount(held.reduce((sum, l) => sum + l.countRemaining * l.unitCost, 0)),
        costComplete: held.every((l) => l.costComplete),
        lots: held,
      };
    });
}

/** Finished units and goods on hand, by name, each with its lots oldest first. */
export function finishedStock(db: Database, tx?: Tx): FinishedStock {
  return withTransaction(db, tx, (t) => {
    const units = stockOf(t, 'finished_unit');
    const goods = stockOf(t, 'finished_good');
    const all = [...units, ...goods];
    return { units, goods, value: ledgerAmount(all.reduce((sum, i) => sum + i.value, 0)), costComplete: all.every((i) => i.costComplete) };
  });
}
