/**
 * The event a bake or an assembly is most likely for, so the Make forms can
 * choose it for the baker: an event's progress counts only the runs recorded
 * for it, and a bake recorded as "No event" by default never moves it. The
 * soonest open event (by date, as the forms list them) whose plan bakes the
 * recipe, for a bake, or that has the good as a target or inside one (a tin
 * that goes into a targeted gift box), for an assembly; null when none does. The baker can still pick another event, or none.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { positiveId } from '../../domain/validate';
import { goodDefinitions } from '../goods/good-rows';
import { goodTargetsOf, readPlanInputs } from './plan-inputs';

export type LikelyEventRequest = { recipeId: number } | { goodId: number };

export function likelyEvent(db: Database, request: LikelyEventRequest, tx?: Tx): { eventId: number | null } {
  return withTransaction(db, tx, (t) => {
    let isFor: (eventId: number) => boolean;
    if ('recipeId' in request) {
      const recipeId = positiveId(request.recipeId, 'recipeId', 'recipe');
      isFor = (eventId) => readPlanInputs(db, eventId, t).rows.some((r) => r.recipeId === recipeId && r.batches > 0);
    } else {
      const goodId = positiveId(request.goodId, 'goodId', 'good');
      // goodDefinitions reads the targets and every good nested in them, all the way down.
      isFor = (eventId) => goodDefinitions(db, goodTargetsOf(db, eventId, t).map((g) => g.goodId), t).has(goodId);
    }
    const open = t.all<{ id: number }>("SELECT id FROM events WHERE plan_state <> 'completed' ORDER BY event_date IS NULL, event_date, name COLLATE NOCASE");
    return { eventId: open.find((e) => isFor(e.id))?.id ?? null };
  });
}
