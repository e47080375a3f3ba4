/**
 * Lots without a price, and adding one. A lot that came from a backup
 * (Bake Tracker keeps no receipts) has no purchase and often no cost, so the
 * pantry's value and every recipe cost that draws on it are unknown. The
 * baker adds what one package cost; the lot's unit cost is that price over
 * the package size. Only a lot with no purchase takes a price this way: a
 * purchased lot's price is its purchase's, corrected there. What was already
 * drawn from the lot keeps the cost it was recorded with (the ledger is
 * never rewritten); the price counts from now on.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { MAX_PRICE_PER_PACKAGE } from '../../domain/limits';
import { productLabel } from '../../domain/labels';
import { pageOf, type Page } from '../../domain/paging';
import { fromBase, requireUnit, toBase, type Unit } from '../../domain/units';
import { listLimit, nonNegativeInteger, nonNegativeNumber, positiveId } from '../../domain/validate';
import { AppError } from '../../errors';
import { getLot, loadLotRow, type Lot } from './lots';

export interface LotWithoutPrice {
  id: number;
  ingredient: { id: number; name: string };
  product: { id: number; displayName: string; packageQuantity: number; packageUnit: Unit };
  purchasedOn: string;
  /** Still in the lot and bought, in the product's package unit. */
  remaining: number;
  initial: number;
  unit: Unit;
}

interface Row {
  id: number;
  ingredient_id: number;
  ingredient_name: string;
  product_id: number;
  brand: string;
  product_name: string;
  package_quantity: number;
  package_unit: string;
  purchased_on: string;
  quantity_remaining: number;
  quantity_initial: number;
}

/** Lots with something left and no cost: the ones that leave the pantry's value unknown. */
const UNPRICED = 'l.unit_cost IS NULL AND l.quantity_remaining > 0';

/** Lots with stock and no price, by ingredient name then oldest first, a page at a time (optionally of one ingredient). */
export function listLotsWithoutPrice(db: Database, filter: { ingredientId?: number; offset?: number; limit?: number } = {}, tx?: Tx): Page<LotWithoutPrice> {
  return withTransaction(db, tx, (t) => {
    const where = [UNPRICED];
    const params: number[] = [];
    if (filter.ingredientId !== undefined) (where.push('l.ingredient_id = ?'), params.push(positiveId(filter.ingredientId, 'ingredientId', 'ingredient')));
    const offset = filter.offset === undefined ? 0 : nonNegativeInteger(filter.offset, 'offset');
    const limit = listLimit(filter.limit, 50, 200);
    const from = `FROM lots l JOIN products p ON p.id = l.product_id JOIN ingredients i ON i.id = l.ingredient_id WHERE ${where.join(' AND ')}`;
    const total = t.get<{ n: number }>(`SELECT count(*) AS n ${from}`, params)!.n;
    const rows = t.all<Row>(
      `SELECT l.id, i.id AS ingredient_id, i.name AS ingredient_name, p.id AS product_id, p.brand, p.name AS product_name,
              p.package_quantity, p.package_unit, l.purchased_on, l.quantity_remaining, l.quantity_initial
       ${from} ORDER BY i.name COLLATE NOCASE, l.purchased_on, l.id LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return pageOf(
      rows.map((r) => {
        const unit = requireUnit(r.package_unit);
        return {
          id: r.id,
          ingredient: { id: r.ingredient_id, name: r.ingredient_name },
          product: { id: r.product_id, displayName: productLabel(r.brand, r.product_name), packageQuantity: r.package_quantity, packageUnit: unit },
          purchasedOn: r.purchased_on,
          remaining: fromBase(r.quantity_remaining, unit),
          initial: fromBase(r.quantity_initial, unit),
          unit,
        };
      }),
      total,
      offset,
    );
  });
}

/** How many lots with stock have no price (the Dashboard's "pantry value" says so). */
export function countLotsWithoutPrice(db: Database, tx?: Tx): number {
  return withTransaction(db, tx, (t) => t.get<{ n: number }>(`SELECT count(*) AS n FROM lots l WHERE ${UNPRICED}`)!.n);
}

/** Sets what one package of a lot's product cost, for a lot with no purchase; returns the lot. */
export function setLotPrice(db: Database, input: { lotId: number; pricePerPackage: number }, tx?: Tx): Lot {
  return withTransaction(db, tx, (t) => {
    const lot = loadLotRow(db, positiveId(input?.lotId, 'lotId', 'lot'), t);
    const price = nonNegativeNumber(input.pricePerPackage, 'pricePerPackage', 'price per package', MAX_PRICE_PER_PACKAGE);
    if (lot.purchase_id !== null) {
      throw new AppError('CONFLICT', 'This lot’s price comes from its purchase: correct the purchase instead.', { lotId: lot.id, purchaseId: lot.purchase_id });
    }
    const product = t.get<{ package_quantity: number; package_unit: string }>('SELECT package_quantity, package_unit FROM products WHERE id = ?', [lot.product_id])!;
    const unitCost = price / toBase(product.package_quantity, requireUnit(product.package_unit));
    t.run('UPDATE lots SET unit_cost = ?, updated_at = ? WHERE id = ?', [unitCost, t.now(), lot.id]);
    return getLot(db, lot.id, t);
  });
}
