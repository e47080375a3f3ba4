/**
 * The unit an ingredient's lots use (docs/design/domain-rules.md, "One unit
 * per ingredient"): the package unit of the product of its FIFO-first lot
 * with stock, else of its newest lot; null when it has no lots (then the
 * recipe's unit is used, see src/domain/one-unit.ts).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { parseUnit, type Unit } from '../../domain/units';

/** `firstStocked`: the FIFO-first lot with stock when the caller has read it already (a plan reads them for all its ingredients at once). */
export function lotsUnitOf(db: Database, ingredient: { id: number; firstStocked?: { package_unit: string } }, tx?: Tx): Unit | null {
  const ingredientId = ingredient.id;
  return withTransaction(db, tx, (t) => {
    const row =
      ingredient.firstStocked ??
      t.get<{ package_unit: string }>(
        `SELECT p.package_unit FROM lots l JOIN products p ON p.id = l.product_id
         WHERE l.ingredient_id = ? AND l.quantity_remaining > 0 ORDER BY l.purchased_on, l.id LIMIT 1`,
        [ingredientId],
      ) ??
      t.get<{ package_unit: string }>(
        `SELECT p.package_unit FROM lots l JOIN products p ON p.id = l.product_id
         WHERE l.ingredient_id = ? ORDER BY l.purchased_on DESC, l.id DESC LIMIT 1`,
        [ingredientId],
      );
    return row ? (parseUnit(row.package_unit) ?? null) : null;
  });
}
