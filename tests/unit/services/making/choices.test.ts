/** What the Make screens pick from: recipes baked most recently first, goods with how many the shelf holds, events by date. */
import { describe, expect, it } from 'vitest';
import { recordAssembly } from '../../../../src/services/making/assembly';
import { eventChoices, goodChoices, recipeChoices } from '../../../../src/services/making/choices';
import { recordProduction } from '../../../../src/services/making/production';
import { undoRun } from '../../../../src/services/making/undo';
import { createFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { createRecipe } from '../../../../src/services/recipes/recipes';
import { testDb } from '../../../helpers/db';
import { bakeShop } from './bake-shop';

describe('choices for the Make screens', () => {
  it('recipes: the last baked first, then never-baked ones by name; an undone bake does not count; one with no finished unit says why', async () => {
    let tick = 0;
    const db = await testDb(() => new Date(Date.UTC(2026, 10, 20 + tick++)));
    const s = bakeShop(db);
    const bread = createRecipe(db, { name: 'Almond bread', ingredientLines: [{ ingredientId: s.flour.id, quantity: 1, unit: 'cup' }] });
    createFinishedUnit(db, { recipeId: bread.id, name: 'Almond loaf', yieldMode: 'discrete', itemsPerBatch: 2 });
    createRecipe(db, { name: 'Zest syrup' });
    expect(recipeChoices(db).map((c) => c.recipe.name)).toEqual(['Almond bread', 'Sugar cookies', 'Zest syrup']);

    recordProduction(db, { recipeId: bread.id, batches: 1 });
    const cookies = recordProduction(db, { recipeId: s.cookies.id, batches: 1 });
    const choices = recipeChoices(db);
    expect(choices.map((c) => [c.recipe.name, c.lastMadeOn])).toEqual([
      ['Sugar cookies', cookies.createdAt.slice(0, 10)],
      ['Almond bread', expect.any(String)],
      ['Zest syrup', null],
    ]);
    expect(choices[0]!.finishedUnits).toEqual([{ id: s.cookie.id, slug: 'sugar-cookie', name: 'Sugar cookie', yieldMode: 'discrete', yieldPerBatch: 48 }]);
    expect(choices[2]).toMatchObject({ canBake: false, cannotBakeBecause: 'It yields nothing yet: give it a finished unit (48 cookies a batch) in Recipes.' });

    undoRun(db, { kind: 'production', id: cookies.id });
    expect(recipeChoices(db).map((c) => c.recipe.name)).toEqual(['Almond bread', 'Sugar cookies', 'Zest syrup']);
    expect(recipeChoices(db, { query: 'sug' }).map((c) => c.recipe.name)).toEqual(['Sugar cookies']);
  });

  it('goods: how many the shelf holds enough for, and packaging waiting to be chosen', async () => {
    const db = await testDb();
    const s = bakeShop(db);
    s.buyBags();
    const bag = s.good({ name: 'Cookie bag', lines: [{ kind: 'unit', finishedUnitId: s.cookie.id, quantity: 12 }, { kind: 'material', materialUnitId: s.oneBag.id, materialProductId: s.bagPack.id, quantity: 1 }] });
    s.good({ name: 'Loose dozen', lines: [{ kind: 'unit', finishedUnitId: s.cookie.id, quantity: 12 }, { kind: 'material', materialUnitId: s.oneBag.id, quantity: 1 }] });
    s.good({ name: 'Empty box' });
    expect(goodChoices(db).map((g) => [g.good.name, g.canAssemble, g.unassignedPackaging])).toEqual([
      ['Cookie bag', 0, 0],
      ['Loose dozen', 0, 1],
    ]);
    recordProduction(db, { recipeId: s.cookies.id, batches: 2 });
    recordAssembly(db, { goodId: bag.id, quantity: 1 });
    expect(goodChoices(db).map((g) => [g.good.name, g.canAssemble, g.lastAssembledOn !== null])).toEqual([
      ['Cookie bag', 7, true],
      ['Loose dozen', 0, false],
    ]);
  });

  it('events: those not completed, by date', async () => {
    const db = await testDb();
    db.engine.run(`INSERT INTO events (slug, name, event_date, plan_state, created_at, updated_at) VALUES
      ('spring', 'Spring fair', '2027-04-01', 'draft', 'x', 'x'), ('xmas', 'Christmas', '2026-12-24', 'in_production', 'x', 'x'),
      ('past', 'Harvest', '2026-10-01', 'completed', 'x', 'x')`);
    expect(eventChoices(db).map((e) => [e.slug, e.planned])).toEqual([['xmas', false], ['spring', false]]);
  });
});
