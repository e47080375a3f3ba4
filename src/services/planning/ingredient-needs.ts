/**
 * Aggregated ingredients (docs/design/domain-rules.md, "One unit per
 * ingredient"): lines of many recipes summed per ingredient in one unit, by
 * the same rule production uses (`lotsUnitOf`, `sumInOneUnit`): the unit its
 * lots use, else the first line's unit when every line converts to it;
 * otherwise the ingredient is listed once per unit, its cost unknown with the
 * fix. The plan prices each row at calculation time; the shopping list can
 * use the same rows unpriced.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { ledgerAmount } from '../../domain/money';
import { sumInOneUnit } from '../../domain/one-unit';
import { canConvert, conversionFactor, type Unit } from '../../domain/units';
import { loadIngredient, type IngredientRow } from '../catalog/ingredient-rows';
import { lotsUnitOf } from '../making/ingredient-units';
import { firstStockedLotsOf } from '../pantry/lots';
import { priceIngredient } from '../pricing/ingredient-price';

/** Stocked lots read per ingredient to price it: a plan's need takes one or two; more are read only for a need they do not cover. */
const PRICED_LOTS = 4;

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
      const lines = byIngredient.get(line.ingredientId);
      if (lines) lines.push(line);
      else byIngredient.set(line.ingredientId, [line]);
    }
    const rows: IngredientNeed[] = [];
    const rowsOf = new Map<number, IngredientNeed[]>();
    // The first stocked lot gives the lots' unit; a price reads the first few, and more only where they fall short.
    const stocked = firstStockedLotsOf(db, [...byIngredient.keys()], request.priced ? PRICED_LOTS : 1, t);
    const ingredients = new Map(
      t.all<IngredientRow>('SELECT * FROM ingredients WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify([...byIngredient.keys()])]).map((r) => [r.id, r]),
    );
    const contexts = new Map<number, ReturnType<typeof conversionContextOf>>();
    for (const [ingredientId, lines] of byIngredient) {
      const ingredient = ingredients.get(ingredientId) ?? loadIngredient(db, ingredientId, t);
      const ctx = conversionContextOf(ingredient);
      contexts.set(ingredientId, ctx);
      const base = { ingredientId, ingredient: ingredient.slug, displayName: ingredient.name, costPerUnit: null, cost: null, reason: null };
      const sum = sumInOneUnit(lines, lotsUnitOf(db, { id: ingredientId, firstStocked: stocked.get(ingredientId)!.lots[0] }, t), ctx);
      let own: IngredientNeed[];
      if (sum.ok) own = [{ ...base, quantity: sum.quantity, unit: sum.unit }];
      else {
        const perUnit = new Map<Unit, number>();
        for (const l of lines) perUnit.set(l.unit, (perUnit.get(l.unit) ?? 0) + l.quantity);
        own = [...perUnit].map(([unit, quantity]) => ({ ...base, quantity, unit, reason: sum.problem.message }));
      }
      if (request.priced && sum.ok) {
        const row = own[0]!;
        const price = priceIngredient(db, { ingredientId, quantity: row.quantity, unit: row.unit, lots: stocked.get(ingredientId), row: ingredient }, t);
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
