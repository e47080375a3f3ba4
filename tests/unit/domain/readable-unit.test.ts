import { describe, expect, it } from 'vitest';
import { readableQuantity } from '../../../src/domain/readable-unit';

const r = (q: number, u: Parameters<typeof readableQuantity>[1]) => {
  const out = readableQuantity(q, u);
  return [Number(out.quantity.toFixed(4)), out.unit];
};

describe('a readable unit for a quantity', () => {
  it('1,073.176 ml of vanilla reads as 1.0732 l; 999 ml stays ml; 2,500 g of flour is 2.5 kg', () => {
    expect(r(1073.176, 'ml')).toEqual([1.0732, 'l']);
    expect(r(999, 'ml')).toEqual([999, 'ml']);
    expect(r(2500, 'g')).toEqual([2.5, 'kg']);
  });

  it('117.822 oz of sugar is 7.3639 lb, but 16 oz stays 16 oz (lb from 32 oz); 1.5 lb stays, 0.5 lb becomes 8 oz', () => {
    expect(r(117.822, 'oz')).toEqual([7.3639, 'lb']);
    expect(r(16, 'oz')).toEqual([16, 'oz']);
    expect(r(32, 'oz')).toEqual([2, 'lb']);
    expect(r(1.5, 'lb')).toEqual([1.5, 'lb']);
    expect(r(0.5, 'lb')).toEqual([8, 'oz']);
  });

  it('stays in its system: 12 tsp is 4 tbsp, 48 tsp is 1 cup, 0.5 kg is 500 g (never oz), 64 fl oz is 2 qt, 16 fl oz stays', () => {
    expect(r(12, 'tsp')).toEqual([4, 'tbsp']);
    expect(r(48, 'tsp')).toEqual([1, 'cup']);
    expect(r(0.5, 'kg')).toEqual([500, 'g']);
    expect(r(64, 'fl oz')).toEqual([2, 'qt']);
    expect(r(16, 'fl oz')).toEqual([16, 'fl oz']);
  });

  it('counts stay as given (30 eggs are 30 each); 0.5 dozen is 6 each; negative amounts keep their sign (-1,500 g is -1.5 kg)', () => {
    expect(r(30, 'each')).toEqual([30, 'each']);
    expect(r(0.5, 'dozen')).toEqual([6, 'each']);
    expect(r(-1500, 'g')).toEqual([-1.5, 'kg']);
  });
});
