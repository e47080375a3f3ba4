/**
 * A snapshot file read from its bytes a few records at a time, instead of as
 * one string parsed into one tree. A 50 MB file is 50 MB of text and 40 MB of
 * parsed objects before a record is checked; here one pass over the bytes
 * finds where the header's fields and each section's records are, and a
 * section hands its records over in batches of a few tens of kB of text, so
 * the text and the parsed records of a batch are let go (young, cheaply) once
 * read into drafts (docs/design/snapshot-streaming.md).
 *
 * Only a plain current-format snapshot is read this way. Anything else (not
 * an object, unbalanced, a Bake Tracker backup, an older format version to
 * migrate, a key given twice or one of json-file's forbidden ones) gives
 * null, and the caller parses the whole text as before, so every refusal of
 * a broken file keeps its words. A record that is not JSON (`NaN`, a stray
 * word) is refused when its batch is read, with the same words.
 */
import { AppError } from '../errors';
import { quoted } from './file-limits';
import { checkJsonText, FORBIDDEN_KEYS, MAX_JSON_DEPTH } from './json-file';
import { SNAPSHOT_FORMAT, SNAPSHOT_FORMAT_VERSION, SNAPSHOT_SECTIONS } from './snapshot-format';

/** About how much text is parsed at once: below V8's 128 kB large-object size, so a batch's text dies young. */
const BATCH_BYTES = 32_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * A record of a section that is not JSON (a stray word, `NaN`): the file is damaged there. Said
 * in the words snapshot-text.ts gives a damaged file, naming the record; the parser's message
 * is the technical detail.
 */
export function damagedRecord(path: string, parserMessage: string): AppError {
  return new AppError(
    'IMPORT',
    `This file is damaged (at ${path}): part of it is not written the way a backup is. If it was edited by hand, undo that edit, or save the backup again. Nothing was imported.`,
    { field: 'file', path, problem: 'damaged', technical: quoted(parserMessage, 160) },
  );
}

/** One section's records, read from the file's bytes a batch at a time as they are iterated. */
export class SectionRecords implements Iterable<unknown> {
  constructor(
    private readonly bytes: Uint8Array,
    readonly key: string,
    /** Where each record starts and ends in the file, in pairs. */
    private readonly bounds: readonly number[],
    /** Per record, whether json-file's pass might refuse it (Cursor.value); null: any might. */
    private readonly suspect: Uint8Array | null = null,
  ) {}

  get length(): number {
    return this.bounds.length / 2;
  }

  /** The batch's first record that does not parse, named by its place in the file (only on the way to a refusal). */
  private damaged(first: number, last: number, parserMessage: string): AppError {
    const decoder = new TextDecoder();
    for (let i = first; i <= last; i++) {
      try {
        JSON.parse(decoder.decode(this.bytes.subarray(this.bounds[2 * i]!, this.bounds[2 * i + 1]!)));
      } catch (e) {
        return damagedRecord(`${this.key}[${i}]`, (e as Error).message);
      }
    }
    return damagedRecord(`${this.key}[${first}]`, parserMessage);
  }

  *[Symbol.iterator](): Iterator<unknown> {
    const decoder = new TextDecoder();
    for (let first = 0; first < this.length; ) {
      let last = first;
      while (last + 1 < this.length && this.bounds[2 * last + 3]! - this.bounds[2 * first]! <= BATCH_BYTES) last++;
      const text = `[${decoder.decode(this.bytes.subarray(this.bounds[2 * first]!, this.bounds[2 * last + 1]!))}]`;
      // The pass over the text runs only on a batch the byte walk could not clear: it alone says where and what, and most batches need no second look.
      if (this.suspect === null || this.suspect.subarray(first, last + 1).includes(1)) checkJsonText(text, { key: this.key, firstIndex: first });
      let records: unknown[];
      try {
        records = JSON.parse(text) as unknown[];
      } catch (e) {
        throw this.damaged(first, last, (e as Error).message);
      }
      first = last + 1;
      yield* records;
    }
  }
}

/** A section's record sits two levels deep (the file's object, the section's list): nested deeper than this, json-file's pass must look at it. */
const RECORD_DEPTH_CLEAR = MAX_JSON_DEPTH - 4;
const FORBIDDEN_KEY_BYTES = FORBIDDEN_KEYS.map((k) => new TextEncoder().encode(k));
const FORBIDDEN_LENGTHS = new Set(FORBIDDEN_KEY_BYTES.map((k) => k.length));
const isNumberByte = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2b || c === 0x2d || c === 0x65 || c === 0x45;

/** Reads the structure of `bytes` from `at`; every method returns where it stopped, or -1 when the text is not what a plain snapshot has. */
class Cursor {
  /**
   * Whether the last value `value` walked has something json-file's pass may refuse: nesting near its limit,
   * a key that is (or, escaped, may be) a forbidden one, a number with an exponent or of more than 308 characters.
   * When it has none, that pass would find nothing in it.
   */
  suspect = false;
  /** Where the next backslash after the last string looked at is (found once, so each string's test costs nothing). */
  private nextBackslash = -1;

  constructor(readonly bytes: Uint8Array) {}

  space(at: number): number {
    while (at < this.bytes.length && isSpace(this.bytes[at]!)) at++;
    return at;
  }

  /** The end of the string opening at `at` (just past its closing quote): the next quote not escaped, found by the native indexOf (most of a file is text). */
  string(at: number): number {
    const b = this.bytes;
    for (let from = at + 1; ; ) {
      const quote = b.indexOf(QUOTE, from);
      if (quote < 0) return -1;
      let backslashes = 0;
      while (b[quote - 1 - backslashes] === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  }

  /** The end of the value starting at `at`: strings skipped whole, brackets counted (their content is checked when parsed). */
  value(at: number): number {
    const b = this.bytes;
    let depth = 0;
    this.suspect = false;
    for (let i = at; i < b.length; i++) {
      const c = b[i]!;
      // Indentation is most of a pretty-printed file's bytes outside its strings: inside a value a space only needs passing.
      if (c === 0x20 && depth > 0) continue;
      if (c === QUOTE) {
        const end = this.string(i);
        if (end < 0) return -1;
        if (!this.suspect && this.mayBeForbidden(i, end)) this.suspect = true;
        i = end - 1;
      } else if (c === 0x5b || c === 0x7b) {
        if (++depth > RECORD_DEPTH_CLEAR) this.suspect = true;
      } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        let j = i + 1;
        let exponent = false;
        while (j < b.length && isNumberByte(b[j]!)) if (b[j++]! >= 0x45) exponent = true;
        if (exponent || j - i > 308) this.suspect = true;
        i = j - 1;
      } else if (c === 0x5d || c === 0x7d) {
        if (depth === 0) return i;
        if (--depth === 0) return i + 1;
      } else if (depth === 0 && (c === 0x2c || isSpace(c))) return i;
    }
    return depth === 0 ? b.length : -1;
  }

  /**
   * Whether the string from the quote at `start` to just past its closing quote `end` is, or with an escape may be, a key json-file refuses.
   * Any string, not only a key: in a broken record json-file's pass (which runs before the parser) decides what is a key.
   */
  private mayBeForbidden(start: number, end: number): boolean {
    const b = this.bytes;
    if (this.nextBackslash <= start) {
      this.nextBackslash = b.indexOf(BACKSLASH, start + 1);
      if (this.nextBackslash < 0) this.nextBackslash = b.length;
    }
    if (this.nextBackslash < end) return true;
    const length = end - start - 2;
    if (!FORBIDDEN_LENGTHS.has(length)) return false;
    return FORBIDDEN_KEY_BYTES.some((k) => k.length === length && k.every((x, n) => b[start + 1 + n] === x));
  }
}

/**
 * The file as the importer reads it (the header's fields parsed, each
 * section a SectionRecords), or null when it is not a plain snapshot of the
 * current format: the caller then parses the whole text.
 */
export function snapshotFromBytes(bytes: Uint8Array): Record<string, unknown> | null {
  const cursor = new Cursor(bytes);
  const decoder = new TextDecoder();
  const text = (from: number, to: number) => decoder.decode(bytes.subarray(from, to));
  const sections = new Set<string>(SNAPSHOT_SECTIONS);
  const data: Record<string, unknown> = {};
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  at = cursor.space(at);
  if (bytes[at] !== 0x7b) return null;
  at = cursor.space(at + 1);
  if (bytes[at] === 0x7d) return null;
  for (;;) {
    if (bytes[at] !== QUOTE) return null;
    const keyEnd = cursor.string(at);
    if (keyEnd < 0) return null;
    let key: string;
    try {
      key = JSON.parse(text(at, keyEnd)) as string;
    } catch {
      return null;
    }
    if (Object.hasOwn(data, key) || FORBIDDEN_KEYS.includes(key)) return null;
    at = cursor.space(keyEnd);
    if (bytes[at] !== 0x3a) return null;
    at = cursor.space(at + 1);
    if (sections.has(key) && bytes[at] === 0x5b) {
      const bounds: number[] = [];
      const suspect: number[] = [];
      at = cursor.space(at + 1);
      if (bytes[at] !== 0x5d) {
        for (;;) {
          const end = cursor.value(at);
          if (end <= at) return null;
          bounds.push(at, end);
          suspect.push(cursor.suspect ? 1 : 0);
          at = cursor.space(end);
          if (bytes[at] === 0x5d) break;
          if (bytes[at] !== 0x2c) return null;
          at = cursor.space(at + 1);
        }
      }
      data[key] = new SectionRecords(bytes, key, bounds, Uint8Array.from(suspect));
      at = cursor.space(at + 1);
    } else {
      const end = cursor.value(at);
      if (end <= at) return null;
      const member = text(at, end);
      try {
        // The header's fields (and anything else, which the importer refuses by name) are small: parsed as they are.
        checkJsonText(member, { key });
        data[key] = JSON.parse(member) as unknown;
      } catch {
        return null;
      }
      at = cursor.space(end);
    }
    if (bytes[at] === 0x2c) {
      at = cursor.space(at + 1);
      continue;
    }
    if (bytes[at] !== 0x7d || cursor.space(at + 1) !== bytes.length) return null;
    break;
  }
  // Only the current format is read this way: an older one is migrated as a whole document, a Bake Tracker backup has its own importer.
  return data.format === SNAPSHOT_FORMAT && data.format_version === SNAPSHOT_FORMAT_VERSION ? data : null;
}
