/**
 * Products. One belongs to a leaf ingredient of the file or the pantry; the
 * same brand, name and size twice in the file is refused; one the pantry has
 * is skipped. Bake Tracker allows same-named products of different sizes,
 * Bake Planner does not (a product name is unique per ingredient and brand),
 * so those get their size in their name, and a product with no name is named
 * after its ingredient; both are reported as warnings.
 */
import { withTransaction, type Database, type Tx } from '../../../db/session';
import { packageSizeText, productKey, readProduct, type BtProduct } from '../../../domain/bake-tracker-records';
import { labelOf, orSlug, lower, plannedId, readRecord, rejected, section, type Planned } from '../../../domain/import-plan';
import { insertProductRow } from '../../catalog/product-rows';
import { freeSlug } from '../../catalog/slugs';
import { ingredientIdBySlug, ingredientNameBySlug, leafRefusal, type IngredientSection } from './ingredients';
import type { ImportFile, SectionPlan } from './section';
import type { SupplierSection } from './suppliers';

export interface ProductPlan extends Planned<BtProduct> {
  ingredientSlug: string;
  finalName: string;
}

export interface ProductSection extends SectionPlan<BtProduct> {
  items: ProductPlan[];
  /** By productKey (ingredient, brand, name, size): how lots find their product. */
  byKey: Map<string, ProductPlan>;
  /** The file's records as they are, so a product that could not be read is still recognised by a lot. */
  raw: unknown[];
}

interface SameName {
  id: number;
  package_quantity: number;
  package_unit: string;
}

const SAME_NAME = `SELECT p.id, p.package_quantity, p.package_unit FROM products p JOIN ingredients i ON i.id = p.ingredient_id
  WHERE i.slug = ? AND p.brand = ? COLLATE NOCASE AND p.name = ? COLLATE NOCASE`;

export function planProducts(db: Database, file: ImportFile, earlier: { ingredients: IngredientSection }, tx?: Tx): ProductSection {
  return withTransaction(db, tx, (t) => {
    const raw = section(file.data, 'products');
    const items: ProductPlan[] = raw.map((record, i) => ({
      ...readRecord(record, `products[${i}]`, readProduct, orSlug(labelOf('brand', 'product_name'), 'ingredient_slug')),
      index: i,
      ingredientSlug: '',
      finalName: '',
    }));
    const byKey = new Map<string, ProductPlan>();
    const nameGroups = new Map<string, Set<string>>();
    for (const p of items) {
      if (!p.record) continue;
      const group = `${p.record.ingredientSlug}|${lower(p.record.brand)}|${lower(p.record.name ?? '')}`;
      nameGroups.set(group, (nameGroups.get(group) ?? new Set()).add(packageSizeText(p.record)));
    }
    for (const p of items) {
      const r = p.record;
      if (!r) continue;
      p.ingredientSlug = r.ingredientSlug;
      const refusal = leafRefusal(db, earlier.ingredients, r.ingredientSlug, `${p.path}.ingredient_slug`, 'products', t);
      if (refusal) {
        p.result = refusal;
        continue;
      }
      const key = productKey(r.ingredientSlug, r.brand, r.name, packageSizeText(r));
      if (byKey.has(key)) {
        p.result = rejected(p.path, `The same product (brand, name and package size) is already at ${byKey.get(key)!.path}.`);
        continue;
      }
      byKey.set(key, p);
      let name = r.name ?? ingredientNameBySlug(db, earlier.ingredients, r.ingredientSlug, t);
      if (r.name === null) file.report.warn(`${p.path}.product_name`, 'named-after-ingredient', `It had no name; it is called “${name}”, after its ingredient.`);
      const existingSameName = t.all<SameName>(SAME_NAME, [r.ingredientSlug, r.brand, name]);
      const group = nameGroups.get(`${r.ingredientSlug}|${lower(r.brand)}|${lower(r.name ?? '')}`)!;
      const otherSizeInDb = existingSameName.some((e) => packageSizeText({ packageQuantity: e.package_quantity, packageUnit: e.package_unit }) !== packageSizeText(r));
      if (group.size > 1 || otherSizeInDb) {
        name = `${name}, ${packageSizeText(r)}`;
        file.report.warn(`${p.path}.product_name`, 'name-shared', `Other ${r.brand || 'unbranded'} products have its name; this one is called “${name}”.`);
      }
      p.finalName = name;
      p.label = [r.brand, name].filter(Boolean).join(' ');
      const existing = t.get<SameName>(SAME_NAME, [r.ingredientSlug, r.brand, name]);
      if (existing) {
        p.result =
          packageSizeText({ packageQuantity: existing.package_quantity, packageUnit: existing.package_unit }) === packageSizeText(r)
            ? { outcome: 'skipped', id: existing.id }
            : rejected(`${p.path}.package_unit_quantity`, `${p.label} already exists with a package of ${existing.package_quantity} ${existing.package_unit}.`);
      }
    }
    return { key: 'products', entity: 'product', items, byKey, raw };
  });
}

export function applyProducts(
  db: Database,
  plan: ProductSection,
  earlier: { ingredients: IngredientSection; suppliers: SupplierSection },
  tx?: Tx,
): void {
  withTransaction(db, tx, (t) => {
    for (const p of plan.items) {
      if (p.result.outcome !== 'created') continue;
      const r = p.record!;
      const supplier = r.supplierFileId === null ? undefined : earlier.suppliers.byFileId.get(r.supplierFileId);
      p.result.id = insertProductRow(
        db,
        {
          slug: freeSlug(db, 'products', `${r.brand} ${p.finalName}`, t),
          ingredientId: ingredientIdBySlug(db, earlier.ingredients, r.ingredientSlug, t),
          brand: r.brand,
          name: p.finalName,
          packageType: r.packageType,
          packageUnit: r.packageUnit,
          packageQuantity: r.packageQuantity,
          gtin: r.gtin,
          preferred: r.preferred,
          hidden: r.hidden,
          supplierId: supplier ? plannedId(supplier) : null,
          notes: '',
        },
        t,
      );
    }
  });
}
