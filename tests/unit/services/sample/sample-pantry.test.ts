import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/db/session';
import { ledgerAmount } from '../../../../src/domain/money';
import { searchIngredients } from '../../../../src/services/catalog/ingredient-search';
import { listRuns } from '../../../../src/services/making/runs';
import { undoRun } from '../../../../src/services/making/undo';
import { listAdjustments } from '../../../../src/services/pantry/adjustments';
import { planFifo } from '../../../../src/services/pantry/fifo';
import { priceHistory } from '../../../../src/services/pantry/price-history';
import { ingredientStock, pantryOverview } from '../../../../src/services/pantry/stock';
import { importBakeTracker } from '../../../../src/services/import/bake-tracker/import';
import { SAMPLE_NOTE, loadSample } from '../../../../src/services/sample/sample-pantry';
import { count, testDb } from '../../../helpers/db';

/** The real backup a home baker made with Bake Tracker (MIT, Kent Gale; see NOTICE), as shipped in the app. */
const FIXTURE_TEXT = readFileSync(join(import.meta.dirname, '../../../../src/services/sample/bake-tracker-sample.json'), 'utf8');
const fixture = () => JSON.parse(FIXTURE_TEXT) as Record<string, unknown>;
const OZ = 28.349523125;
const LB = 453.59237;

const ingredientId = (db: Database, name: string) => searchIngredients(db, { query: name })[0]!.id;

/** What is left per ingredient and dimension, in base units, summed over lots. */
function onHandBySlug(db: Database) {
  return db.engine.all<{ slug: string; dimension: string; left: number }>(
    `SELECT i.slug, l.dimension, round(sum(l.quantity_remaining), 6) AS left
     FROM lots l JOIN ingredients i ON i.id = l.ingredient_id GROUP BY i.slug, l.dimension HAVING sum(l.quantity_remaining) > 0 ORDER BY 1, 2`,
  );
}

describe('the built-in sample pantry', () => {
  it("records each of the backup's 156 items as a purchase at a sample price, plus 9 older purchases: every lot has a purchase and a cost", async () => {
    const db = await testDb();
    const { report, purchasesRecorded, summary } = loadSample(db, fixture());

    expect(report.ok).toBe(true);
    expect(report.counts.ingredient.created).toBe(413);
    expect(purchasesRecorded).toBe(156 + 9);
    expect(summary).toBe('Sample loaded: 413 ingredients, 171 purchases, 20 recipes with 24 yields, 3 goods and 1 event.');
    // Plus the sample bakery's first purchases of four ingredients the backup has none of (sample-bakery.test.ts).
    expect([count(db, 'purchases'), count(db, 'lots')]).toEqual([165 + 4, 165 + 4]);
    expect(db.engine.get<{ n: number }>('SELECT count(*) AS n FROM lots WHERE purchase_id IS NULL OR unit_cost IS NULL OR unit_cost <= 0')!.n).toBe(0);
    expect(pantryOverview(db).filter((r) => !r.valueComplete).map((r) => r.ingredient.name)).toEqual([]);
    // Every purchase says its price is a sample, not a receipt.
    expect(db.engine.get<{ n: number }>('SELECT count(*) AS n FROM purchases WHERE notes NOT LIKE ?', [`${SAMPLE_NOTE}%`])!.n).toBe(0);
  });

  it('holds exactly what the backup holds, as a plain import of it does, except two bottles corrected from 750 fl oz to 750 ml (and the bakery\'s four additions), once its first bake is undone', async () => {
    const sample = await testDb();
    loadSample(sample, fixture());
    // The sample event's bake drew its batch from the pantry (sample-event.test.ts); undone, every draw is back in its lot.
    undoRun(sample, { kind: 'assembly', id: listRuns(sample).find((r) => r.kind === 'assembly')!.id });
    undoRun(sample, { kind: 'production', id: listRuns(sample).find((r) => r.kind === 'production')!.id });
    const imported = await testDb();
    importBakeTracker(imported, fixture());

    const FL_OZ = 29.5735295625;
    const corrected = (rows: ReturnType<typeof onHandBySlug>) =>
      rows.map((r) => (['liqueur_blackcurrant', 'whiskey_irish'].includes(r.slug) ? { ...r, left: Math.round((r.left / FL_OZ) * 1e6) / 1e6 } : r));
    const bakeryAdditions = ['almonds_sliced', 'eggs_whole', 'pecans_chopped', 'sugar_sanding'];
    expect(onHandBySlug(imported).filter((r) => bakeryAdditions.includes(r.slug))).toEqual([]);
    expect(onHandBySlug(sample).filter((r) => !bakeryAdditions.includes(r.slug))).toEqual(corrected(onHandBySlug(imported)));
    expect(onHandBySlug(sample).length).toBeGreaterThan(100);
  });

  it('the Crème de cassis and Irish whiskey bottles are 750 ml (the backup says 750 fl oz, 22 litres), priced like the other 750 ml bottles', async () => {
    const db = await testDb();
    loadSample(db, fixture());
    const bottles = db.engine.all<{ slug: string; unit: string; qty: number; price: number }>(
      `SELECT i.slug, p.package_unit AS unit, p.package_quantity AS qty, pu.price_per_package AS price
       FROM products p JOIN ingredients i ON i.id = p.ingredient_id JOIN purchases pu ON pu.product_id = p.id
       WHERE i.slug IN ('liqueur_blackcurrant', 'whiskey_irish', 'amaretto') ORDER BY i.slug`,
    );
    expect(bottles.map((b) => [b.slug, b.qty, b.unit])).toEqual([
      ['amaretto', 750, 'ml'],
      ['liqueur_blackcurrant', 750, 'ml'],
      ['whiskey_irish', 750, 'ml'],
    ]);
    expect(bottles[1]!.price).toBe(bottles[0]!.price);
    expect(bottles[2]!.price).toBeLessThan(50);
  });

  it('a plain import of the same backup keeps every cost unknown: those are the truthful costs of a real file', async () => {
    const db = await testDb();
    importBakeTracker(db, fixture());
    expect(db.engine.get<{ n: number }>('SELECT count(*) AS n FROM lots WHERE unit_cost IS NULL AND purchase_id IS NULL')!.n).toBe(156);
  });

  it('48 cups of all-purpose flour (1 cup = 4.42 oz, so 13.26 lb) come from the 25 lb bag at 18.99: cost 13.26 x 18.99 / 25 = 10.07', async () => {
    const db = await testDb();
    loadSample(db, fixture());
    const plan = planFifo(db, { ingredientId: ingredientId(db, 'Flour, all-purpose'), quantity: 48, unit: 'cup' });

    expect(plan).toMatchObject({ enough: true, costComplete: true });
    expect(plan.draws.map((d) => d.purchasedOn)).toEqual(['2025-12-21']);
    expect(plan.draws[0]!.lotQuantity / LB).toBeCloseTo((48 * 4.42) / 16, 9);
    expect(plan.totalCost).toBe(ledgerAmount(((48 * 4.42) / 16) * (18.99 / 25)));
  });

  it('price history has a line of 2-3 points for 6 products: flour at 17.49, 18.29, then 18.99 for the backup bag', async () => {
    const db = await testDb();
    loadSample(db, fixture());
    const flour = ingredientId(db, 'Flour, all-purpose');

    expect(priceHistory(db, { ingredientId: flour }).map((h) => [h.date, h.pricePerPackage])).toEqual([
      ['2025-07-21', 17.49],
      ['2025-10-04', 18.29],
      ['2025-12-21', 18.99],
    ]);
    // Products bought on more than one day (twin bags bought the same day are not a price line).
    const repeated = db.engine.all<{ n: number }>(
      'SELECT count(DISTINCT purchased_on) AS n FROM purchases GROUP BY product_id HAVING count(DISTINCT purchased_on) > 1',
    );
    expect(repeated.map((r) => r.n).sort()).toEqual([2, 2, 2, 3, 3, 3]);
    // The older bags were used before the backup: only the backup's own bag holds flour, less the 3.25 cups
    // (at 4.42 oz a cup, 0.8978125 lb) the sample's batch of pecan trees drew from it.
    const left = 25 - (3.25 * 4.42) / 16;
    const stock = ingredientStock(db, { ingredientId: flour });
    expect(stock.lots.map((l) => [l.purchasedOn, l.quantityRemaining])).toEqual([
      ['2025-07-21', 0],
      ['2025-10-04', 0],
      ['2025-12-21', expect.closeTo(left, 9)],
    ]);
    expect(stock.value).toBeCloseTo(left * (18.99 / 25), 9);
  });

  it('a partly used package (1.6 oz of an 8 oz bag of toffee bits) was bought whole; the 6.4 oz used before the backup is an adjustment at its cost', async () => {
    const db = await testDb();
    loadSample(db, fixture());
    const toffee = ingredientStock(db, { ingredientId: ingredientId(db, 'Toffee bits'), unit: 'oz' });
    const bagPrice = db.engine.get<{ p: number }>(
      "SELECT price_per_package AS p FROM purchases pu JOIN products p ON p.id = pu.product_id WHERE p.brand = 'Heathbar' LIMIT 1",
    )!.p;

    expect(toffee.lots.map((l) => [l.quantityInitial, l.quantityRemaining])).toEqual([
      [8, 8],
      [8, expect.closeTo(1.6, 9)],
    ]);
    expect(toffee.total).toBeCloseTo(9.6, 9);
    expect(toffee.value).toBeCloseTo(9.6 * (bagPrice / 8), 9);
    const [used] = listAdjustments(db, { lotId: toffee.lots[1]!.id });
    expect(used).toMatchObject({ reason: 'used_outside_app', adjustedOn: '2026-01-07' });
    expect(used!.quantityDelta / OZ).toBeCloseTo(-6.4, 9);
    expect(used!.cost).toBe(ledgerAmount(6.4 * (bagPrice / 8)));
  });

  it('loading the sample again changes nothing', async () => {
    const db = await testDb();
    loadSample(db, fixture());
    const tables = ['ingredients', 'products', 'purchases', 'lots', 'lot_adjustments', 'recipes', 'finished_units', 'finished_goods', 'compositions', 'materials', 'material_units', 'material_lots'];
    const before = tables.map((t) => count(db, t));
    const again = loadSample(db, fixture());
    expect([again.purchasesRecorded, again.summary]).toEqual([0, 'The sample is already here: your pantry holds its ingredients and lots, so nothing was added.']);
    expect(tables.map((t) => count(db, t))).toEqual(before);
  });

  it('after a plain import of the same backup, the sample adds none of its pantry: it never doubles a pantry', async () => {
    const db = await testDb();
    importBakeTracker(db, fixture());
    const again = loadSample(db, fixture());
    expect(again.purchasesRecorded).toBe(0);
    // Said as it is, not "Sample loaded: 0 ingredients, 0 purchases": only the bakery and its event are new.
    expect(again.summary).toBe('Sample loaded: 6 purchases, 24 yields, 3 goods and 1 event.');
    // Only the bakery's first purchases of the four ingredients the backup has no stock of.
    expect([count(db, 'lots'), count(db, 'purchases')]).toEqual([156 + 4, 4]);
  });
});
