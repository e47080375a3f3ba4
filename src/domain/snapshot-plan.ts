/**
 * The bookkeeping of a snapshot import, pure: each record of the file read
 * into an item (created, skipped, or rejected at a path with a reason),
 * references resolved to a row or a record of the file, and the helpers the
 * checks share. The import services (src/services/snapshot/) hold the keys
 * and write.
 */
import { RecordProblem } from './bake-tracker-records';
import { rejected, type Planned } from './import-plan';
import type { ImportEntity } from './import-report';
import { Fields } from './snapshot-fields';
import { slugify } from './slug';
import { AppError } from '../errors';

export interface Item<T> extends Planned<T> {
  entity: ImportEntity;
  /** For a record that could not be read: the slug it seems to have, so references to it name its problem. */
  rawSlug?: string | null;
}

/** A reference, resolved: a row already in the database, or a record of the file (its id known once applied). */
export type Ref<T = unknown> = { kind: 'db'; id: number } | { kind: 'file'; item: Item<T> };

export function refId(ref: Ref): number {
  if (ref.kind === 'db') return ref.id;
  const r = ref.item.result;
  if (r.outcome === 'rejected' || r.id === null) throw new AppError('INTERNAL', `${ref.item.path} was referred to before it was written.`);
  return r.id;
}

/** The id a planned item got (or already had, when skipped). */
export function itemId(item: Item<unknown>): number {
  return refId({ kind: 'file', item });
}

/** A section's records: a list, or a file's section read a batch at a time as it is iterated (snapshot-bytes.ts). */
export type RecordList = Iterable<unknown> & { readonly length: number };

/**
 * Reads the records of one section: each becomes an item, its record read
 * by `reader` (which returns the record, or throws a RecordProblem), and
 * `label` names it for the report.
 */
export function readItems<T>(
  tick: () => void,
  list: RecordList,
  section: string,
  entity: ImportEntity,
  reader: (fields: Fields) => T,
  label: (raw: unknown) => string,
): Item<T>[] {
  const items: Item<T>[] = [];
  let index = 0;
  for (const raw of list) {
    const path = `${section}[${index}]`;
    const item: Item<T> = { index, path, record: null, result: { outcome: 'created', id: null }, label: label(raw), entity, rawSlug: rawSlug(raw) };
    try {
      const fields = new Fields(raw, path);
      item.record = reader(fields);
      fields.done();
    } catch (e) {
      if (!(e instanceof RecordProblem)) throw e;
      item.record = null;
      item.result = rejected(e.path, e.message);
    }
    tick();
    items.push(item);
    index++;
  }
  return items;
}

/** The slug a record gives, or the one its name would get. */
export function rawSlug(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.slug === 'string') return r.slug;
  return typeof r.name === 'string' && r.name.trim() ? slugify(r.name) : null;
}


/** Runs a check of a created item; a problem rejects it. */
export function check<T>(item: Item<T>, body: (record: T) => void): void {
  if (item.result.outcome !== 'created' || item.record === null) return;
  try {
    body(item.record);
  } catch (e) {
    if (!(e instanceof RecordProblem)) throw e;
    item.result = rejected(e.path, e.message);
  }
}

/** A record's name for the report: its `name`, else its `key`, `slug` or `product`, else its path. */
export function labelOf(...keys: string[]) {
  return (raw: unknown): string => {
    const r = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
    const found = keys.map((k) => r[k]).find((v) => typeof v === 'string' && v.trim() !== '') as string | undefined;
    return found ? (found.length > 80 ? `${found.slice(0, 80)}…` : found) : '(unnamed)';
  };
}

/** Equal within floating-point noise: a figure a file repeats is compared with the one worked out from what it came from. */
export function agrees(given: number, computed: number): boolean {
  return Math.abs(given - computed) <= 1e-9 * Math.max(1, Math.abs(given), Math.abs(computed));
}

export const created = <T>(items: readonly Item<T>[]) => items.filter((i) => i.result.outcome === 'created' && i.record !== null);
