/**
 * The dashboard's event: the next one to come (domain/next-event.ts), how far
 * along it is (progress), batches baked day by day against the batches
 * planned, what to bake next (recipes with batches to go, those that goods
 * are waiting on first), what can be assembled now, and where the shopping
 * stands. One read, every part computed by the services that own it inside
 * the same transaction; the screen only lays it out.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { dateOf, isIsoDate } from '../../domain/dates';
import { nextEvent } from '../../domain/next-event';
import { PLAN_STATE_LABELS, type PlanState } from '../../domain/plan-states';
import { validationError } from '../../errors';
import { goodDefinitions } from '../goods/good-rows';
import { listEvents } from './events';
import { feasibleGoods, type GoodFeasibility } from './feasibility';
import { producedBatchesByDay } from './made-so-far';
import { readPlanInputs, type PlanInputs } from './plan-inputs';
import { eventProgress, type EventProgress } from './progress';
import { shoppingList } from './shopping-list';

export interface DashboardEvent {
  id: number;
  slug: string;
  name: string;
  date: string | null;
  state: PlanState;
  stateLabel: string;
  /** Days from today to the event (negative once it has passed); null without a date. */
  daysLeft: number | null;
}

export interface BatchChart {
  /** Batches decided for the event, over every recipe. */
  planned: number;
  /** Batches baked so far. */
  produced: number;
  /** Each day something was baked, with the running total. */
  days: { date: string; batches: number; total: number }[];
  /** The days the chart spans: from the first bake (or today) to the event (or the last bake, or today). */
  from: string;
  to: string;
  today: string;
}

export interface BakeNext {
  recipeId: number;
  recipe: string;
  name: string;
  remaining: number;
  targetBatches: number;
  producedBatches: number;
  /** The goods whose assembly is held up by what this recipe bakes. */
  waitingGoods: string[];
}

export interface AssembleNow {
  goodId: number;
  good: string;
  name: string;
  /** What can be assembled now towards the target: min(can assemble, target - assembled). */
  now: number;
  target: number;
  assembled: number;
}

export interface Dashboard {
  today: string;
  event: DashboardEvent | null;
  /** Open events besides this one (the Plan tab lists them). */
  otherOpenEvents: number;
  progress: EventProgress | null;
  chart: BatchChart | null;
  bakeNext: BakeNext[];
  assembleNow: AssembleNow[];
  shopping: { toBuyCount: number; tickedCount: number; estimatedCost: number | null; doneAt: string | null } | null;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * Recipes with batches to go, the ones goods are waiting on first (a unit
 * line that holds a good below what is left to assemble, directly or inside
 * a nested good that is short), then the most to go.
 */
function bakeNextOf(db: Database, t: Tx, inputs: PlanInputs, progress: EventProgress, feasible: readonly GoodFeasibility[]): BakeNext[] {
  const recipeOfUnit = new Map(inputs.rows.map((r) => [r.finishedUnitId, r.recipeId]));
  const defs = goodDefinitions(db, feasible.map((g) => g.goodId), t);
  const waiting = new Map<number, string[]>();
  const wait = (unitId: number, good: string) => {
    const recipeId = recipeOfUnit.get(unitId);
    if (recipeId === undefined) return;
    const names = waiting.get(recipeId) ?? [];
    if (!names.includes(good)) names.push(good);
    waiting.set(recipeId, names);
  };
  /** Every finished unit inside a nested good, all the way down. */
  const unitsIn = (goodId: number, via: number[] = []): number[] =>
    via.includes(goodId) ? [] : defs.get(goodId)!.lines.flatMap((l) => (l.kind === 'unit' ? [l.finishedUnitId] : l.kind === 'good' ? unitsIn(l.goodId, [...via, goodId]) : []));
  for (const good of feasible) {
    const left = good.target - good.assembled;
    for (const line of good.lines) {
      if (left <= 0 || line.allows >= left) continue;
      if (line.kind === 'unit') wait(line.id, good.name);
      if (line.kind === 'good') for (const unitId of unitsIn(line.id)) wait(unitId, good.name);
    }
  }
  return progress.recipes
    .filter((r) => r.remaining > 0)
    .map((r) => ({
      recipeId: r.recipeId,
      recipe: r.recipe,
      name: r.name,
      remaining: r.remaining,
      targetBatches: r.targetBatches,
      producedBatches: r.producedBatches,
      waitingGoods: waiting.get(r.recipeId) ?? [],
    }))
    .sort((a, b) => b.waitingGoods.length - a.waitingGoods.length || b.remaining - a.remaining || a.name.localeCompare(b.name));
}

export function dashboard(db: Database, request: { today?: string; limit?: number } = {}, tx?: Tx): Dashboard {
  return withTransaction(db, tx, (t) => {
    const today = request.today ?? dateOf(t.now());
    if (!isIsoDate(today)) throw validationError('today', 'Today is a date like 2026-12-01.', { value: today });
    const limit = Math.max(1, Math.min(20, Math.trunc(request.limit ?? 3)));
    const open = listEvents(db, { includeCompleted: false }, t);
    const next = nextEvent(open, today);
    const empty = { today, event: null, otherOpenEvents: open.length, progress: null, chart: null, bakeNext: [], assembleNow: [], shopping: null };
    if (!next) return empty;

    // Only the goods part of feasibility (how many can be assembled now, and from what): its cost
    // blockers, which price the whole plan, are not on the dashboard.
    const inputs = readPlanInputs(db, next.id, t);
    const feasible = feasibleGoods(db, inputs, t);
    const progress = eventProgress(db, { eventId: next.id, goods: feasible }, t);
    const days: BatchChart['days'] = [];
    let total = 0;
    for (const d of producedBatchesByDay(db, next.id, t)) {
      total += d.batches;
      days.push({ date: d.date, batches: d.batches, total });
    }
    const first = days[0]?.date ?? today;
    const last = days.at(-1)?.date ?? today;
    const ends = [next.date ?? today, last, today].sort();
    const chart: BatchChart = {
      planned: progress.recipes.reduce((sum, r) => sum + r.targetBatches, 0),
      produced: total,
      days,
      from: first < today ? first : today,
      to: ends.at(-1)!,
      today,
    };
    const list = shoppingList(db, { eventId: next.id }, t);
    const assembleNow = progress.goods
      .map((g) => ({ goodId: g.goodId, good: g.good, name: g.name, now: g.assembleNow, target: g.target, assembled: g.assembled }))
      .filter((g) => g.now > 0)
      .sort((a, b) => b.now - a.now || a.name.localeCompare(b.name));
    return {
      today,
      event: {
        id: next.id,
        slug: next.slug,
        name: next.name,
        date: next.date,
        state: next.state,
        stateLabel: PLAN_STATE_LABELS[next.state],
        daysLeft: next.date === null ? null : daysBetween(today, next.date),
      },
      otherOpenEvents: open.length - 1,
      progress,
      chart,
      bakeNext: bakeNextOf(db, t, inputs, progress, feasible).slice(0, limit),
      assembleNow: assembleNow.slice(0, limit),
      shopping: { toBuyCount: list.toBuyCount, tickedCount: list.tickedCount, estimatedCost: list.estimatedCost, doneAt: list.event.shoppingDoneAt },
    };
  });
}
