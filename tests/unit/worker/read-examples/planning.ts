import { idOf, type ReadExamples } from './types';

/** The sample's Holiday 2026 event: targets, decisions and a saved plan. */
const eventId = (db: Parameters<ReadExamples[string]>[0]) => idOf(db, "SELECT id FROM events WHERE slug = 'holiday-2026'");

export const planningExamples: ReadExamples = {
  'planning.listEvents': () => ({}),
  'planning.getEvent': (db) => ({ id: eventId(db) }),
  'planning.targetOptions': () => undefined,
  'planning.recipeFamily': (db) => ({ finishedUnitId: idOf(db, "SELECT id FROM finished_units WHERE slug = 'almond-biscotti'") }),
  'planning.likelyEvent': (db) => ({ recipeId: idOf(db, "SELECT id FROM recipes WHERE slug = 'almond-biscotti'") }),
  'planning.plan': (db) => ({ eventId: eventId(db) }),
  'planning.savedPlan': (db) => ({ eventId: eventId(db) }),
  'planning.staleness': (db) => ({ eventId: eventId(db) }),
  'planning.differences': (db) => ({ eventId: eventId(db) }),
  'planning.history': (db) => ({ eventId: eventId(db) }),
  'planning.plannedVsActual': (db) => ({ eventId: eventId(db) }),
  'planning.shoppingEvents': () => ({ today: '2026-12-01' }),
  'planning.shoppingList': (db) => ({ eventId: eventId(db), groupBy: 'aisle' }),
  'planning.feasibility': (db) => ({ eventId: eventId(db) }),
  'planning.progress': (db) => ({ eventId: eventId(db) }),
  'planning.dashboard': () => ({ today: '2026-12-01' }),
};
