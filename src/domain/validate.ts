/**
 * Input checks shared by every service. Each names the field at fault so the
 * screen can put the message next to it, and runs before anything is written.
 */
import { AppError, validationError } from '../errors';
import { isIsoDate } from './dates';
import { MAX_NAME_LENGTH, MAX_NOTES_LENGTH } from './limits';

/** A finite number > 0, and at most `max` when given. */
export function positiveNumber(value: unknown, field: string, label = field, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw validationError(field, `${capitalize(label)} must be a number.`, { value });
  }
  if (value <= 0) throw validationError(field, `${capitalize(label)} must be more than zero.`, { value });
  return atMost(value, max, field, label);
}

/** A finite number >= 0 (prices may be zero: a gift), and at most `max` when given. */
export function nonNegativeNumber(value: unknown, field: string, label = field, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw validationError(field, `${capitalize(label)} must be a number.`, { value });
  }
  if (value < 0) throw validationError(field, `${capitalize(label)} cannot be negative.`, { value });
  return atMost(value, max, field, label);
}

function atMost(value: number, max: number, field: string, label: string): number {
  if (value > max) {
    throw validationError(field, `${capitalize(label)} must be at most ${max.toLocaleString('en-US')}.`, { value, max });
  }
  return value;
}

/** A non-blank string, trimmed. */
export function requiredText(value: unknown, field: string, label = field, maxLength = MAX_NAME_LENGTH): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw validationError(field, `${capitalize(label)} is required.`);
  }
  const text = value.trim();
  if (text.length > maxLength) throw validationError(field, `${capitalize(label)} is too long (at most ${maxLength} characters).`);
  return text;
}

/**
 * A required name: trimmed, inner runs of spaces made one ("Brown  sugar" is
 * "Brown sugar") and accents stored in one encoding, so that equal-looking
 * names compare equal.
 */
export function nameText(value: unknown, field: string, label = field, maxLength = MAX_NAME_LENGTH): string {
  return requiredText(value, field, label, maxLength).normalize('NFC').replace(/\s+/g, ' ');
}

/**
 * How names compare when they must be unique: ignoring case in every
 * alphabet ("CRÈME FRAÎCHE" is "Crème fraîche"), spacing and accent encoding.
 * SQLite's NOCASE folds only A-Z, so services compare these keys instead.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** An optional string, trimmed; undefined and null become ''. */
export function optionalText(value: unknown, field: string, label = field, maxLength = MAX_NOTES_LENGTH): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw validationError(field, `${capitalize(label)} must be text.`);
  const text = value.trim();
  if (text.length > maxLength) throw validationError(field, `${capitalize(label)} is too long (at most ${maxLength} characters).`);
  return text;
}

/** A real calendar date as 'YYYY-MM-DD'; the message does not show that form, since date inputs show the local one. */
export function isoDate(value: unknown, field: string, label = field): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw validationError(field, `Enter a valid ${label}.`, { value });
  }
  return value;
}

export function positiveId(value: unknown, field: string, label = field): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw validationError(field, `Choose ${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}.`, { value });
  }
  return value;
}

/** A whole number >= 0 (where a page of a list starts). */
export function nonNegativeInteger(value: unknown, field: string, label = field): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw validationError(field, `${capitalize(label)} must be a whole number, 0 or more.`, { value });
  }
  return value;
}

/** How many rows a list or search returns: the default unless a whole number is asked for, and at most `max`. */
export function listLimit(value: unknown, fallback: number, max = 1000): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.min(Math.floor(value), max)) : fallback;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type Checked<T> = { [K in keyof T]: T[K] extends () => infer R ? R : never };

/**
 * Runs every field's check and reports all failures at once, so a form can
 * mark each wrong field together: the error is the first failure (its code,
 * message and details.field) with details.fields = { field: message } for all.
 * Errors that name no field (a missing row, a broken transaction) pass through.
 */
export function checkFields<T extends Record<string, () => unknown>>(checks: T): Checked<T> {
  const out: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  let first: AppError | undefined;
  for (const [key, check] of Object.entries(checks)) {
    try {
      out[key] = check();
    } catch (e) {
      const field = e instanceof AppError ? e.details.field : undefined;
      if (typeof field !== 'string') throw e;
      const error = e as AppError;
      // An error that already lists several fields (a nested check) contributes them all.
      const listed = error.details.fields;
      for (const [f, message] of Object.entries(typeof listed === 'object' && listed !== null ? listed : { [field]: error.message })) {
        if (typeof message === 'string') fields[f] ??= message;
      }
      first ??= error;
    }
  }
  if (first) throw new AppError(first.code, first.message, { ...first.details, fields });
  return out as Checked<T>;
}
