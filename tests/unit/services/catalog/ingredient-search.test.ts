import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/db/session';
import { searchIngredients } from '../../../../src/services/catalog/ingredient-search';
import { searchProducts } from '../../../../src/services/catalog/products';
import { pantryOverview } from '../../../../src/services/pantry/stock';
import { loadSample } from '../../../../src/services/sample/sample-pantry';
import { testDb } from '../../../helpers/db';

const FIXTURE_TEXT = readFileSync(join(import.meta.dirname, '../../../../src/services/sample/bake-tracker-sample.json'), 'utf8');

/** The sample pantry's 413 ingredients, searched as a baker types. */
describe('searching the sample pantry', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDb();
    loadSample(db, JSON.parse(FIXTURE_TEXT));
  });
  const names = (query: string) => searchIngredients(db, { query, leavesOnly: true }).map((m) => m.name);

  it('"brown sugar", "sugar brown" and "brwn sugar" all find "Sugar, brown light" and "Sugar, brown dark"', () => {
    for (const q of ['brown sugar', 'sugar brown', 'brwn sugar', 'brwn']) {
      expect(names(q), q).toEqual(expect.arrayContaining(['Sugar, brown light', 'Sugar, brown dark']));
    }
  });

  it('"all purpose", "ap flour" and "all-purpose flour" find "Flour, all-purpose" first', () => {
    for (const q of ['all purpose', 'ap flour', 'all-purpose flour']) expect(names(q)[0], q).toBe('Flour, all-purpose');
  });

  it('"creme" finds Crème fraîche and Crème de cassis', () => {
    expect(names('creme')).toEqual(expect.arrayContaining(['Crème fraîche', 'Crème de cassis']));
  });

  it('the pantry list and product search use the same rules: "brwn sugar" finds the light brown sugar in stock and its product', () => {
    expect(pantryOverview(db, { query: 'sugar brwn' }).map((r) => r.ingredient.name)).toContain('Sugar, brown light');
    expect(searchProducts(db, { query: 'brwn sugar' }).map((p) => p.ingredient.name)).toContain('Sugar, brown light');
  });
});
