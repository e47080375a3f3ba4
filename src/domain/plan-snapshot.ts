/**
 * What a saved plan is (a plan_snapshots row's `payload`, docs/design/planning.md):
 * the plan as calculated at `takenAt`, keyed by slug so that it reads the same
 * after an export and re-import, and never changes afterwards. `definitions`
 * is exactly what `captureDefinitions` returned for the plan's recipes,
 * finished units and goods: making reads a recipe's or a good's definition
 * from the event's latest snapshot, staleness diffs against it.
 *
 * Pure, so that every area (making, the snapshot file) can read a payload
 * without depending on the planning services.
 */
import { AppError } from '../errors';
import type { BatchOptions } from './batches';
import type { UnknownPart } from './cost-rollup';
import type { Definitions } from './definitions';
import type { PlanState } from './plan-states';

export const PLAN_PAYLOAD_FORMAT = 1;

export interface PlanGoodTargetRecord {
  good: string;
  displayName: string;
  quantity: number;
}

export interface PlanUnitTargetRecord {
  finishedUnit: string;
  displayName: string;
  quantity: number;
}

/** One line of a recipe's share of the plan: its flattened need, in the plan's unit for the ingredient. */
export interface PlanRecipeIngredientRecord {
  ingredient: string;
  quantity: number;
  unit: string;
  /** At the plan's cost per unit; null when unknown. */
  cost: number | null;
}

export interface PlanBatchRecord {
  recipe: string;
  recipeName: string;
  finishedUnit: string;
  finishedUnitName: string;
  unitsNeeded: number;
  yieldPerBatch: number;
  batches: number;
  /** False while the baker has not decided: the plan bakes the default (ceil). */
  decided: boolean;
  shortfallConfirmed: boolean;
  totalUnits: number;
  waste: number;
  wastePercent: number;
  short: number;
  floor: BatchOptions['floor'];
  ceil: BatchOptions['ceil'];
  /** What these batches use (sub-recipes multiplied through), for planned against actual. */
  ingredients: PlanRecipeIngredientRecord[];
  /** The sum of `ingredients`' costs; null when one is unknown. */
  cost: number | null;
}

export interface PlanIngredientRecord {
  ingredient: string;
  displayName: string;
  quantity: number;
  unit: string;
  /** What FIFO would charge per `unit` at calculation time, else the latest purchase price; null when unknown. */
  costPerUnit: number | null;
  /** Rounded to 4 decimals, as ledger money; null when unknown. */
  cost: number | null;
  /** Why the cost is unknown, with the fix; null when it is known. */
  reason: string | null;
}

export interface PlanPackagingLineRecord {
  materialUnit: string;
  displayName: string;
  /** The assigned material product's slug; null for a generic line. */
  product: string | null;
  /** How many uses of the material unit ("40 bows"). */
  uses: number;
  /** uses x the unit's size, in the material's base measure. */
  quantity: number;
}

export interface PlanPackagingRecord {
  material: string;
  displayName: string;
  /** In the material's base measure (each, cm, cm²). */
  quantity: number;
  unit: string;
  costPerUnit: number | null;
  cost: number | null;
  reason: string | null;
  lines: PlanPackagingLineRecord[];
}

export interface PlanGoodCostRecord {
  good: string;
  displayName: string;
  quantity: number;
  /** One good at the plan's prices: its finished units at batch cost / yield, its packaging; null when unknown. */
  costPerGood: number | null;
  cost: number | null;
}

export interface PlanPayload {
  format: typeof PLAN_PAYLOAD_FORMAT;
  event: string;
  /** The plan's state when the snapshot was taken. */
  state: PlanState;
  takenAt: string;
  fingerprint: string;
  targets: { goods: PlanGoodTargetRecord[]; units: PlanUnitTargetRecord[] };
  batches: PlanBatchRecord[];
  ingredients: PlanIngredientRecord[];
  packaging: PlanPackagingRecord[];
  /** Ingredients and packaging; null when any part is unknown (`unknown` says which). */
  costBaseline: number | null;
  goods: PlanGoodCostRecord[];
  unknown: UnknownPart[];
  definitions: Definitions;
}

/** A stored payload, checked enough to be read safely (a snapshot file may bring one from elsewhere). */
export function parsePlanPayload(text: string): PlanPayload {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('CORRUPT_RECORD', 'A saved plan could not be read: its payload is not JSON.');
  }
  const p = value as Partial<PlanPayload> | null;
  if (!p || typeof p !== 'object' || p.format !== PLAN_PAYLOAD_FORMAT || !Array.isArray(p.batches) || !p.definitions || typeof p.definitions !== 'object') {
    throw new AppError('CORRUPT_RECORD', `A saved plan could not be read: it is not a plan of format ${PLAN_PAYLOAD_FORMAT}.`);
  }
  return p as PlanPayload;
}
