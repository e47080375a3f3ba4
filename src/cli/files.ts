/**
 * Files for the command-line tool. A database is kept in a SQLite file: its
 * image is read into sql.js (the same engine and migrations as the browser)
 * and written back atomically (temporary file + rename) so a crash never
 * leaves half a file. Input files (a backup to import) are read as text,
 * after their size is checked against their kind's limit (file-limits.ts).
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { checkFileSize, type FileKind } from '../domain/file-limits';
import { openSqlJsDatabase } from '../db/open';
import type { Database } from '../db/session';
import { AppError } from '../errors';

export async function openDatabaseFile(path: string, create: boolean): Promise<Database> {
  if (!existsSync(path)) {
    if (!create) throw new AppError('NOT_FOUND', `No database file at ${path}. Create one with "init ${path}".`, { path });
    return openSqlJsDatabase();
  }
  return openSqlJsDatabase({ image: readImage(path) });
}

/**
 * The file's bytes for sql.js to keep as its in-memory file. sql.js takes its
 * own copy with `.slice()`, which for a Node Buffer is a view, not a copy, so
 * handing it the Buffer readFileSync gave keeps the image in memory once
 * instead of two or three times (a 67 MB database was held three times while
 * it opened). A Buffer sharing Node's small-buffer pool (a file under 4 kB)
 * must not be written through by SQLite, so that one is copied.
 */
function readImage(path: string): Uint8Array {
  const image = readFileSync(path);
  return image.byteOffset === 0 && image.buffer.byteLength === image.byteLength ? image : new Uint8Array(image);
}

export function saveDatabaseFile(db: Database, path: string): void {
  const image = db.engine.exportImage?.();
  if (!image) throw new AppError('INTERNAL', 'This engine cannot export a database image.');
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, image);
  renameSync(temporary, path);
}

/** Bytes gathered before each write to the file: a few large writes instead of one per piece. */
const WRITE_BATCH = 1 << 20;

/**
 * Writes a file from pieces of text as `fill` hands them over, atomically
 * like a database file (temporary file + rename; removed when `fill`
 * throws). Only a batch of text is held at a time, so a snapshot of any size
 * is written without its whole text in memory. Returns what `fill` returns
 * and the bytes written.
 */
export function writeFileInPieces<T>(path: string, fill: (write: (piece: string) => void) => T): { result: T; bytes: number } {
  const temporary = `${path}.tmp-${process.pid}`;
  const fd = openSync(temporary, 'w');
  let pending: string[] = [];
  let pendingLength = 0;
  let bytes = 0;
  const flush = () => {
    const data = Buffer.from(pending.join(''));
    pending = [];
    pendingLength = 0;
    for (let done = 0; done < data.length; ) done += writeSync(fd, data, done);
    bytes += data.length;
  };
  try {
    let result: T;
    try {
      result = fill((piece) => {
        pending.push(piece);
        pendingLength += piece.length;
        if (pendingLength >= WRITE_BATCH) flush();
      });
      flush();
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    return { result, bytes };
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}

/**
 * A file of `kind` given on the command line, as bytes. Its size is looked
 * up first, so a file over the kind's limit is refused without being read; a
 * missing or unreadable one is a clear error.
 */
export function readFileBytes(path: string, kind: FileKind): Buffer {
  try {
    checkFileSize(kind, statSync(path).size, path);
    return readFileSync(path);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `No file at ${path}.`, { path });
    throw new AppError('IMPORT', `${path} cannot be read: ${(e as Error).message}`, { path });
  }
}

/** The same, as text. */
export function readTextFile(path: string, kind: FileKind): string {
  return readFileBytes(path, kind).toString('utf8');
}
