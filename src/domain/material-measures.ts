/**
 * How packaging materials are measured. A material has one base measure:
 * each (boxes, tins, tags), length (ribbon, twine: cm) or area (tissue,
 * wrap: cm²). Its products, units and lots are all in that measure, stored
 * in the base unit (each, cm, cm²), so a 100 ft roll is 3048 cm and
 * "one 18 in bow" is 45.72 cm.
 */
import { validationError } from '../errors';
import { BASE_UNIT, dimensionOf, requireUnit, unitsOf, type Dimension, type Unit } from './units';

export const BASE_MEASURES = ['each', 'length', 'area'] as const;
export type BaseMeasure = (typeof BASE_MEASURES)[number];

const DIMENSION: Record<BaseMeasure, Dimension> = { each: 'count', length: 'length', area: 'area' };

export function measureDimension(measure: BaseMeasure): Dimension {
  return DIMENSION[measure];
}

/** each, cm or cm². */
export function measureBaseUnit(measure: BaseMeasure): Unit {
  return BASE_UNIT[DIMENSION[measure]];
}

export function measureUnits(measure: BaseMeasure): Unit[] {
  return unitsOf(DIMENSION[measure]);
}

export function checkBaseMeasure(value: unknown, field = 'baseMeasure'): BaseMeasure {
  if (typeof value === 'string' && (BASE_MEASURES as readonly string[]).includes(value)) return value as BaseMeasure;
  throw validationError(field, 'A material is measured by the piece (each), by length (ribbon) or by area (wrap).', { value });
}

const MEASURE_WORDS: Record<BaseMeasure, string> = {
  each: 'by the piece (each, dozen)',
  length: 'by length (cm, in, ft, yd, m)',
  area: 'by area (cm², in², ft², m²)',
};

/** A unit the material can be measured in, or a field error saying which units it takes. */
export function checkMaterialUnit(text: unknown, measure: BaseMeasure, material: string, field: string): Unit {
  if (typeof text !== 'string' || text.trim() === '') throw validationError(field, `Choose a unit: ${material} is measured ${MEASURE_WORDS[measure]}.`);
  const unit = requireUnit(text, field);
  if (dimensionOf(unit) !== DIMENSION[measure]) {
    throw validationError(field, `${material} is measured ${MEASURE_WORDS[measure]}, not in ${unit}.`, { unit });
  }
  return unit;
}
