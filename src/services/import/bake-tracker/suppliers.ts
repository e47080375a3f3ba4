/** Suppliers: a name used twice in the file is refused; one the pantry has (by slug or name) is skipped. */
import { withTransaction, type Database, type Tx } from '../../../db/session';
import { readSupplier, type BtSupplier } from '../../../domain/bake-tracker-records';
import { labelOf, lower, readRecord, rejected, section, type Planned } from '../../../domain/import-plan';
import { insertSupplierRow } from '../../catalog/supplier-rows';
import { freeSlug } from '../../catalog/slugs';
import type { ImportFile, SectionPlan } from './section';

export interface SupplierSection extends SectionPlan<BtSupplier> {
  /** Products refer to their supplier by the file's own id. */
  byFileId: Map<number, Planned<BtSupplier>>;
}

export function planSuppliers(db: Database, file: ImportFile, tx?: Tx): SupplierSection {
  return withTransaction(db, tx, (t) => {
    const items = section(file.data, 'suppliers').map((raw, i) => ({ ...readRecord(raw, `suppliers[${i}]`, readSupplier, labelOf('name')), index: i }));
    const byFileId = new Map<number, Planned<BtSupplier>>();
    const names = new Set<string>();
    for (const s of items) {
      const r = s.record;
      if (!r) continue;
      if (names.has(lower(r.name))) {
        s.result = rejected(`${s.path}.name`, `Another supplier in this file is also called ${r.name}.`);
        continue;
      }
      names.add(lower(r.name));
      const existing = t.get<{ id: number }>('SELECT id FROM suppliers WHERE slug = ? OR name = ? COLLATE NOCASE', [r.slug ?? '', r.name]);
      if (existing) s.result = { outcome: 'skipped', id: existing.id };
      if (r.fileId !== null) byFileId.set(r.fileId, s);
    }
    return { key: 'suppliers', entity: 'supplier', items, byFileId };
  });
}

export function applySuppliers(db: Database, plan: SupplierSection, tx?: Tx): void {
  withTransaction(db, tx, (t) => {
    for (const s of plan.items) {
      if (s.result.outcome !== 'created') continue;
      const r = s.record!;
      const slug = freeSlug(db, 'suppliers', { name: r.name, slug: r.slug }, t);
      s.result.id = insertSupplierRow(db, { slug, name: r.name, kind: r.kind, location: r.location, active: r.active, notes: r.notes }, t);
    }
  });
}
