/**
 * Reading the text of a file given to import: a Bake Planner snapshot or a
 * Bake Tracker backup. An empty file, a file that is not JSON (a photo, a
 * spreadsheet, a cut-off download) and one over the size limit are refused
 * with a sentence saying which, before any record is looked at.
 */
import { AppError } from '../errors';

/** The largest snapshot read at all: a home bakery's is a few MB; 50 MB is a bakery with a decade of ledgers. */
export const MAX_SNAPSHOT_BYTES = 100_000_000;

/** Refuses a file by its size, before it is read (the page has File.size, the command line fs.stat). */
export function checkSnapshotSize(bytes: number): void {
  if (bytes > MAX_SNAPSHOT_BYTES) {
    throw new AppError('IMPORT', `This file is ${Math.round(bytes / 1e6)} MB; a snapshot can be at most ${MAX_SNAPSHOT_BYTES / 1e6} MB. Nothing was read.`, {
      field: 'file',
      bytes,
      maxBytes: MAX_SNAPSHOT_BYTES,
    });
  }
}

/** The file's JSON, parsed; an IMPORT error that says what is wrong otherwise. */
export function parseSnapshotText(text: string): unknown {
  // A string's UTF-16 length is never more than its UTF-8 size.
  if (text.length > MAX_SNAPSHOT_BYTES) checkSnapshotSize(text.length);
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === '') throw new AppError('IMPORT', 'This file is empty.', { field: 'file' });
  try {
    return JSON.parse(json);
  } catch (e) {
    const why = (e as Error).message.slice(0, 160);
    throw new AppError('IMPORT', `This file is not valid JSON, so it is not a snapshot or a backup (${why}). Nothing was imported.`, { field: 'file' });
  }
}
