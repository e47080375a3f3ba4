/**
 * Every importer of JSON files from elsewhere, as the hostile-file tests
 * (hostile-files.test.ts) drive it. Each entry says how to make a small valid
 * file, where in it a name, a note, a quantity and a date are, how to import
 * text, and how the command line imports a file. The tests then put markup,
 * prototype keys, deep nesting, huge strings and bad numbers into those
 * places and check each is refused without a change (or, for markup, kept
 * as text).
 *
 * A new importer (the JSON snapshot of issue 13) adds one entry to
 * `IMPORTERS`; every hostile file is then tried against it.
 */
import type { Database } from '../../../src/db/session';
import { FILE_KINDS, type FileKind } from '../../../src/domain/file-limits';
import { AppError } from '../../../src/errors';
import { importBakeTrackerText } from '../../../src/services/import/bake-tracker/import';

/** A place in a file: keys and indexes from the top. */
export type Path = readonly (string | number)[];

/** What the baker is told, and whether anything was written. */
export interface ImportOutcome {
  written: boolean;
  /** The refusal's message, or each rejected record as `path: reason`. */
  message: string;
}

export interface ImporterUnderTest {
  name: string;
  kind: FileKind;
  /** A small file this importer takes as it is (parsed). */
  sample(): Record<string, unknown>;
  at: {
    /** Names a screen shows (ingredient, product, supplier…) that no other record refers to. */
    names: Path[];
    /** Notes or descriptions a screen shows. */
    notes: Path[];
    /** A quantity that must be a number above zero. */
    quantity: Path;
    /** A calendar date. */
    date: Path;
    /** A key of the top object holding a list of records. */
    records: string;
  };
  importText(db: Database, text: string): ImportOutcome;
  /** The command line's arguments that import `file` into `db`. */
  cli(db: string, file: string): string[];
}

/** Runs an import, turning a refusal (thrown or reported) into what the baker reads. */
function outcome(run: () => { ok: boolean; written: boolean; records: { outcome: string; path: string; reason?: string }[] }): ImportOutcome {
  try {
    const report = run();
    const rejected = report.records.filter((r) => r.outcome === 'rejected').map((r) => `${r.path}: ${r.reason}`);
    return { written: report.written, message: rejected.join('\n') };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { written: false, message: e.message };
  }
}

const bakeTracker: ImporterUnderTest = {
  name: 'Bake Tracker backup',
  kind: FILE_KINDS.bakeTrackerBackup,
  sample: () => ({
    version: '4.2',
    application: 'bake-tracker',
    suppliers: [{ id: 1, name: 'Mill Store', slug: 'mill_store', supplier_type: 'physical', city: 'Norwich', state: 'VT', notes: 'Open Sundays' }],
    ingredients: [
      { display_name: 'Flours', slug: 'flours', hierarchy_level: 0, description: 'All the flours' },
      { display_name: 'Rye flour', slug: 'rye_flour', hierarchy_level: 1, parent_slug: 'flours', description: 'Dark rye' },
    ],
    products: [
      { ingredient_slug: 'rye_flour', brand: 'Bob', product_name: 'Dark Rye', package_unit: 'lb', package_unit_quantity: 5, preferred_supplier_id: 1 },
    ],
    inventory_items: [
      {
        ingredient_slug: 'rye_flour',
        product_brand: 'Bob',
        product_name: 'Dark Rye',
        package_unit: 'lb',
        package_unit_quantity: 5,
        quantity: 5,
        purchase_date: '2026-01-10',
        notes: 'Top shelf',
        unit_cost: 1.2,
      },
    ],
    materials: [{ display_name: 'Gift box', slug: 'gift_box', category: 'Boxes', description: 'Kraft gift box' }],
    material_products: [{ material: 'Gift box', display_name: 'Kraft box 10 pack', default_unit: 'each', supplier: 'Mill Store', notes: 'Pack of 10' }],
    recipes: [
      {
        slug: 'rye_bread',
        name: 'Rye bread',
        notes: 'Bake hot, then low',
        ingredients: [{ ingredient_slug: 'rye_flour', quantity: 500, unit: 'g' }],
        finished_units: [{ display_name: 'Rye loaf', yield_mode: 'discrete_count', items_per_batch: 2, notes: 'Sliced' }],
      },
    ],
  }),
  at: {
    // Names no other record refers to (a product's name is how its lot finds it).
    names: [
      ['ingredients', 1, 'display_name'],
      ['suppliers', 0, 'name'],
      ['material_products', 0, 'display_name'],
      ['recipes', 0, 'name'],
      ['recipes', 0, 'finished_units', 0, 'display_name'],
    ],
    notes: [
      ['ingredients', 1, 'description'],
      ['inventory_items', 0, 'notes'],
      ['suppliers', 0, 'notes'],
      ['recipes', 0, 'notes'],
      ['recipes', 0, 'finished_units', 0, 'notes'],
    ],
    quantity: ['products', 0, 'package_unit_quantity'],
    date: ['inventory_items', 0, 'purchase_date'],
    records: 'ingredients',
  },
  importText: (db, text) => outcome(() => importBakeTrackerText(db, text)),
  cli: (db, file) => ['import-bake-tracker', db, file],
};

export const IMPORTERS: readonly ImporterUnderTest[] = [bakeTracker];
