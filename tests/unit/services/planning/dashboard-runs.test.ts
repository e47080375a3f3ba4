/*
 * The dashboard once baking has started (runs recorded through making's one
 * path, on two days): batches by day against the plan, what to bake next
 * (the recipe goods wait on first) and what can be assembled now.
 */
import { describe, expect, it } from 'vitest';
import { createGood } from '../../../../src/services/goods/goods';
import { recordAssembly } from '../../../../src/services/making/assembly';
import { recordProduction } from '../../../../src/services/making/production';
import { decideBatches } from '../../../../src/services/planning/batch-decisions';
import { dashboard } from '../../../../src/services/planning/dashboard';
import { createEvent } from '../../../../src/services/planning/events';
import { setGoodTarget, setUnitTarget } from '../../../../src/services/planning/targets';
import { createFinishedUnit } from '../../../../src/services/recipes/finished-units';
import { createRecipe } from '../../../../src/services/recipes/recipes';
import { testDb } from '../../../helpers/db';
import { shopBakery } from './shop-bakery';

describe('the dashboard with baking under way', () => {
  it('batches by day against the plan, the recipe the boxes wait on first, and the boxes that can be made now', async () => {
    let now = new Date('2026-12-01T09:00:00.000Z');
    const s = await shopBakery(await testDb(() => now));
    s.buy(s.product(s.flour.id, 'Flour 25 lb', 25, 'lb').id, 9.49);
    const unit = (name: string, perBatch: number) => {
      const recipe = createRecipe(s.db, { name, ingredientLines: [{ ingredientId: s.flour.id, quantity: 1, unit: 'cup' }] });
      return { recipe, unit: createFinishedUnit(s.db, { recipeId: recipe.id, name, yieldMode: 'discrete', itemsPerBatch: perBatch }) };
    };
    const cookies = unit('Cookies', 10);
    const brownies = unit('Brownies', 10);
    const rolls = unit('Rolls', 12);
    const box = createGood(s.db, {
      name: 'Sweet box',
      lines: [
        { kind: 'unit', finishedUnitId: cookies.unit.id, quantity: 5 },
        { kind: 'unit', finishedUnitId: brownies.unit.id, quantity: 5 },
      ],
    });
    const event = createEvent(s.db, { name: 'Fair', date: '2026-12-10' });
    setGoodTarget(s.db, { eventId: event.id, goodId: box.id, quantity: 6 });
    setUnitTarget(s.db, { eventId: event.id, finishedUnitId: rolls.unit.id, quantity: 120 });
    for (const [u, batches] of [[cookies.unit.id, 3], [brownies.unit.id, 3], [rolls.unit.id, 10]] as const) decideBatches(s.db, { eventId: event.id, finishedUnitId: u, batches });

    recordProduction(s.db, { recipeId: cookies.recipe.id, batches: 3, eventId: event.id });
    recordProduction(s.db, { recipeId: brownies.recipe.id, batches: 1, eventId: event.id });
    now = new Date('2026-12-03T09:00:00.000Z');
    recordProduction(s.db, { recipeId: brownies.recipe.id, batches: 1, eventId: event.id });
    recordAssembly(s.db, { goodId: box.id, quantity: 1, eventId: event.id });

    const d = dashboard(s.db, { today: '2026-12-04' });
    expect(d.event).toMatchObject({ name: 'Fair', daysLeft: 6 });
    expect(d.chart).toEqual({
      planned: 16,
      produced: 5,
      days: [
        { date: '2026-12-01', batches: 4, total: 4 },
        { date: '2026-12-03', batches: 1, total: 5 },
      ],
      from: '2026-12-01',
      to: '2026-12-10',
      today: '2026-12-04',
    });
    // Rolls have the most batches to go (10), but the boxes wait on the brownies (1 to go).
    expect(d.bakeNext.map((b) => [b.recipe, b.remaining, b.waitingGoods])).toEqual([
      ['brownies', 1, ['Sweet box']],
      ['rolls', 10, []],
    ]);
    // 25 cookies and 15 brownies left after one box: 3 more boxes now.
    expect(d.assembleNow).toEqual([{ goodId: box.id, good: 'sweet-box', name: 'Sweet box', now: 3, target: 6, assembled: 1 }]);
    expect(d.progress?.goods.map((g) => [g.assembled, g.availableToAssemble])).toEqual([[1, 3]]);
  });
});
