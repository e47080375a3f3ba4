/**
 * The arithmetic of a production run (docs/design/domain-rules.md,
 * "Production and assembly"): how many units some batches are expected to
 * yield, what a lower actual yield means (loss and status), and a run's
 * cost per unit from its ledger total. Pure; services/making records it.
 */
import { validationError } from '../errors';
import { ledgerAmount } from './money';
import { yieldPerBatch, type YieldDefinition } from './yields';

export const LOSS_CATEGORIES = ['burnt', 'broken', 'contaminated', 'dropped', 'wrong_ingredients', 'other'] as const;
export type LossCategory = (typeof LOSS_CATEGORIES)[number];

export const LOSS_CATEGORY_LABELS: Readonly<Record<LossCategory, string>> = {
  burnt: 'Burnt',
  broken: 'Broken',
  contaminated: 'Contaminated',
  dropped: 'Dropped',
  wrong_ingredients: 'Wrong ingredients',
  other: 'Other',
};

export type RunStatus = 'complete' | 'partial_loss' | 'total_loss';

export const RUN_STATUS_LABELS: Readonly<Record<RunStatus, string>> = {
  complete: 'Complete',
  partial_loss: 'Partial loss',
  total_loss: 'Total loss',
};

/**
 * Products like 0.7 x 10 come out as 6.999999999999999 in binary; a whole
 * unit that float noise hides is still a whole unit.
 */
const WHOLE_TOLERANCE = 1e-9;

/** floor(items per batch x batches), or floor(batches x 100 / P) for portions. */
export function expectedYield(definition: YieldDefinition, batches: number): number {
  const perBatch = yieldPerBatch(definition);
  // Portions as batches x 100 / P, the way domain.md writes it: 100 / 12.5 x 2 and 2 x 100 / 12.5 round differently in binary.
  const raw = definition.mode === 'portion' ? (batches * 100) / definition.portionPercent! : batches * perBatch;
  return Math.floor(raw + WHOLE_TOLERANCE);
}

export interface ProductionOutcome {
  expected: number;
  actual: number;
  loss: number;
  status: RunStatus;
}

/** What an actual yield means against the expected one; actual defaults to expected and may not exceed it. */
export function productionOutcome(expected: number, actual: number | null | undefined): ProductionOutcome {
  const made = actual ?? expected;
  if (typeof made !== 'number' || !Number.isInteger(made) || made < 0) {
    throw validationError('actualYield', 'The actual yield is a whole number of units, 0 or more.', { value: actual });
  }
  if (made > expected) {
    throw validationError('actualYield', `The actual yield (${made}) cannot be more than expected (${expected}); bake more batches to make more.`, {
      value: made,
      expected,
    });
  }
  const loss = expected - made;
  const status: RunStatus = loss === 0 ? 'complete' : made === 0 ? 'total_loss' : 'partial_loss';
  return { expected, actual: made, loss, status };
}

/** A run's cost per unit: its ledger total / units, to ledger precision; 0 when nothing was made. */
export function costPerUnit(total: number, units: number): number {
  return units === 0 ? 0 : ledgerAmount(total / units);
}

/**
 * The unit cost a run's output lot carries: its ledger total / units at full
 * precision (0 when nothing was made). Not the rounded cost per unit: a lot's
 * unit cost is stored, not shown, and rounding it would make every later draw
 * drift from what the run cost (48 cookies for 9.03 are 0.188125 each; at
 * 0.1881 the 48 would come back as 9.0288).
 */
export function outputUnitCost(total: number, units: number): number {
  return units === 0 ? 0 : total / units;
}

export function isLossCategory(value: unknown): value is LossCategory {
  return typeof value === 'string' && (LOSS_CATEGORIES as readonly string[]).includes(value);
}
