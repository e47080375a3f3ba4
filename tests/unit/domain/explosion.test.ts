import { describe, expect, it } from 'vitest';
import { explode, goodsLeftToAssemble, type CompositionLine, type GoodDefinition } from '../../../src/domain/explosion';

const COOKIE = 1;
const BROWNIE = 2;
const BAG = 10;
const MEGA = 11;
const RIBBON_BOW = 100;

const good = (id: number, name: string, lines: CompositionLine[]): [number, GoodDefinition] => [id, { id, name, lines }];
const goods = new Map([
  good(BAG, 'Bag', [
    { kind: 'unit', finishedUnitId: COOKIE, quantity: 3 },
    { kind: 'unit', finishedUnitId: BROWNIE, quantity: 2 },
    { kind: 'material', materialUnitId: RIBBON_BOW, materialId: 7, size: 45.72, materialProductId: null, quantity: 1 },
  ]),
  good(MEGA, 'Mega', [{ kind: 'good', goodId: BAG, quantity: 2 }]),
]);

describe('explosion of goods into finished units and packaging (domain reference examples)', () => {
  it('a bag of 3 cookies + 2 brownies x 10 bags -> 30 cookies and 20 brownies', () => {
    const e = explode(goods, [{ goodId: BAG, quantity: 10 }]);
    expect(Object.fromEntries(e.units)).toEqual({ [COOKIE]: 30, [BROWNIE]: 20 });
  });

  it('a mega of 2 bags x 5 megas -> the same 30 and 20 (nested goods multiply), and 10 bows of 45.72 cm', () => {
    const e = explode(goods, [{ goodId: MEGA, quantity: 5 }]);
    expect(Object.fromEntries(e.units)).toEqual({ [COOKIE]: 30, [BROWNIE]: 20 });
    expect(e.materials).toEqual([{ materialUnitId: RIBBON_BOW, materialId: 7, materialProductId: null, uses: 10, quantity: 457.2 }]);
  });

  it('0 bags -> 0 of each, still listed', () => {
    const e = explode(goods, [{ goodId: BAG, quantity: 0 }]);
    expect(Object.fromEntries(e.units)).toEqual({ [COOKIE]: 0, [BROWNIE]: 0 });
    expect(e.materials[0]).toMatchObject({ uses: 0, quantity: 0 });
  });

  it('finished unit targets add to the exploded counts', () => {
    const e = explode(goods, [{ goodId: BAG, quantity: 10 }], [{ finishedUnitId: COOKIE, quantity: 200 }]);
    expect(e.units.get(COOKIE)).toBe(230);
  });

  it('a generic and a specific line of the same packaging stay apart', () => {
    const withBoth = new Map([
      good(1, 'Box', [
        { kind: 'material', materialUnitId: 5, materialId: 3, size: 1, materialProductId: null, quantity: 1 },
        { kind: 'material', materialUnitId: 5, materialId: 3, size: 1, materialProductId: 9, quantity: 2 },
      ]),
    ]);
    expect(explode(withBoth, [{ goodId: 1, quantity: 3 }]).materials.map((m) => [m.materialProductId, m.uses])).toEqual([
      [null, 3],
      [9, 6],
    ]);
  });
});

describe('goods left to assemble: spare nested goods the event made count against what their parents need', () => {
  const CRATE = 12;
  const withCrate = new Map([...goods, good(CRATE, 'Crate', [{ kind: 'good', goodId: MEGA, quantity: 3 }, { kind: 'good', goodId: BAG, quantity: 1 }])]);
  const left = (targets: { goodId: number; quantity: number }[], spare: [number, number][]) => [...goodsLeftToAssemble(withCrate, targets, new Map(spare))].sort((a, b) => a[0] - b[0]);

  it('2 crates = 6 megas (12 bags) + 2 bags; 4 megas spare -> 2 megas (4 bags) + 2 bags; 5 bags spare -> 1 bag', () => {
    expect(left([{ goodId: CRATE, quantity: 2 }], [])).toEqual([[BAG, 14], [MEGA, 6], [CRATE, 2]]);
    expect(left([{ goodId: CRATE, quantity: 2 }], [[MEGA, 4]])).toEqual([[BAG, 6], [MEGA, 2], [CRATE, 2]]);
    expect(left([{ goodId: CRATE, quantity: 2 }], [[MEGA, 4], [BAG, 5]])).toEqual([[BAG, 1], [MEGA, 2], [CRATE, 2]]);
  });

  it('a good that is a target of its own: its target and its parents\' need are met from one spare stock, each spare good once', () => {
    // 3 bags + 1 mega (2 bags) = 5 bags; 10 spare -> none; 2 spare -> 3 (not 3 for the target and 0 for the mega)
    expect(left([{ goodId: BAG, quantity: 3 }, { goodId: MEGA, quantity: 1 }], [[BAG, 10]])).toEqual([[BAG, 0], [MEGA, 1]]);
    expect(left([{ goodId: BAG, quantity: 3 }, { goodId: MEGA, quantity: 1 }], [[BAG, 2]])).toEqual([[BAG, 3], [MEGA, 1]]);
    // a spare mega meets the mega target, and so its bags
    expect(left([{ goodId: BAG, quantity: 3 }, { goodId: MEGA, quantity: 1 }], [[MEGA, 1]])).toEqual([[BAG, 3], [MEGA, 0]]);
    expect(left([{ goodId: MEGA, quantity: 0 }], [[BAG, 10]])).toEqual([[BAG, 0], [MEGA, 0]]);
  });
});
