/*
 * Bad files: each is refused with a sentence saying what is wrong and where,
 * and the database is exactly as before (compared by a full export).
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSnapshotText } from '../../../../src/domain/snapshot-text';
import { AppError } from '../../../../src/errors';
import { importSnapshot } from '../../../../src/services/snapshot/import';
import { SLOW, contentOf, demoBakery, docExamples } from './snapshot-helpers';

type Doc = Record<string, unknown> & { recipes: Record<string, unknown>[]; products: Record<string, unknown>[]; purchases: Record<string, unknown>[] };
/** The doc's example, with a supplier name the demo bakery does not have (it has a Costco of its own). */
const example = (): Doc => {
  const doc = structuredClone(docExamples()[0]) as Doc;
  doc.suppliers = [{ name: 'Costco Business Center', slug: 'costco' }];
  return doc;
};

/** `root` is among the problems; every other one is a record that refers to a refused one, and says so. */
function onlyCause(problems: string[], root: string): void {
  expect(problems).toContain(root);
  for (const p of problems.filter((p) => p !== root)) expect(p).toMatch(/has a problem of its own/);
}

/** Imports `text` into the demo bakery (merge), expecting a refusal; returns the error or the report's rejected lines. */
async function refused(input: string | ((doc: Doc) => void)): Promise<string[]> {
  const db = await demoBakery();
  const before = contentOf(db);
  let problems: string[] = [];
  try {
    let data: unknown;
    if (typeof input === 'string') data = parseSnapshotText(input);
    else {
      const doc = example();
      input(doc);
      data = doc;
    }
    // As the command line and the worker import: the parsed file is the import's to empty as it reads.
    const report = importSnapshot(db, data, { mode: 'merge', consume: true });
    expect(report.ok).toBe(false);
    expect(report.written).toBe(false);
    problems = report.records.filter((r) => r.outcome === 'rejected').map((r) => `${r.path}: ${r.reason}`);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    problems = [(e as AppError).message];
  }
  expect(contentOf(db)).toBe(before);
  return problems;
}

describe('a bad file changes nothing and says what is wrong, and where', SLOW, () => {
  it('truncated JSON', async () => {
    const text = JSON.stringify(example());
    expect(await refused(text.slice(0, text.length / 2))).toEqual([expect.stringMatching(/^This file is incomplete: it ends part-way through/)]);
  });

  it('not JSON at all, and an empty file', async () => {
    expect(await refused('flour,2,cups\nsugar,1,cup')).toEqual(["This is not a Bake Planner export or Bake Tracker backup: it holds text, but not a backup’s. Choose the .json file the app saved. Nothing was imported."]);
    expect(await refused('')).toEqual(['This file is empty. Choose a Bake Planner export or Bake Tracker backup (a .json file). Nothing was imported.']);
    expect(await refused('  \n')).toEqual(['This file is empty. Choose a Bake Planner export or Bake Tracker backup (a .json file). Nothing was imported.']);
  });

  it('valid JSON written to attack: a prototype key, 100,000 levels deep, a number past the largest', async () => {
    expect(await refused('{"format": "bake-planner-snapshot", "format_version": 1, "__proto__": {"polluted": true}}')).toEqual([expect.stringMatching(/^This file has a key named __proto__/)]);
    expect(await refused('['.repeat(100_000) + ']'.repeat(100_000))).toEqual([expect.stringMatching(/^This file is nested more than 64 levels deep/)]);
    expect(await refused('{"format": "bake-planner-snapshot", "format_version": 1, "settings": {"currency": 1e309}}')).toEqual([expect.stringMatching(/^The number "1e309" at settings\.currency is too large/)]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('5 MB of random bytes', async () => {
    expect(await refused(randomBytes(5_000_000).toString('latin1'))).toEqual([expect.stringMatching(/^This is not a Bake Planner export or Bake Tracker backup: it is not text at all/)]);
  });

  it('JSON that is not a snapshot: another format name, a list', async () => {
    expect(await refused((d) => (d.format = 'bake-planner-backup'))).toEqual([expect.stringMatching(/not a Bake Planner snapshot: its "format" is "bake-planner-backup"/)]);
    expect(await refused('[1, 2, 3]')).toEqual([expect.stringMatching(/a snapshot is a JSON object/)]);
  });

  it('a format version from the future', async () => {
    expect(await refused((d) => (d.format_version = 2))).toEqual([
      'This snapshot was written by a newer version of Bake Planner (format version 2); this app reads versions up to 1. Update Bake Planner to import it.',
    ]);
  });

  it('a dangling reference', async () => {
    onlyCause(await refused((d) => (d.products[0]!.ingredient = 'flowr')), 'products[0].ingredient: No ingredient "flowr" in this file or in the database.');
  });

  it('a negative or non-numeric quantity', async () => {
    expect(await refused((d) => (d.purchases[1]!.packages = -2))).toEqual(['purchases[1].packages: packages must be more than zero (found -2).']);
    expect(await refused((d) => (d.purchases[1]!.packages = '2'))).toEqual(['purchases[1].packages: "2" is not a number.']);
    onlyCause(
      await refused((d) => ((d.recipes[1]!.ingredients as Record<string, unknown>[])[0]!.quantity = -1)),
      'recipes[1].ingredients[0].quantity: quantity must be more than zero (found -1).',
    );
  });

  it('an unknown unit, named at its path', async () => {
    const problems = await refused((d) => ((d.recipes[0]!.ingredients as Record<string, unknown>[])[2]!.unit = 'cupz'));
    onlyCause(problems, 'recipes[0].ingredients[2].unit: "cupz" is not a unit (try g, kg, oz, lb, ml, l, tsp, tbsp, cup, each, dozen, cm, in).');
    expect(problems[1]).toBe('finished_units[0].recipe: The recipe "sugar-cookies" (recipes[0]) has a problem of its own: recipes[0].ingredients[2].unit.');
  });

  it('duplicate slugs', async () => {
    const problems = await refused((d) => (d.products[1]!.slug = 'flour-25lb'));
    expect(problems).toEqual([
      'products[1].slug: "flour-25lb" is used by two records: this one and products[0].',
      // The records that named it by its old slug find no product of that name.
      'purchases[1].product: No product "flour-5lb" in this file or in the database.',
    ]);
  });

  it('a recipe cycle, named', async () => {
    const problems = await refused((d) => (d.recipes[1]!.sub_recipes = [{ recipe: 'sugar-cookies', batches: 1 }]));
    const loops = [
      'recipes[0].sub_recipes[0].recipe: Sugar cookies -> Royal icing -> Sugar cookies: a recipe cannot contain itself, even through its sub-recipes.',
      'recipes[1].sub_recipes[0].recipe: Royal icing -> Sugar cookies -> Royal icing: a recipe cannot contain itself, even through its sub-recipes.',
    ];
    expect(problems.slice(0, 2)).toEqual(loops);
    for (const p of problems.slice(2)) expect(p).toMatch(/has a problem of its own/);
  });

  it('a computed figure that disagrees with what it follows from', async () => {
    expect(await refused((d) => (d.purchases[0]!.lot = { unit: 'lb', unit_cost: 0.4 }))).toEqual([
      'purchases[0].lot.unit_cost: The purchase costs 0.3796 per lb (price / package size), not 0.4.',
    ]);
    expect(await refused((d) => (d.purchases[0]!.lot = { unit: 'lb', quantity: 25, remaining: 30 }))).toEqual([
      'purchases[0].lot.remaining: This lot holds 25 lb after what its ledger records, not 30 lb.',
    ]);
  });

  it('a misspelt field and an unknown section', async () => {
    expect(await refused((d) => ((d.purchases[0]!.pakages = 1), delete d.purchases[0]!.packages))).toEqual([
      'purchases[0].packages: packages is required.',
    ]);
    expect(await refused((d) => (d.purchases[0]!.pakages = 1))).toEqual(['purchases[0].pakages: Unknown field "pakages" (did you mean "packages"?).']);
    expect(await refused((d) => (d.recipe = []))).toEqual([expect.stringMatching(/recipe: Unknown section "recipe"/)]);
  });
});
