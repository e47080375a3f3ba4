/**
 * Opening a database in Node or the worker: engine + migrations. The browser
 * path adds persistence around it (src/persistence); this module knows
 * nothing of IndexedDB.
 */
import { migrate } from './migrate';
import { Database, type DatabaseOptions } from './session';
import { SqlJsEngine, type SqlJsLoadOptions } from './sqljs-engine';

export interface OpenOptions extends DatabaseOptions, SqlJsLoadOptions {
  image?: Uint8Array;
}

/** A migrated sql.js database, empty or from an image. */
export async function openSqlJsDatabase(options: OpenOptions = {}): Promise<Database> {
  const engine = await SqlJsEngine.open(options.image, options);
  const db = new Database(engine, options);
  migrate(db);
  return db;
}
