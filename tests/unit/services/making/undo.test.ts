/**
 * Undo reverses exactly a run's ledger while its output is untouched, and
 * is refused (changing nothing) once something used it, naming what did.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/db/session';
import { transaction } from '../../../../src/db/session';
import { recordAssembly } from '../../../../src/services/making/assembly';
import { finishedStock } from '../../../../src/services/making/finished-lots';
import { recordProduction } from '../../../../src/services/making/production';
import { getProductionRun, listRuns } from '../../../../src/services/making/runs';
import { undoRun } from '../../../../src/services/making/undo';
import { count, testDb } from '../../../helpers/db';
import { dbState, refused } from '../kitchen';
import { bakeShop } from './bake-shop';

/** What the pantry and finished stock hold: every lot's quantity left (timestamps aside). */
function stock(db: Database) {
  return {
    lots: db.engine.all('SELECT id, quantity_initial, quantity_remaining FROM lots ORDER BY id'),
    materialLots: db.engine.all('SELECT id, quantity_initial, quantity_remaining FROM material_lots ORDER BY id'),
    unitLots: db.engine.all('SELECT id, count_initial, count_remaining, unit_cost FROM finished_unit_lots WHERE count_initial > 0 ORDER BY id'),
    goodLots: db.engine.all('SELECT id, count_initial, count_remaining, unit_cost FROM finished_good_lots WHERE count_initial > 0 ORDER BY id'),
  };
}

async function shop() {
  const db = await testDb();
  const s = bakeShop(db);
  s.buyBags();
  const bag = s.good({
    name: 'Cookie bag',
    lines: [
      { kind: 'unit', finishedUnitId: s.cookie.id, quantity: 12 },
      { kind: 'material', materialUnitId: s.oneBag.id, materialProductId: s.bagPack.id, quantity: 1 },
    ],
  });
  return { db, s, bag };
}

describe('undoing a run', () => {
  it('undoing a bake puts back exactly what it drew and removes its cookies; the run and its ledger stay, marked undone', async () => {
    const { db, s } = await shop();
    recordProduction(db, { recipeId: s.cookies.id, batches: 1 });
    const before = stock(db);
    const run = recordProduction(db, { recipeId: s.cookies.id, batches: 2, actualYield: 90, lossCategory: 'dropped' });
    expect(stock(db)).not.toEqual(before);

    const undone = undoRun(db, { kind: 'production', id: run.id, note: 'recorded twice' });

    expect(stock(db)).toEqual(before);
    expect(count(db, 'finished_unit_lots')).toBe(1);
    expect(undone).toMatchObject({ canUndo: false, undoBlockedBy: 'This bake was already undone.', output: null, undone: { note: 'recorded twice' } });
    expect(undone.ledger).toEqual(run.ledger);
    expect(count(db, 'production_consumptions')).toBe(8);
    expect(db.engine.all('SELECT production_run_id, assembly_run_id, note FROM run_reversals')).toEqual([{ production_run_id: run.id, assembly_run_id: null, note: 'recorded twice' }]);

    const again = refused(db, () => undoRun(db, { kind: 'production', id: run.id }));
    expect([again.code, again.message]).toEqual(['CONFLICT', 'This bake was already undone.']);
  });

  it('a bake whose cookies went into bags cannot be undone: the refusal names the assembly, and nothing changes', async () => {
    const { db, s, bag } = await shop();
    const bake = recordProduction(db, { recipeId: s.cookies.id, batches: 1 });
    const bags = recordAssembly(db, { goodId: bag.id, quantity: 2 });
    expect(getProductionRun(db, bake.id)).toMatchObject({ canUndo: false, undoBlockedBy: `24 of the 48 it made went into 2 Cookie bag (assembly ${bags.id} on 2026-11-26): undo that assembly first.` });

    const e = refused(db, () => undoRun(db, { kind: 'production', id: bake.id }));
    expect(e.code).toBe('IN_USE');
    expect(e.message).toBe(`24 of the 48 it made went into 2 Cookie bag (assembly ${bags.id} on 2026-11-26): undo that assembly first.`);
  });

  it('undoing the assembly first gives back its cookies and bags; then the bake can be undone, and the pantry is as before both', async () => {
    const { db, s, bag } = await shop();
    const before = stock(db);
    const bake = recordProduction(db, { recipeId: s.cookies.id, batches: 1 });
    const afterBake = stock(db);
    const bags = recordAssembly(db, { goodId: bag.id, quantity: 2 });

    undoRun(db, { kind: 'assembly', id: bags.id });
    expect(stock(db)).toEqual(afterBake);
    expect(count(db, 'finished_good_lots')).toBe(0);

    undoRun(db, { kind: 'production', id: bake.id });
    expect(stock(db)).toEqual(before);
    // The undone assembly's ledger still names the bake's lot, so the lot stays, emptied: nothing is on hand.
    expect(db.engine.get('SELECT count_initial, count_remaining FROM finished_unit_lots')).toEqual({ count_initial: 0, count_remaining: 0 });
    expect(finishedStock(db)).toEqual({ units: [], goods: [], value: 0, costComplete: true });
  });

  it('tins in a basket: undoing the tins is refused naming the basket assembly', async () => {
    const { db, s } = await shop();
    const tin = s.good({ name: 'Cookie tin', lines: [{ kind: 'unit', finishedUnitId: s.cookie.id, quantity: 6 }] });
    const basket = s.good({ name: 'Basket', lines: [{ kind: 'good', goodId: tin.id, quantity: 2 }] });
    recordProduction(db, { recipeId: s.cookies.id, batches: 1 });
    const tins = recordAssembly(db, { goodId: tin.id, quantity: 4 });
    const baskets = recordAssembly(db, { goodId: basket.id, quantity: 1 });
    const e = refused(db, () => undoRun(db, { kind: 'assembly', id: tins.id }));
    expect(e.message).toBe(`2 of the 4 it made went into 1 Basket (assembly ${baskets.id} on 2026-11-26): undo that assembly first.`);
  });

  it("inside a caller's transaction that rolls back, the undo is undone too", async () => {
    const { db, s } = await shop();
    const run = recordProduction(db, { recipeId: s.cookies.id, batches: 1 });
    const before = dbState(db);
    expect(() =>
      transaction(db, (tx) => {
        undoRun(db, { kind: 'production', id: run.id }, tx);
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(dbState(db)).toEqual(before);
  });

  it('bad requests change nothing', async () => {
    const { db } = await shop();
    expect(refused(db, () => undoRun(db, { kind: 'production', id: 7 })).code).toBe('NOT_FOUND');
    expect(refused(db, () => undoRun(db, { kind: 'bake' as never, id: 1 })).details.field).toBe('kind');
    expect(refused(db, () => undoRun(db, { kind: 'assembly', id: 0 })).details.field).toBe('id');
  });
});

describe('the history of runs', () => {
  it('lists bakes and assemblies newest first, with their costs and whether each can still be undone', async () => {
    let tick = 0;
    const db = await testDb(() => new Date(Date.UTC(2026, 10, 26, 12, 0, tick++)));
    const s = bakeShop(db);
    s.buyBags();
    const bag = s.good({ name: 'Cookie bag', lines: [{ kind: 'unit', finishedUnitId: s.cookie.id, quantity: 12 }] });
    const bake = recordProduction(db, { recipeId: s.cookies.id, batches: 1, actualYield: 40, lossCategory: 'burnt' });
    const bags = recordAssembly(db, { goodId: bag.id, quantity: 1 });
    const second = recordProduction(db, { recipeId: s.cookies.id, batches: 1 });
    undoRun(db, { kind: 'production', id: second.id });

    const runs = listRuns(db);
    expect(runs.map((r) => [r.kind, r.id, r.item.name, r.quantity, r.status, r.totalCost, r.canUndo, r.undone !== null])).toEqual([
      ['production', second.id, 'Sugar cookie', 48, 'complete', 9.03, false, true],
      ['assembly', bags.id, 'Cookie bag', 1, null, 2.709, true, false], // 12 cookies at 9.03 / 40
      ['production', bake.id, 'Sugar cookie', 40, 'partial_loss', 9.03, false, false],
    ]);
    expect(runs[2]!.undoBlockedBy).toContain('undo that assembly first');
    expect(listRuns(db, { limit: 1 })).toHaveLength(1);
  });
});
