/**
 * The bookkeeping of a snapshot import, pure: each record of the file read
 * into an item (created, skipped, or rejected at a path with a reason),
 * references resolved to a row or a record of the file, and the helpers the
 * checks share. The import services (src/services/snapshot/) hold the keys
 * and write.
 */
import { RecordProblem } from './bake-tracker-records';
import { rejected, type Outcome, type Planned } from './import-plan';
import type { ImportEntity } from './import-report';
import { Fields, Strings } from './snapshot-fields';
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

const NOTHING: unknown[] = Object.freeze([]) as unknown as unknown[];

/**
 * The list, or when it is empty the one empty list every draft shares: most
 * lots have no adjustments and most recipes no sub-recipes, and an empty
 * array of each of their own was a few MB of a large import. Frozen, so a
 * push into it fails loudly instead of filling every draft's list.
 */
export const orNothing = <T>(list: T[]): T[] => (list.length === 0 ? (NOTHING as T[]) : list);

/** Every item starts as this one result (frozen: a result is replaced, never changed), not one object each. */
const TO_CREATE: Outcome = Object.freeze({ outcome: 'created', id: null });

/**
 * A record of a section as the import holds it from reading to writing. Its
 * path is worked out when asked rather than kept: a 50 MB file's 154,000
 * paths were about 15 MB of strings held to the end of the import
 * (docs/design/snapshot-streaming.md).
 */
class SectionItem<T> implements Item<T> {
  result: Outcome = TO_CREATE;
  rawSlug?: string | null;

  constructor(
    private readonly section: string,
    readonly index: number,
    public record: T | null,
    readonly label: string,
    readonly entity: ImportEntity,
  ) {}

  get path(): string {
    // Joined, not a template: one flat string (about 40 bytes) where a template makes a chain of three (about 100), and the report keeps one per record.
    return [this.section, '[', this.index, ']'].join('');
  }
}

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
  const strings = new Strings();
  let index = 0;
  for (const raw of list) {
    const item = new SectionItem<T>(section, index, null, strings.one(label(raw)), entity);
    try {
      const fields = new Fields(raw, item.path, strings);
      item.record = reader(fields);
      fields.done();
    } catch (e) {
      if (!(e instanceof RecordProblem)) throw e;
      item.record = null;
      item.result = rejected(e.path, e.message);
      // Only an unreadable record is known by the slug it seems to have (Keys.claimSlugs); a read one has its own.
      item.rawSlug = rawSlug(raw);
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

/**
 * Lets written records' drafts go: once a record is a row, references to it
 * need only its result (the id) and the report its path and label, so its
 * draft need not stay until the import ends, nor stack with the growing
 * database (docs/design/snapshot-streaming.md). `created` finds none of them
 * afterwards: call it only on what no later writing reads.
 */
export function letGo(...lists: readonly Item<unknown>[][]): void {
  for (const list of lists) for (const item of list) item.record = null;
}

export const created = <T>(items: readonly Item<T>[]) => items.filter((i) => i.result.outcome === 'created' && i.record !== null);

/**
 * Writes a section's purchases and its lots without a purchase (each still to create) as one
 * sequence, in the order they were created (`createdAt`, ISO text that sorts); on a tie,
 * purchases first, each list in its own order. They are two sections of a file but one sequence
 * of lot ids, and FIFO draws a day's lots in id order: written in creation order, a lot counted
 * in before a purchase of the same day is still drawn first after a round trip. A file without
 * creation times (every record stamped with the import's time) is written as listed.
 */
export function writeInCreationOrder<P extends { lot: { createdAt: string } }, L extends { createdAt: string }>(
  purchases: readonly Item<P>[],
  lots: readonly Item<L>[],
  writePurchase: (item: Item<P>) => void,
  writeLot: (item: Item<L>) => void,
): void {
  const all = [
    ...created(purchases).map((item) => ({ at: item.record!.lot.createdAt, write: () => writePurchase(item) })),
    ...created(lots).map((item) => ({ at: item.record!.createdAt, write: () => writeLot(item) })),
  ];
  // Array.prototype.sort is stable: ties keep purchases before lots, each in its own order.
  for (const next of all.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0))) next.write();
}
