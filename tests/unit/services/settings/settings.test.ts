import { describe, expect, it } from 'vitest';
import { catalogIsEmpty } from '../../../../src/services/catalog/catalog-empty';
import { getSettings, updateSettings } from '../../../../src/services/settings/settings';
import { testDb } from '../../../helpers/db';
import { caught } from '../bakery';

describe('settings: the currency money is shown in', () => {
  it('is US dollars until chosen; a Canadian baker picks cad and gets CAD', async () => {
    const db = await testDb();
    expect(getSettings(db)).toEqual({ currency: 'USD', currencyChosen: false, setupDone: false });
    expect(updateSettings(db, { currency: 'cad' })).toEqual({ currency: 'CAD', currencyChosen: true, setupDone: false });
    expect(getSettings(db).currency).toBe('CAD');
  });

  it('"dollars" and "XYZ" are refused naming the currency field, and the choice stays', async () => {
    const db = await testDb();
    updateSettings(db, { currency: 'EUR' });
    for (const currency of ['dollars', 'XYZ', '']) {
      expect(caught(() => updateSettings(db, { currency })).details.field).toBe('currency');
    }
    expect(getSettings(db).currency).toBe('EUR');
  });
});

describe('settings: first-run setup', () => {
  it('a baker who chose "Start empty" is not welcomed again: setupDone stays true with an empty catalog, and the currency is kept', async () => {
    const db = await testDb();
    updateSettings(db, { currency: 'EUR' });
    expect(updateSettings(db, { setupDone: true })).toEqual({ currency: 'EUR', currencyChosen: true, setupDone: true });
    expect(catalogIsEmpty(db)).toBe(true);
    expect(getSettings(db).setupDone).toBe(true);
    expect(caught(() => updateSettings(db, { setupDone: 'yes' as unknown as boolean })).details.field).toBe('setupDone');
  });
});
