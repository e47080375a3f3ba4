/**
 * The bookkeeping of a snapshot import. Every record of the file becomes a
 * planned item (domain/import-plan.ts): read and checked, then created,
 * skipped (merge: its natural key is already in the database) or rejected
 * at a path with a reason. `Keys` holds one kind's natural keys, from the
 * file and from the database, so a reference resolves to a record of the
 * file or a row already there, and a key used twice in the file is caught.
 * Nothing is written while planning; the sections' `apply` functions write
 * what was planned as created, through the owning areas' row functions.
 */
import type { Database, Tx } from '../../db/session';
import { RecordProblem } from '../../domain/bake-tracker-records';
import { isRejected, rejected, type Planned } from '../../domain/import-plan';
import type { ImportEntity } from '../../domain/import-report';
import { Fields } from '../../domain/snapshot-fields';
import { slugify } from '../../domain/slug';
import { AppError } from '../../errors';

export type ImportMode = 'restore' | 'merge';

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

export interface PlanContext {
  db: Database;
  t: Tx;
  mode: ImportMode;
  /** The import's time: every record without its own timestamps gets it. */
  now: string;
  /** Called after each record is read or written, for a progress bar. */
  tick(): void;
}

/** One kind's natural keys: the file's records and the database's rows. */
export class Keys<T> {
  readonly file = new Map<string, Item<T>>();
  private readonly db: Map<string, number>;

  constructor(
    /** What the key names, for messages: "ingredient". */
    readonly what: string,
    db: Map<string, number>,
  ) {
    this.db = db;
  }

  static fromTable<T>(what: string, t: Tx, table: string, column = 'slug'): Keys<T> {
    return new Keys<T>(what, new Map(t.all<{ id: number; key: string }>(`SELECT id, ${column} AS key FROM ${table}`).map((r) => [r.key, r.id])));
  }

  inDatabase(key: string): number | undefined {
    return this.db.get(key);
  }

  /**
   * Registers a read item under its key: a second record with the same key
   * is rejected (naming the first); one whose key the database already has
   * is skipped in a merge (and cannot happen in a restore, whose database is
   * empty).
   */
  claim(item: Item<T>, key: string, keyField: string): void {
    if (isRejected(item.result)) {
      if (!this.file.has(key)) this.file.set(key, item);
      return;
    }
    const first = this.file.get(key);
    if (first) {
      item.result = rejected(`${item.path}.${keyField}`, `"${key}" is used by two records: this one and ${first.path}.`);
      return;
    }
    this.file.set(key, item);
    const existing = this.db.get(key);
    if (existing !== undefined) item.result = { outcome: 'skipped', id: existing };
  }

  /** Resolves a reference, or throws the problem at `path`: missing, or a record that was itself rejected. */
  resolve(key: string, path: string): Ref<T> {
    const item = this.file.get(key);
    if (item) {
      if (isRejected(item.result)) throw new RecordProblem(path, `The ${this.what} "${key}" (${item.path}) has a problem of its own: ${item.result.path}.`);
      if (item.result.outcome === 'skipped' && item.result.id !== null) return { kind: 'db', id: item.result.id };
      return { kind: 'file', item };
    }
    const id = this.db.get(key);
    if (id !== undefined) return { kind: 'db', id };
    throw new RecordProblem(path, `No ${this.what} "${key}" in this file${this.db.size > 0 ? ' or in the database' : ''}.`);
  }

  /** The database's keys and the file's, each once. */
  all(): string[] {
    return [...new Set([...this.db.keys(), ...this.file.keys()])];
  }
}

/**
 * Reads the records of one section: each becomes an item, its record read
 * by `reader` (which returns the record, or throws a RecordProblem), and
 * `label` names it for the report.
 */
export function readItems<T>(
  ctx: PlanContext,
  list: readonly unknown[],
  section: string,
  entity: ImportEntity,
  reader: (fields: Fields) => T,
  label: (raw: unknown) => string,
): Item<T>[] {
  return list.map((raw, index) => {
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
    ctx.tick();
    return item;
  });
}

/** The slug a record gives, or the one its name would get. */
function rawSlug(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.slug === 'string') return r.slug;
  return typeof r.name === 'string' && r.name.trim() ? slugify(r.name) : null;
}

/** Claims each item's slug: read ones by their record's, unreadable ones by the slug they seem to have. */
export function claimSlugs<T extends { slug: string }>(keys: Keys<T>, items: readonly Item<T>[]): void {
  for (const i of items) {
    const slug = i.record?.slug ?? i.rawSlug;
    if (slug) keys.claim(i, slug, 'slug');
  }
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
