/**
 * The bookkeeping of a checked import: each record of the file becomes a
 * `Planned` entry holding what it was read as and what will happen to it
 * (created, skipped, or rejected at a path with a reason), before anything
 * is written. Pure; the importer services fill and apply it.
 */
import { RecordProblem } from './bake-tracker-records';
import { checkRecordCount, clip } from './file-limits';

export type Outcome = { outcome: 'created' | 'skipped'; id: number | null } | { outcome: 'rejected'; path: string; reason: string };

export interface Planned<T> {
  index: number;
  path: string;
  record: T | null;
  result: Outcome;
  label: string;
}

export const rejected = (path: string, reason: string): Outcome => ({ outcome: 'rejected', path, reason });

/** The row id a planned record has or will have: null until written, or when rejected. */
export const plannedId = (p: Planned<unknown>): number | null => (p.result.outcome === 'rejected' ? null : p.result.id);

/** Names in a file compare ignoring case. */
export const lower = (text: string): string => text.toLowerCase();
export const isRejected = (o: Outcome): o is Extract<Outcome, { outcome: 'rejected' }> => o.outcome === 'rejected';

/** The records under `key` (none when it is not a list); more than a file may hold of one kind is refused. */
export function section(data: Record<string, unknown>, key: string): unknown[] {
  const v = Object.hasOwn(data, key) ? data[key] : undefined;
  if (!Array.isArray(v)) return [];
  checkRecordCount(key, v.length);
  return v;
}

export function readRecord<T>(raw: unknown, path: string, reader: (raw: unknown, path: string) => T, label: (raw: unknown) => string): Planned<T> {
  try {
    const record = reader(raw, path);
    return { index: 0, path, record, result: { outcome: 'created', id: null }, label: label(raw) };
  } catch (e) {
    if (!(e instanceof RecordProblem)) throw e;
    return { index: 0, path, record: null, result: rejected(e.path, e.message), label: label(raw) };
  }
}

/** How the report names a record: its `keys`' text, cut short (a record's name may be its problem: 10 MB long). */
export function labelOf(...keys: string[]) {
  return (raw: unknown): string => {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    return clip(keys.map((k) => r[k]).filter((v) => typeof v === 'string' && v).join(' '), 80) || '(unnamed)';
  };
}

/** A record named by `label`, or by its `key` (a slug) only when it has no name at all: names lead, slugs are the last resort. */
export function orSlug(label: (raw: unknown) => string, key = 'slug') {
  return (raw: unknown): string => {
    const named = label(raw);
    return named === '(unnamed)' ? labelOf(key)(raw) : named;
  };
}
