/*
 * The cost roll-up of goods, with the real services and a real database,
 * over random nestings: every good costs the sum of its parts (finished
 * units at their recipe's cost per unit, nested goods at their own cost,
 * packaging at its price), the top equals its explosion priced line by
 * line, and a finished unit with no known cost makes unknown exactly the
 * goods that hold it, at any depth. Prices are whole cents per piece so no
 * FIFO rounding blurs the comparison.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/db/session';
import { explodeGood } from '../../../../src/services/goods/explosion';
import { createGood, type GoodInput } from '../../../../src/services/goods/goods';
import { createMaterialProduct } from '../../../../src/services/materials/material-products';
import { recordMaterialPurchase } from '../../../../src/services/materials/material-purchases';
import { createMaterialUnit } from '../../../../src/services/materials/material-units';
import { createMaterial } from '../../../../src/services/materials/materials';
import { costGood } from '../../../../src/services/pricing/good-cost';
import { costRecipe } from '../../../../src/services/pricing/recipe-cost';
import { createFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { createRecipe } from '../../../../src/services/recipes/recipes';
import { testDb } from '../../../helpers/db';
import { kitchen } from '../kitchen';

const TIN_PRICE = 2;

async function pantry() {
  const db = await testDb();
  const k = kitchen(db);
  k.buy(k.eggs.id, 'Eggs', 1000, 'each', 300, '2026-01-11');
  const units = [1, 2, 3].map((n) => {
    const recipe = createRecipe(db, { name: `Recipe ${n}`, ingredientLines: [{ ingredientId: k.eggs.id, quantity: n * 2, unit: 'each' }] });
    return createFinishedUnit(db, { recipeId: recipe.id, name: `Unit ${n}`, yieldMode: 'discrete', itemsPerBatch: n });
  });
  const noPrice = createRecipe(db, { name: 'Cocoa nibs', ingredientLines: [{ ingredientId: k.cocoa.id, quantity: 1, unit: 'cup' }] });
  units.push(createFinishedUnit(db, { recipeId: noPrice.id, name: 'Unit ?', yieldMode: 'discrete', itemsPerBatch: 10 }));
  const tins = createMaterial(db, { name: 'Tin', baseMeasure: 'each' });
  const pack = createMaterialProduct(db, { materialId: tins.id, name: 'Tins 1000', packageQuantity: 1000, packageUnit: 'each' });
  recordMaterialPurchase(db, { materialProductId: pack.id, purchasedOn: '2026-01-02', packages: 1, pricePerPackage: 1000 * TIN_PRICE });
  const tin = createMaterialUnit(db, { materialId: tins.id, name: 'one tin', quantity: 1, unit: 'each' });
  return { db, units, tin };
}

type Line = { kind: 'unit'; ref: number; quantity: number } | { kind: 'good'; ref: number; quantity: number } | { kind: 'tin'; quantity: number };

const goodsArb = fc.array(
  fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('unit' as const), ref: fc.integer({ min: 0, max: 3 }), quantity: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ kind: fc.constant('good' as const), ref: fc.integer({ min: 1, max: 3 }), quantity: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('tin' as const), quantity: fc.integer({ min: 1, max: 2 }) }),
    ),
    { minLength: 1, maxLength: 4 },
  ),
  { minLength: 1, maxLength: 4 },
);

/** Creates goods last to first, so good i may hold goods i+1.. (no loops); returns their ids by index. */
function build(db: Database, units: { id: number }[], tinId: number, raw: Line[][]): number[] {
  const ids: number[] = [];
  for (let i = raw.length - 1; i >= 0; i--) {
    const lines: NonNullable<GoodInput['lines']> = [];
    const used = new Set<string>();
    for (const l of raw[i]!) {
      const key = l.kind === 'tin' ? 'tin' : `${l.kind}:${l.ref}`;
      if (used.has(key) || (l.kind === 'good' && i + l.ref >= raw.length)) continue;
      used.add(key);
      if (l.kind === 'unit') lines.push({ kind: 'unit', finishedUnitId: units[l.ref]!.id, quantity: l.quantity });
      else if (l.kind === 'good') lines.push({ kind: 'good', goodId: ids[i + l.ref]!, quantity: l.quantity });
      else lines.push({ kind: 'material', materialUnitId: tinId, quantity: l.quantity });
    }
    ids[i] = createGood(db, { name: `Good ${i}`, lines }).id;
  }
  return ids;
}

describe('cost roll-up of random nested goods (real services)', () => {
  it('each good is the sum of its parts and equals its explosion priced; unknown exactly where an unpriced unit sits', async () => {
    await fc.assert(
      fc.asyncProperty(goodsArb, async (raw) => {
        const { db, units, tin } = await pantry();
        const ids = build(db, units, tin.id, raw);
        const unitCost = new Map(
          units.map((u) => {
            const perBatch = costRecipe(db, { recipeId: u.recipe.id }).costPerBatch;
            return [u.id, perBatch === null ? null : perBatch / u.yieldPerBatch];
          }),
        );
        for (const id of ids) {
          const c = costGood(db, { goodId: id });
          const e = explodeGood(db, { goodId: id, quantity: 1 });
          const unpriced = e.units.some((u) => u.count > 0 && unitCost.get(u.finishedUnit.id) === null);
          expect(c.cost === null).toBe(unpriced);
          if (unpriced) {
            expect(c.unknown.map((u) => u.item)).toEqual(['Cocoa']);
            continue;
          }
          const parts = c.breakdown.lines.reduce((s, l) => {
            if (l.kind === 'unit') return s + l.count * unitCost.get(l.finishedUnitId)!;
            if (l.kind === 'good') return s + l.count * costGood(db, { goodId: l.node.good.id }).cost!;
            return s + l.count * TIN_PRICE;
          }, 0);
          expect(c.cost).toBeCloseTo(parts, 9);
          const exploded = e.units.reduce((s, u) => s + u.count * unitCost.get(u.finishedUnit.id)!, 0) + e.materials.reduce((s, m) => s + m.uses * TIN_PRICE, 0);
          expect(c.cost).toBeCloseTo(exploded, 9);
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
