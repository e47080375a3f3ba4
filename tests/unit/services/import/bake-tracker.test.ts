import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInventoryItem } from '../../../../src/domain/bake-tracker-records';
import { importBakeTracker, importBakeTrackerText } from '../../../../src/services/import/bake-tracker/import';
import { searchIngredients } from '../../../../src/services/catalog/ingredient-search';
import { ingredientStock } from '../../../../src/services/pantry/stock';
import { count, testDb } from '../../../helpers/db';
import { caught } from '../bakery';

/** The real backup a home baker made with Bake Tracker (MIT, Kent Gale; see NOTICE), as shipped in the app. */
const FIXTURE_TEXT = readFileSync(join(import.meta.dirname, '../../../../src/services/sample/bake-tracker-sample.json'), 'utf8');
const fixture = () => JSON.parse(FIXTURE_TEXT) as Record<string, Record<string, unknown>[]>;
const TABLES = ['suppliers', 'ingredients', 'products', 'lots', 'materials', 'material_products', 'purchases'];
const counts = (db: Awaited<ReturnType<typeof testDb>>) => Object.fromEntries(TABLES.map((t) => [t, count(db, t)]));

describe('importing a real Bake Tracker 4.2 backup', () => {
  it('brings in 413 ingredients (127 with densities), 156 products, 156 lots, 6 suppliers, 21 materials, 26 material products, 20 recipes', async () => {
    const db = await testDb();
    const report = importBakeTracker(db, fixture());

    expect(report.ok).toBe(true);
    expect(report.written).toBe(true);
    expect(counts(db)).toEqual({ suppliers: 6, ingredients: 413, products: 156, lots: 156, materials: 21, material_products: 26, purchases: 0 });
    expect(db.engine.get<{ n: number }>('SELECT count(*) AS n FROM ingredients WHERE density_volume_qty IS NOT NULL')!.n).toBe(127);
    expect(report.counts.ingredient).toEqual({ created: 413, skipped: 0, rejected: 0 });
    expect(report.records.filter((r) => r.outcome === 'created')).toHaveLength(6 + 413 + 156 + 156 + 21 + 26 + 20);
    expect(report.notImported).toEqual([
      { section: 'recipients', count: 3 },
      { section: 'events', count: 1 },
    ]);
  });

  it('keeps the tree at three levels: "Almonds, whole" (a fourth level in the file) moves beside Almonds, which keeps its product', async () => {
    const db = await testDb();
    const report = importBakeTracker(db, fixture());
    const [almondsWhole] = searchIngredients(db, { query: 'Almonds, whole' });
    expect(almondsWhole).toMatchObject({ level: 2, path: ['Nuts & Seeds', 'Tree Nuts'], isLeaf: true });
    // Said by name, in words: the path in the file is only where to look.
    expect(report.warnings.filter((w) => w.kind === 'moved-up')).toEqual([
      { path: 'ingredients[409].parent_slug', kind: 'moved-up', label: 'Almonds, whole', message: 'It sat under Almonds, a fourth level; it now sits beside it, under Tree Nuts.' },
      { path: 'ingredients[410].parent_slug', kind: 'moved-up', label: 'Almonds, sliced', message: 'It sat under Almonds, a fourth level; it now sits beside it, under Tree Nuts.' },
      { path: 'ingredients[411].parent_slug', kind: 'moved-up', label: 'Pecans, halves', message: 'It sat under Pecans, a fourth level; it now sits beside it, under Tree Nuts.' },
      { path: 'ingredients[412].parent_slug', kind: 'moved-up', label: 'Pecans, chopped', message: 'It sat under Pecans, a fourth level; it now sits beside it, under Tree Nuts.' },
    ]);
    expect(db.engine.get<{ n: number }>("SELECT count(*) AS n FROM ingredients WHERE level > 2")!.n).toBe(0);
  });

  it('leads with what happened and what needs attention: 156 lots came without a price', async () => {
    const db = await testDb();
    const report = importBakeTracker(db, fixture());
    expect(report.summary).toBe('Imported 6 suppliers, 413 ingredients, 156 products, 156 pantry lots, 21 packaging materials, 26 packaging products and 20 recipes.');
    expect(report.attention).toEqual([{ kind: 'lots-without-price', count: 156 }]);
  });

  it('flour converts: the imported all-purpose flour (1 cup = 4.42 oz) shows its 25 lb lot as 90.5 cups', async () => {
    const db = await testDb();
    importBakeTracker(db, fixture());
    const [flour] = searchIngredients(db, { query: 'Flour, all-purpose' });
    const stock = ingredientStock(db, { ingredientId: flour!.id, unit: 'cup' });
    expect(stock.total).toBeCloseTo((25 * 16) / 4.42, 9);
    expect(stock.lots[0]).toMatchObject({ purchasedOn: '2025-12-21', unitCost: null, location: 'pantry' });
  });

  it('importing the same file twice creates nothing the second time: every record is skipped', async () => {
    const db = await testDb();
    importBakeTracker(db, fixture());
    const before = counts(db);
    const again = importBakeTracker(db, fixture());
    expect(again.ok).toBe(true);
    expect(again.records.every((r) => r.outcome === 'skipped')).toBe(true);
    expect(counts(db)).toEqual(before);
    // No "Imported 0 records" beside "44 changes made on the way in": nothing new, and nothing changed this time.
    expect(again.summary).toBe('Nothing new: everything in this file is already here (798 records).');
    expect([again.warnings, again.attention]).toEqual([[], []]);
  });

  it('a copy with a product in bushels is rejected at products[12].package_unit, its lot with it, and nothing is written', async () => {
    const db = await testDb();
    const data = fixture();
    const product = data.products![12]!;
    product.package_unit = 'bushel';
    const report = importBakeTracker(db, data);

    expect(report.ok).toBe(false);
    expect(report.written).toBe(false);
    const rejected = report.records.filter((r) => r.outcome === 'rejected');
    expect(rejected[0]).toMatchObject({ path: 'products[12].package_unit', entity: 'product', reason: '"bushel" is not a unit Bake Planner knows.' });
    // The inventory item of that product (Kirkland salted butter) is rejected too, pointing at its product.
    expect(rejected.slice(1).map((r) => [r.entity, r.reason])).toEqual([['lot', `Its product ${rejected[0]!.label} is refused too (see that product).`]]);
    expect(report.summary).toBe('Nothing was imported: 2 records in this file have a problem. Fix them in the file, then import it again.');
    expect(counts(db)).toEqual({ suppliers: 0, ingredients: 0, products: 0, lots: 0, materials: 0, material_products: 0, purchases: 0 });
  });

  it('an ingredient with half a density, a lot dated 2025-13-01 and a product of a missing ingredient are each rejected at their path', async () => {
    const db = await testDb();
    const data = fixture();
    const withDensity = data.ingredients!.findIndex((i) => i.density_volume_value !== undefined);
    delete data.ingredients![withDensity]!.density_weight_unit;
    data.inventory_items![3]!.purchase_date = '2025-13-01';
    data.products![0]!.ingredient_slug = 'unicorn_flour';
    const report = importBakeTracker(db, data);
    const paths = report.records.filter((r) => r.outcome === 'rejected').map((r) => r.path);
    expect(paths).toEqual(expect.arrayContaining([
      `ingredients[${withDensity}].density_weight_unit`,
      'inventory_items[3].purchase_date',
      'products[0].ingredient_slug',
    ]));
    expect(count(db, 'ingredients')).toBe(0);
  });

  it('a file that is not a Bake Tracker 4.x backup is refused as a whole, in plain words with the technical detail apart', async () => {
    const db = await testDb();
    expect(caught(() => importBakeTrackerText(db, 'not json')).code).toBe('IMPORT');
    const other = caught(() => importBakeTracker(db, { ...fixture(), application: 'other-app' }));
    expect([other.message, other.details]).toEqual([
      'This is not a Bake Tracker backup: it is a data file, but not one Bake Tracker saved. Nothing was imported.',
      { field: 'application', technical: '"application" is "other-app", not "bake-tracker".' },
    ]);
    const old = caught(() => importBakeTracker(db, { ...fixture(), version: '3.5' }));
    expect([old.message, old.details.field]).toEqual([
      'This backup is from Bake Tracker 3.5; only Bake Tracker 4 backups can be imported. Nothing was imported.',
      'version',
    ]);
    expect(count(db, 'ingredients')).toBe(0);
  });

  it('a backup cut short is "incomplete" in the message, the parser’s words are only the detail, and nothing is written', async () => {
    const db = await testDb();
    const err = caught(() => importBakeTrackerText(db, FIXTURE_TEXT.slice(0, 141_710)));
    expect(err.code).toBe('IMPORT');
    expect(err.message).toMatch(/^This file is incomplete: it ends part-way through/);
    expect(err.details).toMatchObject({ field: 'file', problem: 'incomplete', technical: expect.stringMatching(/JSON/) });
    expect(counts(db)).toEqual({ suppliers: 0, ingredients: 0, products: 0, lots: 0, materials: 0, material_products: 0, purchases: 0 });
  });

  it('a version of 10 MB is refused in a short message, not repeated into it', async () => {
    const db = await testDb();
    const error = caught(() => importBakeTracker(db, { ...fixture(), version: `4.${'1'.repeat(10_000_000)}` }));
    expect(error.message).toMatch(/^This backup is from Bake Tracker 4\.1+…; only Bake Tracker 4 backups can be imported\. Nothing was imported\.$/);
    expect(error.message.length).toBeLessThan(120);
  });

  it('a unit cost of negative zero is read as 0, never kept as "-0"', () => {
    const item = { ...fixture().inventory_items![0], unit_cost: 1234.5 };
    const read = readInventoryItem(JSON.parse(JSON.stringify(item).replace('1234.5', '-0')), 'inventory_items[0]');
    expect(Object.is(read.unitCost, 0)).toBe(true);
  });
});
