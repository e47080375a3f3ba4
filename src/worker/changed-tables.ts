/**
 * Which tables a commit wrote, read off its logged statements, so the
 * 'changed' notice lets each open screen reload only when something it shows
 * changed. A statement it cannot read (DDL, a migration) yields no list at
 * all, which screens treat as "everything changed".
 */
import type { LoggedStatement } from '../db/session';

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
