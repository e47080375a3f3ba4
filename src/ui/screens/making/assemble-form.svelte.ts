/**
 * What the assembly form holds, as typed, and how it becomes the worker's
 * parameters. What is missing, what can be assembled and what it costs come
 * back from the worker's pre-check.
 */
import type { ParamsOf } from '../../../rpc/contract';
import { inputNumber, parseDecimal } from '../../format';
import { FieldErrors } from '../../state/field-errors.svelte';

type AssembleParams = ParamsOf<'making.recordAssembly'>;

export const ASSEMBLE_FIELDS = ['quantity', 'eventId', 'bypassPackaging'] as const;

export class AssembleForm {
  quantity = $state('1');
  eventId = $state('');
  /** Assemble without packaging; the note says why. */
  bypass = $state(false);
  bypassNote = $state('');
  readonly errors = new FieldErrors();

  step(by: number): void {
    const now = parseDecimal(this.quantity) ?? 0;
    this.quantity = inputNumber(Math.max(1, Math.floor(now + by)));
  }

  /**
   * The parameters, or null until the quantity reads as a number. Packaging
   * is left out once the note says why (the worker refuses it without one),
   * so ticking the box does not flash an error before the baker has typed.
   */
  params(goodId: number): AssembleParams | null {
    const quantity = parseDecimal(this.quantity);
    if (quantity === null) return null;
    return {
      goodId,
      quantity,
      eventId: this.eventId ? Number(this.eventId) : null,
      bypassPackaging: this.bypass && this.bypassNote.trim() !== '' ? this.bypassNote : null,
    };
  }
}
