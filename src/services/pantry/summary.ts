/**
 * The pantry at a glance, as the Dashboard shows it: how many ingredients
 * are in stock, which are running low, what the pantry is worth (and whether
 * every lot with stock has a price), and the latest purchases. All the
 * arithmetic is here, from the same aggregate totals as the pantry overview,
 * so the Dashboard only displays numbers.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import type { Unit } from '../../domain/units';
import { listLimit } from '../../domain/validate';
import type { IngredientRow } from '../catalog/ingredient-rows';
import { countLotsWithoutPrice } from './lot-prices';
import { listPurchases, type Purchase } from './purchases';
import { stockTotalsByIngredient } from './stock-totals';

export interface RunningLow {
  ingredient: { id: number; name: string };
  /** On hand, in the unit the ingredient was last bought in. */
  total: number;
  unit: Unit;
}

export interface PantrySummary {
  /** Ingredients with any lot, used up or not: zero means nothing was ever bought. */
  ingredientsWithLots: number;
  /** Ingredients with something left. */
  ingredientsInStock: number;
  /** In stock but low, by name. */
  runningLow: RunningLow[];
  /** What everything on hand cost, over the lots whose cost is known. */
  value: number;
  /** False when some lot with stock has no price, so `value` is a floor. */
  valueComplete: boolean;
  /** Lots with stock and no price: the baker can add their prices (services/pantry/lot-prices.ts). */
  lotsWithoutPrice: number;
  /** Newest first. */
  latestPurchases: Purchase[];
}

export function pantrySummary(db: Database, request: { latest?: number } = {}, tx?: Tx): PantrySummary {
  return withTransaction(db, tx, (t) => {
    const ingredients = new Map(t.all<IngredientRow>('SELECT * FROM ingredients').map((r) => [r.id, r]));
    const totals = stockTotalsByIngredient(db, ingredients, t);
    let ingredientsInStock = 0;
    let value = 0;
    let valueComplete = true;
    const runningLow: RunningLow[] = [];
    for (const [id, stock] of totals) {
      if (stock.empty) continue;
      ingredientsInStock++;
      value += stock.value;
      valueComplete &&= stock.valueComplete;
      if (stock.low) runningLow.push({ ingredient: { id, name: ingredients.get(id)!.name }, total: stock.total, unit: stock.unit });
    }
    runningLow.sort((a, b) => a.ingredient.name.localeCompare(b.ingredient.name));
    return {
      ingredientsWithLots: totals.size,
      ingredientsInStock,
      runningLow,
      value,
      valueComplete,
      lotsWithoutPrice: countLotsWithoutPrice(db, t),
      latestPurchases: listPurchases(db, { limit: listLimit(request.latest, 5) }, t).items,
    };
  });
}
