/**
 * What is on hand: per ingredient in any compatible unit, the pantry
 * overview (every ingredient with lots), and one ingredient's lots. Totals
 * come from src/domain/stock-summary.ts, so every screen adds up the same way.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { productLabel } from '../../domain/labels';
import { summarizeStock, type StockLotRow, type StockSummary } from '../../domain/stock-summary';
import { rankByName } from '../../domain/text-search';
import { BASE_UNIT, conversionFactor, requireUnit, type Unit } from '../../domain/units';
import { positiveId } from '../../domain/validate';
import { loadIngredient, type IngredientRow } from '../catalog/ingredient-rows';
import { displayUnitOf, lotRowsOf, stockedLotRowsOf, type LotRow } from './lots';
import { stockTotalsByIngredient } from './stock-totals';

export interface OnHand {
  ingredientId: number;
  quantity: number;
  unit: Unit;
}

function stockRow(r: LotRow): StockLotRow {
  return {
    id: r.id,
    purchasedOn: r.purchased_on,
    dimension: r.dimension,
    quantityInitial: r.quantity_initial,
    quantityRemaining: r.quantity_remaining,
    unitCost: r.unit_cost,
  };
}

/**
 * Everything on hand of an ingredient in `unit`. Strict: a lot that cannot be
 * converted (no density) is an error naming the ingredient and both units,
 * because a planner must not under-count stock silently.
 */
export function onHand(db: Database, request: { ingredientId: number; unit: string }, tx?: Tx): OnHand {
  return withTransaction(db, tx, (t) => {
    const ingredientId = positiveId(request.ingredientId, 'ingredientId', 'ingredient');
    const unit = requireUnit(String(request.unit ?? ''), 'unit');
    const ctx = { ...conversionContextOf(loadIngredient(db, ingredientId, t)), field: 'unit' };
    let quantity = 0;
    for (const lot of stockedLotRowsOf(db, ingredientId, t)) quantity += lot.quantity_remaining / conversionFactor(unit, BASE_UNIT[lot.dimension], ctx);
    return { ingredientId, quantity, unit };
  });
}

export interface IngredientStockLot {
  id: number;
  productId: number;
  product: string;
  purchaseId: number | null;
  purchasedOn: string;
  quantityInitial: number;
  quantityRemaining: number;
  unit: Unit;
  /** Per `unit`. */
  unitCost: number | null;
  value: number | null;
  expiresOn: string | null;
  location: string;
  notes: string;
  empty: boolean;
  low: boolean;
}

export interface IngredientStock extends Omit<StockSummary, 'lots'> {
  ingredient: { id: number; name: string; slug: string };
  lots: IngredientStockLot[];
}

/** One ingredient's stock: the total in `unit` (default: the unit it is bought in) and every lot, oldest first. */
export function ingredientStock(db: Database, request: { ingredientId: number; unit?: string }, tx?: Tx): IngredientStock {
  return withTransaction(db, tx, (t) => {
    const ingredientId = positiveId(request.ingredientId, 'ingredientId', 'ingredient');
    const ingredient = loadIngredient(db, ingredientId, t);
    const ctx = { ...conversionContextOf(ingredient), field: 'unit' };
    const rows = lotRowsOf(db, ingredientId, t);
    const unit = request.unit ? requireUnit(request.unit, 'unit') : displayUnitOf(db, ingredientId, t);
    if (request.unit) {
      // The baker asked for this unit: say why a lot cannot be shown in it rather than hide it.
      for (const r of rows) conversionFactor(unit, BASE_UNIT[r.dimension], ctx);
    }
    const summary = summarizeStock(rows.map(stockRow), unit, ctx);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return {
      ...summary,
      ingredient: { id: ingredient.id, name: ingredient.name, slug: ingredient.slug },
      lots: summary.lots.map((v) => {
        const r = byId.get(v.id)!;
        return {
          id: v.id,
          productId: r.product_id,
          product: productLabel(r.product_brand, r.product_name),
          purchaseId: r.purchase_id,
          purchasedOn: r.purchased_on,
          quantityInitial: v.quantityInitial,
          quantityRemaining: v.quantityRemaining,
          unit: v.unit,
          unitCost: v.unitCost,
          value: v.value,
          expiresOn: r.expires_on,
          location: r.location,
          notes: r.notes,
          empty: v.empty,
          low: v.low,
        };
      }),
    };
  });
}

export interface PantryOverviewRow extends Omit<StockSummary, 'lots'> {
  ingredient: { id: number; name: string; slug: string };
  /** Ancestors' names, top level first ("Baking > Flours"). */
  path: string[];
  lastPurchasedOn: string;
}

/**
 * Every ingredient with at least one lot, with its total in the unit it is
 * bought in, its value and its flags; filtered by name when `query` is given.
 */
export function pantryOverview(db: Database, request: { query?: string } = {}, tx?: Tx): PantryOverviewRow[] {
  return withTransaction(db, tx, (t) => {
    const ingredients = new Map(t.all<IngredientRow>('SELECT * FROM ingredients').map((r) => [r.id, r]));
    const rows: PantryOverviewRow[] = [];
    for (const [ingredientId, totals] of stockTotalsByIngredient(db, ingredients, t)) {
      const ingredient = ingredients.get(ingredientId)!;
      const path: string[] = [];
      for (let p = ingredient.parent_id; p !== null; p = ingredients.get(p)?.parent_id ?? null) {
        path.unshift(ingredients.get(p)?.name ?? '');
      }
      const { lastPurchasedOn, ...summary } = totals;
      rows.push({
        ...summary,
        ingredient: { id: ingredient.id, name: ingredient.name, slug: ingredient.slug },
        path,
        lastPurchasedOn,
      });
    }
    const query = request.query?.trim() ?? '';
    return query ? rankByName(rows, query, (r) => r.ingredient.name, Infinity, (r) => r.path.join(' ')) : rows.sort((a, b) => a.ingredient.name.localeCompare(b.ingredient.name));
  });
}
