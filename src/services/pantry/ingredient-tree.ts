/**
 * The ingredient tree as the pantry shows it (category > group > ingredient),
 * with what is on hand on each leaf. It reads the whole table at once:
 * 400-odd rows cost about a millisecond, far less than one query per node.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { childRefusal } from '../../domain/ingredient-tree-rules';
import { compareNames } from '../../domain/name-order';
import type { Unit } from '../../domain/units';
import type { IngredientHead } from '../catalog/ingredient-search';
import { ingredientUses, type IngredientRow } from '../catalog/ingredient-rows';
import { stockTotalsByIngredient } from './stock-totals';

export interface StockHint {
  quantity: number;
  unit: Unit;
  empty: boolean;
  low: boolean;
}

export interface IngredientNode extends IngredientHead {
  productCount: number;
  /** Whether a new ingredient may be placed under it (see childRefusal). */
  mayHaveChildren: boolean;
  /** Leaves with lots only. */
  onHand: StockHint | null;
  children: IngredientNode[];
}

function byName(a: { name: string }, b: { name: string }): number {
  return compareNames(a.name, b.name);
}

export function ingredientTree(db: Database, tx?: Tx): IngredientNode[] {
  return withTransaction(db, tx, (t) => {
    const rows = t.all<IngredientRow>('SELECT * FROM ingredients');
    const uses = ingredientUses(db, t);
    const none = { children: 0, products: 0, lots: 0, recipeLines: 0 };
    const totals = stockTotalsByIngredient(db, new Map(rows.map((r) => [r.id, r])), t);

    const nodes = new Map<number, IngredientNode>();
    for (const r of rows) {
      const used = uses.get(r.id) ?? none;
      nodes.set(r.id, {
        id: r.id,
        slug: r.slug,
        name: r.name,
        level: r.level,
        parentId: r.parent_id,
        isLeaf: true,
        hasDensity: conversionContextOf(r).density !== null,
        productCount: used.products,
        mayHaveChildren: childRefusal({ name: r.name, level: r.level, ...used }) === null,
        onHand: null,
        children: [],
      });
    }
    const roots: IngredientNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
      if (parent) {
        parent.children.push(node);
        parent.isLeaf = false;
      } else roots.push(node);
    }
    for (const node of nodes.values()) {
      node.children.sort(byName);
      const stock = node.isLeaf ? totals.get(node.id) : undefined;
      if (stock) node.onHand = { quantity: stock.total, unit: stock.unit, empty: stock.empty, low: stock.low };
    }
    return roots.sort(byName);
  });
}
