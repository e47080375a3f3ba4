/**
 * Assembly on real sql.js: FIFO over finished-unit lots, nested-good lots
 * and material lots, one ledger row per lot drawn with its unit cost at
 * that moment, the good's lot costed once, packaging assignment and bypass,
 * and every refusal changing nothing.
 */
import { describe, expect, it } from 'vitest';
import { transaction } from '../../../../src/db/session';
import { getGood } from '../../../../src/services/goods/goods';
import { assignPackagingLines } from '../../../../src/services/making/packaging';
import { checkAssembly, recordAssembly } from '../../../../src/services/making/assembly';
import { finishedStock } from '../../../../src/services/making/finished-lots';
import { recordProduction } from '../../../../src/services/making/production';
import { getAssemblyRun } from '../../../../src/services/making/runs';
import { createMaterialProduct } from '../../../../src/services/materials/material-products';
import { recordMaterialPurchase } from '../../../../src/services/materials/material-purchases';
import { createMaterialUnit } from '../../../../src/services/materials/material-units';
import { createMaterial } from '../../../../src/services/materials/materials';
import { createProduct } from '../../../../src/services/catalog/products';
import { insertLotRow } from '../../../../src/services/pantry/lot-rows';
import { recordPurchase, updatePurchase } from '../../../../src/services/pantry/purchases';
import { createFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { createRecipe } from '../../../../src/services/recipes/recipes';
import { count, testDb } from '../../../helpers/db';
import { dbState, refused } from '../kitchen';
import { bakeShop } from './bake-shop';

async function bagShop() {
  const db = await testDb();
  const s = bakeShop(db);
  // 3 batches, 100 good cookies: flour 2.25 lb (20.2275) + sugar 1.3125 lb (1.3125) + butter 0.75 lb (3.75) + 6 eggs (1.8) = 27.09, 0.2709 each
  const cookies = recordProduction(db, { recipeId: s.cookies.id, batches: 3, actualYield: 100, lossCategory: 'broken' });
  s.buyBags(); // 50 bags at 0.10
  const bag = s.good({
    name: 'Cookie bag',
    lines: [
      { kind: 'unit', finishedUnitId: s.cookie.id, quantity: 12 },
      { kind: 'material', materialUnitId: s.oneBag.id, materialProductId: s.bagPack.id, quantity: 1 },
    ],
  });
  return { db, s, bag, cookies };
}

const unitsLeft = (db: Awaited<ReturnType<typeof testDb>>) => db.engine.get<{ n: number }>('SELECT sum(count_remaining) AS n FROM finished_unit_lots')!.n;
const bagsLeft = (db: Awaited<ReturnType<typeof testDb>>) => db.engine.get<{ n: number }>('SELECT sum(quantity_remaining) AS n FROM material_lots')!.n;

describe('assembling (domain.md, Assembly)', () => {
  it('bag = 12 cookies + 1 cellophane bag, 100 cookies and 50 bags: assembling 10 fails (120 needed, 100 available) and changes nothing', async () => {
    const { db, bag } = await bagShop();
    expect(cookiesCost(db)).toBe(0.2709);
    const e = refused(db, () => recordAssembly(db, { goodId: bag.id, quantity: 10 }));
    expect(e.code).toBe('INSUFFICIENT_STOCK');
    expect(e.message).toBe('Not enough to assemble 10 Cookie bag. Sugar cookie: 120 each needed, 100 each available (short 20 each).');
    expect(e.details.missing).toEqual([{ kind: 'finished_unit', item: 'sugar-cookie', needed: 120, available: 100, missing: 20, unit: 'each' }]);
  });

  it('assembling 5 leaves 40 cookies and 45 bags; the ledger holds 60 cookies and 5 bags at their lots unit costs; the bag lot costs total / 5', async () => {
    const { db, s, bag, cookies } = await bagShop();

    const run = recordAssembly(db, { goodId: bag.id, quantity: 5 });

    expect(unitsLeft(db)).toBe(40);
    expect(bagsLeft(db)).toBe(45);
    expect(run.ledger.map((l) => [l.kind, l.item.slug, l.lot.id, l.quantity, l.unitCost, l.cost])).toEqual([
      ['finished_unit', 'sugar-cookie', cookies.output!.id, 60, 0.2709, 16.254],
      ['material', s.cellophane.slug, expect.any(Number), 5, expect.closeTo(0.1, 12), 0.5],
    ]);
    expect(run).toMatchObject({ quantity: 5, totalCost: 16.754, costPerUnit: 3.3508, costComplete: true, packagingBypassed: false });
    expect(db.engine.get('SELECT sum(cost) AS total FROM assembly_consumptions')).toEqual({ total: 16.754 });
    expect(db.engine.get('SELECT count_initial, count_remaining, unit_cost FROM finished_good_lots')).toEqual({ count_initial: 5, count_remaining: 5, unit_cost: expect.closeTo(3.3508, 12) });
    const stock = finishedStock(db);
    expect(stock.units.map((u) => [u.item.slug, u.count, u.value])).toEqual([['sugar-cookie', 40, 10.836]]);
    expect(stock.goods.map((g) => [g.item.slug, g.count, g.value, g.lots.map((l) => l.runId)])).toEqual([['cookie-bag', 5, 16.754, [run.id]]]);
  });

  it('the pre-check lists each component with what is needed, on hand and missing, and how many could be made now', async () => {
    const { db, bag } = await bagShop();
    const check = checkAssembly(db, { goodId: bag.id, quantity: 10 });
    expect(check.ready).toBe(false);
    expect(check.canAssemble).toBe(8);
    expect(check.components.map((c) => [c.kind, c.item.name, c.needed, c.onHand, c.short, c.unit, c.enough])).toEqual([
      ['finished_unit', 'Sugar cookie', 120, 100, 20, 'each', false],
      ['material', 'Cellophane bag', 10, 50, 0, 'each', true],
    ]);
    const fine = checkAssembly(db, { goodId: bag.id, quantity: 5 });
    expect(fine).toMatchObject({ ready: true, cost: 16.754, costPerUnit: 3.3508 });
  });

  it('tin = 6 cookies, basket = 2 tins: 3 baskets draw 6 tins, each row naming its tin lot and that lot unit cost; later cookie prices change nothing', async () => {
    const db = await testDb();
    const s = bakeShop(db);
    const tin = s.good({ name: 'Cookie tin', lines: [{ kind: 'unit', finishedUnitId: s.cookie.id, quantity: 6 }] });
    const basket = s.good({ name: 'Basket', lines: [{ kind: 'good', goodId: tin.id, quantity: 2 }] });
    // A bake that lost half its cookies makes dearer cookies: 9.03 / 24 = 0.37625 each (0.3763 shown), tins of 6 at 2.2575
    const dear = recordProduction(db, { recipeId: s.cookies.id, batches: 1, actualYield: 24, lossCategory: 'burnt' });
    const tinsA = recordAssembly(db, { goodId: tin.id, quantity: 4 });
    // A full bake: 9.03 / 48 = 0.188125 each (0.1881 shown), tins at 1.12875 (1.1288 shown): each lot keeps its run's exact unit cost
    const cheap = recordProduction(db, { recipeId: s.cookies.id, batches: 1 });
    const tinsB = recordAssembly(db, { goodId: tin.id, quantity: 4 });
    expect([dear.costPerUnit, cheap.costPerUnit, tinsA.costPerUnit, tinsB.costPerUnit]).toEqual([0.3763, 0.1881, 2.2575, 1.1288]);

    const baskets = recordAssembly(db, { goodId: basket.id, quantity: 3 });

    expect(baskets.ledger.map((l) => [l.kind, l.item.slug, l.lot.id, l.lot.label, l.quantity, l.unitCost, l.cost])).toEqual([
      ['finished_good', 'cookie-tin', tinsA.output!.id, `assembly ${tinsA.id}`, 4, expect.closeTo(2.2575, 12), 9.03],
      ['finished_good', 'cookie-tin', tinsB.output!.id, `assembly ${tinsB.id}`, 2, expect.closeTo(1.12875, 12), 2.2575],
    ]);
    expect(baskets.ledger.reduce((n, l) => n + l.quantity, 0)).toBe(6);
    expect(baskets).toMatchObject({ totalCost: 11.2875, costPerUnit: 3.7625 });
    const ledgerRows = () => db.engine.all('SELECT * FROM assembly_consumptions WHERE assembly_run_id = ? ORDER BY id', [baskets.id]);
    const basketLot = () => db.engine.get('SELECT * FROM finished_good_lots WHERE assembly_run_id = ?', [baskets.id]);
    const before = { rows: ledgerRows(), lot: basketLot(), run: getAssemblyRun(db, baskets.id) };

    // Cookie prices change: the flour purchase is corrected to twice the price, dearer flour is bought, more is baked and boxed.
    const flourPurchase = db.engine.get<{ id: number }>('SELECT purchase_id AS id FROM lots WHERE ingredient_id = ?', [s.flour.id])!;
    updatePurchase(db, { id: flourPurchase.id, pricePerPackage: 179.8 });
    recordPurchase(db, { productId: db.engine.get<{ id: number }>('SELECT product_id AS id FROM lots WHERE ingredient_id = ?', [s.flour.id])!.id, purchasedOn: '2026-02-01', packages: 1, pricePerPackage: 150 });
    recordProduction(db, { recipeId: s.cookies.id, batches: 1 });
    recordAssembly(db, { goodId: tin.id, quantity: 2 });

    expect({ rows: ledgerRows(), lot: basketLot(), run: getAssemblyRun(db, baskets.id) }).toEqual(before);
  });

  it('a nested good with nothing assembled yet is missing: its component says so, and nothing changes', async () => {
    const db = await testDb();
    const s = bakeShop(db);
    const tin = s.good({ name: 'Cookie tin', lines: [{ kind: 'unit', finishedUnitId: s.cookie.id, quantity: 6 }] });
    const basket = s.good({ name: 'Basket', lines: [{ kind: 'good', goodId: tin.id, quantity: 2 }] });
    recordProduction(db, { recipeId: s.cookies.id, batches: 1 });
    const e = refused(db, () => recordAssembly(db, { goodId: basket.id, quantity: 1 }));
    expect(e.message).toBe('Not enough to assemble 1 Basket. Cookie tin: 2 each needed, 0 each available (short 2 each).');
  });

  it('a specific packaging line draws only from its product: bags of another product on hand do not count', async () => {
    const { db, s, bag } = await bagShop();
    db.engine.run('UPDATE material_lots SET quantity_remaining = 0');
    const other = createMaterialProduct(db, { materialId: s.cellophane.id, name: 'Cello bags 100 pack', packageQuantity: 100, packageUnit: 'each' });
    recordMaterialPurchase(db, { materialProductId: other.id, packages: 1, pricePerPackage: 8, purchasedOn: '2026-01-01' });
    const e = refused(db, () => recordAssembly(db, { goodId: bag.id, quantity: 1 }));
    expect(e.message).toBe('Not enough to assemble 1 Cookie bag. Cellophane bag: 1 each needed, 0 each available (short 1 each).');
  });

  it('a generic packaging line must be assigned or bypassed with a note; bypassing skips every packaging line and the run records it', async () => {
    const { db, s } = await bagShop();
    const loose = s.good({
      name: 'Loose dozen',
      lines: [
        { kind: 'unit', finishedUnitId: s.cookie.id, quantity: 12 },
        { kind: 'material', materialUnitId: s.oneBag.id, quantity: 1 },
      ],
    });
    const check = checkAssembly(db, { goodId: loose.id, quantity: 1 });
    expect(check.ready).toBe(false);
    expect(check.canAssemble).toBe(0);
    expect(check.components[1]!.problem).toBe('Choose which Cellophane bag "one cellophane bag" uses (assign a product to the line), or assemble without packaging, with a note.');
    const e = refused(db, () => recordAssembly(db, { goodId: loose.id, quantity: 1 }));
    expect(e.code).toBe('VALIDATION');
    expect(e.details.field).toBe('packaging');
    expect(refused(db, () => recordAssembly(db, { goodId: loose.id, quantity: 1, bypassPackaging: '   ' })).details.field).toBe('bypassPackaging');

    const bypassed = recordAssembly(db, { goodId: loose.id, quantity: 2, bypassPackaging: 'handed over in a tin from home' });
    expect(bypassed).toMatchObject({ packagingBypassed: true, bypassNote: 'handed over in a tin from home', totalCost: 6.5016 });
    expect(bypassed.ledger.map((l) => l.kind)).toEqual(['finished_unit']);
    expect(bagsLeft(db)).toBe(50);

    const line = getGood(db, loose.id).lines.find((l) => l.kind === 'material')!;
    expect(check.components[1]!.assign).toEqual({ lineIds: [line.id], products: [{ id: s.bagPack.id, slug: s.bagPack.slug, name: 'Cello bags 50 pack', onHand: 50 }] });
    expect(refused(db, () => assignPackagingLines(db, { goodId: loose.id, lineIds: [line.id], materialProductId: 999 })).code).toBe('NOT_FOUND');
    assignPackagingLines(db, { goodId: loose.id, lineIds: [line.id], materialProductId: s.bagPack.id });
    expect(checkAssembly(db, { goodId: loose.id, quantity: 1 }).components[1]).toMatchObject({ assign: null, problem: null, product: { id: s.bagPack.id } });
    const assigned = recordAssembly(db, { goodId: loose.id, quantity: 1 });
    expect(assigned.ledger.map((l) => [l.kind, l.quantity])).toEqual([['finished_unit', 12], ['material', 1]]);
    expect(bagsLeft(db)).toBe(49);
  });

  it('packaging by length: 18 in bows from a 100 ft spool, in the unit the spool is sold in', async () => {
    const { db, s } = await bagShop();
    const ribbon = createMaterial(db, { name: 'Ribbon', baseMeasure: 'length' });
    const bow = createMaterialUnit(db, { materialId: ribbon.id, name: 'one 18 in bow', quantity: 18, unit: 'in' });
    const spool = createMaterialProduct(db, { materialId: ribbon.id, name: 'Ribbon 100 ft', packageQuantity: 100, packageUnit: 'ft' });
    recordMaterialPurchase(db, { materialProductId: spool.id, packages: 1, pricePerPackage: 5, purchasedOn: '2026-01-01' });
    const tied = s.good({ name: 'Tied stack', lines: [{ kind: 'unit', finishedUnitId: s.cookie.id, quantity: 4 }, { kind: 'material', materialUnitId: bow.id, materialProductId: spool.id, quantity: 1 }] });
    const run = recordAssembly(db, { goodId: tied.id, quantity: 4 });
    // 4 bows x 18 in = 6 ft at 0.05/ft = 0.30
    expect(run.ledger[1]).toMatchObject({ kind: 'material', item: { slug: 'ribbon' }, quantity: expect.closeTo(6, 9), unit: 'ft', unitCost: expect.closeTo(0.05, 12), cost: 0.3 });
  });

  it('bad input names its field and changes nothing', async () => {
    const { db, bag } = await bagShop();
    const field = (input: Parameters<typeof recordAssembly>[1]) => refused(db, () => recordAssembly(db, input)).details.field;
    expect(field({ goodId: bag.id, quantity: 0 })).toBe('quantity');
    expect(field({ goodId: bag.id, quantity: 1.5 })).toBe('quantity');
    expect(field({ goodId: 0, quantity: 1 })).toBe('goodId');
    expect(field({ goodId: bag.id, quantity: 1, eventId: 42 })).toBe('eventId');
    expect(refused(db, () => recordAssembly(db, { goodId: 999, quantity: 1 })).code).toBe('NOT_FOUND');
  });

  it("a caller's transaction spanning a bake and an assembly rolls both back together", async () => {
    const { db, s, bag } = await bagShop();
    const before = dbState(db);
    expect(() =>
      transaction(db, (tx) => {
        recordProduction(db, { recipeId: s.cookies.id, batches: 1 }, tx);
        recordAssembly(db, { goodId: bag.id, quantity: 12 }, tx); // needs 144: 100 + the 48 just baked in this transaction
        expect(count(db, 'assembly_runs')).toBe(1);
        throw new Error('the oven was off');
      }),
    ).toThrow('the oven was off');
    expect(dbState(db)).toEqual(before);
  });

  it('units from a bake with a cost gap make an assembly whose cost is incomplete too', async () => {
    const { db, s } = await bagShop();
    const tinOfCocoa = createProduct(db, { ingredientId: s.cocoa.id, name: 'Cocoa 8 oz', packageQuantity: 8, packageUnit: 'oz' });
    insertLotRow(db, {
      ingredientId: s.cocoa.id, productId: tinOfCocoa.id, purchaseId: null, purchasedOn: '2026-01-01', dimension: 'weight',
      quantityInitial: 226.796185, quantityRemaining: 226.796185, unitCost: null, expiresOn: null, location: '', notes: 'from a backup',
    });
    const brownies = createRecipe(db, { name: 'Brownies', ingredientLines: [{ ingredientId: s.cocoa.id, quantity: 4, unit: 'oz' }] });
    const brownie = createFinishedUnit(db, { recipeId: brownies.id, name: 'Brownie', yieldMode: 'discrete', itemsPerBatch: 16 });
    expect(recordProduction(db, { recipeId: brownies.id, batches: 1 }).costComplete).toBe(false);
    const box = s.good({ name: 'Brownie pair', lines: [{ kind: 'unit', finishedUnitId: brownie.id, quantity: 2 }] });
    expect(checkAssembly(db, { goodId: box.id, quantity: 1 }).costComplete).toBe(false);
    expect(recordAssembly(db, { goodId: box.id, quantity: 1 })).toMatchObject({ costComplete: false, totalCost: 0 });
  });
});

function cookiesCost(db: Awaited<ReturnType<typeof testDb>>): number {
  return db.engine.get<{ c: number }>('SELECT unit_cost AS c FROM finished_unit_lots')!.c;
}
