import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingredientTree } from '../../../../src/services/pantry/ingredient-tree';
import { consumeFifo } from '../../../../src/services/pantry/fifo';
import { ingredientStock, pantryOverview } from '../../../../src/services/pantry/stock';
import { loadSample } from '../../../../src/services/sample/sample-pantry';
import { testDb } from '../../../helpers/db';

const SAMPLE = join(import.meta.dirname, '../../../../src/services/sample/bake-tracker-sample.json');

describe('pantry totals from aggregate queries', () => {
  it("the overview and the tree add up each ingredient exactly as its own lot list does (the real baker's pantry)", async () => {
    const db = await testDb();
    loadSample(db, JSON.parse(readFileSync(SAMPLE, 'utf8')));
    // Draw some flour so partly used and emptied lots are in the mix.
    const flour = pantryOverview(db).find((r) => r.ingredient.slug === 'flour_all_purpose')!;
    consumeFifo(db, { ingredientId: flour.ingredient.id, quantity: 3, unit: 'lb' });

    const overview = pantryOverview(db);
    expect(overview.length).toBeGreaterThan(100);
    const hints = new Map<number, { quantity: number; low: boolean; empty: boolean }>();
    const walk = (nodes: ReturnType<typeof ingredientTree>) => {
      for (const n of nodes) {
        if (n.onHand) hints.set(n.id, n.onHand);
        walk(n.children);
      }
    };
    walk(ingredientTree(db));

    for (const row of overview) {
      const perLot = ingredientStock(db, { ingredientId: row.ingredient.id, unit: row.unit });
      expect(row.total).toBeCloseTo(perLot.total, 9);
      expect(row.value).toBeCloseTo(perLot.value, 6);
      expect([row.empty, row.low, row.valueComplete, row.lotCount, row.lotsWithStock]).toEqual([
        perLot.empty,
        perLot.low,
        perLot.valueComplete,
        perLot.lotCount,
        perLot.lotsWithStock,
      ]);
      expect(hints.get(row.ingredient.id)?.quantity).toBeCloseTo(perLot.total, 9);
    }
  });
});
