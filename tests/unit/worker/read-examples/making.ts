import type { Database } from '../../../../src/db/session';
import { idOf, type ReadExamples } from './types';

const recipe = (db: Database, slug: string) => idOf(db, `SELECT id FROM recipes WHERE slug = '${slug}'`);
const good = (db: Database, slug: string) => idOf(db, `SELECT id FROM finished_goods WHERE slug = '${slug}'`);

export const makingExamples: ReadExamples = {
  'making.recipeChoices': () => ({}),
  'making.goodChoices': () => ({}),
  'making.eventChoices': () => undefined,
  'making.checkProduction': (db) => ({ recipeId: recipe(db, 'almond-biscotti'), batches: 2 }),
  'making.checkAssembly': (db) => ({ goodId: good(db, 'holiday-gift-box'), quantity: 1 }),
  // The sample's own bake and assembly for Holiday 2026 (sample-event.ts) give the run reads ledgers to read:
  // its six cookie bags drew trees from its bake's lot and packaging from material lots.
  'making.listRuns': () => ({}),
  'making.getRun': (db) => ({ kind: 'assembly', id: idOf(db, 'SELECT id FROM assembly_runs') }),
  'making.finishedStock': () => undefined,
};
