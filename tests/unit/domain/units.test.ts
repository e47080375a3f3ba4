import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors';
import {
  ALL_UNITS,
  UnitConversionError,
  canConvert,
  convert,
  dimensionOf,
  parseUnit,
  requireUnit,
  toBase,
  type ConversionContext,
  type Dimension,
  type Unit,
} from '../../../src/domain/units';

function conversionError(fn: () => unknown): UnitConversionError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UnitConversionError);
    return e as UnitConversionError;
  }
  throw new Error('expected the conversion to fail');
}

describe('units: the tables of domain.md', () => {
  it('every unit is exactly the factor domain.md gives, in the dimension it gives, and there are no others', () => {
    // Copied from domain.md "Units", not from the code: a mistyped factor fails here.
    const table: [Unit, Dimension, number][] = [
      ['g', 'weight', 1], ['kg', 'weight', 1000], ['oz', 'weight', 28.349523125], ['lb', 'weight', 453.59237],
      ['ml', 'volume', 1], ['l', 'volume', 1000], ['tsp', 'volume', 4.92892159375], ['tbsp', 'volume', 14.78676478125],
      ['fl oz', 'volume', 29.5735295625], ['cup', 'volume', 236.5882365], ['pt', 'volume', 473.176473],
      ['qt', 'volume', 946.352946], ['gal', 'volume', 3785.411784],
      ['each', 'count', 1], ['dozen', 'count', 12],
      ['cm', 'length', 1], ['mm', 'length', 0.1], ['in', 'length', 2.54], ['ft', 'length', 30.48], ['yd', 'length', 91.44], ['m', 'length', 100],
      ['cm²', 'area', 1], ['in²', 'area', 6.4516], ['ft²', 'area', 929.0304], ['m²', 'area', 10000],
    ];
    for (const [unit, dimension, factor] of table) {
      expect([dimensionOf(unit), toBase(1, unit)], unit).toEqual([dimension, factor]);
    }
    expect([...ALL_UNITS].sort()).toEqual(table.map(([u]) => u).sort());
  });

  it('a pound is 16 ounces, and 453.59237 g', () => {
    expect(convert(1, 'lb', 'oz')).toBeCloseTo(16, 12);
    expect(convert(1, 'lb', 'g')).toBe(453.59237);
    expect(convert(1, 'kg', 'g')).toBe(1000);
    expect(convert(1, 'oz', 'g')).toBe(28.349523125);
  });

  it('kitchen volumes nest the way a baker expects: 3 tsp = 1 tbsp, 16 tbsp = 1 cup, 2 cup = 1 pt, 2 pt = 1 qt, 4 qt = 1 gal', () => {
    expect(convert(3, 'tsp', 'tbsp')).toBeCloseTo(1, 12);
    expect(convert(16, 'tbsp', 'cup')).toBeCloseTo(1, 12);
    expect(convert(2, 'cup', 'pt')).toBeCloseTo(1, 12);
    expect(convert(2, 'pt', 'qt')).toBeCloseTo(1, 12);
    expect(convert(4, 'qt', 'gal')).toBeCloseTo(1, 12);
    expect(convert(2, 'tbsp', 'fl oz')).toBeCloseTo(1, 12);
    expect(convert(1, 'l', 'ml')).toBe(1000);
    expect(convert(1, 'cup', 'ml')).toBe(236.5882365);
  });

  it('a dozen eggs is 12 each', () => {
    expect(convert(2, 'dozen', 'each')).toBe(24);
  });

  it('ribbon and boxes: 1 ft = 12 in = 30.48 cm, 1 yd = 3 ft, 1 m = 1000 mm, 1 ft² = 144 in², 1 m² = 10000 cm²', () => {
    expect(convert(1, 'ft', 'in')).toBeCloseTo(12, 12);
    expect(convert(1, 'yd', 'ft')).toBeCloseTo(3, 12);
    expect(convert(1, 'm', 'mm')).toBeCloseTo(1000, 9);
    expect(convert(1, 'ft²', 'in²')).toBeCloseTo(144, 9);
    expect(convert(1, 'm²', 'cm²')).toBe(10000);
    expect(convert(100, 'ft', 'cm')).toBeCloseTo(3048, 9);
  });
});

describe('units: weight and volume meet only through density', () => {
  const sugar: ConversionContext = { ingredient: 'Sugar', density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 120, weightUnit: 'g' } };

  it('with 1 cup = 120 g, 1 cup is 120 g and 240 g is 2 cups', () => {
    expect(convert(1, 'cup', 'g', sugar)).toBeCloseTo(120, 10);
    expect(convert(240, 'g', 'cup', sugar)).toBeCloseTo(2, 12);
  });

  it('the same density reaches every other unit: 1 tbsp of that sugar is 7.5 g, 1 lb of it is 3.78 cups', () => {
    expect(convert(1, 'tbsp', 'g', sugar)).toBeCloseTo(7.5, 10);
    expect(convert(1, 'lb', 'cup', sugar)).toBeCloseTo(453.59237 / 120, 10);
  });

  it('the flour of the domain example: 1 cup = 4 oz, so 48 cups are 12 lb', () => {
    const flour: ConversionContext = { ingredient: 'Flour', density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 4, weightUnit: 'oz' } };
    expect(convert(48, 'cup', 'lb', flour)).toBeCloseTo(12, 12);
  });

  it('without a density, cups of brown sugar cannot become grams, and the error names the ingredient and both units', () => {
    const err = conversionError(() => convert(1, 'cup', 'g', { ingredient: 'Brown sugar' }));
    expect(err.code).toBe('MISSING_DENSITY');
    expect(err.message).toBe('Set a density for Brown sugar to convert cup to g.');
    expect(err).toMatchObject({ ingredient: 'Brown sugar', from: 'cup', to: 'g' });
    expect(err.details).toMatchObject({ ingredient: 'Brown sugar', from: 'cup', to: 'g', needs: 'density' });
  });

  it('the other direction fails the same way: grams of brown sugar cannot become cups', () => {
    const err = conversionError(() => convert(100, 'g', 'cup', { ingredient: 'Brown sugar' }));
    expect(err.message).toBe('Set a density for Brown sugar to convert g to cup.');
  });
});

describe('units: count meets weight only through a weight per each', () => {
  const eggs: ConversionContext = { ingredient: 'Eggs', eachWeight: { qty: 50, unit: 'g' } };

  it('with 1 egg = 50 g, 2 eggs weigh 100 g and a dozen weighs 600 g', () => {
    expect(convert(2, 'each', 'g', eggs)).toBe(100);
    expect(convert(1, 'dozen', 'g', eggs)).toBe(600);
    expect(convert(150, 'g', 'each', eggs)).toBe(3);
  });

  it('eggs with a density too can be measured in cups: 50 g each, 1 cup = 243 g, so 4.86 eggs fill a cup', () => {
    const measured: ConversionContext = { ...eggs, density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 243, weightUnit: 'g' } };
    expect(convert(1, 'cup', 'each', measured)).toBeCloseTo(4.86, 10);
  });

  it('without a weight per each, eggs never become grams; the error names eggs, each and g', () => {
    const err = conversionError(() => convert(2, 'each', 'g', { ingredient: 'Eggs' }));
    expect(err.code).toBe('MISSING_DENSITY');
    expect(err.message).toBe('Set a weight per each for Eggs to convert each to g.');
    expect(err.details).toMatchObject({ needs: 'eachWeight' });
  });

  it('a conversion error names the form field holding the unit when the caller says which it is', () => {
    const err = conversionError(() => convert(2, 'cup', 'g', { ingredient: 'Brown sugar', field: 'unit' }));
    expect(err.details).toEqual({ ingredient: 'Brown sugar', from: 'cup', to: 'g', needs: 'density', field: 'unit' });
  });

  it('a quantity that is not a number (NaN, Infinity, an empty form field) is refused naming the quantity, not turned into NaN grams', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '' as unknown as number]) {
      let err: unknown;
      try {
        convert(bad, 'lb', 'g');
      } catch (e) {
        err = e;
      }
      expect(err, String(bad)).toBeInstanceOf(AppError);
      expect([(err as AppError).code, (err as AppError).details.field]).toEqual(['VALIDATION', 'quantity']);
    }
  });

  it('packaging measures never become ingredient measures: cm of flour is a mismatch naming both units', () => {
    const err = conversionError(() => convert(10, 'cm', 'g', { ingredient: 'Flour' }));
    expect(err.code).toBe('UNIT_MISMATCH');
    expect(err.message).toContain('cm cannot be converted to g for Flour');
    expect(canConvert('in', 'cm')).toBe(true);
    expect(canConvert('in', 'cm²')).toBe(false);
  });
});

describe('units: reading unit names', () => {
  it('common spellings are understood: "lbs", "Cups", "fl. oz", "Tablespoons", "sq in"', () => {
    const read: [string, Unit][] = [['lbs', 'lb'], ['Cups', 'cup'], ['fl. oz', 'fl oz'], ['Tablespoons', 'tbsp'], ['sq in', 'in²'], [' G ', 'g'], ['fl  oz', 'fl oz']];
    for (const [text, unit] of read) expect(parseUnit(text)).toBe(unit);
  });

  it('a bushel is not a unit: the error says so and names the field', () => {
    expect(parseUnit('bushel')).toBeUndefined();
    let err: unknown;
    try {
      requireUnit('bushel', 'packageUnit');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UNKNOWN_UNIT');
    expect((err as AppError).details).toEqual({ unit: 'bushel', field: 'packageUnit' });
  });

  it('"constructor" and "__proto__" typed into a unit field are unknown units, not a crash', () => {
    for (const text of ['constructor', '__proto__', 'toString', 'hasOwnProperty', '']) {
      expect(parseUnit(text), text).toBeUndefined();
      let err: unknown;
      try {
        requireUnit(text, 'unit');
      } catch (e) {
        err = e;
      }
      expect((err as AppError).code, text).toBe('UNKNOWN_UNIT');
      expect((err as AppError).details.field).toBe('unit');
    }
  });

  it('every unit knows its dimension', () => {
    expect(dimensionOf('fl oz')).toBe('volume');
    expect(dimensionOf('oz')).toBe('weight');
    expect(dimensionOf('dozen')).toBe('count');
    expect(dimensionOf('yd')).toBe('length');
    expect(dimensionOf('ft²')).toBe('area');
  });
});
