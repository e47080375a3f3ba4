/**
 * How far along an event is (domain.md, "Progress"; domain-rules.md): per
 * recipe, the batches baked for the event (runs not undone) against the
 * batches decided for the finished units it bakes; per good, the goods
 * assembled for the event against the target, with how many more could be
 * assembled now (feasibility, in the same transaction); the production and
 * assembly sides and the overall figure (src/domain/progress.ts). Every read,
 * the event's included, runs inside the caller's transaction, so a bake
 * recorded in it counts, and is gone again when it rolls back.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { overallPercent, sidePercent, tallyProgress, type TallyProgress } from '../../domain/progress';
import { positiveId } from '../../domain/validate';
import { feasibleGoods, type GoodFeasibility } from './feasibility';
import { assembledByGood, producedBatchesByRecipe } from './made-so-far';
import { readPlanInputs } from './plan-inputs';

export interface RecipeProgress extends TallyProgress {
  recipeId: number;
  recipe: string;
  name: string;
  /** Batches decided for the finished units it bakes (the default ceil while undecided). */
  targetBatches: number;
  producedBatches: number;
}

export interface GoodProgress extends TallyProgress {
  goodId: number;
  good: string;
  name: string;
  target: number;
  assembled: number;
  /** How many can be assembled now from stock (feasibility: capped at the target). */
  availableToAssemble: number;
  /** How many of those still count towards the target: min(available, remaining). */
  assembleNow: number;
}

export interface EventProgress {
  event: { id: number; slug: string; name: string; date: string | null };
  /** By recipe slug; a recipe baked for the event but no longer planned has no target (percent null). */
  recipes: RecipeProgress[];
  goods: GoodProgress[];
  /** Mean of min(percent, 100) over the side's rows with a target; null when it has none. */
  productionPercent: number | null;
  assemblyPercent: number | null;
  /** Mean of the sides that have rows; null when neither has. */
  overallPercent: number | null;
}

export interface ProgressRequest {
  eventId: number;
  /** The goods part of the event's feasibility, when the caller has just read it in the same transaction (the dashboard): not read twice. */
  goods?: readonly GoodFeasibility[];
}

export function eventProgress(db: Database, request: ProgressRequest, tx?: Tx): EventProgress {
  return withTransaction(db, tx, (t) => {
    const inputs = readPlanInputs(db, positiveId(request.eventId, 'eventId', 'event'), t);
    const { event } = inputs;
    const produced = producedBatchesByRecipe(db, event.id, t);
    const planned = new Map<number, { recipe: string; name: string; batches: number }>();
    for (const row of inputs.rows) {
      const entry = planned.get(row.recipeId) ?? { recipe: row.recipe, name: row.recipeName, batches: 0 };
      entry.batches += row.batches;
      planned.set(row.recipeId, entry);
    }
    for (const id of produced.keys()) {
      if (planned.has(id)) continue;
      const r = t.get<{ slug: string; name: string }>('SELECT slug, name FROM recipes WHERE id = ?', [id])!;
      planned.set(id, { recipe: r.slug, name: r.name, batches: 0 });
    }
    const recipes = [...planned]
      .map(([recipeId, p]): RecipeProgress => {
        const producedBatches = produced.get(recipeId) ?? 0;
        return { recipeId, recipe: p.recipe, name: p.name, targetBatches: p.batches, producedBatches, ...tallyProgress({ target: p.batches, done: producedBatches }) };
      })
      .filter((r) => r.targetBatches > 0 || r.producedBatches > 0)
      .sort((a, b) => (a.recipe < b.recipe ? -1 : a.recipe > b.recipe ? 1 : 0));

    const assembled = assembledByGood(db, event.id, t);
    // Only how many can be assembled now: not feasibility's blockers, which price the whole plan.
    const goodsNow = request.goods ?? feasibleGoods(db, inputs, t);
    const availableNow = new Map(goodsNow.map((g) => [g.goodId, g.canAssemble]));
    const goods = inputs.goodTargets.map((g): GoodProgress => {
      const done = assembled.get(g.goodId) ?? 0;
      const available = availableNow.get(g.goodId) ?? 0;
      return {
        goodId: g.goodId,
        good: g.good,
        name: g.displayName,
        target: g.quantity,
        assembled: done,
        availableToAssemble: available,
        assembleNow: Math.min(available, Math.max(0, g.quantity - done)),
        ...tallyProgress({ target: g.quantity, done }),
      };
    });

    const productionPercent = sidePercent(recipes.map((r) => ({ target: r.targetBatches, done: r.producedBatches })));
    const assemblyPercent = sidePercent(goods.map((g) => ({ target: g.target, done: g.assembled })));
    return {
      event: { id: event.id, slug: event.slug, name: event.name, date: event.event_date },
      recipes,
      goods,
      productionPercent,
      assemblyPercent,
      overallPercent: overallPercent([productionPercent, assemblyPercent]),
    };
  });
}
