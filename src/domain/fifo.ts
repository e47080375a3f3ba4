/**
 * FIFO allocation over lot rows, with no database: the oldest lot first
 * (purchase date, then creation order), across every product of the
 * ingredient. The dry run, the pantry's consumption and production runs all
 * use this one function, so what a preview shows is what recording does.
 *
 * Lots hold quantities in the base unit of their own dimension (g, ml,
 * each). The caller says how many lot base units one unit of the need is for
 * each dimension (through the ingredient's density or weight per each); a lot
 * that cannot be converted makes that function throw, which is reported
 * rather than silently skipped.
 */
import { AppError } from '../errors';
import { plainQuantity, withoutNoise } from './format';
import type { Dimension } from './units';

export interface FifoLot {
  id: number;
  purchasedOn: string;
  dimension: Dimension;
  /** In the base unit of `dimension`. */
  quantityRemaining: number;
  /** Per base unit of `dimension`; null when the lot's cost is unknown. */
  unitCost: number | null;
}

export interface FifoDraw {
  lotId: number;
  dimension: Dimension;
  /** Drawn from the lot, in the lot's base unit. */
  quantity: number;
  /** The same amount in the unit the need was given in. */
  needQuantity: number;
  remainingBefore: number;
  remainingAfter: number;
  /** Per lot base unit, as stored on the lot. */
  unitCost: number | null;
  /** quantity x unitCost, unrounded; null when the lot's cost is unknown. */
  cost: number | null;
}

export interface FifoAllocation {
  /** What was asked for, in the need's unit. */
  need: number;
  draws: FifoDraw[];
  /** Sum of the draws, in the need's unit. */
  drawn: number;
  /** What is missing, in the need's unit: 0 when the lots cover the need. */
  shortfall: number;
  /** Sum of the known draw costs. */
  totalCost: number;
  /** False when some draw came from a lot with an unknown cost. */
  costComplete: boolean;
}

/** Needs within this fraction of zero are met: float noise, not an ingredient. */
const TOLERANCE = 1e-12;

export function fifoOrder(a: FifoLot, b: FifoLot): number {
  return a.purchasedOn < b.purchasedOn ? -1 : a.purchasedOn > b.purchasedOn ? 1 : a.id - b.id;
}

/**
 * Plans drawing `need` (in some unit) from `lots`. `lotUnitsPerNeedUnit(dim)`
 * is how many base units of `dim` one unit of the need is. Never returns a
 * lot below zero; a shortfall is reported, not thrown.
 */
export function allocateFifo(
  lots: readonly FifoLot[],
  need: number,
  lotUnitsPerNeedUnit: (dimension: Dimension) => number,
): FifoAllocation {
  const draws: FifoDraw[] = [];
  let left = need;
  let drawn = 0;
  let totalCost = 0;
  let costComplete = true;
  const done = () => left <= need * TOLERANCE;

  for (const lot of [...lots].sort(fifoOrder)) {
    if (done()) break;
    if (lot.quantityRemaining <= 0) continue;
    const perNeed = lotUnitsPerNeedUnit(lot.dimension);
    const wanted = left * perNeed;
    // Taking (almost) everything drains the lot exactly, so no crumb of float noise stays behind.
    const drainsLot = wanted >= lot.quantityRemaining * (1 - TOLERANCE);
    const quantity = drainsLot ? lot.quantityRemaining : wanted;
    const needQuantity = drainsLot ? lot.quantityRemaining / perNeed : left;
    const remainingAfter = drainsLot ? 0 : Math.max(0, lot.quantityRemaining - quantity);
    const cost = lot.unitCost === null ? null : quantity * lot.unitCost;
    if (cost === null) costComplete = false;
    else totalCost += cost;
    draws.push({
      lotId: lot.id,
      dimension: lot.dimension,
      quantity,
      needQuantity,
      remainingBefore: lot.quantityRemaining,
      remainingAfter,
      unitCost: lot.unitCost,
      cost,
    });
    drawn += needQuantity;
    left = drainsLot ? left - needQuantity : 0;
  }

  const shortfall = done() ? 0 : left;
  return { need, draws, drawn, shortfall, totalCost, costComplete };
}

/** What a draw needed and found, as the refusal below reports it. */
export interface Shortfall {
  ingredient: { id: number; name: string };
  /** Needed, available and missing, in `unit`. */
  quantity: number;
  available: number;
  shortfall: number;
  unit: string;
}

/** The refusal when an ingredient's lots hold less than a draw needs, in the same words wherever it is told. */
export function insufficientStock(s: Shortfall): AppError {
  const { name } = s.ingredient;
  return new AppError(
    'INSUFFICIENT_STOCK',
    `Not enough ${name}: ${plainQuantity(s.quantity, s.unit)} needed, ${plainQuantity(s.available, s.unit)} on hand (short ${plainQuantity(s.shortfall, s.unit)}).`,
    {
      field: 'quantity',
      ingredientId: s.ingredient.id,
      ingredient: name,
      needed: withoutNoise(s.quantity),
      available: withoutNoise(s.available),
      missing: withoutNoise(s.shortfall),
      unit: s.unit,
    },
  );
}
