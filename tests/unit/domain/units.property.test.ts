import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_UNITS, INGREDIENT_DIMENSIONS, convert, dimensionOf, unitsOf, type ConversionContext, type Unit } from '../../../src/domain/units';

const ingredientUnits = INGREDIENT_DIMENSIONS.flatMap(unitsOf);
const positive = fc.double({ min: 1e-3, max: 1e6, noNaN: true, noDefaultInfinity: true });

/** Any ingredient with a density and a weight per each, so every ingredient unit reaches every other. */
const measuredIngredient = fc.record({
  volumeQty: positive,
  volumeUnit: fc.constantFrom(...unitsOf('volume')),
  weightQty: positive,
  weightUnit: fc.constantFrom(...unitsOf('weight')),
  eachQty: positive,
  eachUnit: fc.constantFrom(...unitsOf('weight')),
}).map(
  (d): ConversionContext => ({
    ingredient: 'Anything',
    density: { volumeQty: d.volumeQty, volumeUnit: d.volumeUnit, weightQty: d.weightQty, weightUnit: d.weightUnit },
    eachWeight: { qty: d.eachQty, unit: d.eachUnit },
  }),
);

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

describe('units: properties', () => {
  it('converting there and back returns the value, for any two ingredient units and any density', () => {
    fc.assert(
      fc.property(positive, fc.constantFrom(...ingredientUnits), fc.constantFrom(...ingredientUnits), measuredIngredient, (q, a, b, ctx) => {
        expect(close(convert(convert(q, a, b, ctx), b, a, ctx), q)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('going through a third unit gives the same as converting directly', () => {
    fc.assert(
      fc.property(positive, fc.constantFrom(...ingredientUnits), fc.constantFrom(...ingredientUnits), fc.constantFrom(...ingredientUnits), measuredIngredient, (q, a, b, c, ctx) => {
        expect(close(convert(convert(q, a, b, ctx), b, c, ctx), convert(q, a, c, ctx))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('within one dimension no density is needed and there and back is exact to 1e-12', () => {
    const sameDimension = fc
      .constantFrom(...ALL_UNITS)
      .chain((a) => fc.tuple(fc.constant(a), fc.constantFrom(...ALL_UNITS.filter((u: Unit) => dimensionOf(u) === dimensionOf(a)))));
    fc.assert(
      fc.property(positive, sameDimension, (q, [a, b]) => {
        expect(Math.abs(convert(convert(q, a, b), b, a) - q)).toBeLessThanOrEqual(1e-12 * q);
      }),
    );
  });
});
