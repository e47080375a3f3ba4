/**
 * Material products: a purchasable package of a material, in any unit of
 * the material's measure (a pack of 25 boxes; a 100 ft roll, which is
 * 3048 cm). Like ingredient products, the package size is fixed once the
 * product has purchases or lots, and a product that was bought or is
 * assigned to a good's packaging line is hidden rather than deleted.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { productLabel } from '../../domain/labels';
import { MAX_PACKAGE_QUANTITY } from '../../domain/limits';
import { checkMaterialUnit, measureBaseUnit, type BaseMeasure } from '../../domain/material-measures';
import { counted, reasonList } from '../../domain/usage-text';
import { requireUnit, toBase, type Unit } from '../../domain/units';
import { checkFields, nameKey, nameText, optionalText, positiveId, positiveNumber } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { claimSlug } from '../catalog/slugs';
import { checkSupplier } from '../catalog/suppliers';
import { deleteAllowed } from '../shared/lifecycle';
import { insertMaterialProductRow, loadMaterial } from './material-rows';

export interface MaterialProductInput {
  materialId: number;
  name: string;
  brand?: string;
  packageQuantity: number;
  packageUnit: string;
  supplierId?: number | null;
  preferred?: boolean;
  hidden?: boolean;
  notes?: string;
  slug?: string;
}

export interface MaterialProductUpdate extends Partial<Omit<MaterialProductInput, 'slug'>> {
  id: number;
}

export interface MaterialProductSummary {
  id: number;
  slug: string;
  material: { id: number; slug: string; name: string; baseMeasure: BaseMeasure };
  brand: string;
  name: string;
  displayName: string;
  packageQuantity: number;
  packageUnit: Unit;
  /** The package in the material's base unit (a 100 ft roll: 3048 cm). */
  packageSize: number;
  baseUnit: Unit;
  preferred: boolean;
  hidden: boolean;
  supplierId: number | null;
  notes: string;
  lastPricePerPackage: number | null;
  lastPurchasedOn: string | null;
  purchaseCount: number;
  lotCount: number;
  /** Packaging lines of goods that name this product. */
  assignedLineCount: number;
  sizeFixed: boolean;
  sizeFixedBecause: string | null;
  canDelete: boolean;
  deleteBlockedBy: string | null;
}

interface Row {
  id: number;
  slug: string;
  material_id: number;
  material_slug: string;
  material_name: string;
  base_measure: BaseMeasure;
  brand: string;
  name: string;
  package_unit: string;
  package_quantity: number;
  preferred: number;
  hidden: number;
  supplier_id: number | null;
  notes: string;
  last_price: number | null;
  last_purchased_on: string | null;
  purchase_count: number;
  lot_count: number;
  assigned_count: number;
}

const SELECT = `
  SELECT p.*, m.slug AS material_slug, m.name AS material_name, m.base_measure,
         (SELECT price_per_package FROM material_purchases pu WHERE pu.material_product_id = p.id ORDER BY purchased_on DESC, id DESC LIMIT 1) AS last_price,
         (SELECT max(purchased_on) FROM material_purchases pu WHERE pu.material_product_id = p.id) AS last_purchased_on,
         (SELECT count(*) FROM material_purchases pu WHERE pu.material_product_id = p.id) AS purchase_count,
         (SELECT count(*) FROM material_lots l WHERE l.material_product_id = p.id) AS lot_count,
         (SELECT count(*) FROM compositions c WHERE c.material_product_id = p.id) AS assigned_count
  FROM material_products p JOIN materials m ON m.id = p.material_id`;

function toSummary(r: Row): MaterialProductSummary {
  const packageUnit = requireUnit(r.package_unit);
  const history = [r.purchase_count > 0 && counted(r.purchase_count, 'purchase'), r.lot_count > 0 && counted(r.lot_count, 'lot')].filter(
    (x): x is string => Boolean(x),
  );
  const blockers = [...history, r.assigned_count > 0 && `${counted(r.assigned_count, 'packaging line')} of goods`].filter((x): x is string => Boolean(x));
  return {
    id: r.id,
    slug: r.slug,
    material: { id: r.material_id, slug: r.material_slug, name: r.material_name, baseMeasure: r.base_measure },
    brand: r.brand,
    name: r.name,
    displayName: productLabel(r.brand, r.name),
    packageQuantity: r.package_quantity,
    packageUnit,
    packageSize: toBase(r.package_quantity, packageUnit),
    baseUnit: measureBaseUnit(r.base_measure),
    preferred: r.preferred === 1,
    hidden: r.hidden === 1,
    supplierId: r.supplier_id,
    notes: r.notes,
    lastPricePerPackage: r.last_price,
    lastPurchasedOn: r.last_purchased_on,
    purchaseCount: r.purchase_count,
    lotCount: r.lot_count,
    assignedLineCount: r.assigned_count,
    sizeFixed: history.length > 0,
    sizeFixedBecause: history.length > 0 ? `it has ${reasonList(history)}: record a new product for another size` : null,
    canDelete: blockers.length === 0,
    deleteBlockedBy: blockers.length > 0 ? `it has ${reasonList(blockers)}: hide it instead` : null,
  };
}

export function getMaterialProduct(db: Database, id: number, tx?: Tx): MaterialProductSummary {
  return withTransaction(db, tx, (t) => {
    const row = t.get<Row>(`${SELECT} WHERE p.id = ?`, [id]);
    if (!row) throw new AppError('NOT_FOUND', 'That packaging product no longer exists.', { materialProductId: id });
    return toSummary(row);
  });
}

/** The material product with this slug, if any. */
export function findMaterialProductBySlug(db: Database, slug: string, tx?: Tx): MaterialProductSummary | undefined {
  return withTransaction(db, tx, (t) => {
    const row = t.get<Row>(`${SELECT} WHERE p.slug = ?`, [slug]);
    return row ? toSummary(row) : undefined;
  });
}

/** Preferred first, then by label. Hidden products only when asked. */
export function listMaterialProducts(db: Database, filter: { materialId?: number; includeHidden?: boolean } = {}, tx?: Tx): MaterialProductSummary[] {
  return withTransaction(db, tx, (t) => {
    const where: string[] = [];
    const params: number[] = [];
    if (filter.materialId !== undefined) (where.push('p.material_id = ?'), params.push(filter.materialId));
    if (!filter.includeHidden) where.push('p.hidden = 0');
    return t
      .all<Row>(`${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY p.preferred DESC, p.brand COLLATE NOCASE, p.name COLLATE NOCASE`, params)
      .map(toSummary);
  });
}

function assertLabelFree(tx: Tx, materialId: number, brand: string, name: string, exceptId: number | null): void {
  const key = nameKey(productLabel(brand, name));
  const clash = tx
    .all<{ id: number; brand: string; name: string }>('SELECT id, brand, name FROM material_products WHERE material_id = ?', [materialId])
    .find((r) => r.id !== exceptId && nameKey(productLabel(r.brand, r.name)) === key);
  if (clash) {
    throw new AppError('DUPLICATE', `There is already a product ${productLabel(clash.brand, clash.name)} of this material.`, { field: 'name', existingId: clash.id });
  }
}

/** One preferred product per material: the shopping list buys it. */
function clearOtherPreferred(tx: Tx, materialId: number, keepId: number, now: string): void {
  tx.run('UPDATE material_products SET preferred = 0, updated_at = ? WHERE material_id = ? AND id <> ? AND preferred = 1', [now, materialId, keepId]);
}

export function createMaterialProduct(db: Database, input: MaterialProductInput, tx?: Tx): MaterialProductSummary {
  return withTransaction(db, tx, (t) => {
    const materialId = positiveId(input.materialId, 'materialId', 'material');
    if (!t.get('SELECT 1 AS x FROM materials WHERE id = ?', [materialId])) throw validationError('materialId', 'That material no longer exists.');
    const material = loadMaterial(db, materialId, t);
    const checked = checkFields({
      name: () => nameText(input.name, 'name', 'product name'),
      brand: () => optionalText(input.brand, 'brand', 'brand', 200),
      packageQuantity: () => positiveNumber(input.packageQuantity, 'packageQuantity', 'package size', MAX_PACKAGE_QUANTITY),
      packageUnit: () => checkMaterialUnit(input.packageUnit, material.base_measure, material.name, 'packageUnit'),
      supplierId: () => checkSupplier(db, input.supplierId, t),
      notes: () => optionalText(input.notes, 'notes'),
      slug: () => claimSlug(db, 'material_products', input.slug, `${input.brand ?? ''} ${typeof input.name === 'string' ? input.name : ''}`, t),
    });
    assertLabelFree(t, materialId, checked.brand, checked.name, null);
    const id = insertMaterialProductRow(
      db,
      {
        slug: checked.slug, materialId, brand: checked.brand, name: checked.name, packageUnit: checked.packageUnit,
        packageQuantity: checked.packageQuantity, preferred: Boolean(input.preferred), hidden: Boolean(input.hidden),
        supplierId: checked.supplierId, notes: checked.notes,
      },
      t,
    );
    if (input.preferred) clearOtherPreferred(t, materialId, id, t.now());
    return getMaterialProduct(db, id, t);
  });
}

export function updateMaterialProduct(db: Database, input: MaterialProductUpdate, tx?: Tx): MaterialProductSummary {
  return withTransaction(db, tx, (t) => {
    const current = getMaterialProduct(db, positiveId(input.id, 'id', 'packaging product'), t);
    if (input.materialId !== undefined && input.materialId !== current.material.id) {
      throw validationError('materialId', 'A product stays with its material: record a new product for another material.');
    }
    const material = loadMaterial(db, current.material.id, t);
    const checked = checkFields({
      name: () => (input.name === undefined ? current.name : nameText(input.name, 'name', 'product name')),
      brand: () => (input.brand === undefined ? current.brand : optionalText(input.brand, 'brand', 'brand', 200)),
      packageQuantity: () =>
        input.packageQuantity === undefined ? current.packageQuantity : positiveNumber(input.packageQuantity, 'packageQuantity', 'package size', MAX_PACKAGE_QUANTITY),
      packageUnit: () => (input.packageUnit === undefined ? current.packageUnit : checkMaterialUnit(input.packageUnit, material.base_measure, material.name, 'packageUnit')),
      supplierId: () => (input.supplierId === undefined ? current.supplierId : checkSupplier(db, input.supplierId, t)),
      notes: () => (input.notes === undefined ? current.notes : optionalText(input.notes, 'notes')),
    });
    const sizeChanged = checked.packageQuantity !== current.packageQuantity || checked.packageUnit !== current.packageUnit;
    if (sizeChanged && current.sizeFixed) {
      throw new AppError('IN_USE', `The package size of ${current.displayName} cannot change: ${current.sizeFixedBecause}.`, {
        field: checked.packageQuantity !== current.packageQuantity ? 'packageQuantity' : 'packageUnit',
      });
    }
    assertLabelFree(t, current.material.id, checked.brand, checked.name, current.id);
    const preferred = input.preferred ?? current.preferred;
    const hidden = input.hidden ?? current.hidden;
    const now = t.now();
    t.run(
      `UPDATE material_products SET brand = ?, name = ?, package_unit = ?, package_quantity = ?, preferred = ?, hidden = ?, supplier_id = ?, notes = ?, updated_at = ?
       WHERE id = ?`,
      [checked.brand, checked.name, checked.packageUnit, checked.packageQuantity, preferred ? 1 : 0, hidden ? 1 : 0, checked.supplierId, checked.notes, now, current.id],
    );
    if (preferred && !current.preferred) clearOtherPreferred(t, current.material.id, current.id, now);
    return getMaterialProduct(db, current.id, t);
  });
}

export function deleteMaterialProduct(db: Database, id: number, tx?: Tx): { deleted: true; id: number } {
  return deleteAllowed(db, { table: 'material_products', read: (t) => getMaterialProduct(db, id, t), name: (p) => p.displayName, idKey: 'materialProductId' }, tx);
}
