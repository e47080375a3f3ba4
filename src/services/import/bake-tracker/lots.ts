/**
 * Inventory items become lots with no purchase (a backup has no receipts),
 * in the base unit of their product's dimension, with the file's unit cost
 * when it has one. An item matches its product by ingredient, brand, name and
 * size (or by name alone when only one product has it); a lot the pantry
 * already holds (same product, date, quantity and notes) is skipped.
 */
import { withTransaction, type Database, type Tx } from '../../../db/session';
import { packageSizeText, productKey, readInventoryItem, type BtInventoryItem } from '../../../domain/bake-tracker-records';
import { isRejected, labelOf, lower, plannedId, readRecord, rejected, section, type Planned } from '../../../domain/import-plan';
import { dimensionOf, toBase } from '../../../domain/units';
import { insertLotRow } from '../../pantry/lot-rows';
import { ingredientIdBySlug, type IngredientSection } from './ingredients';
import type { ProductPlan, ProductSection } from './products';
import type { ImportFile, SectionPlan } from './section';

export interface LotPlan extends Planned<BtInventoryItem> {
  product: ProductPlan | null;
}

export interface LotSection extends SectionPlan<BtInventoryItem> {
  items: LotPlan[];
}

/** The product an inventory item is of, if the file has it. */
function productOf(products: ProductSection, r: BtInventoryItem): ProductPlan | undefined {
  const byKey = products.byKey.get(productKey(r.ingredientSlug, r.brand, r.name, packageSizeText(r)));
  if (byKey) return byKey;
  const sameName = products.items.filter(
    (p) => p.record && p.record.ingredientSlug === r.ingredientSlug && lower(p.record.brand) === lower(r.brand) && lower(p.record.name ?? '') === lower(r.name ?? ''),
  );
  if (sameName.length === 1) return sameName[0];
  // A product whose own record could not be read is still recognisable by its raw fields.
  return products.items.find((p) => {
    const raw = products.raw[p.index] as Record<string, unknown> | undefined;
    return !p.record && raw?.ingredient_slug === r.ingredientSlug && lower(String(raw.brand ?? '')) === lower(r.brand) && lower(String(raw.product_name ?? '')) === lower(r.name ?? '');
  });
}

export function planLots(db: Database, file: ImportFile, earlier: { products: ProductSection }, tx?: Tx): LotSection {
  return withTransaction(db, tx, (t) => {
    const items: LotPlan[] = section(file.data, 'inventory_items').map((raw, i) => ({
      ...readRecord(raw, `inventory_items[${i}]`, readInventoryItem, labelOf('product_brand', 'product_name', 'purchase_date')),
      index: i,
      product: null,
    }));
    const lotsSeen = new Map<string, number>();
    for (const lot of items) {
      const r = lot.record;
      if (!r) continue;
      const product = productOf(earlier.products, r);
      if (!product) {
        lot.result = rejected(`${lot.path}.product_name`, `No product ${[r.brand, r.name].filter(Boolean).join(' ')} (${packageSizeText(r)}) of ${r.ingredientSlug} in this file.`);
        continue;
      }
      if (isRejected(product.result)) {
        lot.result = rejected(`${lot.path}.product_name`, `Its product ${product.label} is refused too (see that product).`);
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
        const existing = t.all<{ id: number }>(
          `SELECT id FROM lots WHERE product_id = ? AND purchased_on = ? AND purchase_id IS NULL AND abs(quantity_initial - ?) <= 1e-9 * ? AND notes = ?
           ORDER BY id`,
          [product.result.id, r.purchasedOn, quantity, quantity, r.notes],
        );
        lotsSeen.set(key, seen + 1);
        if (existing[seen]) lot.result = { outcome: 'skipped', id: existing[seen]!.id };
      }
    }
    return { key: 'inventory_items', entity: 'lot', items };
  });
}

export function applyLots(db: Database, plan: LotSection, earlier: { ingredients: IngredientSection }, tx?: Tx): void {
  withTransaction(db, tx, (t) => {
    for (const lot of plan.items) {
      if (lot.result.outcome !== 'created') continue;
      const r = lot.record!;
      const product = lot.product!;
      const quantity = toBase(r.quantity, r.packageUnit);
      lot.result.id = insertLotRow(
        db,
        {
          ingredientId: ingredientIdBySlug(db, earlier.ingredients, product.record!.ingredientSlug, t),
          productId: plannedId(product)!,
          purchaseId: null,
          purchasedOn: r.purchasedOn,
          dimension: dimensionOf(r.packageUnit),
          quantityInitial: quantity,
          quantityRemaining: quantity,
          unitCost: r.unitCost === null ? null : r.unitCost / toBase(1, r.packageUnit),
          expiresOn: r.expiresOn,
          location: r.location,
          notes: r.notes,
        },
        t,
      );
    }
  });
}
