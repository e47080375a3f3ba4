/**
 * Which recipe bakes a finished unit for an event. A unit belongs to one
 * recipe; that recipe's family (the base recipe and every variant of it)
 * yields it with the same yield, so the event may choose any active member
 * (domain-rules.md, "Variants"). The default is the unit's own recipe; the
 * choice is made only while the plan is a draft.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { assertPlanChange } from '../../domain/plan-states';
import { checkFields, positiveId } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { loadRecipe } from '../recipes/recipe-rows';
import { insertRecipeChoiceRow, loadEvent } from './event-rows';
import { planRowOf } from './batch-decisions';

export interface FamilyRecipe {
  id: number;
  slug: string;
  name: string;
  variantName: string | null;
  archived: boolean;
  /** The finished unit's own recipe: the default choice. */
  own: boolean;
  /** May be chosen for an event: an active recipe, or the unit's own even when archived (it stays the default). */
  choosable: boolean;
}

/** The recipes that may bake a finished unit: its recipe's base and every variant of that base, base first. */
export function recipeFamily(db: Database, finishedUnitId: number, tx?: Tx): FamilyRecipe[] {
  return withTransaction(db, tx, (t) => {
    const unit = t.get<{ recipe_id: number }>('SELECT recipe_id FROM finished_units WHERE id = ?', [positiveId(finishedUnitId, 'finishedUnitId', 'finished unit')]);
    if (!unit) throw new AppError('NOT_FOUND', 'That finished unit no longer exists.', { finishedUnitId });
    const own = loadRecipe(db, unit.recipe_id, t);
    const base = own.base_recipe_id ?? own.id;
    return t
      .all<{ id: number; slug: string; name: string; variant_name: string | null; archived: number }>(
        'SELECT id, slug, name, variant_name, archived FROM recipes WHERE id = ? OR base_recipe_id = ? ORDER BY base_recipe_id IS NOT NULL, name COLLATE NOCASE, id',
        [base, base],
      )
      .map((r) => {
        const isOwn = r.id === own.id;
        return { id: r.id, slug: r.slug, name: r.name, variantName: r.variant_name, archived: r.archived === 1, own: isOwn, choosable: r.archived === 0 || isOwn };
      });
  });
}

/** Chooses the recipe of the unit's family that bakes it for this event. Draft only; the unit's own recipe clears the choice. */
export function chooseRecipe(db: Database, input: { eventId: number; finishedUnitId: number; recipeId: number }, tx?: Tx): { recipeId: number } {
  return withTransaction(db, tx, (t) => {
    const event = loadEvent(db, positiveId(input.eventId, 'eventId', 'event'), t);
    const c = checkFields({
      finishedUnitId: () => positiveId(input.finishedUnitId, 'finishedUnitId', 'finished unit'),
      recipeId: () => positiveId(input.recipeId, 'recipeId', 'recipe'),
    });
    assertPlanChange(event.plan_state, 'recipeChoice');
    const row = planRowOf(db, event.id, c.finishedUnitId, t);
    const recipe = recipeFamily(db, row.finishedUnitId, t).find((r) => r.id === c.recipeId);
    if (!recipe) {
      throw validationError('recipeId', `Only ${row.recipeName}'s family (its base recipe and its variants) can bake ${row.finishedUnitName}.`, { recipeId: c.recipeId });
    }
    if (!recipe.choosable) throw validationError('recipeId', `${recipe.name} is archived: restore it before baking with it.`, { recipeId: recipe.id });
    t.run('DELETE FROM event_recipe_choices WHERE event_id = ? AND finished_unit_id = ?', [event.id, row.finishedUnitId]);
    if (!recipe.own) insertRecipeChoiceRow(db, { eventId: event.id, finishedUnitId: row.finishedUnitId, recipeId: recipe.id }, t);
    return { recipeId: recipe.id };
  });
}
