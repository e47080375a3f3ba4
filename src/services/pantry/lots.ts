/**
 * Reading lots. A lot holds its quantities in the base unit of its dimension
 * (g, ml, each) and its unit cost per base unit; screens get them converted
 * to a unit a baker reads (see stock.ts).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { productLabel } from '../../domain/labels';
import { expiryDate } from '../../domain/purchase-dates';
import { isEmpty, isLow } from '../../domain/stock-flags';
import { BASE_UNIT, parseUnit, type Dimension, type Unit } from '../../domain/units';
import { optionalText, positiveId } from '../../domain/validate';
import { AppError } from '../../errors';

export interface LotRow {
  id: number;
  ingredient_id: number;
  product_id: number;
  purchase_id: number | null;
  purchased_on: string;
  dimension: Dimension;
  quantity_initial: number;
  quantity_remaining: number;
  unit_cost: number | null;
  expires_on: string | null;
  location: string;
  notes: string;
  created_at: string;
  updated_at: string;
  product_brand: string;
  product_name: string;
  package_unit: string;
}

export interface Lot {
  id: number;
  ingredientId: number;
  productId: number;
  productName: string;
  purchaseId: number | null;
  purchasedOn: string;
  dimension: Dimension;
  /** Base unit of the dimension: every quantity and unit cost of the lot is in it. */
  unit: Unit;
  quantityInitial: number;
  quantityRemaining: number;
  unitCost: number | null;
  expiresOn: string | null;
  location: string;
  notes: string;
  empty: boolean;
  low: boolean;
}

const LOT_SELECT = `
  SELECT l.*, p.brand AS product_brand, p.name AS product_name, p.package_unit
  FROM lots l JOIN products p ON p.id = l.product_id`;

function toLot(r: LotRow): Lot {
  return {
    id: r.id,
    ingredientId: r.ingredient_id,
    productId: r.product_id,
    productName: productLabel(r.product_brand, r.product_name),
    purchaseId: r.purchase_id,
    purchasedOn: r.purchased_on,
    dimension: r.dimension,
    unit: BASE_UNIT[r.dimension],
    quantityInitial: r.quantity_initial,
    quantityRemaining: r.quantity_remaining,
    unitCost: r.unit_cost,
    expiresOn: r.expires_on,
    location: r.location,
    notes: r.notes,
    empty: isEmpty(r.quantity_remaining, r.quantity_initial),
    low: isLow(r.quantity_remaining, r.quantity_initial),
  };
}

export function loadLotRow(db: Database, lotId: number, tx?: Tx): LotRow {
  return withTransaction(db, tx, (t) => {
    const row = t.get<LotRow>(`${LOT_SELECT} WHERE l.id = ?`, [lotId]);
    if (!row) throw new AppError('NOT_FOUND', 'That lot no longer exists.', { lotId });
    return row;
  });
}

export function getLot(db: Database, lotId: number, tx?: Tx): Lot {
  return withTransaction(db, tx, (t) => toLot(loadLotRow(db, lotId, t)));
}

/** Every lot of an ingredient in FIFO order (oldest purchase first, then creation order). */
export function lotRowsOf(db: Database, ingredientId: number, tx?: Tx): LotRow[] {
  return withTransaction(db, tx, (t) =>
    t.all<LotRow>(`${LOT_SELECT} WHERE l.ingredient_id = ? ORDER BY l.purchased_on, l.id`, [ingredientId]),
  );
}

/** What a draw needs of a lot: FIFO runs over many lots at every plan, so it reads no more than this. */
export type StockedLotRow = Pick<LotRow, 'id' | 'product_id' | 'purchased_on' | 'dimension' | 'quantity_remaining' | 'unit_cost' | 'product_brand' | 'product_name'>;

/**
 * The first stocked lots of an ingredient in FIFO order; `complete` when they
 * are all it has. A price needs only the lots up to the one that covers the
 * need (src/services/pricing/ingredient-price.ts).
 */
export interface StockedLotPrefix {
  lots: (StockedLotRow & { package_unit: string })[];
  complete: boolean;
}

/**
 * The lots of an ingredient that still hold something, in FIFO order: all a
 * draw can take from. Emptied lots stay on record for years; reading only
 * these keeps FIFO's cost with what is on the shelf, not with the history
 * (migration 5's partial index lists exactly these).
 */
export function stockedLotRowsOf(db: Database, ingredientId: number, tx?: Tx): StockedLotRow[] {
  return withTransaction(db, tx, (t) =>
    t.all<StockedLotRow>(
      `SELECT l.id, l.product_id, l.purchased_on, l.dimension, l.quantity_remaining, l.unit_cost, p.brand AS product_brand, p.name AS product_name
       FROM lots l JOIN products p ON p.id = l.product_id
       WHERE l.ingredient_id = ? AND l.quantity_remaining > 0 ORDER BY l.purchased_on, l.id`,
      [ingredientId],
    ),
  );
}

/**
 * The first `first` stocked lots of each ingredient, in FIFO order, in one
 * read: a plan prices hundreds of ingredients and needs one or two lots of
 * each, while a busy pantry keeps dozens stocked; reading them all was most
 * of a plan's time. Each ingredient's lots come from one seek down
 * migration 5's index (`lots_stocked`), limited there.
 */
export function firstStockedLotsOf(db: Database, ingredientIds: readonly number[], first: number, tx?: Tx): Map<number, StockedLotPrefix> {
  return withTransaction(db, tx, (t) => {
    const byIngredient = new Map<number, StockedLotPrefix>(ingredientIds.map((id) => [id, { lots: [], complete: true }]));
    const rows = t.all<StockedLotPrefix['lots'][number] & { ingredient_id: number }>(
      `SELECT l.ingredient_id, l.id, l.product_id, l.purchased_on, l.dimension, l.quantity_remaining, l.unit_cost,
         p.brand AS product_brand, p.name AS product_name, p.package_unit
       FROM json_each(?) j
       JOIN lots l ON l.id IN (SELECT s.id FROM lots s WHERE s.ingredient_id = j.value AND s.quantity_remaining > 0 ORDER BY s.purchased_on, s.id LIMIT ?)
       JOIN products p ON p.id = l.product_id
       ORDER BY l.ingredient_id, l.purchased_on, l.id`,
      [JSON.stringify(ingredientIds), first],
    );
    for (const { ingredient_id, ...lot } of rows) byIngredient.get(ingredient_id)?.lots.push(lot);
    for (const prefix of byIngredient.values()) prefix.complete = prefix.lots.length < first;
    return byIngredient;
  });
}

/**
 * The unit an ingredient's stock reads best in: the package unit of its
 * newest lot, else of its preferred (or first) product, else grams.
 */
export function displayUnitOf(db: Database, ingredientId: number, tx?: Tx): Unit {
  return withTransaction(db, tx, (t) => {
    const fromLot = t.get<{ package_unit: string }>(
      `SELECT p.package_unit FROM lots l JOIN products p ON p.id = l.product_id
       WHERE l.ingredient_id = ? ORDER BY l.purchased_on DESC, l.id DESC LIMIT 1`,
      [ingredientId],
    );
    const fromProduct = t.get<{ package_unit: string }>(
      'SELECT package_unit FROM products WHERE ingredient_id = ? ORDER BY preferred DESC, id LIMIT 1',
      [ingredientId],
    );
    return parseUnit(fromLot?.package_unit ?? fromProduct?.package_unit ?? 'g') ?? 'g';
  });
}

export interface LotDetailsUpdate {
  id: number;
  expiresOn?: string | null;
  location?: string;
  notes?: string;
}

/**
 * Where a lot is kept, when it expires and notes about it. Quantities and
 * cost change only through its purchase, adjustments and consumption.
 */
export function updateLotDetails(db: Database, input: LotDetailsUpdate, tx?: Tx): Lot {
  return withTransaction(db, tx, (t) => {
    const row = loadLotRow(db, positiveId(input.id, 'id', 'lot'), t);
    const expiresOn = input.expiresOn === undefined ? row.expires_on : expiryDate(input.expiresOn, row.purchased_on);
    const location = input.location === undefined ? row.location : optionalText(input.location, 'location', 'location', 100);
    const notes = input.notes === undefined ? row.notes : optionalText(input.notes, 'notes');
    t.run('UPDATE lots SET expires_on = ?, location = ?, notes = ?, updated_at = ? WHERE id = ?', [expiresOn, location, notes, t.now(), row.id]);
    return getLot(db, row.id, t);
  });
}
