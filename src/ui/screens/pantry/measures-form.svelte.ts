/**
 * An ingredient's measures as typed on a form: a density in four parts
 * ("1 cup weighs 125 g") and the weight of one. Kept as text so nothing the
 * baker typed is reformatted; `request()` hands the worker what it checks:
 * all-blank means "none", and unreadable text goes as NaN so the worker's
 * message names the part at fault. `changes()` leaves out a measure whose
 * text was not touched, so a density shown rounded ("4.417 oz") is never
 * saved rounded.
 */
import type { ResultOf } from '../../../rpc/contract';
import { inputNumber, parseDecimal } from '../../format';

type Detail = ResultOf<'catalog.getIngredient'>;

export const MEASURE_FIELDS = [
  'density.volumeQty',
  'density.volumeUnit',
  'density.weightQty',
  'density.weightUnit',
  'eachWeight.qty',
  'eachWeight.unit',
] as const;

/** Blank stays null; unreadable text becomes NaN for the worker to name. */
function amount(text: string): number | null {
  return text.trim() === '' ? null : (parseDecimal(text) ?? Number.NaN);
}

export class MeasuresText {
  volumeQty = $state('');
  volumeUnit = $state('cup');
  weightQty = $state('');
  weightUnit = $state('g');
  eachQty = $state('');
  eachUnit = $state('g');
  /** The texts as loaded, to tell what the baker changed. */
  private loaded = { density: this.densityText(), each: this.eachText() };

  /** Starts from an ingredient's saved measures (or blank for a new one). */
  constructor(from?: Pick<Detail, 'density' | 'eachWeight'> | null) {
    this.load(from);
  }

  load(from?: Pick<Detail, 'density' | 'eachWeight'> | null): void {
    if (from?.density) {
      this.volumeQty = inputNumber(from.density.volumeQty);
      this.volumeUnit = from.density.volumeUnit;
      this.weightQty = inputNumber(from.density.weightQty);
      this.weightUnit = from.density.weightUnit;
    }
    if (from?.eachWeight) {
      this.eachQty = inputNumber(from.eachWeight.qty);
      this.eachUnit = from.eachWeight.unit;
    }
    this.loaded = { density: this.densityText(), each: this.eachText() };
  }

  private densityText(): string {
    return [this.volumeQty, this.volumeUnit, this.weightQty, this.weightUnit].join('|');
  }

  private eachText(): string {
    return [this.eachQty, this.eachUnit].join('|');
  }

  request() {
    const volumeQty = amount(this.volumeQty);
    const weightQty = amount(this.weightQty);
    const eachQty = amount(this.eachQty);
    return {
      density: volumeQty === null && weightQty === null ? null : { volumeQty, volumeUnit: this.volumeUnit, weightQty, weightUnit: this.weightUnit },
      eachWeight: eachQty === null ? null : { qty: eachQty, unit: this.eachUnit },
    };
  }

  /** Only the measures the baker changed since loading; the worker keeps the others exactly as saved. */
  changes() {
    const all = this.request();
    return {
      ...(this.densityText() !== this.loaded.density ? { density: all.density } : {}),
      ...(this.eachText() !== this.loaded.each ? { eachWeight: all.eachWeight } : {}),
    };
  }
}
