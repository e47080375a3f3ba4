import type { Database } from '../../../../src/db/session';
import { recordAssembly } from '../../../../src/services/making/assembly';
import { recordProduction } from '../../../../src/services/making/production';
import { idOf, type ReadExamples } from './types';

const recipe = (db: Database, slug: string) => idOf(db, `SELECT id FROM recipes WHERE slug = '${slug}'`);
const good = (db: Database, slug: string) => idOf(db, `SELECT id FROM finished_goods WHERE slug = '${slug}'`);

export const makingExamples: ReadExamples = {
  'making.recipeChoices': () => ({}),
  'making.goodChoices': () => ({}),
  'making.eventChoices': () => undefined,
  'making.checkProduction': (db) => ({ recipeId: recipe(db, 'almond-biscotti'), batches: 2 }),
  'making.checkAssembly': (db) => ({ goodId: good(db, 'holiday-gift-box'), quantity: 1 }),
  // Runs recorded first (the sample has stock for these), so the run reads have ledgers to read.
  'making.listRuns': (db) => {
    recordProduction(db, { recipeId: recipe(db, 'almond-flour-brownies'), batches: 1 });
    return {};
  },
  'making.getRun': (db) => {
    recordProduction(db, { recipeId: recipe(db, 'pecan-shortbread-christmas-trees'), batches: 1 });
    return { kind: 'assembly', id: recordAssembly(db, { goodId: good(db, 'cookie-bag'), quantity: 2 }).id };
  },
  'making.finishedStock': () => undefined,
};
