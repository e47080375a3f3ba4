/**
 * Name search as a baker types it: word order and punctuation do not matter
 * ("sugar brown" and "brown sugar" both find "Sugar, brown light"), every
 * query word must start some word of the name, and a word of 4 letters or
 * more may carry one typo ("brwn"). Case and accents are ignored ("creme"
 * finds "Crème fraîche"). Ranks, best first:
 *   0 exact (same words in the same order), 1 the name starts with the query,
 *   2 every query word starts a name word, 3 the same with a typo or an
 *   abbreviation ("ap" for "all-purpose"), 4 some words found only in the
 *   context (an ingredient's group names), at least one in the name itself.
 */

export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/** Folded words: apostrophes vanish ("Wegman's" is "wegmans"), any other non-letter separates. */
export function wordsOf(text: string): string[] {
  return foldText(text)
    .replace(/['\u2019]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** One typo (a letter wrong, missing, extra, or two swapped) is forgiven in query words this long. */
const FUZZY_MIN_LENGTH = 4;

interface Searchable {
  /** Words joined by one space: the exact and prefix ranks compare these. */
  phrase: string;
  words: string[];
}

function searchable(text: string): Searchable {
  const words = wordsOf(text);
  return { phrase: words.join(' '), words };
}

/** Adjacent words run together ("allpurpose" for "all-purpose") start with `q`, or their initials are `q` ("ap"). */
function joinedMatch(q: string, words: string[]): boolean {
  for (let i = 0; i < words.length - 1; i++) {
    let joined = words[i]!;
    let at = 0;
    while (at + 1 < words.length - i && q.startsWith(joined) && joined.length < q.length) {
      at++;
      joined += words[i + at];
      if (joined.startsWith(q)) return true;
    }
    let k = 0;
    while (k < q.length && i + k < words.length && words[i + k]!.charAt(0) === q.charAt(k)) k++;
    if (k === q.length && k > 1) return true;
  }
  return false;
}

/**
 * Fewest edits turning `query` into some prefix of `word` (optimal string
 * alignment: a swap of two neighbours counts once), stopping early above 1.
 */
function prefixEditDistance(query: string, word: string): number {
  const m = query.length;
  const n = word.length;
  let before: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = query[i - 1] === word[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && query[i - 1] === word[j - 2] && query[i - 2] === word[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > 1) return rowMin;
    before = prev;
    prev = row;
  }
  return Math.min(...prev);
}

/**
 * Typos are looked for only in words that start like the query word (or with
 * its first two letters swapped): a wrong first letter is rare, and skipping
 * those words keeps a search of 400 names well under a millisecond.
 */
function mayBeTypo(q: string, w: string): boolean {
  return w.charAt(0) === q.charAt(0) || (w.charAt(0) === q.charAt(1) && w.charAt(1) === q.charAt(0));
}

/** 0 a word starts with it, 1 only with a typo or as a compound or initials, undefined not at all. */
function wordMatch(q: string, target: Searchable): 0 | 1 | undefined {
  if (target.words.some((w) => w.startsWith(q))) return 0;
  if (joinedMatch(q, target.words)) return 1;
  if (q.length >= FUZZY_MIN_LENGTH && target.words.some((w) => mayBeTypo(q, w) && prefixEditDistance(q, w) <= 1)) return 1;
  return undefined;
}

function rankSearchable(name: Searchable, query: Searchable, context: (() => Searchable) | null): number | undefined {
  if (query.words.length === 0) return 3;
  if (name.phrase === query.phrase) return 0;
  if (name.phrase.startsWith(query.phrase)) return 1;
  let rank = 2;
  let inName = 0;
  let contextWords: Searchable | undefined;
  for (const q of query.words) {
    const m = wordMatch(q, name);
    if (m !== undefined) {
      inName++;
      if (m === 1) rank = 3;
      continue;
    }
    if (!context) return undefined;
    contextWords ??= context();
    if (wordMatch(q, contextWords) === undefined) return undefined;
    rank = 4;
  }
  return inName > 0 ? rank : undefined;
}

/** 0 exact, 1 prefix, 2 every word starts a name word, 3 with a typo or abbreviation, 4 helped by context; undefined when the name does not match. */
export function matchRank(name: string, query: string, context = ''): number | undefined {
  return rankSearchable(searchable(name), searchable(query), context ? () => searchable(context) : null);
}

/**
 * Sorts matches best first, then alphabetically, and keeps the first `limit`.
 * `context` gives words that may match too, at the lowest rank (an
 * ingredient's group names: "flour rye" finds Rye under Flours).
 */
export function rankByName<T>(
  items: readonly T[],
  query: string,
  name: (item: T) => string,
  limit = Infinity,
  context?: (item: T) => string,
): T[] {
  const q = searchable(query);
  const scored: { item: T; rank: number; key: string }[] = [];
  for (const item of items) {
    const n = searchable(name(item));
    const rank = rankSearchable(n, q, context ? () => searchable(context(item)) : null);
    if (rank !== undefined) scored.push({ item, rank, key: n.phrase });
  }
  scored.sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.item);
}

/**
 * Whether every word of `query` is found among the words of `text` the way a
 * name search finds it (the start of a word, with one typo, or initials), in
 * any order: a filter over longer text (a purchase's product, ingredient,
 * supplier and notes). An empty query matches everything.
 */
export function matchesEveryWord(text: string, query: string): boolean {
  const target = searchable(text);
  return searchable(query).words.every((q) => wordMatch(q, target) !== undefined);
}
