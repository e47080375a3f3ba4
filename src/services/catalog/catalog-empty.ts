/**
 * Whether the catalog holds anything at all: the first-run check. One
 * existence probe per table, so opening the app never reads the whole
 * ingredient tree just to learn that it is not empty.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';

/** Anything a baker (or an import) names in the catalog; any row in one of these means "not a first run". */
const CATALOG_TABLES = ['ingredients', 'suppliers', 'materials', 'recipes'] as const;

export function catalogIsEmpty(db: Database, tx?: Tx): boolean {
  return withTransaction(db, tx, (t) => CATALOG_TABLES.every((table) => t.get(`SELECT 1 AS x FROM ${table} LIMIT 1`) === undefined));
}
