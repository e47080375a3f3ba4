/**
 * A snapshot's text written in pieces, byte for byte what `snapshotText`
 * gives for the whole document: the header, then each section a few hundred
 * records at a time. An export of a large bakery is over 100 MB of text and
 * three times that in record objects; written this way only one section's
 * records and one batch's text are alive at once (docs/design/snapshot-streaming.md).
 *
 * Each piece is what JSON.stringify(…, null, 2) writes for it where it sits
 * in the document: a record two levels down (in the top object, in its
 * section's list) is indented by four spaces. Rather than re-indent, a batch
 * is stringified inside a one-section document of its own and cut out of it,
 * so the pieces cannot drift from JSON.stringify's own layout.
 */
import type { SnapshotFile, SnapshotSection } from './snapshot-format';

/**
 * About how long a piece is, in characters. V8 keeps a string of more than
 * 128 kB in its large-object space, which only a full collection frees: a
 * 142 MB export written in pieces of megabytes left them all waiting there
 * and the heap grew by hundreds of MB. Pieces of a few tens of kB are freed by
 * the young generation's cheap collections as soon as they are written.
 */
export const PIECE_CHARS = 32_000;

export type SnapshotHeader = Omit<SnapshotFile, SnapshotSection>;

/** The document's opening and its header fields, up to (not including) the separator before the first section. */
export function headerPiece(header: SnapshotHeader): string {
  const text = JSON.stringify(header, null, 2);
  return text.slice(0, -2); // without the closing "\n}"
}

/**
 * The pieces of one section: its key and opening bracket, the records in
 * batches, the closing bracket. Preceded by the separator after the header or
 * the previous section. The records come in pages (a page of runs is built
 * only once the one before is written); `counted` is told each page's size.
 */
export function* sectionPieces(key: SnapshotSection, pages: Iterable<readonly unknown[]>, counted: (n: number) => void = () => {}): Generator<string> {
  const open = `{\n  ${JSON.stringify(key)}: [\n`;
  const close = '\n  ]\n}';
  let written = 0;
  // Records per piece, from the length of the records written so far: a supplier is 200 characters, a bake 10,000.
  let batch = 8;
  for (const page of pages) {
    counted(page.length);
    for (let start = 0; start < page.length; ) {
      const records = page.slice(start, start + batch);
      start += records.length;
      const text = JSON.stringify({ [key]: records }, null, 2);
      yield `${written === 0 ? `,${open.slice(1)}` : ',\n'}${text.slice(open.length, -close.length)}`;
      written++;
      batch = Math.max(1, Math.round((PIECE_CHARS * records.length) / text.length));
    }
  }
  yield written === 0 ? `,\n  ${JSON.stringify(key)}: []` : '\n  ]';
}

/** What closes the document after the last section. */
export const CLOSING_PIECE = '\n}\n';
