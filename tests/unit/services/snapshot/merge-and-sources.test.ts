/*
 * A snapshot merged into a database that holds some of its records, a
 * Bake Tracker backup given to the snapshot importer, and an older format
 * migrated forward.
 */
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FORMAT_VERSION } from '../../../../src/domain/snapshot-format';
import { migrateSnapshot, SNAPSHOT_MIGRATIONS } from '../../../../src/domain/snapshot-migrations';
import { findRecipeBySlug } from '../../../../src/services/recipes/recipe-rows';
import { getRecipe } from '../../../../src/services/recipes/recipes';
import { exportSnapshot } from '../../../../src/services/snapshot/export';
import { importSnapshot } from '../../../../src/services/snapshot/import';
import { count, testDb } from '../../../helpers/db';
import { SAMPLE_FILE, SLOW, contentOf, docExamples } from './snapshot-helpers';

const example = () => {
  const doc = structuredClone(docExamples()[0]) as Record<string, unknown>;
  delete doc.events;
  return doc;
};

describe('merge', SLOW, () => {
  it('skips (and reports) what is already there, creates the rest, and resolves references to the database by slug', async () => {
    const db = await testDb();
    const full = example() as { ingredients: unknown[]; products: { ingredient: string }[]; purchases: { product: string }[] } & Record<string, unknown>;
    // The database already holds the flour, its 25 lb bag and that bag's purchase.
    importSnapshot(db, { format: 'bake-planner-snapshot', format_version: 1, suppliers: full.suppliers, ingredients: [full.ingredients[0]], products: [full.products[0]], purchases: [full.purchases[0]] }, { mode: 'restore' });
    const report = importSnapshot(db, full, { mode: 'merge' });
    expect(report.ok && report.written).toBe(true);
    const skipped = report.records.filter((r) => r.outcome === 'skipped').map((r) => r.path);
    expect(skipped).toEqual(['suppliers[0]', 'ingredients[0]', 'products[0]', 'purchases[0]']);
    expect(report.counts.ingredient).toEqual({ created: 2, skipped: 1, rejected: 0 });
    // The 5 lb bag is created under the flour that was already there; the recipe's flour line points at it too.
    expect(count(db, 'ingredients')).toBe(3);
    expect(count(db, 'lots')).toBe(4);
    const recipe = getRecipe(db, findRecipeBySlug(db, 'sugar-cookies')!.id);
    expect(recipe.ingredientLines[0]!.ingredient.slug).toBe('flour');
    // Merging the same file again changes nothing: everything is there.
    const before = contentOf(db);
    const again = importSnapshot(db, full, { mode: 'merge' });
    expect(again.records.every((r) => r.outcome === 'skipped')).toBe(true);
    expect(contentOf(db)).toBe(before);
  });

  it('a dry run reports what a merge would do and writes nothing', async () => {
    const db = await testDb();
    const before = contentOf(db);
    const report = importSnapshot(db, example(), { mode: 'merge', dryRun: true });
    expect(report.ok).toBe(true);
    expect(report.written).toBe(false);
    expect(report.summary).toMatch(/^Dry run, nothing written/);
    expect(contentOf(db)).toBe(before);
  });

  it('a restore into a database that holds data is refused and changes nothing', async () => {
    const db = await testDb();
    importSnapshot(db, example(), { mode: 'restore' });
    const before = contentOf(db);
    expect(() => importSnapshot(db, example(), { mode: 'restore' })).toThrow(/already holds data/);
    expect(contentOf(db)).toBe(before);
  });
});

describe('a Bake Tracker backup given to the snapshot importer', SLOW, () => {
  it('is recognised by its header and imported by the Bake Tracker importer, with counts matching the file and what was not mapped', async () => {
    const db = await testDb();
    const report = importSnapshot(db, SAMPLE_FILE(), { mode: 'restore' });
    expect(report.ok && report.written).toBe(true);
    expect(report.source.application).toBe('bake-tracker');
    expect(report.counts.ingredient.created).toBe(413);
    expect(report.counts.product.created).toBe(156);
    expect(report.counts.lot.created).toBe(156);
    expect(report.counts.recipe.created).toBe(20);
    expect(count(db, 'recipe_ingredients')).toBe(224);
    expect(report.notImported.length).toBeGreaterThan(0);
    // ...and then it exports like anything else.
    expect(exportSnapshot(db).lots).toHaveLength(156);
  });

  it('in a dry run, reports the same and writes nothing', async () => {
    const db = await testDb();
    const report = importSnapshot(db, SAMPLE_FILE(), { mode: 'restore', dryRun: true });
    expect(report.ok).toBe(true);
    expect(report.written).toBe(false);
    expect(report.counts.ingredient.created).toBe(413);
    expect(count(db, 'ingredients')).toBe(0);
  });
});

describe('format versions', SLOW, () => {
  it('a format 0 file (recipe "lines", "batch_multiplier") is migrated forward and imports as format 1 would', async () => {
    const v1 = example() as { recipes: Record<string, unknown>[] } & Record<string, unknown>;
    const v0 = {
      ...v1,
      format_version: 0,
      recipes: v1.recipes.map(({ ingredients, sub_recipes: subs, ...r }) => ({
        ...r,
        lines: ingredients,
        sub_recipes: ((subs ?? []) as { recipe: string; batches: number }[]).map((s) => ({ recipe: s.recipe, batch_multiplier: s.batches })),
      })),
    };
    const a = await testDb();
    const b = await testDb();
    const report = importSnapshot(a, v0, { mode: 'restore' });
    expect(report.ok).toBe(true);
    expect(report.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^Migrated forward: format 0 -> 1/)]);
    importSnapshot(b, v1, { mode: 'restore' });
    expect(contentOf(a)).toBe(contentOf(b));
  });

  it('every version below the current one has a step, and a step returns a new document', () => {
    expect(SNAPSHOT_MIGRATIONS.map((m) => m.from)).toEqual([...Array(SNAPSHOT_FORMAT_VERSION).keys()]);
    const doc = { format_version: 0, recipes: [{ name: 'x', lines: [] }] };
    const { doc: migrated } = migrateSnapshot(doc, 0);
    expect(migrated).toEqual({ format_version: 1, recipes: [{ name: 'x', ingredients: [] }] });
    expect(doc).toEqual({ format_version: 0, recipes: [{ name: 'x', lines: [] }] });
  });
});
