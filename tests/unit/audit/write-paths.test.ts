/*
 * One write path per table: every table of the schema gets its rows from one
 * source file, its area's `<thing>-rows.ts` (insertIngredientRow,
 * insertLotRow…), which services and importers alike call. A second file
 * with its own INSERT is how a new column ends up remembered in one place and
 * forgotten in the other.
 */
import { describe, expect, it } from 'vitest';
import { testDb } from '../../helpers/db';
import { read, rel, sourceFiles } from './source-files';

const INSERT = /\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO)\s+["`[]?([a-z_][a-z0-9_]*)/gi;

/** For each table, the files that insert rows into it, when more than one does. */
export function tablesWithSeveralWriters(files: string[], tables: readonly string[]): Record<string, string[]> {
  const writers = new Map<string, Set<string>>();
  for (const file of files) {
    for (const m of read(file).matchAll(INSERT)) {
      const table = m[1]!.toLowerCase();
      if (tables.includes(table)) writers.set(table, (writers.get(table) ?? new Set()).add(rel(file)));
    }
  }
  return Object.fromEntries([...writers].filter(([, w]) => w.size > 1).map(([table, w]) => [table, [...w].sort()]));
}

async function schemaTables(): Promise<string[]> {
  const db = await testDb();
  return db.engine.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").map((r) => r.name);
}

/** Migrations create tables and may move data between them; they are not a write path of the app. */
const appSources = () => sourceFiles('src').filter((f) => !rel(f).startsWith('src/db/migrations/'));

describe('audit: one write path per table', () => {
  it('every table is inserted into from one source file at most', async () => {
    expect(tablesWithSeveralWriters(appSources(), await schemaTables())).toEqual({});
  });

  it('the catalog, pantry, materials, recipes, goods and making tables are written by their rows modules', async () => {
    const tables = await schemaTables();
    const writerOf = (table: string) =>
      appSources()
        .filter((f) => [...read(f).matchAll(INSERT)].some((m) => m[1] === table))
        .map(rel);
    expect(tables.length).toBeGreaterThan(20);
    expect(writerOf('ingredients')).toEqual(['src/services/catalog/ingredient-rows.ts']);
    expect(writerOf('products')).toEqual(['src/services/catalog/product-rows.ts']);
    expect(writerOf('suppliers')).toEqual(['src/services/catalog/supplier-rows.ts']);
    expect(writerOf('purchases')).toEqual(['src/services/pantry/purchase-rows.ts']);
    expect(writerOf('lots')).toEqual(['src/services/pantry/lot-rows.ts']);
    expect(writerOf('lot_adjustments')).toEqual(['src/services/pantry/adjustment-rows.ts']);
    expect(writerOf('materials')).toEqual(['src/services/materials/material-rows.ts']);
    expect(writerOf('material_products')).toEqual(['src/services/materials/material-rows.ts']);
    expect(writerOf('material_units')).toEqual(['src/services/materials/material-rows.ts']);
    expect(writerOf('material_purchases')).toEqual(['src/services/materials/material-purchase-rows.ts']);
    expect(writerOf('material_lots')).toEqual(['src/services/materials/material-purchase-rows.ts']);
    for (const table of ['recipes', 'recipe_ingredients', 'recipe_components', 'finished_units']) {
      expect(writerOf(table)).toEqual(['src/services/recipes/recipe-rows.ts']);
    }
    expect(writerOf('finished_goods')).toEqual(['src/services/goods/good-rows.ts']);
    expect(writerOf('compositions')).toEqual(['src/services/goods/good-rows.ts']);
    for (const table of ['production_runs', 'production_consumptions', 'finished_unit_lots']) {
      expect(writerOf(table)).toEqual(['src/services/making/production-rows.ts']);
    }
    for (const table of ['assembly_runs', 'assembly_consumptions', 'finished_good_lots']) {
      expect(writerOf(table)).toEqual(['src/services/making/assembly-rows.ts']);
    }
    expect(writerOf('run_reversals')).toEqual(['src/services/making/reversal-rows.ts']);
  });

  it('catches a second file inserting lots (the audit can fail)', async () => {
    const files = [...appSources(), `${import.meta.dirname}/fixtures/second-lot-insert.ts.txt`];
    expect(tablesWithSeveralWriters(files, await schemaTables())).toEqual({
      lots: ['src/services/pantry/lot-rows.ts', 'tests/unit/audit/fixtures/second-lot-insert.ts.txt'],
    });
  });
});
