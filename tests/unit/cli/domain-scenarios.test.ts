/**
 * domain.md's worked examples as an outsider would run them: the data
 * written as a snapshot file (docs/export-format.md), imported with the real
 * `bake-planner` command, then the commands with --json, figures checked
 * exactly; a refusal exits 1 and leaves the database file byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'src/cli/bin.mjs');

function cli(...argv: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
const json = (r: { code: number; out: string; err: string }) => {
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as Record<string, unknown>;
};
const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Flour (1 cup = 4 oz): 10 lb on Jan 1 at 8.99/lb, 15 lb on Jan 15 at 9.49/lb; sugar (1 cup = 7 oz) at 1.00/lb; 50 cello bags at 0.10; sugar cookies 48 a batch; a bag = 12 cookies + 1 cello bag. */
const BAKERY = {
  format: 'bake-planner-snapshot',
  format_version: 1,
  ingredients: [
    { name: 'Flour', density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 4, weight_unit: 'oz' } },
    { name: 'Sugar', density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 7, weight_unit: 'oz' } },
  ],
  products: [
    { slug: 'flour-10lb', ingredient: 'flour', name: 'Flour 10 lb', package_quantity: 10, package_unit: 'lb' },
    { slug: 'flour-15lb', ingredient: 'flour', name: 'Flour 15 lb', package_quantity: 15, package_unit: 'lb' },
    { slug: 'sugar-4lb', ingredient: 'sugar', name: 'Sugar 4 lb', package_quantity: 4, package_unit: 'lb' },
  ],
  purchases: [
    { product: 'flour-10lb', date: '2026-01-01', packages: 1, price_per_package: 89.9 },
    { product: 'flour-15lb', date: '2026-01-15', packages: 1, price_per_package: 142.35 },
    { product: 'sugar-4lb', date: '2026-01-01', packages: 1, price_per_package: 4 },
  ],
  materials: [{ name: 'Cellophane bag', base_measure: 'each' }],
  material_products: [{ slug: 'cello-50', material: 'cellophane-bag', name: 'Cello bags 50', package_quantity: 50, package_unit: 'each' }],
  material_units: [{ slug: 'one-bag', material: 'cellophane-bag', name: 'one bag', quantity: 1 }],
  material_purchases: [{ material_product: 'cello-50', date: '2026-01-02', packages: 1, price_per_package: 5 }],
  recipes: [{ name: 'Sugar cookies', ingredients: [{ ingredient: 'flour', quantity: 3, unit: 'cup' }, { ingredient: 'sugar', quantity: 0.5, unit: 'cup' }] }],
  finished_units: [{ name: 'Sugar cookie', recipe: 'sugar-cookies', items_per_batch: 48 }],
  finished_goods: [{ name: 'Cookie bag', composition: [{ finished_unit: 'sugar-cookie', quantity: 12 }, { material_unit: 'one-bag', material_product: 'cello-50', quantity: 1 }] }],
};

function bakery(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bp-domain-'));
  const file = join(dir, 'bakery.json');
  writeFileSync(file, JSON.stringify(BAKERY));
  const db = join(dir, 'bakery.sqlite');
  expect(cli('import', db, file).code).toBe(0);
  return db;
}

describe("domain.md's examples through the command line", { timeout: 120_000 }, () => {
  it('FIFO: 48 cups of flour drain the Jan 1 lot and take 2 lb (8 cups) of the Jan 15 lot: 10 x 8.99 + 2 x 9.49 = 108.88', () => {
    const db = bakery();
    const plan = json(cli('fifo', db, 'flour', '48', 'cup', '--json')) as { draws: { purchased_on: string; quantity: number; cost: number; remaining_after: number }[]; total_cost: number };
    expect(plan.draws.map((d) => [d.purchased_on, d.quantity, d.cost, d.remaining_after])).toEqual([
      ['2026-01-01', 40, 89.9, 0],
      ['2026-01-15', 8, 18.98, 52], // 13 lb = 52 cups left
    ]);
    expect(plan.total_cost).toBe(108.88);
  });

  it('production: 2 batches at 48, actual 92 -> expected 96, loss 4, partial loss; the ledger is the lots drawn', () => {
    const db = bakery();
    const run = json(cli('make', db, 'sugar-cookies', '2', '--actual', '92', '--loss-reason', 'broken', '--json'));
    // 6 cups of flour = 1.5 lb at 8.99 = 13.485; 1 cup of sugar = 7 oz = 0.4375 lb at 1.00; 13.9225 / 92 = 0.1513.
    expect(run).toEqual({
      run: 1,
      recipe: 'sugar-cookies',
      finished_unit: 'sugar-cookie',
      batches: 2,
      expected: 96,
      actual: 92,
      loss: 4,
      status: 'partial_loss',
      total_cost: 13.9225,
      cost_per_unit: 0.1513,
      consumptions: [
        { ingredient: 'flour', lot: 1, quantity: 1.5, unit: 'lb', unit_cost: 8.99, cost: 13.485 },
        { ingredient: 'sugar', lot: 3, quantity: 0.4375, unit: 'lb', unit_cost: 1, cost: 0.4375 },
      ],
    });
  });

  it('assembly: 100 cookies and 50 bags; 10 bags fail (120 needed, 100 available) changing nothing; 5 use 60 cookies and 5 bags', () => {
    const db = bakery();
    json(cli('make', db, 'sugar-cookies', '2', '--actual', '92', '--loss-reason', 'broken', '--json'));
    json(cli('make', db, 'sugar-cookies', '1', '--actual', '8', '--loss-reason', 'dropped', '--json'));
    const before = hashOf(db);
    const refused = cli('assemble', db, 'cookie-bag', '10', '--json');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^error: Not enough to assemble 10 Cookie bag/);
    expect(JSON.parse(refused.out)).toMatchObject({
      error: { code: 'INSUFFICIENT_STOCK', details: { missing: [{ kind: 'finished_unit', item: 'sugar-cookie', needed: 120, available: 100, missing: 20 }] } },
    });
    expect(hashOf(db)).toBe(before);

    const run = json(cli('assemble', db, 'cookie-bag', '5', '--json')) as { consumptions: { kind: string; item: string; quantity: number; cost: number }[]; total_cost: number };
    // 60 cookies of the first bake (13.9225 for 92) = 9.0799; 5 bags at 0.10.
    expect(run.consumptions.map((c) => [c.kind, c.item, c.quantity, c.cost])).toEqual([
      ['finished_unit', 'sugar-cookie', 60, 9.0799],
      ['material', 'cellophane-bag', 5, 0.5],
    ]);
    expect(run.total_cost).toBe(9.5799);
  });
});
