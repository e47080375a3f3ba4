import { describe, expect, it } from 'vitest';
import { catalogIsEmpty } from '../../../../src/services/catalog/catalog-empty';
import { createIngredient, deleteIngredient } from '../../../../src/services/catalog/ingredients';
import { createSupplier } from '../../../../src/services/catalog/suppliers';
import { testDb } from '../../../helpers/db';

describe('is this a first run (an empty catalog)?', () => {
  it('a new database is empty; one ingredient makes it not; deleting it makes it empty again', async () => {
    const db = await testDb();
    expect(catalogIsEmpty(db)).toBe(true);
    const salt = createIngredient(db, { name: 'Salt' });
    expect(catalogIsEmpty(db)).toBe(false);
    deleteIngredient(db, salt.id);
    expect(catalogIsEmpty(db)).toBe(true);
  });

  it('a baker who only added the shop they buy from is past the first run', async () => {
    const db = await testDb();
    createSupplier(db, { name: 'Costco' });
    expect(catalogIsEmpty(db)).toBe(false);
  });
});
