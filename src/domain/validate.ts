/**
 * Input checks shared by every service. Each names the field at fault so the
 * screen can put the message next to it, and runs before anything is written.
 */
import { validationError } from '../errors';
import { isIsoDate } from './dates';

/** A finite number > 0. */
export function positiveNumber(value: unknown, field: string, label = field): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw validationError(field, `${capitalize(label)} must be a number.`, { value });
  }
  if (value <= 0) throw validationError(field, `${capitalize(label)} must be more than zero.`, { value });
  return value;
}

/** A finite number >= 0 (prices may be zero: a gift). */
export function nonNegativeNumber(value: unknown, field: string, label = field): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw validationError(field, `${capitalize(label)} must be a number.`, { value });
  }
  if (value < 0) throw validationError(field, `${capitalize(label)} cannot be negative.`, { value });
  return value;
}

/** A non-blank string, trimmed. */
export function requiredText(value: unknown, field: string, label = field, maxLength = 200): string {
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
export function nameText(value: unknown, field: string, label = field, maxLength = 200): string {
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
export function optionalText(value: unknown, field: string, label = field, maxLength = 2000): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw validationError(field, `${capitalize(label)} must be text.`);
  const text = value.trim();
  if (text.length > maxLength) throw validationError(field, `${capitalize(label)} is too long (at most ${maxLength} characters).`);
  return text;
}

export function isoDate(value: unknown, field: string, label = field): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw validationError(field, `${capitalize(label)} must be a date like 2026-11-26.`, { value });
  }
  return value;
}

export function positiveId(value: unknown, field: string, label = field): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw validationError(field, `Choose a ${label}.`, { value });
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
