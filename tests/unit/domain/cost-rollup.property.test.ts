/*
 * Property tests of the cost roll-ups over random nestings: every node is
 * the sum of its parts, the top equals the flattened (or exploded) lines
 * priced one by one, and one unknown part makes every total above it
 * unknown, naming that part.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownCost, rollUpGood, rollUpRecipe, sumCosts, unknownCost, type GoodCostNode, type Priced, type RecipeCostNode } from '../../../src/domain/cost-rollup';
import { explode, type CompositionLine, type GoodDefinition } from '../../../src/domain/explosion';
import { flattenRecipe, type RecipeDefinition } from '../../../src/domain/recipe-flatten';

const INGREDIENTS = 5;
const UNITS = 4;

/** Goods 0..n-1 where good i may nest only goods with a higher id: random trees with no loops. */
const goodsArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.array(
    fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('unit' as const), ref: fc.integer({ min: 0, max: UNITS - 1 }), quantity: fc.integer({ min: 1, max: 12 }) }),
        fc.record({ kind: fc.constant('good' as const), ref: fc.integer({ min: 1, max: 5 }), quantity: fc.integer({ min: 1, max: 4 }) }),
        fc.record({ kind: fc.constant('material' as const), ref: fc.integer({ min: 0, max: 2 }), quantity: fc.double({ min: 0.25, max: 3, noNaN: true }) }),
      ),
      { maxLength: 5 },
    ),
    { minLength: n, maxLength: n },
  ),
);

function goodDefs(raw: { kind: 'unit' | 'good' | 'material'; ref: number; quantity: number }[][]): Map<number, GoodDefinition> {
  const defs = new Map<number, GoodDefinition>();
  raw.forEach((lines, id) => {
    defs.set(id, {
      id,
      name: `Good ${id}`,
      lines: lines.flatMap((l): CompositionLine[] => {
        if (l.kind === 'unit') return [{ kind: 'unit' as const, finishedUnitId: l.ref, quantity: l.quantity }];
        if (l.kind === 'good') return id + l.ref < raw.length ? [{ kind: 'good' as const, goodId: id + l.ref, quantity: l.quantity }] : [];
        return [{ kind: 'material' as const, materialUnitId: l.ref, materialId: l.ref, size: 10 + l.ref, materialProductId: null, quantity: l.quantity }];
      }),
    });
  });
  return defs;
}

const pricesArb = fc.record({
  units: fc.array(fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: null }), { minLength: UNITS, maxLength: UNITS }),
  perCm: fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: 3, maxLength: 3 }),
});

function everyNode(node: GoodCostNode, visit: (n: GoodCostNode) => void): void {
  visit(node);
  for (const l of node.lines) if (l.kind === 'good') everyNode(l.node, visit);
}

describe('cost roll-up of nested goods', () => {
  it('each node is the sum of its lines, and the top equals the explosion priced line by line', () => {
    fc.assert(
      fc.property(goodsArb, pricesArb, fc.integer({ min: 1, max: 20 }), (raw, p, quantity) => {
        const defs = goodDefs(raw);
        const known = p.units.map((u) => u ?? 1);
        const prices = { unit: (id: number) => knownCost(known[id]!), material: (l: { materialUnitId: number; size: number }) => knownCost(l.size * p.perCm[l.materialUnitId]!) };
        const tree = rollUpGood(defs, 0, quantity, prices);
        everyNode(tree, (n) => expect(n.cost).toBeCloseTo(n.lines.reduce((s, l) => s + l.cost!, 0), 9));
        const e = explode(defs, [{ goodId: 0, quantity }]);
        const exploded = [...e.units].reduce((s, [id, n]) => s + n * known[id]!, 0) + e.materials.reduce((s, m) => s + m.quantity * p.perCm[m.materialUnitId]!, 0);
        expect(tree.cost).toBeCloseTo(exploded, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('unknown stays unknown: the top is unknown exactly when a unit it holds has no price, and names it', () => {
    fc.assert(
      fc.property(goodsArb, pricesArb, (raw, p) => {
        const defs = goodDefs(raw);
        const prices = {
          unit: (id: number): Priced => (p.units[id] === null ? unknownCost(`Unit ${id}`, 'No price') : knownCost(p.units[id]!)),
          material: () => knownCost(1),
        };
        const tree = rollUpGood(defs, 0, 1, prices);
        const reached = [...explode(defs, [{ goodId: 0, quantity: 1 }]).units.keys()];
        const missing = reached.filter((id) => p.units[id] === null).map((id) => `Unit ${id}`);
        expect(tree.cost === null).toBe(missing.length > 0);
        expect(tree.unknown.map((u) => u.item).sort()).toEqual([...new Set(missing)].sort());
        everyNode(tree, (n) => expect(n.cost === null).toBe(n.lines.some((l) => l.cost === null)));
      }),
      { numRuns: 300 },
    );
  });
});

/** Recipes 0..n-1 where recipe i may use only recipes with a higher id as sub-recipes. */
const recipesArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.array(
    fc.record({
      lines: fc.array(fc.record({ ingredient: fc.integer({ min: 0, max: INGREDIENTS - 1 }), quantity: fc.double({ min: 0.1, max: 5, noNaN: true }) }), { maxLength: 4 }),
      subs: fc.uniqueArray(fc.record({ offset: fc.integer({ min: 1, max: 3 }), multiplier: fc.double({ min: 0.25, max: 3, noNaN: true }) }), { maxLength: 2, selector: (s) => s.offset }),
    }),
    { minLength: n, maxLength: n },
  ),
);

function recipeDefs(raw: { lines: { ingredient: number; quantity: number }[]; subs: { offset: number; multiplier: number }[] }[]) {
  const defs = new Map<number, RecipeDefinition>();
  raw.forEach((r, id) => {
    defs.set(id, {
      id,
      name: `Recipe ${id}`,
      lines: r.lines.map((l) => ({ ingredientId: l.ingredient, quantity: l.quantity, unit: 'g' as const })),
      subRecipes: r.subs.filter((s) => id + s.offset < raw.length).map((s) => ({ recipeId: id + s.offset, batchMultiplier: s.multiplier })),
    });
  });
  return defs;
}

function everyRecipeNode(node: RecipeCostNode, visit: (n: RecipeCostNode) => void): void {
  visit(node);
  node.subRecipes.forEach((s) => everyRecipeNode(s, visit));
}

describe('cost roll-up of nested recipes', () => {
  it('each node is its lines plus its sub-recipes, and the top equals the flattened lines priced one by one', () => {
    fc.assert(
      fc.property(recipesArb, fc.array(fc.double({ min: 0, max: 0.05, noNaN: true }), { minLength: INGREDIENTS, maxLength: INGREDIENTS }), fc.double({ min: 0.5, max: 10, noNaN: true }), (raw, perGram, batches) => {
        const defs = recipeDefs(raw);
        const tree = rollUpRecipe(defs, 0, batches, (l) => knownCost(l.quantity * perGram[l.ingredientId]!));
        everyRecipeNode(tree, (n) => expect(n.cost).toBeCloseTo(sumCosts([...n.lines, ...n.subRecipes]).cost!, 9));
        const flat = flattenRecipe(defs, 0, batches).reduce((s, l) => s + l.quantity * perGram[l.ingredientId]!, 0);
        expect(tree.cost).toBeCloseTo(flat, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('one ingredient without a price makes the recipe and every recipe above it unknown, naming the ingredient', () => {
    fc.assert(
      fc.property(recipesArb, fc.integer({ min: 0, max: INGREDIENTS - 1 }), (raw, unpriced) => {
        const defs = recipeDefs(raw);
        const tree = rollUpRecipe(defs, 0, 1, (l) => (l.ingredientId === unpriced ? unknownCost(`Ingredient ${unpriced}`, 'No price') : knownCost(l.quantity)));
        const uses = flattenRecipe(defs, 0, 1).some((l) => l.ingredientId === unpriced);
        expect(tree.cost === null).toBe(uses);
        expect(tree.unknown).toEqual(uses ? [{ item: `Ingredient ${unpriced}`, reason: 'No price' }] : []);
      }),
      { numRuns: 300 },
    );
  });
});
