/**
 * Unique slugs for new rows: derived from the name, -2, -3... on collision.
 * A slug a file brings along (an import) is kept as it is when no row has it
 * yet; otherwise the next free one derived from it is used.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { slugify, uniqueSlug } from '../../domain/slug';

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
