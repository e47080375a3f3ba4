/**
 * The state of the yield editor (a finished unit): its name, how a batch
 * yields it (a number of items, or a percent of the batch), notes, all as
 * typed. `request()` gives the worker's parameters; the worker checks them.
 */
import type { ResultOf } from '../../../rpc/contract';
import { inputNumber, parseDecimal } from '../../format';
import { FieldErrors } from '../../state/field-errors.svelte';

type Detail = ResultOf<'recipes.getFinishedUnit'>;

const FIELDS = ['name', 'yieldMode', 'itemsPerBatch', 'portionPercent', 'notes', 'recipeId'] as const;

export class FinishedUnitForm {
  name = $state('');
  yieldMode = $state<'discrete' | 'portion'>('discrete');
  itemsPerBatch = $state('');
  portionPercent = $state('');
  notes = $state('');
  readonly errors = new FieldErrors();
  private kept = $state('');

  constructor() {
    this.keep();
  }

  load(from: Detail): void {
    this.name = from.name;
    this.yieldMode = from.yieldMode;
    this.itemsPerBatch = from.itemsPerBatch === null ? '' : inputNumber(from.itemsPerBatch);
    this.portionPercent = from.portionPercent === null ? '' : inputNumber(from.portionPercent);
    this.notes = from.notes;
    this.keep();
  }

  request() {
    this.errors.clear();
    // Blank or unreadable goes as NaN: the worker's message names the field.
    const number = (text: string) => parseDecimal(text) ?? Number.NaN;
    return {
      name: this.name,
      yieldMode: this.yieldMode,
      itemsPerBatch: this.yieldMode === 'discrete' ? number(this.itemsPerBatch) : null,
      portionPercent: this.yieldMode === 'portion' ? number(this.portionPercent) : null,
      notes: this.notes,
    };
  }

  showError(e: unknown): void {
    this.errors.fromError(e, FIELDS);
  }

  private snapshot(): string {
    return JSON.stringify([this.name, this.yieldMode, this.itemsPerBatch, this.portionPercent, this.notes]);
  }

  keep(): void {
    this.kept = this.snapshot();
  }

  get dirty(): boolean {
    return this.snapshot() !== this.kept;
  }
}
