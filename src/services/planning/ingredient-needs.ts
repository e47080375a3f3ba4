/**
 * Aggregated ingredients (docs/design/domain-rules.md, "One unit per
 * ingredient"): lines of many recipes summed per ingredient in one unit, the
 * unit its lots use (the package unit of its FIFO-first lot with stock, else
 * of its newest lot), else the unit of the first line met. When a line cannot
 * be converted to the lots' unit, the first line's unit is used if every line
 * converts to it; otherwise the ingredient is listed once per unit, its cost
 * unknown with the fix. The plan prices each row at calculation time; the
 * shopping list can use the same rows unpriced.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { ledgerAmount } from '../../domain/money';
import { UnitConversionError, canConvert, conversionFactor, parseUnit, type Unit } from '../../domain/units';
import { loadIngredient, type IngredientRow } from '../catalog/ingredient-rows';
import { priceIngredient } from '../pricing/ingredient-price';

export interface NeedLine {
  ingredientId: number;
  quantity: number;
  unit: Unit;
}

export interface IngredientNeed {
  ingredientId: number;
  ingredient: string;
  displayName: string;
  quantity: number;
  unit: Unit;
  /** Per `unit`, at calculation time; null when unknown or not priced. */
  costPerUnit: number | null;
  /** Ledger money (4 decimals); null when unknown or not priced. */
  cost: number | null;
  /** Why the cost is unknown (or the unit could not be shared), with the fix; null otherwise. */
  reason: string | null;
}

export interface AggregatedIngredients {
  /** One row per ingredient (per unit when its lines cannot share one), in the order ingredients were first met. */
  rows: IngredientNeed[];
  /** The row a line of `unit` belongs to, and how many of the row's unit one `unit` is. */
  rowOf(ingredientId: number, unit: Unit): { row: IngredientNeed; factor: number };
}

/** The package unit of the FIFO-first lot with stock, else of the newest lot; null when the ingredient has no lot. */
export function stockUnitOf(db: Database, ingredientId: number, tx?: Tx): Unit | null {
  return withTransaction(db, tx, (t) => {
    const sql = (where: string, order: string) =>
      `SELECT p.package_unit FROM lots l JOIN products p ON p.id = l.product_id WHERE l.ingredient_id = ?${where} ORDER BY ${order} LIMIT 1`;
    const row =
      t.get<{ package_unit: string }>(sql(' AND l.quantity_remaining > 0', 'l.purchased_on, l.id'), [ingredientId]) ??
      t.get<{ package_unit: string }>(sql('', 'l.purchased_on DESC, l.id DESC'), [ingredientId]);
    return row ? (parseUnit(row.package_unit) ?? null) : null;
  });
}

function conversionMessage(ingredient: IngredientRow, from: Unit, to: Unit): string {
  try {
    conversionFactor(from, to, conversionContextOf(ingredient));
    return `${ingredient.name} is measured in units that cannot be added up.`;
  } catch (e) {
    if (e instanceof UnitConversionError) return e.message;
    throw e;
  }
}

/**
 * Sums `lines` per ingredient in one unit each. `lines` come in the order the
 * rule meets them (recipes in slug order, lines in position order), which
 * decides the fallback unit. With `priced`, each row is priced as FIFO would
 * charge it now, falling back to the latest purchase price.
 */
export function aggregateIngredients(db: Database, request: { lines: readonly NeedLine[]; priced: boolean }, tx?: Tx): AggregatedIngredients {
  return withTransaction(db, tx, (t) => {
    const byIngredient = new Map<number, NeedLine[]>();
    for (const line of request.lines) {
      if (line.quantity <= 0) continue;
      byIngredient.set(line.ingredientId, [...(byIngredient.get(line.ingredientId) ?? []), line]);
    }
    const rows: IngredientNeed[] = [];
    const rowsOf = new Map<number, IngredientNeed[]>();
    const contexts = new Map<number, ReturnType<typeof conversionContextOf>>();
    for (const [ingredientId, lines] of byIngredient) {
      const ingredient = loadIngredient(db, ingredientId, t);
      const ctx = conversionContextOf(ingredient);
      contexts.set(ingredientId, ctx);
      const firstUnit = lines[0]!.unit;
      const preferred = stockUnitOf(db, ingredientId, t) ?? firstUnit;
      const fits = (unit: Unit) => lines.every((l) => canConvert(l.unit, unit, ctx));
      const shared = fits(preferred) ? preferred : fits(firstUnit) ? firstUnit : null;
      const base = { ingredientId, ingredient: ingredient.slug, displayName: ingredient.name, costPerUnit: null, cost: null, reason: null };
      let own: IngredientNeed[];
      if (shared) {
        const quantity = lines.reduce((sum, l) => sum + l.quantity * conversionFactor(l.unit, shared, ctx), 0);
        own = [{ ...base, quantity, unit: shared }];
      } else {
        const failing = lines.find((l) => !canConvert(l.unit, preferred, ctx))!;
        const reason = conversionMessage(ingredient, failing.unit, preferred);
        const perUnit = new Map<Unit, number>();
        for (const l of lines) perUnit.set(l.unit, (perUnit.get(l.unit) ?? 0) + l.quantity);
        own = [...perUnit].map(([unit, quantity]) => ({ ...base, quantity, unit, reason }));
      }
      if (request.priced && shared) {
        const row = own[0]!;
        const price = priceIngredient(db, { ingredientId, quantity: row.quantity, unit: row.unit }, t);
        row.cost = price.cost === null ? null : ledgerAmount(price.cost);
        row.costPerUnit = price.unitCost;
        row.reason = price.reason;
      }
      rows.push(...own);
      rowsOf.set(ingredientId, own);
    }
    return {
      rows,
      rowOf(ingredientId, unit) {
        const ctx = contexts.get(ingredientId)!;
        const own = rowsOf.get(ingredientId)!;
        const row = own.find((r) => r.unit === unit) ?? own.find((r) => canConvert(unit, r.unit, ctx))!;
        return { row, factor: conversionFactor(unit, row.unit, ctx) };
      },
    };
  });
}
