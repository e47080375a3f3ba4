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
import { isRejected, rejected } from '../../domain/import-plan';
import type { Item, Ref } from '../../domain/snapshot-plan';

export type ImportMode = 'restore' | 'merge';

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

  /** Claims each item's slug: read ones by their record's, unreadable ones by the slug they seem to have. */
  claimSlugs(items: readonly Item<T>[], slugOf: (record: T) => string): void {
    for (const i of items) {
      const slug = i.record ? slugOf(i.record) : i.rawSlug;
      if (slug) this.claim(i, slug, 'slug');
    }
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
