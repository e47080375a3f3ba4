/**
 * A long list of row ids in pages, each page also as the JSON list SQLite's
 * `json_each(?)` reads: how a large export section is read a page of rows at
 * a time (services/snapshot/export-pages.ts, docs/design/snapshot-streaming.md).
 */
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
