/**
 * Packaging materials (boxes, ribbon, bags). A name used twice in the file is
 * refused; a slug the pantry has is skipped. A material's measure ('each' or
 * 'length') is what its products are sold by, so material-products.ts sets it
 * in `measures` while planning them; a material without products counts.
 */
import { withTransaction, type Database, type Tx } from '../../../db/session';
import { readMaterial, type BtMaterial } from '../../../domain/bake-tracker-records';
import { labelOf, orSlug, lower, readRecord, rejected, section, type Planned } from '../../../domain/import-plan';
import { freeSlug } from '../../catalog/slugs';
import { insertMaterialRow } from '../../materials/material-rows';
import type { ImportFile, SectionPlan } from './section';

export interface MaterialSection extends SectionPlan<BtMaterial> {
  /** By lower-case name: material products name their material. */
  byName: Map<string, Planned<BtMaterial>>;
  /** The measure each new material's products are sold by (filled while planning them). */
  measures: Map<Planned<BtMaterial>, 'each' | 'length'>;
}

export function planMaterials(db: Database, file: ImportFile, tx?: Tx): MaterialSection {
  return withTransaction(db, tx, (t) => {
    const items = section(file.data, 'materials').map((raw, i) => ({ ...readRecord(raw, `materials[${i}]`, readMaterial, orSlug(labelOf('display_name'))), index: i }));
    const byName = new Map<string, Planned<BtMaterial>>();
    for (const m of items) {
      const r = m.record;
      if (!r) continue;
      if (byName.has(lower(r.name))) {
        m.result = rejected(`${m.path}.display_name`, `Two materials in this file are called ${r.name}.`);
        continue;
      }
      byName.set(lower(r.name), m);
      const existing = t.get<{ id: number }>('SELECT id FROM materials WHERE slug = ?', [r.slug]);
      if (existing) m.result = { outcome: 'skipped', id: existing.id };
    }
    return { key: 'materials', entity: 'material', items, byName, measures: new Map() };
  });
}

export function applyMaterials(db: Database, plan: MaterialSection, tx?: Tx): void {
  withTransaction(db, tx, (t) => {
    for (const m of plan.items) {
      if (m.result.outcome !== 'created') continue;
      const r = m.record!;
      const slug = freeSlug(db, 'materials', { name: r.name, slug: r.slug }, t);
      m.result.id = insertMaterialRow(db, { slug, name: r.name, category: r.category, baseMeasure: plan.measures.get(m) ?? 'each', notes: r.notes }, t);
    }
  });
}
