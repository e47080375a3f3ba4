/**
 * Reading a large section of an export a page of rows at a time. The order
 * of the section's records is read first as a list of ids (cheap); each page
 * of ids (domain/id-pages.ts) then reads its rows and ledgers, is made into
 * records, written, and let go before the next is read. See
 * docs/design/snapshot-streaming.md.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import type { Page } from '../../domain/id-pages';

type Row = Record<string, unknown>;

/** The rows `sql` reads for a page (its one parameter is the page's ids), in the page's order, matched by their `id`. */
export function rowsInOrder(db: Database, sql: string, page: Page, tx?: Tx): Row[] {
  return withTransaction(db, tx, (t) => {
    const byId = new Map(t.all<Row>(sql, [page.json]).map((r) => [r.id as number, r]));
    return page.ids.map((id) => byId.get(id)!);
  });
}
