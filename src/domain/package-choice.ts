/**
 * Rounding what is left to buy up to whole packages (domain.md, "Shopping
 * list"; docs/design/domain-rules.md): the preferred product when the baker
 * set one (ceil(to buy / size) of it); else the cheapest combination of the
 * products' package sizes that covers the amount, each at its latest price,
 * ties going to fewer packages, then to less left over. Products never
 * bought have no price: they are used only when no product has one, and
 * then the fewest packages win. Example: 30 lb with a 25 lb bag at 9.49 and
 * a 5 lb bag at 2.49 -> 25 + 5 for 11.98 (not 2 x 25 for 18.98, nor 6 x 5
 * for 14.94).
 *
 * Sizes are real numbers in the item's unit (a 25 lb bag for a need in g is
 * 11339.80925), so the search is a branch and bound over package counts
 * rather than a table over amounts; tests check it against brute force.
 */

export interface PackageOption {
  id: number;
  /** How much one package holds, in the item's unit; > 0. */
  size: number;
  /** Price of one package (its latest purchase); null when never bought. */
  price: number | null;
  preferred: boolean;
}

export interface PackageCount<O extends PackageOption = PackageOption> {
  option: O;
  count: number;
  /** count x price; null when the product has no price. */
  cost: number | null;
}

export type PackageRule = 'none' | 'preferred' | 'cheapest' | 'fewest';

export interface PackageChoice<O extends PackageOption = PackageOption> {
  /** Largest package first; empty when nothing is to be bought or no product fits. */
  packages: PackageCount<O>[];
  /** What the packages hold together, in the item's unit. */
  total: number;
  /** total - to buy (never negative). */
  leftover: number;
  /** Sum of the packages' costs; null when one has no price. 0 when nothing is bought. */
  cost: number | null;
  /** How the packages were chosen: the preferred product, the cheapest combination, the fewest (no prices), or none. */
  rule: PackageRule;
}

/** Relative slack for float noise: 25 lb + 5 lb in grams covers 30 lb in grams. */
const COVER_TOLERANCE = 1e-9;
/** Two costs this close are equal (money is rounded to 4 decimals anywhere it is kept). */
const COST_TOLERANCE = 1e-9;

/** Whole packages of `size` to cover `amount`: ceil, but 2.0000000001 is 2. */
export function packagesToCover(amount: number, size: number): number {
  if (amount <= 0) return 0;
  return Math.max(1, Math.ceil(amount / size - COVER_TOLERANCE));
}

interface Candidate {
  counts: number[];
  cost: number;
  packages: number;
  total: number;
}

function better(a: Candidate, b: Candidate | null, need: number): boolean {
  if (!b) return true;
  if (a.cost < b.cost - COST_TOLERANCE) return true;
  if (a.cost > b.cost + COST_TOLERANCE) return false;
  if (a.packages !== b.packages) return a.packages < b.packages;
  return a.total - need < b.total - need - need * COVER_TOLERANCE;
}

/**
 * The counts of each option (by index) that cover `need` at the least cost
 * (`price` per package), then with the fewest packages, then the least left
 * over. `need` > 0; every size > 0 and price >= 0. Branch and bound: options
 * in order of price per unit, each count tried from "covers it alone" down,
 * cut off as soon as even the cheapest price per unit for the rest could not
 * beat the best found (or, at an equal cost, could not use fewer packages).
 */
export function cheapestCover(need: number, options: readonly { size: number; price: number }[]): number[] {
  const n = options.length;
  if (n === 0) return [];
  const order = options.map((_, i) => i).sort((a, b) => {
    const ua = options[a]!.price / options[a]!.size;
    const ub = options[b]!.price / options[b]!.size;
    return ua - ub || options[b]!.size - options[a]!.size || a - b;
  });
  // Cheapest price per unit and largest size among the options from position i on.
  const minUnit = new Array<number>(n + 1).fill(Infinity);
  const maxSize = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    const o = options[order[i]!]!;
    minUnit[i] = Math.min(minUnit[i + 1]!, o.price / o.size);
    maxSize[i] = Math.max(maxSize[i + 1]!, o.size);
  }
  const slack = need * COVER_TOLERANCE;
  const counts = new Array<number>(n).fill(0);
  let best: Candidate | null = null;

  const consider = (cost: number, packages: number, total: number) => {
    const candidate = { counts: [...counts], cost, packages, total };
    if (better(candidate, best, need)) best = candidate;
  };
  /** Why nothing below this point can beat the best found: 'cost', 'packages' (at an equal cost), or null when it might. */
  const hopeless = (cost: number, packages: number, remaining: number, from: number): 'cost' | 'packages' | null => {
    if (!best) return null;
    const rest = Math.max(0, remaining);
    const lowestCost = cost + rest * minUnit[from]!;
    if (lowestCost > best.cost + COST_TOLERANCE) return 'cost';
    if (lowestCost < best.cost - COST_TOLERANCE) return null;
    const fewest = packages + (rest > slack ? Math.ceil(rest / maxSize[from]! - COVER_TOLERANCE) : 0);
    return fewest > best.packages ? 'packages' : null;
  };

  const search = (pos: number, remaining: number, cost: number, packages: number, total: number) => {
    if (remaining <= slack) return consider(cost, packages, total);
    if (pos === n) return;
    const index = order[pos]!;
    const { size, price } = options[index]!;
    const most = packagesToCover(remaining, size);
    if (pos === n - 1) {
      counts[index] = most;
      consider(cost + most * price, packages + most, total + most * size);
      counts[index] = 0;
      return;
    }
    for (let k = most; k >= 0; k--) {
      const left = remaining - k * size;
      const spent = cost + k * price;
      const why = hopeless(spent, packages + k, left, pos + 1);
      // Fewer of this option (the cheapest per unit of those left) only leaves more for dearer ones, so a
      // cost that cannot win now cannot win for any smaller count either. The package bound has no such order.
      if (why === 'cost' && left > slack) break;
      if (why) continue;
      counts[index] = k;
      search(pos + 1, left, spent, packages + k, total + k * size);
    }
    counts[index] = 0;
  };
  search(0, need, 0, 0, 0);
  return (best as Candidate | null)?.counts ?? new Array<number>(n).fill(0);
}

/**
 * The packages to buy for `toBuy` (in the item's unit) among `options` (the
 * ingredient's or material's products that are not hidden, sizes already in
 * the item's unit).
 */
export function choosePackages<O extends PackageOption>(toBuy: number, options: readonly O[]): PackageChoice<O> {
  const none: PackageChoice<O> = { packages: [], total: 0, leftover: 0, cost: toBuy > 0 && options.length === 0 ? null : 0, rule: 'none' };
  if (toBuy <= 0 || options.length === 0) return none;
  const preferred = options.find((o) => o.preferred);
  let counts: [O, number][];
  let rule: PackageRule;
  if (preferred) {
    counts = [[preferred, packagesToCover(toBuy, preferred.size)]];
    rule = 'preferred';
  } else {
    const priced = options.filter((o) => o.price !== null);
    const pool = priced.length > 0 ? priced : options;
    // With no price anywhere every package "costs" 1: the cheapest cover is then the fewest packages.
    const chosen = cheapestCover(toBuy, pool.map((o) => ({ size: o.size, price: priced.length > 0 ? o.price! : 1 })));
    counts = pool.map((o, i) => [o, chosen[i]!] as [O, number]);
    rule = priced.length > 0 ? 'cheapest' : 'fewest';
  }
  const packages = counts
    .filter(([, count]) => count > 0)
    .map(([option, count]) => ({ option, count, cost: option.price === null ? null : count * option.price }))
    .sort((a, b) => b.option.size - a.option.size);
  const total = packages.reduce((sum, p) => sum + p.count * p.option.size, 0);
  const cost = packages.some((p) => p.cost === null) ? null : packages.reduce((sum, p) => sum + p.cost!, 0);
  return { packages, total, leftover: Math.max(0, total - toBuy), cost, rule };
}

/** What is left to buy: need - on hand, never below zero (and float noise is nothing). */
export function amountToBuy(need: number, onHand: number): number {
  const rest = need - onHand;
  return rest > need * COVER_TOLERANCE ? rest : 0;
}
