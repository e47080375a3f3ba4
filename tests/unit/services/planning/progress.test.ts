/*
 * Progress on a real sql.js database before anything is baked: per recipe
 * the batches decided (the default while undecided), per good the target and
 * what could be assembled now, a side with no targets left out, and the read
 * inside the caller's transaction. Baked and assembled runs: progress-runs.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { transaction } from '../../../../src/db/session';
import { createGood } from '../../../../src/services/goods/goods';
import { createMaterialProduct } from '../../../../src/services/materials/material-products';
import { recordMaterialPurchase } from '../../../../src/services/materials/material-purchases';
import { createMaterialUnit } from '../../../../src/services/materials/material-units';
import { createMaterial } from '../../../../src/services/materials/materials';
import { createEvent } from '../../../../src/services/planning/events';
import { eventProgress } from '../../../../src/services/planning/progress';
import { setGoodTarget, setUnitTarget } from '../../../../src/services/planning/targets';
import { shopBakery } from './shop-bakery';

describe('progress before anything is made', () => {
  it('loose units only: the recipes at 0 of their batches; no goods, so the assembly side is left out', async () => {
    const s = await shopBakery();
    const rolls = s.bake('Rolls', [{ ingredientId: s.flour.id, quantity: 100, unit: 'g' }]);
    const event = s.plan('Dinner', rolls.unit.id, 7);
    const p = eventProgress(s.db, { eventId: event.id });
    expect(p.recipes.map((r) => [r.recipe, r.targetBatches, r.producedBatches, r.remaining, r.overage, r.percent])).toEqual([['rolls', 7, 0, 7, 0, 0]]);
    expect(p.goods).toEqual([]);
    expect([p.productionPercent, p.assemblyPercent, p.overallPercent]).toEqual([0, null, 0]);
  });

  it('an undecided unit counts its default batches; a good made of packaging alone can be assembled now', async () => {
    const s = await shopBakery();
    const biscuit = s.bake('Biscuits', [{ ingredientId: s.flour.id, quantity: 1, unit: 'cup' }]);
    const box = createMaterial(s.db, { name: 'Box', baseMeasure: 'each' });
    const pack = createMaterialProduct(s.db, { materialId: box.id, name: 'Boxes 10', packageQuantity: 10, packageUnit: 'each' });
    recordMaterialPurchase(s.db, { materialProductId: pack.id, purchasedOn: '2026-01-02', packages: 1, pricePerPackage: 5 });
    const oneBox = createMaterialUnit(s.db, { materialId: box.id, name: 'one box', quantity: 1, unit: 'each' });
    const kit = createGood(s.db, { name: 'Box kit', lines: [{ kind: 'material', materialUnitId: oneBox.id, materialProductId: pack.id, quantity: 1 }] });
    const event = createEvent(s.db, { name: 'Stall' });
    setGoodTarget(s.db, { eventId: event.id, goodId: kit.id, quantity: 4 });
    setUnitTarget(s.db, { eventId: event.id, finishedUnitId: biscuit.unit.id, quantity: 3 });
    const p = eventProgress(s.db, { eventId: event.id });
    expect(p.recipes.map((r) => [r.recipe, r.targetBatches, r.producedBatches])).toEqual([['biscuits', 3, 0]]);
    expect(p.goods.map((g) => [g.good, g.target, g.assembled, g.availableToAssemble, g.percent, g.remaining])).toEqual([['box-kit', 4, 0, 4, 0, 4]]);
    expect([p.productionPercent, p.assemblyPercent, p.overallPercent]).toEqual([0, 0, 0]);
  });

  it('no targets at all: no figure on either side, and none overall', async () => {
    const s = await shopBakery();
    const p = eventProgress(s.db, { eventId: createEvent(s.db, { name: 'Someday' }).id });
    expect([p.recipes, p.goods, p.productionPercent, p.assemblyPercent, p.overallPercent]).toEqual([[], [], null, null, null]);
  });

  it('inside the caller\'s transaction: sees an uncommitted target, gives what a call without one gives, commits nothing', async () => {
    const s = await shopBakery();
    const rolls = s.bake('Rolls', [{ ingredientId: s.flour.id, quantity: 100, unit: 'g' }]);
    const buns = s.bake('Buns', [{ ingredientId: s.flour.id, quantity: 80, unit: 'g' }]);
    const event = s.plan('Dinner', rolls.unit.id, 7);
    const outside = eventProgress(s.db, { eventId: event.id });
    const commits: number[] = [];
    s.db.onCommit((statements) => commits.push(statements.length));
    expect(transaction(s.db, (tx) => eventProgress(s.db, { eventId: event.id }, tx))).toEqual(outside);
    expect(() =>
      transaction(s.db, (tx) => {
        setUnitTarget(s.db, { eventId: event.id, finishedUnitId: buns.unit.id, quantity: 2 }, tx);
        expect(eventProgress(s.db, { eventId: event.id }, tx).recipes.map((r) => [r.recipe, r.targetBatches])).toEqual([
          ['buns', 2],
          ['rolls', 7],
        ]);
        throw new Error('no buns after all');
      }),
    ).toThrow('no buns after all');
    expect(commits).toEqual([]);
    expect(eventProgress(s.db, { eventId: event.id })).toEqual(outside);
  });
});
