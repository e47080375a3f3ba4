/**
 * "Can we box it?" (domain.md, "Feasibility"; docs/design/domain-rules.md):
 * how many of a finished good can be assembled now from finished stock, and
 * why not more. Each composition line of the good allows floor(stock / line
 * quantity) goods, where stock is the finished units' lots, a nested good's
 * own lots (never its parts), or a material's lots in uses of the line's
 * material unit; the good allows the least of its lines, capped at the
 * target. Example: a bag of 6 cookies + 3 brownies, target 50: with 300 and
 * 150 in stock, 50 (can assemble); with 300 and 120, 40 (partial); with none,
 * 0 (awaiting production).
 */

export const FEASIBILITY_STATUSES = ['can_assemble', 'partial', 'awaiting_production', 'cannot_assemble'] as const;
export type FeasibilityStatus = (typeof FEASIBILITY_STATUSES)[number];

export const FEASIBILITY_STATUS_LABELS: Readonly<Record<FeasibilityStatus, string>> = {
  can_assemble: 'Can assemble',
  partial: 'Partly',
  awaiting_production: 'Awaiting baking',
  cannot_assemble: 'Cannot assemble',
};

/** A whole count this close below an integer is that integer (3 x 0.1 m of ribbon is 0.3 m). */
const WHOLE_TOLERANCE = 1e-9;

export interface LineSupply {
  /** How much of the component one good takes (finished units, goods, or uses of a material unit). */
  perGood: number;
  /** How much of it is on hand, in the same measure. */
  stock: number;
}

/** How many goods one line's stock allows: floor(stock / per good). */
export function goodsFromLine(line: LineSupply): number {
  if (line.perGood <= 0) return Infinity;
  return Math.max(0, Math.floor(line.stock / line.perGood + WHOLE_TOLERANCE));
}

/** The least of the lines, capped at the target (a good with no lines allows none). */
export function canAssemble(lines: readonly LineSupply[], target: number): number {
  if (lines.length === 0 || target <= 0) return 0;
  return Math.min(target, ...lines.map(goodsFromLine));
}

/**
 * can_assemble: the whole target; partial: some; awaiting_production: none,
 * and a finished unit it needs has no stock at all (baking is what is
 * missing); cannot_assemble: none, for another reason (too few of what is in
 * stock, packaging, a nested good).
 */
export function feasibilityStatus(count: number, target: number, waitsForBaking: boolean): FeasibilityStatus {
  if (count >= target) return 'can_assemble';
  if (count > 0) return 'partial';
  return waitsForBaking ? 'awaiting_production' : 'cannot_assemble';
}
