import { describe, expect, it } from 'vitest';
import {
  archiveFinishedUnit,
  createFinishedUnit,
  deleteFinishedUnit,
  findFinishedUnitBySlug,
  getFinishedUnit,
  listFinishedUnits,
  restoreFinishedUnit,
  updateFinishedUnit,
} from '../../../../src/services/recipes/finished-units';
import { createGood, archiveGood } from '../../../../src/services/goods/goods';
import { archiveRecipe, createRecipe, getRecipe } from '../../../../src/services/recipes/recipes';
import { testDb } from '../../../helpers/db';
import { kitchen, refused } from '../kitchen';

async function setup() {
  const db = await testDb();
  const k = kitchen(db);
  const pie = createRecipe(db, { name: 'Apple pie', ingredientLines: [{ ingredientId: k.flour.id, quantity: 2.5, unit: 'cup' }] });
  const cookies = createRecipe(db, { name: 'Sugar cookies', ingredientLines: [{ ingredientId: k.flour.id, quantity: 3, unit: 'cup' }] });
  return { db, k, pie, cookies };
}

describe('finished units: what a recipe yields', () => {
  it('discrete (48 cookies a batch) or portion (a slice at 12.5 % is 8 a batch); a recipe may yield several', async () => {
    const { db, pie, cookies } = await setup();
    const cookie = createFinishedUnit(db, { recipeId: cookies.id, name: 'Sugar cookie', yieldMode: 'discrete', itemsPerBatch: 48 });
    const whole = createFinishedUnit(db, { recipeId: pie.id, name: 'Apple pie, whole', yieldMode: 'portion', portionPercent: 100 });
    const slice = createFinishedUnit(db, { recipeId: pie.id, name: 'Apple pie slice', yieldMode: 'portion', portionPercent: 12.5 });
    expect([cookie.yieldPerBatch, whole.yieldPerBatch, slice.yieldPerBatch]).toEqual([48, 1, 8]);
    expect(cookie).toMatchObject({ slug: 'sugar-cookie', recipe: { name: 'Sugar cookies' }, itemsPerBatch: 48, portionPercent: null, canDelete: true });
    expect(getRecipe(db, pie.id).finishedUnits.map((u) => u.name)).toEqual(['Apple pie slice', 'Apple pie, whole']);
    expect(listFinishedUnits(db, { query: 'slice' }).map((u) => u.name)).toEqual(['Apple pie slice']);
    expect(listFinishedUnits(db, { query: 'pie' }).map((u) => u.name)).toEqual(['Apple pie slice', 'Apple pie, whole']);
    expect(findFinishedUnitBySlug(db, 'sugar-cookie')?.id).toBe(cookie.id);
    const changed = updateFinishedUnit(db, { id: slice.id, portionPercent: 10 });
    expect(changed).toMatchObject({ yieldMode: 'portion', portionPercent: 10, yieldPerBatch: 10 });
    expect(updateFinishedUnit(db, { id: slice.id, yieldMode: 'discrete', itemsPerBatch: 6 })).toMatchObject({ itemsPerBatch: 6, portionPercent: null });
  });

  it('bad yields are refused at their field and change nothing', async () => {
    const { db, cookies, pie } = await setup();
    const base = { recipeId: cookies.id, name: 'Cookie' };
    expect(refused(db, () => createFinishedUnit(db, { ...base, yieldMode: 'discrete', itemsPerBatch: 0 })).details.field).toBe('itemsPerBatch');
    expect(refused(db, () => createFinishedUnit(db, { ...base, yieldMode: 'discrete', itemsPerBatch: 2.5 })).message).toBe('Items per batch is a whole number (48 cookies).');
    expect(refused(db, () => createFinishedUnit(db, { ...base, yieldMode: 'portion', portionPercent: 120 })).details.field).toBe('portionPercent');
    expect(refused(db, () => createFinishedUnit(db, { ...base, yieldMode: 'portion', portionPercent: -5 })).details.field).toBe('portionPercent');
    expect(refused(db, () => createFinishedUnit(db, { ...base, yieldMode: 'dozens' as 'discrete' })).details.field).toBe('yieldMode');
    createFinishedUnit(db, { ...base, yieldMode: 'discrete', itemsPerBatch: 24 });
    expect(refused(db, () => createFinishedUnit(db, { recipeId: pie.id, name: 'COOKIE', yieldMode: 'discrete', itemsPerBatch: 1 })).code).toBe('DUPLICATE');
    archiveRecipe(db, pie.id);
    expect(refused(db, () => createFinishedUnit(db, { recipeId: pie.id, name: 'Slice', yieldMode: 'portion', portionPercent: 10 })).details.field).toBe('recipeId');
  });

  it('one in a good cannot be deleted; it can be archived once that good is archived, and restored', async () => {
    const { db, cookies } = await setup();
    const cookie = createFinishedUnit(db, { recipeId: cookies.id, name: 'Sugar cookie', yieldMode: 'discrete', itemsPerBatch: 48 });
    const bag = createGood(db, { name: 'Cookie bag', lines: [{ kind: 'unit', finishedUnitId: cookie.id, quantity: 6 }] });
    expect(getFinishedUnit(db, cookie.id)).toMatchObject({ canDelete: false, deleteBlockedBy: 'it is in Cookie bag', canArchive: false, archiveBlockedBy: 'it is in Cookie bag (remove it there first)' });
    expect(refused(db, () => deleteFinishedUnit(db, cookie.id))).toMatchObject({ code: 'IN_USE', message: 'Sugar cookie cannot be deleted: it is in Cookie bag.' });
    expect(refused(db, () => archiveFinishedUnit(db, cookie.id)).code).toBe('IN_USE');
    archiveGood(db, bag.id);
    expect(archiveFinishedUnit(db, cookie.id).archived).toBe(true);
    expect(listFinishedUnits(db).map((u) => u.name)).toEqual([]);
    expect(restoreFinishedUnit(db, cookie.id).archived).toBe(false);
    const plain = createFinishedUnit(db, { recipeId: cookies.id, name: 'Cookie crumbs', yieldMode: 'discrete', itemsPerBatch: 1 });
    deleteFinishedUnit(db, plain.id);
    expect(findFinishedUnitBySlug(db, 'cookie-crumbs')).toBeUndefined();
  });

  it('moves to another recipe only before it has been made', async () => {
    const { db, cookies, pie } = await setup();
    const unit = createFinishedUnit(db, { recipeId: cookies.id, name: 'Tart', yieldMode: 'discrete', itemsPerBatch: 12 });
    expect(updateFinishedUnit(db, { id: unit.id, recipeId: pie.id }).recipe.name).toBe('Apple pie');
    db.engine.run(
      `INSERT INTO production_runs (recipe_id, finished_unit_id, produced_on, batches, expected_yield, actual_yield, loss_quantity, status, recipe_snapshot, total_cost, cost_per_unit, created_at)
       VALUES (?, ?, '2026-11-01', 1, 12, 12, 0, 'complete', '{}', 0, 0, 'x')`,
      [pie.id, unit.id],
    );
    expect(getFinishedUnit(db, unit.id)).toMatchObject({ recipeFixed: true, canDelete: false, deleteBlockedBy: 'it has 1 production run: archive it instead' });
    expect(refused(db, () => updateFinishedUnit(db, { id: unit.id, recipeId: cookies.id })).details.field).toBe('recipeId');
  });
});
