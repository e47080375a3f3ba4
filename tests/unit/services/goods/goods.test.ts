import { describe, expect, it } from 'vitest';
import { explodeGood, explodeGoodDraft, explodeTargets } from '../../../../src/services/goods/explosion';
import { archiveGood, assignPackaging, createGood, deleteGood, getGood, listGoods, restoreGood, updateGood } from '../../../../src/services/goods/goods';
import { createMaterialProduct } from '../../../../src/services/materials/material-products';
import { createMaterialUnit } from '../../../../src/services/materials/material-units';
import { createMaterial } from '../../../../src/services/materials/materials';
import { archiveFinishedUnit, createFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { createRecipe } from '../../../../src/services/recipes/recipes';
import { testDb } from '../../../helpers/db';
import { dbState, kitchen, refused } from '../kitchen';

async function shop() {
  const db = await testDb();
  const k = kitchen(db);
  const cookies = createRecipe(db, { name: 'Sugar cookies', ingredientLines: [{ ingredientId: k.flour.id, quantity: 3, unit: 'cup' }] });
  const brownies = createRecipe(db, { name: 'Brownies', ingredientLines: [{ ingredientId: k.sugar.id, quantity: 2, unit: 'cup' }] });
  const cookie = createFinishedUnit(db, { recipeId: cookies.id, name: 'Sugar cookie', yieldMode: 'discrete', itemsPerBatch: 48 });
  const brownie = createFinishedUnit(db, { recipeId: brownies.id, name: 'Brownie', yieldMode: 'discrete', itemsPerBatch: 16 });
  const boxes = createMaterial(db, { name: 'Window box 10x10', baseMeasure: 'each' });
  const ribbon = createMaterial(db, { name: 'Ribbon', baseMeasure: 'length' });
  const box = createMaterialUnit(db, { materialId: boxes.id, name: 'one box', quantity: 1, unit: 'each' });
  const bow = createMaterialUnit(db, { materialId: ribbon.id, name: 'one 18 in bow', quantity: 18, unit: 'in' });
  const pack = createMaterialProduct(db, { materialId: boxes.id, name: 'Window boxes 25 pack', packageQuantity: 25, packageUnit: 'each' });
  const spool = createMaterialProduct(db, { materialId: ribbon.id, name: 'Ribbon 100 ft', packageQuantity: 100, packageUnit: 'ft' });
  const bag = createGood(db, { name: 'Bag', lines: [{ kind: 'unit', finishedUnitId: cookie.id, quantity: 3 }, { kind: 'unit', finishedUnitId: brownie.id, quantity: 2 }] });
  const mega = createGood(db, { name: 'Mega', lines: [{ kind: 'good', goodId: bag.id, quantity: 2 }] });
  return { db, k, cookie, brownie, boxes, ribbon, box, bow, pack, spool, bag, mega };
}

const counts = (e: { units: { finishedUnit: { name: string }; count: number }[] }) => Object.fromEntries(e.units.map((u) => [u.finishedUnit.name, u.count]));

describe('explosion (issue examples)', () => {
  it('bag = 3 cookies + 2 brownies: 10 bags -> 30 and 20', async () => {
    const { db, bag } = await shop();
    expect(counts(explodeGood(db, { goodId: bag.id, quantity: 10 }))).toEqual({ 'Sugar cookie': 30, Brownie: 20 });
  });

  it('mega = 2 bags: 5 megas -> 30 and 20', async () => {
    const { db, mega } = await shop();
    const e = explodeGood(db, { goodId: mega.id, quantity: 5 });
    expect(counts(e)).toEqual({ 'Sugar cookie': 30, Brownie: 20 });
    expect(e.tree.lines.map((l) => [l.kind, l.name, l.count])).toEqual([['good', 'Bag', 10]]);
  });

  it('0 bags -> 0 of each', async () => {
    const { db, bag } = await shop();
    expect(counts(explodeGood(db, { goodId: bag.id, quantity: 0 }))).toEqual({ 'Sugar cookie': 0, Brownie: 0 });
  });

  it('a gift box with a nested tin and packaging: the tree says what it is made of, the totals what to bake and use', async () => {
    const { db, cookie, brownie, box, bow, pack } = await shop();
    const biscotti = createFinishedUnit(db, { recipeId: createRecipe(db, { name: 'Biscotti' }).id, name: 'Biscotti', yieldMode: 'discrete', itemsPerBatch: 36 });
    const tin = createGood(db, { name: 'Tin', lines: [{ kind: 'unit', finishedUnitId: biscotti.id, quantity: 6 }] });
    const gift = createGood(db, {
      name: 'Gift box',
      lines: [
        { kind: 'unit', finishedUnitId: cookie.id, quantity: 6 },
        { kind: 'unit', finishedUnitId: brownie.id, quantity: 4 },
        { kind: 'good', goodId: tin.id, quantity: 1 },
        { kind: 'material', materialUnitId: box.id, materialProductId: pack.id, quantity: 1 },
        { kind: 'material', materialUnitId: bow.id, quantity: 1 },
      ],
    });
    expect(gift.levels).toBe(2);
    expect(gift.genericLineCount).toBe(1);
    const e = explodeGood(db, { goodId: gift.id, quantity: 40 });
    expect(counts(e)).toEqual({ Biscotti: 240, Brownie: 160, 'Sugar cookie': 240 });
    expect(e.materials.map((m) => [m.material.name, m.product?.displayName ?? null, m.generic, m.uses, m.unit])).toEqual([
      ['Ribbon', null, true, 40, 'cm'],
      ['Window box 10x10', 'Window boxes 25 pack', false, 40, 'each'],
    ]);
    expect(e.materials[0]!.quantity).toBeCloseTo(40 * 45.72, 9);
    expect(e.tree.lines.map((l) => [l.name, l.count])).toEqual([['Sugar cookie', 240], ['Brownie', 160], ['Tin', 40], ['one box', 40], ['one 18 in bow', 40]]);
    const nested = e.tree.lines[2]!;
    expect(nested.kind === 'good' && nested.node.lines.map((l) => [l.name, l.count])).toEqual([['Biscotti', 240]]);
  });

  it('the builder sees the exploded view of unsaved lines, checked as saving would, with nothing written', async () => {
    const { db, bag, mega, cookie, bow } = await shop();
    const before = dbState(db);
    const draft = explodeGoodDraft(db, {
      name: 'Party box',
      quantity: 2,
      lines: [{ kind: 'good', goodId: mega.id, quantity: 1 }, { kind: 'unit', finishedUnitId: cookie.id, quantity: 1 }, { kind: 'material', materialUnitId: bow.id, quantity: 1 }],
    });
    expect(draft.tree.good.name).toBe('Party box');
    expect(counts(draft)).toEqual({ 'Sugar cookie': 14, Brownie: 8 });
    expect(dbState(db)).toEqual(before);
    // Editing the bag so that it would hold the mega that holds it is refused, as a save would be.
    expect(refused(db, () => explodeGoodDraft(db, { goodId: bag.id, lines: [{ kind: 'good', goodId: mega.id, quantity: 1 }] })).details.loop).toEqual(['Bag', 'Mega', 'Bag']);
  });

  it('targets: goods and loose finished units together', async () => {
    const { db, bag, mega, cookie } = await shop();
    const e = explodeTargets(db, { goods: [{ goodId: bag.id, quantity: 10 }, { goodId: mega.id, quantity: 5 }], units: [{ finishedUnitId: cookie.id, quantity: 200 }] });
    expect(counts(e)).toEqual({ 'Sugar cookie': 260, Brownie: 40 });
    expect(refused(db, () => explodeTargets(db, { goods: [{ goodId: bag.id, quantity: 1.5 }] })).details.field).toBe('goods[0].quantity');
  });
});

describe('nested goods: no loops, at most 10 levels', () => {
  it('a loop is refused with the loop named, and nothing changes', async () => {
    const { db, bag, mega } = await shop();
    const e = refused(db, () => updateGood(db, { id: bag.id, lines: [{ kind: 'good', goodId: mega.id, quantity: 1 }] }));
    expect(e.message).toBe('Bag -> Mega -> Bag: a good cannot contain itself, even through the goods inside it.');
    expect(e.details).toMatchObject({ field: 'lines[0].goodId', loop: ['Bag', 'Mega', 'Bag'] });
    expect(refused(db, () => updateGood(db, { id: bag.id, lines: [{ kind: 'good', goodId: bag.id, quantity: 1 }] })).message).toBe('A good cannot contain itself.');
  });

  it('10 levels save; an 11th is refused naming the chain', async () => {
    const { db, cookie } = await shop();
    let inner = createGood(db, { name: 'Level 1', lines: [{ kind: 'unit', finishedUnitId: cookie.id, quantity: 1 }] });
    for (let level = 2; level <= 10; level++) inner = createGood(db, { name: `Level ${level}`, lines: [{ kind: 'good', goodId: inner.id, quantity: 1 }] });
    expect(inner.levels).toBe(10);
    const e = refused(db, () => createGood(db, { name: 'Level 11', lines: [{ kind: 'good', goodId: inner.id, quantity: 2 }] }));
    expect(e.details).toMatchObject({ field: 'lines[0].goodId', maxLevels: 10 });
    expect(e.message).toBe(`${['Level 11', ...Array.from({ length: 10 }, (_, i) => `Level ${10 - i}`)].join(' -> ')} is 11 levels deep; goods nest at most 10 levels.`);
    expect(counts(explodeGood(db, { goodId: inner.id, quantity: 3 }))).toEqual({ 'Sugar cookie': 3 });
  });
});

describe('composition lines', () => {
  it('a generic packaging line is assigned a product later, or made generic again', async () => {
    const { db, box, pack } = await shop();
    const gift = createGood(db, { name: 'Gift', lines: [{ kind: 'material', materialUnitId: box.id, quantity: 1 }] });
    const line = gift.lines[0]!;
    expect(line).toMatchObject({ kind: 'material', generic: true, materialProduct: null, material: { name: 'Window box 10x10' } });
    const assigned = assignPackaging(db, { goodId: gift.id, lineId: line.id, materialProductId: pack.id });
    expect(assigned.lines[0]).toMatchObject({ generic: false, materialProduct: { displayName: 'Window boxes 25 pack' } });
    expect(assigned.genericLineCount).toBe(0);
    expect(assignPackaging(db, { goodId: gift.id, lineId: line.id, materialProductId: null }).genericLineCount).toBe(1);
  });

  it('bad lines are refused at their field, all at once, and change nothing', async () => {
    const { db, cookie, box, spool, bag } = await shop();
    const e = refused(db, () =>
      createGood(db, {
        name: 'Bad box',
        lines: [
          { kind: 'unit', finishedUnitId: cookie.id, quantity: 0 },
          { kind: 'unit', finishedUnitId: cookie.id, quantity: 2 },
          { kind: 'unit', finishedUnitId: 999, quantity: 1.5 },
          { kind: 'material', materialUnitId: box.id, materialProductId: spool.id, quantity: 1 },
          { kind: 'cake' as 'unit', finishedUnitId: cookie.id, quantity: 1 },
        ],
      }),
    );
    expect(e.details.fields).toEqual({
      'lines[0].quantity': 'The quantity must be more than zero.',
      'lines[1].finishedUnitId': 'Sugar cookie is already on line 1: change its quantity there.',
      'lines[2].finishedUnitId': 'That finished unit no longer exists.',
      'lines[2].quantity': 'Finished units and goods are counted whole: use a whole number.',
      'lines[3].materialProductId': 'Ribbon 100 ft is not a product of Window box 10x10.',
      'lines[4].kind': 'A line of a good is a finished unit, another good or packaging.',
    });
    expect(refused(db, () => createGood(db, { name: 'bag' })).code).toBe('DUPLICATE');
    expect(refused(db, () => assignPackaging(db, { goodId: bag.id, lineId: bag.lines[0]!.id, materialProductId: spool.id })).message).toBe('Only a packaging line takes a material product.');
  });

  it('an archived finished unit or good cannot be put in a good', async () => {
    const { db, bag, brownie, mega } = await shop();
    updateGood(db, { id: bag.id, lines: [{ kind: 'unit', finishedUnitId: brownie.id, quantity: 1 }] });
    archiveGood(db, mega.id);
    const lonely = createGood(db, { name: 'Lonely', lines: [] });
    expect(refused(db, () => updateGood(db, { id: lonely.id, lines: [{ kind: 'good', goodId: mega.id, quantity: 1 }] })).message).toBe('Mega is archived: restore it before putting it in another good.');
    updateGood(db, { id: bag.id, lines: [] });
    archiveFinishedUnit(db, brownie.id);
    expect(refused(db, () => updateGood(db, { id: lonely.id, lines: [{ kind: 'unit', finishedUnitId: brownie.id, quantity: 1 }] })).details.field).toBe('lines[0].finishedUnitId');
  });
});

describe('archive instead of delete once used', () => {
  it('a nested good cannot be deleted, nor archived while the good holding it is active', async () => {
    const { db, bag, mega } = await shop();
    expect(getGood(db, bag.id)).toMatchObject({ canDelete: false, deleteBlockedBy: 'it is in Mega', canArchive: false, archiveBlockedBy: 'it is in Mega (remove it there, or archive that first)' });
    expect(refused(db, () => deleteGood(db, bag.id)).message).toBe('Bag cannot be deleted: it is in Mega.');
    expect(refused(db, () => archiveGood(db, bag.id)).code).toBe('IN_USE');
    archiveGood(db, mega.id);
    archiveGood(db, bag.id);
    expect(listGoods(db)).toEqual([]);
    expect(listGoods(db, { includeArchived: true }).map((g) => g.name)).toEqual(['Bag', 'Mega']);
    expect(refused(db, () => restoreGood(db, mega.id)).message).toBe('Mega cannot be restored: Bag is archived: restore it first.');
    restoreGood(db, bag.id);
    expect(listGoods(db, { onlyArchived: true }).map((g) => g.name)).toEqual(['Mega']);
    restoreGood(db, mega.id);
    deleteGood(db, mega.id);
    expect(getGood(db, bag.id).canDelete).toBe(true);
  });

  it('a target of an open event plan cannot be archived; the reason says so', async () => {
    const { db, mega } = await shop();
    db.engine.run("INSERT INTO events (slug, name, created_at, updated_at) VALUES ('xmas', 'Christmas', 'x', 'x')");
    db.engine.run("INSERT INTO event_good_targets (event_id, finished_good_id, quantity, created_at, updated_at) VALUES (1, ?, 40, 'x', 'x')", [mega.id]);
    expect(getGood(db, mega.id)).toMatchObject({
      canArchive: false,
      archiveBlockedBy: 'an event plan that is not completed has it as a target',
      deleteBlockedBy: 'it is in 1 event plan entry',
    });
  });
});
