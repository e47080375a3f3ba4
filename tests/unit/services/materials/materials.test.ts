import { describe, expect, it } from 'vitest';
import { createSupplier } from '../../../../src/services/catalog/suppliers';
import { createGood } from '../../../../src/services/goods/goods';
import { consumeMaterialFifo, materialStock, planMaterialFifo } from '../../../../src/services/materials/material-lots';
import { createMaterialProduct, deleteMaterialProduct, findMaterialProductBySlug, getMaterialProduct, updateMaterialProduct } from '../../../../src/services/materials/material-products';
import { deleteMaterialPurchase, listMaterialPurchases, recordMaterialPurchase, updateMaterialPurchase } from '../../../../src/services/materials/material-purchases';
import { createMaterialUnit, deleteMaterialUnit, getMaterialUnit, listMaterialUnits, updateMaterialUnit } from '../../../../src/services/materials/material-units';
import { createMaterial, deleteMaterial, getMaterial, listMaterials, updateMaterial } from '../../../../src/services/materials/materials';
import { testDb } from '../../../helpers/db';
import { refused } from '../kitchen';

async function ribbonShop() {
  const db = await testDb();
  const ribbon = createMaterial(db, { name: 'Red curling ribbon', baseMeasure: 'length', category: 'Ribbons' });
  const boxes = createMaterial(db, { name: 'Window box 10x10', baseMeasure: 'each', category: 'Boxes' });
  const roll = createMaterialProduct(db, { materialId: ribbon.id, brand: 'Berwick', name: 'Curling ribbon 100 ft', packageQuantity: 100, packageUnit: 'ft' });
  const spool = createMaterialProduct(db, { materialId: ribbon.id, name: 'Ribbon spool 50 yd', packageQuantity: 50, packageUnit: 'yd' });
  const pack = createMaterialProduct(db, { materialId: boxes.id, name: 'Window boxes, 25 pack', packageQuantity: 25, packageUnit: 'each' });
  return { db, ribbon, boxes, roll, spool, pack };
}

describe('materials, products, units', () => {
  it('a 100 ft roll is 3048 cm; "one 18 in bow" is 45.72 cm; a pack of 25 boxes is 25 each', async () => {
    const { db, ribbon, roll, pack } = await ribbonShop();
    expect(roll).toMatchObject({ displayName: 'Berwick Curling ribbon 100 ft', packageQuantity: 100, packageUnit: 'ft', baseUnit: 'cm' });
    expect(roll.packageSize).toBeCloseTo(3048, 9);
    expect(pack).toMatchObject({ packageSize: 25, baseUnit: 'each' });
    expect(findMaterialProductBySlug(db, roll.slug)?.id).toBe(roll.id);
    const bow = createMaterialUnit(db, { materialId: ribbon.id, name: 'one 18 in bow', quantity: 18, unit: 'in' });
    expect(bow.size).toBeCloseTo(45.72, 9);
    expect(bow).toMatchObject({ baseUnit: 'cm', material: { name: 'Red curling ribbon', baseMeasure: 'length' }, canDelete: true });
    expect(updateMaterialUnit(db, { id: bow.id, quantity: 0.5, unit: 'yd' }).size).toBeCloseTo(45.72, 9);
    expect(updateMaterialUnit(db, { id: bow.id, quantity: 60 }).size).toBe(60);
    const detail = getMaterial(db, ribbon.id);
    expect(detail).toMatchObject({ baseMeasure: 'length', baseUnit: 'cm', productCount: 2, unitCount: 1, measureFixed: true, canDelete: false });
    expect(detail.deleteBlockedBy).toBe('it has 2 products and 1 material unit');
    expect(listMaterials(db, { query: 'ribbon' }).map((m) => m.name)).toEqual(['Red curling ribbon']);
    expect(listMaterials(db, { category: 'Boxes' }).map((m) => m.name)).toEqual(['Window box 10x10']);
    expect(listMaterialUnits(db, { query: 'bow' }).map((u) => u.name)).toEqual(['one 18 in bow']);
  });

  it('units outside the material measure, zero sizes and unknown measures are refused at their field and change nothing', async () => {
    const { db, ribbon, boxes } = await ribbonShop();
    expect(refused(db, () => createMaterialUnit(db, { materialId: ribbon.id, name: 'bow', quantity: 18, unit: 'each' })).message).toBe(
      'Red curling ribbon is measured by length (cm, in, ft, yd, m), not in each.',
    );
    expect(refused(db, () => createMaterialUnit(db, { materialId: ribbon.id, name: 'bow', quantity: 0, unit: 'in' })).details.field).toBe('quantity');
    expect(refused(db, () => createMaterialProduct(db, { materialId: boxes.id, name: 'Box roll', packageQuantity: 3, packageUnit: 'm' })).details.field).toBe('packageUnit');
    expect(refused(db, () => createMaterial(db, { name: 'Tissue', baseMeasure: 'volume' as 'area' })).details.field).toBe('baseMeasure');
    expect(refused(db, () => createMaterial(db, { name: 'red CURLING ribbon', baseMeasure: 'length' })).code).toBe('DUPLICATE');
    expect(refused(db, () => updateMaterial(db, { id: ribbon.id, baseMeasure: 'each' })).details.field).toBe('baseMeasure');
  });

  it('a material with nothing measured in it changes its measure or is deleted', async () => {
    const { db } = await ribbonShop();
    const tissue = createMaterial(db, { name: 'Tissue paper', baseMeasure: 'length' });
    expect(updateMaterial(db, { id: tissue.id, baseMeasure: 'area' }).baseUnit).toBe('cm²');
    deleteMaterial(db, tissue.id);
    expect(listMaterials(db).map((m) => m.name)).not.toContain('Tissue paper');
  });
});

describe('material purchases, lots and FIFO', () => {
  it('a purchase creates a lot in the base unit with its cost per base unit; FIFO draws oldest first across products', async () => {
    const { db, ribbon, roll, spool } = await ribbonShop();
    const shop = createSupplier(db, { name: 'Craft store' });
    const first = recordMaterialPurchase(db, { materialProductId: roll.id, supplierId: shop.id, purchasedOn: '2026-01-05', packages: 2, pricePerPackage: 6.096 });
    recordMaterialPurchase(db, { materialProductId: spool.id, purchasedOn: '2026-02-01', packages: 1, pricePerPackage: 9.144 });
    expect(first.purchase).toMatchObject({ packages: 2, pricePerPackage: 6.096, unit: 'cm', supplier: { name: 'Craft store' }, used: false, canDelete: true });
    expect(first.purchase.quantity).toBeCloseTo(6096, 9);
    const stock = materialStock(db, { materialId: ribbon.id });
    expect(stock.quantity).toBeCloseTo(6096 + 4572, 9);
    expect(stock.value).toBeCloseTo(2 * 6.096 + 9.144, 9);
    expect(stock.lots[0]!.unitCost).toBeCloseTo(0.002, 12);

    // 7000 cm: all 6096 of the January rolls (at 0.002/cm), then 904 cm of the February spool (at 0.002/cm).
    const plan = planMaterialFifo(db, { materialId: ribbon.id, quantity: 70, unit: 'm' });
    expect(plan.draws.map((d) => [d.purchasedOn, Math.round(d.lotQuantity)])).toEqual([
      ['2026-01-05', 6096],
      ['2026-02-01', 904],
    ]);
    expect(plan).toMatchObject({ enough: true, costComplete: true, totalCost: 14 });
    // A specific product draws only its own lots.
    expect(planMaterialFifo(db, { materialId: ribbon.id, materialProductId: spool.id, quantity: 100 }).draws.map((d) => d.purchasedOn)).toEqual(['2026-02-01']);

    consumeMaterialFifo(db, { materialId: ribbon.id, quantity: 7000 });
    expect(materialStock(db, { materialId: ribbon.id }).quantity).toBeCloseTo(4572 - 904, 6);
    expect(listMaterialPurchases(db, { materialId: ribbon.id }).map((p) => [p.purchasedOn, p.used])).toEqual([
      ['2026-02-01', true],
      ['2026-01-05', true],
    ]);
  });

  it('a shortfall fails with what is missing and nothing drawn', async () => {
    const { db, boxes, pack } = await ribbonShop();
    recordMaterialPurchase(db, { materialProductId: pack.id, purchasedOn: '2026-01-05', packages: 1, pricePerPackage: 18.99 });
    const e = refused(db, () => consumeMaterialFifo(db, { materialId: boxes.id, quantity: 30 }));
    expect(e).toMatchObject({ code: 'INSUFFICIENT_STOCK', message: 'Not enough Window box 10x10: 30 each needed, 25 each on hand (short 5 each).' });
  });

  it('a used purchase cannot be deleted nor shrunk below what was used; an unused one is deleted with its lot', async () => {
    const { db, boxes, pack } = await ribbonShop();
    const bought = recordMaterialPurchase(db, { materialProductId: pack.id, purchasedOn: '2026-01-05', packages: 2, pricePerPackage: 18.99 });
    expect(getMaterialProduct(db, pack.id)).toMatchObject({ sizeFixed: true, canDelete: false, purchaseCount: 1, lastPricePerPackage: 18.99 });
    expect(refused(db, () => updateMaterialProduct(db, { id: pack.id, packageQuantity: 50 })).details.field).toBe('packageQuantity');
    consumeMaterialFifo(db, { materialId: boxes.id, quantity: 30 });
    expect(refused(db, () => deleteMaterialPurchase(db, bought.purchase.id)).code).toBe('IN_USE');
    expect(refused(db, () => updateMaterialPurchase(db, { id: bought.purchase.id, packages: 1 })).details.field).toBe('packages');
    expect(updateMaterialPurchase(db, { id: bought.purchase.id, packages: 3 }).remaining).toBe(45);
    const other = recordMaterialPurchase(db, { materialProductId: pack.id, purchasedOn: '2026-01-06', packages: 1, pricePerPackage: 17 });
    deleteMaterialPurchase(db, other.purchase.id);
    expect(db.engine.get<{ n: number }>('SELECT count(*) AS n FROM material_lots')!.n).toBe(1);
  });

  it('purchase input is checked field by field and changes nothing', async () => {
    const { db, pack } = await ribbonShop();
    const e = refused(db, () => recordMaterialPurchase(db, { materialProductId: pack.id, purchasedOn: '2026-13-01', packages: 0, pricePerPackage: -1 }));
    expect(Object.keys(e.details.fields as object).sort()).toEqual(['packages', 'pricePerPackage', 'purchasedOn']);
  });
});

describe('packaging in use', () => {
  it('a material unit or product used by a good is not deleted; the reason names the good', async () => {
    const { db, boxes, pack } = await ribbonShop();
    const box = createMaterialUnit(db, { materialId: boxes.id, name: 'one box', quantity: 1, unit: 'each' });
    createGood(db, { name: 'Gift box', lines: [{ kind: 'material', materialUnitId: box.id, materialProductId: pack.id, quantity: 1 }] });
    expect(getMaterialUnit(db, box.id)).toMatchObject({ canDelete: false, deleteBlockedBy: 'it is in Gift box' });
    expect(refused(db, () => deleteMaterialUnit(db, box.id)).message).toBe('one box cannot be deleted: it is in Gift box.');
    expect(getMaterialProduct(db, pack.id)).toMatchObject({ canDelete: false, deleteBlockedBy: 'it has 1 packaging line of goods: hide it instead' });
    expect(refused(db, () => deleteMaterialProduct(db, pack.id)).code).toBe('IN_USE');
    expect(getMaterial(db, boxes.id).goods.map((g) => g.name)).toEqual(['Gift box']);
  });
});
