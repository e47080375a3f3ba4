/*
 * "Can we box it?" on a real sql.js database: per good target, how many can
 * be assembled now, the status, and the three kinds of blockers, each on its
 * own; and the read inside the caller's transaction. Stock from baking and
 * nested goods come from making's recording services (feasibility-runs.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { transaction } from '../../../../src/db/session';
import { createGood } from '../../../../src/services/goods/goods';
import { createMaterialProduct } from '../../../../src/services/materials/material-products';
import { recordMaterialPurchase } from '../../../../src/services/materials/material-purchases';
import { createMaterialUnit } from '../../../../src/services/materials/material-units';
import { createMaterial } from '../../../../src/services/materials/materials';
import { decideBatches } from '../../../../src/services/planning/batch-decisions';
import { createEvent } from '../../../../src/services/planning/events';
import { eventFeasibility } from '../../../../src/services/planning/feasibility';
import { setGoodTarget } from '../../../../src/services/planning/targets';
import { shopBakery } from './shop-bakery';

/** A bag of 6 cookies + 3 brownies (domain.md's example), and an empty gift box: one box and one bow of ribbon. */
async function boxes() {
  const s = await shopBakery();
  s.buy(s.product(s.flour.id, 'Flour 25 lb', 25, 'lb').id, 9.49);
  const cookie = s.bake('Cookies', [{ ingredientId: s.flour.id, quantity: 1, unit: 'cup' }]);
  const brownie = s.bake('Brownies', [{ ingredientId: s.flour.id, quantity: 2, unit: 'cup' }]);
  const bag = createGood(s.db, {
    name: 'Treat bag',
    lines: [
      { kind: 'unit', finishedUnitId: cookie.unit.id, quantity: 6 },
      { kind: 'unit', finishedUnitId: brownie.unit.id, quantity: 3 },
    ],
  });
  const box = createMaterial(s.db, { name: 'Gift box', baseMeasure: 'each' });
  const ribbon = createMaterial(s.db, { name: 'Ribbon', baseMeasure: 'length' });
  const boxPack = createMaterialProduct(s.db, { materialId: box.id, name: 'Gift boxes 25 pack', packageQuantity: 25, packageUnit: 'each' });
  const spool = createMaterialProduct(s.db, { materialId: ribbon.id, name: 'Ribbon 10 m', packageQuantity: 10, packageUnit: 'm' });
  const oneBox = createMaterialUnit(s.db, { materialId: box.id, name: 'one box', quantity: 1, unit: 'each' });
  const bow = createMaterialUnit(s.db, { materialId: ribbon.id, name: 'one bow', quantity: 50, unit: 'cm' });
  const emptyBox = (name: string, bowProductId: number | null) =>
    createGood(s.db, {
      name,
      lines: [
        { kind: 'material', materialUnitId: oneBox.id, materialProductId: boxPack.id, quantity: 1 },
        { kind: 'material', materialUnitId: bow.id, materialProductId: bowProductId, quantity: 1 },
      ],
    });
  const event = createEvent(s.db, { name: 'Fair', date: '2026-12-01' });
  const buyBoxes = (packages: number) => recordMaterialPurchase(s.db, { materialProductId: boxPack.id, purchasedOn: '2026-01-02', packages, pricePerPackage: 12.5 });
  const buyRibbon = () => recordMaterialPurchase(s.db, { materialProductId: spool.id, purchasedOn: '2026-01-02', packages: 1, pricePerPackage: 4 });
  return { ...s, cookie, brownie, bag, box, ribbon, boxPack, spool, oneBox, bow, emptyBox, event, buyBoxes, buyRibbon };
}

describe('how many can be assembled now', () => {
  it('bag = 6 cookies + 3 brownies, target 50, nothing baked: 0, awaiting production, both short', async () => {
    const b = await boxes();
    setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 50 });
    const f = eventFeasibility(b.db, { eventId: b.event.id });
    expect(f.goods.map((g) => [g.good, g.target, g.canAssemble, g.status])).toEqual([['treat-bag', 50, 0, 'awaiting_production']]);
    expect(f.goods[0]!.limitedBy).toEqual(['Cookies 1', 'Brownies 2']);
    expect(f.blockers.inventory.map((i) => [i.item, i.needed, i.have])).toEqual([
      ['cookies-1', 300, 0],
      ['brownies-2', 150, 0],
    ]);
  });

  it('from packaging stock: enough for all (can assemble), for some (partial), for none (cannot assemble: no baking missing)', async () => {
    const b = await boxes();
    const good = b.emptyBox('Empty box', b.spool.id);
    setGoodTarget(b.db, { eventId: b.event.id, goodId: good.id, quantity: 10 });
    const status = () => eventFeasibility(b.db, { eventId: b.event.id }).goods.map((g) => [g.canAssemble, g.status]);
    expect(status()).toEqual([[0, 'cannot_assemble']]);
    b.buyRibbon(); // 1000 cm: 20 bows
    b.buyBoxes(1); // 25 boxes
    expect(status()).toEqual([[10, 'can_assemble']]);
    setGoodTarget(b.db, { eventId: b.event.id, goodId: good.id, quantity: 30 });
    const f = eventFeasibility(b.db, { eventId: b.event.id });
    expect(f.goods.map((g) => [g.canAssemble, g.status, g.limitedBy])).toEqual([[20, 'partial', ['one bow']]]);
    expect(f.goods[0]!.lines.map((l) => [l.slug, l.perGood, l.stock, l.allows])).toEqual([
      ['gift-box-one-box', 1, 25, 25],
      ['ribbon-one-bow', 1, 20, 20],
    ]);
    // Short in stock, each material in its base measure: 30 boxes (25 on hand), 30 bows of 50 cm (1000 cm on hand).
    expect(f.blockers.inventory.map((i) => [i.kind, i.item, i.needed, i.have, i.unit])).toEqual([
      ['material', 'gift-box', 30, 25, 'each'],
      ['material', 'ribbon', 1500, 1000, 'cm'],
    ]);
  });
});

describe('blockers, each kind on its own', () => {
  it('inventory only: every line priced and assigned, batches decided, the boxes short', async () => {
    const b = await boxes();
    const good = b.emptyBox('Empty box', b.spool.id);
    setGoodTarget(b.db, { eventId: b.event.id, goodId: good.id, quantity: 30 });
    b.buyRibbon();
    b.buyBoxes(1);
    const f = eventFeasibility(b.db, { eventId: b.event.id });
    expect(f.blockers.cost).toEqual([]);
    expect(f.blockers.assignment).toEqual([]);
    expect(f.blockers.inventory.map((i) => [i.item, i.needed, i.have])).toEqual([
      ['gift-box', 30, 25],
      ['ribbon', 1500, 1000],
    ]);
  });

  it('assignment only: a generic bow line, named by the good that has it', async () => {
    const b = await boxes();
    const good = b.emptyBox('Open box', null);
    setGoodTarget(b.db, { eventId: b.event.id, goodId: good.id, quantity: 10 });
    b.buyRibbon();
    b.buyBoxes(1);
    const f = eventFeasibility(b.db, { eventId: b.event.id });
    expect(f.blockers.inventory).toEqual([]);
    expect(f.blockers.cost).toEqual([]);
    expect(f.blockers.assignment.map((a) => [a.item, a.reason])).toEqual([
      ['open-box', 'Open box takes any Ribbon for "one bow": choose which product, or assembling it must skip the packaging with a note.'],
    ]);
    // A generic line counts any lot of its material.
    expect(f.goods.map((g) => [g.canAssemble, g.status])).toEqual([[10, 'can_assemble']]);
  });

  it('assignment: a needed finished unit with no batch decision, until one is decided', async () => {
    const b = await boxes();
    setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 50 });
    const reasons = () => eventFeasibility(b.db, { eventId: b.event.id }).blockers.assignment.map((a) => [a.kind, a.item, a.reason]);
    expect(reasons()).toEqual([
      ['finished_unit', 'brownies-2', 'No batches decided for Brownies 2 yet: choose how many (150 make the 150 needed), or lock the plan to take that default.'],
      ['finished_unit', 'cookies-1', 'No batches decided for Cookies 1 yet: choose how many (300 make the 300 needed), or lock the plan to take that default.'],
    ]);
    decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.cookie.unit.id, batches: 300 });
    decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.brownie.unit.id, batches: 150 });
    expect(reasons()).toEqual([]);
  });

  it('cost only: packaging with no price at all makes the plan\'s cost baseline incomplete', async () => {
    const b = await boxes();
    const tag = createMaterial(b.db, { name: 'Tag', baseMeasure: 'each' });
    const tags = createMaterialProduct(b.db, { materialId: tag.id, name: 'Tags 50', packageQuantity: 50, packageUnit: 'each' });
    const oneTag = createMaterialUnit(b.db, { materialId: tag.id, name: 'one tag', quantity: 1, unit: 'each' });
    const good = createGood(b.db, { name: 'Tagged box', lines: [{ kind: 'material', materialUnitId: oneTag.id, materialProductId: tags.id, quantity: 1 }] });
    setGoodTarget(b.db, { eventId: b.event.id, goodId: good.id, quantity: 5 });
    const f = eventFeasibility(b.db, { eventId: b.event.id });
    expect(f.blockers.assignment).toEqual([]);
    expect(f.blockers.cost.map((c) => [c.kind, c.item, c.reason])).toEqual([
      ['material', 'tag', 'No price for Tag: the chosen product has no priced lot and no purchase. Record a material purchase.'],
    ]);
    // No tags in stock either: an inventory blocker, in its own list.
    expect(f.blockers.inventory.map((i) => i.item)).toEqual(['tag']);
  });
});

describe("inside the caller's transaction", () => {
  it('sees an uncommitted target, gives what a call without a handle gives, and commits nothing', async () => {
    const b = await boxes();
    const good = b.emptyBox('Empty box', b.spool.id);
    setGoodTarget(b.db, { eventId: b.event.id, goodId: good.id, quantity: 10 });
    b.buyBoxes(1);
    const outside = eventFeasibility(b.db, { eventId: b.event.id });
    const commits: number[] = [];
    b.db.onCommit((s) => commits.push(s.length));
    expect(transaction(b.db, (tx) => eventFeasibility(b.db, { eventId: b.event.id }, tx))).toEqual(outside);
    expect(() =>
      transaction(b.db, (tx) => {
        setGoodTarget(b.db, { eventId: b.event.id, goodId: b.bag.id, quantity: 50 }, tx);
        expect(eventFeasibility(b.db, { eventId: b.event.id }, tx).goods.map((g) => g.good)).toEqual(['empty-box', 'treat-bag']);
        throw new Error('not now');
      }),
    ).toThrow('not now');
    expect(commits).toEqual([]);
    expect(eventFeasibility(b.db, { eventId: b.event.id })).toEqual(outside);
  });
});
