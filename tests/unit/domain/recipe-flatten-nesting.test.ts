import { describe, expect, it } from 'vitest';
import { levelsBelow, nestingProblem } from '../../../src/domain/nesting';
import { flattenRecipe, type RecipeDefinition } from '../../../src/domain/recipe-flatten';
import { yieldPerBatch } from '../../../src/domain/yields';

const recipe = (id: number, name: string, lines: [number, number][], subRecipes: [number, number][] = []): RecipeDefinition => ({
  id,
  name,
  lines: lines.map(([ingredientId, quantity]) => ({ ingredientId, quantity, unit: 'cup' })),
  subRecipes: subRecipes.map(([recipeId, batchMultiplier]) => ({ recipeId, batchMultiplier })),
});

describe('flattening a recipe (sub-recipes multiplied through, each line once)', () => {
  // Layer cake: 3 cup flour + 0.5 batch of Frosting (2 cup sugar + 0.25 batch of Glaze (4 cup sugar)).
  const defs = new Map([
    [1, recipe(1, 'Layer cake', [[10, 3]], [[2, 0.5]])],
    [2, recipe(2, 'Frosting', [[20, 2]], [[3, 0.25]])],
    [3, recipe(3, 'Glaze', [[20, 4]])],
  ]);

  it('2 batches of layer cake: 6 cup flour, 2 cup sugar from the frosting (2 x 0.5 x 2), 1 cup from the glaze (2 x 0.5 x 0.25 x 4)', () => {
    const flat = flattenRecipe(defs, 1, 2);
    expect(flat.map((l) => [l.ingredientId, l.quantity, l.batches, l.via])).toEqual([
      [10, 6, 2, [1]],
      [20, 2, 1, [1, 2]],
      [20, 1, 0.25, [1, 2, 3]],
    ]);
  });

  it('is linear in batches: 3 batches is exactly three times 1 batch, line by line', () => {
    const one = flattenRecipe(defs, 1, 1);
    const three = flattenRecipe(defs, 1, 3);
    expect(three.map((l) => l.quantity)).toEqual(one.map((l) => l.quantity * 3));
  });

  it('a sub-recipe used by two recipes is flattened under each, with its own multiplier', () => {
    const shared = new Map([...defs, [4, recipe(4, 'Cupcakes', [[10, 1]], [[2, 2]])]]);
    expect(flattenRecipe(shared, 4, 1).map((l) => [l.ingredientId, l.quantity])).toEqual([
      [10, 1],
      [20, 4],
      [20, 2],
    ]);
  });
});

describe('nesting rules: loops named, depth counted in levels', () => {
  const graph = (edges: [number, number[]][]) => new Map(edges);

  it('a loop is named from the node back to itself', () => {
    // Frosting (1) gets Layer cake (2) as a sub-recipe, and Layer cake already holds Frosting.
    expect(nestingProblem(graph([[1, [2]], [2, [1]]]), 1, 3)).toEqual({ kind: 'loop', childIndex: 0, path: [1, 2, 1] });
    expect(nestingProblem(graph([[1, [5, 1]]]), 1, 3)).toEqual({ kind: 'loop', childIndex: 1, path: [1, 1] });
  });

  it('three levels pass, a fourth is refused with the deepest chain through the node, top first', () => {
    expect(nestingProblem(graph([[1, [2]], [2, [3]]]), 2, 3)).toBeNull();
    // 0 -> 1 above, and 2 -> 3 below: saving 1 with child 2 makes 0 -> 1 -> 2 -> 3.
    expect(nestingProblem(graph([[0, [1]], [1, [2]], [2, [3]]]), 1, 3)).toEqual({ kind: 'depth', childIndex: 0, chain: [0, 1, 2, 3] });
    expect(levelsBelow(graph([[0, [1]], [1, [2]], [2, [3]]]), 1)).toBe(3);
    expect(levelsBelow(graph([]), 7)).toBe(1);
  });

  it('the deepest of several branches is the one reported', () => {
    const g = graph([[1, [2, 3]], [3, [4]], [4, [5]]]);
    expect(nestingProblem(g, 1, 3)).toEqual({ kind: 'depth', childIndex: 1, chain: [1, 3, 4, 5] });
    expect(nestingProblem(g, 1, 4)).toBeNull();
  });
});

describe('yield per batch', () => {
  it('discrete is items per batch; a portion of P % is 100 / P', () => {
    expect(yieldPerBatch({ mode: 'discrete', itemsPerBatch: 48, portionPercent: null })).toBe(48);
    expect(yieldPerBatch({ mode: 'portion', itemsPerBatch: null, portionPercent: 12.5 })).toBe(8);
    expect(yieldPerBatch({ mode: 'portion', itemsPerBatch: null, portionPercent: 100 })).toBe(1);
  });

  it('a yield of zero or less is an error naming the field', () => {
    expect(() => yieldPerBatch({ mode: 'discrete', itemsPerBatch: 0, portionPercent: null })).toThrowError(/items per batch/);
    expect(() => yieldPerBatch({ mode: 'portion', itemsPerBatch: null, portionPercent: null })).toThrowError(/portion percent/);
  });
});
