/**
 * The events of a snapshot, each with what was planned for it: targets,
 * batch decisions, recipe choices, saved plans (their payloads as the
 * planner wrote them, keyed by slug), amendments and shopping ticks, and
 * the times its plan moved along. An event is known by its slug; in a merge
 * an event already in the database is skipped with all of its parts.
 *
 * Checked before anything is written: every reference (to the file or the
 * database), each item once per event, the plan state's times (one for
 * every step the state has reached, none for a step it has not), a
 * recipe choice within the unit's recipe family, and each saved plan's
 * fingerprint recomputed from its definitions. Written through the
 * planning area's row functions.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { RecordProblem } from '../../domain/bake-tracker-records';
import { fingerprintDefinitions, type Definitions } from '../../domain/definitions';
import { parsePlanPayload, type PlanPayload } from '../../domain/plan-snapshot';
import { PLAN_STATES, type PlanState } from '../../domain/plan-states';
import { Fields, shown } from '../../domain/snapshot-fields';
import { check, created, labelOf, readItems, refId, type Item, type Ref, type RecordList } from '../../domain/snapshot-plan';
import { insertBatchDecisionRow, insertEventRow, insertGoodTargetRow, insertRecipeChoiceRow, insertUnitTargetRow } from '../planning/event-rows';
import { insertPlanAmendmentRow, insertPlanSnapshotRow, type AmendmentKind } from '../planning/plan-rows';
import { insertShoppingTickRow } from '../planning/shopping-tick-rows';
import type { CatalogPlan } from './catalog-section';
import type { GoodsPlan } from './goods-section';
import type { MaterialsPlan } from './materials-section';
import { Keys, type PlanContext } from './plan';
import type { RecipesPlan } from './recipes-section';

interface Stamped {
  createdAt: string;
  updatedAt: string;
}

export interface TargetDraft extends Stamped {
  kind: 'good' | 'unit';
  item: string;
  quantity: number;
}

export interface DecisionDraft extends Stamped {
  finishedUnit: string;
  batches: number;
  shortfallConfirmed: boolean;
}

export interface ChoiceDraft extends Stamped {
  finishedUnit: string;
  recipe: string;
}

export interface SnapshotDraft {
  takenAt: string;
  fingerprint: string;
  costBaseline: number | null;
  payload: PlanPayload;
  createdAt: string;
}

export interface AmendmentDraft {
  kind: AmendmentKind;
  good: string | null;
  finishedUnit: string | null;
  quantity: number | null;
  previousQuantity: number | null;
  batches: number | null;
  previousBatches: number | null;
  reason: string;
  createdAt: string;
}

export interface TickDraft {
  kind: 'ingredient' | 'material';
  item: string;
  tickedAt: string;
  createdAt: string;
}

export interface EventDraft extends Stamped {
  slug: string;
  name: string;
  date: string | null;
  planState: PlanState;
  lockedAt: string | null;
  productionStartedAt: string | null;
  completedAt: string | null;
  shoppingDoneAt: string | null;
  notes: string;
  targets: TargetDraft[];
  decisions: DecisionDraft[];
  choices: ChoiceDraft[];
  snapshots: SnapshotDraft[];
  amendments: AmendmentDraft[];
  ticks: TickDraft[];
}

/** Reads each entry of a nested list with `reader`, refusing unknown fields. */
function entries<T>(f: Fields, key: string, reader: (x: Fields) => T): T[] {
  return f.list(key).map((raw, i) => {
    const x = new Fields(raw, `${f.at(key)}[${i}]`);
    const out = reader(x);
    x.done();
    return out;
  });
}

/** Which one of `keys` an entry gives (exactly one), and its slug. */
function oneOf<K extends string>(x: Fields, keys: readonly K[]): { key: K; slug: string } {
  const given = keys.filter((k) => x.has(k));
  if (given.length !== 1) throw new RecordProblem(x.path, `Give exactly one of ${keys.map((k) => `"${k}"`).join(' or ')}.`);
  return { key: given[0]!, slug: x.ref(given[0]!, true) };
}

const STAMP_OF: readonly [state: PlanState, field: 'locked_at' | 'production_started_at' | 'completed_at'][] = [
  ['locked', 'locked_at'],
  ['in_production', 'production_started_at'],
  ['completed', 'completed_at'],
];

function readPayload(x: Fields): PlanPayload {
  const raw = x.value('payload');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw x.problem('payload', 'payload is required: the saved plan, an object ({ … }).');
  try {
    return parsePlanPayload(JSON.stringify(raw));
  } catch {
    throw x.problem('payload', 'This is not a saved plan: it needs "format": 1, "batches" and "definitions".');
  }
}

function readSnapshot(x: Fields, now: string): SnapshotDraft {
  const takenAt = x.timestamp('taken_at', null);
  if (takenAt === null) throw x.problem('taken_at', 'taken_at is required: when the plan was saved.');
  const payload = readPayload(x);
  const fingerprint = x.text('fingerprint', { required: true, max: 200 });
  const costBaseline = x.number('cost_baseline', { min: 'non-negative' });
  return { takenAt, fingerprint, costBaseline, payload, createdAt: x.timestamp('created_at', now) };
}

function readEvent(f: Fields, now: string): EventDraft {
  const name = f.name();
  const stamps = f.stamps(now);
  const planState = f.choice('plan_state', PLAN_STATES, 'draft');
  const reached = PLAN_STATES.indexOf(planState);
  const stepTimes = STAMP_OF.map(([state, field]) => {
    const at = f.timestamp(field, null);
    if (PLAN_STATES.indexOf(state) > reached) {
      if (at !== null) throw f.problem(field, `This plan is ${planState.replace('_', ' ')}, so it has no ${field.replace(/_/g, ' ')} time.`);
      return null;
    }
    return at ?? now;
  });
  const sub = (x: Fields): Stamped => x.stamps(stamps.createdAt);
  return {
    slug: f.slug('slug', name),
    name,
    date: f.date('date', false),
    planState,
    lockedAt: stepTimes[0]!,
    productionStartedAt: stepTimes[1]!,
    completedAt: stepTimes[2]!,
    shoppingDoneAt: f.timestamp('shopping_done_at', null),
    notes: f.text('notes'),
    ...stamps,
    targets: entries(f, 'targets', (x) => {
      const { key, slug } = oneOf(x, ['finished_good', 'finished_unit'] as const);
      return { kind: key === 'finished_good' ? 'good' : 'unit', item: slug, quantity: x.requiredNumber('quantity', { min: 'positive', whole: true, max: 1_000_000 }), ...sub(x) };
    }),
    decisions: entries(f, 'batch_decisions', (x) => ({
      finishedUnit: x.ref('finished_unit', true),
      batches: x.requiredNumber('batches', { min: 'non-negative', whole: true, max: 100_000 }),
      shortfallConfirmed: x.bool('shortfall_confirmed', false),
      ...sub(x),
    })),
    choices: entries(f, 'recipe_choices', (x) => ({ finishedUnit: x.ref('finished_unit', true), recipe: x.ref('recipe', true), ...sub(x) })),
    snapshots: entries(f, 'plan_snapshots', (x) => readSnapshot(x, stamps.createdAt)),
    amendments: entries(f, 'amendments', (x) => {
      const kind = x.choice('kind', ['drop_good', 'add_good', 'change_batches'] as const);
      const draft: AmendmentDraft = {
        kind,
        good: x.ref('finished_good', false),
        finishedUnit: x.ref('finished_unit', false),
        quantity: x.number('quantity', { min: 'non-negative', whole: true }),
        previousQuantity: x.number('previous_quantity', { min: 'non-negative', whole: true }),
        batches: x.number('batches', { min: 'non-negative', whole: true }),
        previousBatches: x.number('previous_batches', { min: 'non-negative', whole: true }),
        reason: x.text('reason', { required: true }),
        createdAt: x.timestamp('created_at', stamps.createdAt),
      };
      if (kind === 'change_batches' && (draft.finishedUnit === null || draft.batches === null)) {
        throw new RecordProblem(x.path, 'A change of batches names its finished_unit and the new batches.');
      }
      if (kind !== 'change_batches' && draft.good === null) throw x.problem('finished_good', `A ${kind.replace('_', ' ')} amendment names its finished_good.`);
      return draft;
    }),
    ticks: entries(f, 'shopping_ticks', (x) => {
      const { key, slug } = oneOf(x, ['ingredient', 'material'] as const);
      const tickedAt = x.timestamp('ticked_at', stamps.createdAt);
      return { kind: key, item: slug, tickedAt, createdAt: x.timestamp('created_at', tickedAt) };
    }),
  };
}

export interface EventsPlan {
  events: Item<EventDraft>[];
  keys: Keys<EventDraft>;
}

export function readEvents(db: Database, ctx: PlanContext, file: Record<string, RecordList>, tx?: Tx): EventsPlan {
  return withTransaction(db, tx, () => {
    const keys = Keys.fromTable<EventDraft>('event', ctx.t, 'events');
    const events = readItems(ctx.tick, file.events!, 'events', 'event', (f) => readEvent(f, ctx.now), labelOf('name', 'slug'));
    keys.claimSlugs(events, (r) => r.slug);
    return { events, keys };
  });
}

/** Throws at `path` when `seen` already holds `key`: an item listed twice in one event. */
function once(seen: Set<string>, key: string, path: string, what: string): void {
  if (seen.has(key)) throw new RecordProblem(path, `${what} is listed twice for this event.`);
  seen.add(key);
}

export interface EventRefs {
  catalog: CatalogPlan;
  materials: MaterialsPlan;
  recipes: RecipesPlan;
  goods: GoodsPlan;
}

export function checkEvents(db: Database, ctx: PlanContext, plan: EventsPlan, refs: EventRefs, tx?: Tx): void {
  return withTransaction(db, tx, (t) => {
    const { recipes, goods } = refs;
    /** The recipe a finished unit is made by, and that recipe's family (itself, its base, their variants), by slug. */
    const recipeOfUnit = (unit: Ref, path: string): Ref => {
      if (unit.kind === 'file') return recipes.keys.recipes.resolve((unit.item.record as { recipe: string }).recipe, path);
      return { kind: 'db', id: t.get<{ recipe_id: number }>('SELECT recipe_id FROM finished_units WHERE id = ?', [unit.id])!.recipe_id };
    };
    /** The slug of the family a recipe belongs to: its base recipe's, or its own. */
    const familyOf = (recipe: Ref): string => {
      if (recipe.kind === 'file') {
        const r = recipe.item.record as { slug: string; baseRecipe: string | null };
        return r.baseRecipe ?? r.slug;
      }
      const row = t.get<{ slug: string; base: string | null }>('SELECT r.slug, b.slug AS base FROM recipes r LEFT JOIN recipes b ON b.id = r.base_recipe_id WHERE r.id = ?', [recipe.id])!;
      return row.base ?? row.slug;
    };
    for (const item of created(plan.events)) {
      check(item, (r) => {
        const at = (list: string, i: number, field?: string) => `${item.path}.${list}[${i}]${field ? `.${field}` : ''}`;
        const targets = new Set<string>();
        r.targets.forEach((x, i) => {
          const field = x.kind === 'good' ? 'finished_good' : 'finished_unit';
          if (x.kind === 'good') goods.keys.resolve(x.item, at('targets', i, field));
          else recipes.keys.finishedUnits.resolve(x.item, at('targets', i, field));
          once(targets, `${x.kind}:${x.item}`, at('targets', i, field), `"${x.item}"`);
        });
        const decided = new Set<string>();
        r.decisions.forEach((x, i) => {
          recipes.keys.finishedUnits.resolve(x.finishedUnit, at('batch_decisions', i, 'finished_unit'));
          once(decided, x.finishedUnit, at('batch_decisions', i, 'finished_unit'), `"${x.finishedUnit}"`);
        });
        const chosen = new Set<string>();
        r.choices.forEach((x, i) => {
          const unit = recipes.keys.finishedUnits.resolve(x.finishedUnit, at('recipe_choices', i, 'finished_unit'));
          once(chosen, x.finishedUnit, at('recipe_choices', i, 'finished_unit'), `"${x.finishedUnit}"`);
          const recipe = recipes.keys.recipes.resolve(x.recipe, at('recipe_choices', i, 'recipe'));
          const family = familyOf(recipeOfUnit(unit, at('recipe_choices', i, 'finished_unit')));
          if (familyOf(recipe) !== family) {
            throw new RecordProblem(at('recipe_choices', i, 'recipe'), `"${x.recipe}" is not in the recipe family of "${x.finishedUnit}" (its recipe "${family}" and that recipe's variants).`);
          }
        });
        let previous = '';
        r.snapshots.forEach((x, i) => {
          const p = x.payload;
          if (p.event !== r.slug) throw new RecordProblem(at('plan_snapshots', i, 'payload.event'), `${shown(p.event)} is not this event's slug ("${r.slug}").`);
          if (p.takenAt !== x.takenAt) throw new RecordProblem(at('plan_snapshots', i, 'payload.takenAt'), `${shown(p.takenAt)} is not the plan's taken_at (${x.takenAt}).`);
          if (x.fingerprint !== p.fingerprint) throw new RecordProblem(at('plan_snapshots', i, 'fingerprint'), `${shown(x.fingerprint)} is not the payload's fingerprint.`);
          let computed: string;
          try {
            computed = fingerprintDefinitions(p.definitions as Definitions);
          } catch {
            throw new RecordProblem(at('plan_snapshots', i, 'payload.definitions'), 'These definitions cannot be read: recipes, finishedUnits, goods and materialUnits, keyed by slug.');
          }
          if (computed !== x.fingerprint) {
            throw new RecordProblem(at('plan_snapshots', i, 'fingerprint'), 'This fingerprint is not that of the payload\'s definitions: the saved plan was changed after it was taken.');
          }
          if ((x.costBaseline ?? null) !== (p.costBaseline ?? null)) {
            throw new RecordProblem(at('plan_snapshots', i, 'cost_baseline'), `${shown(x.costBaseline)} is not the payload's costBaseline (${shown(p.costBaseline)}).`);
          }
          if (x.takenAt < previous) throw new RecordProblem(at('plan_snapshots', i, 'taken_at'), 'Saved plans are listed oldest first.');
          previous = x.takenAt;
        });
        r.amendments.forEach((x, i) => {
          if (x.good !== null) goods.keys.resolve(x.good, at('amendments', i, 'finished_good'));
          if (x.finishedUnit !== null) recipes.keys.finishedUnits.resolve(x.finishedUnit, at('amendments', i, 'finished_unit'));
        });
        const ticked = new Set<string>();
        r.ticks.forEach((x, i) => {
          const field = x.kind;
          if (x.kind === 'ingredient') refs.catalog.keys.ingredients.resolve(x.item, at('shopping_ticks', i, field));
          else refs.materials.keys.materials.resolve(x.item, at('shopping_ticks', i, field));
          once(ticked, `${x.kind}:${x.item}`, at('shopping_ticks', i, field), `"${x.item}"`);
        });
      });
    }
  });
}

/** The id of each written plan snapshot, by event item and position: runs point at them. */
export type SnapshotIds = Map<Item<EventDraft>, number[]>;

export function applyEvents(db: Database, ctx: PlanContext, plan: EventsPlan, refs: EventRefs, tx?: Tx): SnapshotIds {
  return withTransaction(db, tx, () => {
    const { t } = ctx;
    const ids: SnapshotIds = new Map();
    const unit = (slug: string) => refId(refs.recipes.keys.finishedUnits.resolve(slug, ''));
    const good = (slug: string) => refId(refs.goods.keys.resolve(slug, ''));
    for (const item of created(plan.events)) {
      const r = item.record!;
      const eventId = insertEventRow(
        db,
        {
          slug: r.slug, name: r.name, eventDate: r.date, notes: r.notes, planState: r.planState, lockedAt: r.lockedAt,
          productionStartedAt: r.productionStartedAt, completedAt: r.completedAt, shoppingDoneAt: r.shoppingDoneAt, createdAt: r.createdAt, updatedAt: r.updatedAt,
        },
        t,
      );
      item.result = { outcome: 'created', id: eventId };
      for (const x of r.targets) {
        const stamps = { createdAt: x.createdAt, updatedAt: x.updatedAt };
        if (x.kind === 'good') insertGoodTargetRow(db, { eventId, goodId: good(x.item), quantity: x.quantity, ...stamps }, t);
        else insertUnitTargetRow(db, { eventId, finishedUnitId: unit(x.item), quantity: x.quantity, ...stamps }, t);
      }
      for (const x of r.decisions) {
        insertBatchDecisionRow(db, { eventId, finishedUnitId: unit(x.finishedUnit), batches: x.batches, shortfallConfirmed: x.shortfallConfirmed, createdAt: x.createdAt, updatedAt: x.updatedAt }, t);
      }
      for (const x of r.choices) {
        const recipeId = refId(refs.recipes.keys.recipes.resolve(x.recipe, ''));
        insertRecipeChoiceRow(db, { eventId, finishedUnitId: unit(x.finishedUnit), recipeId, createdAt: x.createdAt, updatedAt: x.updatedAt }, t);
      }
      ids.set(
        item,
        r.snapshots.map((x) => insertPlanSnapshotRow(db, { eventId, takenAt: x.takenAt, payload: x.payload, createdAt: x.createdAt }, t)),
      );
      for (const x of r.amendments) {
        insertPlanAmendmentRow(
          db,
          {
            eventId, kind: x.kind, goodId: x.good === null ? null : good(x.good), finishedUnitId: x.finishedUnit === null ? null : unit(x.finishedUnit),
            quantity: x.quantity, previousQuantity: x.previousQuantity, batches: x.batches, previousBatches: x.previousBatches, reason: x.reason, createdAt: x.createdAt,
          },
          t,
        );
      }
      for (const x of r.ticks) {
        const id = x.kind === 'ingredient' ? refId(refs.catalog.keys.ingredients.resolve(x.item, '')) : refId(refs.materials.keys.materials.resolve(x.item, ''));
        insertShoppingTickRow(db, { eventId, ingredientId: x.kind === 'ingredient' ? id : null, materialId: x.kind === 'material' ? id : null, tickedAt: x.tickedAt, createdAt: x.createdAt }, t);
      }
      ctx.tick();
    }
    return ids;
  });
}
