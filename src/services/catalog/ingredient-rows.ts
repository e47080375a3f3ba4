/**
 * Ingredient rows: reading one by id or slug, its path and children, and the
 * one way a new row is written (the ingredient services and importers all
 * insert through `insertIngredientRow`).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { measureValues, type MeasureColumns } from '../../domain/ingredient-measures';
import { groupRefusal, type IngredientUses } from '../../domain/ingredient-tree-rules';
import type { Density, EachWeight } from '../../domain/units';
import { AppError } from '../../errors';

export interface IngredientRow extends MeasureColumns {
  id: number;
  slug: string;
  parent_id: number | null;
  level: number;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface PathStep {
  id: number;
  name: string;
}

export function loadIngredient(db: Database, id: number, tx?: Tx): IngredientRow {
  return withTransaction(db, tx, (t) => {
    const row = t.get<IngredientRow>('SELECT * FROM ingredients WHERE id = ?', [id]);
    if (!row) throw new AppError('NOT_FOUND', 'That ingredient no longer exists.', { ingredientId: id });
    return row;
  });
}

/** The ingredient with this slug (the natural key in files and on the command line), if any. */
export function findIngredientBySlug(db: Database, slug: string, tx?: Tx): IngredientRow | undefined {
  return withTransaction(db, tx, (t) => t.get<IngredientRow>('SELECT * FROM ingredients WHERE slug = ?', [slug]));
}

/** Ancestors of an ingredient, root first (not including the ingredient itself). */
export function ingredientPath(db: Database, id: number, tx?: Tx): PathStep[] {
  return withTransaction(db, tx, (t) =>
    t
      .all<PathStep & { depth: number }>(
        `WITH RECURSIVE up(id, name, parent_id, depth) AS (
           SELECT i.id, i.name, i.parent_id, 0 FROM ingredients i WHERE i.id = (SELECT parent_id FROM ingredients WHERE id = ?)
           UNION ALL
           SELECT p.id, p.name, p.parent_id, up.depth + 1 FROM ingredients p JOIN up ON p.id = up.parent_id
         )
         SELECT id, name, depth FROM up ORDER BY depth DESC`,
        [id],
      )
      .map(({ id: stepId, name }) => ({ id: stepId, name })),
  );
}

export function hasChildren(db: Database, id: number, tx?: Tx): boolean {
  return withTransaction(db, tx, (t) => t.get('SELECT 1 AS x FROM ingredients WHERE parent_id = ? LIMIT 1', [id]) !== undefined);
}

/** A leaf (no children) is what products and recipe lines attach to; refuses anything else. */
export function requireLeaf(db: Database, id: number, what: string, field: string, tx?: Tx): IngredientRow {
  return withTransaction(db, tx, (t) => {
    const row = t.get<IngredientRow>('SELECT * FROM ingredients WHERE id = ?', [id]);
    if (!row) throw new AppError('NOT_FOUND', 'That ingredient no longer exists.', { ingredientId: id, field });
    if (hasChildren(db, id, t)) throw new AppError('VALIDATION', groupRefusal(row.name, what), { field, ingredientId: id, ingredient: row.name });
    return row;
  });
}

export interface NewIngredientRow {
  slug: string;
  name: string;
  parentId: number | null;
  /** 0 at the top; one more than its parent's. */
  level: number;
  density: Density | null;
  eachWeight: EachWeight | null;
  notes: string;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
  updatedAt?: string;
}

/** Inserts a checked ingredient; returns its id. */
export function insertIngredientRow(db: Database, row: NewIngredientRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      `INSERT INTO ingredients (slug, name, parent_id, level, density_volume_qty, density_volume_unit, density_weight_qty,
         density_weight_unit, each_weight_qty, each_weight_unit, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.slug, row.name, row.parentId, row.level, ...measureValues(row.density, row.eachWeight), row.notes, row.createdAt ?? now, row.updatedAt ?? now],
    ).lastInsertRowid;
  });
}

/** What uses each ingredient that anything uses (children, products, lots, recipe lines), read in four grouped queries. */
export function ingredientUses(db: Database, tx?: Tx): Map<number, IngredientUses> {
  return withTransaction(db, tx, (t) => {
    const uses = new Map<number, IngredientUses>();
    const add = (sql: string, key: keyof IngredientUses) => {
      for (const r of t.all<{ id: number; n: number }>(sql)) {
        const entry = uses.get(r.id) ?? { children: 0, products: 0, lots: 0, recipeLines: 0 };
        entry[key] = r.n;
        uses.set(r.id, entry);
      }
    };
    add('SELECT parent_id AS id, count(*) AS n FROM ingredients WHERE parent_id IS NOT NULL GROUP BY parent_id', 'children');
    add('SELECT ingredient_id AS id, count(*) AS n FROM products GROUP BY ingredient_id', 'products');
    add('SELECT ingredient_id AS id, count(*) AS n FROM lots GROUP BY ingredient_id', 'lots');
    add('SELECT ingredient_id AS id, count(*) AS n FROM recipe_ingredients GROUP BY ingredient_id', 'recipeLines');
    return uses;
  });
}
