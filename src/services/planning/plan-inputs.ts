/**
 * What a plan is computed from, read inside the caller's transaction: the
 * event, its targets, the explosion of the good targets into finished units
 * and packaging, and one batch row per finished unit (the recipe chosen for
 * it, its need, the floor/ceil options and the batches decided, or the
 * default ceil). Unpriced: the plan (plan.ts) prices it, staleness compares
 * it, locking and amendments check it.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { batchOptions, batchOutcome, type BatchOptions, type BatchOutcome } from '../../domain/batches';
import { explode, type MaterialNeed } from '../../domain/explosion';
import { positiveId } from '../../domain/validate';
import { yieldPerBatch, type YieldMode } from '../../domain/yields';
import { goodDefinitions } from '../goods/good-rows';
import { loadEvent, type EventRow } from './event-rows';

export interface GoodTarget {
  goodId: number;
  good: string;
  displayName: string;
  archived: boolean;
  quantity: number;
}

export interface UnitTarget {
  finishedUnitId: number;
  finishedUnit: string;
  displayName: string;
  archived: boolean;
  quantity: number;
}

export interface BatchDecision {
  batches: number;
  shortfallConfirmed: boolean;
}

export interface BatchRow extends BatchOutcome {
  finishedUnitId: number;
  finishedUnit: string;
  finishedUnitName: string;
  /** The recipe that bakes it for this event: the chosen one of its family, else its own. */
  recipeId: number;
  recipe: string;
  recipeName: string;
  /** The finished unit's own recipe (the default choice). */
  ownRecipeId: number;
  chosen: boolean;
  unitsNeeded: number;
  yieldPerBatch: number;
  options: BatchOptions;
  /** The baker's decision; null while the default (ceil) stands. */
  decision: BatchDecision | null;
}

export interface PlanInputs {
  event: EventRow;
  goodTargets: GoodTarget[];
  unitTargets: UnitTarget[];
  /** Sorted by recipe slug, then finished unit slug. */
  rows: BatchRow[];
  /** Packaging the good targets use, one entry per material unit and product. */
  materials: MaterialNeed[];
}

interface UnitFacts {
  id: number;
  slug: string;
  name: string;
  recipe_id: number;
  yield_mode: YieldMode;
  items_per_batch: number | null;
  portion_percent: number | null;
}

export function goodTargetsOf(db: Database, eventId: number, tx?: Tx): GoodTarget[] {
  return withTransaction(db, tx, (t) =>
    t
      .all<{ id: number; slug: string; name: string; archived: number; quantity: number }>(
        `SELECT g.id, g.slug, g.name, g.archived, t.quantity FROM event_good_targets t JOIN finished_goods g ON g.id = t.finished_good_id
         WHERE t.event_id = ? ORDER BY g.slug`,
        [eventId],
      )
      .map((r) => ({ goodId: r.id, good: r.slug, displayName: r.name, archived: r.archived === 1, quantity: r.quantity })),
  );
}

export function unitTargetsOf(db: Database, eventId: number, tx?: Tx): UnitTarget[] {
  return withTransaction(db, tx, (t) =>
    t
      .all<{ id: number; slug: string; name: string; archived: number; quantity: number }>(
        `SELECT u.id, u.slug, u.name, u.archived, t.quantity FROM event_unit_targets t JOIN finished_units u ON u.id = t.finished_unit_id
         WHERE t.event_id = ? ORDER BY u.slug`,
        [eventId],
      )
      .map((r) => ({ finishedUnitId: r.id, finishedUnit: r.slug, displayName: r.name, archived: r.archived === 1, quantity: r.quantity })),
  );
}

/** Everything a plan of the event is computed from, as it is now (inside the caller's transaction). */
export function readPlanInputs(db: Database, eventId: number, tx?: Tx): PlanInputs {
  return withTransaction(db, tx, (t) => {
    const event = loadEvent(db, positiveId(eventId, 'eventId', 'event'), t);
    const goodTargets = goodTargetsOf(db, event.id, t);
    const unitTargets = unitTargetsOf(db, event.id, t);
    const exploded = explode(
      goodDefinitions(db, goodTargets.map((g) => g.goodId), t),
      goodTargets.map((g) => ({ goodId: g.goodId, quantity: g.quantity })),
      unitTargets.map((u) => ({ finishedUnitId: u.finishedUnitId, quantity: u.quantity })),
    );
    const decisions = new Map(
      t
        .all<{ finished_unit_id: number; batches: number; shortfall_confirmed: number }>('SELECT finished_unit_id, batches, shortfall_confirmed FROM batch_decisions WHERE event_id = ?', [event.id])
        .map((d) => [d.finished_unit_id, { batches: d.batches, shortfallConfirmed: d.shortfall_confirmed === 1 }]),
    );
    const choices = new Map(
      t.all<{ finished_unit_id: number; recipe_id: number }>('SELECT finished_unit_id, recipe_id FROM event_recipe_choices WHERE event_id = ?', [event.id]).map((c) => [c.finished_unit_id, c.recipe_id]),
    );
    // A unit is in the plan when the targets need it, or when batches were decided for it (an amendment
    // may drop the good that needed it after some were baked).
    const unitIds = new Set([...exploded.units].filter(([, n]) => n > 0).map(([id]) => id));
    for (const [id, d] of decisions) if (d.batches > 0) unitIds.add(id);

    const recipeOf = (id: number) => t.get<{ slug: string; name: string }>('SELECT slug, name FROM recipes WHERE id = ?', [id])!;
    const rows = [...unitIds].map((id): BatchRow => {
      const u = t.get<UnitFacts>('SELECT id, slug, name, recipe_id, yield_mode, items_per_batch, portion_percent FROM finished_units WHERE id = ?', [id])!;
      const perBatch = yieldPerBatch({ mode: u.yield_mode, itemsPerBatch: u.items_per_batch, portionPercent: u.portion_percent });
      const unitsNeeded = exploded.units.get(id) ?? 0;
      const options = batchOptions(unitsNeeded, perBatch);
      const decision = decisions.get(id) ?? null;
      const recipeId = choices.get(id) ?? u.recipe_id;
      const recipe = recipeOf(recipeId);
      return {
        finishedUnitId: id,
        finishedUnit: u.slug,
        finishedUnitName: u.name,
        recipeId,
        recipe: recipe.slug,
        recipeName: recipe.name,
        ownRecipeId: u.recipe_id,
        chosen: choices.has(id),
        unitsNeeded,
        yieldPerBatch: perBatch,
        options,
        decision,
        ...batchOutcome(unitsNeeded, perBatch, decision?.batches ?? options.ceil.batches),
      };
    });
    rows.sort((a, b) => (a.recipe < b.recipe ? -1 : a.recipe > b.recipe ? 1 : a.finishedUnit < b.finishedUnit ? -1 : a.finishedUnit > b.finishedUnit ? 1 : 0));
    return { event, goodTargets, unitTargets, rows, materials: exploded.materials.filter((m) => m.quantity > 0) };
  });
}
