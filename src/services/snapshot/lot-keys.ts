/**
 * The keys of the lots already in the database, exactly as an export writes
 * them (domain/snapshot-format.ts, `lotKey`): lots of purchases in the order
 * the file lists purchases, then lots without a purchase, each list in FIFO
 * order (date, then creation order), so that an import, which creates lots in
 * file order, keeps which of two lots bought on one day is drawn first. Export
 * and import both use this, so a lot keeps its key through any number of
 * round trips.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { LotKeys } from '../../domain/snapshot-format';

/** Key by lot id, for ingredient lots. */
export function ingredientLotKeys(db: Database, tx?: Tx): Map<number, string> {
  return withTransaction(db, tx, (t) =>
    keysOf(
    t,
    `SELECT l.id, p.slug, l.purchased_on FROM purchases pu JOIN lots l ON l.purchase_id = pu.id JOIN products p ON p.id = pu.product_id
     ORDER BY l.purchased_on, l.id`,
    `SELECT l.id, p.slug, l.purchased_on FROM lots l JOIN products p ON p.id = l.product_id WHERE l.purchase_id IS NULL
     ORDER BY l.purchased_on, l.id`,
    ),
  );
}

/** Key by material lot id. */
export function materialLotKeys(db: Database, tx?: Tx): Map<number, string> {
  return withTransaction(db, tx, (t) =>
    keysOf(
    t,
    `SELECT l.id, p.slug, l.purchased_on FROM material_purchases pu JOIN material_lots l ON l.material_purchase_id = pu.id
     JOIN material_products p ON p.id = pu.material_product_id ORDER BY l.purchased_on, l.id`,
    `SELECT l.id, p.slug, l.purchased_on FROM material_lots l JOIN material_products p ON p.id = l.material_product_id
     WHERE l.material_purchase_id IS NULL ORDER BY l.purchased_on, l.id`,
    ),
  );
}

function keysOf(t: Tx, purchased: string, unpurchased: string): Map<number, string> {
  const keys = new LotKeys();
  const out = new Map<number, string>();
  for (const sql of [purchased, unpurchased]) {
    for (const r of t.all<{ id: number; slug: string; purchased_on: string }>(sql)) out.set(r.id, keys.next(r.slug, r.purchased_on));
  }
  return out;
}

/**
 * Keys of runs and of the finished lots they made, as an export writes them:
 * a production run is its finished unit's slug @ its date (#2… for more that
 * day), an assembly its good's; runs in the order the file lists them (date,
 * then as recorded), then finished lots that came without a run, counted on
 * after the runs. A run's output lot has its run's key.
 */
export interface RunKeys {
  /** Key by run id. */
  runs: Map<number, string>;
  /** Key by finished lot id (a run's lot and a lot without a run). */
  lots: Map<number, string>;
}

const RUN_TABLES = {
  production: { runs: 'production_runs', on: 'produced_on', item: 'finished_unit_id', items: 'finished_units', lots: 'finished_unit_lots', run: 'production_run_id' },
  assembly: { runs: 'assembly_runs', on: 'assembled_on', item: 'finished_good_id', items: 'finished_goods', lots: 'finished_good_lots', run: 'assembly_run_id' },
} as const;

export function runKeys(db: Database, kind: 'production' | 'assembly', tx?: Tx): RunKeys {
  return withTransaction(db, tx, (t) => {
    const k = RUN_TABLES[kind];
    const keys = new LotKeys();
    const runs = new Map<number, string>();
    for (const r of t.all<{ id: number; slug: string; on: string }>(
      `SELECT r.id, i.slug, r.${k.on} AS "on" FROM ${k.runs} r JOIN ${k.items} i ON i.id = r.${k.item} ORDER BY r.${k.on}, r.id`,
    )) {
      runs.set(r.id, keys.next(r.slug, r.on));
    }
    const lots = new Map<number, string>();
    for (const r of t.all<{ id: number; run_id: number }>(`SELECT id, ${k.run} AS run_id FROM ${k.lots} WHERE ${k.run} IS NOT NULL`)) {
      lots.set(r.id, runs.get(r.run_id)!);
    }
    for (const r of t.all<{ id: number; slug: string; made_on: string }>(
      `SELECT l.id, i.slug, l.made_on FROM ${k.lots} l JOIN ${k.items} i ON i.id = l.${k.item} WHERE l.${k.run} IS NULL ORDER BY i.slug, l.made_on, l.id`,
    )) {
      lots.set(r.id, keys.next(r.slug, r.made_on));
    }
    return { runs, lots };
  });
}
