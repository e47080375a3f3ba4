/**
 * The built-in sample: the real Bake Tracker catalog and pantry (see NOTICE)
 * plus a handful of priced purchases, so a newcomer sees costs, price
 * history lines and an emptied lot. Purchases are fixed and dated relative to
 * the backup's own date, so every load gives the same pantry. Older purchases
 * of a product were used up before the backup was made: an adjustment
 * ("used outside the app") empties them, which is what a baker would record.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { addDays } from '../../domain/dates';
import type { ImportReport } from '../../domain/import-report';
import { AppError } from '../../errors';
import { adjustLot } from '../pantry/adjustments';
import { recordPurchase } from '../pantry/purchases';
import { importBakeTracker } from './bake-tracker-import';

/** The date the sample backup was written: purchases are placed around it. */
export const SAMPLE_DATE = '2026-01-07';
const SAMPLE_NOTE = 'Sample purchase';

interface SamplePurchase {
  ingredient: string;
  brand: string;
  packageQuantity: number;
  packageUnit: string;
  supplier: string;
  /** Days before SAMPLE_DATE, packages, price per package; oldest first. */
  buys: [daysBefore: number, packages: number, price: number][];
}

const SAMPLE_PURCHASES: SamplePurchase[] = [
  { ingredient: 'flour_all_purpose', brand: 'King Arthur', packageQuantity: 25, packageUnit: 'lb', supplier: 'wegmans_burlington_ma', buys: [[170, 1, 17.49], [95, 1, 18.29], [10, 2, 18.99]] },
  { ingredient: 'sugar_granulated', brand: 'Domino', packageQuantity: 4, packageUnit: 'lb', supplier: 'wegmans_burlington_ma', buys: [[120, 2, 3.79], [45, 2, 3.99], [8, 1, 4.29]] },
  { ingredient: 'butter_unsalted', brand: 'Costco', packageQuantity: 1, packageUnit: 'lb', supplier: 'costco_waltham_ma', buys: [[100, 4, 4.49], [40, 4, 4.79], [6, 4, 4.99]] },
  { ingredient: 'chocolate_chips_semi_sweet', brand: 'Nestle', packageQuantity: 72, packageUnit: 'oz', supplier: 'costco_waltham_ma', buys: [[80, 1, 15.99], [5, 1, 16.49]] },
  { ingredient: 'vanilla_extract', brand: 'Costco', packageQuantity: 16, packageUnit: 'fl oz', supplier: 'costco_waltham_ma', buys: [[200, 1, 32.99], [12, 1, 35.99]] },
  { ingredient: 'cocoa_powder_dutch_processed', brand: 'Penzeys', packageQuantity: 12.8, packageUnit: 'oz', supplier: 'penzeys_spices_arlington_ma', buys: [[60, 1, 12.95], [9, 1, 13.45]] },
];

export interface SampleLoadResult {
  report: ImportReport;
  purchasesRecorded: number;
}

function recordSamplePurchases(db: Database, tx: Tx): number {
  let recorded = 0;
  for (const s of SAMPLE_PURCHASES) {
    const product = tx.get<{ id: number }>(
      `SELECT p.id FROM products p JOIN ingredients i ON i.id = p.ingredient_id
       WHERE i.slug = ? AND p.brand = ? AND p.package_quantity = ? AND p.package_unit = ?`,
      [s.ingredient, s.brand, s.packageQuantity, s.packageUnit],
    );
    if (!product) throw new AppError('IMPORT', `The sample has no ${s.brand} ${s.packageQuantity} ${s.packageUnit} product of ${s.ingredient}.`);
    const supplier = tx.get<{ id: number }>('SELECT id FROM suppliers WHERE slug = ?', [s.supplier]);
    s.buys.forEach(([daysBefore, packages, price], i) => {
      const { lot } = recordPurchase(
        db,
        { productId: product.id, supplierId: supplier?.id ?? null, purchasedOn: addDays(SAMPLE_DATE, -daysBefore), packages, pricePerPackage: price, notes: SAMPLE_NOTE, location: 'pantry' },
        tx,
      );
      recorded++;
      const next = s.buys[i + 1];
      if (next) {
        adjustLot(
          db,
          { lotId: lot.id, quantity: lot.quantityInitial, unit: lot.unit, reason: 'used_outside_app', adjustedOn: addDays(SAMPLE_DATE, -next[0] - 1) },
          tx,
        );
      }
    });
  }
  return recorded;
}

/**
 * Loads the sample file's contents (passed in: the worker reads the JSON
 * lazily) and records the sample purchases, all in one transaction. Loading
 * it again changes nothing.
 */
export function loadSample(db: Database, data: unknown, tx?: Tx): SampleLoadResult {
  return withTransaction(db, tx, (t) => {
    const report = importBakeTracker(db, data, t);
    if (!report.ok) throw new AppError('IMPORT', `The built-in sample could not be loaded: ${report.summary}`, { report });
    const already = t.get('SELECT 1 AS x FROM purchases WHERE notes = ? LIMIT 1', [SAMPLE_NOTE]) !== undefined;
    return { report, purchasesRecorded: already ? 0 : recordSamplePurchases(db, t) };
  });
}
