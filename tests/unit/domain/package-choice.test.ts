/*
 * Whole packages for what is left to buy: the preferred product, else the
 * cheapest combination of package sizes that covers the amount (ties: fewer
 * packages, then less left over), unpriced products only when nothing has a
 * price. The cheapest-combination search is checked against brute force over
 * random package sets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountToBuy, cheapestCover, choosePackages, packagesToCover, type PackageOption } from '../../../src/domain/package-choice';
import { conversionFactor } from '../../../src/domain/units';

const option = (id: number, size: number, price: number | null, preferred = false): PackageOption => ({ id, size, price, preferred });
const summary = (choice: ReturnType<typeof choosePackages>) => ({
  packages: choice.packages.map((p) => [p.option.id, p.count]),
  cost: choice.cost === null ? null : Number(choice.cost.toFixed(4)),
  leftover: Number(choice.leftover.toFixed(9)),
  rule: choice.rule,
});

describe('what is left to buy', () => {
  it("domain.md's examples: need 6, have 2 -> 4; need 4, have 5 -> nothing; need 300 g, have 200 g -> 100 g", () => {
    expect(amountToBuy(6, 2)).toBe(4);
    expect(amountToBuy(4, 5)).toBe(0);
    expect(amountToBuy(300, 200)).toBe(100);
    // Float noise is nothing to buy: 0.1 + 0.2 on hand covers 0.3.
    expect(amountToBuy(0.3, 0.1 + 0.2)).toBe(0);
  });

  it('whole packages cover an amount, and an amount that fits exactly takes exactly that many', () => {
    expect(packagesToCover(30, 25)).toBe(2);
    expect(packagesToCover(30, 5)).toBe(6);
    expect(packagesToCover(30 * 453.59237, 5 * 453.59237)).toBe(6);
    expect(packagesToCover(0, 5)).toBe(0);
  });
});

describe('choosing packages', () => {
  it('30 lb with a 25 lb bag at 9.49 and a 5 lb bag at 2.49: 25 + 5 for 11.98, not 2 x 25 (18.98) nor 6 x 5 (14.94)', () => {
    const choice = choosePackages(30, [option(1, 25, 9.49), option(2, 5, 2.49)]);
    expect(summary(choice)).toEqual({ packages: [[1, 1], [2, 1]], cost: 11.98, leftover: 0, rule: 'cheapest' });
  });

  it('the same in grams, with the bag sizes converted from pounds: float noise does not buy an extra bag', () => {
    const lb = conversionFactor('lb', 'g');
    const choice = choosePackages(30 * lb, [option(1, 25 * lb, 9.49), option(2, 5 * lb, 2.49)]);
    expect(summary(choice)).toMatchObject({ packages: [[1, 1], [2, 1]], cost: 11.98, leftover: 0 });
  });

  it('the preferred product, when the baker set one, whatever is cheaper: ceil(to buy / size) of it', () => {
    const choice = choosePackages(30, [option(1, 25, 9.49), option(2, 5, 2.49, true)]);
    expect(summary(choice)).toEqual({ packages: [[2, 6]], cost: 14.94, leftover: 0, rule: 'preferred' });
    // Preferred with no price: the packages are chosen, their cost is unknown.
    expect(summary(choosePackages(7, [option(1, 25, 9.49), option(2, 5, null, true)]))).toEqual({ packages: [[2, 2]], cost: null, leftover: 3, rule: 'preferred' });
  });

  it('at an equal cost, fewer packages; at an equal count too, less left over', () => {
    // 10 lb: 2 x 5 at 4.00 or 1 x 10 at 8.00 cost the same; one bag is fewer to carry.
    expect(summary(choosePackages(10, [option(1, 5, 4), option(2, 10, 8)]))).toMatchObject({ packages: [[2, 1]], cost: 8 });
    // 9 lb: one 10 lb or one 12 lb bag, both 5.00: the 10 lb bag leaves less over.
    expect(summary(choosePackages(9, [option(1, 12, 5), option(2, 10, 5)]))).toMatchObject({ packages: [[2, 1]], leftover: 1 });
  });

  it('products never bought are used only when none has a price, and then the fewest packages win', () => {
    expect(summary(choosePackages(30, [option(1, 25, null), option(2, 5, 2.49)]))).toMatchObject({ packages: [[2, 6]], cost: 14.94, rule: 'cheapest' });
    expect(summary(choosePackages(30, [option(1, 25, null), option(2, 5, null)]))).toEqual({ packages: [[1, 1], [2, 1]], cost: null, leftover: 0, rule: 'fewest' });
    expect(summary(choosePackages(46, [option(1, 25, null), option(2, 5, null)]))).toEqual({ packages: [[1, 2]], cost: null, leftover: 4, rule: 'fewest' });
  });

  it('nothing to buy is no packages and costs nothing; no product to buy it by has an unknown cost', () => {
    expect(summary(choosePackages(0, [option(1, 25, 9.49)]))).toEqual({ packages: [], cost: 0, leftover: 0, rule: 'none' });
    expect(summary(choosePackages(3, []))).toEqual({ packages: [], cost: null, leftover: 0, rule: 'none' });
  });
});

/** Every combination of counts up to what covers the need alone, the best by (cost, packages, leftover). */
function bruteForce(need: number, options: { size: number; price: number }[]) {
  let best: { cost: number; packages: number; leftover: number } | null = null;
  const counts = options.map(() => 0);
  const visit = (i: number) => {
    if (i === options.length) {
      const total = counts.reduce((s, c, j) => s + c * options[j]!.size, 0);
      if (total < need * (1 - 1e-9)) return;
      const candidate = { cost: counts.reduce((s, c, j) => s + c * options[j]!.price, 0), packages: counts.reduce((s, c) => s + c, 0), leftover: total - need };
      const better =
        !best ||
        candidate.cost < best.cost - 1e-9 ||
        (Math.abs(candidate.cost - best.cost) <= 1e-9 && (candidate.packages < best.packages || (candidate.packages === best.packages && candidate.leftover < best.leftover - 1e-9)));
      if (better) best = candidate;
      return;
    }
    for (let c = 0; c <= packagesToCover(need, options[i]!.size); c++) {
      counts[i] = c;
      visit(i + 1);
    }
    counts[i] = 0;
  };
  visit(0);
  return best!;
}

describe('the cheapest combination against brute force', () => {
  const sizes = fc.constantFrom(1, 2, 2.5, 3, 4, 5, 7.5, 10, 12, 16, 25, 50);
  const cents = fc.integer({ min: 0, max: 4000 }).map((c) => c / 100);
  // Often the same price per unit across sizes (a 10 lb bag at twice the 5 lb price): the ties the rule breaks.
  const option = fc.oneof(
    fc.record({ size: sizes, price: cents }),
    fc.tuple(sizes, fc.constantFrom(0, 0.5, 1, 1.5)).map(([size, perUnit]) => ({ size, price: size * perUnit })),
  );
  const packageSet = fc.uniqueArray(option, { minLength: 1, maxLength: 4, selector: (o) => o.size });

  it('finds a cover with the least cost, then the fewest packages, then the least left over', () => {
    fc.assert(
      fc.property(packageSet, fc.integer({ min: 1, max: 60 }).map((n) => n / 2), (options, need) => {
        const counts = cheapestCover(need, options);
        const total = counts.reduce((s, c, j) => s + c * options[j]!.size, 0);
        expect(total).toBeGreaterThanOrEqual(need * (1 - 1e-9));
        const mine = { cost: counts.reduce((s, c, j) => s + c * options[j]!.price, 0), packages: counts.reduce((s, c) => s + c, 0), leftover: total - need };
        const best = bruteForce(need, options);
        expect(mine.cost).toBeCloseTo(best.cost, 9);
        expect(mine.packages).toBe(best.packages);
        expect(mine.leftover).toBeCloseTo(best.leftover, 9);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('stays quick when many small packages would do: 100 kg with bags of 1, 2.5, 5 and 25 kg', () => {
    const counts = cheapestCover(100_000, [
      { size: 1000, price: 2 },
      { size: 2500, price: 4.5 },
      { size: 5000, price: 8.5 },
      { size: 25_000, price: 40 },
    ]);
    expect(counts).toEqual([0, 0, 0, 4]);
  });
});
