/**
 * Nesting rules for things that contain things of their own kind: recipes
 * with sub-recipes (at most 3 levels) and finished goods with nested goods
 * (at most 10 levels). Checked when one node's children are saved, against
 * the whole graph with that node's new children in place: a loop is named
 * from the node back to itself ("Frosting -> Layer cake -> Frosting"), a
 * chain that is too deep is named top to bottom. Pure: the services load
 * the graph and turn a problem into a field error.
 */

export type NestingProblem =
  /** `path` runs from the node through the child at `childIndex` back to the node. */
  | { kind: 'loop'; childIndex: number; path: number[] }
  /** `chain` is the deepest chain through the child at `childIndex`, top first; it has more than the allowed levels. */
  | { kind: 'depth'; childIndex: number; chain: number[] };

type Graph = ReadonlyMap<number, readonly number[]>;

/** A path from `from` down to `to` (both included), or null. */
function pathDown(children: Graph, from: number, to: number): number[] | null {
  const seen = new Set<number>();
  const walk = (id: number): number[] | null => {
    if (id === to) return [id];
    if (seen.has(id)) return null;
    seen.add(id);
    for (const child of children.get(id) ?? []) {
      const rest = walk(child);
      if (rest) return [id, ...rest];
    }
    return null;
  };
  return walk(from);
}

function parentsOf(children: Graph): Map<number, number[]> {
  const parents = new Map<number, number[]>();
  for (const [parent, kids] of children) {
    for (const kid of kids) parents.set(kid, [...(parents.get(kid) ?? []), parent]);
  }
  return parents;
}

/** The longest chain starting at `id` and following `next`, `id` first (the graph has no loops by then). */
function longestFrom(next: Graph, id: number, memo: Map<number, number[]>): number[] {
  const known = memo.get(id);
  if (known) return known;
  let best: number[] = [];
  for (const n of next.get(id) ?? []) {
    const chain = longestFrom(next, n, memo);
    if (chain.length > best.length) best = chain;
  }
  const result = [id, ...best];
  memo.set(id, result);
  return result;
}

/**
 * The first problem with `node`'s children (as given in `children`), or null.
 * Loops are looked for first: a depth is meaningless in a loop.
 */
export function nestingProblem(children: Graph, node: number, maxLevels: number): NestingProblem | null {
  const mine = children.get(node) ?? [];
  for (const [childIndex, child] of mine.entries()) {
    const back = pathDown(children, child, node);
    if (back) return { kind: 'loop', childIndex, path: [node, ...back] };
  }
  const above = longestFrom(parentsOf(children), node, new Map()).slice(1).reverse();
  const memo = new Map<number, number[]>();
  for (const [childIndex, child] of mine.entries()) {
    const chain = [...above, node, ...longestFrom(children, child, memo)];
    if (chain.length > maxLevels) return { kind: 'depth', childIndex, chain };
  }
  return null;
}

/** Levels of the tree below and including `node`: 1 for a node with no children. */
export function levelsBelow(children: Graph, node: number): number {
  return longestFrom(children, node, new Map()).length;
}
