/**
 * Ingredients: the tree with densities. A slug or name used twice in the
 * file is refused; a slug the pantry has is skipped. Each new ingredient's
 * level follows from its parent's, and one placed below the third level moves
 * up beside its parent (reported as a warning). Products and lots resolve
 * their ingredient here (`leafRefusal`, `ingredientIdBySlug`).
 */
import { withTransaction, type Database, type Tx } from '../../../db/session';
import { readIngredient, type BtIngredient } from '../../../domain/bake-tracker-records';
import { isRejected, labelOf, orSlug, lower, plannedId, readRecord, rejected, section, type Outcome, type Planned } from '../../../domain/import-plan';
import { MAX_INGREDIENT_LEVEL } from '../../../domain/ingredient-tree-rules';
import { insertIngredientRow } from '../../catalog/ingredient-rows';
import type { ImportFile, SectionPlan } from './section';

export interface IngredientPlan extends Planned<BtIngredient> {
  level: number;
  parentSlug: string | null;
}

export interface IngredientSection extends SectionPlan<BtIngredient> {
  items: IngredientPlan[];
  bySlug: Map<string, IngredientPlan>;
  /** Slugs that have sub-ingredients in the file: not leaves, so no products. */
  withChildren: Set<string>;
}

interface DbIngredient {
  id: number;
  level: number;
  parent_slug: string | null;
}

const BY_SLUG = 'SELECT i.id, i.level, p.slug AS parent_slug FROM ingredients i LEFT JOIN ingredients p ON p.id = i.parent_id WHERE i.slug = ?';

export function planIngredients(db: Database, file: ImportFile, tx?: Tx): IngredientSection {
  return withTransaction(db, tx, (t) => {
    const items: IngredientPlan[] = section(file.data, 'ingredients').map((raw, i) => ({
      ...readRecord(raw, `ingredients[${i}]`, readIngredient, orSlug(labelOf('display_name'))),
      index: i,
      level: 0,
      parentSlug: null,
    }));
    const bySlug = new Map<string, IngredientPlan>();
    const names = new Map<string, IngredientPlan>();
    for (const ing of items) {
      const r = ing.record;
      if (!r) continue;
      if (bySlug.has(r.slug)) {
        ing.result = rejected(`${ing.path}.slug`, `The slug ${r.slug} is used twice in this file (first at ${bySlug.get(r.slug)!.path}).`);
        continue;
      }
      if (names.has(lower(r.name))) {
        ing.result = rejected(`${ing.path}.display_name`, `Two ingredients in this file are called ${r.name} (first at ${names.get(lower(r.name))!.path}).`);
        continue;
      }
      bySlug.set(r.slug, ing);
      names.set(lower(r.name), ing);
      const existing = t.get<DbIngredient>(BY_SLUG, [r.slug]);
      if (existing) {
        ing.result = { outcome: 'skipped', id: existing.id };
        ing.level = existing.level;
        ing.parentSlug = existing.parent_slug;
        continue;
      }
      const clash = t.get<{ slug: string }>('SELECT slug FROM ingredients WHERE name = ? COLLATE NOCASE', [r.name]);
      if (clash) ing.result = rejected(`${ing.path}.display_name`, `An ingredient called ${r.name} already exists (as ${clash.slug}).`);
    }

    // Place each new ingredient: its level follows from its parent's; too deep moves it up.
    const placed = new Set<IngredientPlan>();
    const placing = new Set<IngredientPlan>();
    /** What the baker calls the ingredient with this slug (the file's name, else the pantry's). */
    const nameOf = (slug: string): string =>
      bySlug.get(slug)?.record?.name ?? t.get<{ name: string }>('SELECT name FROM ingredients WHERE slug = ?', [slug])?.name ?? slug;
    const levelOf = (slug: string): { level: number; parentSlug: string | null } | null => {
      const inFile = bySlug.get(slug);
      if (inFile) {
        place(inFile);
        return isRejected(inFile.result) ? null : { level: inFile.level, parentSlug: inFile.parentSlug };
      }
      const row = t.get<DbIngredient>(BY_SLUG, [slug]);
      return row ? { level: row.level, parentSlug: row.parent_slug } : null;
    };
    const place = (ing: IngredientPlan): void => {
      if (placed.has(ing) || !ing.record || ing.result.outcome !== 'created') return;
      if (placing.has(ing)) {
        ing.result = rejected(`${ing.path}.parent_slug`, `${ing.record.name} is, through its parents, its own parent.`);
        return;
      }
      placing.add(ing);
      const r = ing.record;
      let parentSlug = r.parentSlug;
      if (parentSlug !== null) {
        let parent = levelOf(parentSlug);
        if (!parent) {
          const why = bySlug.has(parentSlug) ? 'was rejected' : 'is neither in this file nor in the pantry';
          ing.result = rejected(`${ing.path}.parent_slug`, `The parent ${parentSlug} ${why}.`);
        } else {
          const original = parentSlug;
          while (parent && parent.level + 1 > MAX_INGREDIENT_LEVEL && parent.parentSlug !== null) {
            parentSlug = parent.parentSlug;
            parent = levelOf(parentSlug);
          }
          if (!parent || parent.level + 1 > MAX_INGREDIENT_LEVEL) {
            ing.result = rejected(`${ing.path}.parent_slug`, `${r.name} would be deeper than the three levels the ingredient tree has.`);
          } else {
            if (parentSlug !== original) {
              file.report.warn(
                `${ing.path}.parent_slug`,
                'moved-up',
                `It sat under ${nameOf(original)}, a fourth level; it now sits beside it, under ${nameOf(parentSlug)}.`,
              );
            }
            ing.level = parent.level + 1;
          }
        }
      }
      ing.parentSlug = parentSlug;
      placing.delete(ing);
      placed.add(ing);
    };
    for (const ing of items) place(ing);

    const withChildren = new Set<string>();
    for (const ing of items) if (!isRejected(ing.result) && ing.parentSlug) withChildren.add(ing.parentSlug);
    return { key: 'ingredients', entity: 'ingredient', items, bySlug, withChildren };
  });
}

/**
 * Why `slug` cannot take products or lots (`what`), reported at `path`: rejected in the file, unknown, or
 * with sub-ingredients; null when it is a leaf of the file or the pantry.
 */
export function leafRefusal(db: Database, plan: IngredientSection, slug: string, path: string, what: string, tx?: Tx): Outcome | null {
  return withTransaction(db, tx, (t) => {
    const inFile = plan.bySlug.get(slug);
    if (inFile && isRejected(inFile.result)) return rejected(path, `Its ingredient ${inFile.label} is refused too (see that ingredient).`);
    const row = inFile ? null : t.get<DbIngredient>(BY_SLUG, [slug]);
    if (!inFile && !row) return rejected(path, `There is no ingredient ${slug} in this file or in the pantry.`);
    const childInDb = row ? t.get('SELECT 1 AS x FROM ingredients c JOIN ingredients p ON p.id = c.parent_id WHERE p.slug = ?', [slug]) : undefined;
    if (plan.withChildren.has(slug) || childInDb) return rejected(path, `${slug} has sub-ingredients; ${what} belong to a specific ingredient.`);
    return null;
  });
}

/** The name of an ingredient of the file or the pantry (a product with no name is named after it). */
export function ingredientNameBySlug(db: Database, plan: IngredientSection, slug: string, tx?: Tx): string {
  return withTransaction(
    db,
    tx,
    (t) => plan.bySlug.get(slug)?.record?.name ?? t.get<{ name: string }>('SELECT name FROM ingredients WHERE slug = ?', [slug])?.name ?? slug,
  );
}

/** The id of an ingredient of the file (once written) or of the pantry. */
export function ingredientIdBySlug(db: Database, plan: IngredientSection, slug: string, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const inFile = plan.bySlug.get(slug);
    return (inFile ? plannedId(inFile) : null) ?? t.get<{ id: number }>('SELECT id FROM ingredients WHERE slug = ?', [slug])!.id;
  });
}

/** Writes the new ingredients, parents before children (levels only grow downwards). */
export function applyIngredients(db: Database, plan: IngredientSection, tx?: Tx): void {
  withTransaction(db, tx, (t) => {
    const created = plan.items.filter((i) => i.result.outcome === 'created').sort((a, b) => a.level - b.level || a.index - b.index);
    for (const ing of created) {
      const r = ing.record!;
      const parentId = ing.parentSlug === null ? null : ingredientIdBySlug(db, plan, ing.parentSlug, t);
      (ing.result as { id: number | null }).id = insertIngredientRow(
        db,
        { slug: r.slug, name: r.name, parentId, level: ing.level, density: r.density, eachWeight: null, notes: r.notes },
        t,
      );
    }
  });
}
