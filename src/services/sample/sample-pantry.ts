/**
 * The built-in sample: the real Bake Tracker catalog and pantry (see NOTICE),
 * every lot of it recorded as a purchase at a SAMPLE PRICE (src/domain/sample-prices.ts;
 * the backup has no costs), so a newcomer's FIFO draws and pantry values have
 * costs. A few products also get one or two older purchases at other prices,
 * used up before the backup was made (an adjustment "used outside the app"
 * empties each, as a baker would record it), so their price history has 2-3
 * points. A backup item holding less than its package was bought whole; the
 * missing part is likewise an adjustment dated the backup's day. Everything
 * is fixed, so every load gives the same pantry; loading it again changes
 * nothing. A real Bake Tracker import keeps its unknown costs. Two obvious
 * unit slips of the backup (750 fl oz bottles of liqueur and whiskey, that is
 * 22 litres each) are loaded as the 750 ml bottles they are; see NOTICE.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { addDays } from '../../domain/dates';
import type { BtInventoryItem } from '../../domain/bake-tracker-records';
import { ImportReportBuilder, type ImportReport } from '../../domain/import-report';
import { isRejected } from '../../domain/import-plan';
import { requireUnit, toBase } from '../../domain/units';
import { AppError } from '../../errors';
import { adjustLot } from '../pantry/adjustments';
import { recordPurchase } from '../pantry/purchases';
import { importBakeTracker, planBakeTrackerImport } from '../import/bake-tracker/import';
import { SAMPLE_NOTE, samplePackagePrice } from '../../domain/sample-prices';
import { loadSampleBakery, type SampleBakeryResult } from './sample-bakery';
import { loadSampleEvent } from './sample-event';

/** The day the sample backup was written: the leftover of a partly used package is counted then. */
export const SAMPLE_DATE = '2026-01-07';
export { SAMPLE_NOTE };

interface PriceHistory {
  ingredient: string;
  brand: string;
  packageQuantity: number;
  packageUnit: string;
  /** Price per package of the backup's own lot. */
  price: number;
  /** Older purchases, oldest first: days before the backup's lot was bought, packages, price per package. */
  earlier: [daysBefore: number, packages: number, price: number][];
}

const PRICE_HISTORY: PriceHistory[] = [
  { ingredient: 'flour_all_purpose', brand: 'King Arthur', packageQuantity: 25, packageUnit: 'lb', price: 18.99, earlier: [[153, 1, 17.49], [78, 1, 18.29]] },
  { ingredient: 'sugar_granulated', brand: 'Domino', packageQuantity: 4, packageUnit: 'lb', price: 4.29, earlier: [[103, 2, 3.79], [28, 2, 3.99]] },
  { ingredient: 'butter_unsalted', brand: 'Costco', packageQuantity: 1, packageUnit: 'lb', price: 4.99, earlier: [[83, 4, 4.49], [23, 4, 4.79]] },
  { ingredient: 'chocolate_chips_semi_sweet', brand: 'Nestle', packageQuantity: 10, packageUnit: 'oz', price: 4.49, earlier: [[63, 2, 3.99]] },
  { ingredient: 'vanilla_extract', brand: 'Costco', packageQuantity: 16, packageUnit: 'fl oz', price: 35.99, earlier: [[183, 1, 32.99]] },
  { ingredient: 'cocoa_powder_dutch_processed', brand: 'Penzeys', packageQuantity: 12.8, packageUnit: 'oz', price: 13.45, earlier: [[43, 1, 12.95]] },
];

interface ProductFacts {
  id: number;
  ingredient_slug: string;
  /** Name of the ingredient's top-level category ("Flours & Starches"). */
  category: string;
  brand: string;
  package_quantity: number;
  package_unit: string;
  supplier_id: number | null;
}

/** Ingredients whose 750 "fl oz" bottle in the backup is a 750 ml bottle (a real import keeps the file as it is). */
const BOTTLES_SLIPPED_TO_FL_OZ = ['liqueur_blackcurrant', 'whiskey_irish'];

/**
 * The sample file with its unit slips corrected in products and inventory
 * items alike, so they still match each other. A bottle a real import of the
 * same backup already holds in fl oz is left so, or the sample would add a
 * second bottle next to it.
 */
function withUnitSlipsCorrected(tx: Tx, file: Record<string, unknown>): Record<string, unknown> {
  const imported = new Set(
    tx
      .all<{ slug: string }>(
        `SELECT i.slug FROM products p JOIN ingredients i ON i.id = p.ingredient_id WHERE p.package_unit = 'fl oz' AND p.package_quantity = 750`,
      )
      .map((r) => r.slug),
  );
  const slipped = new Set(BOTTLES_SLIPPED_TO_FL_OZ.filter((slug) => !imported.has(slug)));
  const fix = (list: unknown) =>
    Array.isArray(list)
      ? list.map((record: unknown) => {
          if (typeof record !== 'object' || record === null) return record;
          const r = record as Record<string, unknown>;
          const isSlip = slipped.has(String(r.ingredient_slug)) && r.package_unit === 'fl oz' && r.package_unit_quantity === 750;
          return isSlip ? { ...r, package_unit: 'ml' } : r;
        })
      : list;
  return { ...file, products: fix(file.products), inventory_items: fix(file.inventory_items) };
}

export interface SampleLoadResult {
  report: ImportReport;
  /** Purchases of the backup's pantry (and their older prices). */
  purchasesRecorded: number;
  /** Finished units, goods and packaging added on top (sample-bakery.ts). */
  bakery: SampleBakeryResult;
  /** The sample event with its plan, first bake and bags (sample-event.ts). */
  events: number;
  /** What loading did, in the baker's words: never "0 ingredients, 0 purchases". */
  summary: string;
}

function sampleSummary(added: { ingredients: number; purchases: number; recipes: number; yields: number; goods: number; events: number }): string {
  const count = (n: number, one: string, many: string) => (n > 0 ? `${n.toLocaleString('en-US')} ${n === 1 ? one : many}` : '');
  const recipes = count(added.recipes, 'recipe', 'recipes');
  const yields = count(added.yields, 'yield', 'yields');
  const parts = [
    count(added.ingredients, 'ingredient', 'ingredients'),
    count(added.purchases, 'purchase', 'purchases'),
    recipes && yields ? `${recipes} with ${yields}` : recipes || yields,
    count(added.goods, 'good', 'goods'),
    count(added.events, 'event', 'events'),
  ].filter(Boolean);
  if (parts.length === 0) return 'The sample is already here: your pantry holds its ingredients and lots, so nothing was added.';
  return `Sample loaded: ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`}.`;
}

function productFacts(tx: Tx): Map<number, ProductFacts> {
  const rows = tx.all<ProductFacts>(
    `SELECT p.id, i.slug AS ingredient_slug, coalesce(top.name, parent.name, i.name) AS category, p.brand,
            p.package_quantity, p.package_unit, p.supplier_id
     FROM products p JOIN ingredients i ON i.id = p.ingredient_id
     LEFT JOIN ingredients parent ON parent.id = i.parent_id
     LEFT JOIN ingredients top ON top.id = parent.parent_id`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

function historyOf(p: ProductFacts): PriceHistory | undefined {
  return PRICE_HISTORY.find(
    (h) => h.ingredient === p.ingredient_slug && h.brand === p.brand && h.packageQuantity === p.package_quantity && h.packageUnit === p.package_unit,
  );
}

/**
 * Buys one backup item at its sample price, after its product's older
 * purchases when `withEarlier` (once per product); returns the purchases recorded.
 */
function buyItem(db: Database, tx: Tx, item: BtInventoryItem, product: ProductFacts, withEarlier: boolean): number {
  const history = historyOf(product);
  const buy = (purchasedOn: string, packages: number, pricePerPackage: number, notes: string) =>
    recordPurchase(
      db,
      { productId: product.id, supplierId: product.supplier_id, purchasedOn, packages, pricePerPackage, notes, location: item.location, expiresOn: item.expiresOn },
      tx,
    ).lot;
  const earlier = withEarlier ? (history?.earlier ?? []) : [];
  earlier.forEach(([daysBefore, packages, price], i) => {
    const lot = buy(addDays(item.purchasedOn, -daysBefore), packages, price, SAMPLE_NOTE);
    const nextBought = addDays(item.purchasedOn, -(earlier[i + 1]?.[0] ?? 0));
    adjustLot(db, { lotId: lot.id, quantity: lot.quantityInitial, unit: lot.unit, reason: 'used_outside_app', adjustedOn: addDays(nextBought, -1) }, tx);
  });

  const packageUnit = requireUnit(product.package_unit);
  const left = toBase(item.quantity, item.packageUnit);
  const packages = Math.max(1, Math.ceil(left / toBase(product.package_quantity, packageUnit) - 1e-9));
  const price = history?.price ?? samplePackagePrice(product.ingredient_slug, product.category, product.package_quantity, packageUnit);
  const lot = buy(item.purchasedOn, packages, price, item.notes ? `${SAMPLE_NOTE}. ${item.notes}` : SAMPLE_NOTE);
  const usedBefore = lot.quantityInitial - left;
  if (usedBefore > lot.quantityInitial * 1e-9) {
    adjustLot(db, { lotId: lot.id, quantity: usedBefore, unit: lot.unit, reason: 'used_outside_app', adjustedOn: SAMPLE_DATE }, tx);
  }
  return earlier.length + 1;
}

/**
 * Records the backup's inventory as sample purchases. Items are matched to
 * their products by the importer's own planner; an item already in the
 * pantry as a lot (a real import of the same backup) is left alone.
 */
function recordSamplePurchases(db: Database, file: Record<string, unknown>, tx: Tx): number {
  const plan = planBakeTrackerImport(db, { products: file.products, inventory_items: file.inventory_items }, new ImportReportBuilder(), tx);
  const products = productFacts(tx);
  const bought = new Set<number>();
  let recorded = 0;
  for (const lot of plan.lots.items) {
    const productId = lot.product && !isRejected(lot.product.result) ? lot.product.result.id : null;
    const product = productId === null ? undefined : products.get(productId);
    if (isRejected(lot.result) || !lot.record || !product) {
      throw new AppError('IMPORT', `The sample's ${lot.path} (${lot.label}) matches no product of its catalog.`);
    }
    if (lot.result.outcome === 'skipped') continue;
    recorded += buyItem(db, tx, lot.record, product, !bought.has(product.id));
    bought.add(product.id);
  }
  return recorded;
}

/**
 * Loads the sample file's contents (passed in: the worker reads the JSON
 * lazily): its catalog and recipes through the Bake Tracker importer, then
 * its inventory as priced purchases, then the sample bakery (finished units,
 * packaging and gift boxes), all in one transaction. Loading it again changes
 * nothing.
 */
export function loadSample(db: Database, data: unknown, tx?: Tx): SampleLoadResult {
  return withTransaction(db, tx, (t) => {
    const file = withUnitSlipsCorrected(t, typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {});
    // The inventory becomes purchases below, so the importer brings the catalog only.
    const report = importBakeTracker(db, { ...file, inventory_items: [] }, t);
    if (!report.ok) throw new AppError('IMPORT', `The built-in sample could not be loaded: ${report.summary}`, { report });
    const loaded = t.get('SELECT 1 AS x FROM purchases WHERE substr(notes, 1, ?) = ? LIMIT 1', [SAMPLE_NOTE.length, SAMPLE_NOTE]) !== undefined;
    const purchasesRecorded = loaded ? 0 : recordSamplePurchases(db, file, t);
    const bakery = loadSampleBakery(db, t);
    const { events } = loadSampleEvent(db, t);
    // Packaging purchases count with the pantry's: both are what the baker bought.
    const summary = sampleSummary({
      ingredients: report.counts.ingredient.created,
      purchases: purchasesRecorded + bakery.materialPurchases,
      recipes: report.counts.recipe.created,
      yields: bakery.finishedUnits,
      goods: bakery.goods,
      events,
    });
    return { report, purchasesRecorded, bakery, events, summary };
  });
}
