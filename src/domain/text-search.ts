/**
 * Ranking of name searches: exact match, then prefix, then a word starting
 * with the query, then anywhere in the name. Case and accents are ignored
 * ("creme" finds "Crème fraîche").
 */

export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/** 0 exact, 1 prefix, 2 word start, 3 substring; undefined when the name does not match. */
export function matchRank(name: string, query: string): number | undefined {
  return rankFolded(foldText(name), foldText(query));
}

function rankFolded(n: string, q: string): number | undefined {
  if (!q) return 3;
  if (n === q) return 0;
  if (n.startsWith(q)) return 1;
  const at = n.indexOf(q);
  if (at < 0) return undefined;
  for (let i = at; i >= 0; i = n.indexOf(q, i + 1)) {
    if (!/[a-z0-9]/.test(n[i - 1] ?? ' ')) return 2;
  }
  return 3;
}

/** Sorts matches best first, then alphabetically, and keeps the first `limit`. */
export function rankByName<T>(items: readonly T[], query: string, name: (item: T) => string, limit = Infinity): T[] {
  const q = foldText(query);
  const scored: { item: T; rank: number; key: string }[] = [];
  for (const item of items) {
    const key = foldText(name(item));
    const rank = rankFolded(key, q);
    if (rank !== undefined) scored.push({ item, rank, key });
  }
  scored.sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.item);
}
