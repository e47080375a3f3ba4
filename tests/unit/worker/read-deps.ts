/**
 * The read-dependency audit: runs each read on a real database, notes every
 * table its SQL reads, and checks that the read declares the topic of each
 * (src/worker/topics.ts). A read that forgets one would leave a screen stale
 * after a write to that table; this finds it before a baker does.
 */
import type { Database } from '../../../src/db/session';
import type { HandlerContext } from '../../../src/worker/handlers/context';
import type { HandlerMap } from '../../../src/worker/handlers/define';
import { TABLE_TOPICS } from '../../../src/worker/topics';

const READS_FROM = /\b(?:FROM|JOIN)\s+["`[]?([a-z_][a-z0-9_]*)/gi;

export interface MissingDeps {
  method: string;
  /** Topics of tables the read used that it does not declare, with those tables. */
  missing: Record<string, string[]>;
}

/** Runs `fn` and returns the schema tables its statements read. */
async function tablesReadBy(db: Database, fn: () => unknown): Promise<Set<string>> {
  const engine = db.engine as unknown as Record<'get' | 'all', (sql: string, params?: unknown) => unknown>;
  const original = { get: engine.get, all: engine.all };
  const tables = new Set<string>();
  const note = (sql: string) => {
    for (const m of sql.matchAll(READS_FROM)) if (Object.hasOwn(TABLE_TOPICS, m[1]!)) tables.add(m[1]!);
  };
  engine.get = (sql, params) => (note(sql), original.get.call(db.engine, sql, params));
  engine.all = (sql, params) => (note(sql), original.all.call(db.engine, sql, params));
  try {
    await fn();
  } finally {
    engine.get = original.get;
    engine.all = original.all;
  }
  return tables;
}

export async function missingReadDeps(
  handlers: HandlerMap,
  db: Database,
  examples: Record<string, (db: Database) => unknown>,
): Promise<MissingDeps[]> {
  const ctx: HandlerContext = { db, runtime: undefined as never };
  const found: MissingDeps[] = [];
  for (const [method, example] of Object.entries(examples)) {
    const handler = handlers[method];
    if (!handler || handler.kind !== 'read') throw new Error(`${method} is not a read of this handler map.`);
    const params = example(db);
    const tables = await tablesReadBy(db, () => handler(ctx, params as never));
    const missing: Record<string, string[]> = {};
    for (const table of tables) {
      for (const topic of TABLE_TOPICS[table]!) if (!handler.deps.includes(topic)) (missing[topic] ??= []).push(table);
    }
    if (Object.keys(missing).length > 0) found.push({ method, missing });
  }
  return found;
}
