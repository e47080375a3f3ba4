/**
 * Unique slugs for new rows: derived from the name, -2, -3... on collision.
 * A slug a file brings along (an import) is kept as it is when no row has it
 * yet; otherwise the next free one derived from it is used.
 */
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

/** The slug a new row is wanted under: a name to derive it from, or a slug from a file with its name. */
export type SlugWish = string | { name: string; slug: string | null };

/** A slug no row of `table` has yet: the file's slug when free, else one derived from it or from the name. */
export function freeSlug(db: Database, table: SluggedTable, wish: SlugWish, tx?: Tx): string {
  return withTransaction(db, tx, (t) => {
    const taken = (slug: string) => t.get(`SELECT 1 AS x FROM ${table} WHERE slug = ?`, [slug]) !== undefined;
    const { name, slug } = typeof wish === 'string' ? { name: wish, slug: null } : wish;
    return slug && !taken(slug) ? slug : uniqueSlug(slugify(slug ?? name), taken);
  });
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
