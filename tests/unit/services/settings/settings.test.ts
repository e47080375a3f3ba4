import { describe, expect, it } from 'vitest';
import { getSettings, updateSettings } from '../../../../src/services/settings/settings';
import { testDb } from '../../../helpers/db';
import { caught } from '../bakery';

describe('settings: the currency money is shown in', () => {
  it('is US dollars until chosen; a Canadian baker picks cad and gets CAD', async () => {
    const db = await testDb();
    expect(getSettings(db)).toEqual({ currency: 'USD', currencyChosen: false });
    expect(updateSettings(db, { currency: 'cad' })).toEqual({ currency: 'CAD', currencyChosen: true });
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
