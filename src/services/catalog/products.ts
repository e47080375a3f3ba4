/**
 * Products: purchasable packages of a leaf ingredient (a 25 lb bag of King
 * Arthur flour). The package unit decides the dimension of every lot bought
 * of it, so once a product has lots (bought, or imported without a purchase)
 * its ingredient and package size are fixed and it cannot be deleted: change
 * them on a new product, and hide the old one. Every product read says so
 * (`sizeFixed`, `canDelete` and why), in the words the refusal uses.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { plainQuantity } from '../../domain/format';
import { productLabel } from '../../domain/labels';
import { rankByName } from '../../domain/text-search';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { MAX_PACKAGE_QUANTITY } from '../../domain/limits';
import { INGREDIENT_DIMENSIONS, UnitConversionError, baseRatio, dimensionOf, requireUnit, type Dimension, type Unit } from '../../domain/units';
import { checkFields, listLimit, nameKey, nameText, optionalText, positiveId, positiveNumber } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { loadIngredient, requireLeaf } from './ingredient-rows';
import { insertProductRow } from './product-rows';
import { freeSlug } from './slugs';
import { checkSupplier } from './suppliers';

export interface ProductInput {
  ingredientId: number;
  brand?: string;
  name: string;
  packageQuantity: number;
  packageUnit: string;
  packageType?: string;
  gtin?: string | null;
  preferred?: boolean;
  hidden?: boolean;
  supplierId?: number | null;
  notes?: string;
}

export interface ProductUpdate extends Partial<ProductInput> {
  id: number;
}

export interface ProductSummary {
  id: number;
  slug: string;
  ingredient: { id: number; name: string };
  brand: string;
  name: string;
  /** Brand and name together, as a baker reads a label. */
  displayName: string;
  packageType: string;
  packageQuantity: number;
  packageUnit: Unit;
  gtin: string | null;
  preferred: boolean;
  hidden: boolean;
  supplierId: number | null;
  notes: string;
  lastPricePerPackage: number | null;
  lastPurchasedOn: string | null;
  purchaseCount: number;
  /** Lots of it in the pantry, bought or imported, used up or not. */
  lotCount: number;
  /** Its ingredient and package size can no longer change; `sizeFixedBecause` says why. */
  sizeFixed: boolean;
  sizeFixedBecause: string | null;
  canDelete: boolean;
  deleteBlockedBy: string | null;
}

interface ProductRow {
  id: number;
  slug: string;
  ingredient_id: number;
  ingredient_name: string;
  brand: string;
  name: string;
  package_type: string;
  package_quantity: number;
  package_unit: string;
  gtin: string | null;
  preferred: number;
  hidden: number;
  supplier_id: number | null;
  notes: string;
  last_price: number | null;
  last_purchased_on: string | null;
  purchase_count: number;
  lot_count: number;
}

const PRODUCT_SELECT = `
  SELECT p.id, p.slug, p.ingredient_id, i.name AS ingredient_name, p.brand, p.name, p.package_type, p.package_quantity,
         p.package_unit, p.gtin, p.preferred, p.hidden, p.supplier_id, p.notes,
         (SELECT price_per_package FROM purchases pu WHERE pu.product_id = p.id ORDER BY purchased_on DESC, id DESC LIMIT 1) AS last_price,
         (SELECT max(purchased_on) FROM purchases pu WHERE pu.product_id = p.id) AS last_purchased_on,
         (SELECT count(*) FROM purchases pu WHERE pu.product_id = p.id) AS purchase_count,
         (SELECT count(*) FROM lots l WHERE l.product_id = p.id) AS lot_count
  FROM products p JOIN ingredients i ON i.id = p.ingredient_id`;

/** "1 pantry lot", "3 pantry lots". */
const lotsText = (n: number) => `${n} pantry lot${n === 1 ? '' : 's'}`;

function toSummary(r: ProductRow): ProductSummary {
  const displayName = productLabel(r.brand, r.name);
  const packageUnit = requireUnit(r.package_unit);
  const inUse = r.lot_count > 0;
  return {
    id: r.id,
    slug: r.slug,
    ingredient: { id: r.ingredient_id, name: r.ingredient_name },
    brand: r.brand,
    name: r.name,
    displayName,
    packageType: r.package_type,
    packageQuantity: r.package_quantity,
    packageUnit,
    gtin: r.gtin,
    preferred: r.preferred === 1,
    hidden: r.hidden === 1,
    supplierId: r.supplier_id,
    notes: r.notes,
    lastPricePerPackage: r.last_price,
    lastPurchasedOn: r.last_purchased_on,
    purchaseCount: r.purchase_count,
    lotCount: r.lot_count,
    sizeFixed: inUse,
    sizeFixedBecause: inUse
      ? `${displayName} has ${lotsText(r.lot_count)} measured in ${plainQuantity(r.package_quantity, packageUnit)} packages, so its ingredient and package size are fixed: for another size, add a new product.`
      : null,
    canDelete: !inUse,
    deleteBlockedBy: inUse ? `${displayName} has ${lotsText(r.lot_count)}, so it cannot be deleted: hide it instead, to keep it out of the purchase form.` : null,
  };
}

export function getProduct(db: Database, id: number, tx?: Tx): ProductSummary {
  return withTransaction(db, tx, (t) => {
    const row = t.get<ProductRow>(`${PRODUCT_SELECT} WHERE p.id = ?`, [id]);
    if (!row) throw new AppError('NOT_FOUND', 'That product no longer exists.', { productId: id });
    return toSummary(row);
  });
}

export function listProducts(db: Database, filter: { ingredientId?: number; includeHidden?: boolean }, tx?: Tx): ProductSummary[] {
  return withTransaction(db, tx, (t) => {
    const where: string[] = [];
    const params: number[] = [];
    if (filter.ingredientId !== undefined) {
      where.push('p.ingredient_id = ?');
      params.push(filter.ingredientId);
    }
    if (!filter.includeHidden) where.push('p.hidden = 0');
    const sql = `${PRODUCT_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY p.preferred DESC, p.brand, p.name`;
    return t.all<ProductRow>(sql, params).map(toSummary);
  });
}

export interface ProductSearch {
  query: string;
  ingredientId?: number;
  includeHidden?: boolean;
  limit?: number;
}

/** Type-ahead for products: matches brand + name or the ingredient's name, best first. */
export function searchProducts(db: Database, search: ProductSearch, tx?: Tx): ProductSummary[] {
  return withTransaction(db, tx, (t) => {
    const all = listProducts(db, { ingredientId: search.ingredientId, includeHidden: search.includeHidden }, t);
    const limit = listLimit(search.limit, 20);
    const byLabel = rankByName(all, search.query ?? '', (p) => p.displayName);
    const byName = rankByName(all, search.query ?? '', (p) => p.name);
    const byIngredient = rankByName(all, search.query ?? '', (p) => p.ingredient.name);
    const seen = new Set<number>();
    const out: ProductSummary[] = [];
    for (const p of [...byLabel, ...byName, ...byIngredient]) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      out.push(p);
      if (out.length >= limit) break;
    }
    return out;
  });
}

/**
 * The products bought most recently, newest purchase first, at most `limit`
 * (5 unless said): what the purchase form offers before anything is typed,
 * the likeliest to be bought again. Hidden products are left out.
 */
export function recentProducts(db: Database, request: { limit?: number } = {}, tx?: Tx): ProductSummary[] {
  return withTransaction(db, tx, (t) =>
    t
      .all<ProductRow>(
        `${PRODUCT_SELECT} WHERE p.hidden = 0 AND EXISTS (SELECT 1 FROM purchases pu WHERE pu.product_id = p.id)
         ORDER BY last_purchased_on DESC, p.preferred DESC, p.brand, p.name LIMIT ?`,
        [listLimit(request.limit, 5)],
      )
      .map(toSummary),
  );
}

function checkPackageUnit(text: unknown): Unit {
  if (typeof text !== 'string' || text.trim() === '') throw validationError('packageUnit', 'Choose the package unit (lb, oz, g, each...).');
  const unit = requireUnit(text, 'packageUnit');
  if (!INGREDIENT_DIMENSIONS.includes(dimensionOf(unit))) {
    throw validationError('packageUnit', `${unit} is a packaging measure; an ingredient package is a weight, a volume or a count.`);
  }
  return unit;
}

/**
 * How a product's label compares for duplicates: brand and name read
 * together as on the shelf (brand "Wegman's" + "Light Brown Sugar" is the
 * same product as no brand + "Wegman's Light Brown Sugar"), ignoring case,
 * spacing and the kind of apostrophe.
 */
function labelKey(brand: string, name: string): string {
  return nameKey(productLabel(nameKey(brand), nameKey(name))).replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** The same ingredient may not get a second product with the same label: the baker would not know which to pick. */
function assertUnique(tx: Tx, ingredientId: number, brand: string, name: string, exceptId: number | null): void {
  const key = labelKey(brand, name);
  const clash = tx
    .all<{ id: number; brand: string; name: string; package_quantity: number; package_unit: string }>(
      'SELECT id, brand, name, package_quantity, package_unit FROM products WHERE ingredient_id = ?',
      [ingredientId],
    )
    .find((r) => r.id !== exceptId && labelKey(r.brand, r.name) === key);
  if (clash) {
    const existing = productLabel(clash.brand, clash.name);
    throw new AppError(
      'DUPLICATE',
      `There is already a product ${existing} (${clash.package_quantity} ${clash.package_unit}) for this ingredient: choose it, or give this one another name.`,
      { field: 'name', existingId: clash.id, existing },
    );
  }
}

/**
 * A package measured in a way the ingredient's other products and lots cannot
 * be converted to would split its stock in two (a cup of teff flour next to
 * pounds of it, with no density to add them up), so it is refused until the
 * measure that links them is set.
 */
function assertConvertible(db: Database, tx: Tx, ingredientId: number, unit: Unit, exceptProductId: number | null): void {
  const row = loadIngredient(db, ingredientId, tx);
  const dimensions = new Set<Dimension>(
    tx.all<{ dimension: Dimension }>('SELECT DISTINCT dimension FROM lots WHERE ingredient_id = ?', [ingredientId]).map((r) => r.dimension),
  );
  for (const p of tx.all<{ id: number; package_unit: string }>('SELECT id, package_unit FROM products WHERE ingredient_id = ?', [ingredientId])) {
    if (p.id !== exceptProductId) dimensions.add(dimensionOf(requireUnit(p.package_unit)));
  }
  const ctx = { ...conversionContextOf(row), field: 'packageUnit' };
  for (const other of dimensions) {
    try {
      baseRatio(other, dimensionOf(unit), ctx, other, unit);
    } catch (e) {
      if (!(e instanceof UnitConversionError)) throw e;
      const needs = e.details.needs === 'eachWeight' ? 'weight per each' : 'density';
      throw new AppError('MISSING_DENSITY', `${row.name} has no ${needs}: set one to buy it by the ${unit}.`, {
        field: 'packageUnit',
        ingredientId,
        ingredient: row.name,
        needs: e.details.needs,
        unit,
      });
    }
  }
}

function normalizedGtin(value: unknown): string | null {
  const text = optionalText(value, 'gtin', 'barcode', 20).replace(/[\s-]/g, '');
  if (!text) return null;
  if (!/^\d{6,14}$/.test(text)) throw validationError('gtin', 'A barcode (GTIN/UPC) is 6 to 14 digits.');
  return text;
}

/** One preferred product per ingredient: the shopping list buys it. */
function clearOtherPreferred(tx: Tx, ingredientId: number, keepId: number, now: string): void {
  tx.run('UPDATE products SET preferred = 0, updated_at = ? WHERE ingredient_id = ? AND id <> ? AND preferred = 1', [now, ingredientId, keepId]);
}

/** A new product's fields, checked together (every wrong field reported at once) before anything is written. */
export function checkNewProduct(db: Database, input: ProductInput, tx?: Tx) {
  return withTransaction(db, tx, (t) => {
    const fields = checkFields({
      ingredientId: () => {
        const id = positiveId(input.ingredientId, 'ingredientId', 'ingredient');
        requireLeaf(db, id, 'a product', 'ingredientId', t);
        return id;
      },
      brand: () => optionalText(input.brand, 'brand', 'brand', 200),
      name: () => nameText(input.name, 'name', 'product name'),
      packageQuantity: () => positiveNumber(input.packageQuantity, 'packageQuantity', 'package size', MAX_PACKAGE_QUANTITY),
      packageUnit: () => checkPackageUnit(input.packageUnit),
      packageType: () => optionalText(input.packageType, 'packageType', 'package type', 50),
      gtin: () => normalizedGtin(input.gtin),
      supplierId: () => checkSupplier(db, input.supplierId, t),
      notes: () => optionalText(input.notes, 'notes'),
    });
    checkFields({
      name: () => assertUnique(t, fields.ingredientId, fields.brand, fields.name, null),
      packageUnit: () => assertConvertible(db, t, fields.ingredientId, fields.packageUnit, null),
    });
    return fields;
  });
}

export function createProduct(db: Database, input: ProductInput, tx?: Tx): ProductSummary {
  return withTransaction(db, tx, (t) => {
    const checked = checkNewProduct(db, input, t);
    const { ingredientId, brand, name } = checked;
    const preferred = input.preferred === true;
    const slug = freeSlug(db, 'products', `${brand} ${name}`, t);
    const id = insertProductRow(db, { ...checked, slug, preferred, hidden: input.hidden === true }, t);
    if (preferred) clearOtherPreferred(t, ingredientId, id, t.now());
    return getProduct(db, id, t);
  });
}

export function updateProduct(db: Database, input: ProductUpdate, tx?: Tx): ProductSummary {
  return withTransaction(db, tx, (t) => {
    const current = getProduct(db, positiveId(input.id, 'id', 'product'), t);
    const ingredientId = input.ingredientId === undefined ? current.ingredient.id : positiveId(input.ingredientId, 'ingredientId', 'ingredient');
    const brand = input.brand === undefined ? current.brand : optionalText(input.brand, 'brand', 'brand', 200);
    const name = input.name === undefined ? current.name : nameText(input.name, 'name', 'product name');
    const packageQuantity =
      input.packageQuantity === undefined ? current.packageQuantity : positiveNumber(input.packageQuantity, 'packageQuantity', 'package size', MAX_PACKAGE_QUANTITY);
    const packageUnit = input.packageUnit === undefined ? current.packageUnit : checkPackageUnit(input.packageUnit);
    const packageType = input.packageType === undefined ? current.packageType : optionalText(input.packageType, 'packageType', 'package type', 50);
    const gtin = input.gtin === undefined ? current.gtin : normalizedGtin(input.gtin);
    const supplierId = input.supplierId === undefined ? current.supplierId : checkSupplier(db, input.supplierId, t);
    const notes = input.notes === undefined ? current.notes : optionalText(input.notes, 'notes');
    const preferred = input.preferred ?? current.preferred;
    const hidden = input.hidden ?? current.hidden;

    const fixedChanged: [string, boolean][] = [
      ['ingredientId', ingredientId !== current.ingredient.id],
      ['packageQuantity', packageQuantity !== current.packageQuantity],
      ['packageUnit', packageUnit !== current.packageUnit],
    ];
    const changedFixed = fixedChanged.find(([, changed]) => changed);
    if (changedFixed && current.sizeFixed) {
      throw new AppError('IN_USE', current.sizeFixedBecause!, { field: changedFixed[0], productId: current.id });
    }
    if (ingredientId !== current.ingredient.id) requireLeaf(db, ingredientId, 'a product', 'ingredientId', t);
    assertUnique(t, ingredientId, brand, name, current.id);
    if (ingredientId !== current.ingredient.id || packageUnit !== current.packageUnit) assertConvertible(db, t, ingredientId, packageUnit, current.id);
    const now = t.now();
    t.run(
      `UPDATE products SET ingredient_id = ?, brand = ?, name = ?, package_type = ?, package_unit = ?, package_quantity = ?,
         gtin = ?, preferred = ?, hidden = ?, supplier_id = ?, notes = ?, updated_at = ? WHERE id = ?`,
      [ingredientId, brand, name, packageType, packageUnit, packageQuantity, gtin, preferred ? 1 : 0, hidden ? 1 : 0, supplierId, notes, now, current.id],
    );
    if (preferred && !current.preferred) clearOtherPreferred(t, ingredientId, current.id, now);
    return getProduct(db, current.id, t);
  });
}

export function deleteProduct(db: Database, id: number, tx?: Tx): { deleted: true; id: number } {
  return withTransaction(db, tx, (t) => {
    const current = getProduct(db, positiveId(id, 'id', 'product'), t);
    if (!current.canDelete) throw new AppError('IN_USE', current.deleteBlockedBy!, { productId: id });
    t.run('DELETE FROM products WHERE id = ?', [id]);
    return { deleted: true as const, id };
  });
}
