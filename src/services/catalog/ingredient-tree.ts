/**
 * The ingredient tree as screens show it (category > group > ingredient),
 * with a stock hint on each leaf, and the name search with each match's path.
 * Both read the whole table at once: 400-odd rows cost about a millisecond,
 * far less than one query per node.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { rankByName } from '../../domain/text-search';
import { listLimit } from '../../domain/validate';
import type { Unit } from '../../domain/units';
import { stockTotalsByIngredient } from '../pantry/stock-totals';
import type { IngredientRow } from './ingredient-rows';

export interface StockHint {
  quantity: number;
  unit: Unit;
  empty: boolean;
  low: boolean;
}

/** What the tree and the search both say about an ingredient. */
interface IngredientHead {
  id: number;
  slug: string;
  name: string;
  level: number;
  parentId: number | null;
  isLeaf: boolean;
  hasDensity: boolean;
}

export interface IngredientNode extends IngredientHead {
  productCount: number;
  /** Leaves with lots only. */
  onHand: StockHint | null;
  children: IngredientNode[];
}

export interface IngredientMatch extends IngredientHead {
  /** Ancestors' names, top level first. */
  path: string[];
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
}

export function ingredientTree(db: Database, tx?: Tx): IngredientNode[] {
  return withTransaction(db, tx, (t) => {
    const rows = t.all<IngredientRow>('SELECT * FROM ingredients');
    const productCounts = new Map(
      t.all<{ ingredient_id: number; n: number }>('SELECT ingredient_id, count(*) AS n FROM products GROUP BY ingredient_id').map((r) => [r.ingredient_id, r.n]),
    );
    const totals = stockTotalsByIngredient(db, new Map(rows.map((r) => [r.id, r])), t);

    const nodes = new Map<number, IngredientNode>();
    for (const r of rows) {
      nodes.set(r.id, {
        id: r.id,
        slug: r.slug,
        name: r.name,
        level: r.level,
        parentId: r.parent_id,
        isLeaf: true,
        hasDensity: conversionContextOf(r).density !== null,
        productCount: productCounts.get(r.id) ?? 0,
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

export interface IngredientSearch {
  query: string;
  leavesOnly?: boolean;
  limit?: number;
}

/** Ranked name search (see domain/text-search): any word order, one typo forgiven, group names help; ignores case and accents. */
export function searchIngredients(db: Database, search: IngredientSearch, tx?: Tx): IngredientMatch[] {
  return withTransaction(db, tx, (t) => {
    // Three columns for all rows (a full row costs sql.js several times more); full rows for the matches only.
    const rows = t.all<{ id: number; name: string; parent_id: number | null }>('SELECT id, name, parent_id FROM ingredients');
    const byId = new Map(rows.map((r) => [r.id, r]));
    const parents = new Set(rows.map((r) => r.parent_id));
    const candidates = search.leavesOnly ? rows.filter((r) => !parents.has(r.id)) : rows;
    const pathOf = (r: { parent_id: number | null }): string[] => {
      const path: string[] = [];
      for (let p = r.parent_id; p !== null; p = byId.get(p)?.parent_id ?? null) path.unshift(byId.get(p)?.name ?? '');
      return path;
    };
    const ranked = rankByName(candidates, search.query ?? '', (r) => r.name, listLimit(search.limit, 20), (r) => pathOf(r).join(' '));
    return ranked.map((match) => {
      const r = t.get<IngredientRow>('SELECT * FROM ingredients WHERE id = ?', [match.id])!;
      return {
        id: r.id,
        slug: r.slug,
        name: r.name,
        level: r.level,
        parentId: r.parent_id,
        isLeaf: !parents.has(r.id),
        hasDensity: conversionContextOf(r).density !== null,
        path: pathOf(r),
      };
    });
  });
}
