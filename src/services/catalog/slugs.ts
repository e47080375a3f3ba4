/** Unique slugs for new rows: derived from the name, -2, -3... on collision. */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { isValidSlug, slugify, uniqueSlug } from '../../domain/slug';
import { AppError, validationError } from '../../errors';

export type SluggedTable =
  | 'ingredients'
  | 'products'
  | 'suppliers'
  | 'materials'
  | 'material_products'
  | 'material_units'
  | 'recipes'
  | 'finished_units'
  | 'finished_goods'
  | 'events';

/** A slug for `name` that no row of `table` has yet. */
export function freeSlug(db: Database, table: SluggedTable, name: string, tx?: Tx): string {
  return withTransaction(db, tx, (t) =>
    uniqueSlug(slugify(name), (slug) => t.get(`SELECT 1 AS x FROM ${table} WHERE slug = ?`, [slug]) !== undefined),
  );
}

/**
 * The slug a new row gets: `wanted` (an import keeps its file's slugs, which
 * are the natural keys other records refer to) when given, else one derived
 * from `name`. A wanted slug that is malformed or taken is refused at the
 * `slug` field rather than silently changed.
 */
export function claimSlug(db: Database, table: SluggedTable, wanted: unknown, name: string, tx?: Tx): string {
  return withTransaction(db, tx, (t) => {
    if (wanted === undefined || wanted === null) return freeSlug(db, table, name, t);
    if (typeof wanted !== 'string' || !isValidSlug(wanted)) {
      throw validationError('slug', 'A slug is lowercase letters, digits, - and _.', { value: wanted });
    }
    if (t.get(`SELECT 1 AS x FROM ${table} WHERE slug = ?`, [wanted])) {
      throw new AppError('DUPLICATE', `The slug ${wanted} is already taken.`, { field: 'slug', slug: wanted });
    }
    return wanted;
  });
}
