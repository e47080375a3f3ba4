/**
 * Checks on what a baker enters into a plan: whole counts for targets and
 * batches, and a batch count that leaves a shortfall only when the shortfall
 * is confirmed (domain-rules.md, "Explosion, batches and waste"). The
 * decision, the amendment and the screen all use these, so the same words
 * refuse the same thing everywhere.
 */
import { validationError } from '../errors';
import { batchOutcome, type BatchOptions } from './batches';
import { capitalize, nonNegativeNumber } from './validate';

/** Targets at most this many: more is a slip of the keyboard, not a bake sale. */
export const MAX_TARGET = 1_000_000;

/** Batches decided at most for one unit. */
export const MAX_BATCHES = 10_000;

/** A whole count >= 0 and at most `max`. */
export function wholeCount(value: unknown, field: string, label: string, max = MAX_TARGET): number {
  const n = nonNegativeNumber(value, field, label, max);
  if (!Number.isInteger(n)) throw validationError(field, `${capitalize(label)} is counted whole: use a whole number.`, { value });
  return n;
}

/** What a batch count is checked against: one finished unit's need in the plan. */
export interface BatchNeed {
  finishedUnitName: string;
  unitsNeeded: number;
  yieldPerBatch: number;
  options: BatchOptions;
}

const batchWord = (n: number) => `${n} batch${n === 1 ? '' : 'es'}`;

/** The sentence a shortfall is confirmed with (and refused with, unconfirmed); null when `batches` make enough. */
export function shortfallText(need: BatchNeed, batches: number): string | null {
  const outcome = batchOutcome(need.unitsNeeded, need.yieldPerBatch, batches);
  if (outcome.short === 0) return null;
  return `${need.unitsNeeded} ${need.finishedUnitName} needed; ${batchWord(batches)} make ${outcome.totalUnits}, ${outcome.short} short. Confirm the shortfall, or choose ${batchWord(need.options.ceil.batches)}.`;
}

/** A batch count for a unit: whole, within bounds, and leaving a shortfall only when `confirmShortfall` is true. */
export function checkBatchChoice(need: BatchNeed, batches: unknown, confirmShortfall: unknown): { batches: number; shortfallConfirmed: boolean } {
  const n = wholeCount(batches, 'batches', 'batches', MAX_BATCHES);
  const short = shortfallText(need, n);
  if (short && confirmShortfall !== true) {
    throw validationError('confirmShortfall', short, { short: batchOutcome(need.unitsNeeded, need.yieldPerBatch, n).short });
  }
  return { batches: n, shortfallConfirmed: short !== null };
}
