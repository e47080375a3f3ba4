/**
 * Which event the Make forms choose for a bake or an assembly: the soonest
 * open one whose plan bakes the recipe or targets the good; none when no plan
 * does, when the only one is completed, or when its batches are set to 0.
 */
import { describe, expect, it } from 'vitest';
import { decideBatches } from '../../../../src/services/planning/batch-decisions';
import { createEvent } from '../../../../src/services/planning/events';
import { likelyEvent } from '../../../../src/services/planning/likely-event';
import { setGoodTarget } from '../../../../src/services/planning/targets';
import { createGood } from '../../../../src/services/goods/goods';
import { createRecipe } from '../../../../src/services/recipes/recipes';
import { refused } from '../kitchen';
import { planBakery } from './plan-bakery';

describe('the event a run is most likely for', () => {
  it('a recipe the plan bakes, a good it targets: the soonest open event; anything else: none', async () => {
    const b = await planBakery();
    expect(likelyEvent(b.db, { recipeId: b.cookies.id })).toEqual({ eventId: b.event.id });
    expect(likelyEvent(b.db, { recipeId: b.brownies.id })).toEqual({ eventId: b.event.id });
    expect(likelyEvent(b.db, { goodId: b.bag.id })).toEqual({ eventId: b.event.id });
    // Frosting is a sub-recipe inside the brownies, not a batch the plan bakes on its own.
    expect(likelyEvent(b.db, { recipeId: b.frosting.id })).toEqual({ eventId: null });
    const loose = createGood(b.db, { name: 'Loose cookies', lines: [{ kind: 'unit', finishedUnitId: b.cookie.id, quantity: 6 }] });
    expect(likelyEvent(b.db, { goodId: loose.id })).toEqual({ eventId: null });

    const sooner = createEvent(b.db, { name: 'Bake sale', date: '2026-12-01' });
    setGoodTarget(b.db, { eventId: sooner.id, goodId: loose.id, quantity: 4 });
    expect(likelyEvent(b.db, { recipeId: b.cookies.id })).toEqual({ eventId: sooner.id });
    expect(likelyEvent(b.db, { recipeId: b.brownies.id })).toEqual({ eventId: b.event.id });
    expect(likelyEvent(b.db, { goodId: loose.id })).toEqual({ eventId: sooner.id });

    // A good nested in a target (loose cookies packed two to a gift box) is assembled for that event too.
    const box = createGood(b.db, { name: 'Gift box', lines: [{ kind: 'good', goodId: loose.id, quantity: 2 }] });
    const later = createEvent(b.db, { name: 'Open house', date: '2027-02-01' });
    setGoodTarget(b.db, { eventId: later.id, goodId: box.id, quantity: 3 });
    const spare = createGood(b.db, { name: 'Spare bag', lines: [{ kind: 'unit', finishedUnitId: b.cookie.id, quantity: 12 }] });
    const onlyBoxed = createGood(b.db, { name: 'Tin of cookies', lines: [{ kind: 'unit', finishedUnitId: b.cookie.id, quantity: 20 }] });
    const withTin = createGood(b.db, { name: 'Tin box', lines: [{ kind: 'good', goodId: onlyBoxed.id, quantity: 1 }] });
    const boxOfBoxes = createGood(b.db, { name: 'Crate', lines: [{ kind: 'good', goodId: withTin.id, quantity: 4 }] });
    setGoodTarget(b.db, { eventId: later.id, goodId: boxOfBoxes.id, quantity: 1 });
    expect(likelyEvent(b.db, { goodId: box.id })).toEqual({ eventId: later.id });
    expect(likelyEvent(b.db, { goodId: withTin.id })).toEqual({ eventId: later.id });
    // Two levels down, under the crate and the tin box.
    expect(likelyEvent(b.db, { goodId: onlyBoxed.id })).toEqual({ eventId: later.id });
    // The sooner event targets the loose cookies themselves; a good no target holds is for no event.
    expect(likelyEvent(b.db, { goodId: loose.id })).toEqual({ eventId: sooner.id });
    expect(likelyEvent(b.db, { goodId: spare.id })).toEqual({ eventId: null });
  });

  it('batches set to 0, or a completed event, leave the recipe to the next event or none', async () => {
    const b = await planBakery();
    const later = createEvent(b.db, { name: 'New year', date: '2027-01-02' });
    setGoodTarget(b.db, { eventId: later.id, goodId: b.bag.id, quantity: 2 });
    decideBatches(b.db, { eventId: b.event.id, finishedUnitId: b.brownie.id, batches: 0, confirmShortfall: true });
    expect(likelyEvent(b.db, { recipeId: b.brownies.id })).toEqual({ eventId: later.id });
    b.db.engine.run("UPDATE events SET plan_state = 'completed' WHERE id = ?", [later.id]);
    expect(likelyEvent(b.db, { recipeId: b.brownies.id })).toEqual({ eventId: null });
  });

  it('no recipe or good to ask about is refused', async () => {
    const b = await planBakery();
    const unused = createRecipe(b.db, { name: 'Plain', ingredientLines: [] });
    expect(likelyEvent(b.db, { recipeId: unused.id })).toEqual({ eventId: null });
    expect(refused(b.db, () => likelyEvent(b.db, { recipeId: 0 })).message).toBe('Choose a recipe.');
  });
});
