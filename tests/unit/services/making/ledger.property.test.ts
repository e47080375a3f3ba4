/**
 * Ledger completeness over random sequences of purchases, bakes, assemblies
 * and undos, on real sql.js (fast-check). After every step:
 * - every decrement of a lot (ingredient, packaging, finished unit, finished
 *   good) is explained by ledger rows of runs that stand;
 * - every run's total is the sum of its ledger rows;
 * - no lot is below zero, and a finished lot never holds more than it made;
 * - a refused step changed nothing, and undoing the run just recorded puts
 *   every lot back where it was before it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/db/session';
import { ledgerAmount } from '../../../../src/domain/money';
import { AppError } from '../../../../src/errors';
import { recordAssembly } from '../../../../src/services/making/assembly';
import { recordProduction } from '../../../../src/services/making/production';
import { undoRun } from '../../../../src/services/making/undo';
import { recordPurchase } from '../../../../src/services/pantry/purchases';
import { createFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { createRecipe } from '../../../../src/services/recipes/recipes';
import { testDb } from '../../../helpers/db';
import { dbState } from '../kitchen';
import { bakeShop } from './bake-shop';

type Step =
  | { op: 'buy'; ingredient: number; packages: number; price: number; day: number }
  | { op: 'buyBags'; packages: number; price: number }
  | { op: 'bake'; recipe: number; batches: number; lossShare: number }
  | { op: 'assemble'; good: number; quantity: number }
  | { op: 'undoLast' }
  | { op: 'undoAny'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('buy' as const), ingredient: fc.nat(3), packages: fc.integer({ min: 1, max: 3 }), price: fc.integer({ min: 0, max: 4000 }).map((c) => c / 100), day: fc.integer({ min: 1, max: 28 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('buyBags' as const), packages: fc.integer({ min: 1, max: 2 }), price: fc.integer({ min: 0, max: 900 }).map((c) => c / 100) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('bake' as const), recipe: fc.nat(1), batches: fc.constantFrom(0.5, 1, 1.5, 2, 3), lossShare: fc.constantFrom(0, 0, 0.1, 0.5, 1) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('assemble' as const), good: fc.nat(2), quantity: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 2, arbitrary: fc.constant({ op: 'undoLast' as const }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('undoAny' as const), pick: fc.nat(50) }) },
);

/** Every lot's figures: what "the state of the stock" means here. */
function stock(db: Database) {
  return {
    lots: db.engine.all<{ id: number; q: number }>('SELECT id, quantity_remaining AS q FROM lots ORDER BY id'),
    materialLots: db.engine.all<{ id: number; q: number }>('SELECT id, quantity_remaining AS q FROM material_lots ORDER BY id'),
    unitLots: db.engine.all<{ id: number; q: number }>('SELECT id, count_remaining AS q FROM finished_unit_lots WHERE count_initial > 0 ORDER BY id'),
    goodLots: db.engine.all<{ id: number; q: number }>('SELECT id, count_remaining AS q FROM finished_good_lots WHERE count_initial > 0 ORDER BY id'),
  };
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function expectSameStock(actual: ReturnType<typeof stock>, expected: ReturnType<typeof stock>): void {
  for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
    expect(actual[key].map((l) => l.id), key).toEqual(expected[key].map((l) => l.id));
    actual[key].forEach((l, i) => expect(near(l.q, expected[key][i]!.q), `${key} ${l.id}: ${l.q} vs ${expected[key][i]!.q}`).toBe(true));
  }
}

const STANDING_PRODUCTION = 'NOT EXISTS (SELECT 1 FROM run_reversals v WHERE v.production_run_id = r.id)';
const STANDING_ASSEMBLY = 'NOT EXISTS (SELECT 1 FROM run_reversals v WHERE v.assembly_run_id = a.id)';

function checkLedger(db: Database): void {
  const explained = (sql: string) => db.engine.all<{ id: number; initial: number; remaining: number; drawn: number | null }>(sql);
  const ingredientLots = explained(
    `SELECT l.id, l.quantity_initial AS initial, l.quantity_remaining AS remaining,
            (SELECT sum(c.quantity) FROM production_consumptions c JOIN production_runs r ON r.id = c.production_run_id WHERE c.lot_id = l.id AND ${STANDING_PRODUCTION}) AS drawn
     FROM lots l`,
  );
  const byAssembly = (table: string, column: string, initial: string, remaining: string) =>
    explained(
      `SELECT l.id, l.${initial} AS initial, l.${remaining} AS remaining,
              (SELECT sum(c.quantity) FROM assembly_consumptions c JOIN assembly_runs a ON a.id = c.assembly_run_id WHERE c.${column} = l.id AND ${STANDING_ASSEMBLY}) AS drawn
       FROM ${table} l`,
    );
  const all = [
    ...ingredientLots,
    ...byAssembly('material_lots', 'material_lot_id', 'quantity_initial', 'quantity_remaining'),
    ...byAssembly('finished_unit_lots', 'finished_unit_lot_id', 'count_initial', 'count_remaining'),
    ...byAssembly('finished_good_lots', 'finished_good_lot_id', 'count_initial', 'count_remaining'),
  ];
  for (const lot of all) {
    expect(lot.remaining).toBeGreaterThanOrEqual(0);
    expect(lot.remaining).toBeLessThanOrEqual(lot.initial);
    expect(near(lot.initial - lot.remaining, lot.drawn ?? 0), `lot ${lot.id}: ${lot.initial} - ${lot.remaining} vs drawn ${lot.drawn}`).toBe(true);
  }
  const totals = db.engine.all<{ total: number; summed: number | null }>(
    `SELECT r.total_cost AS total, (SELECT sum(coalesce(c.cost, 0)) FROM production_consumptions c WHERE c.production_run_id = r.id) AS summed FROM production_runs r
     UNION ALL
     SELECT a.total_cost, (SELECT sum(c.cost) FROM assembly_consumptions c WHERE c.assembly_run_id = a.id) FROM assembly_runs a`,
  );
  for (const t of totals) expect(t.total).toBe(ledgerAmount(t.summed ?? 0));
  // A standing run's output lot holds what the run made, and is worth exactly what the run cost (nothing made: unit cost 0):
  // no drift from a rounded unit cost.
  expect(
    db.engine.all(
      `SELECT r.id FROM production_runs r JOIN finished_unit_lots l ON l.production_run_id = r.id WHERE ${STANDING_PRODUCTION}
         AND (l.count_initial <> r.actual_yield OR (l.count_initial = 0 AND l.unit_cost <> 0) OR (l.count_initial > 0 AND abs(l.unit_cost * l.count_initial - r.total_cost) > 1e-9))`,
    ),
  ).toEqual([]);
  expect(db.engine.all(`SELECT a.id FROM assembly_runs a JOIN finished_good_lots l ON l.assembly_run_id = a.id WHERE ${STANDING_ASSEMBLY} AND (l.count_initial <> a.quantity OR abs(l.unit_cost * l.count_initial - a.total_cost) > 1e-9)`)).toEqual([]);
}

async function world() {
  const db = await testDb();
  const s = bakeShop(db);
  const glaze = createRecipe(db, { name: 'Glaze', ingredientLines: [{ ingredientId: s.sugar.id, quantity: 0.5, unit: 'cup' }, { ingredientId: s.butter.id, quantity: 1, unit: 'tbsp' }] });
  const cake = createRecipe(db, {
    name: 'Glazed cake',
    ingredientLines: [{ ingredientId: s.flour.id, quantity: 2, unit: 'cup' }, { ingredientId: s.eggs.id, quantity: 3, unit: 'each' }],
    subRecipes: [{ recipeId: glaze.id, batchMultiplier: 0.5 }],
  });
  const slice = createFinishedUnit(db, { recipeId: cake.id, name: 'Cake slice', yieldMode: 'portion', portionPercent: 12.5 });
  const tin = s.good({ name: 'Cookie tin', lines: [{ kind: 'unit', finishedUnitId: s.cookie.id, quantity: 6 }] });
  const goods = [
    s.good({ name: 'Cookie bag', lines: [{ kind: 'unit', finishedUnitId: s.cookie.id, quantity: 12 }, { kind: 'material', materialUnitId: s.oneBag.id, materialProductId: s.bagPack.id, quantity: 1 }] }),
    tin,
    s.good({ name: 'Basket', lines: [{ kind: 'good', goodId: tin.id, quantity: 2 }, { kind: 'unit', finishedUnitId: slice.id, quantity: 2 }, { kind: 'material', materialUnitId: s.oneBag.id, materialProductId: s.bagPack.id, quantity: 2 }] }),
  ];
  const products = [s.flour, s.sugar, s.butter, s.eggs].map((i) => db.engine.get<{ id: number }>('SELECT product_id AS id FROM lots WHERE ingredient_id = ?', [i.id])!.id);
  // Enough for a dozen batches, so that most sequences bake and assemble rather than run short at once.
  products.forEach((productId) => recordPurchase(db, { productId, purchasedOn: '2026-01-20', packages: 3, pricePerPackage: 7.5 }));
  s.buyBags();
  // Something on the shelf from the start, so that assemblies happen early in a sequence too.
  recordProduction(db, { recipeId: s.cookies.id, batches: 2 });
  recordProduction(db, { recipeId: cake.id, batches: 1 });
  return { db, s, recipes: [s.cookies, cake], goods, products };
}

describe('ledger completeness (fast-check)', () => {
  it('holds over random sequences of purchases, bakes, assemblies and undos', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const { db, s, recipes, goods, products } = await world();
        let last: { kind: 'production' | 'assembly'; id: number; before: ReturnType<typeof stock> } | null = null;
        const runs: { kind: 'production' | 'assembly'; id: number }[] = [];
        for (const st of steps) {
          const before = dbState(db);
          const stockBefore = stock(db);
          try {
            if (st.op === 'buy') {
              recordPurchase(db, { productId: products[st.ingredient]!, purchasedOn: `2026-02-${String(st.day).padStart(2, '0')}`, packages: st.packages, pricePerPackage: st.price });
              last = null;
            } else if (st.op === 'buyBags') {
              s.buyBags(st.packages, st.price);
              last = null;
            } else if (st.op === 'bake') {
              const recipe = recipes[st.recipe]!;
              const expected = recipe.id === s.cookies.id ? Math.floor(48 * st.batches) : Math.floor((st.batches * 100) / 12.5);
              const actualYield = Math.floor(expected * (1 - st.lossShare));
              const run = recordProduction(db, { recipeId: recipe.id, batches: st.batches, actualYield, lossCategory: actualYield < expected ? 'burnt' : null });
              expect(run.expected).toBe(expected);
              last = { kind: 'production', id: run.id, before: stockBefore };
              runs.push(last);
            } else if (st.op === 'assemble') {
              const run = recordAssembly(db, { goodId: goods[st.good]!.id, quantity: st.quantity });
              last = { kind: 'assembly', id: run.id, before: stockBefore };
              runs.push(last);
            } else if (st.op === 'undoLast') {
              if (last) {
                undoRun(db, { kind: last.kind, id: last.id });
                expectSameStock(stock(db), last.before);
              }
              last = null;
            } else if (runs.length > 0) {
              const run = runs[st.pick % runs.length]!;
              undoRun(db, run);
              last = null;
            }
          } catch (e) {
            if (!(e instanceof AppError) || !['INSUFFICIENT_STOCK', 'IN_USE', 'CONFLICT'].includes(e.code)) throw e;
            expect(dbState(db)).toEqual(before);
            last = null;
          }
          checkLedger(db);
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
