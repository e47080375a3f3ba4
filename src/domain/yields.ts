/**
 * What a batch of a recipe yields of one finished unit. A discrete unit
 * counts items per batch (48 cookies); a portion unit uses P % of a batch
 * (a slice of pie at 12.5 % is 8 per batch, a whole pie at 100 % is 1).
 */
import { validationError } from '../errors';

export type YieldMode = 'discrete' | 'portion';

export interface YieldDefinition {
  mode: YieldMode;
  /** Discrete mode: items one batch makes. */
  itemsPerBatch: number | null;
  /** Portion mode: the percent of a batch one unit uses, in (0, 100]. */
  portionPercent: number | null;
}

/** Units one batch yields: items per batch, or 100 / P for portions. A yield of zero or less is an error. */
export function yieldPerBatch(y: YieldDefinition): number {
  const field = y.mode === 'discrete' ? 'itemsPerBatch' : 'portionPercent';
  const perBatch = y.mode === 'discrete' ? y.itemsPerBatch : y.portionPercent === null ? null : 100 / y.portionPercent;
  if (perBatch === null || !Number.isFinite(perBatch) || perBatch <= 0) {
    throw validationError(field, `A ${y.mode} yield needs ${y.mode === 'discrete' ? 'a number of items per batch' : 'a portion percent'} above zero.`);
  }
  return perBatch;
}
