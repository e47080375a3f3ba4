/**
 * The 'changed' notice a durable commit sends to every tab: which tables it
 * wrote (read off its logged statements), what that means (topics, mapped in
 * ./topics.ts) and so which reads may now answer differently (each read
 * declares its topics next to its handler). A screen reloads when its read is
 * named. A statement the worker cannot read (DDL, a migration) or a restored
 * image names no table, which means "everything may have changed".
 */
import type { LoggedStatement } from '../db/session';
import type { WorkerNotice } from '../rpc/wire';
import { handlers } from './handlers';
import { readsAffectedBy, type HandlerMap } from './handlers/define';
import { topicsOf } from './topics';

const TARGET =
  /\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+["`[]?(\w+)/i;

export function changedTables(commits: readonly (readonly LoggedStatement[])[]): string[] {
  const tables = new Set<string>();
  for (const statements of commits) {
    for (const { sql } of statements) {
      const match = TARGET.exec(sql);
      if (!match) return [];
      tables.add(match[1]!.toLowerCase());
    }
  }
  return [...tables].sort();
}

/** The notice for commits that wrote `tables` (empty: unknown) and now end at `seq`. */
export function changeNotice(tables: string[], seq: number, map: HandlerMap = handlers): WorkerNotice {
  return { type: 'changed', tables, reads: readsAffectedBy(map, topicsOf(tables)), seq };
}
