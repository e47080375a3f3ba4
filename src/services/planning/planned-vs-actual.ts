/**
 * Planned against actual, from the ledger. Planned is the event's latest
 * saved plan: per recipe its batches and the ingredients they use at the
 * plan's prices, per good its cost at those prices. Actual is what the
 * event's runs recorded (undone runs left out): the consumption rows of its
 * production runs, summed per recipe and ingredient in the plan's unit, and
 * the ledger totals of its assembly runs. Money is summed from ledger rows,
 * never re-derived; a row with an unknown cost makes its sum unknown.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { ledgerAmount } from '../../domain/money';
import { BASE_UNIT, UnitConversionError, conversionFactor, parseUnit, type Dimension, type Unit } from '../../domain/units';
import { positiveId } from '../../domain/validate';
import { loadIngredient } from '../catalog/ingredient-rows';
import { loadEvent } from './event-rows';
import { lotsUnitOf } from '../making/ingredient-units';
import { latestSnapshot } from './plan-rows';

export interface Amount {
  quantity: number;
  /** Null when unknown. */
  cost: number | null;
}

export interface RecipeUsage {
  ingredient: string;
  displayName: string;
  unit: string;
  planned: Amount | null;
  actual: Amount | null;
}

export interface RecipeComparison {
  recipe: string;
  displayName: string;
  plannedBatches: number;
  producedBatches: number;
  plannedCost: number | null;
  actualCost: number | null;
  /** Cost of one batch, planned and as baked (actual cost / batches baked). */
  plannedCostPerBatch: number | null;
  actualCostPerBatch: number | null;
  ingredients: RecipeUsage[];
}

export interface GoodComparison {
  good: string;
  displayName: string;
  target: number;
  assembled: number;
  plannedCostPerGood: number | null;
  /** Ledger total of its assembly runs / how many were assembled; null before any, or when a run's cost is incomplete. */
  actualCostPerGood: number | null;
  actualCost: number | null;
}

export interface PlannedVsActual {
  event: string;
  /** When the plan compared against was saved; null when none was (nothing is planned then). */
  savedAt: string | null;
  /** Whether any run was recorded for the event. */
  hasRuns: boolean;
  recipes: RecipeComparison[];
  goods: GoodComparison[];
}

const addCost = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
const money = (v: number | null) => (v === null ? null : ledgerAmount(v));
const bySlug = <T>(key: (v: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export function plannedVsActual(db: Database, request: { eventId: number }, tx?: Tx): PlannedVsActual {
  return withTransaction(db, tx, (t) => {
    const event = loadEvent(db, positiveId(request.eventId, 'eventId', 'event'), t);
    const plan = latestSnapshot(db, event.id, t)?.payload ?? null;

    const recipes = new Map<string, RecipeComparison>();
    const recipeOf = (slug: string, displayName: string) =>
      recipes.get(slug) ??
      recipes
        .set(slug, { recipe: slug, displayName, plannedBatches: 0, producedBatches: 0, plannedCost: 0, actualCost: 0, plannedCostPerBatch: null, actualCostPerBatch: null, ingredients: [] })
        .get(slug)!;
    const usageOf = (r: RecipeComparison, ingredient: string, displayName: string, unit: string) => {
      let u = r.ingredients.find((i) => i.ingredient === ingredient && i.unit === unit);
      if (!u) r.ingredients.push((u = { ingredient, displayName, unit, planned: null, actual: null }));
      return u;
    };
    const ingredientNames = new Map((plan?.ingredients ?? []).map((i) => [i.ingredient, i.displayName]));
    for (const b of plan?.batches ?? []) {
      const r = recipeOf(b.recipe, b.recipeName);
      r.plannedBatches += b.batches;
      r.plannedCost = addCost(r.plannedCost, b.cost);
      for (const i of b.ingredients) {
        const u = usageOf(r, i.ingredient, ingredientNames.get(i.ingredient) ?? i.ingredient, i.unit);
        u.planned = { quantity: (u.planned?.quantity ?? 0) + i.quantity, cost: addCost(u.planned?.cost ?? 0, i.cost) };
      }
    }
    for (const r of recipes.values()) r.actualCost = null;

    const runs = t.all<{ id: number; recipe_slug: string; recipe_name: string; batches: number }>(
      `SELECT pr.id, r.slug AS recipe_slug, r.name AS recipe_name, pr.batches FROM production_runs pr JOIN recipes r ON r.id = pr.recipe_id
       WHERE pr.event_id = ? AND NOT EXISTS (SELECT 1 FROM run_reversals rr WHERE rr.production_run_id = pr.id) ORDER BY pr.id`,
      [event.id],
    );
    const plannedUnit = new Map((plan?.ingredients ?? []).map((i) => [i.ingredient, i.unit]));
    // Every draw of the event's runs in one read (not one per run), then each run's draws in their
    // order, so each sum adds up in the same order as run by run. Sorted here, not by SQLite: its sort
    // of every draw with its lot's column cost more than the rest of the read.
    type Draw = { id: number; ingredient_id: number; quantity: number; cost: number | null; dimension: Dimension };
    const drawsOfRun = new Map<number, Draw[]>();
    for (const d of t.all<Draw & { run_id: number }>(
      `SELECT c.production_run_id AS run_id, c.id, c.ingredient_id, c.quantity, c.cost, l.dimension
       FROM production_runs pr JOIN production_consumptions c ON c.production_run_id = pr.id JOIN lots l ON l.id = c.lot_id
       WHERE pr.event_id = ? AND NOT EXISTS (SELECT 1 FROM run_reversals rr WHERE rr.production_run_id = pr.id)`,
      [event.id],
    )) {
      const list = drawsOfRun.get(d.run_id);
      if (list) list.push(d);
      else drawsOfRun.set(d.run_id, [d]);
    }
    for (const list of drawsOfRun.values()) list.sort((a, b) => a.id - b.id);
    // Each ingredient's row and wanted unit, read once: the same ingredients recur in every run.
    const ingredients = new Map<number, { ingredient: ReturnType<typeof loadIngredient>; wanted: Unit | null }>();
    const ingredientOf = (id: number) => {
      let known = ingredients.get(id);
      if (!known) {
        const ingredient = loadIngredient(db, id, t);
        // In the plan's unit for the ingredient when it converts, else in the unit its lots use (else as drawn, below).
        const wanted = (parseUnit(plannedUnit.get(ingredient.slug) ?? '') ?? lotsUnitOf(db, { id: ingredient.id }, t) ?? null) as Unit | null;
        ingredients.set(id, (known = { ingredient, wanted }));
      }
      return known;
    };
    for (const run of runs) {
      const r = recipeOf(run.recipe_slug, run.recipe_name);
      r.producedBatches += run.batches;
      let runCost: number | null = 0;
      for (const d of drawsOfRun.get(run.id) ?? []) {
        const { ingredient, wanted: known } = ingredientOf(d.ingredient_id);
        const lotUnit = BASE_UNIT[d.dimension];
        const wanted = known ?? lotUnit;
        let unit: Unit = lotUnit;
        let quantity = d.quantity;
        try {
          quantity = d.quantity * conversionFactor(lotUnit, wanted, conversionContextOf(ingredient));
          unit = wanted;
        } catch (e) {
          if (!(e instanceof UnitConversionError)) throw e;
        }
        const u = usageOf(r, ingredient.slug, ingredient.name, unit);
        u.actual = { quantity: (u.actual?.quantity ?? 0) + quantity, cost: addCost(u.actual?.cost ?? 0, d.cost) };
        runCost = addCost(runCost, d.cost);
      }
      r.actualCost = addCost(r.actualCost ?? 0, runCost);
    }
    for (const r of recipes.values()) {
      r.plannedCost = money(r.plannedCost);
      r.actualCost = r.producedBatches > 0 ? money(r.actualCost) : null;
      r.plannedCostPerBatch = r.plannedCost === null || r.plannedBatches === 0 ? null : r.plannedCost / r.plannedBatches;
      r.actualCostPerBatch = r.actualCost === null || r.producedBatches === 0 ? null : r.actualCost / r.producedBatches;
      for (const u of r.ingredients) {
        if (u.planned) u.planned.cost = money(u.planned.cost);
        if (u.actual) u.actual.cost = money(u.actual.cost);
      }
      r.ingredients.sort(bySlug((u) => `${u.ingredient}|${u.unit}`));
    }

    const goods = new Map<string, GoodComparison>();
    for (const g of plan?.goods ?? []) {
      goods.set(g.good, { good: g.good, displayName: g.displayName, target: g.quantity, assembled: 0, plannedCostPerGood: g.costPerGood, actualCostPerGood: null, actualCost: null });
    }
    const assembled = t.all<{ slug: string; name: string; quantity: number; cost: number; incomplete: number }>(
      `SELECT g.slug, g.name, sum(ar.quantity) AS quantity, sum(ar.total_cost) AS cost, sum(ar.cost_complete = 0) AS incomplete
       FROM assembly_runs ar JOIN finished_goods g ON g.id = ar.finished_good_id
       WHERE ar.event_id = ? AND NOT EXISTS (SELECT 1 FROM run_reversals rr WHERE rr.assembly_run_id = ar.id)
       GROUP BY g.id`,
      [event.id],
    );
    for (const a of assembled) {
      const g = goods.get(a.slug) ?? { good: a.slug, displayName: a.name, target: 0, assembled: 0, plannedCostPerGood: null, actualCostPerGood: null, actualCost: null };
      g.assembled = a.quantity;
      g.actualCost = a.incomplete > 0 ? null : ledgerAmount(a.cost);
      g.actualCostPerGood = g.actualCost === null ? null : g.actualCost / a.quantity;
      goods.set(a.slug, g);
    }
    return {
      event: event.slug,
      savedAt: plan?.takenAt ?? null,
      hasRuns: runs.length > 0 || assembled.length > 0,
      recipes: [...recipes.values()].sort(bySlug((r) => r.recipe)),
      goods: [...goods.values()].sort(bySlug((g) => g.good)),
    };
  });
}
