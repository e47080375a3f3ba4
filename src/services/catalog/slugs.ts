/** Unique slugs for new rows: derived from the name, -2, -3... on collision. */
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

/** A slug for `name` that no row of `table` has yet. */
export function freeSlug(db: Database, table: SluggedTable, name: string, tx?: Tx): string {
  return withTransaction(db, tx, (t) =>
    uniqueSlug(slugify(name), (slug) => t.get(`SELECT 1 AS x FROM ${table} WHERE slug = ?`, [slug]) !== undefined),
  );
}
