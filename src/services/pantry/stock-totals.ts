/**
 * Stock totals for every ingredient with lots, from two queries (an aggregate
 * per ingredient and dimension, and a lookup of each ingredient's newest lot) instead
 * of reading every lot row: the pantry overview and the ingredient tree stay
 * fast as years of purchases pile up. The arithmetic is the domain's
 * (summarizeStockTotals), shared with the per-lot view.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { EMPTY_TOLERANCE } from '../../domain/stock-flags';
import { summarizeStockTotals, type StockGroup, type StockTotals } from '../../domain/stock-summary';
import { BASE_UNIT, parseUnit, type Dimension } from '../../domain/units';
import type { IngredientRow } from '../catalog/ingredient-rows';

export interface IngredientTotals extends StockTotals {
  lastPurchasedOn: string;
}

interface GroupRow {
  ingredient_id: number;
  dimension: Dimension;
  lot_count: number;
  lots_with_stock: number;
  remaining: number;
  value: number;
  unpriced_with_stock: number;
}

interface NewestRow {
  ingredient_id: number;
  dimension: Dimension;
  quantity_initial: number;
  package_unit: string;
  purchased_on: string;
}

/** Totals keyed by ingredient id, each in the unit its newest lot was bought in. */
export function stockTotalsByIngredient(db: Database, ingredients: ReadonlyMap<number, IngredientRow>, tx?: Tx): Map<number, IngredientTotals> {
  return withTransaction(db, tx, (t) => {
    const groups = new Map<number, StockGroup[]>();
    const groupRows = t.all<GroupRow>(
      `SELECT ingredient_id, dimension, count(*) AS lot_count,
              total(quantity_remaining > abs(quantity_initial) * ?) AS lots_with_stock,
              total(quantity_remaining) AS remaining,
              total(quantity_remaining * unit_cost) AS value,
              total(quantity_remaining > abs(quantity_initial) * ? AND unit_cost IS NULL) AS unpriced_with_stock
       FROM lots GROUP BY ingredient_id, dimension`,
      [EMPTY_TOLERANCE, EMPTY_TOLERANCE],
    );
    for (const r of groupRows) {
      const list = groups.get(r.ingredient_id) ?? [];
      list.push({
        dimension: r.dimension,
        lotCount: r.lot_count,
        lotsWithStock: r.lots_with_stock,
        remaining: r.remaining,
        value: r.value,
        unpricedWithStock: r.unpriced_with_stock,
      });
      groups.set(r.ingredient_id, list);
    }
    // Each ingredient's newest lot is one step back along lots_fifo (ingredient_id, purchased_on, id):
    // a lookup per ingredient. Ranking every lot with a window function read and sorted all of them:
    // 60-110 ms against 1-5 ms on the browser benchmark's 10 MB database (16,000 lots), in the first
    // screen's first query.
    const newestRows = t.all<NewestRow>(
      `SELECT l.ingredient_id, l.dimension, l.quantity_initial, p.package_unit, l.purchased_on
       FROM ingredients i
       JOIN lots l ON l.id = (SELECT id FROM lots WHERE ingredient_id = i.id ORDER BY purchased_on DESC, id DESC LIMIT 1)
       JOIN products p ON p.id = l.product_id`,
    );
    const totals = new Map<number, IngredientTotals>();
    for (const n of newestRows) {
      const ingredient = ingredients.get(n.ingredient_id);
      if (!ingredient) continue;
      const unit = parseUnit(n.package_unit) ?? BASE_UNIT[n.dimension];
      const summary = summarizeStockTotals(
        groups.get(n.ingredient_id) ?? [],
        { dimension: n.dimension, quantityInitial: n.quantity_initial },
        unit,
        conversionContextOf(ingredient),
      );
      totals.set(n.ingredient_id, { ...summary, lastPurchasedOn: n.purchased_on });
    }
    return totals;
  });
}
