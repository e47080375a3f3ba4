/**
 * How much of a file from elsewhere Bake Planner agrees to read, in one place.
 * A file is checked by its size before a byte of it is read (the page looks at
 * `File.size`, the command line at `fs.stat`, the worker at the length it was
 * handed), so a 1 GB file is refused at once instead of filling the tab's
 * memory. Inside a file, the limits of `json-file.ts` (nesting depth, keys)
 * and `MAX_RECORDS_OF_ONE_KIND` apply; each field's own length limit is in
 * `limits.ts`.
 *
 * A new importer adds its kind to `FILE_KINDS` and checks with it on every
 * path a file comes in by (see docs/design/security.md).
 */
import { AppError } from '../errors';

const MB = 1_000_000;

export interface FileKind {
  /** What the baker calls such a file, to start a sentence: "A Bake Tracker backup". */
  readonly what: string;
  /** The largest file of this kind that is read at all. */
  readonly maxBytes: number;
}

export const FILE_KINDS = {
  /** Bake Tracker's JSON backups: a real one with 413 ingredients is 0.3 MB. */
  bakeTrackerBackup: { what: 'A Bake Tracker backup', maxBytes: 32 * MB },
  /**
   * Bake Planner's own SQLite backups ("Download a backup"). The whole file
   * is held in memory twice while it is checked (the bytes and the opened
   * database), so this stays well inside what a phone's tab is given.
   */
  sqliteBackup: { what: 'A Bake Planner backup', maxBytes: 256 * MB },
  /**
   * Bake Planner's JSON snapshots (docs/export-format.md). The app must read
   * back what it writes: a busy business over years (the generated L bakery
   * of docs/benchmarks.md: 50,000 lots and 20,000 runs, each run with its
   * recipe snapshot and draws) exports 142 MB, so 100 MB refused its own export.
   */
  snapshot: { what: 'A Bake Planner snapshot', maxBytes: 256 * MB },
} as const satisfies Record<string, FileKind>;

/**
 * Records of one kind in one file (ingredients, products…). A home bakery has
 * hundreds; past this the file is refused before any record is checked, so a
 * file of a million tiny records cannot make a report a million lines long.
 */
export const MAX_RECORDS_OF_ONE_KIND = 100_000;

/** Sizes for messages, the same on every device: "32 MB", "1.1 GB", "512 bytes". */
export function plainBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return `${Number(value.toFixed(1))} ${units[i]}`;
}

/**
 * Refuses a file larger than its kind allows. Called with the size the
 * platform reports before reading (File.size, fs.stat), so nothing is read.
 */
export function checkFileSize(kind: FileKind, bytes: number, name?: string): void {
  if (bytes <= kind.maxBytes) return;
  const file = name ? `${quoted(name)} is` : 'This file is';
  throw new AppError(
    'IMPORT',
    `${file} ${plainBytes(bytes)}; ${kind.what.charAt(0).toLowerCase()}${kind.what.slice(1)} can be at most ${plainBytes(kind.maxBytes)}. Nothing was read.`,
    { field: 'file', bytes, maxBytes: kind.maxBytes },
  );
}

/**
 * The same check for a file already read as text (the worker is handed the
 * text by the page). A string's UTF-16 length is never more than its UTF-8
 * size, so a text longer than the limit in characters is surely over it in bytes.
 */
export function checkTextSize(kind: FileKind, text: string): void {
  if (text.length > kind.maxBytes) checkFileSize(kind, text.length);
}

/** Refuses more than `MAX_RECORDS_OF_ONE_KIND` records under `key` before any is read. */
export function checkRecordCount(key: string, count: number): void {
  if (count <= MAX_RECORDS_OF_ONE_KIND) return;
  throw new AppError(
    'IMPORT',
    `The file has ${count.toLocaleString('en-US')} records in ${quoted(key)}; Bake Planner reads at most ${MAX_RECORDS_OF_ONE_KIND.toLocaleString('en-US')} of one kind. Nothing was imported.`,
    { field: 'file', path: key, count, max: MAX_RECORDS_OF_ONE_KIND },
  );
}

/**
 * Text from a file, cut to `max` characters for a message or a report, so a
 * 10 MB name or key never makes a 10 MB message. Line breaks and other
 * control characters show as a space: a message is one line.
 */
export function clip(text: string, max = 60): string {
  const flat = text.slice(0, max + 1).replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** `clip`ped text in quotes: `"Flour, all-purp…"`. */
export function quoted(text: string, max = 60): string {
  return `"${clip(text, max)}"`;
}
