/**
 * Purchases and the lot each one creates. packages x package quantity is the
 * lot's quantity (stored in the base unit of the package unit's dimension);
 * unit cost = price per package / package quantity. Editing a purchase
 * rewrites its lot but never below what was already used; a purchase whose
 * lot was drawn from or adjusted cannot be deleted (an adjustment undone by
 * its pair does not count: see LOT_USED).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { dateOf } from '../../domain/dates';
import { plainQuantity } from '../../domain/format';
import { productLabel } from '../../domain/labels';
import { dimensionOf, fromBase, requireUnit, toBase, type Unit } from '../../domain/units';
import { MAX_PACKAGES, MAX_PRICE_PER_PACKAGE } from '../../domain/limits';
import { expiryDate, purchaseDate } from '../../domain/purchase-dates';
import { checkFields, isoDate, listLimit, nonNegativeInteger, nonNegativeNumber, optionalText, positiveId, positiveNumber } from '../../domain/validate';
import { matchesEveryWord } from '../../domain/text-search';
import { pageOf, type Page } from '../../domain/paging';
import { AppError, validationError } from '../../errors';
import { checkNewProduct, createProduct, getProduct, type ProductInput, type ProductSummary } from '../catalog/products';
import { checkSupplier } from '../catalog/suppliers';
import { insertLotRow } from './lot-rows';
import { getLot, type Lot } from './lots';
import { insertPurchaseRow } from './purchase-rows';

export interface NewProductInput {
  ingredientId: number;
  brand?: string;
  name: string;
  packageQuantity: number;
  packageUnit: string;
  packageType?: string;
}

export interface PurchaseInput {
  /** An existing product, or `newProduct` to create one on the spot. */
  productId?: number;
  newProduct?: NewProductInput;
  supplierId?: number | null;
  /** 'YYYY-MM-DD', at most one day ahead; today when omitted (undefined or null; '' is refused). */
  purchasedOn?: string | null;
  packages: number;
  pricePerPackage: number;
  expiresOn?: string | null;
  location?: string;
  notes?: string;
}

export interface PurchaseUpdate {
  id: number;
  packages?: number;
  pricePerPackage?: number;
  purchasedOn?: string;
  supplierId?: number | null;
  notes?: string;
  expiresOn?: string | null;
  location?: string;
}

export interface Purchase {
  id: number;
  purchasedOn: string;
  product: { id: number; displayName: string; packageQuantity: number; packageUnit: Unit };
  ingredient: { id: number; name: string };
  supplier: { id: number; name: string } | null;
  packages: number;
  pricePerPackage: number;
  /** packages x price per package. */
  totalPrice: number;
  lotId: number | null;
  /** Bought, in the product's package unit. */
  quantity: number;
  /** Still in the lot, in the product's package unit. */
  remaining: number;
  unit: Unit;
  /** Something was drawn from or adjusted on its lot (or it holds less than was bought): it cannot be deleted. */
  used: boolean;
  canDelete: boolean;
  /** Why it cannot be deleted, in the words the refusal uses; null when it can. */
  deleteBlockedBy: string | null;
  notes: string;
  /** Its lot's expiry date and where it is kept. */
  expiresOn: string | null;
  location: string;
}

export interface PurchaseResult {
  purchase: Purchase;
  lot: Lot;
}

interface PurchaseRow {
  id: number;
  purchased_on: string;
  product_id: number;
  brand: string;
  product_name: string;
  package_quantity: number;
  package_unit: string;
  ingredient_id: number;
  ingredient_name: string;
  supplier_id: number | null;
  supplier_name: string | null;
  packages: number;
  price_per_package: number;
  notes: string;
  lot_id: number | null;
  quantity_initial: number | null;
  quantity_remaining: number | null;
  expires_on: string | null;
  location: string | null;
  used: number;
}

/**
 * Whether a purchase's lot has been used: drawn from by production, or
 * adjusted, or holding other than what was bought. An adjustment undone by
 * its pair (and the undo itself) is not use: together they changed nothing,
 * so a purchase whose only adjustment was undone is as untouched as a new one.
 */
const LOT_USED = `(abs(l.quantity_remaining - l.quantity_initial) > l.quantity_initial * 1e-12
          OR EXISTS (SELECT 1 FROM production_consumptions c WHERE c.lot_id = l.id)
          OR EXISTS (SELECT 1 FROM lot_adjustments a WHERE a.lot_id = l.id AND a.undoes_id IS NULL
                     AND NOT EXISTS (SELECT 1 FROM lot_adjustments u WHERE u.undoes_id = a.id)))`;

const PURCHASE_SELECT = `
  SELECT pu.id, pu.purchased_on, pu.product_id, p.brand, p.name AS product_name, p.package_quantity, p.package_unit,
         i.id AS ingredient_id, i.name AS ingredient_name, pu.supplier_id, s.name AS supplier_name, pu.packages,
         pu.price_per_package, pu.notes, l.id AS lot_id, l.quantity_initial, l.quantity_remaining, l.expires_on, l.location,
         ${LOT_USED} AS used
  FROM purchases pu
  JOIN products p ON p.id = pu.product_id
  JOIN ingredients i ON i.id = p.ingredient_id
  LEFT JOIN suppliers s ON s.id = pu.supplier_id
  LEFT JOIN lots l ON l.purchase_id = pu.id`;

function toPurchase(r: PurchaseRow): Purchase {
  const unit = requireUnit(r.package_unit);
  return {
    id: r.id,
    purchasedOn: r.purchased_on,
    product: { id: r.product_id, displayName: productLabel(r.brand, r.product_name), packageQuantity: r.package_quantity, packageUnit: unit },
    ingredient: { id: r.ingredient_id, name: r.ingredient_name },
    supplier: r.supplier_id === null ? null : { id: r.supplier_id, name: r.supplier_name ?? '' },
    packages: r.packages,
    pricePerPackage: r.price_per_package,
    totalPrice: r.packages * r.price_per_package,
    lotId: r.lot_id,
    quantity: r.packages * r.package_quantity,
    remaining: r.quantity_remaining === null ? 0 : fromBase(r.quantity_remaining, unit),
    unit,
    used: r.used === 1,
    canDelete: r.used !== 1,
    deleteBlockedBy:
      r.used === 1
        ? `This purchase has been used or adjusted, so it cannot be deleted: correct its lot with an adjustment on the ${r.ingredient_name} page instead.`
        : null,
    notes: r.notes,
    expiresOn: r.expires_on,
    location: r.location ?? '',
  };
}

export function getPurchase(db: Database, id: number, tx?: Tx): Purchase {
  return withTransaction(db, tx, (t) => {
    const row = t.get<PurchaseRow>(`${PURCHASE_SELECT} WHERE pu.id = ?`, [id]);
    if (!row) throw new AppError('NOT_FOUND', 'That purchase no longer exists.', { purchaseId: id });
    return toPurchase(row);
  });
}

export interface PurchaseFilter {
  ingredientId?: number;
  productId?: number;
  supplierId?: number;
  /** 'YYYY-MM-DD': bought on or after this day. */
  from?: string;
  /** 'YYYY-MM-DD': bought on or before this day. */
  to?: string;
  /** Words found in the product, its brand, the ingredient, the supplier or the notes, in any order. */
  query?: string;
  /** How many of the matches to skip (newest first); 0 when omitted. */
  offset?: number;
  /** How many to return, at most MAX_PURCHASES_PAGE; DEFAULT_PURCHASES_PAGE when omitted. */
  limit?: number;
}

export const DEFAULT_PURCHASES_PAGE = 50;
export const MAX_PURCHASES_PAGE = 200;

interface FilterSql {
  where: string;
  params: (number | string)[];
}

function filterSql(filter: PurchaseFilter): FilterSql {
  const where: string[] = [];
  const params: (number | string)[] = [];
  const id = (value: unknown, field: string, label: string) => positiveId(value, field, label);
  if (filter.ingredientId !== undefined) (where.push('p.ingredient_id = ?'), params.push(id(filter.ingredientId, 'ingredientId', 'ingredient')));
  if (filter.productId !== undefined) (where.push('pu.product_id = ?'), params.push(id(filter.productId, 'productId', 'product')));
  if (filter.supplierId !== undefined) (where.push('pu.supplier_id = ?'), params.push(id(filter.supplierId, 'supplierId', 'supplier')));
  const from = filter.from ? isoDate(filter.from, 'from', 'first day') : null;
  const to = filter.to ? isoDate(filter.to, 'to', 'last day') : null;
  if (from && to && from > to) throw validationError('to', 'The last day is before the first day: swap them, or change one.', { from, to });
  if (from) (where.push('pu.purchased_on >= ?'), params.push(from));
  if (to) (where.push('pu.purchased_on <= ?'), params.push(to));
  return { where: where.length ? ` WHERE ${where.join(' AND ')}` : '', params };
}

const NEWEST_FIRST = 'ORDER BY pu.purchased_on DESC, pu.id DESC';

/**
 * Purchases matching `filter`, newest first, one page at a time: every match
 * is reachable by paging on (`nextOffset`), and `total` says how many there
 * are, so a list never stops at some count without saying so. A text query
 * is matched in words as the name searches do (any order, accents and case
 * ignored, one typo forgiven).
 */
export function listPurchases(db: Database, filter: PurchaseFilter = {}, tx?: Tx): Page<Purchase> {
  return withTransaction(db, tx, (t) => {
    const { where, params } = filterSql(filter);
    const offset = filter.offset === undefined ? 0 : nonNegativeInteger(filter.offset, 'offset');
    const limit = listLimit(filter.limit, DEFAULT_PURCHASES_PAGE, MAX_PURCHASES_PAGE);
    const query = filter.query?.trim() ?? '';
    let ids: number[];
    let total: number;
    if (query) {
      // The words are matched here, not in SQL (which cannot ignore accents); only the page's rows are read in full.
      const candidates = t.all<{ id: number; text: string }>(
        `SELECT pu.id, p.brand || ' ' || p.name || ' ' || i.name || ' ' || coalesce(s.name, '') || ' ' || pu.notes AS text
         FROM purchases pu JOIN products p ON p.id = pu.product_id JOIN ingredients i ON i.id = p.ingredient_id
         LEFT JOIN suppliers s ON s.id = pu.supplier_id${where} ${NEWEST_FIRST}`,
        params,
      );
      const matching = candidates.filter((c) => matchesEveryWord(c.text, query));
      total = matching.length;
      ids = matching.slice(offset, offset + limit).map((c) => c.id);
    } else {
      total = t.get<{ n: number }>(`SELECT count(*) AS n FROM purchases pu JOIN products p ON p.id = pu.product_id${where}`, params)!.n;
      ids = t.all<{ id: number }>(`SELECT pu.id FROM purchases pu JOIN products p ON p.id = pu.product_id${where} ${NEWEST_FIRST} LIMIT ? OFFSET ?`, [...params, limit, offset]).map((r) => r.id);
    }
    const rows = ids.length ? t.all<PurchaseRow>(`${PURCHASE_SELECT} WHERE pu.id IN (${ids.map(() => '?').join(', ')}) ${NEWEST_FIRST}`, ids) : [];
    return pageOf(rows.map(toPurchase), total, offset);
  });
}

/** Base-unit quantity and per-base-unit cost of `packages` packages of a product. */
function lotFigures(product: ProductSummary, packages: number, pricePerPackage: number) {
  const packageBase = toBase(product.packageQuantity, product.packageUnit);
  // Each number is finite, but their product can overflow: no lot may hold Infinity.
  if (!Number.isFinite(packages * packageBase)) throw validationError('packages', 'That is more packages than any pantry holds.', { value: packages });
  return {
    dimension: dimensionOf(product.packageUnit),
    quantity: packages * packageBase,
    unitCost: pricePerPackage / packageBase,
  };
}

/** The product chosen on the form; a stale choice is reported at the product field. */
function existingProduct(db: Database, id: number, tx: Tx): ProductSummary {
  if (!tx.get('SELECT 1 AS x FROM products WHERE id = ?', [id])) {
    throw new AppError('NOT_FOUND', 'That product no longer exists; choose another.', { productId: id, field: 'productId' });
  }
  return getProduct(db, id, tx);
}

const packagesOf = (value: unknown) => positiveNumber(value, 'packages', 'number of packages', MAX_PACKAGES);
const priceOf = (value: unknown) => nonNegativeNumber(value, 'pricePerPackage', 'price per package', MAX_PRICE_PER_PACKAGE);

/** Records a purchase and its lot; every wrong field (the new product's too) is reported at once, in details.fields. */
export function recordPurchase(db: Database, input: PurchaseInput, tx?: Tx): PurchaseResult {
  return withTransaction(db, tx, (t) => {
    const checked = checkFields({
      packages: () => packagesOf(input.packages),
      pricePerPackage: () => priceOf(input.pricePerPackage),
      purchasedOn: () => purchaseDate(input.purchasedOn, dateOf(t.now())),
      expiresOn: () => expiryDate(input.expiresOn, null),
      location: () => optionalText(input.location, 'location', 'location', 100),
      notes: () => optionalText(input.notes, 'notes'),
      supplierId: () => checkSupplier(db, input.supplierId, t),
      product: () => {
        if ((input.productId == null) === (input.newProduct == null)) {
          throw validationError('productId', 'Choose a product, or describe a new one.');
        }
        if (input.newProduct) checkNewProduct(db, { ...input.newProduct, supplierId: null } satisfies ProductInput, t);
        else existingProduct(db, positiveId(input.productId, 'productId', 'product'), t);
      },
    });
    const { packages, pricePerPackage, purchasedOn, expiresOn, location, notes, supplierId } = checked;
    expiryDate(expiresOn, purchasedOn);
    const product = input.newProduct
      ? createProduct(db, { ...input.newProduct, supplierId } satisfies ProductInput, t)
      : existingProduct(db, positiveId(input.productId, 'productId', 'product'), t);

    const purchaseId = insertPurchaseRow(db, { productId: product.id, supplierId, purchasedOn, packages, pricePerPackage, notes }, t);
    const lot = lotFigures(product, packages, pricePerPackage);
    const lotId = insertLotRow(
      db,
      {
        ingredientId: product.ingredient.id,
        productId: product.id,
        purchaseId,
        purchasedOn,
        dimension: lot.dimension,
        quantityInitial: lot.quantity,
        quantityRemaining: lot.quantity,
        unitCost: lot.unitCost,
        expiresOn,
        location,
        notes: '',
      },
      t,
    );
    return { purchase: getPurchase(db, purchaseId, t), lot: getLot(db, lotId, t) };
  });
}

interface LotOfPurchase {
  id: number;
  quantity_initial: number;
  quantity_remaining: number;
  expires_on: string | null;
  location: string;
}

function lotOfPurchase(tx: Tx, purchaseId: number): LotOfPurchase | undefined {
  return tx.get<LotOfPurchase>('SELECT id, quantity_initial, quantity_remaining, expires_on, location FROM lots WHERE purchase_id = ?', [purchaseId]);
}

export function updatePurchase(db: Database, input: PurchaseUpdate, tx?: Tx): PurchaseResult {
  return withTransaction(db, tx, (t) => {
    const current = getPurchase(db, positiveId(input.id, 'id', 'purchase'), t);
    const product = getProduct(db, current.product.id, t);
    const packages = input.packages === undefined ? current.packages : packagesOf(input.packages);
    const pricePerPackage = input.pricePerPackage === undefined ? current.pricePerPackage : priceOf(input.pricePerPackage);
    const purchasedOn = input.purchasedOn === undefined ? current.purchasedOn : purchaseDate(input.purchasedOn ?? '', dateOf(t.now()));
    const supplierId = input.supplierId === undefined ? (current.supplier?.id ?? null) : checkSupplier(db, input.supplierId, t);
    const notes = input.notes === undefined ? current.notes : optionalText(input.notes, 'notes');
    const lotRow = lotOfPurchase(t, current.id);
    if (!lotRow) throw new AppError('NOT_FOUND', 'The lot of this purchase no longer exists.', { purchaseId: current.id });
    // An old expiry is checked against the dates only when one of them changes, so an unrelated edit is never blocked by it.
    const datesChange = input.expiresOn !== undefined || input.purchasedOn !== undefined;
    const expiresOn = datesChange ? expiryDate(input.expiresOn === undefined ? lotRow.expires_on : input.expiresOn, purchasedOn) : lotRow.expires_on;
    const location = input.location === undefined ? lotRow.location : optionalText(input.location, 'location', 'location', 100);

    const figures = lotFigures(product, packages, pricePerPackage);
    const used = lotRow.quantity_initial - lotRow.quantity_remaining;
    if (figures.quantity < used * (1 - 1e-12)) {
      const usedText = plainQuantity(fromBase(used, product.packageUnit), product.packageUnit);
      throw validationError(
        'packages',
        `${usedText} of this purchase has already been used, so it cannot be less than that (${plainQuantity(used / toBase(product.packageQuantity, product.packageUnit), 'packages')}).`,
        { used: fromBase(used, product.packageUnit), unit: product.packageUnit },
      );
    }
    const now = t.now();
    t.run('UPDATE purchases SET packages = ?, price_per_package = ?, purchased_on = ?, supplier_id = ?, notes = ?, updated_at = ? WHERE id = ?', [
      packages, pricePerPackage, purchasedOn, supplierId, notes, now, current.id,
    ]);
    t.run(
      `UPDATE lots SET quantity_initial = ?, quantity_remaining = ?, unit_cost = ?, purchased_on = ?, expires_on = ?, location = ?, updated_at = ?
       WHERE id = ?`,
      [figures.quantity, Math.max(0, figures.quantity - used), figures.unitCost, purchasedOn, expiresOn, location, now, lotRow.id],
    );
    return { purchase: getPurchase(db, current.id, t), lot: getLot(db, lotRow.id, t) };
  });
}

export function deletePurchase(db: Database, id: number, tx?: Tx): { deleted: true; id: number } {
  return withTransaction(db, tx, (t) => {
    const current = getPurchase(db, positiveId(id, 'id', 'purchase'), t);
    const lotRow = lotOfPurchase(t, current.id);
    if (!current.canDelete) throw new AppError('IN_USE', current.deleteBlockedBy!, { purchaseId: current.id });
    if (lotRow) {
      // Only adjustments undone by their pair can be left on an unused lot: they changed nothing, and go with it,
      // the undos first (each refers to what it undid).
      t.run('DELETE FROM lot_adjustments WHERE lot_id = ? AND undoes_id IS NOT NULL', [lotRow.id]);
      t.run('DELETE FROM lot_adjustments WHERE lot_id = ?', [lotRow.id]);
      t.run('DELETE FROM lots WHERE id = ?', [lotRow.id]);
    }
    t.run('DELETE FROM purchases WHERE id = ?', [current.id]);
    return { deleted: true as const, id: current.id };
  });
}
