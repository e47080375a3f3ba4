/**
 * Reading the text of a file given to import: a Bake Planner snapshot or a
 * Bake Tracker backup. An empty file, a file that is not JSON (a photo, a
 * spreadsheet, a cut-off download) and one over the size limit are refused
 * with a sentence saying which, before any record is looked at.
 */
import { AppError } from '../errors';
import { checkTextSize, FILE_KINDS, quoted } from './file-limits';
import { checkJsonText } from './json-file';
import { explainUnreadableJson } from './unreadable-file';

/** What the import expects, in the words of a refusal ("This is a zip archive, not …"). */
const EXPECTED = 'a Bake Planner export or Bake Tracker backup';

/** A file the parser could not read, in a baker's words (empty, incomplete, a zip…); the parser's message is the technical detail. */
function unreadable(text: string, parserMessage: string): AppError {
  const why = explainUnreadableJson(text, parserMessage, EXPECTED);
  return new AppError('IMPORT', why.message, { field: 'file', problem: why.problem, technical: quoted(why.technical, 160) });
}

/** The file's JSON, parsed; an IMPORT error that says what is wrong otherwise. */
export function parseSnapshotText(text: string): unknown {
  checkTextSize(FILE_KINDS.snapshot, text);
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === '') throw unreadable(json, '');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw unreadable(json, (e as Error).message);
  }
  // Valid JSON can still be hostile (100,000 levels deep, a "__proto__" key, 1e309 read as Infinity): the
  // same pass every other file from elsewhere gets, after the parse so broken files keep the words above.
  checkJsonText(json);
  return data;
}
