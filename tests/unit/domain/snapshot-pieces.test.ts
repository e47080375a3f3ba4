/**
 * A snapshot written in pieces (src/domain/snapshot-pieces.ts) joins to
 * exactly the bytes of the whole document stringified at once, however its
 * sections' records are split into pages (empty pages and sections
 * included), and its pieces stay small enough for V8's young generation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_SECTIONS, snapshotText, type SnapshotFile, type SnapshotSection } from '../../../src/domain/snapshot-format';
import { CLOSING_PIECE, headerPiece, PIECE_CHARS, sectionPieces, type SnapshotHeader } from '../../../src/domain/snapshot-pieces';

const header: SnapshotHeader = {
  format: 'bake-planner-snapshot',
  format_version: 1,
  schema_version: 5,
  exported_at: '2026-11-29T12:00:00.000Z',
  app_version: '0.1.0',
  settings: { currency: null },
};

/** Splits `records` into pages at `cuts` (positions, any order, repeats giving empty pages). */
function paged<T>(records: T[], cuts: number[]): T[][] {
  const at = [...new Set(cuts.map((c) => c % (records.length + 1)))].sort((a, b) => a - b);
  const pages: T[][] = [];
  let from = 0;
  for (const cut of [...at, records.length]) {
    pages.push(records.slice(from, cut));
    from = cut;
  }
  return pages;
}

function written(sections: Record<SnapshotSection, unknown[][]>): { text: string; pieces: string[]; counts: Record<string, number> } {
  const pieces = [headerPiece(header)];
  const counts: Record<string, number> = {};
  for (const key of SNAPSHOT_SECTIONS) {
    counts[key] = 0;
    for (const piece of sectionPieces(key, sections[key], (n) => (counts[key]! += n))) pieces.push(piece);
  }
  pieces.push(CLOSING_PIECE);
  return { text: pieces.join(''), pieces, counts };
}

const record = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });

describe('a snapshot in pieces', () => {
  it('joins to the whole document stringified at once, however its records are paged', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(record, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 4 })), { minLength: SNAPSHOT_SECTIONS.length, maxLength: SNAPSHOT_SECTIONS.length }), (lists) => {
        const doc = { ...header } as Record<string, unknown>;
        const sections = {} as Record<SnapshotSection, unknown[][]>;
        SNAPSHOT_SECTIONS.forEach((key, i) => {
          const [records, cuts] = lists[i]!;
          doc[key] = records;
          sections[key] = paged(records, cuts);
        });
        const { text, counts } = written(sections);
        expect(text).toBe(snapshotText(doc as unknown as SnapshotFile));
        expect(counts).toEqual(Object.fromEntries(SNAPSHOT_SECTIONS.map((key, i) => [key, lists[i]![0].length])));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps pieces of small records and of large ones near PIECE_CHARS (freed young by V8), and a longer record whole', () => {
    const small = Array.from({ length: 20_000 }, (_, i) => ({ slug: `s-${i}`, n: i }));
    const large = Array.from({ length: 300 }, (_, i) => ({ slug: `l-${i}`, notes: 'x'.repeat(5_000 + i) }));
    const huge = [{ slug: 'huge', notes: 'y'.repeat(200_000) }];
    const sections = Object.fromEntries(SNAPSHOT_SECTIONS.map((key) => [key, [] as unknown[][]])) as Record<SnapshotSection, unknown[][]>;
    sections.suppliers = [small];
    sections.recipes = [large.slice(0, 7), large.slice(7)];
    sections.events = [huge];
    const { text, pieces } = written(sections);
    const doc = { ...header, ...Object.fromEntries(SNAPSHOT_SECTIONS.map((key) => [key, sections[key].flat()])) } as unknown as SnapshotFile;
    expect(text).toBe(snapshotText(doc));
    const long = pieces.filter((p) => p.length > 2 * PIECE_CHARS);
    // Only the one record longer than a piece by itself makes a longer piece.
    expect(long).toHaveLength(1);
    expect(long[0]).toContain('"huge"');
    // And the rest are not needlessly short: about one piece per PIECE_CHARS of text, plus each section's first and last.
    expect(pieces.length).toBeLessThan((2 * text.length) / PIECE_CHARS + 3 * SNAPSHOT_SECTIONS.length);
  });
});
