import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_NOTE } from '../../../../src/domain/sample-prices';
import { explodeGood } from '../../../../src/services/goods/explosion';
import { findGoodSummaryBySlug, getGood, listGoods } from '../../../../src/services/goods/goods';
import { listMaterialPurchases } from '../../../../src/services/materials/material-purchases';
import { costGood } from '../../../../src/services/pricing/good-cost';
import { costRecipe } from '../../../../src/services/pricing/recipe-cost';
import { listFinishedUnits } from '../../../../src/services/recipes/finished-units';
import { findRecipeBySlug } from '../../../../src/services/recipes/recipe-rows';
import { listRecipes } from '../../../../src/services/recipes/recipes';
import { importBakeTracker } from '../../../../src/services/import/bake-tracker/import';
import { loadSample } from '../../../../src/services/sample/sample-pantry';
import { testDb } from '../../../helpers/db';
import { dbState } from '../kitchen';

const FIXTURE_TEXT = readFileSync(join(import.meta.dirname, '../../../../src/services/sample/bake-tracker-sample.json'), 'utf8');
const fixture = () => JSON.parse(FIXTURE_TEXT) as unknown;

async function sample() {
  const db = await testDb();
  const result = loadSample(db, fixture());
  return { db, result };
}

describe('the built-in sample bakery', () => {
  it("gives each of the backup's 20 recipes a finished unit with a realistic yield (cakes whole and by the slice)", async () => {
    const { db, result } = await sample();
    expect(result.bakery).toEqual({ finishedUnits: 24, goods: 3, materialPurchases: 6 });
    const units = listFinishedUnits(db);
    expect(new Set(units.map((u) => u.recipe.slug)).size).toBe(20);
    expect(listRecipes(db).every((r) => r.finishedUnitCount > 0)).toBe(true);
    const perBatch = Object.fromEntries(units.map((u) => [u.name, u.yieldPerBatch]));
    expect(perBatch).toMatchObject({ 'Almond biscotti': 36, 'Candy-bar fudge square': 48, 'Lemon bliss cake': 1, 'Lemon bliss cake slice': 16, 'Lavender-lemon cake slice': 8, 'Orange poppy seed loaf': 4 });
  });

  it('a holiday gift box holds a biscotti tin (nested) and packaging, one line generic until a ribbon is chosen', async () => {
    const { db } = await sample();
    expect(listGoods(db).map((g) => g.name)).toEqual(['Biscotti tin', 'Cookie bag', 'Holiday gift box']);
    const gift = getGood(db, findGoodSummaryBySlug(db, 'holiday-gift-box')!.id);
    expect(gift.levels).toBe(2);
    expect(gift.lines.map((l) => (l.kind === 'unit' ? `${l.quantity} ${l.finishedUnit.name}` : l.kind === 'good' ? `${l.quantity} ${l.good.name}` : `${l.quantity} ${l.materialUnit.name}${l.generic ? ' (any)' : ''}`))).toEqual([
      '6 Almond shortbread cookie',
      '4 Almond flour brownie',
      '1 Biscotti tin',
      '1 window box',
      '1 bow (18 in) (any)',
    ]);
    const e = explodeGood(db, { goodId: gift.id, quantity: 40 });
    expect(Object.fromEntries(e.units.map((u) => [u.finishedUnit.name, u.count]))).toEqual({ 'Almond biscotti': 240, 'Almond flour brownie': 160, 'Almond shortbread cookie': 240 });
    expect(e.materials.map((m) => [m.material.name, m.uses])).toEqual([
      ['Box Window Cake 10x10', 40],
      ['Label Seal Permanent', 40],
      ['Ribbon Curling 3-16', 40],
      ['Tin Cookie Round 6in', 40],
    ]);
  });

  it('its three goods have known costs at sample prices, each the sum of its parts', async () => {
    const { db } = await sample();
    for (const slug of ['biscotti-tin', 'holiday-gift-box', 'cookie-bag']) {
      const c = costGood(db, { goodId: findGoodSummaryBySlug(db, slug)!.id });
      expect(c.unknown).toEqual([]);
      expect(c.cost).toBeGreaterThan(0.5);
      expect(c.cost).toBeCloseTo(c.breakdown.lines.reduce((s, l) => s + l.cost!, 0), 9);
    }
    // Every packaging purchase says its price is a sample.
    expect(listMaterialPurchases(db).every((p) => p.notes.startsWith(SAMPLE_NOTE))).toBe(true);
    // Recipes outside the boxes keep the backup's gaps and say what is missing.
    const fudge = costRecipe(db, { recipeId: findRecipeBySlug(db, 'candy-bar-fudge')!.id });
    expect(fudge.cost).toBeNull();
    expect(fudge.unknown.map((u) => u.item)).toContain('Caramel bits');
  });

  it('loading the sample again changes nothing', async () => {
    const { db } = await sample();
    const before = dbState(db);
    expect(loadSample(db, fixture()).bakery).toEqual({ finishedUnits: 0, goods: 0, materialPurchases: 0 });
    expect(dbState(db)).toEqual(before);
  });

  it('after a plain import of the same backup the bakery still comes in, on the imported recipes, whose uncosted lots stay unknown', async () => {
    const db = await testDb();
    importBakeTracker(db, fixture());
    expect(loadSample(db, fixture()).bakery).toEqual({ finishedUnits: 24, goods: 3, materialPurchases: 6 });
    const bag = costGood(db, { goodId: findGoodSummaryBySlug(db, 'cookie-bag')!.id });
    expect(bag.cost).toBeNull();
    expect(bag.unknown).toContainEqual({ item: 'Butter, unsalted', reason: 'No price for Butter, unsalted: its lots have no cost and there is no purchase price. Record a purchase.' });
    // The packaging was bought at sample prices, so its part of the cost is known.
    expect(bag.breakdown.lines.filter((l) => l.kind === 'material').every((l) => l.cost !== null)).toBe(true);
  });
});
