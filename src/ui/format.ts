/**
 * Display formatting only: how numbers, money and dates read on screen, and
 * how typed numbers are read back. Values are never rounded for storage here;
 * rules about quantities (conversions, stock levels) live in src/domain.
 */

const quantityFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });
const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "2.268 kg": at most 3 decimals, always with its unit. */
export function formatQuantity(value: number, unit: string): string {
  return `${quantityFormat.format(value)} ${unit}`;
}

/** "$12.49" in the baker's currency; an unknown amount reads as an em dash. */
export function formatMoney(value: number | null | undefined, currency: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format.format(value);
}

/** The currency's symbol as the baker's locale writes it ("$", "€", "CA$"). */
export function currencySymbol(currency: string): string {
  const parts = new Intl.NumberFormat(undefined, { style: 'currency', currency }).formatToParts(0);
  return parts.find((p) => p.type === 'currency')?.value ?? currency;
}

/** A money amount per unit: "$0.02 / g". */
export function formatUnitPrice(value: number | null | undefined, currency: string, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const digits = value !== 0 && Math.abs(value) < 0.1 ? 4 : 2;
  const format = new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  });
  return `${format.format(value)} / ${unit}`;
}

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

/**
 * Reads a typed decimal number. Phone keypads in many locales type a comma,
 * so "2,5" reads as 2.5; blanks and anything else read as null.
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const normalized = trimmed.includes('.') ? trimmed.replace(/,/g, '') : trimmed.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalized)) return null;
  return Number(normalized);
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
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: i === 0 ? 0 : 1 }).format(value)} ${units[i]}`;
}

/** Whether a calendar date (YYYY-MM-DD) is before today on this device: an expiry date that has passed. */
export function isPastDate(iso: string | null | undefined, now: Date = new Date()): boolean {
  return !!iso && iso < todayIso(now);
}

/** A number as it should appear inside an input box: at most 3 decimals, no grouping, a dot for decimals. */
export function inputNumber(value: number): string {
  return String(Number(value.toFixed(3)));
}
