/**
 * Which definition a run makes (docs/design/domain-rules.md, "Production and
 * assembly"): a run for an event whose latest plan snapshot holds the recipe
 * (or the good) uses that snapshot's definition and points at the snapshot;
 * otherwise it uses the definition as it is now. Either way the definition
 * comes in the captured form of src/domain/definitions.ts (slugs, as the
 * planner stores it in `plan_snapshots.payload.definitions`), the run stores
 * what it used, and the recording code reads only that: the plan path and
 * the "now" path draw through the same code.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { capturedRecipeTree } from '../../domain/captured-recipe';
import type { Definitions, FinishedUnitRecord, GoodRecord } from '../../domain/definitions';
import { positiveId } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { captureDefinitions } from '../definitions/capture';

export interface EventRef {
  id: number;
  slug: string;
  name: string;
}

export interface RunDefinition {
  /** What the run stores as its snapshot: only what it makes, and what that is made from one level down. */
  definitions: Definitions;
  /** The plan snapshot the definition came from; null when it is the definition as it is now. */
  planSnapshotId: number | null;
}

/** The event a run is for, when it names one. */
export function loadEventRef(db: Database, eventId: number | null | undefined, tx?: Tx): EventRef | null {
  return withTransaction(db, tx, (t) => {
    if (eventId == null) return null;
    const id = positiveId(eventId, 'eventId', 'event');
    const row = t.get<EventRef>('SELECT id, slug, name FROM events WHERE id = ?', [id]);
    if (!row) throw validationError('eventId', 'That event no longer exists.', { eventId: id });
    return row;
  });
}

const isDefinitions = (value: unknown): value is Definitions =>
  typeof value === 'object' && value !== null && ['recipes', 'finishedUnits', 'goods', 'materialUnits'].every((k) => typeof (value as Record<string, unknown>)[k] === 'object');

/**
 * The definitions an event's latest plan snapshot was calculated from, or
 * null when it has no snapshot. `payload.definitions` holds what
 * `captureDefinitions` returned: its `definitions` (with the fingerprint
 * beside them), or the definitions themselves.
 */
function latestPlanDefinitions(tx: Tx, eventId: number): { id: number; definitions: Definitions } | null {
  const row = tx.get<{ id: number; payload: string }>('SELECT id, payload FROM plan_snapshots WHERE event_id = ? ORDER BY taken_at DESC, id DESC LIMIT 1', [eventId]);
  if (!row) return null;
  const held = (JSON.parse(row.payload) as { definitions?: unknown }).definitions;
  const definitions = isDefinitions(held) ? held : isDefinitions((held as { definitions?: unknown } | undefined)?.definitions) ? (held as { definitions: Definitions }).definitions : null;
  if (!definitions) {
    throw new AppError('CORRUPT_RECORD', 'The plan of this event has no recipe definitions to bake from; recalculate the plan.', { planSnapshotId: row.id });
  }
  return { id: row.id, definitions };
}

const pick = <T>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

/** The recipe (with its sub-recipes) and the finished unit a production run bakes. */
export function productionDefinition(db: Database, request: { eventId: number | null; recipeId: number; finishedUnitId: number }, tx?: Tx): RunDefinition {
  return withTransaction(db, tx, (t) => {
    const now = captureDefinitions(db, { recipeIds: [request.recipeId], finishedUnitIds: [request.finishedUnitId] }, t).definitions;
    const recipeSlug = t.get<{ slug: string }>('SELECT slug FROM recipes WHERE id = ?', [request.recipeId])!.slug;
    const unitSlug = t.get<{ slug: string }>('SELECT slug FROM finished_units WHERE id = ?', [request.finishedUnitId])!.slug;
    const plan = request.eventId === null ? null : latestPlanDefinitions(t, request.eventId);
    const fromPlan = plan !== null && pick(plan.definitions.recipes, recipeSlug) !== undefined;
    const source = fromPlan ? plan.definitions : now;
    const unit: FinishedUnitRecord = (fromPlan ? pick(plan.definitions.finishedUnits, unitSlug) : undefined) ?? now.finishedUnits[unitSlug]!;
    return {
      definitions: { recipes: capturedRecipeTree(source, recipeSlug), finishedUnits: { [unitSlug]: unit }, goods: {}, materialUnits: {} },
      planSnapshotId: fromPlan ? plan.id : null,
    };
  });
}

/** The good an assembly run assembles: its lines, and the sizes of the material units on them. */
export function assemblyDefinition(db: Database, request: { eventId: number | null; goodId: number }, tx?: Tx): RunDefinition {
  return withTransaction(db, tx, (t) => {
    const now = captureDefinitions(db, { goodIds: [request.goodId] }, t).definitions;
    const goodSlug = t.get<{ slug: string }>('SELECT slug FROM finished_goods WHERE id = ?', [request.goodId])!.slug;
    const plan = request.eventId === null ? null : latestPlanDefinitions(t, request.eventId);
    const planned = plan === null ? undefined : pick(plan.definitions.goods, goodSlug);
    const source = planned ? plan!.definitions : now;
    const good: GoodRecord = planned ?? now.goods[goodSlug]!;
    const materialUnits: Definitions['materialUnits'] = {};
    for (const line of good.lines) {
      if (line.kind !== 'material') continue;
      const size = pick(source.materialUnits, line.item) ?? pick(now.materialUnits, line.item);
      if (!size) throw new AppError('NOT_FOUND', `The packaging ${line.item} is missing from the definition being assembled.`, { materialUnit: line.item });
      materialUnits[line.item] = size;
    }
    return {
      definitions: { recipes: {}, finishedUnits: {}, goods: { [goodSlug]: good }, materialUnits },
      planSnapshotId: planned ? plan!.id : null,
    };
  });
}
