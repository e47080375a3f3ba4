import { describe, expect, it } from 'vitest';
import { samplePackagePrice } from '../../../src/domain/sample-prices';

const OZ = 28.349523125;
const LB = 453.59237;

describe('sample prices', () => {
  it('are shelf prices ending in 9 cents, the same every time, and plausible: a 25 lb bag of flour costs 15-30, a 1 oz jar of allspice 2-6', () => {
    const flour = samplePackagePrice('flour_bread', 'Flours & Starches', 25, 'lb');
    expect(samplePackagePrice('flour_bread', 'Flours & Starches', 25, 'lb')).toBe(flour);
    expect(flour).toBeGreaterThan(15);
    expect(flour).toBeLessThan(30);
    const allspice = samplePackagePrice('allspice_ground', 'Spices & Herbs', 1, 'oz');
    expect(allspice).toBeGreaterThan(2);
    expect(allspice).toBeLessThan(6);
    for (const price of [flour, allspice]) expect(Math.round(price * 100) % 10).toBe(9);
  });

  it('a small package costs more per gram than a big one, and salt far less than spices', () => {
    const perGram = (slug: string, category: string, qty: number, unit: 'oz' | 'lb') => samplePackagePrice(slug, category, qty, unit) / (qty * (unit === 'oz' ? OZ : LB));
    expect(perGram('cinnamon_ground', 'Spices & Herbs', 2, 'oz')).toBeGreaterThan(perGram('cinnamon_ground', 'Spices & Herbs', 2, 'lb'));
    expect(perGram('salt_kosher', 'Spices & Herbs', 3, 'lb') * 10).toBeLessThan(perGram('cinnamon_ground', 'Spices & Herbs', 3, 'lb'));
  });

  it('count and volume packages are priced too: 3 vanilla beans, a 750 ml bottle of rum', () => {
    expect(samplePackagePrice('vanilla_bean', 'Spices & Herbs', 3, 'each')).toBeGreaterThan(samplePackagePrice('vanilla_bean', 'Spices & Herbs', 1, 'each'));
    const rum = samplePackagePrice('rum', 'Liquors', 750, 'ml');
    expect(rum).toBeGreaterThan(10);
    expect(rum).toBeLessThan(60);
  });
});
