/**
 * The one production path (domain.md, "Making"; domain-rules.md, "Production
 * and assembly"). `recordProduction` records a bake in one transaction: the
 * recipe definition it baked (its event's plan snapshot's, else the recipe's
 * as it is now), FIFO draws of the flattened lines summed per ingredient,
 * one ledger row per lot drawn with that lot's unit cost, the finished-unit
 * lot it made with its unit cost, the loss, the status and the costs.
 * `checkProduction` is its pre-check: the same plan step, returned instead of
 * recorded, so what the baker is shown is what recording does.
 *
 * Nothing else creates production runs or draws ingredients for production:
 * tests/unit/audit/one-production-path.test.ts fails if a second path appears.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { flattenCapturedRecipe } from '../../domain/captured-recipe';
import { dateOf } from '../../domain/dates';
import type { Definitions } from '../../domain/definitions';
import { plainQuantity, withoutNoise } from '../../domain/format';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { MAX_RUN_BATCHES } from '../../domain/limits';
import { ledgerAmount } from '../../domain/money';
import { sumInOneUnit } from '../../domain/one-unit';
import { costPerUnit, outputUnitCost, expectedYield, isLossCategory, LOSS_CATEGORIES, productionOutcome, type LossCategory, type RunStatus } from '../../domain/production';
import { readableQuantity, type Readable } from '../../domain/readable-unit';
import { namedRef, type NamedRef } from '../../domain/refs';
import { UnitConversionError, type Unit } from '../../domain/units';
import { nameList } from '../../domain/usage-text';
import { optionalText, positiveId, positiveNumber } from '../../domain/validate';
import { yieldPerBatch } from '../../domain/yields';
import { AppError, validationError } from '../../errors';
import { findIngredientBySlug, type IngredientRow } from '../catalog/ingredient-rows';
import { consumeFifo, planFifo } from '../pantry/fifo';
import { listFinishedUnits, type FinishedUnitSummary } from '../recipes/finished-units';
import { loadRecipe, type RecipeRow } from '../recipes/recipe-rows';
import { lotsUnitOf } from './ingredient-units';
import { insertFinishedUnitLotRow, insertProductionConsumptionRow, insertProductionRunRow } from './production-rows';
import { loadEventRef, productionDefinition, type EventRef } from './run-definitions';
import { getProductionRun, type ProductionRunDetail } from './runs';

export interface ProductionInput {
  recipeId: number;
  /** Needed only when the recipe (with its base, for a variant) yields more than one finished unit. */
  finishedUnitId?: number | null;
  batches: number;
  /** Whole units that came out; the expected yield when left out. */
  actualYield?: number | null;
  /** Why some were lost; only with a loss. */
  lossCategory?: LossCategory | null;
  lossNote?: string;
  eventId?: number | null;
  notes?: string;
}

/** The figures each in a unit a baker reads: 7.36 lb rather than 117.76 oz, 3.34 kg rather than 3,340 g. */
export interface ReadableNeed {
  needed: Readable;
  onHand: Readable;
  short: Readable;
}

export interface PlannedDraw {
  lotId: number;
  productName: string;
  purchasedOn: string;
  /** In the ingredient's `unit`. */
  quantity: number;
  /** Per `unit`; null when the lot's cost is unknown. */
  unitCost: number | null;
  /** The ledger amount this draw writes; null when unknown. */
  cost: number | null;
}

export interface IngredientNeed {
  ingredient: { id: number; slug: string; name: string };
  /** Needed, in `unit`: the unit its lots use (else the recipe's). */
  quantity: number;
  unit: Unit;
  /** On hand and missing, in `unit`. */
  onHand: number;
  short: number;
  enough: boolean;
  readable: ReadableNeed;
  draws: PlannedDraw[];
  /** Sum of the draws' ledger amounts; null when a lot drawn has no cost. */
  cost: number | null;
  /** Why it cannot be drawn at all (a unit that does not convert), with the fix; null when it can. */
  problem: string | null;
}

export interface ProductionCheck {
  recipe: NamedRef;
  finishedUnit: NamedRef & { yieldPerBatch: number };
  event: EventRef | null;
  /** The plan snapshot whose recipe definition the bake uses; null: the recipe as it is now. */
  planSnapshotId: number | null;
  batches: number;
  expected: number;
  actual: number;
  loss: number;
  status: RunStatus;
  lossCategory: LossCategory | null;
  lossNote: string;
  /** One per ingredient of the flattened recipe, sub-recipes included, in recipe order. */
  ingredients: IngredientNeed[];
  /** Every ingredient can be drawn and there is enough of each. */
  ready: boolean;
  /** Why it cannot be recorded, in the words the refusal uses; null when ready. */
  notReadyBecause: string | null;
  /** What recording would cost (sum of the draws); partial when `costComplete` is false. */
  cost: number;
  costComplete: boolean;
  costPerUnit: number;
}

interface ProductionPlan {
  check: ProductionCheck;
  definitions: Definitions;
  recipeSlug: string;
  unitSlug: string;
}

/** The finished units a recipe can make: its own and, for a variant, its base recipe's (domain-rules, "Variants"). */
function finishedUnitChoices(db: Database, tx: Tx, recipe: RecipeRow): FinishedUnitSummary[] {
  const family = recipe.base_recipe_id === null ? [recipe.id] : [recipe.id, recipe.base_recipe_id];
  return family.flatMap((recipeId) => listFinishedUnits(db, { recipeId }, tx));
}

function chooseFinishedUnit(db: Database, tx: Tx, recipe: RecipeRow, finishedUnitId: number | null | undefined): FinishedUnitSummary {
  const choices = finishedUnitChoices(db, tx, recipe);
  const listed = choices.map((u) => ({ id: u.id, slug: u.slug, name: u.name }));
  if (finishedUnitId == null) {
    if (choices.length === 1) return choices[0]!;
    if (choices.length === 0) {
      throw validationError('finishedUnitId', `${recipe.name} yields no finished unit yet: add one (say, 48 cookies a batch) to the recipe first.`, { choices: listed });
    }
    throw validationError('finishedUnitId', `${recipe.name} yields ${nameList(choices.map((u) => u.name), choices.length)}: choose which one this bake makes.`, { choices: listed });
  }
  const id = positiveId(finishedUnitId, 'finishedUnitId', 'finished unit');
  const chosen = choices.find((u) => u.id === id);
  if (!chosen) {
    // Name the unit asked for, so the baker sees which one is wrong (a cake slice asked of the cookie recipe).
    const asked = tx.get<{ name: string }>('SELECT name FROM finished_units WHERE id = ?', [id])?.name;
    const what = asked === undefined ? 'that finished unit' : asked;
    throw validationError('finishedUnitId', `${recipe.name} does not make ${what} (or it is archived); choose one of ${nameList(choices.map((u) => u.name), choices.length)}.`, {
      choices: listed,
    });
  }
  return chosen;
}

function readableNeed(quantity: number, onHand: number, short: number, unit: Unit): ReadableNeed {
  return { needed: readableQuantity(quantity, unit), onHand: readableQuantity(onHand, unit), short: readableQuantity(short, unit) };
}

/** One ingredient's need, summed in its one unit and planned FIFO, or the conversion that stops it. */
function planIngredient(db: Database, tx: Tx, ingredient: IngredientRow, lines: { quantity: number; unit: Unit }[]): IngredientNeed {
  const ref = { id: ingredient.id, slug: ingredient.slug, name: ingredient.name };
  const cannot = (problem: UnitConversionError, quantity: number, unit: Unit): IngredientNeed => ({
    ingredient: ref,
    quantity,
    unit,
    onHand: 0,
    short: quantity,
    enough: false,
    readable: readableNeed(quantity, 0, quantity, unit),
    draws: [],
    cost: null,
    problem: problem.message,
  });
  const sum = sumInOneUnit(lines, lotsUnitOf(db, { id: ingredient.id }, tx), conversionContextOf(ingredient));
  if (!sum.ok) {
    const first = lines[0]!;
    return cannot(sum.problem, lines.filter((l) => l.unit === first.unit).reduce((s, l) => s + l.quantity, 0), first.unit);
  }
  try {
    const fifo = planFifo(db, { ingredientId: ingredient.id, quantity: sum.quantity, unit: sum.unit }, tx);
    const draws = fifo.draws.map((d) => ({ lotId: d.lotId, productName: d.productName, purchasedOn: d.purchasedOn, quantity: d.quantity, unitCost: d.unitCost, cost: d.cost }));
    return {
      ingredient: ref,
      quantity: sum.quantity,
      unit: sum.unit,
      onHand: fifo.available,
      short: fifo.shortfall,
      enough: fifo.enough,
      readable: readableNeed(sum.quantity, fifo.available, fifo.shortfall, sum.unit),
      draws,
      cost: fifo.costComplete ? fifo.totalCost : null,
      problem: null,
    };
  } catch (e) {
    // Lots bought by the pound cannot give cups without a density: say so in the lots' unit, as the baker bought it.
    if (e instanceof UnitConversionError) return cannot(sum.passedOver ?? e, sum.quantity, sum.unit);
    throw e;
  }
}

/** The plan step both the pre-check and the recording run: every check, then the draws FIFO would make. Writes nothing. */
function planProduction(db: Database, tx: Tx, input: ProductionInput): ProductionPlan {
  const recipe = loadRecipe(db, positiveId(input.recipeId, 'recipeId', 'recipe'), tx);
  if (recipe.archived === 1) throw validationError('recipeId', `${recipe.name} is archived: restore it before baking it.`);
  const unit = chooseFinishedUnit(db, tx, recipe, input.finishedUnitId);
  const batches = positiveNumber(input.batches, 'batches', 'batches', MAX_RUN_BATCHES);
  const event = loadEventRef(db, input.eventId, tx);
  const { definitions, planSnapshotId } = productionDefinition(db, { eventId: event?.id ?? null, recipeId: recipe.id, finishedUnitId: unit.id }, tx);
  const unitRecord = definitions.finishedUnits[unit.slug]!;
  const yieldDefinition = { mode: unitRecord.yieldMode, itemsPerBatch: unitRecord.itemsPerBatch, portionPercent: unitRecord.portionPercent };
  const expected = expectedYield(yieldDefinition, batches);
  if (expected < 1) {
    throw validationError('batches', `${plainQuantity(batches, batches === 1 ? 'batch' : 'batches')} of ${recipe.name} makes no whole ${unit.name}: bake more.`, { expected });
  }
  const outcome = productionOutcome(expected, input.actualYield);
  const lossCategory = input.lossCategory ?? null;
  if (lossCategory !== null && !isLossCategory(lossCategory)) {
    throw validationError('lossCategory', `Say why some were lost: one of ${LOSS_CATEGORIES.join(', ')}.`, { value: lossCategory, choices: LOSS_CATEGORIES });
  }
  if (lossCategory !== null && outcome.loss === 0) {
    throw validationError('lossCategory', 'Nothing was lost in this bake, so it has no loss reason.', { value: lossCategory });
  }
  const lossNote = optionalText(input.lossNote ?? '', 'lossNote', 'the loss note');
  if (lossNote !== '' && outcome.loss === 0) throw validationError('lossNote', 'Nothing was lost in this bake, so it has no loss note.');

  // Lines of one ingredient (from any level) are added up before FIFO, so each lot is drawn once.
  const byIngredient = new Map<string, { quantity: number; unit: Unit }[]>();
  for (const line of flattenCapturedRecipe(definitions, recipe.slug, batches)) {
    byIngredient.set(line.ingredient, [...(byIngredient.get(line.ingredient) ?? []), { quantity: line.quantity, unit: line.unit }]);
  }
  const ingredients = [...byIngredient].map(([slug, lines]) => {
    const row = findIngredientBySlug(db, slug, tx);
    if (!row) throw new AppError('NOT_FOUND', `${recipe.name} uses the ingredient ${slug}, which no longer exists.`, { ingredient: slug });
    return planIngredient(db, tx, row, lines);
  });
  const cost = ledgerAmount(ingredients.reduce((sum, i) => sum + i.draws.reduce((s, d) => s + (d.cost ?? 0), 0), 0));
  const check: ProductionCheck = {
    recipe: namedRef(recipe),
    finishedUnit: { id: unit.id, slug: unit.slug, name: unit.name, archived: false, yieldPerBatch: yieldPerBatch(yieldDefinition) },
    event,
    planSnapshotId,
    batches,
    ...outcome,
    lossCategory,
    lossNote,
    ingredients,
    ready: ingredients.every((i) => i.enough && i.problem === null),
    notReadyBecause: null,
    cost,
    costComplete: ingredients.every((i) => i.cost !== null && i.enough),
    costPerUnit: costPerUnit(cost, outcome.actual),
  };
  if (!check.ready) check.notReadyBecause = notReady(check).message;
  return { check, definitions, recipeSlug: recipe.slug, unitSlug: unit.slug };
}

/** The pre-check: the bake as recording it would go (needed, on hand and short per ingredient), writing nothing. */
export function checkProduction(db: Database, input: ProductionInput, tx?: Tx): ProductionCheck {
  return withTransaction(db, tx, (t) => planProduction(db, t, input).check);
}

/** The refusal for a plan that cannot be recorded: a unit that does not convert, else every shortage with its figures. */
function notReady(check: ProductionCheck): AppError {
  const blocked = check.ingredients.find((i) => i.problem !== null);
  if (blocked) {
    return new AppError('MISSING_DENSITY', `Cannot bake ${check.recipe.name}: ${blocked.problem}`, {
      field: 'batches',
      ingredient: blocked.ingredient.slug,
      ingredientId: blocked.ingredient.id,
    });
  }
  const short = check.ingredients.filter((i) => !i.enough);
  const said = short.map((i) => {
    const said = (r: Readable) => plainQuantity(r.quantity, r.unit);
    return `${i.ingredient.name}: ${said(i.readable.needed)} needed, ${said(i.readable.onHand)} on hand (short ${said(i.readable.short)})`;
  });
  const batches = plainQuantity(check.batches, check.batches === 1 ? 'batch' : 'batches');
  return new AppError('INSUFFICIENT_STOCK', `Not enough for ${batches} of ${check.recipe.name}. ${said.join('; ')}.`, {
    field: 'batches',
    shortages: short.map((i) => ({ ingredient: i.ingredient.slug, ingredientId: i.ingredient.id, needed: withoutNoise(i.quantity), available: withoutNoise(i.onHand), missing: withoutNoise(i.short), unit: i.unit })),
  });
}

/** Records a bake (see the module comment); refused with nothing changed when an ingredient is short or cannot be drawn. */
export function recordProduction(db: Database, input: ProductionInput, tx?: Tx): ProductionRunDetail {
  return withTransaction(db, tx, (t) => {
    const { check, definitions, recipeSlug, unitSlug } = planProduction(db, t, input);
    if (!check.ready) throw notReady(check);
    const notes = optionalText(input.notes ?? '', 'notes');
    const ledger = check.ingredients.flatMap((need) =>
      consumeFifo(db, { ingredientId: need.ingredient.id, quantity: need.quantity, unit: need.unit }, t).draws.map((d) => ({
        ingredientId: need.ingredient.id,
        lotId: d.lotId,
        quantity: d.lotQuantity,
        unitCost: d.lotUnitCost,
        cost: d.cost,
      })),
    );
    const total = ledgerAmount(ledger.reduce((sum, row) => sum + (row.cost ?? 0), 0));
    const perUnit = costPerUnit(total, check.actual);
    const madeOn = dateOf(t.now());
    const runId = insertProductionRunRow(
      db,
      {
        recipeId: check.recipe.id,
        finishedUnitId: check.finishedUnit.id,
        eventId: check.event?.id ?? null,
        planSnapshotId: check.planSnapshotId,
        producedOn: madeOn,
        batches: check.batches,
        expectedYield: check.expected,
        actualYield: check.actual,
        lossQuantity: check.loss,
        lossCategory: check.lossCategory,
        lossNote: check.lossNote,
        status: check.status,
        recipeSnapshot: JSON.stringify({ recipe: recipeSlug, finishedUnit: unitSlug, definitions }),
        totalCost: total,
        costPerUnit: perUnit,
        costComplete: ledger.every((row) => row.cost !== null),
        notes,
      },
      t,
    );
    for (const row of ledger) insertProductionConsumptionRow(db, { productionRunId: runId, ...row }, t);
    insertFinishedUnitLotRow(db, { finishedUnitId: check.finishedUnit.id, productionRunId: runId, madeOn, count: check.actual, unitCost: outputUnitCost(total, check.actual) }, t);
    return getProductionRun(db, runId, t);
  });
}
