/**
 * An ingredient's own measures (density and weight per each) as stored in
 * four + two nullable columns, and the checks on them. A density is valid only
 * when all four parts are set and positive, with a volume unit on one side and
 * a weight unit on the other.
 */
import { validationError } from '../errors';
import { dimensionOf, parseUnit, unknownUnitError, type ConversionContext, type Density, type EachWeight } from './units';
import { positiveNumber } from './validate';

export interface MeasureColumns {
  name: string;
  density_volume_qty: number | null;
  density_volume_unit: string | null;
  density_weight_qty: number | null;
  density_weight_unit: string | null;
  each_weight_qty: number | null;
  each_weight_unit: string | null;
}

export interface DensityInput {
  volumeQty?: number | null;
  volumeUnit?: string | null;
  weightQty?: number | null;
  weightUnit?: string | null;
}

export interface EachWeightInput {
  qty?: number | null;
  unit?: string | null;
}

export function densityOf(row: MeasureColumns): Density | null {
  const volumeUnit = row.density_volume_unit ? parseUnit(row.density_volume_unit) : undefined;
  const weightUnit = row.density_weight_unit ? parseUnit(row.density_weight_unit) : undefined;
  if (!volumeUnit || !weightUnit || !row.density_volume_qty || !row.density_weight_qty) return null;
  return { volumeQty: row.density_volume_qty, volumeUnit, weightQty: row.density_weight_qty, weightUnit };
}

export function eachWeightOf(row: MeasureColumns): EachWeight | null {
  const unit = row.each_weight_unit ? parseUnit(row.each_weight_unit) : undefined;
  if (!unit || !row.each_weight_qty) return null;
  return { qty: row.each_weight_qty, unit };
}

/** The six measure columns' values, in their order in the table: density (4), then weight per each (2). */
export function measureValues(density: Density | null, eachWeight: EachWeight | null): (number | string | null)[] {
  return [
    density?.volumeQty ?? null,
    density?.volumeUnit ?? null,
    density?.weightQty ?? null,
    density?.weightUnit ?? null,
    eachWeight?.qty ?? null,
    eachWeight?.unit ?? null,
  ];
}

export function conversionContextOf(row: MeasureColumns): ConversionContext {
  return { ingredient: row.name, density: densityOf(row), eachWeight: eachWeightOf(row) };
}

const blank = (v: unknown) => v === undefined || v === null || v === '';

/**
 * Checks a density from a form: all four parts or none. Returns null for
 * "no density"; throws VALIDATION naming the missing or wrong part.
 */
export function checkDensity(input: DensityInput | null | undefined, field = 'density'): Density | null {
  if (!input) return null;
  const parts = [input.volumeQty, input.volumeUnit, input.weightQty, input.weightUnit];
  if (parts.every(blank)) return null;
  const labels = { volumeQty: 'volume amount', volumeUnit: 'volume unit', weightQty: 'weight amount', weightUnit: 'weight unit' };
  for (const key of Object.keys(labels) as (keyof typeof labels)[]) {
    if (blank(input[key])) {
      throw validationError(`${field}.${key}`, `A density needs all four parts: the ${labels[key]} is missing.`);
    }
  }
  for (const key of ['volumeQty', 'weightQty'] as const) {
    positiveNumber(input[key], `${field}.${key}`, `the density's ${labels[key]}`);
  }
  const volumeUnit = parseUnit(String(input.volumeUnit));
  if (!volumeUnit) throw unknownUnitError(String(input.volumeUnit), `${field}.volumeUnit`);
  if (dimensionOf(volumeUnit) !== 'volume') {
    throw validationError(`${field}.volumeUnit`, `The density's volume unit must measure volume (cup, ml, tbsp...), not ${volumeUnit}.`);
  }
  const weightUnit = parseUnit(String(input.weightUnit));
  if (!weightUnit) throw unknownUnitError(String(input.weightUnit), `${field}.weightUnit`);
  if (dimensionOf(weightUnit) !== 'weight') {
    throw validationError(`${field}.weightUnit`, `The density's weight unit must measure weight (g, oz, lb...), not ${weightUnit}.`);
  }
  return { volumeQty: input.volumeQty as number, volumeUnit, weightQty: input.weightQty as number, weightUnit };
}

/** Checks a weight per each: both parts or none, a weight unit, more than zero. */
export function checkEachWeight(input: EachWeightInput | null | undefined, field = 'eachWeight'): EachWeight | null {
  if (!input || (blank(input.qty) && blank(input.unit))) return null;
  if (blank(input.qty)) throw validationError(`${field}.qty`, 'A weight per each needs an amount.');
  if (blank(input.unit)) throw validationError(`${field}.unit`, 'A weight per each needs a unit.');
  const qty = positiveNumber(input.qty, `${field}.qty`, 'the weight per each');
  const unit = parseUnit(String(input.unit));
  if (!unit) throw unknownUnitError(String(input.unit), `${field}.unit`);
  if (dimensionOf(unit) !== 'weight') {
    throw validationError(`${field}.unit`, `The weight per each must be in a weight unit (g, oz...), not ${unit}.`);
  }
  return { qty, unit };
}
