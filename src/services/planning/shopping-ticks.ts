/**
 * Ticking the shopping list off in the store, saved as the baker goes (one
 * write per tap, so a phone that dies in the aisle keeps what was ticked),
 * and marking the whole list done. Marking it done is a change of the plan's
 * state (events.shopping_done_at), made in the caller's transaction like
 * every other: a rolled-back transaction leaves the list not done. Both are
 * allowed until the plan is completed.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { assertPlanChange } from '../../domain/plan-states';
import { positiveId } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { loadEvent } from './event-rows';
import { insertShoppingTickRow } from './shopping-tick-rows';

export interface TickInput {
  eventId: number;
  /** One of the two: the item's ingredient or material. */
  ingredientId?: number | null;
  materialId?: number | null;
  ticked: boolean;
}

export interface TickResult {
  eventId: number;
  ingredientId: number | null;
  materialId: number | null;
  ticked: boolean;
  /** When it was ticked; null when it is not. */
  tickedAt: string | null;
}

function itemOf(t: Tx, input: TickInput): { column: 'ingredient_id' | 'material_id'; id: number } {
  const hasIngredient = input.ingredientId != null;
  if (hasIngredient === (input.materialId != null)) {
    throw validationError('ingredientId', 'Say which item to tick: an ingredient or a packaging material, not both.');
  }
  if (hasIngredient) {
    const id = positiveId(input.ingredientId, 'ingredientId', 'ingredient');
    if (!t.get('SELECT 1 FROM ingredients WHERE id = ?', [id])) throw new AppError('NOT_FOUND', 'That ingredient no longer exists.', { field: 'ingredientId' });
    return { column: 'ingredient_id', id };
  }
  const id = positiveId(input.materialId, 'materialId', 'material');
  if (!t.get('SELECT 1 FROM materials WHERE id = ?', [id])) throw new AppError('NOT_FOUND', 'That material no longer exists.', { field: 'materialId' });
  return { column: 'material_id', id };
}

/** Ticks an item of the event's shopping list off, or back on. Ticking twice keeps the first time. */
export function tickShoppingItem(db: Database, input: TickInput, tx?: Tx): TickResult {
  return withTransaction(db, tx, (t) => {
    const event = loadEvent(db, positiveId(input.eventId, 'eventId', 'event'), t);
    assertPlanChange(event.plan_state, 'shopping');
    if (typeof input.ticked !== 'boolean') throw validationError('ticked', 'Say whether the item is ticked (true) or not (false).');
    const item = itemOf(t, input);
    const ids = { ingredientId: item.column === 'ingredient_id' ? item.id : null, materialId: item.column === 'material_id' ? item.id : null };
    const existing = t.get<{ id: number; ticked_at: string }>(`SELECT id, ticked_at FROM shopping_ticks WHERE event_id = ? AND ${item.column} = ?`, [event.id, item.id]);
    if (!input.ticked) {
      if (existing) t.run('DELETE FROM shopping_ticks WHERE id = ?', [existing.id]);
      return { eventId: event.id, ...ids, ticked: false, tickedAt: null };
    }
    if (existing) return { eventId: event.id, ...ids, ticked: true, tickedAt: existing.ticked_at };
    insertShoppingTickRow(db, { eventId: event.id, ...ids }, t);
    return { eventId: event.id, ...ids, ticked: true, tickedAt: t.now() };
  });
}

/** Marks the event's shopping list done (or not done again): sets shopping_done_at in the caller's transaction. */
export function markShoppingDone(db: Database, input: { eventId: number; done: boolean }, tx?: Tx): { eventId: number; shoppingDoneAt: string | null } {
  return withTransaction(db, tx, (t) => {
    const event = loadEvent(db, positiveId(input.eventId, 'eventId', 'event'), t);
    assertPlanChange(event.plan_state, 'shopping');
    if (typeof input.done !== 'boolean') throw validationError('done', 'Say whether the shopping is done (true) or not (false).');
    const at = input.done ? (event.shopping_done_at ?? t.now()) : null;
    if (at !== event.shopping_done_at) t.run('UPDATE events SET shopping_done_at = ?, updated_at = ? WHERE id = ?', [at, t.now(), event.id]);
    return { eventId: event.id, shoppingDoneAt: at };
  });
}
