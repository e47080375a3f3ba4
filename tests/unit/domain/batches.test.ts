/*
 * Batches, waste and the floor/ceil choice, with the numbers of the domain
 * reference ("Explosion, batches and waste"), and the shortfall rule.
 */
import { describe, expect, it } from 'vitest';
import { batchOptions, batchOutcome } from '../../../src/domain/batches';
import { checkBatchChoice, shortfallText, wholeCount } from '../../../src/domain/plan-checks';
import { AppError } from '../../../src/errors';

const need = (unitsNeeded: number, yieldPerBatch: number) => ({ finishedUnitName: 'Sugar cookie', unitsNeeded, yieldPerBatch, options: batchOptions(unitsNeeded, yieldPerBatch) });

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('batches and waste (domain reference)', () => {
  it('100 cookies at 48 a batch: 3 batches, 144 made, 44 waste, 30.56 %', () => {
    const options = batchOptions(100, 48);
    expect(options.ceil).toEqual({ batches: 3, totalUnits: 144, spare: 44 });
    const outcome = batchOutcome(100, 48, options.ceil.batches);
    expect(outcome).toMatchObject({ batches: 3, totalUnits: 144, waste: 44, short: 0 });
    expect(Number(outcome.wastePercent.toFixed(2))).toBe(30.56);
  });

  it('need 50 at 24: floor 2 makes 48, 2 short; ceil 3 makes 72, 22 spare', () => {
    expect(batchOptions(50, 24)).toEqual({
      unitsNeeded: 50,
      yieldPerBatch: 24,
      whole: false,
      floor: { batches: 2, totalUnits: 48, short: 2 },
      ceil: { batches: 3, totalUnits: 72, spare: 22 },
    });
  });

  it('need 5 at 24: only ceil 1 (floor would bake nothing)', () => {
    const options = batchOptions(5, 24);
    expect(options.floor).toBeNull();
    expect(options.ceil).toEqual({ batches: 1, totalUnits: 24, spare: 19 });
  });

  it('need 48 at 24: exactly 2, no choice to make', () => {
    const options = batchOptions(48, 24);
    expect(options).toMatchObject({ whole: true, floor: null, ceil: { batches: 2, totalUnits: 48, spare: 0 } });
  });

  it('0 units: 0 batches, nothing made, 0 % waste', () => {
    expect(batchOptions(0, 48)).toMatchObject({ whole: true, floor: null, ceil: { batches: 0, totalUnits: 0, spare: 0 } });
    expect(batchOutcome(0, 48, 0)).toEqual({ batches: 0, totalUnits: 0, waste: 0, wastePercent: 0, short: 0 });
  });

  it('a yield of zero or less is an error', () => {
    expect(thrown(() => batchOptions(10, 0)).code).toBe('VALIDATION');
    expect(thrown(() => batchOutcome(10, -1, 1)).code).toBe('VALIDATION');
  });

  it('portion yields (a 12.5 % slice: 8 a batch; 100/3 % a third) count whole units without float noise', () => {
    expect(batchOptions(20, 100 / 12.5).ceil).toEqual({ batches: 3, totalUnits: 24, spare: 4 });
    // 10 thirds at 3.333... a batch is exactly 3 batches, not 4.
    expect(batchOptions(10, 100 / 30)).toMatchObject({ whole: true, ceil: { batches: 3, totalUnits: 10, spare: 0 } });
  });
});

describe('a batch choice that leaves a shortfall must be confirmed', () => {
  it('floor 2 of 50 at 24 is refused unconfirmed, with the numbers, and accepted confirmed', () => {
    const e = thrown(() => checkBatchChoice(need(50, 24), 2, false));
    expect([e.code, e.details.field, e.message]).toEqual([
      'VALIDATION',
      'confirmShortfall',
      '50 Sugar cookie needed; 2 batches make 48, 2 short. Confirm the shortfall, or choose 3 batches.',
    ]);
    expect(checkBatchChoice(need(50, 24), 2, true)).toEqual({ batches: 2, shortfallConfirmed: true });
    expect(checkBatchChoice(need(50, 24), 3, false)).toEqual({ batches: 3, shortfallConfirmed: false });
    expect(shortfallText(need(50, 24), 4)).toBeNull();
  });

  it('batches and targets are whole counts', () => {
    expect(thrown(() => checkBatchChoice(need(50, 24), 2.5, true)).details.field).toBe('batches');
    expect(thrown(() => checkBatchChoice(need(50, 24), -1, true)).details.field).toBe('batches');
    expect(thrown(() => wholeCount(1.5, 'quantity', 'a target')).message).toBe('A target is counted whole: use a whole number.');
  });
});
