/**
 * Material products: a box, bag or roll of a material, sold by 'each' or by
 * length. Each names its material (in the file or the pantry), whose measure
 * it must share, and perhaps a supplier by name (left blank, with a warning,
 * when there is none). Bake Tracker keeps the package size only in the notes;
 * when they do not say, 1 is assumed and reported.
 */
import { withTransaction, type Database, type Tx } from '../../../db/session';
import { readMaterialProduct, type BtMaterial, type BtMaterialProduct, type BtSupplier } from '../../../domain/bake-tracker-records';
import { isRejected, labelOf, orSlug, lower, plannedId, readRecord, rejected, section, type Planned } from '../../../domain/import-plan';
import { freeSlug } from '../../catalog/slugs';
import { insertMaterialProductRow } from '../../materials/material-rows';
import type { MaterialSection } from './materials';
import type { ImportFile, SectionPlan } from './section';
import type { SupplierSection } from './suppliers';

export interface MaterialProductPlan extends Planned<BtMaterialProduct> {
  material: Planned<BtMaterial> | { existingId: number } | null;
  supplierId: number | null | Planned<BtSupplier>;
}

export interface MaterialProductSection extends SectionPlan<BtMaterialProduct> {
  items: MaterialProductPlan[];
}

export function planMaterialProducts(
  db: Database,
  file: ImportFile,
  earlier: { materials: MaterialSection; suppliers: SupplierSection },
  tx?: Tx,
): MaterialProductSection {
  return withTransaction(db, tx, (t) => {
    const { materials, suppliers } = earlier;
    const supplierByName = (name: string) => suppliers.items.find((s) => s.record && lower(s.record.name) === lower(name));
    const items: MaterialProductPlan[] = section(file.data, 'material_products').map((raw, i) => ({
      ...readRecord(raw, `material_products[${i}]`, readMaterialProduct, orSlug(labelOf('display_name'))),
      index: i,
      material: null,
      supplierId: null,
    }));
    for (const mp of items) {
      const r = mp.record;
      if (!r) continue;
      const material = materials.byName.get(lower(r.materialName));
      const dbMaterial = material
        ? undefined
        : t.get<{ id: number; base_measure: string }>('SELECT id, base_measure FROM materials WHERE name = ? COLLATE NOCASE', [r.materialName]);
      if (!material && !dbMaterial) {
        mp.result = rejected(`${mp.path}.material`, `There is no material called ${r.materialName} in this file or in the pantry.`);
        continue;
      }
      if (material && isRejected(material.result)) {
        mp.result = rejected(`${mp.path}.material`, `Its material ${material.label} is refused too (see that material).`);
        continue;
      }
      const measure = material ? (materials.measures.get(material) ?? r.measure) : dbMaterial!.base_measure;
      if (measure !== r.measure) {
        mp.result = rejected(`${mp.path}.default_unit`, `${r.materialName} is measured by ${measure}, but this product by ${r.measure}.`);
        continue;
      }
      if (material) materials.measures.set(material, r.measure);
      mp.material = material ?? { existingId: dbMaterial!.id };
      if (r.quantityAssumed) file.report.warn(`${mp.path}.notes`, 'quantity-assumed', `Its notes do not say how many ${r.packageUnit} a package holds; 1 is assumed.`);
      if (r.supplierName) {
        const inFile = supplierByName(r.supplierName);
        const inDb = inFile ? undefined : t.get<{ id: number }>('SELECT id FROM suppliers WHERE name = ? COLLATE NOCASE', [r.supplierName]);
        mp.supplierId = inFile && !isRejected(inFile.result) ? inFile : (inDb?.id ?? null);
        if (!inFile && !inDb) file.report.warn(`${mp.path}.supplier`, 'supplier-left-blank', `Its supplier ${r.supplierName} is not in the file’s suppliers, so it is left blank.`);
      }
      const materialId = material ? (material.result.outcome === 'skipped' ? material.result.id : null) : dbMaterial!.id;
      const existing =
        materialId === null
          ? undefined
          : t.get<{ id: number }>('SELECT id FROM material_products WHERE material_id = ? AND name = ? COLLATE NOCASE', [materialId, r.name]);
      if (existing) mp.result = { outcome: 'skipped', id: existing.id };
    }
    return { key: 'material_products', entity: 'material product', items };
  });
}

export function applyMaterialProducts(db: Database, plan: MaterialProductSection, tx?: Tx): void {
  withTransaction(db, tx, (t) => {
    for (const mp of plan.items) {
      if (mp.result.outcome !== 'created') continue;
      const r = mp.record!;
      const material = mp.material!;
      const materialId = 'existingId' in material ? material.existingId : plannedId(material)!;
      const supplierId = mp.supplierId === null || typeof mp.supplierId === 'number' ? mp.supplierId : plannedId(mp.supplierId);
      mp.result.id = insertMaterialProductRow(
        db,
        {
          slug: freeSlug(db, 'material_products', r.name, t),
          materialId,
          brand: '',
          name: r.name,
          packageUnit: r.packageUnit,
          packageQuantity: r.packageQuantity,
          supplierId,
          notes: r.notes,
        },
        t,
      );
    }
  });
}
