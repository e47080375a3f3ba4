/**
 * Reading one record of a snapshot file, field by field. Every read names
 * the field's path in the file (`recipes[3].ingredients[2].unit`) and says
 * what is wrong in a baker's words, by throwing a `RecordProblem`; a field
 * the record does not know is refused too, so a misspelt key
 * (`"pakages"`) is caught instead of silently dropped. Optional fields fall
 * back to the defaults docs/export-format.md gives. Pure.
 */
import { RecordProblem } from './bake-tracker-records';
import { isIsoDate } from './dates';
import { isValidSlug, slugify } from './slug';
import { parseUnit, type Unit } from './units';

/** Field lengths, as the services allow them. */
export const TEXT_LIMITS = { name: 200, notes: 2000, short: 100 } as const;

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export function isTimestamp(text: string): boolean {
  const m = TIMESTAMP.exec(text);
  return m !== null && isIsoDate(m[1]!);
}

/** A value as a message shows it: text in quotes, cut short; anything else as JSON. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

type Raw = Record<string, unknown>;

/** One copy of each short text read (Fields' `strings`); longer ones are rarely repeated and are kept as read. */
export class Strings {
  private readonly seen = new Map<string, string>();

  one(text: string): string {
    if (text.length > 64) return text;
    const kept = this.seen.get(text);
    if (kept !== undefined) return kept;
    this.seen.set(text, text);
    return text;
  }
}

export class Fields {
  private readonly raw: Raw;
  /** The keys read so far: a record has a few tens at most, so a list is cheaper than a Set over a file's millions of records. */
  private readonly read: string[] = [];

  constructor(
    raw: unknown,
    readonly path: string,
    /**
     * Short texts already read, to hand back the one copy held: a file repeats
     * its dates, references, units and notes thousands of times, and each
     * record's parse gives them a copy of their own, kept with its draft to
     * the end of the import. Shared by the records of one section.
     */
    private readonly strings?: Strings,
  ) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RecordProblem(path, 'This record is not an object ({ … }).');
    this.raw = raw as Raw;
  }

  at(key: string): string {
    return `${this.path}.${key}`;
  }

  problem(key: string, message: string): RecordProblem {
    return new RecordProblem(this.at(key), message);
  }

  /** The raw value, marked as read; undefined and null both mean "not given". */
  value(key: string): unknown {
    this.markRead(key);
    const v = Object.hasOwn(this.raw, key) ? this.raw[key] : undefined;
    if (typeof v === 'string' && this.strings) return this.strings.one(v);
    return v === null ? undefined : v;
  }

  private markRead(key: string): void {
    if (!this.read.includes(key)) this.read.push(key);
  }

  has(key: string): boolean {
    return this.value(key) !== undefined;
  }

  /** Whether the record writes the field as null (unknown), as opposed to leaving it out (the default). */
  isNull(key: string): boolean {
    this.markRead(key);
    return Object.hasOwn(this.raw, key) && this.raw[key] === null;
  }

  text(key: string, options: { required?: boolean; max?: number } = {}): string {
    const v = this.value(key);
    if (v === undefined || (typeof v === 'string' && v.trim() === '' && options.required)) {
      if (options.required) throw this.problem(key, `${key} is required.`);
      return '';
    }
    if (typeof v !== 'string') throw this.problem(key, `${shown(v)} is not text.`);
    const text = v.trim();
    const max = options.max ?? TEXT_LIMITS.notes;
    if (text.length > max) throw this.problem(key, `This text is ${text.length.toLocaleString('en-US')} characters long; at most ${max.toLocaleString('en-US')} are allowed.`);
    return text;
  }

  /** A name, spaced and encoded as the services store names. */
  name(key = 'name'): string {
    return this.text(key, { required: true, max: TEXT_LIMITS.name }).normalize('NFC').replace(/\s+/g, ' ');
  }

  optionalText(key: string, max?: number): string | null {
    return this.has(key) ? this.text(key, max === undefined ? {} : { max }) || null : null;
  }

  /** A slug as given, or derived from `from` when left out. */
  slug(key: string, from: string): string {
    const v = this.value(key);
    if (v === undefined) return slugify(from);
    if (typeof v !== 'string' || !isValidSlug(v)) {
      throw this.problem(key, `${shown(v)} is not a slug (lowercase letters, digits, - and _, such as "brown-sugar").`);
    }
    if (v.length > TEXT_LIMITS.short) throw this.problem(key, `A slug has at most ${TEXT_LIMITS.short} characters.`);
    return v;
  }

  /** A reference to another record by its slug (or key). */
  ref(key: string, required: true): string;
  ref(key: string, required: false): string | null;
  ref(key: string, required: boolean): string | null {
    const v = this.value(key);
    if (v === undefined) {
      if (required) throw this.problem(key, `${key} is required: the slug of the ${key.replace(/_/g, ' ')}.`);
      return null;
    }
    if (typeof v !== 'string' || v.trim() === '') throw this.problem(key, `${shown(v)} is not a slug.`);
    if (v.length > TEXT_LIMITS.name) throw this.problem(key, `A reference has at most ${TEXT_LIMITS.name} characters.`);
    return v;
  }

  number(key: string, rule: { min?: 'positive' | 'non-negative'; max?: number; whole?: boolean; required?: boolean } = {}): number | null {
    return this.numberOf(key, rule, rule.required === true);
  }

  requiredNumber(key: string, rule: { min?: 'positive' | 'non-negative'; max?: number; whole?: boolean } = {}): number {
    return this.numberOf(key, rule, true)!;
  }

  private numberOf(key: string, rule: { min?: 'positive' | 'non-negative'; max?: number; whole?: boolean }, required: boolean): number | null {
    const v = this.value(key);
    if (v === undefined) {
      if (required) throw this.problem(key, `${key} is required.`);
      return null;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) throw this.problem(key, `${shown(v)} is not a number.`);
    if (rule.min === 'positive' && v <= 0) throw this.problem(key, `${key} must be more than zero (found ${v}).`);
    if (rule.min === 'non-negative' && v < 0) throw this.problem(key, `${key} cannot be negative (found ${v}).`);
    if (rule.max !== undefined && v > rule.max) throw this.problem(key, `${key} must be at most ${rule.max.toLocaleString('en-US')} (found ${v}).`);
    if (rule.whole && !Number.isInteger(v)) throw this.problem(key, `${key} is a whole number (found ${v}).`);
    // -0 is stored as 0: a sign on nothing means nothing.
    return v === 0 ? 0 : v;
  }

  bool(key: string, fallback: boolean): boolean {
    const v = this.value(key);
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') throw this.problem(key, `${shown(v)} is not true or false.`);
    return v;
  }

  choice<T extends string>(key: string, options: readonly T[], fallback?: T): T {
    const v = this.value(key);
    if (v === undefined) {
      if (fallback !== undefined) return fallback;
      throw this.problem(key, `${key} is required: one of ${options.map((o) => `"${o}"`).join(', ')}.`);
    }
    if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
      throw this.problem(key, `${shown(v)} is not one of ${options.map((o) => `"${o}"`).join(', ')}.`);
    }
    return v as T;
  }

  unit(key: string, fallback?: Unit): Unit {
    const v = this.value(key);
    if (v === undefined) {
      if (fallback) return fallback;
      throw this.problem(key, `${key} is required (g, oz, lb, cup, tbsp, tsp, ml, each…).`);
    }
    const unit = typeof v === 'string' ? parseUnit(v) : undefined;
    if (!unit) throw this.problem(key, `${shown(v)} is not a unit (try g, kg, oz, lb, ml, l, tsp, tbsp, cup, each, dozen, cm, in).`);
    return unit;
  }

  date(key: string, required: true): string;
  date(key: string, required: false): string | null;
  date(key: string, required: boolean): string | null {
    const v = this.value(key);
    if (v === undefined) {
      if (required) throw this.problem(key, `${key} is required, as a date like 2026-12-01.`);
      return null;
    }
    if (typeof v !== 'string' || !isIsoDate(v)) throw this.problem(key, `${shown(v)} is not a date like 2026-12-01.`);
    return v;
  }

  /** An ISO 8601 time (2026-11-26T12:00:00.000Z), or `fallback` when left out. */
  timestamp(key: string, fallback: string): string;
  timestamp(key: string, fallback: null): string | null;
  timestamp(key: string, fallback: string | null): string | null {
    const v = this.value(key);
    if (v === undefined) return fallback;
    if (typeof v !== 'string' || !isTimestamp(v)) throw this.problem(key, `${shown(v)} is not a time like 2026-11-26T12:00:00.000Z.`);
    return v;
  }

  /** `created_at` (the import's time when left out) and `updated_at` (`created_at` when left out). */
  stamps(now: string): { createdAt: string; updatedAt: string } {
    const createdAt = this.timestamp('created_at', now);
    return { createdAt, updatedAt: this.timestamp('updated_at', createdAt) };
  }

  /**
   * `draft` with its stamps (`stamps`), read after the fields the draft was
   * made of, as a `...f.stamps(now)` at its end would read them. Set in
   * place: a spread puts the two fields outside the object's own storage,
   * about 30 bytes more for each of a large file's records.
   */
  stamped<T extends { createdAt: string; updatedAt: string }>(draft: T, now: string): T {
    const { createdAt, updatedAt } = this.stamps(now);
    draft.createdAt = createdAt;
    draft.updatedAt = updatedAt;
    return draft;
  }

  /** A nested list (lines, adjustments); empty when left out. */
  list(key: string, max = 10_000): unknown[] {
    const v = this.value(key);
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw this.problem(key, `${key} must be a list ([ … ]).`);
    if (v.length > max) throw this.problem(key, `${key} has ${v.length.toLocaleString('en-US')} entries; at most ${max.toLocaleString('en-US')} are allowed.`);
    return v;
  }

  /** A nested object, as its own Fields; null when left out. */
  object(key: string): Fields | null {
    const v = this.value(key);
    return v === undefined ? null : new Fields(v, this.at(key), this.strings);
  }

  /** Refuses any key not read: a misspelt field is an error, not silently dropped data. */
  done(): void {
    for (const key of Object.keys(this.raw)) {
      if (!this.read.includes(key)) {
        const near = this.read.find((k) => similar(k, key));
        throw this.problem(key, `Unknown field ${shown(key)}${near ? ` (did you mean "${near}"?)` : ''}.`);
      }
    }
  }
}

/** Two keys one letter apart, or the same but for case and separators: a likely slip. */
function similar(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (norm(a) === norm(b)) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}
