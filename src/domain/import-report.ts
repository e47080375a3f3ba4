/**
 * The report an import gives back: one line per record of the file with what
 * happened to it (created, skipped because it is already there, or rejected
 * and why) and the record's path in the file, e.g. `products[12].package_unit`.
 * When anything is rejected nothing is written, and the other lines say what
 * would have happened.
 */

export type ImportOutcome = 'created' | 'skipped' | 'rejected';

export const IMPORT_ENTITIES = ['supplier', 'ingredient', 'product', 'lot', 'material', 'material product', 'recipe', 'finished unit'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export interface ImportRecordResult {
  path: string;
  entity: ImportEntity;
  /** How a baker recognises the record: a name or a slug. */
  label: string;
  outcome: ImportOutcome;
  reason?: string;
}

export interface ImportNote {
  path: string;
  message: string;
}

export interface ImportReport {
  /** True when nothing was rejected (and so everything was written). */
  ok: boolean;
  written: boolean;
  source: { application: string; version: string };
  counts: Record<ImportEntity, Record<ImportOutcome, number>>;
  records: ImportRecordResult[];
  /** Things changed on the way in (a flattened tree level, a missing name filled in). */
  warnings: ImportNote[];
  /** Sections of the file this importer does not read, with their sizes. */
  notImported: { section: string; count: number }[];
  summary: string;
}

export class ImportReportBuilder {
  readonly records: ImportRecordResult[] = [];
  readonly warnings: ImportNote[] = [];
  readonly notImported: { section: string; count: number }[] = [];

  add(result: ImportRecordResult): void {
    this.records.push(result);
  }

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }

  get rejected(): number {
    return this.records.filter((r) => r.outcome === 'rejected').length;
  }

  build(source: { application: string; version: string }, written: boolean): ImportReport {
    const counts = Object.fromEntries(
      IMPORT_ENTITIES.map((e) => [e, { created: 0, skipped: 0, rejected: 0 }]),
    ) as ImportReport['counts'];
    for (const r of this.records) counts[r.entity][r.outcome]++;
    const total = (o: ImportOutcome) => this.records.filter((r) => r.outcome === o).length;
    const ok = total('rejected') === 0;
    const summary = ok
      ? `Imported ${total('created')} records; ${total('skipped')} were already there.`
      : `Nothing was imported: ${total('rejected')} record${total('rejected') === 1 ? ' has' : 's have'} a problem (first: ${this.records.find((r) => r.outcome === 'rejected')!.path}).`;
    return { ok, written, source, counts, records: this.records, warnings: this.warnings, notImported: this.notImported, summary };
  }
}
