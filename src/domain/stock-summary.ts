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

/** An ingredient's lots of one dimension, added up (what SQL's GROUP BY gives). */
export interface StockGroup {
  dimension: Dimension;
  lotCount: number;
  lotsWithStock: number;
  /** Sum of quantity remaining, in the dimension's base unit. */
  remaining: number;
  /** Sum of remaining x unit cost over lots whose cost is known. */
  value: number;
  /** Lots with stock whose cost is unknown. */
  unpricedWithStock: number;
}

/** The newest lot: "low" compares what is on hand with what one purchase brings. */
export interface NewestLot {
  dimension: Dimension;
  quantityInitial: number;
}

export type StockTotals = Omit<StockSummary, 'lots'>;

/**
 * Totals from per-dimension groups. The pantry overview gets the groups from
 * one aggregate query instead of reading every lot; `summarizeStock` builds
 * the same groups from lot rows, so both add up the same way.
 */
export function summarizeStockTotals(groups: readonly StockGroup[], newest: NewestLot | null, unit: Unit, ctx: ConversionContext): StockTotals {
  let total = 0;
  let value = 0;
  let valueComplete = true;
  let unconvertedLots = 0;
  let lotsWithStock = 0;
  let lotCount = 0;
  for (const g of groups) {
    lotCount += g.lotCount;
    lotsWithStock += g.lotsWithStock;
    value += g.value;
    if (g.unpricedWithStock > 0) valueComplete = false;
    const per = perDisplayUnit(g.dimension, unit, ctx);
    if (per === null) unconvertedLots += g.lotsWithStock;
    else total += g.remaining / per;
  }
  const newestPer = newest ? perDisplayUnit(newest.dimension, unit, ctx) : null;
  const reference = newest && newestPer !== null ? newest.quantityInitial / newestPer : 0;
  const empty = lotsWithStock === 0;
  return {
    total,
    unit,
    value,
    valueComplete,
    lotCount,
    lotsWithStock,
    unconvertedLots,
    empty,
    low: !empty && reference > 0 && isLow(total, reference),
  };
}

export function summarizeStock(lots: readonly StockLotRow[], unit: Unit, ctx: ConversionContext): StockSummary {
  const ordered = [...lots].sort(fifoOrder);
  const groups = new Map<Dimension, StockGroup>();
  const views: StockLotView[] = ordered.map((lot) => {
    const per = perDisplayUnit(lot.dimension, unit, ctx);
    const k = per ?? 1;
    const empty = isEmpty(lot.quantityRemaining, lot.quantityInitial);
    const lotValue = lot.unitCost === null ? null : lot.quantityRemaining * lot.unitCost;
    let g = groups.get(lot.dimension);
    if (!g) groups.set(lot.dimension, (g = { dimension: lot.dimension, lotCount: 0, lotsWithStock: 0, remaining: 0, value: 0, unpricedWithStock: 0 }));
    g.lotCount++;
    g.remaining += lot.quantityRemaining;
    if (lotValue !== null) g.value += lotValue;
    if (!empty) {
      g.lotsWithStock++;
      if (lotValue === null) g.unpricedWithStock++;
    }
    return {
      id: lot.id,
      quantityInitial: lot.quantityInitial / k,
      quantityRemaining: empty ? 0 : lot.quantityRemaining / k,
      unit: per === null ? BASE_UNIT[lot.dimension] : unit,
      unitCost: lot.unitCost === null ? null : lot.unitCost * k,
      value: lotValue,
      converted: per !== null,
      empty,
      low: isLow(lot.quantityRemaining, lot.quantityInitial),
    };
  });
  const newest = ordered[ordered.length - 1];
  return { ...summarizeStockTotals([...groups.values()], newest ?? null, unit, ctx), lots: views };
}
