/**
 * The bookkeeping of a checked import: each record of the file becomes a
 * `Planned` entry holding what it was read as and what will happen to it
 * (created, skipped, or rejected at a path with a reason), before anything
 * is written. Pure; the importer services fill and apply it.
 */
import { RecordProblem } from './bake-tracker-records';

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

export function section(data: Record<string, unknown>, key: string): unknown[] {
  const v = data[key];
  return Array.isArray(v) ? v : [];
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

/** The record's name: its `keys` joined (brand and product name), or, when they are all missing, the first of `fallback` it has (a slug). */
export function labelOf(keys: string[], fallback: string[] = []) {
  return (raw: unknown): string => {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const text = (list: string[]) => list.map((k) => r[k]).filter((v) => typeof v === 'string' && v).join(' ');
    return text(keys) || fallback.map((k) => text([k])).find(Boolean) || '(unnamed)';
  };
}
