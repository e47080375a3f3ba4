/**
 * Captures the quantity-relevant definition of a selection of recipes,
 * finished units and goods, and of everything they are made from: nested
 * goods, their finished units, those units' recipes and sub-recipes, and the
 * material units of their packaging. A plan stores it with its fingerprint
 * when it is calculated; later, `compareDefinitions` says exactly what
 * changed since (docs/design/change-tracking.md).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import {
  diffDefinitions,
  fingerprintDefinitions,
  type CompositionLineRecord,
  type DefinitionChange,
  type Definitions,
} from '../../domain/definitions';
import { positiveId } from '../../domain/validate';
import type { YieldMode } from '../../domain/yields';
import { AppError } from '../../errors';

export interface DefinitionSelection {
  recipeIds?: number[];
  finishedUnitIds?: number[];
  goodIds?: number[];
}

export interface CapturedDefinitions {
  definitions: Definitions;
  fingerprint: string;
}

function missing(what: string, id: number): never {
  throw new AppError('NOT_FOUND', `That ${what} no longer exists.`, { what, id });
}

function captureIn(tx: Tx, selection: DefinitionSelection): Definitions {
  const defs: Definitions = { recipes: {}, finishedUnits: {}, goods: {}, materialUnits: {} };
  const recipesDone = new Set<number>();
  const unitsDone = new Set<number>();
  const goodsDone = new Set<number>();

  const recipe = (id: number): string => {
    const row = tx.get<{ slug: string }>('SELECT slug FROM recipes WHERE id = ?', [id]) ?? missing('recipe', id);
    if (recipesDone.has(id)) return row.slug;
    recipesDone.add(id);
    const ingredients = tx.all<{ slug: string; quantity: number; unit: string }>(
      `SELECT i.slug, ri.quantity, ri.unit FROM recipe_ingredients ri JOIN ingredients i ON i.id = ri.ingredient_id WHERE ri.recipe_id = ?`,
      [id],
    );
    const subs = tx.all<{ sub_recipe_id: number; batch_multiplier: number }>('SELECT sub_recipe_id, batch_multiplier FROM recipe_components WHERE recipe_id = ?', [id]);
    defs.recipes[row.slug] = {
      ingredients: ingredients.map((l) => ({ ingredient: l.slug, quantity: l.quantity, unit: l.unit })),
      subRecipes: subs.map((s) => ({ recipe: recipe(s.sub_recipe_id), batchMultiplier: s.batch_multiplier })),
    };
    return row.slug;
  };

  const unit = (id: number): string => {
    const row =
      tx.get<{ slug: string; recipe_id: number; yield_mode: YieldMode; items_per_batch: number | null; portion_percent: number | null }>(
        'SELECT slug, recipe_id, yield_mode, items_per_batch, portion_percent FROM finished_units WHERE id = ?',
        [id],
      ) ?? missing('finished unit', id);
    if (unitsDone.has(id)) return row.slug;
    unitsDone.add(id);
    defs.finishedUnits[row.slug] = { recipe: recipe(row.recipe_id), yieldMode: row.yield_mode, itemsPerBatch: row.items_per_batch, portionPercent: row.portion_percent };
    return row.slug;
  };

  const materialUnit = (id: number): string => {
    const row = tx.get<{ slug: string; quantity: number; material_slug: string }>(
      'SELECT u.slug, u.quantity, m.slug AS material_slug FROM material_units u JOIN materials m ON m.id = u.material_id WHERE u.id = ?',
      [id],
    )!;
    defs.materialUnits[row.slug] = { material: row.material_slug, size: row.quantity };
    return row.slug;
  };

  const good = (id: number): string => {
    const row = tx.get<{ slug: string }>('SELECT slug FROM finished_goods WHERE id = ?', [id]) ?? missing('finished good', id);
    if (goodsDone.has(id)) return row.slug;
    goodsDone.add(id);
    const lines = tx.all<{ finished_unit_id: number | null; component_good_id: number | null; material_unit_id: number | null; product_slug: string | null; quantity: number }>(
      `SELECT c.finished_unit_id, c.component_good_id, c.material_unit_id, p.slug AS product_slug, c.quantity
       FROM compositions c LEFT JOIN material_products p ON p.id = c.material_product_id WHERE c.finished_good_id = ?`,
      [id],
    );
    defs.goods[row.slug] = {
      lines: lines.map((l): CompositionLineRecord => {
        if (l.finished_unit_id !== null) return { kind: 'unit', item: unit(l.finished_unit_id), quantity: l.quantity };
        if (l.component_good_id !== null) return { kind: 'good', item: good(l.component_good_id), quantity: l.quantity };
        return { kind: 'material', item: materialUnit(l.material_unit_id!), product: l.product_slug, quantity: l.quantity };
      }),
    };
    return row.slug;
  };

  for (const id of selection.recipeIds ?? []) recipe(positiveId(id, 'recipeIds', 'recipe'));
  for (const id of selection.finishedUnitIds ?? []) unit(positiveId(id, 'finishedUnitIds', 'finished unit'));
  for (const id of selection.goodIds ?? []) good(positiveId(id, 'goodIds', 'finished good'));
  return defs;
}

/** The definitions of the selection and all it is made from, with their fingerprint. */
export function captureDefinitions(db: Database, selection: DefinitionSelection, tx?: Tx): CapturedDefinitions {
  return withTransaction(db, tx, (t) => {
    const definitions = captureIn(t, selection);
    return { definitions, fingerprint: fingerprintDefinitions(definitions) };
  });
}

export interface DefinitionComparison {
  /** Today's fingerprint of the same selection. */
  fingerprint: string;
  /** False when the fingerprints are equal: nothing quantity-relevant changed. */
  changed: boolean;
  changes: DefinitionChange[];
}

/** What changed between stored definitions (a plan's) and today's definitions of the same selection. */
export function compareDefinitions(db: Database, request: { stored: Definitions; selection: DefinitionSelection }, tx?: Tx): DefinitionComparison {
  return withTransaction(db, tx, (t) => {
    const today = captureIn(t, request.selection);
    const fingerprint = fingerprintDefinitions(today);
    const changed = fingerprint !== fingerprintDefinitions(request.stored);
    return { fingerprint, changed, changes: changed ? diffDefinitions(request.stored, today) : [] };
  });
}
