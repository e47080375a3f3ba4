/**
 * Reading a large section of an export a page of rows at a time. The order
 * of the section's records is read first as a list of ids (cheap); each page
 * of ids then reads its rows and ledgers, is made into records, written, and
 * let go before the next is read. See docs/design/snapshot-streaming.md.
 */
import type { Tx } from '../../db/session';

type Row = Record<string, unknown>;

export interface Page {
  ids: number[];
  /** The ids as the JSON list `json_each(?)` reads. */
  json: string;
}

export function* pagesOf(ids: readonly number[], size: number): Generator<Page> {
  for (let start = 0; start < ids.length; start += size) {
    const page = ids.slice(start, start + size);
    yield { ids: page, json: JSON.stringify(page) };
  }
}

/** The rows `sql` reads for a page (its one parameter is the page's ids), in the page's order, matched by their `id`. */
export function rowsInOrder(t: Tx, sql: string, page: Page): Row[] {
  const byId = new Map(t.all<Row>(sql, [page.json]).map((r) => [r.id as number, r]));
  return page.ids.map((id) => byId.get(id)!);
}
