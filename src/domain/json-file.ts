/**
 * Reading a JSON file that came from elsewhere. `JSON.parse` alone would take
 * a file nested 100,000 levels deep (and the code walking it afterwards would
 * run out of stack), turn `1e309` into Infinity without a word, and hand over
 * keys such as `__proto__` that code merging objects could use to change
 * every object's prototype. So before parsing, one pass over the text
 * refuses, naming the place in the file:
 *
 * - nesting deeper than `MAX_JSON_DEPTH`;
 * - keys named `__proto__`, `constructor` or `prototype`, however escaped
 *   (no file of ours or Bake Tracker's uses them, and formats we define
 *   never key an object by the baker's data, such as a slug);
 * - numbers too large to be a number (1e309 and beyond).
 *
 * NaN, Infinity and anything else that is not JSON are then refused by the
 * parser itself, in words that say what is wrong with the file (see
 * `unreadable`), the parser's message kept as the technical detail. What comes back is plain data; every importer still checks
 * each field it reads (types, ranges, lengths, dates).
 */
import { AppError } from '../errors';
import { checkTextSize, quoted, type FileKind } from './file-limits';
import { explainUnreadableJson } from './unreadable-file';

/** Bake Tracker records are 3 levels deep; no file of ours needs more than a few more. */
export const MAX_JSON_DEPTH = 64;

export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

interface Frame {
  array: boolean;
  /** The key of the member being read, or the index of the element. */
  at: string | number;
  /** In an object, whether the next string is a key. */
  expectKey: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Parses the text of a file of `kind`, after the checks above; throws IMPORT errors that say where. */
export function readJsonText(text: string, kind: FileKind): unknown {
  checkTextSize(kind, text);
  // A byte order mark is how some editors start a UTF-8 file; JSON.parse does not expect it.
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (json.trim() === '') throw unreadable(json, '', kind);
  scan(json);
  try {
    return JSON.parse(json);
  } catch (e) {
    throw unreadable(json, (e as Error).message, kind);
  }
}

/**
 * A file the parser could not read, said in a baker's words (incomplete, not
 * text, a zip…: ./unreadable-file.ts); the parser's own message is only the
 * technical detail, which screens keep behind a disclosure.
 */
function unreadable(text: string, parserMessage: string, kind: FileKind): AppError {
  const what = `${kind.what.charAt(0).toLowerCase()}${kind.what.slice(1)}`;
  const why = explainUnreadableJson(text, parserMessage, what);
  return new AppError('IMPORT', why.message, { field: 'file', problem: why.problem, technical: quoted(why.technical, 160) });
}

/**
 * The pass `readJsonText` makes before parsing (depth, prototype keys, numbers too large), for a reader with its own wording of unreadable files.
 * `within`: the text is the value of the top-level member `key` (for a list, its records from `firstIndex` on), so depths and places are those of the whole file.
 */
export function checkJsonText(text: string, within?: { key: string; firstIndex?: number }): void {
  scan(text, within);
}

function scan(text: string, within?: { key: string; firstIndex?: number }): void {
  const stack: Frame[] = within ? [{ array: false, at: within.key, expectKey: false }] : [];
  const outer = stack.length;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top && !top.array && top.expectKey) {
        const raw = text.slice(i + 1, end);
        top.at = raw.includes('\\') ? decodeKey(text.slice(i, end + 1)) : raw;
        top.expectKey = false;
        if (FORBIDDEN_KEYS.includes(top.at)) {
          throw refusal(
            `This file has a key named ${top.at} (at ${pathOf(stack)}). Bake Planner does not read files with keys named ${FORBIDDEN_KEYS.join(', ')}: they are used to attack programs, never to hold data.`,
            pathOf(stack),
          );
        }
      }
      i = end + 1;
      continue;
    }
    switch (text[i]) {
      case '{':
      case '[':
        stack.push({ array: text[i] === '[', at: text[i] === '[' ? (stack.length === outer ? (within?.firstIndex ?? 0) : 0) : '', expectKey: text[i] === '{' });
        if (stack.length > MAX_JSON_DEPTH) {
          throw refusal(
            `This file is nested more than ${MAX_JSON_DEPTH} levels deep (at ${pathOf(stack)}); Bake Planner reads at most ${MAX_JSON_DEPTH}.`,
            pathOf(stack),
          );
        }
        break;
      case '}':
      case ']':
        stack.pop();
        break;
      case ',': {
        const top = stack[stack.length - 1];
        if (top?.array) top.at = (top.at as number) + 1;
        else if (top) top.expectKey = true;
        break;
      }
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
          let j = i + 1;
          while (j < n && /[0-9eE.+-]/.test(text[j]!)) j++;
          const token = text.slice(i, j);
          if (Math.abs(Number(token)) === Infinity) {
            throw refusal(`The number ${quoted(token, 40)} at ${pathOf(stack)} is too large to be a number.`, pathOf(stack));
          }
          i = j;
          continue;
        }
    }
    i++;
  }
}

/** The index of the quote that closes the string opening at `start` (or the end of the text). */
function stringEnd(text: string, start: number): number {
  for (let j = start + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) j++;
    else if (c === QUOTE) return j;
  }
  return text.length;
}

/** A key written with escapes ("\u005f_proto__" is __proto__); a broken one is left to the parser to refuse. */
function decodeKey(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal;
  }
}

/** Where the scan is, as importers name places in a file: `ingredients[3].display_name`. */
function pathOf(stack: Frame[]): string {
  let path = '';
  for (const frame of stack) {
    if (frame.array) path += `[${frame.at}]`;
    else if (frame.at !== '') path += /^[A-Za-z_$][\w$]*$/.test(String(frame.at)) ? `${path ? '.' : ''}${frame.at}` : `[${quoted(String(frame.at), 40)}]`;
    if (path.length > 120) return `${path.slice(0, 120)}…`;
  }
  return path || 'the top of the file';
}

function refusal(message: string, path: string): AppError {
  return new AppError('IMPORT', message, path ? { field: 'file', path } : { field: 'file' });
}
