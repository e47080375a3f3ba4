/**
 * A long list read one page at a time. Every list that can grow without
 * bound (purchases, and later lots, runs, events) answers with a Page, never
 * with "the first N" and silence about the rest: `total` says how many match,
 * `nextOffset` where the next page starts (null on the last page).
 */
export interface Page<T> {
  items: T[];
  /** Every item the request matches, not only this page. */
  total: number;
  offset: number;
  nextOffset: number | null;
}

/** The page of `items` that starts at `offset`, out of `total` matches. */
export function pageOf<T>(items: T[], total: number, offset: number): Page<T> {
  const end = offset + items.length;
  return { items, total, offset, nextOffset: end < total ? end : null };
}
