/**
 * Batches and waste (docs/design/domain-rules.md, "Explosion, batches and
 * waste"). A finished unit needed `units` times, at `yield` per batch:
 * default batches = ceil(units / yield) (0 for 0 units); floor and ceil are
 * offered when units / yield is not whole (within 1e-9) and floor makes at
 * least one batch; total = floor(batches x yield); waste = max(0, total -
 * units); waste % = waste / total x 100 (0 when nothing is made); a batch
 * count that makes less than the need leaves a shortfall, which the baker
 * must confirm. Worked numbers: 100 at 48 -> 3 batches, 144 made, 44 waste,
 * 30.56 %; 50 at 24 -> floor 2 (48, short 2) or ceil 3 (72, 22 spare);
 * 5 at 24 -> only ceil 1; 48 at 24 -> exactly 2.
 */
import { validationError } from '../errors';

/** units / yield this close to a whole number is that number: float noise, not a fraction of a batch. */
const WHOLE_TOLERANCE = 1e-9;

export interface BatchOutcome {
  batches: number;
  /** floor(batches x yield per batch): what the batches make. */
  totalUnits: number;
  /** Made beyond the need. */
  waste: number;
  /** waste / total x 100; 0 when nothing is made. */
  wastePercent: number;
  /** Needed beyond what is made: a shortfall. */
  short: number;
}

export interface BatchOptions {
  unitsNeeded: number;
  yieldPerBatch: number;
  /** Whether the need is a whole number of batches (then there is no choice to make). */
  whole: boolean;
  /** Fewer batches, leaving a shortfall; null when the need is whole or floor would bake nothing. */
  floor: { batches: number; totalUnits: number; short: number } | null;
  /** Enough batches: the default. */
  ceil: { batches: number; totalUnits: number; spare: number };
}

function checkYield(yieldPerBatch: number): void {
  if (!Number.isFinite(yieldPerBatch) || yieldPerBatch <= 0) {
    throw validationError('yieldPerBatch', 'A finished unit needs a yield above zero per batch to plan batches.', { yieldPerBatch });
  }
}

/** What `batches` batches make at `yieldPerBatch`, against a need. A portion yield (100 / P) is counted whole. */
export function batchOutcome(unitsNeeded: number, yieldPerBatch: number, batches: number): BatchOutcome {
  checkYield(yieldPerBatch);
  const totalUnits = Math.floor(batches * yieldPerBatch + WHOLE_TOLERANCE);
  const waste = Math.max(0, totalUnits - unitsNeeded);
  return {
    batches,
    totalUnits,
    waste,
    wastePercent: totalUnits === 0 ? 0 : (waste / totalUnits) * 100,
    short: Math.max(0, unitsNeeded - totalUnits),
  };
}

/** The batch counts a planner offers for a need: ceil always, floor when the need falls between two counts. */
export function batchOptions(unitsNeeded: number, yieldPerBatch: number): BatchOptions {
  checkYield(yieldPerBatch);
  const exact = unitsNeeded / yieldPerBatch;
  const nearest = Math.round(exact);
  const whole = Math.abs(exact - nearest) <= WHOLE_TOLERANCE;
  const ceilBatches = whole ? nearest : Math.ceil(exact);
  const floorBatches = whole ? nearest : Math.floor(exact);
  const ceil = batchOutcome(unitsNeeded, yieldPerBatch, ceilBatches);
  const floor = !whole && floorBatches > 0 ? batchOutcome(unitsNeeded, yieldPerBatch, floorBatches) : null;
  return {
    unitsNeeded,
    yieldPerBatch,
    whole,
    floor: floor && { batches: floor.batches, totalUnits: floor.totalUnits, short: floor.short },
    ceil: { batches: ceil.batches, totalUnits: ceil.totalUnits, spare: ceil.waste },
  };
}
