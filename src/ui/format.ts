/**
 * Display formatting only: how numbers, money and dates read on screen, and
 * how typed numbers are read back. Values are never rounded for storage here;
 * rules about quantities (conversions, stock levels) live in src/domain.
 */

import { roundPercent } from '../domain/progress';
import { readableQuantity } from '../domain/readable-unit';
import { LOCALE } from './locale';
import { UNITS, type Unit } from '../domain/units';

const quantityFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 3 });
const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium' });

/** "2.268 kg": at most 3 decimals, always with its unit. */
export function formatQuantity(value: number, unit: string): string {
  return `${quantityFormat.format(value)} ${unit}`;
}

/**
 * A stored quantity in a unit that reads well: "1.073 l", not "1,073.176 ml";
 * "7.364 lb", not "117.822 oz". With `like`, the unit is the one that reads
 * well for that other amount, so "a of b" pairs share one unit.
 */
export function formatReadable(value: number, unit: string, like: number = value): string {
  if (!(unit in UNITS)) return formatQuantity(value, unit);
  const target = readableQuantity(like, unit as Unit).unit;
  return formatQuantity((value * UNITS[unit as Unit].factor) / UNITS[target].factor, target);
}

/** As `formatReadable`, but things counted read as a bare number: "need 60, have 12", not "need 60 each, have 12 each". */
export function formatAmount(value: number, unit: string, like: number = value): string {
  return unit === 'each' ? quantityFormat.format(value) : formatReadable(value, unit, like);
}

const countFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });

/** "1,204": a count of things, with the locale's grouping. */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** "$12.49" in the baker's currency; an unknown amount reads as an em dash. */
export function formatMoney(value: number | null | undefined, currency: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format.format(value);
}

/** The currency's symbol as the baker's locale writes it ("$", "€", "CA$"). */
export function currencySymbol(currency: string): string {
  const parts = new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).formatToParts(0);
  return parts.find((p) => p.type === 'currency')?.value ?? currency;
}

/**
 * A money amount per unit: "$0.02 / g", and "$0.28 each" for counted things ("$0.28 / each" reads as a slip).
 * `exact`: to the ledger's 4 decimals ("$0.2775 each"), as a run was charged.
 */
export function formatUnitPrice(value: number | null | undefined, currency: string, unit: string, exact = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const digits = exact || (value !== 0 && Math.abs(value) < 0.1) ? 4 : 2;
  // One format per currency and precision, made once: making one per call took most of a long list's render.
  const key = `${currency}|${digits}`;
  let format = unitPriceFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: digits });
    unitPriceFormats.set(key, format);
  }
  return unit === 'each' ? `${format.format(value)} each` : `${format.format(value)} / ${unit}`;
}
const unitPriceFormats = new Map<string, Intl.NumberFormat>();

/** Parses a calendar date (YYYY-MM-DD) as a local day, so it never shifts by a timezone. */
function localDay(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** "12 Mar 2026" in the baker's locale. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const day = localDay(iso);
  return day ? dateFormat.format(day) : iso;
}

/** Today as YYYY-MM-DD in the device's timezone (what a purchase date field defaults to). */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The decimal and grouping marks a locale writes ("." and "," in en-US; "," and "." in de-DE). */
function separatorsOf(locale: string): { decimal: string; group: string } {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  } catch {
    parts = new Intl.NumberFormat('en-US').formatToParts(1234567.5);
  }
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

const GROUPED = /^\d{1,3}(\d{3})*$/;

/** Digits grouped by a mark ("1,234,567"): every group after the first has exactly 3 digits. */
function ungroup(text: string, mark: string): string | null {
  const groups = text.split(mark);
  if (groups.length === 1) return text;
  if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
  return groups.join('');
}

/**
 * Reads a typed decimal number the way the baker's locale writes it
 * (the app's LOCALE unless a locale is given). Phone keypads type either
 * mark, so both "." and "," are read: when both appear, the last one is the
 * decimal mark and the other groups thousands; a lone mark followed by exactly
 * three digits ("1,500") is ambiguous and means what the locale means by it
 * (1500 in en-US, 1.5 in de-DE); any other lone mark ("2,5", "3.79") is the
 * decimal mark. Blanks and anything else read as null.
 */
export function parseDecimal(text: string, locale: string = LOCALE): number | null {
  const { decimal, group } = separatorsOf(locale);
  let trimmed = text.trim().replace(/\s/g, '');
  // Groups written with an apostrophe (de-CH "1’234.5") are dropped like spaces.
  if (group === '’' || group === "'") trimmed = trimmed.replace(/['’]/g, '');
  if (trimmed === '') return null;
  const m = /^(-?)([\d.,]*)$/.exec(trimmed);
  if (!m) return null;
  const sign = m[1]!;
  const body = m[2]!;
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let whole: string | null;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const mark = lastDot > lastComma ? '.' : ',';
    const other = mark === '.' ? ',' : '.';
    const at = body.lastIndexOf(mark);
    whole = ungroup(body.slice(0, at), other);
    fraction = body.slice(at + 1);
    if (fraction.includes(other) || fraction.includes(mark)) return null;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const pieces = body.split(mark);
    if (pieces.length > 2) {
      whole = ungroup(body, mark);
    } else {
      const [head, tail] = pieces as [string, string];
      const thousands = tail.length === 3 && GROUPED.test(head) && head !== '0' && mark !== decimal;
      whole = thousands ? head + tail : head;
      fraction = thousands ? '' : tail;
    }
  } else {
    whole = body;
  }
  if (whole === null || !/^\d*$/.test(whole) || !/^\d*$/.test(fraction)) return null;
  if (whole === '' && fraction === '') return null;
  return Number(`${sign}${whole || '0'}.${fraction || '0'}`);
}

/** Whole bytes as "1.2 MB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return `${new Intl.NumberFormat(LOCALE, { maximumFractionDigits: i === 0 ? 0 : 1 }).format(value)} ${units[i]}`;
}

/** Whether a calendar date (YYYY-MM-DD) is before today on this device: an expiry date that has passed. */
export function isPastDate(iso: string | null | undefined, now: Date = new Date()): boolean {
  return !!iso && iso < todayIso(now);
}

/** A number as it should appear inside an input box: at most 3 decimals, no grouping, a dot for decimals. */
export function inputNumber(value: number): string {
  return String(Number(value.toFixed(3)));
}

const percentFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });

/** "57.14 %": a percent at 2 decimals at most (the domain keeps full precision); unknown reads as an em dash. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : `${percentFormat.format(roundPercent(value))} %`;
}

/** A plain count or amount in the baker's locale, at most 3 decimals: "2.5", "1,200". */
export function formatNumber(value: number): string {
  return quantityFormat.format(value);
}
