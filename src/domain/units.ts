/**
 * Units of measure and every conversion the app does. Each unit belongs to a
 * dimension and has a factor to that dimension's base unit (g, ml, each, cm,
 * cm²), so arithmetic works on factors and never compares unit strings.
 * Weight and volume meet only through an ingredient's density; count meets
 * weight (and, through density, volume) only through its weight per each.
 * Every failure is a `UnitConversionError` naming the ingredient and both units.
 */
import { AppError, validationError, type ErrorCode } from '../errors';

export type Dimension = 'weight' | 'volume' | 'count' | 'length' | 'area';

interface UnitDef {
  dimension: Dimension;
  /** How many base units one of this unit is. */
  factor: number;
  label: string;
}

export const UNITS = {
  g: { dimension: 'weight', factor: 1, label: 'gram' },
  kg: { dimension: 'weight', factor: 1000, label: 'kilogram' },
  oz: { dimension: 'weight', factor: 28.349523125, label: 'ounce' },
  lb: { dimension: 'weight', factor: 453.59237, label: 'pound' },
  ml: { dimension: 'volume', factor: 1, label: 'millilitre' },
  l: { dimension: 'volume', factor: 1000, label: 'litre' },
  tsp: { dimension: 'volume', factor: 4.92892159375, label: 'teaspoon' },
  tbsp: { dimension: 'volume', factor: 14.78676478125, label: 'tablespoon' },
  'fl oz': { dimension: 'volume', factor: 29.5735295625, label: 'fluid ounce' },
  cup: { dimension: 'volume', factor: 236.5882365, label: 'cup' },
  pt: { dimension: 'volume', factor: 473.176473, label: 'pint' },
  qt: { dimension: 'volume', factor: 946.352946, label: 'quart' },
  gal: { dimension: 'volume', factor: 3785.411784, label: 'gallon' },
  each: { dimension: 'count', factor: 1, label: 'each' },
  dozen: { dimension: 'count', factor: 12, label: 'dozen' },
  cm: { dimension: 'length', factor: 1, label: 'centimetre' },
  mm: { dimension: 'length', factor: 0.1, label: 'millimetre' },
  in: { dimension: 'length', factor: 2.54, label: 'inch' },
  ft: { dimension: 'length', factor: 30.48, label: 'foot' },
  yd: { dimension: 'length', factor: 91.44, label: 'yard' },
  m: { dimension: 'length', factor: 100, label: 'metre' },
  'cm²': { dimension: 'area', factor: 1, label: 'square centimetre' },
  'in²': { dimension: 'area', factor: 6.4516, label: 'square inch' },
  'ft²': { dimension: 'area', factor: 929.0304, label: 'square foot' },
  'm²': { dimension: 'area', factor: 10000, label: 'square metre' },
} as const satisfies Record<string, UnitDef>;

export type Unit = keyof typeof UNITS;

export const BASE_UNIT = {
  weight: 'g',
  volume: 'ml',
  count: 'each',
  length: 'cm',
  area: 'cm²',
} as const satisfies Record<Dimension, Unit>;

/** Dimensions an ingredient can be measured in (materials use length and area too). */
export const INGREDIENT_DIMENSIONS: readonly Dimension[] = ['weight', 'volume', 'count'];

export const ALL_UNITS = Object.keys(UNITS) as Unit[];

/** Spellings people and other apps use for the same units. */
const ALIASES: Record<string, Unit> = {
  gram: 'g', grams: 'g', gr: 'g',
  kilogram: 'kg', kilograms: 'kg', kgs: 'kg',
  ounce: 'oz', ounces: 'oz',
  pound: 'lb', pounds: 'lb', lbs: 'lb',
  millilitre: 'ml', milliliter: 'ml', millilitres: 'ml', milliliters: 'ml',
  litre: 'l', liter: 'l', litres: 'l', liters: 'l',
  teaspoon: 'tsp', teaspoons: 'tsp',
  tablespoon: 'tbsp', tablespoons: 'tbsp',
  floz: 'fl oz', 'fl. oz': 'fl oz', 'fl. oz.': 'fl oz', fl_oz: 'fl oz', 'fluid ounce': 'fl oz', 'fluid ounces': 'fl oz',
  cups: 'cup', c: 'cup',
  pint: 'pt', pints: 'pt',
  quart: 'qt', quarts: 'qt',
  gallon: 'gal', gallons: 'gal',
  ea: 'each', count: 'each', piece: 'each', pieces: 'each',
  dz: 'dozen', doz: 'dozen',
  inch: 'in', inches: 'in', foot: 'ft', feet: 'ft', yard: 'yd', yards: 'yd',
  metre: 'm', meter: 'm', metres: 'm', meters: 'm',
  cm2: 'cm²', 'sq cm': 'cm²', in2: 'in²', 'sq in': 'in²', ft2: 'ft²', 'sq ft': 'ft²', m2: 'm²', 'sq m': 'm²',
};

/** The canonical unit for a spelling, or undefined when it is not a unit we know. */
export function parseUnit(text: string): Unit | undefined {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (Object.hasOwn(UNITS, key)) return key as Unit;
  // Own keys only: "constructor" or "__proto__" typed into a unit field are not units.
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
}

export function dimensionOf(unit: Unit): Dimension {
  return UNITS[unit].dimension;
}

export function unitsOf(dimension: Dimension): Unit[] {
  return ALL_UNITS.filter((u) => UNITS[u].dimension === dimension);
}

export function toBase(quantity: number, unit: Unit): number {
  return quantity * UNITS[unit].factor;
}

export function fromBase(quantity: number, unit: Unit): number {
  return quantity / UNITS[unit].factor;
}

/** "V vol-unit weighs W weight-unit", e.g. 1 cup weighs 4.25 oz. */
export interface Density {
  volumeQty: number;
  volumeUnit: Unit;
  weightQty: number;
  weightUnit: Unit;
}

/** The weight of one item, e.g. 1 each egg = 50 g. */
export interface EachWeight {
  qty: number;
  unit: Unit;
}

/** What a conversion may use besides the unit tables: the ingredient's own measures. */
export interface ConversionContext {
  /** Display name used in error messages. */
  ingredient?: string;
  density?: Density | null;
  eachWeight?: EachWeight | null;
  /** The form field holding the unit asked for, so a failure can be shown next to it. */
  field?: string;
}

export function gramsPerMl(d: Density): number {
  return toBase(d.weightQty, d.weightUnit) / toBase(d.volumeQty, d.volumeUnit);
}

export function gramsPerEach(e: EachWeight): number {
  return toBase(e.qty, e.unit);
}

export type ConversionNeed = 'density' | 'eachWeight' | 'compatibleUnits';

/** A conversion that cannot be done, naming the ingredient and both units. */
export class UnitConversionError extends AppError {
  readonly ingredient: string | null;
  readonly from: string;
  readonly to: string;

  constructor(code: ErrorCode, message: string, ingredient: string | null, from: string, to: string, needs?: ConversionNeed, field?: string) {
    super(code, message, { ingredient, from, to, ...(needs ? { needs } : {}), ...(field ? { field } : {}) });
    this.name = 'UnitConversionError';
    this.ingredient = ingredient;
    this.from = from;
    this.to = to;
  }
}

export function unknownUnitError(unit: string, field?: string): AppError {
  return new AppError('UNKNOWN_UNIT', `"${unit}" is not a unit Bake Planner knows (try g, oz, lb, cup, tbsp, tsp, ml, each).`, {
    unit,
    ...(field ? { field } : {}),
  });
}

/** Parses a unit or throws UNKNOWN_UNIT naming the field. */
export function requireUnit(text: string, field?: string): Unit {
  const unit = parseUnit(text);
  if (!unit) throw unknownUnitError(text, field);
  return unit;
}

function who(ctx: ConversionContext): string {
  return ctx.ingredient ? ctx.ingredient : 'this ingredient';
}

/**
 * How many base units of `to` one base unit of `from` is, for this ingredient.
 * Weight is the hub: volume reaches it by density, count by weight per each.
 */
export function baseRatio(from: Dimension, to: Dimension, ctx: ConversionContext, fromUnit: string, toUnit: string): number {
  if (from === to) return 1;
  const fail = (code: ErrorCode, message: string, needs: ConversionNeed): never => {
    throw new UnitConversionError(code, message, ctx.ingredient ?? null, fromUnit, toUnit, needs, ctx.field);
  };
  const gramsPer = (dim: Dimension): number => {
    if (dim === 'weight') return 1;
    if (dim === 'volume') {
      return ctx.density
        ? gramsPerMl(ctx.density)
        : fail('MISSING_DENSITY', `Set a density for ${who(ctx)} to convert ${fromUnit} to ${toUnit}.`, 'density');
    }
    return ctx.eachWeight
      ? gramsPerEach(ctx.eachWeight)
      : fail('MISSING_DENSITY', `Set a weight per each for ${who(ctx)} to convert ${fromUnit} to ${toUnit}.`, 'eachWeight');
  };
  if (!INGREDIENT_DIMENSIONS.includes(from) || !INGREDIENT_DIMENSIONS.includes(to)) {
    const forWhom = ctx.ingredient ? ` for ${ctx.ingredient}` : '';
    fail('UNIT_MISMATCH', `${fromUnit} cannot be converted to ${toUnit}${forWhom}: they measure different things.`, 'compatibleUnits');
  }
  return gramsPer(from) / gramsPer(to);
}

/** How many `to` one `from` is, for this ingredient. */
export function conversionFactor(from: Unit, to: Unit, ctx: ConversionContext = {}): number {
  const ratio = baseRatio(UNITS[from].dimension, UNITS[to].dimension, ctx, from, to);
  return (UNITS[from].factor * ratio) / UNITS[to].factor;
}

/** Converts a quantity between any two units the ingredient's measures allow. */
export function convert(quantity: number, from: Unit, to: Unit, ctx: ConversionContext = {}): number {
  if (!Number.isFinite(quantity)) {
    throw validationError('quantity', `The quantity in ${from} must be a number.`, { value: quantity });
  }
  if (from === to) return quantity;
  const base = toBase(quantity, from);
  const ratio = baseRatio(UNITS[from].dimension, UNITS[to].dimension, ctx, from, to);
  return fromBase(base * ratio, to);
}

/** Whether `from` can be converted to `to` with what the ingredient defines. */
export function canConvert(from: Unit, to: Unit, ctx: ConversionContext = {}): boolean {
  try {
    conversionFactor(from, to, ctx);
    return true;
  } catch (e) {
    if (e instanceof UnitConversionError) return false;
    throw e;
  }
}
