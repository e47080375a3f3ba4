/**
 * The ingredient name search, each match with its path in the tree. It reads
 * the whole table at once: 400-odd rows cost about a millisecond, far less
 * than one query per node. The tree itself, with what is on hand, is the
 * pantry's (src/services/pantry/ingredient-tree.ts).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { conversionContextOf } from '../../domain/ingredient-measures';
import { rankByName } from '../../domain/text-search';
import { listLimit } from '../../domain/validate';
import { childRefusal } from '../../domain/ingredient-tree-rules';
import { ingredientUses, type IngredientRow } from './ingredient-rows';

/** What the tree and the search both say about an ingredient. */
export interface IngredientHead {
  id: number;
  slug: string;
  name: string;
  level: number;
  parentId: number | null;
  isLeaf: boolean;
  hasDensity: boolean;
}

export interface IngredientMatch extends IngredientHead {
  /** Ancestors' names, top level first. */
  path: string[];
}

export interface IngredientSearch {
  query: string;
  leavesOnly?: boolean;
  limit?: number;
}

interface NameRow {
  id: number;
  name: string;
  parent_id: number | null;
}

/** The best `limit` of `candidates` for `query`, each with its path; `rows` is the whole tree. */
function rankedMatches(t: Tx, rows: readonly NameRow[], candidates: readonly NameRow[], query: string, limit: number): IngredientMatch[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const parents = new Set(rows.map((r) => r.parent_id));
  const pathOf = (r: { parent_id: number | null }): string[] => {
    const path: string[] = [];
    for (let p = r.parent_id; p !== null; p = byId.get(p)?.parent_id ?? null) path.unshift(byId.get(p)?.name ?? '');
    return path;
  };
  const ranked = rankByName(candidates, query, (r) => r.name, limit, (r) => pathOf(r).join(' '));
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
}

// Three columns for all rows (a full row costs sql.js several times more); full rows for the matches only.
const NAME_ROWS = 'SELECT id, name, parent_id FROM ingredients';

/** Ranked name search (see domain/text-search): any word order, one typo forgiven, group names help; ignores case and accents. */
export function searchIngredients(db: Database, search: IngredientSearch, tx?: Tx): IngredientMatch[] {
  return withTransaction(db, tx, (t) => {
    const rows = t.all<NameRow>(NAME_ROWS);
    const parents = new Set(rows.map((r) => r.parent_id));
    const candidates = search.leavesOnly ? rows.filter((r) => !parents.has(r.id)) : rows;
    return rankedMatches(t, rows, candidates, search.query ?? '', listLimit(search.limit, 20));
  });
}

export interface ParentSearch {
  query: string;
  /** The ingredient being moved, when it exists already: neither it nor anything under it can hold it, and its sub-tree must fit. */
  movingId?: number | null;
  limit?: number;
}

/**
 * Where an ingredient may be placed: the name search over the ingredients the
 * service would accept as its parent (room for its levels below, not an
 * ingredient in use, not itself or one of its own sub-ingredients).
 */
export function searchParents(db: Database, search: ParentSearch, tx?: Tx): IngredientMatch[] {
  return withTransaction(db, tx, (t) => {
    const rows = t.all<NameRow & { level: number }>('SELECT id, name, parent_id, level FROM ingredients');
    const uses = ingredientUses(db, t);
    const excluded = new Set<number>();
    let height = 0;
    if (search.movingId != null) {
      const children = new Map<number, number[]>();
      for (const r of rows) if (r.parent_id !== null) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
      const walk = (id: number, depth: number) => {
        excluded.add(id);
        height = Math.max(height, depth);
        for (const child of children.get(id) ?? []) walk(child, depth + 1);
      };
      walk(search.movingId, 0);
    }
    const none = { children: 0, products: 0, lots: 0, recipeLines: 0 };
    const candidates = rows.filter((r) => !excluded.has(r.id) && childRefusal({ name: r.name, level: r.level, ...(uses.get(r.id) ?? none) }, height) === null);
    return rankedMatches(t, rows, candidates, search.query ?? '', listLimit(search.limit, 20));
  });
}
