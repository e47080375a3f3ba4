import { flourId, idOf, type ReadExamples } from './types';

export const pantryExamples: ReadExamples = {
  'pantry.ingredientTree': () => undefined,
  'pantry.getPurchase': (db) => ({ id: idOf(db, 'SELECT id FROM purchases') }),
  'pantry.listPurchases': () => ({}),
  'pantry.summary': () => ({}),
  'pantry.overview': () => ({}),
  'pantry.ingredientStock': (db) => ({ ingredientId: flourId(db) }),
  'pantry.onHand': (db) => ({ ingredientId: flourId(db), unit: 'cup' }),
  'pantry.getLot': (db) => ({ id: idOf(db, 'SELECT id FROM lots') }),
  'pantry.lotsWithoutPrice': () => ({}),
  'pantry.listAdjustments': (db) => ({ ingredientId: flourId(db) }),
  'pantry.planFifo': (db) => ({ ingredientId: flourId(db), quantity: 48, unit: 'cup' }),
  'pantry.priceHistory': (db) => ({ ingredientId: flourId(db) }),
};
