import { idOf, type ReadExamples } from './types';

/** A material with products, units, purchases and lots in the sample bakery. */
const boxes = (db: Parameters<ReadExamples[string]>[0]) => idOf(db, 'SELECT material_id AS id FROM material_lots ORDER BY id');

export const materialsExamples: ReadExamples = {
  'materials.list': () => ({ query: 'box' }),
  'materials.get': (db) => ({ id: boxes(db) }),
  'materials.listProducts': (db) => ({ materialId: boxes(db) }),
  'materials.getProduct': (db) => ({ id: idOf(db, 'SELECT material_product_id AS id FROM material_lots ORDER BY id') }),
  'materials.listUnits': () => ({ query: 'bow' }),
  'materials.getUnit': (db) => ({ id: idOf(db, 'SELECT material_unit_id AS id FROM compositions WHERE material_unit_id IS NOT NULL') }),
  'materials.listPurchases': (db) => ({ materialId: boxes(db) }),
  'materials.getPurchase': (db) => ({ id: idOf(db, 'SELECT id FROM material_purchases') }),
};
