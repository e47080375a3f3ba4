/** Test databases: real sql.js in Node, migrated, with a fixed clock. */
import { openSqlJsDatabase } from '../../src/db/open';
import type { Database } from '../../src/db/session';

export const TEST_NOW = new Date('2026-11-26T12:00:00.000Z');

export async function testDb(clock: () => Date = () => TEST_NOW): Promise<Database> {
  return openSqlJsDatabase({ clock });
}

export function count(db: Database, table: string): number {
  return db.engine.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n;
}
