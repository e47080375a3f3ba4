/**
 * Reading the text of a file given to import: a Bake Planner snapshot or a
 * Bake Tracker backup. An empty file, a file that is not JSON (a photo, a
 * spreadsheet, a cut-off download) and one over the size limit are refused
 * with a sentence saying which, before any record is looked at.
 */
import { AppError } from '../errors';
import { checkTextSize, FILE_KINDS } from './file-limits';
import { checkJsonText } from './json-file';
import { notJson } from './snapshot-bytes';

/** The file's JSON, parsed; an IMPORT error that says what is wrong otherwise. */
export function parseSnapshotText(text: string): unknown {
  checkTextSize(FILE_KINDS.snapshot, text);
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === '') throw new AppError('IMPORT', 'This file is empty.', { field: 'file' });
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw notJson((e as Error).message);
  }
  // Valid JSON can still be hostile (100,000 levels deep, a "__proto__" key, 1e309 read as Infinity): the
  // same pass every other file from elsewhere gets, after the parse so broken files keep the words above.
  checkJsonText(json);
  return data;
}
