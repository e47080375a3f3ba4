/**
 * Files for the command-line tool. A database is kept in a SQLite file: its
 * image is read into sql.js (the same engine and migrations as the browser)
 * and written back atomically (temporary file + rename) so a crash never
 * leaves half a file. Input files (a backup to import) are read as text,
 * after their size is checked against their kind's limit (file-limits.ts).
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { checkFileSize, type FileKind } from '../domain/file-limits';
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

/**
 * A file of `kind` given on the command line, as text. Its size is looked up
 * first, so a file over the kind's limit is refused without being read; a
 * missing or unreadable one is a clear error.
 */
export function readTextFile(path: string, kind: FileKind): string {
  try {
    checkFileSize(kind, statSync(path).size, path);
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `No file at ${path}.`, { path });
    throw new AppError('IMPORT', `${path} cannot be read: ${(e as Error).message}`, { path });
  }
}
