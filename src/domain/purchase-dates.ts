/**
 * Date rules for purchases and lots: a purchase is not dated in the future
 * (one day of slack for time zones: the clock is UTC, the baker's calendar
 * is local), and nothing expires before it was bought.
 */
import { validationError } from '../errors';
import { addDays } from './dates';
import { MAX_DAYS_AHEAD } from './limits';
import { isoDate } from './validate';

/** The purchase date from a form: today when absent, otherwise a real date not after tomorrow. */
export function purchaseDate(value: unknown, today: string): string {
  if (value === undefined || value === null) return today;
  const date = isoDate(value, 'purchasedOn', 'purchase date');
  if (date > addDays(today, MAX_DAYS_AHEAD)) throw validationError('purchasedOn', 'Purchase date is in the future.', { value, today });
  return date;
}

/** An optional expiry date ('' or null: none), on or after the purchase date when that is known. */
export function expiryDate(value: unknown, purchasedOn: string | null): string | null {
  if (value === undefined || value === null || value === '') return null;
  const date = isoDate(value, 'expiresOn', 'expiry date');
  if (purchasedOn !== null && date < purchasedOn) {
    throw validationError('expiresOn', 'The expiry date is before the purchase date.', { value, purchasedOn });
  }
  return date;
}
