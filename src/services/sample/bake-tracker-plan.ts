/**
 * First pass of a Bake Tracker import: reads every record, resolves its
 * references against the file and the database, and decides what happens to
 * it, writing nothing. Two repairs are made and reported as warnings: an
 * ingredient placed below the third level moves up beside its parent, and
 * same-named products of different sizes get the size in their name (a
 * product name is unique per ingredient and brand here).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import {
  readIngredient,
  readInventoryItem,
  readMaterial,
  readMaterialProduct,
  readProduct,
  readSupplier,
  type BtIngredient,
  type BtInventoryItem,
  type BtMaterial,
  type BtMaterialProduct,
  type BtProduct,
  type BtSupplier,
} from '../../domain/bake-tracker-records';
import { plainNumber } from '../../domain/format';
import { isRejected, labelOf, readRecord, rejected, section, type Outcome, type Planned } from '../../domain/import-plan';
import type { ImportReportBuilder } from '../../domain/import-report';
import { MAX_INGREDIENT_LEVEL } from '../../domain/ingredient-tree-rules';
import { dimensionOf, toBase } from '../../domain/units';

export interface IngredientPlan extends Planned<BtIngredient> {
  level: number;
  parentSlug: string | null;
}

export interface ProductPlan extends Planned<BtProduct> {
  ingredientSlug: string;
  finalName: string;
}

export interface LotPlan extends Planned<BtInventoryItem> {
  product: ProductPlan | null;
}

export interface MaterialProductPlan extends Planned<BtMaterialProduct> {
  material: Planned<BtMaterial> | { existingId: number } | null;
  supplierId: number | null | Planned<BtSupplier>;
}

const lower = (s: string) => s.toLowerCase();

function planIn(tx: Tx, data: Record<string, unknown>, report: ImportReportBuilder) {
  // Suppliers ---------------------------------------------------------------
  const suppliers = section(data, 'suppliers').map((raw, i) => ({ ...readRecord(raw, `suppliers[${i}]`, readSupplier, labelOf('name')), index: i }));
  const supplierByFileId = new Map<number, Planned<BtSupplier>>();
  const supplierNames = new Set<string>();
  for (const s of suppliers) {
    const r = s.record;
    if (!r) continue;
    if (supplierNames.has(lower(r.name))) {
      s.result = rejected(`${s.path}.name`, `Another supplier in this file is also called ${r.name}.`);
      continue;
    }
    supplierNames.add(lower(r.name));
    const existing = tx.get<{ id: number }>('SELECT id FROM suppliers WHERE slug = ? OR name = ? COLLATE NOCASE', [r.slug ?? '', r.name]);
    if (existing) s.result = { outcome: 'skipped', id: existing.id };
    if (r.fileId !== null) supplierByFileId.set(r.fileId, s);
  }

  // Ingredients ---------------------------------------------------------------
  const ingredients: IngredientPlan[] = section(data, 'ingredients').map((raw, i) => ({
    ...readRecord(raw, `ingredients[${i}]`, readIngredient, labelOf('display_name', 'slug')),
    index: i,
    level: 0,
    parentSlug: null,
  }));
  const bySlug = new Map<string, IngredientPlan>();
  const names = new Map<string, IngredientPlan>();
  for (const ing of ingredients) {
    const r = ing.record;
    if (!r) continue;
    if (bySlug.has(r.slug)) {
      ing.result = rejected(`${ing.path}.slug`, `The slug ${r.slug} is used twice in this file (first at ${bySlug.get(r.slug)!.path}).`);
      continue;
    }
    if (names.has(lower(r.name))) {
      ing.result = rejected(`${ing.path}.display_name`, `Two ingredients in this file are called ${r.name} (first at ${names.get(lower(r.name))!.path}).`);
      continue;
    }
    bySlug.set(r.slug, ing);
    names.set(lower(r.name), ing);
    const existing = tx.get<{ id: number; slug: string; level: number; parent_slug: string | null }>(
      'SELECT i.id, i.slug, i.level, p.slug AS parent_slug FROM ingredients i LEFT JOIN ingredients p ON p.id = i.parent_id WHERE i.slug = ?',
      [r.slug],
    );
    if (existing) {
      ing.result = { outcome: 'skipped', id: existing.id };
      ing.level = existing.level;
      ing.parentSlug = existing.parent_slug;
      continue;
    }
    const clash = tx.get<{ slug: string }>('SELECT slug FROM ingredients WHERE name = ? COLLATE NOCASE', [r.name]);
    if (clash) ing.result = rejected(`${ing.path}.display_name`, `An ingredient called ${r.name} already exists (as ${clash.slug}).`);
  }
  const dbIngredient = (slug: string) =>
    tx.get<{ id: number; level: number; parent_slug: string | null }>(
      'SELECT i.id, i.level, p.slug AS parent_slug FROM ingredients i LEFT JOIN ingredients p ON p.id = i.parent_id WHERE i.slug = ?',
      [slug],
    );

  // Place each new ingredient: its level follows from its parent's; too deep moves it up.
  const placed = new Set<IngredientPlan>();
  const placing = new Set<IngredientPlan>();
  const levelOf = (slug: string): { level: number; parentSlug: string | null } | null => {
    const inFile = bySlug.get(slug);
    if (inFile) {
      place(inFile);
      return isRejected(inFile.result) ? null : { level: inFile.level, parentSlug: inFile.parentSlug };
    }
    const row = dbIngredient(slug);
    return row ? { level: row.level, parentSlug: row.parent_slug } : null;
  };
  const place = (ing: IngredientPlan): void => {
    if (placed.has(ing) || !ing.record || ing.result.outcome !== 'created') return;
    if (placing.has(ing)) {
      ing.result = rejected(`${ing.path}.parent_slug`, `${ing.record.name} is, through its parents, its own parent.`);
      return;
    }
    placing.add(ing);
    const r = ing.record;
    let parentSlug = r.parentSlug;
    if (parentSlug !== null) {
      let parent = levelOf(parentSlug);
      if (!parent) {
        const why = bySlug.has(parentSlug) ? 'was rejected' : 'is neither in this file nor in the pantry';
        ing.result = rejected(`${ing.path}.parent_slug`, `The parent ${parentSlug} ${why}.`);
      } else {
        const original = parentSlug;
        while (parent && parent.level + 1 > MAX_INGREDIENT_LEVEL && parent.parentSlug !== null) {
          parentSlug = parent.parentSlug;
          parent = levelOf(parentSlug);
        }
        if (!parent || parent.level + 1 > MAX_INGREDIENT_LEVEL) {
          ing.result = rejected(`${ing.path}.parent_slug`, `${r.name} would be deeper than the three levels the ingredient tree has.`);
        } else {
          if (parentSlug !== original) {
            report.warn(`${ing.path}.parent_slug`, `${r.name} was below ${original}, deeper than three levels; it is placed beside it, under ${parentSlug}.`);
          }
          ing.level = parent.level + 1;
        }
      }
    }
    ing.parentSlug = parentSlug;
    placing.delete(ing);
    placed.add(ing);
  };
  for (const ing of ingredients) place(ing);

  const hasChildren = new Set<string>();
  for (const ing of ingredients) if (!isRejected(ing.result) && ing.parentSlug) hasChildren.add(ing.parentSlug);
  const ingredientRef = (slug: string, path: string, what: string): { ok: true } | { ok: false; outcome: Outcome } => {
    const inFile = bySlug.get(slug);
    if (inFile && isRejected(inFile.result)) return { ok: false, outcome: rejected(path, `The ingredient ${slug} was rejected (${inFile.result.path}).`) };
    const row = inFile ? null : dbIngredient(slug);
    if (!inFile && !row) return { ok: false, outcome: rejected(path, `There is no ingredient ${slug} in this file or in the pantry.`) };
    const childInDb = row ? tx.get('SELECT 1 AS x FROM ingredients c JOIN ingredients p ON p.id = c.parent_id WHERE p.slug = ?', [slug]) : undefined;
    if (hasChildren.has(slug) || childInDb) {
      return { ok: false, outcome: rejected(path, `${slug} has sub-ingredients; ${what} belong to a specific ingredient.`) };
    }
    return { ok: true };
  };

  // Products ----------------------------------------------------------------
  const rawProducts = section(data, 'products');
  const products: ProductPlan[] = rawProducts.map((raw, i) => ({
    ...readRecord(raw, `products[${i}]`, readProduct, labelOf('brand', 'product_name')),
    index: i,
    ingredientSlug: '',
    finalName: '',
  }));
  const ingredientName = (slug: string) =>
    bySlug.get(slug)?.record?.name ?? tx.get<{ name: string }>('SELECT name FROM ingredients WHERE slug = ?', [slug])?.name ?? slug;
  const sizeOf = (p: { packageQuantity: number; packageUnit: string }) => `${plainNumber(p.packageQuantity)} ${p.packageUnit}`;
  const productKey = (slug: string, brand: string, name: string | null, size: string) => `${slug}|${lower(brand)}|${lower(name ?? '')}|${size}`;
  const productByKey = new Map<string, ProductPlan>();
  const nameGroups = new Map<string, Set<string>>();
  for (const p of products) {
    if (!p.record) continue;
    const group = `${p.record.ingredientSlug}|${lower(p.record.brand)}|${lower(p.record.name ?? '')}`;
    nameGroups.set(group, (nameGroups.get(group) ?? new Set()).add(sizeOf(p.record)));
  }
  for (const p of products) {
    const r = p.record;
    if (!r) continue;
    p.ingredientSlug = r.ingredientSlug;
    const ref = ingredientRef(r.ingredientSlug, `${p.path}.ingredient_slug`, 'products');
    if (!ref.ok) {
      p.result = ref.outcome;
      continue;
    }
    const key = productKey(r.ingredientSlug, r.brand, r.name, sizeOf(r));
    if (productByKey.has(key)) {
      p.result = rejected(p.path, `The same product (brand, name and package size) is already at ${productByKey.get(key)!.path}.`);
      continue;
    }
    productByKey.set(key, p);
    let name = r.name ?? ingredientName(r.ingredientSlug);
    if (r.name === null) report.warn(`${p.path}.product_name`, `No product name: named "${name}" after its ingredient.`);
    const existingSameName = tx.all<{ id: number; package_quantity: number; package_unit: string }>(
      `SELECT p.id, p.package_quantity, p.package_unit FROM products p JOIN ingredients i ON i.id = p.ingredient_id
       WHERE i.slug = ? AND p.brand = ? COLLATE NOCASE AND p.name = ? COLLATE NOCASE`,
      [r.ingredientSlug, r.brand, name],
    );
    const group = nameGroups.get(`${r.ingredientSlug}|${lower(r.brand)}|${lower(r.name ?? '')}`)!;
    const otherSizeInDb = existingSameName.some((e) => sizeOf({ packageQuantity: e.package_quantity, packageUnit: e.package_unit }) !== sizeOf(r));
    if (group.size > 1 || otherSizeInDb) {
      name = `${name}, ${sizeOf(r)}`;
      report.warn(`${p.path}.product_name`, `Several ${r.brand} products share this name; this one is called "${name}".`);
    }
    p.finalName = name;
    p.label = [r.brand, name].filter(Boolean).join(' ');
    const existing = tx.get<{ id: number; package_quantity: number; package_unit: string }>(
      `SELECT p.id, p.package_quantity, p.package_unit FROM products p JOIN ingredients i ON i.id = p.ingredient_id
       WHERE i.slug = ? AND p.brand = ? COLLATE NOCASE AND p.name = ? COLLATE NOCASE`,
      [r.ingredientSlug, r.brand, name],
    );
    if (existing) {
      p.result = sizeOf({ packageQuantity: existing.package_quantity, packageUnit: existing.package_unit }) === sizeOf(r)
        ? { outcome: 'skipped', id: existing.id }
        : rejected(`${p.path}.package_unit_quantity`, `${p.label} already exists with a package of ${existing.package_quantity} ${existing.package_unit}.`);
    }
  }

  // Inventory items -> lots ---------------------------------------------------
  const lots: LotPlan[] = section(data, 'inventory_items').map((raw, i) => ({
    ...readRecord(raw, `inventory_items[${i}]`, readInventoryItem, labelOf('product_brand', 'product_name', 'purchase_date')),
    index: i,
    product: null,
  }));
  const lotsSeen = new Map<string, number>();
  for (const lot of lots) {
    const r = lot.record;
    if (!r) continue;
    let product: ProductPlan | undefined = productByKey.get(productKey(r.ingredientSlug, r.brand, r.name, sizeOf(r)));
    if (!product) {
      const sameName = products.filter(
        (p) => p.record && p.record.ingredientSlug === r.ingredientSlug && lower(p.record.brand) === lower(r.brand) && lower(p.record.name ?? '') === lower(r.name ?? ''),
      );
      if (sameName.length === 1) product = sameName[0];
    }
    if (!product) {
      // A product whose own record could not be read is still recognisable by its raw fields.
      product = products.find((p) => {
        const raw = rawProducts[p.index] as Record<string, unknown> | undefined;
        return !p.record && raw?.ingredient_slug === r.ingredientSlug && lower(String(raw.brand ?? '')) === lower(r.brand) && lower(String(raw.product_name ?? '')) === lower(r.name ?? '');
      });
    }
    if (!product) {
      lot.result = rejected(`${lot.path}.product_name`, `No product ${[r.brand, r.name].filter(Boolean).join(' ')} (${sizeOf(r)}) of ${r.ingredientSlug} in this file.`);
      continue;
    }
    if (isRejected(product.result)) {
      lot.result = rejected(`${lot.path}.product_name`, `Its product was rejected (${product.result.path}).`);
      continue;
    }
    lot.product = product;
    if (dimensionOf(r.packageUnit) !== dimensionOf(product.record!.packageUnit)) {
      lot.result = rejected(`${lot.path}.package_unit`, `${r.packageUnit} does not measure the same thing as its product's ${product.record!.packageUnit}.`);
      continue;
    }
    if (product.result.outcome === 'skipped') {
      // Same product, date, quantity and notes: that lot is already in the pantry (counted, so true twins both import once).
      const quantity = toBase(r.quantity, r.packageUnit);
      const key = `${product.result.id}|${r.purchasedOn}|${quantity}|${r.notes}`;
      const seen = lotsSeen.get(key) ?? 0;
      const existing = tx.all<{ id: number }>(
        `SELECT id FROM lots WHERE product_id = ? AND purchased_on = ? AND purchase_id IS NULL AND abs(quantity_initial - ?) <= 1e-9 * ? AND notes = ?
         ORDER BY id`,
        [product.result.id, r.purchasedOn, quantity, quantity, r.notes],
      );
      lotsSeen.set(key, seen + 1);
      if (existing[seen]) lot.result = { outcome: 'skipped', id: existing[seen]!.id };
    }
  }

  // Materials and material products ---------------------------------------------
  const materials = section(data, 'materials').map((raw, i) => ({ ...readRecord(raw, `materials[${i}]`, readMaterial, labelOf('display_name')), index: i }));
  const materialByName = new Map<string, Planned<BtMaterial>>();
  for (const m of materials) {
    const r = m.record;
    if (!r) continue;
    if (materialByName.has(lower(r.name))) {
      m.result = rejected(`${m.path}.display_name`, `Two materials in this file are called ${r.name}.`);
      continue;
    }
    materialByName.set(lower(r.name), m);
    const existing = tx.get<{ id: number }>('SELECT id FROM materials WHERE slug = ?', [r.slug]);
    if (existing) m.result = { outcome: 'skipped', id: existing.id };
  }
  const supplierByName = (name: string) => suppliers.find((s) => s.record && lower(s.record.name) === lower(name));
  const materialProducts: MaterialProductPlan[] = section(data, 'material_products').map((raw, i) => ({
    ...readRecord(raw, `material_products[${i}]`, readMaterialProduct, labelOf('display_name')),
    index: i,
    material: null,
    supplierId: null,
  }));
  const measures = new Map<Planned<BtMaterial>, 'each' | 'length'>();
  for (const mp of materialProducts) {
    const r = mp.record;
    if (!r) continue;
    const material = materialByName.get(lower(r.materialName));
    const dbMaterial = material ? undefined : tx.get<{ id: number; base_measure: string }>('SELECT id, base_measure FROM materials WHERE name = ? COLLATE NOCASE', [r.materialName]);
    if (!material && !dbMaterial) {
      mp.result = rejected(`${mp.path}.material`, `There is no material called ${r.materialName} in this file or in the pantry.`);
      continue;
    }
    if (material && isRejected(material.result)) {
      mp.result = rejected(`${mp.path}.material`, `Its material was rejected (${material.result.path}).`);
      continue;
    }
    const measure = material ? (measures.get(material) ?? r.measure) : dbMaterial!.base_measure;
    if (measure !== r.measure) {
      mp.result = rejected(`${mp.path}.default_unit`, `${r.materialName} is measured by ${measure}, but this product by ${r.measure}.`);
      continue;
    }
    if (material) measures.set(material, r.measure);
    mp.material = material ?? { existingId: dbMaterial!.id };
    if (r.quantityAssumed) report.warn(`${mp.path}.notes`, `The notes do not say how many ${r.packageUnit} a package holds; 1 is assumed.`);
    if (r.supplierName) {
      const inFile = supplierByName(r.supplierName);
      const inDb = inFile ? undefined : tx.get<{ id: number }>('SELECT id FROM suppliers WHERE name = ? COLLATE NOCASE', [r.supplierName]);
      mp.supplierId = inFile && !isRejected(inFile.result) ? inFile : (inDb?.id ?? null);
      if (!inFile && !inDb) report.warn(`${mp.path}.supplier`, `${r.supplierName} is not among the suppliers; the supplier is left blank.`);
    }
    const materialId = material ? (material.result.outcome === 'skipped' ? material.result.id : null) : dbMaterial!.id;
    const existing = materialId === null ? undefined : tx.get<{ id: number }>('SELECT id FROM material_products WHERE material_id = ? AND name = ? COLLATE NOCASE', [materialId, r.name]);
    if (existing) mp.result = { outcome: 'skipped', id: existing.id };
  }

  return { suppliers, supplierByFileId, ingredients, bySlug, products, lots, materials, measures, materialProducts };
}

export type BakeTrackerPlan = ReturnType<typeof planIn>;

/** Reads, checks and resolves the whole file against the database; writes nothing. */
export function planBakeTrackerImport(db: Database, data: Record<string, unknown>, report: ImportReportBuilder, tx?: Tx): BakeTrackerPlan {
  return withTransaction(db, tx, (t) => planIn(t, data, report));
}
