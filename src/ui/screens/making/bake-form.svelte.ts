/**
 * What the bake form holds, as typed (text, so nothing is reformatted under
 * the baker's thumb), and how it becomes the worker's parameters. Whether a
 * bake is possible, what it needs and what it costs come back from the
 * worker's pre-check; nothing about baking is decided here.
 */
import type { ParamsOf } from '../../../rpc/contract';
import { inputNumber, parseDecimal } from '../../format';
import { FieldErrors } from '../../state/field-errors.svelte';

type BakeParams = ParamsOf<'making.recordProduction'>;

export const BAKE_FIELDS = ['finishedUnitId', 'batches', 'actualYield', 'lossCategory', 'lossNote', 'eventId'] as const;

export class BakeForm {
  finishedUnitId = $state<number | null>(null);
  batches = $state('1');
  /** Blank: everything expected came out. */
  actual = $state('');
  lossCategory = $state('');
  lossNote = $state('');
  /** A select's value: '' for no event. */
  eventId = $state('');
  readonly errors = new FieldErrors();

  step(by: number): void {
    const now = parseDecimal(this.batches) ?? 0;
    this.batches = inputNumber(Math.max(1, Math.floor(now + by)));
  }

  /** The count typed as made, or null when blank (or not a number yet). */
  get actualCount(): number | null {
    return parseDecimal(this.actual);
  }

  /**
   * The parameters, or null until batches reads as a number. The loss reason
   * and note go along only while the count typed is below `expected` (the
   * pre-check's figure), the only time the form shows them.
   */
  params(recipeId: number, expected: number | null): BakeParams | null {
    const batches = parseDecimal(this.batches);
    if (batches === null) return null;
    const actual = this.actualCount;
    const withLoss = actual !== null && expected !== null && actual < expected;
    return {
      recipeId,
      finishedUnitId: this.finishedUnitId,
      batches,
      actualYield: this.actual.trim() === '' ? null : (actual ?? Number.NaN),
      lossCategory: withLoss && this.lossCategory ? (this.lossCategory as BakeParams['lossCategory']) : null,
      lossNote: withLoss ? this.lossNote : '',
      eventId: this.eventId ? Number(this.eventId) : null,
    };
  }
}
