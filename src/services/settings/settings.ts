/**
 * App settings kept in the database (so they travel with a backup): the
 * currency money is shown in, and whether first-run setup is done. Currency
 * defaults to USD; `currencyChosen` tells the UI whether the baker (or the
 * browser locale, on first run) has set it. `setupDone` remembers a baker who
 * chose "Start empty", whose catalog stays empty until the first purchase.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { validationError } from '../../errors';

export const DEFAULT_CURRENCY = 'USD';

export interface Settings {
  currency: string;
  currencyChosen: boolean;
  /** The baker has passed the welcome screen (started empty, loaded the sample or imported a backup). */
  setupDone: boolean;
}

export interface SettingsUpdate {
  currency?: string;
  setupDone?: boolean;
}

function read(tx: Tx, key: string): string | undefined {
  return tx.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key])?.value;
}

/** Writes only a changed value: setting what is already set changes nothing (a merge that brings nothing new leaves the file as it was). */
function write(tx: Tx, key: string, value: string): void {
  tx.run(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at WHERE settings.value IS NOT excluded.value',
    [key, value, tx.now()],
  );
}

export function getSettings(db: Database, tx?: Tx): Settings {
  return withTransaction(db, tx, (t) => {
    const currency = read(t, 'currency');
    return { currency: currency ?? DEFAULT_CURRENCY, currencyChosen: currency !== undefined, setupDone: read(t, 'setup_done') === '1' };
  });
}

/** An ISO 4217 code the platform can format (USD, EUR, GBP, CAD...). */
function checkCurrency(value: unknown): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(code)) throw validationError('currency', 'A currency is a three-letter code such as USD, EUR or GBP.', { value });
  if (!Intl.supportedValuesOf('currency').includes(code)) {
    throw validationError('currency', `${code} is not a currency this device knows.`, { value });
  }
  return code;
}

export function updateSettings(db: Database, update: SettingsUpdate, tx?: Tx): Settings {
  return withTransaction(db, tx, (t) => {
    if (update.setupDone !== undefined && typeof update.setupDone !== 'boolean') {
      throw validationError('setupDone', 'setupDone is true or false.', { value: update.setupDone });
    }
    if (update.currency !== undefined) write(t, 'currency', checkCurrency(update.currency));
    if (update.setupDone !== undefined) write(t, 'setup_done', update.setupDone ? '1' : '0');
    return getSettings(db, t);
  });
}
