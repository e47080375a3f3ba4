/**
 * What is on hand of one ingredient, from its lot rows: totals and value in
 * one display unit, each lot converted to it, and the empty/low flags. Pure,
 * so the pantry screens, the catalog tree hint and tests share it.
 *
 * A lot that cannot be converted to the display unit (a volume lot of an
 * ingredient with no density, shown in lb) is not added to the total: it is
 * listed in its own unit and counted in `unconvertedLots`, so nothing is
 * silently summed across dimensions.
 */
import { fifoOrder } from './fifo';
import { isEmpty, isLow } from './stock-flags';
import { BASE_UNIT, UnitConversionError, conversionFactor, type ConversionContext, type Dimension, type Unit } from './units';

export interface StockLotRow {
  id: number;
  purchasedOn: string;
  dimension: Dimension;
  quantityInitial: number;
  quantityRemaining: number;
  /** Per base unit of the lot's dimension. */
  unitCost: number | null;
}

export interface StockLotView {
  id: number;
  quantityInitial: number;
  quantityRemaining: number;
  unit: Unit;
  /** Per `unit`; null when unknown. */
  unitCost: number | null;
  /** quantityRemaining x unitCost; null when unknown. */
  value: number | null;
  converted: boolean;
  empty: boolean;
  low: boolean;
}

export interface StockSummary {
  total: number;
  unit: Unit;
  value: number;
  /** False when a lot with stock has no known cost, so `value` is a floor. */
  valueComplete: boolean;
  lotCount: number;
  lotsWithStock: number;
  unconvertedLots: number;
  empty: boolean;
  low: boolean;
  lots: StockLotView[];
}

/** Lot base units per one display unit, or null when the ingredient's measures do not allow it. */
function perDisplayUnit(dimension: Dimension, unit: Unit, ctx: ConversionContext): number | null {
  try {
    return conversionFactor(unit, BASE_UNIT[dimension], ctx);
  } catch (e) {
    if (e instanceof UnitConversionError) return null;
    throw e;
  }
}

export function summarizeStock(lots: readonly StockLotRow[], unit: Unit, ctx: ConversionContext): StockSummary {
  const ordered = [...lots].sort(fifoOrder);
  let total = 0;
  let value = 0;
  let valueComplete = true;
  let unconvertedLots = 0;
  let lotsWithStock = 0;
  const views: StockLotView[] = ordered.map((lot) => {
    const per = perDisplayUnit(lot.dimension, unit, ctx);
    const shownUnit = per === null ? BASE_UNIT[lot.dimension] : unit;
    const k = per ?? 1;
    const empty = isEmpty(lot.quantityRemaining, lot.quantityInitial);
    const lotValue = lot.unitCost === null ? null : lot.quantityRemaining * lot.unitCost;
    if (!empty) {
      lotsWithStock++;
      if (lotValue === null) valueComplete = false;
    }
    if (lotValue !== null) value += lotValue;
    if (per === null) {
      if (!empty) unconvertedLots++;
    } else {
      total += lot.quantityRemaining / k;
    }
    return {
      id: lot.id,
      quantityInitial: lot.quantityInitial / k,
      quantityRemaining: empty ? 0 : lot.quantityRemaining / k,
      unit: shownUnit,
      unitCost: lot.unitCost === null ? null : lot.unitCost * k,
      value: lotValue,
      converted: per !== null,
      empty,
      low: isLow(lot.quantityRemaining, lot.quantityInitial),
    };
  });
  const newest = views[views.length - 1];
  const reference = newest?.converted ? newest.quantityInitial : 0;
  const empty = lotsWithStock === 0;
  return {
    total,
    unit,
    value,
    valueComplete,
    lotCount: lots.length,
    lotsWithStock,
    unconvertedLots,
    empty,
    low: !empty && reference > 0 && isLow(total, reference),
    lots: views,
  };
}
