/**
 * Material purchases and the lot each one creates, as for ingredients:
 * packages x package size is the lot's quantity (in the material's base
 * unit), unit cost = price per package / package size. A purchase whose lot
 * was drawn from cannot be deleted, and an edit cannot drop the lot below
 * what was already used.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { dateOf } from '../../domain/dates';
import { plainQuantity } from '../../domain/format';
import { productLabel } from '../../domain/labels';
import { MAX_PACKAGES, MAX_PRICE_PER_PACKAGE } from '../../domain/limits';
import { measureBaseUnit, type BaseMeasure } from '../../domain/material-measures';
import { purchaseDate } from '../../domain/purchase-dates';
import { requireUnit, type Unit } from '../../domain/units';
import { checkFields, listLimit, nonNegativeNumber, optionalText, positiveId, positiveNumber } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { checkSupplier } from '../catalog/suppliers';
import { insertMaterialLotRow, insertMaterialPurchaseRow } from './material-purchase-rows';
import { getMaterialProduct, type MaterialProductSummary } from './material-products';

export interface MaterialPurchaseInput {
  materialProductId: number;
  supplierId?: number | null;
  /** 'YYYY-MM-DD', at most one day ahead; today when omitted. */
  purchasedOn?: string | null;
  packages: number;
  pricePerPackage: number;
  location?: string;
  notes?: string;
}

export interface MaterialPurchaseUpdate {
  id: number;
  packages?: number;
  pricePerPackage?: number;
  purchasedOn?: string;
  supplierId?: number | null;
  notes?: string;
}

export interface MaterialPurchase {
  id: number;
  purchasedOn: string;
  product: { id: number; displayName: string; packageQuantity: number; packageUnit: Unit };
  material: { id: number; name: string; baseMeasure: BaseMeasure };
  supplier: { id: number; name: string } | null;
  packages: number;
  pricePerPackage: number;
  totalPrice: number;
  lotId: number | null;
  /** Bought and still in the lot, in the material's base unit. */
  quantity: number;
  remaining: number;
  unit: Unit;
  /** Something was drawn from its lot: it cannot be deleted. */
  used: boolean;
  canDelete: boolean;
  deleteBlockedBy: string | null;
  notes: string;
}

interface Row {
  id: number;
  purchased_on: string;
  material_product_id: number;
  brand: string;
  product_name: string;
  package_quantity: number;
  package_unit: string;
  material_id: number;
  material_name: string;
  base_measure: BaseMeasure;
  supplier_id: number | null;
  supplier_name: string | null;
  packages: number;
  price_per_package: number;
  notes: string;
  lot_id: number | null;
  quantity_initial: number | null;
  quantity_remaining: number | null;
  used: number;
}

const SELECT = `
  SELECT pu.id, pu.purchased_on, pu.material_product_id, p.brand, p.name AS product_name, p.package_quantity, p.package_unit,
         m.id AS material_id, m.name AS material_name, m.base_measure, pu.supplier_id, s.name AS supplier_name,
         pu.packages, pu.price_per_package, pu.notes, l.id AS lot_id, l.quantity_initial, l.quantity_remaining,
         (l.quantity_remaining <> l.quantity_initial OR EXISTS (SELECT 1 FROM assembly_consumptions c WHERE c.material_lot_id = l.id)) AS used
  FROM material_purchases pu
  JOIN material_products p ON p.id = pu.material_product_id
  JOIN materials m ON m.id = p.material_id
  LEFT JOIN suppliers s ON s.id = pu.supplier_id
  LEFT JOIN material_lots l ON l.material_purchase_id = pu.id`;

function toPurchase(r: Row): MaterialPurchase {
  const used = r.used === 1;
  return {
    id: r.id,
    purchasedOn: r.purchased_on,
    product: { id: r.material_product_id, displayName: productLabel(r.brand, r.product_name), packageQuantity: r.package_quantity, packageUnit: requireUnit(r.package_unit) },
    material: { id: r.material_id, name: r.material_name, baseMeasure: r.base_measure },
    supplier: r.supplier_id === null ? null : { id: r.supplier_id, name: r.supplier_name ?? '' },
    packages: r.packages,
    pricePerPackage: r.price_per_package,
    totalPrice: r.packages * r.price_per_package,
    lotId: r.lot_id,
    quantity: r.quantity_initial ?? 0,
    remaining: r.quantity_remaining ?? 0,
    unit: measureBaseUnit(r.base_measure),
    used,
    canDelete: !used,
    deleteBlockedBy: used ? 'some of it has already been used' : null,
    notes: r.notes,
  };
}

export function getMaterialPurchase(db: Database, id: number, tx?: Tx): MaterialPurchase {
  return withTransaction(db, tx, (t) => {
    const row = t.get<Row>(`${SELECT} WHERE pu.id = ?`, [id]);
    if (!row) throw new AppError('NOT_FOUND', 'That material purchase no longer exists.', { materialPurchaseId: id });
    return toPurchase(row);
  });
}

/** Newest first. */
export function listMaterialPurchases(db: Database, filter: { materialId?: number; materialProductId?: number; limit?: number } = {}, tx?: Tx): MaterialPurchase[] {
  return withTransaction(db, tx, (t) => {
    const where: string[] = [];
    const params: number[] = [];
    if (filter.materialId !== undefined) (where.push('m.id = ?'), params.push(filter.materialId));
    if (filter.materialProductId !== undefined) (where.push('pu.material_product_id = ?'), params.push(filter.materialProductId));
    params.push(listLimit(filter.limit, 100));
    return t.all<Row>(`${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY pu.purchased_on DESC, pu.id DESC LIMIT ?`, params).map(toPurchase);
  });
}

function lotFigures(product: MaterialProductSummary, packages: number, pricePerPackage: number): { quantity: number; unitCost: number } {
  if (!Number.isFinite(packages * product.packageSize)) throw validationError('packages', 'That is more packages than any shelf holds.', { value: packages });
  return { quantity: packages * product.packageSize, unitCost: pricePerPackage / product.packageSize };
}

const packagesOf = (value: unknown) => positiveNumber(value, 'packages', 'number of packages', MAX_PACKAGES);
const priceOf = (value: unknown) => nonNegativeNumber(value, 'pricePerPackage', 'price per package', MAX_PRICE_PER_PACKAGE);

export interface MaterialPurchaseResult {
  purchase: MaterialPurchase;
  lotId: number;
}

/** Records a purchase of a material product and its lot; every wrong field is reported at once. */
export function recordMaterialPurchase(db: Database, input: MaterialPurchaseInput, tx?: Tx): MaterialPurchaseResult {
  return withTransaction(db, tx, (t) => {
    const checked = checkFields({
      product: () => {
        const id = positiveId(input.materialProductId, 'materialProductId', 'packaging product');
        if (!t.get('SELECT 1 AS x FROM material_products WHERE id = ?', [id])) throw validationError('materialProductId', 'That product no longer exists; choose another.');
        return getMaterialProduct(db, id, t);
      },
      packages: () => packagesOf(input.packages),
      pricePerPackage: () => priceOf(input.pricePerPackage),
      purchasedOn: () => purchaseDate(input.purchasedOn, dateOf(t.now())),
      supplierId: () => checkSupplier(db, input.supplierId, t),
      location: () => optionalText(input.location, 'location', 'location', 100),
      notes: () => optionalText(input.notes, 'notes'),
    });
    const product = checked.product;
    const lot = lotFigures(product, checked.packages, checked.pricePerPackage);
    const purchaseId = insertMaterialPurchaseRow(
      db,
      {
        materialProductId: product.id, supplierId: checked.supplierId, purchasedOn: checked.purchasedOn, packages: checked.packages,
        pricePerPackage: checked.pricePerPackage, notes: checked.notes,
      },
      t,
    );
    const lotId = insertMaterialLotRow(
      db,
      {
        materialId: product.material.id, materialProductId: product.id, materialPurchaseId: purchaseId, purchasedOn: checked.purchasedOn,
        quantityInitial: lot.quantity, quantityRemaining: lot.quantity, unitCost: lot.unitCost, location: checked.location, notes: '',
      },
      t,
    );
    return { purchase: getMaterialPurchase(db, purchaseId, t), lotId };
  });
}

export function updateMaterialPurchase(db: Database, input: MaterialPurchaseUpdate, tx?: Tx): MaterialPurchase {
  return withTransaction(db, tx, (t) => {
    const current = getMaterialPurchase(db, positiveId(input.id, 'id', 'material purchase'), t);
    const product = getMaterialProduct(db, current.product.id, t);
    const checked = checkFields({
      packages: () => (input.packages === undefined ? current.packages : packagesOf(input.packages)),
      pricePerPackage: () => (input.pricePerPackage === undefined ? current.pricePerPackage : priceOf(input.pricePerPackage)),
      purchasedOn: () => (input.purchasedOn === undefined ? current.purchasedOn : purchaseDate(input.purchasedOn ?? '', dateOf(t.now()))),
      supplierId: () => (input.supplierId === undefined ? (current.supplier?.id ?? null) : checkSupplier(db, input.supplierId, t)),
      notes: () => (input.notes === undefined ? current.notes : optionalText(input.notes, 'notes')),
    });
    const figures = lotFigures(product, checked.packages, checked.pricePerPackage);
    const used = current.quantity - current.remaining;
    if (figures.quantity < used * (1 - 1e-12)) {
      throw validationError(
        'packages',
        `${plainQuantity(used, current.unit)} of this purchase has already been used, so it cannot be less than that (${plainQuantity(used / product.packageSize, 'packages')}).`,
        { used, unit: current.unit },
      );
    }
    const now = t.now();
    t.run('UPDATE material_purchases SET packages = ?, price_per_package = ?, purchased_on = ?, supplier_id = ?, notes = ?, updated_at = ? WHERE id = ?', [
      checked.packages, checked.pricePerPackage, checked.purchasedOn, checked.supplierId, checked.notes, now, current.id,
    ]);
    if (current.lotId !== null) {
      t.run('UPDATE material_lots SET quantity_initial = ?, quantity_remaining = ?, unit_cost = ?, purchased_on = ?, updated_at = ? WHERE id = ?', [
        figures.quantity, Math.max(0, figures.quantity - used), figures.unitCost, checked.purchasedOn, now, current.lotId,
      ]);
    }
    return getMaterialPurchase(db, current.id, t);
  });
}

export function deleteMaterialPurchase(db: Database, id: number, tx?: Tx): { deleted: true; id: number } {
  return withTransaction(db, tx, (t) => {
    const current = getMaterialPurchase(db, positiveId(id, 'id', 'material purchase'), t);
    if (!current.canDelete) {
      throw new AppError('IN_USE', `This purchase of ${current.product.displayName} cannot be deleted: ${current.deleteBlockedBy}.`, { field: 'id', materialPurchaseId: current.id });
    }
    if (current.lotId !== null) t.run('DELETE FROM material_lots WHERE id = ?', [current.lotId]);
    t.run('DELETE FROM material_purchases WHERE id = ?', [current.id]);
    return { deleted: true as const, id: current.id };
  });
}
