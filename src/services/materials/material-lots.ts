/**
 * Material lots: what is on hand of a material, each lot in the material's
 * base unit with its unit cost per base unit, and FIFO over them with the
 * same allocation as ingredients (src/domain/fifo.ts). A specific packaging
 * line draws from its product's lots; a generic one from any lot of the
 * material. `planMaterialFifo` is the dry run; `consumeMaterialFifo` applies
 * it inside the caller's transaction, or fails with nothing changed.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { allocateFifo, type FifoLot } from '../../domain/fifo';
import { plainQuantity, withoutNoise } from '../../domain/format';
import { productLabel } from '../../domain/labels';
import { checkMaterialUnit, measureBaseUnit, measureDimension } from '../../domain/material-measures';
import { ledgerAmount } from '../../domain/money';
import { isEmpty, isLow } from '../../domain/stock-flags';
import { fromBase, toBase, type Unit } from '../../domain/units';
import { positiveId, positiveNumber } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { loadMaterial, loadMaterialProduct } from './material-rows';

export interface MaterialLotRow {
  id: number;
  material_id: number;
  material_product_id: number;
  material_purchase_id: number | null;
  purchased_on: string;
  quantity_initial: number;
  quantity_remaining: number;
  unit_cost: number | null;
  location: string;
  notes: string;
  product_brand: string;
  product_name: string;
}

export interface MaterialLot {
  id: number;
  materialId: number;
  materialProductId: number;
  productName: string;
  purchaseId: number | null;
  purchasedOn: string;
  /** Base unit of the material: every quantity and unit cost of the lot is in it. */
  unit: Unit;
  quantityInitial: number;
  quantityRemaining: number;
  unitCost: number | null;
  location: string;
  notes: string;
  empty: boolean;
  low: boolean;
}

const LOT_SELECT = `
  SELECT l.*, p.brand AS product_brand, p.name AS product_name
  FROM material_lots l JOIN material_products p ON p.id = l.material_product_id`;

/** Lots of a material (or of one of its products) in FIFO order: oldest purchase first, then creation order. */
export function materialLotRows(db: Database, filter: { materialId: number; materialProductId?: number | null }, tx?: Tx): MaterialLotRow[] {
  return withTransaction(db, tx, (t) =>
    filter.materialProductId == null
      ? t.all<MaterialLotRow>(`${LOT_SELECT} WHERE l.material_id = ? ORDER BY l.purchased_on, l.id`, [filter.materialId])
      : t.all<MaterialLotRow>(`${LOT_SELECT} WHERE l.material_product_id = ? ORDER BY l.purchased_on, l.id`, [filter.materialProductId]),
  );
}

export interface MaterialStock {
  materialId: number;
  /** On hand, in the material's base unit. */
  quantity: number;
  unit: Unit;
  /** Worth of what is on hand; null when a lot with stock has no known cost. */
  value: number | null;
  lotCount: number;
  lots: MaterialLot[];
}

export function materialStock(db: Database, filter: { materialId: number; materialProductId?: number | null }, tx?: Tx): MaterialStock {
  return withTransaction(db, tx, (t) => {
    const material = loadMaterial(db, positiveId(filter.materialId, 'materialId', 'material'), t);
    const unit = measureBaseUnit(material.base_measure);
    const rows = materialLotRows(db, filter, t);
    let quantity = 0;
    let value: number | null = 0;
    for (const r of rows) {
      quantity += r.quantity_remaining;
      if (r.quantity_remaining > 0) value = r.unit_cost === null || value === null ? null : value + r.quantity_remaining * r.unit_cost;
    }
    return {
      materialId: material.id,
      quantity,
      unit,
      value,
      lotCount: rows.length,
      lots: rows.map((r) => ({
        id: r.id,
        materialId: r.material_id,
        materialProductId: r.material_product_id,
        productName: productLabel(r.product_brand, r.product_name),
        purchaseId: r.material_purchase_id,
        purchasedOn: r.purchased_on,
        unit,
        quantityInitial: r.quantity_initial,
        quantityRemaining: r.quantity_remaining,
        unitCost: r.unit_cost,
        location: r.location,
        notes: r.notes,
        empty: isEmpty(r.quantity_remaining, r.quantity_initial),
        low: isLow(r.quantity_remaining, r.quantity_initial),
      })),
    };
  });
}

export interface MaterialFifoRequest {
  materialId: number;
  /** Draw only from this product's lots (a specific packaging line); any lot of the material otherwise. */
  materialProductId?: number | null;
  quantity: number;
  /** Any unit of the material's measure; its base unit when left out. */
  unit?: string;
}

export interface MaterialLotDraw {
  lotId: number;
  materialProductId: number;
  productName: string;
  purchasedOn: string;
  /** Drawn, in the requested unit. */
  quantity: number;
  /** Drawn, in the material's base unit: what the lot stores. */
  lotQuantity: number;
  /** Per base unit; null when the lot's cost is unknown. */
  lotUnitCost: number | null;
  /** Ledger amount (4 decimals); null when unknown. */
  cost: number | null;
  lotRemainingAfter: number;
}

export interface MaterialFifoPlan {
  material: { id: number; name: string };
  materialProductId: number | null;
  quantity: number;
  unit: Unit;
  draws: MaterialLotDraw[];
  /** On hand, in the requested unit. */
  available: number;
  shortfall: number;
  enough: boolean;
  totalCost: number;
  costComplete: boolean;
}

export function planMaterialFifo(db: Database, request: MaterialFifoRequest, tx?: Tx): MaterialFifoPlan {
  return withTransaction(db, tx, (t) => {
    const material = loadMaterial(db, positiveId(request.materialId, 'materialId', 'material'), t);
    const productId = request.materialProductId == null ? null : positiveId(request.materialProductId, 'materialProductId', 'packaging product');
    if (productId !== null && loadMaterialProduct(db, productId, t).material_id !== material.id) {
      throw validationError('materialProductId', `That product is not a product of ${material.name}.`);
    }
    const quantity = positiveNumber(request.quantity, 'quantity');
    const unit = request.unit === undefined ? measureBaseUnit(material.base_measure) : checkMaterialUnit(request.unit, material.base_measure, material.name, 'unit');
    const perNeed = toBase(1, unit);
    const rows = materialLotRows(db, { materialId: material.id, materialProductId: productId }, t);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const dimension = measureDimension(material.base_measure);
    const lots: FifoLot[] = rows.map((r) => ({ id: r.id, purchasedOn: r.purchased_on, dimension, quantityRemaining: r.quantity_remaining, unitCost: r.unit_cost }));
    const allocation = allocateFifo(lots, quantity, () => perNeed);
    const draws = allocation.draws.map((d): MaterialLotDraw => {
      const row = byId.get(d.lotId)!;
      return {
        lotId: d.lotId,
        materialProductId: row.material_product_id,
        productName: productLabel(row.product_brand, row.product_name),
        purchasedOn: row.purchased_on,
        quantity: d.needQuantity,
        lotQuantity: d.quantity,
        lotUnitCost: d.unitCost,
        cost: d.cost === null ? null : ledgerAmount(d.cost),
        lotRemainingAfter: d.remainingAfter,
      };
    });
    return {
      material: { id: material.id, name: material.name },
      materialProductId: productId,
      quantity,
      unit,
      draws,
      available: fromBase(rows.reduce((sum, r) => sum + r.quantity_remaining, 0), unit),
      shortfall: allocation.shortfall,
      enough: allocation.shortfall === 0,
      totalCost: ledgerAmount(draws.reduce((sum, d) => sum + (d.cost ?? 0), 0)),
      costComplete: allocation.costComplete,
    };
  });
}

/** Draws from the lots, oldest first, in the caller's transaction; a shortfall fails with nothing changed. */
export function consumeMaterialFifo(db: Database, request: MaterialFifoRequest, tx?: Tx): MaterialFifoPlan {
  return withTransaction(db, tx, (t) => {
    const plan = planMaterialFifo(db, request, t);
    if (!plan.enough) {
      throw new AppError(
        'INSUFFICIENT_STOCK',
        `Not enough ${plan.material.name}: ${plainQuantity(plan.quantity, plan.unit)} needed, ${plainQuantity(plan.available, plan.unit)} on hand (short ${plainQuantity(plan.shortfall, plan.unit)}).`,
        { field: 'quantity', materialId: plan.material.id, material: plan.material.name, needed: withoutNoise(plan.quantity), available: withoutNoise(plan.available), missing: withoutNoise(plan.shortfall), unit: plan.unit },
      );
    }
    const now = t.now();
    for (const d of plan.draws) t.run('UPDATE material_lots SET quantity_remaining = ?, updated_at = ? WHERE id = ?', [d.lotRemainingAfter, now, d.lotId]);
    return plan;
  });
}
