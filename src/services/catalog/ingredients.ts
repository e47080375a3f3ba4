/**
 * Ingredients: a tree of at most three levels (category > group > leaf) where
 * only leaves (ingredients with no children) get products, lots and recipe
 * lines. Names are unique (ignoring case); slugs are derived once and kept.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import {
  checkDensity,
  checkEachWeight,
  densityOf,
  eachWeightOf,
  measureValues,
  type DensityInput,
  type EachWeightInput,
} from '../../domain/ingredient-measures';
import { childRefusal, deleteRefusal, groupRefusal, type IngredientUses } from '../../domain/ingredient-tree-rules';
import type { Density, EachWeight } from '../../domain/units';
import { nameKey, nameText, optionalText, positiveId } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { hasChildren, ingredientPath, insertIngredientRow, loadIngredient, type IngredientRow, type PathStep } from './ingredient-rows';
import { listProducts, type ProductSummary } from './products';
import { freeSlug } from './slugs';

export interface IngredientInput {
  name: string;
  parentId?: number | null;
  density?: DensityInput | null;
  eachWeight?: EachWeightInput | null;
  notes?: string;
}

export interface IngredientUpdate {
  id: number;
  name?: string;
  /** null moves the ingredient to the top level; undefined leaves it where it is. */
  parentId?: number | null;
  density?: DensityInput | null;
  eachWeight?: EachWeightInput | null;
  notes?: string;
}

export interface IngredientDetail {
  id: number;
  slug: string;
  name: string;
  level: number;
  parentId: number | null;
  /** Ancestors, top level first. */
  path: PathStep[];
  isLeaf: boolean;
  childCount: number;
  density: Density | null;
  eachWeight: EachWeight | null;
  notes: string;
  products: ProductSummary[];
  recipeLineCount: number;
  lotCount: number;
  /** Whether deleting it would be accepted; when not, the reason, in the words the screen shows. */
  canDelete: boolean;
  deleteBlockedBy: string | null;
  /** Whether a new ingredient may be placed under it; when not, why. */
  mayHaveChildren: boolean;
  childrenBlockedBy: string | null;
  /** Whether products may be added to it (a leaf); when not, why. */
  mayHaveProducts: boolean;
  productsBlockedBy: string | null;
}

function assertNameFree(tx: Tx, name: string, exceptId: number | null): void {
  const key = nameKey(name);
  const clash = tx.all<{ id: number; name: string }>('SELECT id, name FROM ingredients').find((r) => r.id !== exceptId && nameKey(r.name) === key);
  if (clash) {
    throw new AppError('DUPLICATE', `There is already an ingredient called ${clash.name}.`, { field: 'name', existingId: clash.id });
  }
}

function usage(tx: Tx, id: number): IngredientUses {
  const n = (sql: string) => tx.get<{ n: number }>(sql, [id])!.n;
  return {
    children: n('SELECT count(*) AS n FROM ingredients WHERE parent_id = ?'),
    products: n('SELECT count(*) AS n FROM products WHERE ingredient_id = ?'),
    lots: n('SELECT count(*) AS n FROM lots WHERE ingredient_id = ?'),
    recipeLines: n('SELECT count(*) AS n FROM recipe_ingredients WHERE ingredient_id = ?'),
  };
}

/** The parent must exist, have room for a level below it, and not be a leaf already in use. */
function checkParent(tx: Tx, parentId: number, subtreeHeight: number): IngredientRow {
  const parent = tx.get<IngredientRow>('SELECT * FROM ingredients WHERE id = ?', [parentId]);
  if (!parent) throw validationError('parentId', 'The chosen parent ingredient no longer exists.', { parentId });
  const refusal = childRefusal({ name: parent.name, level: parent.level, ...usage(tx, parentId) }, subtreeHeight);
  if (refusal) throw validationError('parentId', refusal, { parentId });
  return parent;
}

export function createIngredient(db: Database, input: IngredientInput, tx?: Tx): IngredientDetail {
  return withTransaction(db, tx, (t) => {
    const name = nameText(input.name, 'name');
    const notes = optionalText(input.notes, 'notes');
    const density = checkDensity(input.density);
    const eachWeight = checkEachWeight(input.eachWeight);
    const parentId = input.parentId == null ? null : positiveId(input.parentId, 'parentId', 'parent ingredient');
    const parent = parentId === null ? null : checkParent(t, parentId, 0);
    assertNameFree(t, name, null);
    const slug = freeSlug(db, 'ingredients', name, t);
    const id = insertIngredientRow(db, { slug, name, parentId, level: parent ? parent.level + 1 : 0, density, eachWeight, notes }, t);
    return getIngredient(db, id, t);
  });
}

/** Ids of every descendant of `id` with its depth below it. */
function descendants(tx: Tx, id: number): { id: number; depth: number }[] {
  return tx.all<{ id: number; depth: number }>(
    `WITH RECURSIVE down(id, depth) AS (
       SELECT id, 1 FROM ingredients WHERE parent_id = ?
       UNION ALL
       SELECT i.id, down.depth + 1 FROM ingredients i JOIN down ON i.parent_id = down.id
     )
     SELECT id, depth FROM down`,
    [id],
  );
}

export function updateIngredient(db: Database, input: IngredientUpdate, tx?: Tx): IngredientDetail {
  return withTransaction(db, tx, (t) => {
    const row = loadIngredient(db, positiveId(input.id, 'id', 'ingredient'), t);
    const name = input.name === undefined ? row.name : nameText(input.name, 'name');
    const notes = input.notes === undefined ? row.notes : optionalText(input.notes, 'notes');
    const density = input.density === undefined ? densityOf(row) : checkDensity(input.density);
    const eachWeight = input.eachWeight === undefined ? eachWeightOf(row) : checkEachWeight(input.eachWeight);
    if (name !== row.name) assertNameFree(t, name, row.id);

    let parentId = row.parent_id;
    let level = row.level;
    const below = descendants(t, row.id);
    if (input.parentId !== undefined && input.parentId !== row.parent_id) {
      parentId = input.parentId === null ? null : positiveId(input.parentId, 'parentId', 'parent ingredient');
      if (parentId !== null && (parentId === row.id || below.some((d) => d.id === parentId))) {
        throw validationError('parentId', `${row.name} cannot be placed under itself or one of its own sub-ingredients.`);
      }
      const height = below.reduce((h, d) => Math.max(h, d.depth), 0);
      level = parentId === null ? 0 : checkParent(t, parentId, height).level + 1;
    }

    const now = t.now();
    t.run(
      `UPDATE ingredients SET name = ?, parent_id = ?, level = ?, density_volume_qty = ?, density_volume_unit = ?,
         density_weight_qty = ?, density_weight_unit = ?, each_weight_qty = ?, each_weight_unit = ?, notes = ?, updated_at = ?
       WHERE id = ?`,
      [name, parentId, level, ...measureValues(density, eachWeight), notes, now, row.id],
    );
    if (level !== row.level) {
      for (const d of below) t.run('UPDATE ingredients SET level = ?, updated_at = ? WHERE id = ?', [level + d.depth, now, d.id]);
    }
    return getIngredient(db, row.id, t);
  });
}

export function deleteIngredient(db: Database, id: number, tx?: Tx): { deleted: true; id: number } {
  return withTransaction(db, tx, (t) => {
    const row = loadIngredient(db, positiveId(id, 'id', 'ingredient'), t);
    const used = usage(t, id);
    const refused = deleteRefusal(row.name, used);
    if (refused) throw new AppError('IN_USE', refused.refusal, { ingredientId: id, ingredient: row.name, ...used });
    t.run('DELETE FROM ingredients WHERE id = ?', [id]);
    return { deleted: true as const, id };
  });
}

export function getIngredient(db: Database, id: number, tx?: Tx): IngredientDetail {
  return withTransaction(db, tx, (t) => {
    const row = loadIngredient(db, id, t);
    const used = usage(t, id);
    const blocked = deleteRefusal(row.name, used)?.blockedBy ?? null;
    const childrenBlockedBy = childRefusal({ name: row.name, level: row.level, ...used });
    const productsBlockedBy = used.children > 0 ? groupRefusal(row.name, 'a product') : null;
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      level: row.level,
      parentId: row.parent_id,
      path: ingredientPath(db, id, t),
      isLeaf: !hasChildren(db, id, t),
      childCount: used.children,
      density: densityOf(row),
      eachWeight: eachWeightOf(row),
      notes: row.notes,
      products: listProducts(db, { ingredientId: id, includeHidden: true }, t),
      recipeLineCount: used.recipeLines,
      lotCount: used.lots,
      canDelete: blocked === null,
      deleteBlockedBy: blocked,
      mayHaveChildren: childrenBlockedBy === null,
      childrenBlockedBy,
      mayHaveProducts: productsBlockedBy === null,
      productsBlockedBy,
    };
  });
}
