/**
 * A database kept in a SQLite file, for the command-line tool: read the image
 * into sql.js (the same engine and migrations as the browser), and write it
 * back atomically (temporary file + rename) so a crash never leaves half a file.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { openSqlJsDatabase } from '../db/open';
import type { Database } from '../db/session';
import { AppError } from '../errors';

export async function openDatabaseFile(path: string, create: boolean): Promise<Database> {
  if (!existsSync(path)) {
    if (!create) throw new AppError('NOT_FOUND', `No database file at ${path}. Create one with "init ${path}".`, { path });
    return openSqlJsDatabase();
  }
  return openSqlJsDatabase({ image: new Uint8Array(readFileSync(path)) });
}

export function saveDatabaseFile(db: Database, path: string): void {
  const image = db.engine.exportImage?.();
  if (!image) throw new AppError('INTERNAL', 'This engine cannot export a database image.');
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, image);
  renameSync(temporary, path);
}
