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
import type { IngredientRow } from './ingredient-rows';

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
