/**
 * The plan of an event, in one service: its targets; per finished unit the
 * recipe, need, yield, batches, total, waste and the floor/ceil options; the
 * aggregated ingredients of those batches (sub-recipes multiplied through,
 * one unit per ingredient) priced as FIFO would charge them now, else at the
 * latest purchase price; the packaging the goods use, priced the same way;
 * the cost baseline (null when any part is unknown) and each good's cost at
 * those prices; the captured definitions and their fingerprint; when it was
 * taken. With `save` it is stored as a plan snapshot in the same
 * transaction, and nothing changes it afterwards
 * (docs/design/planning.md).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { knownCost, rollUpGood, sumCosts, unknownCost, type Priced } from '../../domain/cost-rollup';
import { measureBaseUnit } from '../../domain/material-measures';
import { ledgerAmount } from '../../domain/money';
import { compareNames } from '../../domain/name-order';
import { assertPlanChange } from '../../domain/plan-states';
import { flattenRecipe, type RecipeDefinition } from '../../domain/recipe-flatten';
import {
  PLAN_PAYLOAD_FORMAT,
  type PlanBatchRecord,
  type PlanGoodCostRecord,
  type PlanIngredientRecord,
  type PlanPackagingRecord,
  type PlanPayload,
} from '../../domain/plan-snapshot';
import type { Unit } from '../../domain/units';
import { captureDefinitions } from '../definitions/capture';
import { goodDefinitions } from '../goods/good-rows';
import { loadMaterial, loadMaterialProduct, loadMaterialUnit } from '../materials/material-rows';
import { priceIngredient } from '../pricing/ingredient-price';
import { priceMaterial } from '../pricing/material-price';
import { recipeDefinitions } from '../recipes/recipe-rows';
import { aggregateIngredients, type AggregatedIngredients, type NeedLine } from './ingredient-needs';
import { readPlanInputs, type BatchRow, type PlanInputs } from './plan-inputs';
import { insertPlanSnapshotRow } from './plan-rows';

export interface Plan {
  eventId: number;
  /** The snapshot it was saved as; null when only calculated. */
  snapshotId: number | null;
  /** The plan as it is (or would be) saved. */
  payload: PlanPayload;
  /** The batch rows with their ids, options and decisions, in the payload's order. */
  rows: BatchRow[];
  /** Ingredient slug -> id, and material slug -> id, so a screen can link to them. */
  ingredientIds: Record<string, number>;
  materialIds: Record<string, number>;
}

const materialKey = (materialId: number, productId: number | null) => `${materialId}:${productId ?? 'generic'}`;

function rowIngredients(defs: ReadonlyMap<number, RecipeDefinition>, row: BatchRow): NeedLine[] {
  return row.batches > 0 ? flattenRecipe(defs, row.recipeId, row.batches).map((l) => ({ ingredientId: l.ingredientId, quantity: l.quantity, unit: l.unit })) : [];
}

/** One batch row's share of the ingredients, in the plan's units and at its prices. */
function batchRecord(defs: ReadonlyMap<number, RecipeDefinition>, row: BatchRow, agg: AggregatedIngredients): PlanBatchRecord {
  const shares = new Map<string, { ingredient: string; quantity: number; unit: string; costPerUnit: number | null }>();
  for (const line of rowIngredients(defs, row)) {
    const { row: need, factor } = agg.rowOf(line.ingredientId, line.unit);
    const key = `${need.ingredient}|${need.unit}`;
    const share = shares.get(key) ?? { ingredient: need.ingredient, quantity: 0, unit: need.unit, costPerUnit: need.costPerUnit };
    share.quantity += line.quantity * factor;
    shares.set(key, share);
  }
  const ingredients = [...shares.values()].map((s) => ({
    ingredient: s.ingredient,
    quantity: s.quantity,
    unit: s.unit,
    cost: s.costPerUnit === null ? null : ledgerAmount(s.quantity * s.costPerUnit),
  }));
  const known = ingredients.every((i) => i.cost !== null);
  return {
    recipe: row.recipe,
    recipeName: row.recipeName,
    finishedUnit: row.finishedUnit,
    finishedUnitName: row.finishedUnitName,
    unitsNeeded: row.unitsNeeded,
    yieldPerBatch: row.yieldPerBatch,
    batches: row.batches,
    decided: row.decision !== null,
    shortfallConfirmed: row.decision?.shortfallConfirmed ?? false,
    totalUnits: row.totalUnits,
    waste: row.waste,
    wastePercent: row.wastePercent,
    short: row.short,
    floor: row.options.floor,
    ceil: row.options.ceil,
    ingredients,
    cost: known ? ledgerAmount(ingredients.reduce((sum, i) => sum + i.cost!, 0)) : null,
  };
}

interface PricedMaterial {
  materialId: number;
  productId: number | null;
  quantity: number;
  unitCost: number | null;
  cost: number | null;
  reason: string | null;
}

/** Packaging per material (a generic and a specific line of one material priced apart, each once for its whole need). */
function packagingRecords(db: Database, t: Tx, inputs: PlanInputs) {
  const groups = new Map<string, PricedMaterial>();
  for (const need of inputs.materials) {
    const key = materialKey(need.materialId, need.materialProductId);
    const group = groups.get(key) ?? { materialId: need.materialId, productId: need.materialProductId, quantity: 0, unitCost: null, cost: null, reason: null };
    group.quantity += need.quantity;
    groups.set(key, group);
  }
  for (const g of groups.values()) {
    const price = priceMaterial(db, { materialId: g.materialId, materialProductId: g.productId, quantity: g.quantity }, t);
    g.unitCost = price.unitCost;
    g.cost = price.cost === null ? null : ledgerAmount(price.cost);
    g.reason = price.reason;
  }
  const records = new Map<number, PlanPackagingRecord>();
  for (const need of inputs.materials) {
    const material = loadMaterial(db, need.materialId, t);
    const record = records.get(material.id) ?? {
      material: material.slug,
      displayName: material.name,
      quantity: 0,
      unit: measureBaseUnit(material.base_measure),
      costPerUnit: null,
      cost: null,
      reason: null,
      lines: [],
    };
    const unit = loadMaterialUnit(db, need.materialUnitId, t);
    record.quantity += need.quantity;
    record.lines.push({
      materialUnit: unit.slug,
      displayName: unit.name,
      product: need.materialProductId === null ? null : loadMaterialProduct(db, need.materialProductId, t).slug,
      uses: need.uses,
      quantity: need.quantity,
    });
    records.set(material.id, record);
  }
  for (const [materialId, record] of records) {
    const own = [...groups.values()].filter((g) => g.materialId === materialId);
    const unknown = own.find((g) => g.cost === null);
    record.reason = unknown?.reason ?? null;
    record.cost = unknown ? null : ledgerAmount(own.reduce((sum, g) => sum + g.cost!, 0));
    record.costPerUnit = record.cost === null || record.quantity === 0 ? null : record.cost / record.quantity;
  }
  const sorted = [...records.entries()].sort(([, a], [, b]) => (a.material < b.material ? -1 : a.material > b.material ? 1 : 0));
  return { records: sorted.map(([, r]) => r), materialIds: Object.fromEntries(sorted.map(([id, r]) => [r.material, id])), groups };
}

/** Each good target at the plan's prices: finished units at batch cost / yield, packaging at the plan's material prices. */
function goodCosts(db: Database, t: Tx, inputs: PlanInputs, defs: ReadonlyMap<number, RecipeDefinition>, agg: AggregatedIngredients, groups: Map<string, PricedMaterial>): PlanGoodCostRecord[] {
  const goodDefs = goodDefinitions(db, inputs.goodTargets.map((g) => g.goodId), t);
  const rowOf = new Map(inputs.rows.map((r) => [r.finishedUnitId, r]));
  const inPlan = new Set(agg.rows.map((r) => r.ingredientId));
  const names = new Map<number, string>();
  const ingredientName = (id: number) => names.get(id) ?? names.set(id, t.get<{ name: string }>('SELECT name FROM ingredients WHERE id = ?', [id])!.name).get(id)!;
  const linePrice = (line: { ingredientId: number; quantity: number; unit: Unit }): Priced => {
    const name = ingredientName(line.ingredientId);
    if (inPlan.has(line.ingredientId)) {
      const { row, factor } = agg.rowOf(line.ingredientId, line.unit);
      return row.costPerUnit === null ? unknownCost(name, row.reason ?? `No price for ${name}.`) : knownCost(line.quantity * factor * row.costPerUnit);
    }
    // A unit whose batches the plan does not bake (0 decided) is still costed, at today's price.
    const price = priceIngredient(db, line, t);
    return price.cost === null ? unknownCost(name, price.reason ?? `No price for ${name}.`) : knownCost(price.cost);
  };
  const unitCost = new Map<number, Priced>();
  const perUnit = (finishedUnitId: number): Priced => {
    const cached = unitCost.get(finishedUnitId);
    if (cached) return cached;
    const row = rowOf.get(finishedUnitId)!;
    const batch = sumCosts(flattenRecipe(defs, row.recipeId, 1).map(linePrice));
    const priced = batch.cost === null ? batch : knownCost(batch.cost / row.yieldPerBatch);
    unitCost.set(finishedUnitId, priced);
    return priced;
  };
  return inputs.goodTargets.map((target) => {
    const tree = rollUpGood(goodDefs, target.goodId, 1, {
      unit: perUnit,
      material: (line) => {
        const group = groups.get(materialKey(line.materialId, line.materialProductId))!;
        if (group.unitCost === null) return unknownCost(loadMaterial(db, line.materialId, t).name, group.reason ?? 'No price.');
        return knownCost(group.unitCost * line.size);
      },
    });
    return {
      good: target.good,
      displayName: target.displayName,
      quantity: target.quantity,
      costPerGood: tree.cost === null ? null : ledgerAmount(tree.cost),
      cost: tree.cost === null ? null : ledgerAmount(tree.cost * target.quantity),
    };
  });
}

/** The plan's ingredients (aggregated, priced as FIFO would charge them now) and its packaging, priced the same way. */
function pricedNeeds(db: Database, t: Tx, inputs: PlanInputs) {
  const defs = recipeDefinitions(db, [...new Set(inputs.rows.map((r) => r.recipeId))], t);
  const agg = aggregateIngredients(db, { lines: inputs.rows.flatMap((r) => rowIngredients(defs, r)), priced: true }, t);
  const byName = (a: { displayName: string; unit: string }, b: { displayName: string; unit: string }) =>
    compareNames(a.displayName, b.displayName) || a.unit.localeCompare(b.unit);
  const ingredients: PlanIngredientRecord[] = [...agg.rows].sort(byName).map((r) => ({
    ingredient: r.ingredient,
    displayName: r.displayName,
    quantity: r.quantity,
    unit: r.unit,
    costPerUnit: r.costPerUnit,
    cost: r.cost,
    reason: r.reason,
  }));
  return { defs, agg, ingredients, packaging: packagingRecords(db, t, inputs) };
}

export interface PlanCosts {
  ingredients: PlanIngredientRecord[];
  packaging: PlanPackagingRecord[];
  /** Ingredient slug -> id, and material slug -> id. */
  ingredientIds: Record<string, number>;
  materialIds: Record<string, number>;
}

/**
 * The plan's priced ingredients and packaging only, exactly as calculatePlan
 * has them: for what needs their costs (feasibility's cost blockers) without
 * the rest of a plan (per-batch shares, good costs, the definitions'
 * fingerprint), which at 50 targets was most of its time.
 */
export function planCosts(db: Database, request: { eventId: number; /** The event's plan inputs, when the caller has just read them in the same transaction. */ inputs?: PlanInputs }, tx?: Tx): PlanCosts {
  return withTransaction(db, tx, (t) => {
    const { agg, ingredients, packaging } = pricedNeeds(db, t, request.inputs ?? readPlanInputs(db, request.eventId, t));
    return {
      ingredients,
      packaging: packaging.records,
      ingredientIds: Object.fromEntries(agg.rows.map((r) => [r.ingredient, r.ingredientId])),
      materialIds: packaging.materialIds,
    };
  });
}

/**
 * Calculates the event's plan inside the caller's transaction (every read,
 * the event's included, sees its uncommitted writes). With `save`, stores it
 * as the event's latest plan snapshot; a completed plan is not saved again.
 */
export function calculatePlan(db: Database, request: { eventId: number; save?: boolean }, tx?: Tx): Plan {
  return withTransaction(db, tx, (t) => {
    const inputs = readPlanInputs(db, request.eventId, t);
    if (request.save) assertPlanChange(inputs.event.plan_state, 'recalculate');
    const { defs, agg, ingredients, packaging } = pricedNeeds(db, t, inputs);
    const parts: Priced[] = [
      ...ingredients.map((i) => (i.cost === null ? unknownCost(i.displayName, i.reason ?? `No price for ${i.displayName}.`) : knownCost(i.cost))),
      ...packaging.records.map((p) => (p.cost === null ? unknownCost(p.displayName, p.reason ?? `No price for ${p.displayName}.`) : knownCost(p.cost))),
    ];
    const baseline = sumCosts(parts);
    const captured = captureDefinitions(
      db,
      { goodIds: inputs.goodTargets.map((g) => g.goodId), finishedUnitIds: inputs.rows.map((r) => r.finishedUnitId), recipeIds: inputs.rows.map((r) => r.recipeId) },
      t,
    );
    const payload: PlanPayload = {
      format: PLAN_PAYLOAD_FORMAT,
      event: inputs.event.slug,
      state: inputs.event.plan_state,
      takenAt: t.now(),
      fingerprint: captured.fingerprint,
      targets: {
        goods: inputs.goodTargets.map((g) => ({ good: g.good, displayName: g.displayName, quantity: g.quantity })),
        units: inputs.unitTargets.map((u) => ({ finishedUnit: u.finishedUnit, displayName: u.displayName, quantity: u.quantity })),
      },
      batches: inputs.rows.map((r) => batchRecord(defs, r, agg)),
      ingredients,
      packaging: packaging.records,
      costBaseline: baseline.cost === null ? null : ledgerAmount(baseline.cost),
      goods: goodCosts(db, t, inputs, defs, agg, packaging.groups),
      unknown: baseline.unknown,
      definitions: captured.definitions,
    };
    const snapshotId = request.save ? insertPlanSnapshotRow(db, { eventId: inputs.event.id, takenAt: payload.takenAt, payload }, t) : null;
    return {
      eventId: inputs.event.id,
      snapshotId,
      payload,
      rows: inputs.rows,
      ingredientIds: Object.fromEntries(agg.rows.map((r) => [r.ingredient, r.ingredientId])),
      materialIds: packaging.materialIds,
    };
  });
}
