/**
 * Packaging in a snapshot: materials, their products, their units (a named
 * use: "one 18 in bow"), purchases with the lot each created, and lots that
 * came without a purchase. Checked with the materials area's rules (unique
 * names, every size in a unit of the material's measure, one label and one
 * preferred product per material) and the lot figures' rules, and written
 * through the materials area's row functions.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { RecordProblem } from '../../domain/bake-tracker-records';
import { productLabel } from '../../domain/labels';
import { MAX_PACKAGE_QUANTITY, MAX_PACKAGES, MAX_PRICE_PER_PACKAGE } from '../../domain/limits';
import { BASE_MEASURES, measureBaseUnit, measureDimension, type BaseMeasure } from '../../domain/material-measures';
import { LotKeys } from '../../domain/snapshot-format';
import { TEXT_LIMITS, type Fields } from '../../domain/snapshot-fields';
import { dimensionOf, requireUnit, toBase, type Unit } from '../../domain/units';
import { nameKey } from '../../domain/validate';
import { insertMaterialLotRow, insertMaterialPurchaseRow } from '../materials/material-purchase-rows';
import { insertMaterialProductRow, insertMaterialRow, insertMaterialUnitRow } from '../materials/material-rows';
import type { CatalogPlan } from './catalog-section';
import { checkFigures, readLotFigures, type CheckedFigures, type LotFiguresDraft } from '../../domain/snapshot-lot-figures';
import { materialLotKeys } from './lot-keys';
import { Names } from './names';
import { check, created, labelOf, readItems, refId, writeInCreationOrder, type Item, type Ref, type RecordList } from '../../domain/snapshot-plan';
import { Keys, type PlanContext } from './plan';

interface Stamped {
  createdAt: string;
  updatedAt: string;
}

export interface MaterialDraft extends Stamped {
  slug: string;
  name: string;
  category: string;
  baseMeasure: BaseMeasure;
  notes: string;
}

export interface MaterialProductDraft extends Stamped {
  slug: string;
  material: string;
  brand: string;
  name: string;
  packageQuantity: number;
  packageUnit: Unit;
  preferred: boolean;
  hidden: boolean;
  supplier: string | null;
  notes: string;
}

export interface MaterialUnitDraft extends Stamped {
  slug: string;
  material: string;
  name: string;
  quantity: number;
  unit: Unit | null;
  notes: string;
}

export interface MaterialPurchaseDraft extends Stamped {
  materialProduct: string;
  supplier: string | null;
  date: string;
  packages: number;
  pricePerPackage: number;
  notes: string;
  lot: LotFiguresDraft;
}

export interface MaterialLotDraft extends LotFiguresDraft {
  materialProduct: string;
  date: string;
}

function readMaterial(f: Fields, now: string): MaterialDraft {
  const name = f.name();
  return {
    slug: f.slug('slug', name),
    name,
    category: f.text('category', { max: 60 }),
    baseMeasure: f.choice('base_measure', BASE_MEASURES),
    notes: f.text('notes'),
    ...f.stamps(now),
  };
}

function readMaterialProduct(f: Fields, now: string): MaterialProductDraft {
  const name = f.name();
  const brand = f.text('brand', { max: TEXT_LIMITS.name });
  return {
    slug: f.slug('slug', `${brand} ${name}`),
    material: f.ref('material', true),
    brand,
    name,
    packageQuantity: f.requiredNumber('package_quantity', { min: 'positive', max: MAX_PACKAGE_QUANTITY }),
    packageUnit: f.unit('package_unit'),
    preferred: f.bool('preferred', false),
    hidden: f.bool('hidden', false),
    supplier: f.ref('supplier', false),
    notes: f.text('notes'),
    ...f.stamps(now),
  };
}

function readMaterialUnit(f: Fields, now: string): MaterialUnitDraft {
  const name = f.name();
  const material = f.ref('material', true);
  return {
    slug: f.slug('slug', `${material} ${name}`),
    material,
    name,
    quantity: f.requiredNumber('quantity', { min: 'positive', max: 1_000_000 }),
    unit: f.has('unit') ? f.unit('unit') : null,
    notes: f.text('notes'),
    ...f.stamps(now),
  };
}

const noLot = (now: string): LotFiguresDraft => ({ key: null, quantity: null, remaining: null, unitCost: null, unit: null, location: '', notes: '', createdAt: now, updatedAt: now });

function readMaterialPurchase(f: Fields, now: string): MaterialPurchaseDraft {
  const stamps = f.stamps(now);
  const lotFields = f.object('lot');
  const lot = lotFields ? readLotFigures(lotFields, stamps.createdAt) : { ...noLot(stamps.createdAt), updatedAt: stamps.updatedAt };
  lotFields?.done();
  return {
    materialProduct: f.ref('material_product', true),
    supplier: f.ref('supplier', false),
    date: f.date('date', true),
    packages: f.requiredNumber('packages', { min: 'positive', max: MAX_PACKAGES }),
    pricePerPackage: f.requiredNumber('price_per_package', { min: 'non-negative', max: MAX_PRICE_PER_PACKAGE }),
    notes: f.text('notes'),
    ...stamps,
    lot,
  };
}

function readMaterialLot(f: Fields, now: string): MaterialLotDraft {
  return { ...readLotFigures(f, now), materialProduct: f.ref('material_product', true), date: f.date('date', true) };
}

export interface MaterialsPlan {
  materials: Item<MaterialDraft>[];
  products: Item<MaterialProductDraft>[];
  units: Item<MaterialUnitDraft>[];
  purchases: Item<MaterialPurchaseDraft>[];
  lots: Item<MaterialLotDraft>[];
  keys: {
    materials: Keys<MaterialDraft>;
    products: Keys<MaterialProductDraft>;
    units: Keys<MaterialUnitDraft>;
    lots: Keys<PlannedMaterialLot>;
  };
  planned: Map<Item<unknown>, PlannedMaterialLot>;
  /** The material a product or a unit is of (a file record's slug or a database row's id). */
  materialOfProduct(ref: Ref<MaterialProductDraft>): Ref<MaterialDraft>;
  materialOfUnit(ref: Ref<MaterialUnitDraft>): Ref<MaterialDraft>;
}

export interface PlannedMaterialLot {
  key: string;
  product: Ref<MaterialProductDraft>;
  figures: CheckedFigures | null;
  /** Its id once written (assemblies' ledgers point at it). */
  lotId?: number;
}

export function readMaterials(db: Database, ctx: PlanContext, file: Record<string, RecordList>, tx?: Tx): MaterialsPlan {
  return withTransaction(db, tx, () => {
    const { t } = ctx;
    const keys = {
      materials: Keys.fromTable<MaterialDraft>('material', t, 'materials'),
      products: Keys.fromTable<MaterialProductDraft>('material product', t, 'material_products'),
      units: Keys.fromTable<MaterialUnitDraft>('material unit', t, 'material_units'),
      lots: new Keys<PlannedMaterialLot>('material lot', new Map([...materialLotKeys(ctx.db, t)].map(([id, key]) => [key, id]))),
    };
    const materials = readItems(ctx.tick, file.materials!, 'materials', 'material', (f) => readMaterial(f, ctx.now), labelOf('name', 'slug'));
    const products = readItems(ctx.tick, file.material_products!, 'material_products', 'material product', (f) => readMaterialProduct(f, ctx.now), labelOf('name', 'slug'));
    const units = readItems(ctx.tick, file.material_units!, 'material_units', 'material unit', (f) => readMaterialUnit(f, ctx.now), labelOf('name', 'slug'));
    const purchases = readItems(ctx.tick, file.material_purchases!, 'material_purchases', 'material purchase', (f) => readMaterialPurchase(f, ctx.now), labelOf('material_product'));
    const lots = readItems(ctx.tick, file.material_lots!, 'material_lots', 'material lot', (f) => readMaterialLot(f, ctx.now), labelOf('key', 'material_product'));
    keys.materials.claimSlugs(materials, (r) => r.slug);
    keys.products.claimSlugs(products, (r) => r.slug);
    keys.units.claimSlugs(units, (r) => r.slug);
    const derived = new LotKeys();
    const planned = new Map<Item<unknown>, PlannedMaterialLot>();
    for (const i of purchases) {
      if (!i.record) continue;
      const key = derived.next(i.record.materialProduct, i.record.date);
      keys.lots.claim(i as Item<never>, key, 'lot.key');
      planned.set(i, { key, product: { kind: 'db', id: 0 }, figures: null });
    }
    for (const i of lots) {
      if (!i.record) continue;
      const key = derived.next(i.record.materialProduct, i.record.date);
      keys.lots.claim(i as Item<never>, key, 'key');
      planned.set(i, { key, product: { kind: 'db', id: 0 }, figures: null });
    }
    const productMaterial = new Map(t.all<{ id: number; material_id: number }>('SELECT id, material_id FROM material_products').map((r) => [r.id, r.material_id]));
    const unitMaterial = new Map(t.all<{ id: number; material_id: number }>('SELECT id, material_id FROM material_units').map((r) => [r.id, r.material_id]));
    return {
      materials,
      products,
      units,
      purchases,
      lots,
      keys,
      planned,
      materialOfProduct: (ref) => (ref.kind === 'file' ? keys.materials.resolve(ref.item.record!.material, `${ref.item.path}.material`) : { kind: 'db', id: productMaterial.get(ref.id)! }),
      materialOfUnit: (ref) => (ref.kind === 'file' ? keys.materials.resolve(ref.item.record!.material, `${ref.item.path}.material`) : { kind: 'db', id: unitMaterial.get(ref.id)! }),
    };
  });
}

/**
 * Checks the materials' records; `drawn` is what the file's assemblies took
 * from each lot (by its purchase or lot item, in the material's base
 * measure), which its `remaining` must account for.
 */
export function checkMaterials(db: Database, ctx: PlanContext, plan: MaterialsPlan, catalog: CatalogPlan, drawn: ReadonlyMap<Item<unknown>, number>, tx?: Tx): void {
  return withTransaction(db, tx, () => {
    const { t } = ctx;
    const dbMaterials = new Map(t.all<{ id: number; name: string; base_measure: BaseMeasure }>('SELECT id, name, base_measure FROM materials').map((r) => [r.id, r]));
    const measureOf = (ref: Ref<MaterialDraft>) => (ref.kind === 'db' ? dbMaterials.get(ref.id)!.base_measure : ref.item.record!.baseMeasure);
    const nameOf = (ref: Ref<MaterialDraft>) => (ref.kind === 'db' ? dbMaterials.get(ref.id)!.name : ref.item.record!.name);
    const scopeOf = (ref: Ref<MaterialDraft>) => (ref.kind === 'db' ? ref.id : `file:${ref.item.path}`);
    const inMeasure = (unit: Unit, material: Ref<MaterialDraft>, path: string) => {
      const measure = measureOf(material);
      if (dimensionOf(unit) !== measureDimension(measure)) {
        throw new RecordProblem(path, `${nameOf(material)} is measured ${measure === 'each' ? 'by the piece' : `by ${measure}`}, not in ${unit}.`);
      }
    };

    const materialNames = Names.fromTable(t, 'materials', (n, where) => `There is already a material called ${n} (${where}).`);
    for (const item of created(plan.materials)) check(item, (r) => materialNames.claim(r.name, item.path, 'name'));

    const labels = Names.fromRows(
      t.all<{ brand: string; name: string; scope: number }>('SELECT material_id AS scope, brand, name FROM material_products').map((r) => ({ name: productLabel(r.brand, r.name), scope: r.scope })),
      (n, where) => `There is already a product ${n} of this material (${where}).`,
    );
    const preferred = new Map(t.all<{ material_id: number; slug: string }>('SELECT material_id, slug FROM material_products WHERE preferred = 1').map((r) => [r.material_id as string | number, `"${r.slug}" in the database`]));
    for (const item of created(plan.products)) {
      check(item, (r) => {
        const material = plan.keys.materials.resolve(r.material, `${item.path}.material`);
        inMeasure(r.packageUnit, material, `${item.path}.package_unit`);
        if (r.supplier !== null) catalog.keys.suppliers.resolve(r.supplier, `${item.path}.supplier`);
        labels.claim(productLabel(r.brand, r.name), item.path, 'name', scopeOf(material), nameKey(productLabel(r.brand, r.name)));
        if (r.preferred) {
          const first = preferred.get(scopeOf(material));
          if (first) throw new RecordProblem(`${item.path}.preferred`, `A material has one preferred product, and ${first} already is: set "preferred": false on one of them.`);
          preferred.set(scopeOf(material), item.path);
        }
      });
    }

    const unitNames = Names.fromRows(
      t.all<{ name: string; scope: number }>('SELECT material_id AS scope, name FROM material_units'),
      (n, where) => `This material already has a unit called ${n} (${where}).`,
    );
    for (const item of created(plan.units)) {
      check(item, (r) => {
        const material = plan.keys.materials.resolve(r.material, `${item.path}.material`);
        inMeasure(r.unit ?? measureBaseUnit(measureOf(material)), material, `${item.path}.unit`);
        unitNames.claim(r.name, item.path, 'name', scopeOf(material));
      });
    }

    const checkLot = (item: Item<MaterialPurchaseDraft> | Item<MaterialLotDraft>, productSlug: string, lotPath: string, lot: LotFiguresDraft, bought: ((size: number) => { quantity: number; unitCost: number }) | null) => {
      const p = plan.planned.get(item)!;
      const product = plan.keys.products.resolve(productSlug, `${item.path}.material_product`);
      const measure = measureOf(plan.materialOfProduct(product));
      const packageUnit = product.kind === 'file' ? product.item.record!.packageUnit : requireUnit(t.get<{ package_unit: string }>('SELECT package_unit FROM material_products WHERE id = ?', [product.id])!.package_unit);
      const packageQuantity = product.kind === 'file' ? product.item.record!.packageQuantity : t.get<{ package_quantity: number }>('SELECT package_quantity FROM material_products WHERE id = ?', [product.id])!.package_quantity;
      const size = toBase(packageQuantity, packageUnit);
      if (dimensionOf(packageUnit) !== measureDimension(measure)) throw new RecordProblem(`${item.path}.material_product`, `Its product is not measured the way its material is.`);
      p.figures = checkFigures(lot, { path: lotPath, packageUnit, bought: bought ? bought(size) : null, key: p.key, change: -(drawn.get(item) ?? 0) });
      p.product = product;
    };
    for (const item of created(plan.purchases)) {
      check(item, (r) => {
        if (r.supplier !== null) catalog.keys.suppliers.resolve(r.supplier, `${item.path}.supplier`);
        checkLot(item, r.materialProduct, `${item.path}.lot`, r.lot, (size) => {
          if (!Number.isFinite(r.packages * size)) throw new RecordProblem(`${item.path}.packages`, 'That is more packages than any shelf holds.');
          return { quantity: r.packages * size, unitCost: r.pricePerPackage / size };
        });
      });
    }
    for (const item of created(plan.lots)) check(item, (r) => checkLot(item, r.materialProduct, item.path, r, null));
  });
}

export function applyMaterials(db: Database, ctx: PlanContext, plan: MaterialsPlan, catalog: CatalogPlan, tx?: Tx): void {
  return withTransaction(db, tx, () => {
    const { db, t } = ctx;
    const supplierId = (slug: string | null) => (slug === null ? null : refId(catalog.keys.suppliers.resolve(slug, '')));
    for (const item of created(plan.materials)) {
      item.result = { outcome: 'created', id: insertMaterialRow(db, item.record!, t) };
      ctx.tick();
    }
    for (const item of created(plan.products)) {
      const r = item.record!;
      item.result = { outcome: 'created', id: insertMaterialProductRow(db, { ...r, materialId: refId(plan.keys.materials.resolve(r.material, '')), supplierId: supplierId(r.supplier) }, t) };
      ctx.tick();
    }
    for (const item of created(plan.units)) {
      const r = item.record!;
      const material = plan.keys.materials.resolve(r.material, '');
      const measure = material.kind === 'file' ? material.item.record!.baseMeasure : t.get<{ base_measure: BaseMeasure }>('SELECT base_measure FROM materials WHERE id = ?', [material.id])!.base_measure;
      const quantity = r.unit === null || r.unit === measureBaseUnit(measure) ? r.quantity : toBase(r.quantity, r.unit);
      item.result = { outcome: 'created', id: insertMaterialUnitRow(db, { ...r, materialId: refId(material), quantity }, t) };
      ctx.tick();
    }
    const writeLot = (item: Item<unknown>, lot: LotFiguresDraft, purchaseId: number | null, date: string): number => {
      const p = plan.planned.get(item)!;
      const f = p.figures!;
      return (p.lotId = insertMaterialLotRow(
        db,
        {
          materialId: refId(plan.materialOfProduct(p.product)), materialProductId: refId(p.product), materialPurchaseId: purchaseId, purchasedOn: date,
          quantityInitial: f.quantity, quantityRemaining: f.remaining, unitCost: f.unitCost, location: lot.location, notes: lot.notes,
          createdAt: lot.createdAt, updatedAt: lot.updatedAt,
        },
        t,
      ));
    };
    const writePurchase = (item: (typeof plan.purchases)[number]) => {
      const r = item.record!;
      const p = plan.planned.get(item)!;
      const purchaseId = insertMaterialPurchaseRow(
        db,
        { materialProductId: refId(p.product), supplierId: supplierId(r.supplier), purchasedOn: r.date, packages: r.packages, pricePerPackage: r.pricePerPackage, notes: r.notes, createdAt: r.createdAt, updatedAt: r.updatedAt },
        t,
      );
      writeLot(item, r.lot, purchaseId, r.date);
      item.result = { outcome: 'created', id: purchaseId };
    };
    writeInCreationOrder(
      plan.purchases,
      plan.lots,
      (item) => {
        writePurchase(item);
        ctx.tick();
      },
      (item) => {
        item.result = { outcome: 'created', id: writeLot(item, item.record!, null, item.record!.date) };
        ctx.tick();
      },
    );
  });
}
