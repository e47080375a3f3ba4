import { flourId, idOf, type ReadExamples } from './types';

export const catalogExamples: ReadExamples = {
  'catalog.isEmpty': () => undefined,
  'catalog.searchIngredients': () => ({ query: 'flour' }),
  'catalog.getIngredient': (db) => ({ id: flourId(db) }),
  'catalog.searchParents': (db) => ({ query: 'flour', movingId: flourId(db) }),
  'catalog.searchProducts': () => ({ query: 'flour' }),
  'catalog.recentProducts': () => ({ limit: 5 }),
  'catalog.getProduct': (db) => ({ id: idOf(db, `SELECT id FROM products WHERE ingredient_id = ${flourId(db)}`) }),
  'catalog.listSuppliers': () => ({}),
  'catalog.getSupplier': (db) => ({ id: idOf(db, 'SELECT supplier_id AS id FROM purchases WHERE supplier_id IS NOT NULL') }),
};
