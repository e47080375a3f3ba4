/**
 * The report an import gives back: one line per record of the file with what
 * happened to it (created, skipped because it is already there, or rejected
 * and why) and the record's path in the file, e.g. `products[12].package_unit`;
 * the changes made on the way in to records that were brought in; and what
 * needs the baker's attention afterwards (lots that came without a price).
 * When anything is rejected nothing is written, and the other lines say what
 * would have happened. The summary leads with what happened, in the baker's
 * words; paths are details (./import-story.ts words the rest for a screen).
 */

export type ImportOutcome = 'created' | 'skipped' | 'rejected';

export const IMPORT_ENTITIES = [
  'supplier',
  'ingredient',
  'product',
  'lot',
  'material',
  'material product',
  'recipe',
  'finished unit',
  // A Bake Planner snapshot's records besides those (docs/export-format.md).
  'settings',
  'purchase',
  'adjustment',
  'material unit',
  'material purchase',
  'material lot',
  'finished good',
  'event',
  'production run',
  'assembly run',
  'finished unit lot',
  'finished good lot',
] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** How the baker calls each kind of record: one, several. */
export const ENTITY_WORDS: Record<ImportEntity, [one: string, many: string]> = {
  supplier: ['supplier', 'suppliers'],
  ingredient: ['ingredient', 'ingredients'],
  product: ['product', 'products'],
  lot: ['pantry lot', 'pantry lots'],
  material: ['packaging material', 'packaging materials'],
  'material product': ['packaging product', 'packaging products'],
  recipe: ['recipe', 'recipes'],
  'finished unit': ['finished unit', 'finished units'],
  settings: ['setting', 'settings'],
  purchase: ['purchase', 'purchases'],
  adjustment: ['adjustment', 'adjustments'],
  'material unit': ['packaging unit', 'packaging units'],
  'material purchase': ['packaging purchase', 'packaging purchases'],
  'material lot': ['packaging lot', 'packaging lots'],
  'finished good': ['good', 'goods'],
  event: ['event', 'events'],
  'production run': ['bake', 'bakes'],
  'assembly run': ['assembly', 'assemblies'],
  'finished unit lot': ['lot of finished units', 'lots of finished units'],
  'finished good lot': ['lot of goods', 'lots of goods'],
};

/** "1 ingredient", "413 ingredients". */
export function countOf(entity: ImportEntity, n: number): string {
  return `${n.toLocaleString('en-US')} ${ENTITY_WORDS[entity][n === 1 ? 0 : 1]}`;
}

/** "a, b and c". */
export function listed(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export interface ImportRecordResult {
  path: string;
  entity: ImportEntity;
  /** How a baker recognises the record: a name or a slug. */
  label: string;
  outcome: ImportOutcome;
  reason?: string;
}

/** What was changed on the way in, by kind, so a screen can group them. */
export type ImportChange = 'moved-up' | 'named-after-ingredient' | 'name-shared' | 'supplier-left-blank' | 'quantity-assumed' | 'unit-not-added' | 'migrated';

export interface ImportNote {
  path: string;
  kind: ImportChange;
  message: string;
  /** The record it is about, as the baker knows it. */
  label: string;
}

/** Something to do after the import: `count` records need it. */
export interface ImportAttention {
  kind: 'lots-without-price';
  count: number;
}

export interface ImportReport {
  /** True when nothing was rejected (and so everything was written). */
  ok: boolean;
  written: boolean;
  source: { application: string; version: string };
  counts: Record<ImportEntity, Record<ImportOutcome, number>>;
  records: ImportRecordResult[];
  /** Things changed on the way in (a flattened tree level, a missing name filled in), for records brought in. */
  warnings: ImportNote[];
  /** What the baker should see to next. */
  attention: ImportAttention[];
  /** Sections of the file this importer does not read, with their sizes. */
  notImported: { section: string; count: number }[];
  summary: string;
}

/** The path without its last part: `recipes[0].finished_units[1]` is `recipes[0].finished_units`; '' at the top (`format_version`). */
const parentOf = (path: string) => {
  const up = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
  // A top-level key has no part to drop: without this, a note on `format_version` looped for ever.
  return up === path ? '' : up;
};

export class ImportReportBuilder {
  readonly records: ImportRecordResult[] = [];
  private readonly notes: Omit<ImportNote, 'label'>[] = [];
  readonly notImported: { section: string; count: number }[] = [];
  readonly attention: ImportAttention[] = [];

  add(result: ImportRecordResult): void {
    this.records.push(result);
  }

  warn(path: string, kind: ImportChange, message: string): void {
    this.notes.push({ path, kind, message });
  }

  needsAttention(kind: ImportAttention['kind'], count: number): void {
    if (count > 0) this.attention.push({ kind, count });
  }

  get rejected(): number {
    return this.records.filter((r) => r.outcome === 'rejected').length;
  }

  build(source: { application: string; version: string }, written: boolean): ImportReport {
    const counts = Object.fromEntries(
      IMPORT_ENTITIES.map((e) => [e, { created: 0, skipped: 0, rejected: 0 }]),
    ) as ImportReport['counts'];
    for (const r of this.records) counts[r.entity][r.outcome]++;
    // Records by path, only when there are notes to place: a large file's 150,000 records would make a map of them for nothing.
    const byPath = new Map(this.notes.length > 0 ? this.records.map((r) => [r.path, r]) : []);
    const warnings = this.notes.flatMap((n) => {
      // The record a note is about: at its path, or the one whose field it names (`products[18].product_name`).
      const own = byPath.get(n.path) ?? (/\.[^.[\]]+$/.test(n.path) ? byPath.get(parentOf(n.path)) : undefined);
      // A change to a record that was already here changed nothing this time: it is not reported again.
      if (own?.outcome === 'skipped') return [];
      let named = own;
      for (let p = parentOf(n.path); !named && p; p = parentOf(p)) named = byPath.get(p);
      return [{ ...n, label: named?.label ?? n.path }];
    });
    const ok = this.rejected === 0;
    return {
      ok,
      written,
      source,
      counts,
      records: this.records,
      warnings,
      attention: this.attention,
      notImported: this.notImported,
      summary: summaryOf(counts, ok),
    };
  }
}

function summaryOf(counts: ImportReport['counts'], ok: boolean): string {
  const total = (o: ImportOutcome) => IMPORT_ENTITIES.reduce((n, e) => n + counts[e][o], 0);
  if (!ok) {
    const n = total('rejected');
    return `Nothing was imported: ${n === 1 ? '1 record in this file has a problem' : `${n} records in this file have a problem`}. Fix ${n === 1 ? 'it' : 'them'} in the file, then import it again.`;
  }
  const shown = IMPORT_ENTITIES.filter((e) => counts[e].created > 0);
  if (total('created') === 0) return `Nothing new: everything in this file is already here (${total('skipped').toLocaleString('en-US')} records).`;
  const skipped = total('skipped');
  const brought = `Imported ${listed(shown.map((e) => countOf(e, counts[e].created)))}.`;
  return `${brought}${skipped > 0 ? ` ${skipped.toLocaleString('en-US')} ${skipped === 1 ? 'was' : 'were'} already here.` : ''}`;
}
