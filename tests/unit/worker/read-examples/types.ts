/**
 * An example call of a read, for the read-dependency audit
 * (tests/unit/worker/read-deps.test.ts): the parameters to call it with on
 * the sample bakery, looked up from the database. One file per area; each
 * new read gets an example in its area's file.
 */
import type { Database } from '../../../../src/db/session';

export type ReadExamples = Record<string, (db: Database) => unknown>;

/** The id of the first row `sql` returns. */
export function idOf(db: Database, sql: string): number {
  const row = db.engine.get<{ id: number }>(sql);
  if (!row) throw new Error(`The sample bakery has no row for: ${sql}`);
  return row.id;
}

/** All-purpose flour: a leaf with products, purchases, lots and an adjusted lot. */
export const flourId = (db: Database) => idOf(db, "SELECT id FROM ingredients WHERE slug = 'flour_all_purpose'");
