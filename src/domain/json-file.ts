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
const FORBIDDEN_LENGTHS = new Set(FORBIDDEN_KEYS.map((k) => k.length));

interface Frame {
  array: boolean;
  /** The key of the member being read, or the index of the element; a plain key is kept as where it is in the text (`keyFrom`, `keyTo`) and sliced only for a message. */
  at: string | number;
  keyFrom: number;
  keyTo: number;
  /** In an object, whether the next string is a key. */
  expectKey: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

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
  const stack: Frame[] = within ? [{ array: false, at: within.key, keyFrom: -1, keyTo: -1, expectKey: false }] : [];
  const outer = stack.length;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top && !top.array && top.expectKey) {
        top.expectKey = false;
        // Most keys are plain and of another length than every forbidden one: nothing to slice or compare.
        if (stringEscaped || FORBIDDEN_LENGTHS.has(end - i - 1)) {
          top.at = stringEscaped ? decodeKey(text.slice(i, end + 1)) : text.slice(i + 1, end);
          top.keyFrom = -1;
          if (FORBIDDEN_KEYS.includes(top.at)) {
            throw refusal(
              `This file has a key named ${top.at} (at ${pathOf(text, stack)}). Bake Planner does not read files with keys named ${FORBIDDEN_KEYS.join(', ')}: they are used to attack programs, never to hold data.`,
              pathOf(text, stack),
            );
          }
        } else {
          top.keyFrom = i + 1;
          top.keyTo = end;
        }
      }
      i = end + 1;
      continue;
    }
    switch (c) {
      case OPEN_BRACE:
      case OPEN_BRACKET:
        stack.push({ array: c === OPEN_BRACKET, at: c === OPEN_BRACKET ? (stack.length === outer ? (within?.firstIndex ?? 0) : 0) : '', keyFrom: -1, keyTo: -1, expectKey: c === OPEN_BRACE });
        if (stack.length > MAX_JSON_DEPTH) {
          throw refusal(
            `This file is nested more than ${MAX_JSON_DEPTH} levels deep (at ${pathOf(text, stack)}); Bake Planner reads at most ${MAX_JSON_DEPTH}.`,
            pathOf(text, stack),
          );
        }
        break;
      case CLOSE_BRACE:
      case CLOSE_BRACKET:
        stack.pop();
        break;
      case COMMA: {
        const top = stack[stack.length - 1];
        if (top?.array) top.at = (top.at as number) + 1;
        else if (top) top.expectKey = true;
        break;
      }
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
          let j = i + 1;
          let exponent = false;
          for (; j < n; j++) {
            const d = text.charCodeAt(j);
            if (d >= 0x30 && d <= 0x39) continue;
            if (d === 0x65 || d === 0x45) exponent = true;
            else if (d !== 0x2e && d !== 0x2b && d !== 0x2d) break;
          }
          // Only an exponent or more than 308 digits reach past the largest number: most of a file's numbers need no parse here.
          const token = exponent || j - i > 308 ? text.slice(i, j) : '';
          if (token !== '' && Math.abs(Number(token)) === Infinity) {
            throw refusal(`The number ${quoted(token, 40)} at ${pathOf(text, stack)} is too large to be a number.`, pathOf(text, stack));
          }
          i = j;
          continue;
        }
    }
    i++;
  }
}

/** Whether the last string `stringEnd` went through has an escape in it. */
let stringEscaped = false;

/** The index of the quote that closes the string opening at `start` (or the end of the text). */
function stringEnd(text: string, start: number): number {
  stringEscaped = false;
  for (let j = start + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) {
      stringEscaped = true;
      j++;
    } else if (c === QUOTE) return j;
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
function pathOf(text: string, stack: Frame[]): string {
  let path = '';
  for (const frame of stack) {
    const at = frame.keyFrom >= 0 ? text.slice(frame.keyFrom, frame.keyTo) : frame.at;
    if (frame.array) path += `[${at}]`;
    else if (at !== '') path += /^[A-Za-z_$][\w$]*$/.test(String(at)) ? `${path ? '.' : ''}${at}` : `[${quoted(String(at), 40)}]`;
    if (path.length > 120) return `${path.slice(0, 120)}…`;
  }
  return path || 'the top of the file';
}

function refusal(message: string, path: string): AppError {
  return new AppError('IMPORT', message, path ? { field: 'file', path } : { field: 'file' });
}
