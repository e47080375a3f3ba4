/**
 * The whole database as a JSON snapshot (docs/export-format.md). References
 * are natural keys (slugs; lots by their key), never ids. Every list has a
 * fixed order (by slug, or by date and then creation order), and every
 * number is written exactly as stored (lot figures in the lot's own base
 * unit, g, ml, each, cm or cm², so nothing is converted on the way out and
 * back in). Two exports of the same data are therefore byte-identical
 * apart from `exported_at`.
 */
import { schemaVersion } from '../../db/migrate';
import { APP_VERSION } from '../../domain/app-version';
import { withTransaction, type Database, type Tx } from '../../db/session';
import { measureBaseUnit, type BaseMeasure } from '../../domain/material-measures';
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_FORMAT_VERSION,
  type AdjustmentRecord,
  type CompositionRecord,
  type FinishedGoodRecord,
  type FinishedUnitRecord,
  type IngredientLotFigures,
  type IngredientRecord,
  type LotFigures,
  type LotRecord,
  type MaterialLotRecord,
  type MaterialProductRecord,
  type MaterialPurchaseRecord,
  type MaterialRecord,
  type MaterialUnitRecord,
  type ProductRecord,
  type PurchaseRecord,
  type RecipeRecord,
  type SnapshotFile,
  type SnapshotSection,
  type SupplierRecord,
} from '../../domain/snapshot-format';
import { CLOSING_PIECE, headerPiece, sectionPieces, type SnapshotHeader } from '../../domain/snapshot-pieces';
import { BASE_UNIT, type Dimension } from '../../domain/units';
import { getSettings } from '../settings/settings';
import { assemblyRunPages, exportEvents, exportFinishedLots, productionRunPages } from './export-making';
import { pagesOf } from '../../domain/id-pages';
import { rowsInOrder } from './export-pages';
import { ingredientLotKeys, materialLotKeys } from './lot-keys';

export interface ExportOptions {
  /** When the export is made (ISO 8601); the transaction's time when left out. */
  exportedAt?: string;
  /** This app's version unless said (tests pin it). */
  appVersion?: string;
}

type Row = Record<string, unknown>;
const str = (v: unknown) => v as string;
const num = (v: unknown) => v as number;
const opt = <T>(v: unknown) => (v === null || v === undefined ? null : (v as T));
const bool = (v: unknown) => v === 1;
const stamps = (r: Row) => ({ created_at: str(r.created_at), updated_at: str(r.updated_at) });

/** slug by id, for one table. */
function slugs(t: Tx, table: string): Map<number, string> {
  return new Map(t.all<{ id: number; slug: string }>(`SELECT id, slug FROM ${table}`).map((r) => [r.id, r.slug]));
}

function suppliers(t: Tx): SupplierRecord[] {
  return t.all<Row>('SELECT * FROM suppliers ORDER BY slug').map((r) => ({
    slug: str(r.slug),
    name: str(r.name),
    kind: r.kind as SupplierRecord['kind'],
    location: str(r.location),
    active: bool(r.active),
    notes: str(r.notes),
    ...stamps(r),
  }));
}

function ingredients(t: Tx): IngredientRecord[] {
  const slugOf = slugs(t, 'ingredients');
  return t.all<Row>('SELECT * FROM ingredients ORDER BY slug').map((r) => ({
    slug: str(r.slug),
    name: str(r.name),
    parent: r.parent_id === null ? null : slugOf.get(num(r.parent_id))!,
    density:
      r.density_volume_qty === null
        ? null
        : {
            volume_quantity: num(r.density_volume_qty),
            volume_unit: str(r.density_volume_unit),
            weight_quantity: num(r.density_weight_qty),
            weight_unit: str(r.density_weight_unit),
          },
    weight_per_each: r.each_weight_qty === null ? null : { quantity: num(r.each_weight_qty), unit: str(r.each_weight_unit) },
    notes: str(r.notes),
    ...stamps(r),
  }));
}

function products(t: Tx, supplierOf: Map<number, string>): ProductRecord[] {
  return t
    .all<Row>('SELECT p.*, i.slug AS ingredient_slug FROM products p JOIN ingredients i ON i.id = p.ingredient_id ORDER BY p.slug')
    .map((r) => ({
      slug: str(r.slug),
      ingredient: str(r.ingredient_slug),
      brand: str(r.brand),
      name: str(r.name),
      package_quantity: num(r.package_quantity),
      package_unit: str(r.package_unit),
      package_type: str(r.package_type),
      gtin: opt<string>(r.gtin),
      preferred: bool(r.preferred),
      hidden: bool(r.hidden),
      supplier: r.supplier_id === null ? null : supplierOf.get(num(r.supplier_id))!,
      notes: str(r.notes),
      ...stamps(r),
    }));
}

/** The adjustments of some lots (a JSON list of ids), by lot id, each lot's in the order they were made; `undoes` points within the lot's list. */
function adjustmentsOf(t: Tx, lotIds: string): Map<number, AdjustmentRecord[]> {
  const rows = t.all<Row>('SELECT a.*, l.dimension FROM lot_adjustments a JOIN lots l ON l.id = a.lot_id WHERE a.lot_id IN (SELECT value FROM json_each(?)) ORDER BY a.lot_id, a.id', [lotIds]);
  const out = new Map<number, AdjustmentRecord[]>();
  const position = new Map<number, number>();
  for (const r of rows) {
    const list = out.get(num(r.lot_id)) ?? [];
    position.set(num(r.id), list.length);
    const delta = num(r.quantity_delta);
    list.push({
      date: str(r.adjusted_on),
      reason: r.reason as AdjustmentRecord['reason'],
      direction: delta < 0 ? 'remove' : 'add',
      quantity: Math.abs(delta),
      unit: BASE_UNIT[r.dimension as Dimension],
      note: str(r.note),
      unit_cost: opt<number>(r.unit_cost),
      cost: opt<number>(r.cost),
      undoes: r.undoes_id === null ? null : position.get(num(r.undoes_id))!,
      created_at: str(r.created_at),
    });
    out.set(num(r.lot_id), list);
  }
  return out;
}

function ingredientLotFigures(r: Row, key: string, adjustments: Map<number, AdjustmentRecord[]>): IngredientLotFigures {
  return {
    key,
    quantity: num(r.quantity_initial),
    remaining: num(r.quantity_remaining),
    unit: BASE_UNIT[r.dimension as Dimension],
    unit_cost: opt<number>(r.unit_cost),
    expires_on: opt<string>(r.expires_on),
    location: str(r.location),
    notes: str(r.notes),
    adjustments: adjustments.get(num(r.id)) ?? [],
    ...stamps(r),
  };
}

const LOT_COLUMNS = `l.id, l.quantity_initial, l.quantity_remaining, l.dimension, l.unit_cost, l.expires_on, l.location, l.notes, l.created_at, l.updated_at`;

/** Pantry records per page: 50,000 purchases with their lots were 100 MB of rows and records at once. */
const PANTRY_PER_PAGE = 500;

/** Purchases (each with its lot) and the lots without a purchase, keyed in the order the file lists them, a page at a time. */
function pantry(t: Tx, supplierOf: Map<number, string>): { purchases: Iterable<PurchaseRecord[]>; lots: Iterable<LotRecord[]> } {
  const keyOf = ingredientLotKeys(t.db, t);
  return { purchases: purchasePages(t, supplierOf, keyOf), lots: lotPages(t, keyOf) };
}

function* purchasePages(t: Tx, supplierOf: Map<number, string>, keyOf: Map<number, string>): Generator<PurchaseRecord[]> {
  const from = 'FROM purchases pu JOIN products p ON p.id = pu.product_id JOIN lots l ON l.purchase_id = pu.id';
  const ids = t.all<{ id: number }>(`SELECT pu.id ${from} ORDER BY l.purchased_on, l.id`).map((r) => r.id);
  for (const page of pagesOf(ids, PANTRY_PER_PAGE)) {
    const rows = rowsInOrder(t.db, `SELECT pu.*, p.slug AS product_slug, ${LOT_COLUMNS.replace(/l\.(\w+)/g, 'l.$1 AS lot_$1')} ${from} WHERE pu.id IN (SELECT value FROM json_each(?))`, page, t);
    const adjustments = adjustmentsOf(t, JSON.stringify(rows.map((r) => r.lot_id)));
    yield rows.map((r): PurchaseRecord => {
      const lot = Object.fromEntries(Object.entries(r).filter(([k]) => k.startsWith('lot_')).map(([k, v]) => [k.slice(4), v]));
      return {
        product: str(r.product_slug),
        supplier: r.supplier_id === null ? null : supplierOf.get(num(r.supplier_id))!,
        date: str(r.purchased_on),
        packages: num(r.packages),
        price_per_package: num(r.price_per_package),
        notes: str(r.notes),
        ...stamps(r),
        lot: ingredientLotFigures(lot, keyOf.get(num(lot.id))!, adjustments),
      };
    });
  }
}

function* lotPages(t: Tx, keyOf: Map<number, string>): Generator<LotRecord[]> {
  const from = 'FROM lots l JOIN products p ON p.id = l.product_id WHERE l.purchase_id IS NULL';
  const ids = t.all<{ id: number }>(`SELECT l.id ${from} ORDER BY l.purchased_on, l.id`).map((r) => r.id);
  for (const page of pagesOf(ids, PANTRY_PER_PAGE)) {
    const rows = rowsInOrder(t.db, `SELECT ${LOT_COLUMNS}, l.purchased_on, p.slug AS product_slug ${from} AND l.id IN (SELECT value FROM json_each(?))`, page, t);
    const adjustments = adjustmentsOf(t, page.json);
    yield rows.map((r): LotRecord => {
      const { key, ...figures } = ingredientLotFigures(r, keyOf.get(num(r.id))!, adjustments);
      return { key, product: str(r.product_slug), date: str(r.purchased_on), ...figures };
    });
  }
}

function materials(t: Tx): MaterialRecord[] {
  return t.all<Row>('SELECT * FROM materials ORDER BY slug').map((r) => ({
    slug: str(r.slug),
    name: str(r.name),
    category: str(r.category),
    base_measure: r.base_measure as BaseMeasure,
    notes: str(r.notes),
    ...stamps(r),
  }));
}

function materialProducts(t: Tx, supplierOf: Map<number, string>): MaterialProductRecord[] {
  return t
    .all<Row>('SELECT p.*, m.slug AS material_slug FROM material_products p JOIN materials m ON m.id = p.material_id ORDER BY p.slug')
    .map((r) => ({
      slug: str(r.slug),
      material: str(r.material_slug),
      brand: str(r.brand),
      name: str(r.name),
      package_quantity: num(r.package_quantity),
      package_unit: str(r.package_unit),
      preferred: bool(r.preferred),
      hidden: bool(r.hidden),
      supplier: r.supplier_id === null ? null : supplierOf.get(num(r.supplier_id))!,
      notes: str(r.notes),
      ...stamps(r),
    }));
}

function materialUnits(t: Tx): MaterialUnitRecord[] {
  return t
    .all<Row>('SELECT u.*, m.slug AS material_slug, m.base_measure FROM material_units u JOIN materials m ON m.id = u.material_id ORDER BY u.slug')
    .map((r) => ({
      slug: str(r.slug),
      material: str(r.material_slug),
      name: str(r.name),
      quantity: num(r.quantity),
      unit: measureBaseUnit(r.base_measure as BaseMeasure),
      notes: str(r.notes),
      ...stamps(r),
    }));
}

function materialLotFigures(r: Row, key: string): LotFigures {
  return {
    key,
    quantity: num(r.quantity_initial),
    remaining: num(r.quantity_remaining),
    unit: measureBaseUnit(r.base_measure as BaseMeasure),
    unit_cost: opt<number>(r.unit_cost),
    location: str(r.location),
    notes: str(r.notes),
    ...stamps(r),
  };
}

function materialPantry(t: Tx, supplierOf: Map<number, string>): { materialPurchases: MaterialPurchaseRecord[]; materialLots: MaterialLotRecord[] } {
  const keyOf = materialLotKeys(t.db, t);
  const materialPurchases = t
    .all<Row>(
      `SELECT l.id AS lot_id, pu.supplier_id, pu.purchased_on, pu.packages, pu.price_per_package, pu.notes, pu.created_at AS purchase_created_at,
              pu.updated_at AS purchase_updated_at, p.slug AS product_slug, m.base_measure,
              l.quantity_initial, l.quantity_remaining, l.unit_cost, l.location, l.notes AS lot_notes, l.created_at, l.updated_at
       FROM material_purchases pu JOIN material_products p ON p.id = pu.material_product_id JOIN materials m ON m.id = p.material_id
       JOIN material_lots l ON l.material_purchase_id = pu.id
       ORDER BY l.purchased_on, l.id`,
    )
    .map((r): MaterialPurchaseRecord => ({
      material_product: str(r.product_slug),
      supplier: r.supplier_id === null ? null : supplierOf.get(num(r.supplier_id))!,
      date: str(r.purchased_on),
      packages: num(r.packages),
      price_per_package: num(r.price_per_package),
      notes: str(r.notes),
      created_at: str(r.purchase_created_at),
      updated_at: str(r.purchase_updated_at),
      lot: materialLotFigures({ ...r, notes: r.lot_notes }, keyOf.get(num(r.lot_id))!),
    }));
  const materialLots = t
    .all<Row>(
      `SELECT l.*, p.slug AS product_slug, m.base_measure FROM material_lots l JOIN material_products p ON p.id = l.material_product_id
       JOIN materials m ON m.id = p.material_id WHERE l.material_purchase_id IS NULL ORDER BY l.purchased_on, l.id`,
    )
    .map((r): MaterialLotRecord => {
      const { key, ...figures } = materialLotFigures(r, keyOf.get(num(r.id))!);
      return { key, material_product: str(r.product_slug), date: str(r.purchased_on), ...figures };
    });
  return { materialPurchases, materialLots };
}

function recipes(t: Tx): RecipeRecord[] {
  const slugOf = slugs(t, 'recipes');
  const ingredientOf = slugs(t, 'ingredients');
  const lines = new Map<number, RecipeRecord['ingredients']>();
  for (const l of t.all<Row>('SELECT * FROM recipe_ingredients ORDER BY recipe_id, position, id')) {
    const list = lines.get(num(l.recipe_id)) ?? [];
    list.push({ ingredient: ingredientOf.get(num(l.ingredient_id))!, quantity: num(l.quantity), unit: str(l.unit), notes: str(l.notes) });
    lines.set(num(l.recipe_id), list);
  }
  const subs = new Map<number, RecipeRecord['sub_recipes']>();
  for (const s of t.all<Row>('SELECT * FROM recipe_components ORDER BY recipe_id, position, id')) {
    const list = subs.get(num(s.recipe_id)) ?? [];
    list.push({ recipe: slugOf.get(num(s.sub_recipe_id))!, batches: num(s.batch_multiplier) });
    subs.set(num(s.recipe_id), list);
  }
  return t.all<Row>('SELECT * FROM recipes ORDER BY slug').map((r) => ({
    slug: str(r.slug),
    name: str(r.name),
    category: str(r.category),
    source: str(r.source),
    notes: str(r.notes),
    archived: bool(r.archived),
    base_recipe: r.base_recipe_id === null ? null : slugOf.get(num(r.base_recipe_id))!,
    variant_name: opt<string>(r.variant_name),
    ingredients: lines.get(num(r.id)) ?? [],
    sub_recipes: subs.get(num(r.id)) ?? [],
    ...stamps(r),
  }));
}

function finishedUnits(t: Tx): FinishedUnitRecord[] {
  return t
    .all<Row>('SELECT fu.*, r.slug AS recipe_slug FROM finished_units fu JOIN recipes r ON r.id = fu.recipe_id ORDER BY fu.slug')
    .map((r) => ({
      slug: str(r.slug),
      name: str(r.name),
      recipe: str(r.recipe_slug),
      yield_mode: r.yield_mode as FinishedUnitRecord['yield_mode'],
      items_per_batch: opt<number>(r.items_per_batch),
      portion_percent: opt<number>(r.portion_percent),
      notes: str(r.notes),
      archived: bool(r.archived),
      ...stamps(r),
    }));
}

function finishedGoods(t: Tx): FinishedGoodRecord[] {
  const goodOf = slugs(t, 'finished_goods');
  const unitOf = slugs(t, 'finished_units');
  const materialUnitOf = slugs(t, 'material_units');
  const materialProductOf = slugs(t, 'material_products');
  const lines = new Map<number, CompositionRecord[]>();
  for (const c of t.all<Row>('SELECT * FROM compositions ORDER BY finished_good_id, position, id')) {
    const list = lines.get(num(c.finished_good_id)) ?? [];
    const quantity = num(c.quantity);
    if (c.finished_unit_id !== null) list.push({ finished_unit: unitOf.get(num(c.finished_unit_id))!, quantity });
    else if (c.component_good_id !== null) list.push({ finished_good: goodOf.get(num(c.component_good_id))!, quantity });
    else {
      list.push({
        material_unit: materialUnitOf.get(num(c.material_unit_id))!,
        material_product: c.material_product_id === null ? null : materialProductOf.get(num(c.material_product_id))!,
        quantity,
      });
    }
    lines.set(num(c.finished_good_id), list);
  }
  return t.all<Row>('SELECT * FROM finished_goods ORDER BY slug').map((r) => ({
    slug: str(r.slug),
    name: str(r.name),
    notes: str(r.notes),
    archived: bool(r.archived),
    composition: lines.get(num(r.id)) ?? [],
    ...stamps(r),
  }));
}

/** A section's records in pages: one page for most, a page of runs at a time for the runs. */
type SectionPages = { [K in SnapshotSection]?: Iterable<SnapshotFile[K]> };

/** The sections in the file's order, a group at a time: the pantry's two share their lots' keys and ledgers. */
const SECTION_GROUPS: readonly { sections: readonly SnapshotSection[]; build: (db: Database, t: Tx, supplierOf: Map<number, string>) => SectionPages }[] = [
  { sections: ['suppliers'], build: (_db, t) => ({ suppliers: [suppliers(t)] }) },
  { sections: ['ingredients'], build: (_db, t) => ({ ingredients: [ingredients(t)] }) },
  { sections: ['products'], build: (_db, t, supplierOf) => ({ products: [products(t, supplierOf)] }) },
  {
    sections: ['purchases', 'lots'],
    build: (_db, t, supplierOf) => pantry(t, supplierOf),
  },
  { sections: ['materials'], build: (_db, t) => ({ materials: [materials(t)] }) },
  { sections: ['material_products'], build: (_db, t, supplierOf) => ({ material_products: [materialProducts(t, supplierOf)] }) },
  { sections: ['material_units'], build: (_db, t) => ({ material_units: [materialUnits(t)] }) },
  {
    sections: ['material_purchases', 'material_lots'],
    build: (_db, t, supplierOf) => {
      const { materialPurchases, materialLots } = materialPantry(t, supplierOf);
      return { material_purchases: [materialPurchases], material_lots: [materialLots] };
    },
  },
  { sections: ['recipes'], build: (_db, t) => ({ recipes: [recipes(t)] }) },
  { sections: ['finished_units'], build: (_db, t) => ({ finished_units: [finishedUnits(t)] }) },
  { sections: ['finished_goods'], build: (_db, t) => ({ finished_goods: [finishedGoods(t)] }) },
  { sections: ['events'], build: (db, t) => ({ events: [exportEvents(db, t)] }) },
  // Generators: each page is built when the writer asks for it, after the one before was written.
  { sections: ['production_runs'], build: (db, t) => ({ production_runs: productionRunPages(db, t) }) },
  { sections: ['assembly_runs'], build: (db, t) => ({ assembly_runs: assemblyRunPages(db, t) }) },
  { sections: ['finished_unit_lots'], build: (db, t) => ({ finished_unit_lots: [exportFinishedLots(db, 'finished_unit', t)] }) },
  { sections: ['finished_good_lots'], build: (db, t) => ({ finished_good_lots: [exportFinishedLots(db, 'finished_good', t)] }) },
];

function header(db: Database, t: Tx, options: ExportOptions): SnapshotHeader {
  const settings = getSettings(db, t);
  return {
    format: SNAPSHOT_FORMAT,
    format_version: SNAPSHOT_FORMAT_VERSION,
    schema_version: schemaVersion(db),
    exported_at: options.exportedAt ?? t.now(),
    app_version: options.appVersion ?? APP_VERSION,
    settings: { currency: settings.currencyChosen ? settings.currency : null },
  };
}

/** The whole database as a snapshot document, every record at once (tests, small databases; a file is written by `writeSnapshot`). */
export function exportSnapshot(db: Database, options: ExportOptions = {}, tx?: Tx): SnapshotFile {
  return withTransaction(db, tx, (t) => {
    const supplierOf = slugs(t, 'suppliers');
    const file: Partial<SnapshotFile> = header(db, t, options);
    for (const group of SECTION_GROUPS) {
      const built = group.build(db, t, supplierOf);
      for (const key of group.sections) Object.assign(file, { [key]: [...built[key]!].flat() });
    }
    return file as SnapshotFile;
  });
}

/**
 * The whole database as a snapshot's text, handed to `write` in pieces that
 * join to exactly `snapshotText(exportSnapshot(…))`. One group of sections'
 * records is built at a time and let go once written, so a large database is
 * exported without its every record and its whole text in memory at once.
 * Returns how many records were written, by section.
 */
export function writeSnapshot(db: Database, write: (piece: string) => void, options: ExportOptions = {}, tx?: Tx): Record<SnapshotSection, number> {
  return withTransaction(db, tx, (t) => {
    const supplierOf = slugs(t, 'suppliers');
    const counts = {} as Record<SnapshotSection, number>;
    write(headerPiece(header(db, t, options)));
    for (const group of SECTION_GROUPS) {
      const built = group.build(db, t, supplierOf);
      for (const key of group.sections) {
        let count = 0;
        for (const piece of sectionPieces(key, built[key]!, (n) => (count += n))) write(piece);
        counts[key] = count;
        delete built[key];
      }
    }
    write(CLOSING_PIECE);
    return counts;
  });
}
