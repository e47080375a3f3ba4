/**
 * Second pass of a Bake Tracker import: writes a plan in which nothing was
 * rejected, parents before children, keeping the file's slugs where they are
 * free. Every insert binds the transaction's timestamp.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import type { Planned } from '../../domain/import-plan';
import { slugify, uniqueSlug } from '../../domain/slug';
import { dimensionOf, toBase } from '../../domain/units';
import type { BakeTrackerPlan } from './bake-tracker-plan';

function freeSlug(tx: Tx, table: 'ingredients' | 'suppliers' | 'products' | 'materials' | 'material_products', wanted: string | null, name: string): string {
  const taken = (slug: string) => tx.get(`SELECT 1 AS x FROM ${table} WHERE slug = ?`, [slug]) !== undefined;
  return wanted && !taken(wanted) ? wanted : uniqueSlug(slugify(wanted ?? name), taken);
}

const idOf = (p: Planned<unknown>): number | null => (p.result.outcome === 'rejected' ? null : p.result.id);

function applyIn(tx: Tx, p: BakeTrackerPlan): void {
  const now = tx.now();
  for (const s of p.suppliers) {
    const r = s.record!;
    if (s.result.outcome !== 'created') continue;
    s.result.id = tx.run(
      'INSERT INTO suppliers (slug, name, kind, location, active, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [freeSlug(tx, 'suppliers', r.slug, r.name), r.name, r.kind, r.location, r.active ? 1 : 0, r.notes, now, now],
    ).lastInsertRowid;
  }

  const ingredientId = (slug: string): number =>
    (p.bySlug.has(slug) ? idOf(p.bySlug.get(slug)!) : null) ?? tx.get<{ id: number }>('SELECT id FROM ingredients WHERE slug = ?', [slug])!.id;
  // Parents before children: levels only grow downwards.
  const newIngredients = p.ingredients.filter((i) => i.result.outcome === 'created').sort((a, b) => a.level - b.level || a.index - b.index);
  for (const ing of newIngredients) {
    const r = ing.record!;
    const d = r.density;
    (ing.result as { id: number | null }).id = tx.run(
      `INSERT INTO ingredients (slug, name, parent_id, level, density_volume_qty, density_volume_unit, density_weight_qty,
         density_weight_unit, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        r.slug, r.name, ing.parentSlug === null ? null : ingredientId(ing.parentSlug), ing.level,
        d?.volumeQty ?? null, d?.volumeUnit ?? null, d?.weightQty ?? null, d?.weightUnit ?? null, r.notes, now, now,
      ],
    ).lastInsertRowid;
  }

  for (const prod of p.products) {
    if (prod.result.outcome !== 'created') continue;
    const r = prod.record!;
    const supplier = r.supplierFileId === null ? undefined : p.supplierByFileId.get(r.supplierFileId);
    prod.result.id = tx.run(
      `INSERT INTO products (slug, ingredient_id, brand, name, package_type, package_unit, package_quantity, gtin, preferred, hidden,
         supplier_id, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
      [
        freeSlug(tx, 'products', null, `${r.brand} ${prod.finalName}`), ingredientId(r.ingredientSlug), r.brand, prod.finalName,
        r.packageType, r.packageUnit, r.packageQuantity, r.gtin, r.preferred ? 1 : 0, r.hidden ? 1 : 0,
        supplier ? idOf(supplier) : null, now, now,
      ],
    ).lastInsertRowid;
  }

  for (const lot of p.lots) {
    if (lot.result.outcome !== 'created') continue;
    const r = lot.record!;
    const product = lot.product!;
    const quantity = toBase(r.quantity, r.packageUnit);
    const unitCost = r.unitCost === null ? null : r.unitCost / toBase(1, r.packageUnit);
    lot.result.id = tx.run(
      `INSERT INTO lots (ingredient_id, product_id, purchase_id, purchased_on, dimension, quantity_initial, quantity_remaining, unit_cost,
         expires_on, location, notes, created_at, updated_at)
       VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        ingredientId(product.record!.ingredientSlug), idOf(product), r.purchasedOn, dimensionOf(r.packageUnit), quantity, quantity, unitCost,
        r.expiresOn, r.location, r.notes, now, now,
      ],
    ).lastInsertRowid;
  }

  for (const m of p.materials) {
    if (m.result.outcome !== 'created') continue;
    const r = m.record!;
    m.result.id = tx.run(
      'INSERT INTO materials (slug, name, category, base_measure, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [freeSlug(tx, 'materials', r.slug, r.name), r.name, r.category, p.measures.get(m) ?? 'each', r.notes, now, now],
    ).lastInsertRowid;
  }

  for (const mp of p.materialProducts) {
    if (mp.result.outcome !== 'created') continue;
    const r = mp.record!;
    const material = mp.material!;
    const materialId = 'existingId' in material ? material.existingId : idOf(material);
    const supplierId = mp.supplierId === null || typeof mp.supplierId === 'number' ? mp.supplierId : idOf(mp.supplierId);
    mp.result.id = tx.run(
      `INSERT INTO material_products (slug, material_id, brand, name, package_unit, package_quantity, supplier_id, notes, created_at, updated_at)
       VALUES (?, ?, '', ?, ?, ?, ?, ?, ?, ?)`,
      [freeSlug(tx, 'material_products', null, r.name), materialId, r.name, r.packageUnit, r.packageQuantity, supplierId, r.notes, now, now],
    ).lastInsertRowid;
  }
}

/** Writes a fully accepted plan, recording the new ids in it. */
export function applyBakeTrackerPlan(db: Database, plan: BakeTrackerPlan, tx?: Tx): void {
  withTransaction(db, tx, (t) => applyIn(t, plan));
}
