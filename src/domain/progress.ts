/**
 * How far along an event is (domain.md, "Progress"; docs/design/domain-rules.md).
 * Per recipe: batches baked for the event against batches decided; per good:
 * assembled against the target. Each side is the mean of min(percent, 100)
 * over its rows with a target, so baking 12 of 6 batches of one recipe does
 * not hide 0 of another; overall is the mean of the sides that have rows.
 * Examples: 4 of 7 -> 57.14 %; production 57.14 % and assembly 50 % ->
 * overall 53.57 %. Percents keep full precision; screens and the command
 * line round them to 2 decimals.
 */
import { roundTo } from './money';

export interface Tally {
  target: number;
  done: number;
}

export interface TallyProgress {
  /** max(0, target - done). */
  remaining: number;
  /** max(0, done - target). */
  overage: number;
  /** done / target x 100, may exceed 100; null when there is no target. */
  percent: number | null;
}

export function tallyProgress({ target, done }: Tally): TallyProgress {
  return {
    remaining: Math.max(0, target - done),
    overage: Math.max(0, done - target),
    percent: target > 0 ? (done / target) * 100 : null,
  };
}

/** Mean of min(percent, 100) over the rows with a target; null when none has one. */
export function sidePercent(rows: readonly Tally[]): number | null {
  const counted = rows.filter((r) => r.target > 0);
  if (counted.length === 0) return null;
  return counted.reduce((sum, r) => sum + Math.min((r.done / r.target) * 100, 100), 0) / counted.length;
}

/** Mean of the sides that have rows; null when neither has. */
export function overallPercent(sides: readonly (number | null)[]): number | null {
  const present = sides.filter((s): s is number => s !== null);
  return present.length === 0 ? null : present.reduce((sum, s) => sum + s, 0) / present.length;
}

/** A percent as printed and shown: 2 decimals. */
export function roundPercent(value: number): number;
export function roundPercent(value: number | null): number | null;
export function roundPercent(value: number | null): number | null {
  return value === null ? null : roundTo(value, 2);
}
