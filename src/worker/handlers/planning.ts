/**
 * RPC handlers for planning: events and their targets, recipe choices and
 * batch decisions, the plan (live, or saved as a snapshot), staleness and the
 * recalculation preview, plan steps, amendments and their history, planned
 * against actual, and what a target may be (the goods and finished units).
 */
import { listGoods } from '../../services/goods/goods';
import { amendPlan, planHistory, type AmendmentInput } from '../../services/planning/amendments';
import { decideBatches } from '../../services/planning/batch-decisions';
import { createEvent, deleteEvent, getEvent, listEvents, updateEvent, type EventInput, type EventUpdate } from '../../services/planning/events';
import { calculatePlan } from '../../services/planning/plan';
import { latestSnapshot } from '../../services/planning/plan-rows';
import { advancePlan } from '../../services/planning/plan-steps';
import { plannedVsActual } from '../../services/planning/planned-vs-actual';
import { chooseRecipe, recipeFamily } from '../../services/planning/recipe-choices';
import { planDifferences, planStaleness } from '../../services/planning/staleness';
import { setGoodTarget, setUnitTarget } from '../../services/planning/targets';
import { dashboard } from '../../services/planning/dashboard';
import { likelyEvent, type LikelyEventRequest } from '../../services/planning/likely-event';
import { eventFeasibility } from '../../services/planning/feasibility';
import { eventProgress } from '../../services/planning/progress';
import { shoppingEvents, shoppingList, type ShoppingListRequest } from '../../services/planning/shopping-list';
import { markShoppingDone, tickShoppingItem, type TickInput } from '../../services/planning/shopping-ticks';
import type { PlanStep } from '../../domain/plan-states';
import { listFinishedUnits } from '../../services/recipes/finished-units';
import { defineHandlers, read, rememberedRead, write } from './define';

/** What a plan is computed from and priced with: targets and decisions, goods, recipes, packaging, and today's prices. */
const PLAN_DEPS = ['events', 'goods', 'recipes', 'materials', 'ingredients', 'products', 'purchases', 'stock'] as const;
/** What is made for the event and what stock there is of it: feasibility and progress read the plan, finished lots and packaging lots. */
const MADE_DEPS = [...PLAN_DEPS, 'production'] as const;
/** The shopping list also says where each item is bought. */
const SHOPPING_DEPS = [...MADE_DEPS, 'suppliers'] as const;
/** What staleness compares: the saved plan against the targets, decisions and definitions of today. */
const STALENESS_DEPS = ['events', 'plans', 'goods', 'recipes', 'materials', 'ingredients'] as const;

export const planningHandlers = defineHandlers({
  'planning.listEvents': read(['events', 'plans'], (ctx, params: { includeCompleted?: boolean } | void) => listEvents(ctx.db, params ?? {})),
  'planning.getEvent': read(['events', 'plans', 'goods', 'recipes', 'production'], (ctx, params: { id: number }) => getEvent(ctx.db, params.id)),
  'planning.createEvent': write((ctx, params: EventInput) => createEvent(ctx.db, params)),
  'planning.updateEvent': write((ctx, params: EventUpdate) => updateEvent(ctx.db, params)),
  'planning.deleteEvent': write((ctx, params: { id: number }) => deleteEvent(ctx.db, params.id)),
  'planning.targetOptions': read(['goods', 'recipes'], (ctx, _params: void) => ({
    goods: listGoods(ctx.db),
    finishedUnits: listFinishedUnits(ctx.db),
  })),
  'planning.setGoodTarget': write((ctx, params: { eventId: number; goodId: number; quantity: number }) => setGoodTarget(ctx.db, params)),
  'planning.setUnitTarget': write((ctx, params: { eventId: number; finishedUnitId: number; quantity: number }) => setUnitTarget(ctx.db, params)),
  'planning.recipeFamily': read(['recipes'], (ctx, params: { finishedUnitId: number }) => recipeFamily(ctx.db, params.finishedUnitId)),
  'planning.likelyEvent': read(['events', 'plans', 'goods', 'recipes', 'materials'], (ctx, params: LikelyEventRequest) => likelyEvent(ctx.db, params)),
  'planning.chooseRecipe': write((ctx, params: { eventId: number; finishedUnitId: number; recipeId: number }) => chooseRecipe(ctx.db, params)),
  'planning.decideBatches': write((ctx, params: { eventId: number; finishedUnitId: number; batches: number; confirmShortfall?: boolean }) => decideBatches(ctx.db, params)),
  'planning.plan': read(PLAN_DEPS, (ctx, params: { eventId: number }) => calculatePlan(ctx.db, { eventId: params.eventId })),
  'planning.savePlan': write((ctx, params: { eventId: number }) => calculatePlan(ctx.db, { eventId: params.eventId, save: true })),
  'planning.savedPlan': read(['events', 'plans'], (ctx, params: { eventId: number }) => latestSnapshot(ctx.db, params.eventId)),
  'planning.staleness': read(STALENESS_DEPS, (ctx, params: { eventId: number }) => planStaleness(ctx.db, params)),
  'planning.differences': read([...PLAN_DEPS, 'plans'], (ctx, params: { eventId: number }) => planDifferences(ctx.db, params)),
  'planning.advance': write((ctx, params: { eventId: number; state: PlanStep }) => advancePlan(ctx.db, params)),
  'planning.amend': write((ctx, params: AmendmentInput) => amendPlan(ctx.db, params)),
  'planning.history': read(['events', 'plans', 'goods', 'recipes', 'materials'], (ctx, params: { eventId: number }) => planHistory(ctx.db, params)),
  'planning.plannedVsActual': read(['events', 'plans', 'production', 'recipes', 'goods', 'ingredients', 'products', 'stock'], (ctx, params: { eventId: number }) =>
    plannedVsActual(ctx.db, params),
  ),
  'planning.shoppingEvents': read(['events', 'plans'], (ctx, params: { today?: string } | void) => shoppingEvents(ctx.db, params ?? {})),
  'planning.shoppingList': read(SHOPPING_DEPS, (ctx, params: ShoppingListRequest) => shoppingList(ctx.db, params)),
  'planning.tickShoppingItem': write((ctx, params: TickInput) => tickShoppingItem(ctx.db, params)),
  'planning.markShoppingDone': write((ctx, params: { eventId: number; done: boolean }) => markShoppingDone(ctx.db, params)),
  'planning.feasibility': read(MADE_DEPS, (ctx, params: { eventId: number }) => eventFeasibility(ctx.db, params)),
  'planning.progress': read(MADE_DEPS, (ctx, params: { eventId: number }) => eventProgress(ctx.db, params)),
  'planning.dashboard': rememberedRead(
    [...SHOPPING_DEPS, 'plans'],
    (ctx, params: { today?: string; limit?: number } | void) => dashboard(ctx.db, params ?? {}),
    // Without a date it counts days from the clock's today, which the next opening may not share.
    (params) => typeof params?.today === 'string',
  ),
});
