/**
 * The ordered list of schema migrations. Migration N brings the schema from
 * user_version N-1 to N. A released migration is never edited: add a file
 * (NNN-name.ts, the next number) and pin it as
 * tests/unit/db/migration-pins.test.ts says.
 */
import { up as initial } from './001-initial';
import { up as recipesGoods } from './002-recipes-goods';
import { up as makingPlanning } from './003-making-planning';
import { up as undoneAdjustments } from './004-undone-adjustments';
import { up as stockedLots } from './005-stocked-lots';
import { up as lotTotals } from './006-lot-totals';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: initial },
  { version: 2, name: 'recipes, finished units, finished goods and materials', up: recipesGoods },
  { version: 3, name: 'making (run snapshots, costs, undo) and planning (recipe choice, plan states, amendments, shopping ticks)', up: makingPlanning },
  { version: 4, name: 'undone adjustments go with a deleted lot', up: undoneAdjustments },
  { version: 5, name: 'an index of the lots that still hold something, for FIFO', up: stockedLots },
  { version: 6, name: 'an index covering the pantry totals of every lot', up: lotTotals },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
