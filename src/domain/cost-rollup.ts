/**
 * Cost roll-ups with unknowns kept: a recipe costs the sum of its
 * ingredient lines and its sub-recipes (their batches multiplied through); a
 * finished good costs the sum of its lines (finished units, nested goods,
 * packaging), nested goods rolled up the same way. A cost that cannot be
 * known (no price, no density) is never counted as 0: any sum with an
 * unknown part is unknown and lists the parts and why
 * (docs/design/domain-rules.md, "Costs now").
 *
 * Pure: the caller prices one line at a time (services/pricing), and the
 * same prices are used at every level, so each node is exactly the sum of
 * its parts and the top equals the flattened (or exploded) lines priced one
 * by one.
 */
import type { CompositionLine, GoodDefinition } from './explosion';
import type { RecipeDefinition } from './recipe-flatten';
import type { Unit } from './units';

export interface UnknownPart {
  /** What could not be priced, as a baker names it ("Brown sugar", "Ribbon"). */
  item: string;
  reason: string;
}

export interface Priced {
  /** Null when some part is unknown. */
  cost: number | null;
  /** Empty when the cost is known. */
  unknown: UnknownPart[];
}

export const knownCost = (cost: number): Priced => ({ cost, unknown: [] });
export const unknownCost = (item: string, reason: string): Priced => ({ cost: null, unknown: [{ item, reason }] });

/** The sum of the parts; unknown (listing every unknown part once) when any part is. */
export function sumCosts(parts: readonly Priced[]): Priced {
  const unknown: UnknownPart[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const p of parts) {
    for (const u of p.unknown) {
      const key = `${u.item}\u0000${u.reason}`;
      if (!seen.has(key)) unknown.push(u);
      seen.add(key);
    }
    if (p.cost !== null) total += p.cost;
  }
  return unknown.length > 0 ? { cost: null, unknown } : { cost: total, unknown: [] };
}

export function scaleCost(p: Priced, times: number): Priced {
  return p.cost === null ? p : { cost: p.cost * times, unknown: [] };
}

// Recipes ------------------------------------------------------------------------

export interface RecipeLineCost extends Priced {
  lineIndex: number;
  ingredientId: number;
  /** The line's quantity for this node's batches. */
  quantity: number;
  unit: Unit;
}

export interface RecipeCostNode extends Priced {
  recipeId: number;
  /** Batches of this recipe: the root's batches x every multiplier on the way down. */
  batches: number;
  /** The multiplier of the sub-recipe line this node comes from (1 at the root). */
  batchMultiplier: number;
  lines: RecipeLineCost[];
  subRecipes: RecipeCostNode[];
}

export type PriceRecipeLine = (line: { ingredientId: number; quantity: number; unit: Unit; recipeId: number }) => Priced;

export function rollUpRecipe(
  recipes: ReadonlyMap<number, RecipeDefinition>,
  rootId: number,
  batches: number,
  priceLine: PriceRecipeLine,
): RecipeCostNode {
  const node = (id: number, scale: number, batchMultiplier: number): RecipeCostNode => {
    const recipe = recipes.get(id)!;
    const lines = recipe.lines.map((l, lineIndex): RecipeLineCost => {
      const quantity = l.quantity * scale;
      return { lineIndex, ingredientId: l.ingredientId, quantity, unit: l.unit, ...priceLine({ ingredientId: l.ingredientId, quantity, unit: l.unit, recipeId: id }) };
    });
    const subRecipes = recipe.subRecipes.map((s) => node(s.recipeId, scale * s.batchMultiplier, s.batchMultiplier));
    return { recipeId: id, batches: scale, batchMultiplier, lines, subRecipes, ...sumCosts([...lines, ...subRecipes]) };
  };
  return node(rootId, batches, 1);
}

// Finished goods ---------------------------------------------------------------------

export type GoodLineCost = Priced & { lineIndex: number; line: CompositionLine; /** The line's quantity x this node's quantity. */ count: number } & (
    | { kind: 'unit' | 'material' }
    | { kind: 'good'; node: GoodCostNode }
  );

export interface GoodCostNode extends Priced {
  goodId: number;
  /** How many of this good the node stands for. */
  quantity: number;
  lines: GoodLineCost[];
}

export interface GoodPrices {
  /** One finished unit. */
  unit(finishedUnitId: number): Priced;
  /** One use of a material unit (its size x the material's price per base unit). */
  material(line: Extract<CompositionLine, { kind: 'material' }>): Priced;
}

export function rollUpGood(goods: ReadonlyMap<number, GoodDefinition>, goodId: number, quantity: number, prices: GoodPrices): GoodCostNode {
  const node = (id: number, times: number): GoodCostNode => {
    const good = goods.get(id)!;
    const lines = good.lines.map((line, lineIndex): GoodLineCost => {
      const count = line.quantity * times;
      if (line.kind === 'good') {
        const nested = node(line.goodId, count);
        return { kind: 'good', lineIndex, line, count, node: nested, cost: nested.cost, unknown: nested.unknown };
      }
      const each = line.kind === 'unit' ? prices.unit(line.finishedUnitId) : prices.material(line);
      return { kind: line.kind, lineIndex, line, count, ...scaleCost(each, count) };
    });
    return { goodId: id, quantity: times, lines, ...sumCosts(lines) };
  };
  return node(goodId, quantity);
}
