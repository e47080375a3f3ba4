/*
 * The arithmetic of "can we box it?" and of progress, with domain.md's
 * numbers: a bag of 6 cookies + 3 brownies, target 50; 4 of 7 batches;
 * production 57.14 % and assembly 50 % -> overall 53.57 %.
 */
import { describe, expect, it } from 'vitest';
import { canAssemble, feasibilityStatus, goodsFromLine } from '../../../src/domain/feasibility';
import { overallPercent, roundPercent, sidePercent, tallyProgress } from '../../../src/domain/progress';

const bag = (cookies: number, brownies: number) => [
  { perGood: 6, stock: cookies },
  { perGood: 3, stock: brownies },
];

describe('how many goods can be assembled now', () => {
  it('a bag of 6 cookies + 3 brownies, target 50: 300/150 -> 50; 300/120 -> 40; 0/0 -> 0', () => {
    expect(canAssemble(bag(300, 150), 50)).toBe(50);
    expect(canAssemble(bag(300, 120), 50)).toBe(40);
    expect(canAssemble(bag(0, 0), 50)).toBe(0);
  });

  it('is capped at the target, rounds each line down, and a line this close below a whole count is that count', () => {
    expect(canAssemble(bag(3000, 1500), 50)).toBe(50);
    expect(goodsFromLine({ perGood: 6, stock: 59 })).toBe(9);
    // Ribbon: 3 bows of 0.1 m from 0.3 m, however the float lands.
    expect(goodsFromLine({ perGood: 1, stock: (0.1 + 0.2) / 0.1 })).toBe(3);
    expect(canAssemble([], 10)).toBe(0);
  });

  it('status: all of the target, some, none waiting for baking, none for another reason', () => {
    expect(feasibilityStatus(50, 50, false)).toBe('can_assemble');
    expect(feasibilityStatus(40, 50, false)).toBe('partial');
    expect(feasibilityStatus(0, 50, true)).toBe('awaiting_production');
    expect(feasibilityStatus(0, 50, false)).toBe('cannot_assemble');
  });
});

describe('progress', () => {
  it('4 of 7 batches -> 57.14 %, 3 remaining, no overage', () => {
    const p = tallyProgress({ target: 7, done: 4 });
    expect(roundPercent(p.percent)).toBe(57.14);
    expect([p.remaining, p.overage]).toEqual([3, 0]);
  });

  it('baking more than decided: the percent passes 100, the overage says by how much, the side counts 100', () => {
    const p = tallyProgress({ target: 6, done: 8 });
    expect([p.percent, p.remaining, p.overage]).toEqual([(8 / 6) * 100, 0, 2]);
    expect(sidePercent([{ target: 6, done: 8 }, { target: 4, done: 0 }])).toBe(50);
  });

  it('production 57.14 % and assembly 50 % -> overall 53.57 %', () => {
    const production = sidePercent([{ target: 7, done: 4 }]);
    const assembly = sidePercent([{ target: 50, done: 25 }]);
    expect(roundPercent(production)).toBe(57.14);
    expect(assembly).toBe(50);
    expect(roundPercent(overallPercent([production, assembly]))).toBe(53.57);
  });

  it('a side with no targets is left out; with neither there is no figure', () => {
    expect(sidePercent([])).toBeNull();
    expect(sidePercent([{ target: 0, done: 3 }])).toBeNull();
    expect(tallyProgress({ target: 0, done: 3 }).percent).toBeNull();
    expect(overallPercent([null, 40])).toBe(40);
    expect(overallPercent([null, null])).toBeNull();
  });
});
