/**
 * What a quantity of a packaging material costs right now, by the same four
 * steps as ingredients (ingredient-price.ts): FIFO over material lots, then
 * the latest purchase price, then the newest priced lot, else unknown with
 * the reason. A specific packaging line prices its product's lots and
 * purchases; a generic line any lot and purchase of the material.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { measureBaseUnit } from '../../domain/material-measures';
import { requireUnit, toBase, type Unit } from '../../domain/units';
import { positiveId, positiveNumber } from '../../domain/validate';
import { planMaterialFifo } from '../materials/material-lots';
import { loadMaterial } from '../materials/material-rows';
import type { PriceSources } from './ingredient-price';

export interface MaterialPrice {
  material: { id: number; slug: string; name: string };
  materialProductId: number | null;
  /** In the material's base unit. */
  quantity: number;
  unit: Unit;
  cost: number | null;
  /** Per base unit; null when unknown. */
  unitCost: number | null;
  sources: PriceSources;
  reason: string | null;
}

const TOLERANCE = 1e-9;

function fallbackPrice(tx: Tx, materialId: number, productId: number | null): { price: number; from: 'latestPurchase' | 'lotCost' } | null {
  const scope = productId === null ? 'p.material_id = ?' : 'p.id = ?';
  const key = productId ?? materialId;
  const purchase = tx.get<{ price_per_package: number; package_quantity: number; package_unit: string }>(
    `SELECT pu.price_per_package, p.package_quantity, p.package_unit FROM material_purchases pu JOIN material_products p ON p.id = pu.material_product_id
     WHERE ${scope} ORDER BY pu.purchased_on DESC, pu.id DESC LIMIT 1`,
    [key],
  );
  if (purchase) return { price: purchase.price_per_package / toBase(purchase.package_quantity, requireUnit(purchase.package_unit)), from: 'latestPurchase' };
  const lot = tx.get<{ unit_cost: number }>(
    `SELECT l.unit_cost FROM material_lots l JOIN material_products p ON p.id = l.material_product_id
     WHERE ${scope} AND l.unit_cost IS NOT NULL ORDER BY l.purchased_on DESC, l.id DESC LIMIT 1`,
    [key],
  );
  return lot ? { price: lot.unit_cost, from: 'lotCost' } : null;
}

/** Prices `quantity` (in the material's base unit) of a material, or of one of its products. */
export function priceMaterial(db: Database, request: { materialId: number; materialProductId?: number | null; quantity: number }, tx?: Tx): MaterialPrice {
  return withTransaction(db, tx, (t) => {
    const row = loadMaterial(db, positiveId(request.materialId, 'materialId', 'material'), t);
    const quantity = positiveNumber(request.quantity, 'quantity');
    const plan = planMaterialFifo(db, { materialId: row.id, materialProductId: request.materialProductId ?? null, quantity }, t);
    const material = { id: row.id, slug: row.slug, name: row.name };
    const sources: PriceSources = { lots: 0, latestPurchase: 0, lotCost: 0 };
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
    const base = { material, materialProductId: plan.materialProductId, quantity, unit: measureBaseUnit(row.base_measure), sources };
    if (uncovered > quantity * TOLERANCE) {
      const fallback = fallbackPrice(t, row.id, plan.materialProductId);
      if (!fallback) {
        const which = plan.materialProductId === null ? row.name : 'the chosen product';
        return { ...base, cost: null, unitCost: null, reason: `No price for ${row.name}: ${which} has no priced lot and no purchase. Record a material purchase.` };
      }
      cost += uncovered * fallback.price;
      sources[fallback.from] += uncovered;
    }
    return { ...base, cost, unitCost: cost / quantity, reason: null };
  });
}
