/**
 * What an ingredient quantity costs right now (docs/design/domain-rules.md,
 * "Costs now"), for the recipe editor, the goods builder and the plan's cost
 * baseline alike:
 *   1. a FIFO dry run over the ingredient's lots (the allocation consumption uses);
 *   2. what the lots cannot cover, and draws from lots with no cost, at the
 *      latest purchase price (newest purchase of any product, by date then id);
 *   3. with no purchase price either, the newest priced lot's unit cost;
 *   4. otherwise unknown, with the reason ("No price for Cocoa: record a purchase").
 * A unit that cannot be converted to the lots' or the price's unit makes the
 * cost unknown with the fix ("Set a density for Brown sugar ..."), never 0.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { BASE_UNIT, UnitConversionError, conversionFactor, requireUnit, type Dimension, type Unit } from '../../domain/units';
import { positiveId, positiveNumber } from '../../domain/validate';
import { loadIngredient, type IngredientRow } from '../catalog/ingredient-rows';
import { planFifoFor } from '../pantry/fifo';
import type { StockedLotPrefix } from '../pantry/lots';

/** Which steps priced the quantity, and how much each priced (in the quantity's unit). */
export interface PriceSources {
  lots: number;
  latestPurchase: number;
  lotCost: number;
}

export interface IngredientPrice {
  ingredient: { id: number; slug: string; name: string };
  quantity: number;
  unit: Unit;
  /** Null when unknown. */
  cost: number | null;
  /** cost / quantity, per `unit`; null when unknown. */
  unitCost: number | null;
  sources: PriceSources;
  /** Why the cost is unknown, with the fix; null when it is known. */
  reason: string | null;
}

/** Numbers this close to zero (relative to the need) are float noise, not an amount left to price. */
const TOLERANCE = 1e-9;

/** The fallback price per `unit`: latest purchase, else newest priced lot; null when there is neither. */
function fallbackPrice(tx: Tx, ingredientId: number, unit: Unit, ctx: ReturnType<typeof conversionContextOf>): { price: number; from: 'latestPurchase' | 'lotCost' } | null {
  const purchase = tx.get<{ price_per_package: number; package_quantity: number; package_unit: string }>(
    `SELECT pu.price_per_package, p.package_quantity, p.package_unit FROM purchases pu JOIN products p ON p.id = pu.product_id
     WHERE p.ingredient_id = ? ORDER BY pu.purchased_on DESC, pu.id DESC LIMIT 1`,
    [ingredientId],
  );
  if (purchase) {
    const perPackageUnit = purchase.price_per_package / purchase.package_quantity;
    return { price: perPackageUnit * conversionFactor(unit, requireUnit(purchase.package_unit), ctx), from: 'latestPurchase' };
  }
  const lot = tx.get<{ unit_cost: number; dimension: Dimension }>(
    'SELECT unit_cost, dimension FROM lots WHERE ingredient_id = ? AND unit_cost IS NOT NULL ORDER BY purchased_on DESC, id DESC LIMIT 1',
    [ingredientId],
  );
  if (lot) return { price: lot.unit_cost * conversionFactor(unit, BASE_UNIT[lot.dimension], ctx), from: 'lotCost' };
  return null;
}

export interface PriceRequest {
  ingredientId: number;
  quantity: number;
  unit: string;
  /**
   * The ingredient's first stocked lots, when the caller has read them for
   * many ingredients at once (firstStockedLotsOf); else they are read here.
   */
  lots?: StockedLotPrefix;
  /** The ingredient's row, when the caller has read it (with many others, at once). */
  row?: IngredientRow;
}

export function priceIngredient(db: Database, request: PriceRequest, tx?: Tx): IngredientPrice {
  return withTransaction(db, tx, (t) => {
    const row = request.row ?? loadIngredient(db, positiveId(request.ingredientId, 'ingredientId', 'ingredient'), t);
    const quantity = positiveNumber(request.quantity, 'quantity');
    const unit = requireUnit(String(request.unit ?? ''), 'unit');
    const ctx = conversionContextOf(row);
    const ingredient = { id: row.id, slug: row.slug, name: row.name };
    const sources: PriceSources = { lots: 0, latestPurchase: 0, lotCost: 0 };
    const unknown = (reason: string): IngredientPrice => ({ ingredient, quantity, unit, cost: null, unitCost: null, sources, reason });
    try {
      // The dry run's draws and shortfall depend only on the lots up to the one that covers the need
      // (FIFO stops there), so the first lots price it exactly when they cover it; else all are read.
      let plan = planFifoFor(db, row, { quantity, unit, lots: request.lots?.lots }, t);
      if (!plan.enough && request.lots && !request.lots.complete) plan = planFifoFor(db, row, { quantity, unit }, t);
      let cost = 0;
      let uncovered = plan.shortfall;
      for (const d of plan.draws) {
        if (d.lotUnitCost === null) uncovered += d.quantity;
        else {
          // At full precision, not the draw's ledger amount (4 decimals): a price is not a ledger row, and its cost per unit
          // must come out as the lots' own (0.180728 kg of a 2.00/kg lot is 2.00 a kg, not 0.3615 / 0.180728 = 2.00024).
          cost += d.lotQuantity * d.lotUnitCost;
          sources.lots += d.quantity;
        }
      }
      if (uncovered > quantity * TOLERANCE) {
        const fallback = fallbackPrice(t, row.id, unit, ctx);
        if (!fallback) {
          const what = plan.draws.length > 0 ? 'its lots have no cost and there is no purchase price' : 'there is no lot and no purchase price';
          return unknown(`No price for ${row.name}: ${what}. Record a purchase.`);
        }
        cost += uncovered * fallback.price;
        sources[fallback.from] += uncovered;
      }
      return { ingredient, quantity, unit, cost, unitCost: cost / quantity, sources, reason: null };
    } catch (e) {
      if (e instanceof UnitConversionError) return unknown(e.message);
      throw e;
    }
  });
}
