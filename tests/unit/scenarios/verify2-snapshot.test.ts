/**
 * domain.md, Export and import (issue 13), second pass: every figure of a
 * bakery that has baked, boxed and adjusted survives export -> import ->
 * export exactly; merge skips what is there and resolves references by slug;
 * a dry run and every refusal change nothing; each bad record is named once,
 * at its path. Figures worked by hand in the comments.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateIngredient } from '../../../src/services/catalog/ingredients';
import { updateGood } from '../../../src/services/goods/goods';
import { updateMaterialUnit } from '../../../src/services/materials/material-units';
import { adjustLot, undoAdjustment } from '../../../src/services/pantry/adjustments';
import { amendPlan } from '../../../src/services/planning/amendments';
import { advancePlan } from '../../../src/services/planning/plan-steps';
import { updateFinishedUnit } from '../../../src/services/recipes/finished-units';
import { updateRecipe } from '../../../src/services/recipes/recipes';
import { updateMaterialPurchase } from '../../../src/services/materials/material-purchases';
import { setLotPrice } from '../../../src/services/pantry/lot-prices';
import { updatePurchase } from '../../../src/services/pantry/purchases';
import { bakery, cli, hashOf, json, onFile, r4, refusal } from './verify-cli';

const LB = 453.59237;

const SHOP = {
  ingredients: [{ name: 'Flour' }, { name: 'Sugar' }, { name: 'Butter' }],
  products: [
    { slug: 'flour-5lb', ingredient: 'flour', name: 'Flour 5 lb', package_quantity: 5, package_unit: 'lb' },
    { slug: 'flour-2kg', ingredient: 'flour', name: 'Flour 2 kg', package_quantity: 2, package_unit: 'kg' },
    { slug: 'sugar-1kg', ingredient: 'sugar', name: 'Sugar 1 kg', package_quantity: 1, package_unit: 'kg' },
    { slug: 'butter-1lb', ingredient: 'butter', name: 'Butter 1 lb', package_quantity: 1, package_unit: 'lb' },
  ],
  purchases: [
    { product: 'flour-5lb', date: '2026-01-01', packages: 2, price_per_package: 7.5 }, // 10 lb at 1.50/lb
    { product: 'flour-2kg', date: '2026-02-01', packages: 1, price_per_package: 3.3 }, // 2 kg at 1.65/kg
    { product: 'sugar-1kg', date: '2026-01-05', packages: 3, price_per_package: 2 }, // 3 kg at 2.00/kg
    // 2 lb at 4.00/lb; 0.25 lb spoiled (1.00): 1.75 lb left.
    { product: 'butter-1lb', date: '2026-01-01', packages: 2, price_per_package: 4, lot: { adjustments: [{ date: '2026-01-03', reason: 'spoilage', quantity: 0.25, unit: 'lb' }] } },
  ],
  materials: [{ name: 'Box', base_measure: 'each' }],
  material_products: [{ slug: 'box-25', material: 'box', name: 'Boxes 25', package_quantity: 25, package_unit: 'each' }],
  material_units: [{ slug: 'one-box', material: 'box', name: 'one box', quantity: 1 }],
  material_purchases: [{ material_product: 'box-25', date: '2026-01-01', packages: 1, price_per_package: 5 }], // 0.20 a box
  // A batch: 2 lb flour (3.00), 500 g sugar (1.00), 0.5 lb butter (2.00) = 6.00 for 24 cookies.
  recipes: [
    {
      name: 'Cookies',
      ingredients: [
        { ingredient: 'flour', quantity: 2, unit: 'lb' },
        { ingredient: 'sugar', quantity: 500, unit: 'g' },
        { ingredient: 'butter', quantity: 0.5, unit: 'lb' },
      ],
    },
  ],
  finished_units: [{ name: 'Cookie', recipe: 'cookies', items_per_batch: 24 }],
  finished_goods: [{ name: 'Gift box', composition: [{ finished_unit: 'cookie', quantity: 10 }, { material_unit: 'one-box', material_product: 'box-25', quantity: 1 }] }],
  events: [{ name: 'Fair', targets: [{ finished_good: 'gift-box', quantity: 5 }], batch_decisions: [{ finished_unit: 'cookie', batches: 3 }] }],
};

const dir = () => mkdtempSync(join(tmpdir(), 'bp-verify2-'));
const write = (doc: unknown) => {
  const file = join(dir(), 'file.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
};
const snapshot = (doc: Record<string, unknown>) => ({ format: 'bake-planner-snapshot', format_version: 1, ...doc });

async function exported(db: string): Promise<any> {
  const r = await cli('export', db);
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}
const withoutTime = (doc: any) => ({ ...doc, exported_at: null });

describe('export and import (verify, second pass)', { timeout: 120_000 }, () => {
  it('a bakery that baked 3 batches (70 of 72 made, 18.00), boxed 3 and spoiled butter exports its figures exactly, and exports back the same after an import', async () => {
    const db = await bakery(SHOP);
    // 3 batches: 6 lb of flour from the Jan 1 lot (9.00), 1500 g of sugar (3.00), 1.5 lb of butter (6.00) = 18.00; 72 expected, 70 made.
    const bake = await json('make', db, 'cookies', '3', '--actual', '70', '--loss-reason', 'broken', '--event', 'fair');
    expect([bake.expected, bake.actual, bake.loss, bake.status, bake.total_cost, bake.cost_per_unit]).toEqual([72, 70, 2, 'partial_loss', 18, 0.2571]);
    // 3 boxes: 30 cookies at 18/70 = 7.7142857 -> 7.7143, 3 boxes at 0.20 = 0.60; total 8.3143.
    const box = await json('assemble', db, 'gift-box', '3', '--event', 'fair');
    expect(box.total_cost).toBe(8.3143);
    expect((await cli('plan', db, 'fair', '--save')).code).toBe(0);

    const first = await exported(db);
    const lots = Object.fromEntries(first.purchases.map((p: any) => [p.lot.key, [p.lot.unit, r4(p.lot.quantity), r4(p.lot.remaining), p.lot.unit_cost]]));
    expect(lots).toEqual({
      // 10 lb = 4535.9237 g, 6 lb drawn: 4 lb = 1814.36948 g left, at 1.50 / 453.59237 a g.
      'flour-5lb@2026-01-01': ['g', 4535.9237, 1814.3695, 7.5 / (5 * LB)],
      'flour-2kg@2026-02-01': ['g', 2000, 2000, 3.3 / 2000],
      'sugar-1kg@2026-01-05': ['g', 3000, 1500, 2 / 1000],
      // 2 lb - 0.25 lb - 1.5 lb = 0.25 lb = 113.3980925 g.
      'butter-1lb@2026-01-01': ['g', 907.1847, 113.3981, 4 / LB],
    });
    const butter = first.purchases.find((p: any) => p.product === 'butter-1lb').lot.adjustments;
    expect(butter.map((a: any) => [a.reason, a.direction, r4(a.quantity), a.cost])).toEqual([['spoilage', 'remove', 113.3981, 1]]);
    const run = first.production_runs[0];
    expect([run.key, run.event, run.expected_yield, run.actual_yield, run.status, run.loss_category, run.total_cost, run.cost_per_unit, run.cost_complete, run.lot.remaining]).toEqual([
      'cookie@' + run.date, 'fair', 72, 70, 'partial_loss', 'broken', 18, 0.2571, true, 40,
    ]);
    expect(run.consumptions.map((c: any) => [c.lot, c.cost])).toEqual([
      ['flour-5lb@2026-01-01', 9],
      ['sugar-1kg@2026-01-05', 3],
      ['butter-1lb@2026-01-01', 6],
    ]);
    const assembly = first.assembly_runs[0];
    expect([assembly.quantity, assembly.total_cost, assembly.consumptions.map((c: any) => c.cost)]).toEqual([3, 8.3143, [7.7143, 0.6]]);
    expect(first.events[0].plan_snapshots).toHaveLength(1);

    const file = write(first);
    const copy = join(dir(), 'copy.sqlite');
    expect((await cli('import', copy, file)).code).toBe(0);
    expect(withoutTime(await exported(copy))).toEqual(withoutTime(first));
    // The imported lot draws on at the same cost: 2 more batches take the last 4 lb of flour (6.00) and 2 lb (907.18474 g) of the 2 kg lot at 1.65/kg (1.4969).
    const again = await json('fifo', copy, 'flour', '6', 'lb');
    expect(again.draws.map((d: any) => d.cost)).toEqual([6, 1.4969]);
  });

  it('a merge skips every record already there, creates the new ones, and resolves a new recipe\'s ingredient by slug from the database', async () => {
    const db = await bakery(SHOP);
    const before = await exported(db);
    const file = write(
      snapshot({
        ingredients: [{ name: 'Flour' }, { name: 'Cocoa' }],
        recipes: [{ name: 'Brownies', ingredients: [{ ingredient: 'flour', quantity: 1, unit: 'lb' }, { ingredient: 'cocoa', quantity: 50, unit: 'g' }] }],
        finished_units: [{ name: 'Brownie', recipe: 'brownies', items_per_batch: 12 }],
      }),
    );
    const report = await json('import', db, file, '--merge');
    expect(report.records.map((r: any) => [r.path, r.outcome])).toEqual([
      ['ingredients[0]', 'skipped'],
      ['ingredients[1]', 'created'],
      ['recipes[0]', 'created'],
      ['finished_units[0]', 'created'],
    ]);
    const after = await exported(db);
    expect(after.ingredients.map((i: any) => i.slug)).toEqual(['butter', 'cocoa', 'flour', 'sugar']);
    expect(after.recipes.find((r: any) => r.slug === 'brownies').ingredients.map((l: any) => l.ingredient)).toEqual(['flour', 'cocoa']);
    expect(after.purchases).toEqual(before.purchases);
    // The whole file again: nothing new.
    const twice = await json('import', db, file, '--merge');
    expect(twice.records.every((r: any) => r.outcome === 'skipped')).toBe(true);
    expect(twice.summary).toBe('Nothing new: everything in this file is already here (4 records).');
  });

  it('a dry run reports what it would create and leaves the file byte for byte', async () => {
    const db = await bakery(SHOP);
    const hash = hashOf(db);
    const report = await json('import', db, write(snapshot({ ingredients: [{ name: 'Cocoa' }] })), '--merge', '--dry-run');
    expect([report.ok, report.written, report.records]).toEqual([true, false, [{ path: 'ingredients[0]', entity: 'ingredient', label: 'Cocoa', outcome: 'created' }]]);
    expect(report.summary).toMatch(/^Dry run, nothing written: /);
    expect(hashOf(db)).toBe(hash);
  });

  it('a wrong adjustment cost is reported once, on the adjustment, and its purchase points at it (was: the same problem twice)', async () => {
    const db = await bakery(SHOP);
    const file = write(
      snapshot({
        ingredients: [{ name: 'Lard' }],
        products: [{ slug: 'lard-1lb', ingredient: 'lard', name: 'Lard 1 lb', package_quantity: 1, package_unit: 'lb' }],
        // 0.5 lb at 4.00/lb is 2.00, not 3.
        purchases: [{ product: 'lard-1lb', date: '2026-01-01', packages: 1, price_per_package: 4, lot: { adjustments: [{ date: '2026-01-02', reason: 'gift', quantity: 0.5, unit: 'lb', cost: 3 }] } }],
      }),
    );
    const error = await refusal(db, 'import', db, file, '--merge');
    expect(error.message).toBe('Nothing was imported: 2 records in this file have a problem. Fix them in the file, then import it again.');
    expect(error.details.problems).toEqual([
      { path: 'purchases[0].lot.adjustments', reason: 'Adjustment 0 of this lot has a problem of its own: purchases[0].lot.adjustments[0].cost.' },
      { path: 'purchases[0].lot.adjustments[0].cost', reason: '0.5 lb at the lot’s unit cost is 2, not 3.' },
    ]);
    const validated = await cli('validate', file, '--json');
    expect(validated.code).toBe(1);
    expect(JSON.parse(validated.out).error.details.problems).toEqual(error.details.problems);
  });

  it.each([
    ['an unknown unit', { recipes: [{ name: 'R', ingredients: [{ ingredient: 'flour', quantity: 1, unit: 'cupz' }] }] }, 'recipes[0].ingredients[0].unit', /"cupz" is not a unit/],
    ['a negative quantity', { recipes: [{ name: 'R', ingredients: [{ ingredient: 'flour', quantity: -1, unit: 'g' }] }] }, 'recipes[0].ingredients[0].quantity', /more than zero/],
    ['a dangling reference', { recipes: [{ name: 'R', ingredients: [{ ingredient: 'rye', quantity: 1, unit: 'g' }] }] }, 'recipes[0].ingredients[0].ingredient', /rye/],
    ['a duplicate slug', { ingredients: [{ name: 'Rye' }, { name: 'Rye' }] }, 'ingredients[1]', /rye/i],
    ['a non-numeric price', { purchases: [{ product: 'flour-5lb', date: '2026-03-01', packages: 1, price_per_package: 'ten' }] }, 'purchases[0].price_per_package', /"ten"/],
    ['a recipe cycle', { recipes: [{ name: 'A', sub_recipes: [{ recipe: 'b', batches: 1 }] }, { name: 'B', sub_recipes: [{ recipe: 'a', batches: 1 }] }] }, 'recipes[', /A -> B -> A|B -> A -> B/],
  ])('%s is refused at its path and changes nothing', async (_what, doc, path, reason) => {
    const db = await bakery(SHOP);
    const error = await refusal(db, 'import', db, write(snapshot(doc)), '--merge');
    expect(error.details.problems.length).toBeGreaterThan(0);
    expect(error.details.problems[0].path.startsWith(path)).toBe(true);
    expect(error.details.problems[0].reason).toMatch(reason);
  });

  it('a newer format version is refused saying so; validate --json of a good file says it would import', async () => {
    const db = await bakery(SHOP);
    const error = await refusal(db, 'import', db, write({ format: 'bake-planner-snapshot', format_version: 99 }), '--merge');
    expect(error.message).toMatch(/newer/i);
    expect(error.message).toMatch(/99/);
    const good = await json('validate', write(snapshot({ ingredients: [{ name: 'Cocoa' }] })));
    expect([good.ok, good.written, good.records]).toEqual([true, false, [{ path: 'ingredients[0]', entity: 'ingredient', label: 'Cocoa', outcome: 'created' }]]);
  });

  it('prices corrected after a draw (a purchase 2.00 -> 4.00 a kg, packaging 0.20 -> 0.30 a box, a counted-in lot priced at 2.00 a kg after it was baked with) export and import back: the ledger keeps the cost each draw had (was: refused, "The lot drawn costs 0.004 a unit, not 0.003")', async () => {
    const db = await bakery({
      ...SHOP,
      ingredients: [...SHOP.ingredients, { name: 'Salt' }],
      products: [...SHOP.products, { slug: 'salt-1kg', ingredient: 'salt', name: 'Salt 1 kg', package_quantity: 1, package_unit: 'kg' }],
      lots: [{ product: 'salt-1kg', date: '2025-12-01', quantity: 1 }], // counted in, no price
      recipes: [{ ...SHOP.recipes[0]!, ingredients: [...SHOP.recipes[0]!.ingredients, { ingredient: 'salt', quantity: 10, unit: 'g' }] }],
    });
    // 1 batch: flour 3.00 + sugar 1.00 + butter 2.00 + 10 g of salt of unknown cost; its cost is incomplete.
    const bake = await json('make', db, 'cookies', '1');
    expect(bake.consumptions.map((c: any) => c.cost)).toEqual([3, 1, 2, null]);
    await json('assemble', db, 'gift-box', '2'); // 2 boxes at 0.20
    await onFile(db, (d) => {
      updatePurchase(d, { id: 3, pricePerPackage: 4 }); // sugar: 2.00 -> 4.00 a kg from now on
      updateMaterialPurchase(d, { id: 1, pricePerPackage: 7.5 }); // boxes: 0.30 each
      setLotPrice(d, { lotId: 5, pricePerPackage: 2 }); // salt: 2.00 a kg
    });
    const first = await exported(db);
    expect(first.purchases.find((p: any) => p.product === 'sugar-1kg').lot.unit_cost).toBe(0.004);
    expect(first.production_runs[0].consumptions.map((c: any) => [c.lot, c.unit_cost, c.cost])).toEqual([
      ['flour-5lb@2026-01-01', 7.5 / (5 * LB), 3],
      ['sugar-1kg@2026-01-05', 0.002, 1],
      ['butter-1lb@2026-01-01', 4 / LB, 2],
      ['salt-1kg@2025-12-01', null, null],
    ]);
    expect([first.production_runs[0].total_cost, first.production_runs[0].cost_complete]).toEqual([6, false]);
    expect(first.assembly_runs[0].consumptions.find((c: any) => c.material_lot).cost).toBe(0.4);
    const copy = join(dir(), 'copy.sqlite');
    const r = await cli('import', copy, write(first));
    expect(r.err).toBe('');
    expect(withoutTime(await exported(copy))).toEqual(withoutTime(first));
    // A hand-written draw with no unit cost still takes the lot's, and is checked: 100 g of the sugar lot now is 0.40.
    const bad = structuredClone(first);
    bad.production_runs[0].consumptions[1] = { lot: 'sugar-1kg@2026-01-05', quantity: 500, unit: 'g', cost: 1 };
    const error = await refusal(copy, 'import', join(dir(), 'new.sqlite'), write(bad));
    expect(error.details.problems[0]).toEqual({ path: 'production_runs[0].consumptions[1].cost', reason: '500 at 0.004 a unit is 2, not 1.' });
  });

  it('a bakery edited after use (renames, a yield and a line changed, a purchase re-dated and re-priced, packaging re-priced, an adjustment undone, plan in production with amendments, an assembly undone) exports, imports and exports the same', async () => {
    const db = await bakery({
      ingredients: [{ name: 'Sugar' }],
      products: [{ slug: 'sugar-1kg', ingredient: 'sugar', name: 'Sugar 1 kg', package_quantity: 1, package_unit: 'kg' }],
      purchases: [{ product: 'sugar-1kg', date: '2026-01-01', packages: 10, price_per_package: 3 }],
      materials: [{ name: 'Box', base_measure: 'each' }, { name: 'Ribbon', base_measure: 'length' }],
      material_products: [{ slug: 'box-25', material: 'box', name: 'Boxes 25', package_quantity: 25, package_unit: 'each' }, { slug: 'rib', material: 'ribbon', name: 'Rib', package_quantity: 10, package_unit: 'm' }],
      material_units: [{ slug: 'one-box', material: 'box', name: 'one box', quantity: 1 }, { slug: 'bow', material: 'ribbon', name: 'bow', quantity: 30, unit: 'cm' }],
      material_purchases: [{ material_product: 'box-25', date: '2026-01-01', packages: 1, price_per_package: 5 }, { material_product: 'rib', date: '2026-01-01', packages: 1, price_per_package: 5 }],
      recipes: [{ name: 'Cookies', ingredients: [{ ingredient: 'sugar', quantity: 200, unit: 'g' }] }],
      finished_units: [{ name: 'Cookie', recipe: 'cookies', items_per_batch: 10 }],
      finished_goods: [{ name: 'Bag', composition: [{ finished_unit: 'cookie', quantity: 2 }, { material_unit: 'one-box', material_product: 'box-25', quantity: 1 }, { material_unit: 'bow', material_product: 'rib', quantity: 1 }] }],
      events: [{ name: 'Fair', targets: [{ finished_good: 'bag', quantity: 2 }] }],
    });
    await json('plan', db, 'fair', '--save');
    await json('make', db, 'cookies', '1', '--event', 'fair');
    await json('assemble', db, 'bag', '2', '--event', 'fair');
    await onFile(db, (d) => {
    updateRecipe(d, { id: 1, name: 'Sugar cookies', ingredientLines: [{ ingredientId: 1, quantity: 300, unit: 'g' }] });
    updateFinishedUnit(d, { id: 1, name: 'Sugar cookie', itemsPerBatch: 12 });
    updateGood(d, { id: 1, name: 'Gift bag' });
    updateIngredient(d, { id: 1, name: 'Cane sugar' });
    updateMaterialUnit(d, { id: 2, name: 'big bow', quantity: 40, unit: 'cm' });
    updatePurchase(d, { id: 1, purchasedOn: '2026-11-28', pricePerPackage: 3.3 });
    advancePlan(d, { eventId: 1, state: 'locked' });
    advancePlan(d, { eventId: 1, state: 'in_production' });
    amendPlan(d, { eventId: 1, kind: 'add_good', goodId: 1, quantity: 3, reason: 'more' });
    amendPlan(d, { eventId: 1, kind: 'change_batches', finishedUnitId: 1, batches: 2, reason: 'more' });
    const a = adjustLot(d, { lotId: 1, quantity: 50, unit: 'g', reason: 'spoilage' });
    undoAdjustment(d, { id: a.adjustment.id });
    adjustLot(d, { lotId: 1, quantity: 10, unit: 'g', reason: 'correction', direction: 'add' });
    updateMaterialPurchase(d, { id: 1, pricePerPackage: 6, packages: 2 });
    });
    await json('make', db, 'cookies', '1', '--event', 'fair');
    const b = await json('assemble', db, 'bag', '1', '--event', 'fair');
    expect((await cli('undo', db, 'assembly', String(b.run))).code).toBe(0);
    const out = (await cli('export', db)).out;
    const file = write(JSON.parse(out));
    const copy = join(dir(), 'copy.sqlite');
    const r = await cli('import', copy, file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const again = JSON.parse((await cli('export', copy)).out);
    expect({ ...again, exported_at: 0 }).toEqual({ ...JSON.parse(out), exported_at: 0 });
  });

  it('two exports of the same data differ only in exported_at; the whole export merged back into its own database is all skipped and changes nothing', async () => {
    const db = await bakery(SHOP);
    await json('make', db, 'cookies', '1', '--event', 'fair');
    await json('assemble', db, 'gift-box', '1', '--event', 'fair');
    await cli('plan', db, 'fair', '--save');
    const a = (await cli('export', db)).out;
    const b = (await cli('export', db)).out;
    const noTime = (t: string) => t.replace(/"exported_at": ?"[^"]+"/, '"exported_at":null');
    expect(noTime(b)).toBe(noTime(a));
    const hash = hashOf(db);
    const report = await json('import', db, write(JSON.parse(a)), '--merge');
    expect(report.records.filter((r: any) => r.outcome !== 'skipped')).toEqual([]);
    expect(report.summary).toMatch(/^Nothing new: everything in this file is already here/);
    expect(hashOf(db)).toBe(hash);
  });

  it("a merged bake resolves its recipe and unit by slug in the database and draws its own new lot (200 g at 4.00 a kg = 0.80); one drawing a lot already in the database is refused, naming it", async () => {
    const base = {
      ingredients: [{ name: 'Sugar' }],
      products: [{ slug: 'sugar-1kg', ingredient: 'sugar', name: 'Sugar 1 kg', package_quantity: 1, package_unit: 'kg' }],
      purchases: [{ product: 'sugar-1kg', date: '2026-01-01', packages: 10, price_per_package: 3 }],
      recipes: [{ name: 'Cookies', ingredients: [{ ingredient: 'sugar', quantity: 200, unit: 'g' }] }],
      finished_units: [{ name: 'Cookie', recipe: 'cookies', items_per_batch: 10 }],
    };
    const db = await bakery(base);
    const other = await bakery(base);
    await json('make', other, 'cookies', '1');
    const doc = await exported(other);
    const refused = await refusal(db, 'import', db, write(doc), '--merge');
    expect(refused.details.problems).toEqual([
      {
        path: 'production_runs[0].consumptions[0].lot',
        reason: '"sugar-1kg@2026-01-01" is already in the database: a run is imported together with the lots it drew (restore into an empty database, or merge into one without them).',
      },
    ]);
    doc.purchases.push({ product: 'sugar-1kg', date: '2026-02-01', packages: 1, price_per_package: 4, lot: { remaining: 0.8 } });
    doc.production_runs[0].consumptions = [{ lot: 'sugar-1kg@2026-02-01', quantity: 200, unit: 'g' }];
    delete doc.production_runs[0].total_cost;
    delete doc.production_runs[0].cost_per_unit;
    const report = await json('import', db, write(doc), '--merge');
    expect(report.records.map((r: any) => [r.path, r.outcome])).toEqual([
      ['ingredients[0]', 'skipped'],
      ['products[0]', 'skipped'],
      ['purchases[0]', 'skipped'],
      ['purchases[1]', 'created'],
      ['recipes[0]', 'skipped'],
      ['finished_units[0]', 'skipped'],
      ['production_runs[0]', 'created'],
    ]);
    const after = await exported(db);
    expect(after.production_runs.map((r: any) => [r.recipe, r.actual_yield, r.total_cost, r.cost_per_unit, r.consumptions.map((c: any) => [c.lot, c.cost])])).toEqual([
      ['cookies', 10, 0.8, 0.08, [['sugar-1kg@2026-02-01', 0.8]]],
    ]);
  });
});
