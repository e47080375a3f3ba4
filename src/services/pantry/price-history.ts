/**
 * Price history of an ingredient (optionally one product): every purchase's
 * price per package and its price per unit, in one unit for the whole
 * ingredient so products of different sizes share a chart.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { productLabel } from '../../domain/labels';
import { UnitConversionError, conversionFactor, requireUnit, type Unit } from '../../domain/units';
import { positiveId } from '../../domain/validate';
import { loadIngredient } from '../catalog/ingredient-rows';
import { displayUnitOf } from './lots';

export interface PricePoint {
  date: string;
  purchaseId: number;
  productId: number;
  productName: string;
  packages: number;
  pricePerPackage: number;
  /** Price per `unit`. */
  unitPrice: number;
  unit: Unit;
}

interface Row {
  id: number;
  purchased_on: string;
  product_id: number;
  brand: string;
  name: string;
  package_quantity: number;
  package_unit: string;
  packages: number;
  price_per_package: number;
}

/** Oldest first. A product whose unit cannot be converted keeps its own package unit. */
export function priceHistory(db: Database, request: { ingredientId: number; productId?: number }, tx?: Tx): PricePoint[] {
  return withTransaction(db, tx, (t) => {
    const ingredientId = positiveId(request.ingredientId, 'ingredientId', 'ingredient');
    const ctx = conversionContextOf(loadIngredient(db, ingredientId, t));
    const unit = displayUnitOf(db, ingredientId, t);
    const params = request.productId === undefined ? [ingredientId] : [ingredientId, positiveId(request.productId, 'productId', 'product')];
    const rows = t.all<Row>(
      `SELECT pu.id, pu.purchased_on, p.id AS product_id, p.brand, p.name, p.package_quantity, p.package_unit, pu.packages, pu.price_per_package
       FROM purchases pu JOIN products p ON p.id = pu.product_id
       WHERE p.ingredient_id = ?${request.productId === undefined ? '' : ' AND p.id = ?'}
       ORDER BY pu.purchased_on, pu.id`,
      params,
    );
    return rows.map((r) => {
      const packageUnit = requireUnit(r.package_unit);
      let shownUnit: Unit = unit;
      let unitsPerPackage: number;
      try {
        unitsPerPackage = r.package_quantity * conversionFactor(packageUnit, unit, ctx);
      } catch (e) {
        if (!(e instanceof UnitConversionError)) throw e;
        shownUnit = packageUnit;
        unitsPerPackage = r.package_quantity;
      }
      return {
        date: r.purchased_on,
        purchaseId: r.id,
        productId: r.product_id,
        productName: productLabel(r.brand, r.name),
        packages: r.packages,
        pricePerPackage: r.price_per_package,
        unitPrice: r.price_per_package / unitsPerPackage,
        unit: shownUnit,
      };
    });
  });
}
