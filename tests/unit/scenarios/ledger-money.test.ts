/*
 * Money must not drift (domain.md, Units: "sum ledger rows, do not
 * re-derive"): what a bake cost reaches the goods made from it, cent for
 * cent. A run shows its cost per unit to 4 decimals, but its output lot
 * keeps the exact unit cost, so drawing the whole lot costs the whole run.
 */
import { describe, expect, it } from 'vitest';
import { recordAssembly } from '../../../src/services/making/assembly';
import { recordProduction } from '../../../src/services/making/production';
import { testDb } from '../../helpers/db';
import { bakeShop } from '../services/making/bake-shop';

describe('a bake\'s cost reaches what is assembled from it exactly', () => {
  it('48 cookies for 9.03 (0.188125 each, shown 0.1881) boxed as 4 bags of 12: the bags hold 9.03 of cookies, not 9.0288', async () => {
    const db = await testDb();
    const s = bakeShop(db);
    s.buyBags(1, 5); // 0.10 a bag
    const bag = s.good({
      name: 'Cookie bag',
      lines: [
        { kind: 'unit', finishedUnitId: s.cookie.id, quantity: 12 },
        { kind: 'material', materialUnitId: s.oneBag.id, materialProductId: s.bagPack.id, quantity: 1 },
      ],
    });
    // 3 cup flour 6.7425 + 1 cup sugar 0.4375 + 0.5 cup butter 1.25 + 2 eggs 0.60 = 9.03 a batch.
    const bake = recordProduction(db, { recipeId: s.cookies.id, batches: 1 });
    expect([bake.totalCost, bake.costPerUnit]).toEqual([9.03, 0.1881]);
    expect(db.engine.get<{ c: number }>('SELECT unit_cost AS c FROM finished_unit_lots')!.c).toBeCloseTo(0.188125, 12);

    const bags = recordAssembly(db, { goodId: bag.id, quantity: 4 });

    const cookieRows = bags.ledger.filter((l) => l.kind === 'finished_unit');
    expect(cookieRows.map((l) => [l.quantity, l.cost])).toEqual([[48, 9.03]]);
    expect([bags.totalCost, bags.costPerUnit]).toEqual([9.43, 2.3575]);
    // One bag on its own: 12 x 0.188125 + 0.10 = 2.3575, and the four bags' lot is worth the run, 9.43.
    const lot = db.engine.get<{ n: number; c: number }>('SELECT count_initial AS n, unit_cost AS c FROM finished_good_lots')!;
    expect(lot.n * lot.c).toBeCloseTo(9.43, 12);
  });
});
