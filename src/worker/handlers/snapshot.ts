/**
 * RPC handlers for JSON snapshots (docs/export-format.md). The file to import
 * is handed to the worker as the File the baker picked and read here, so a
 * large one never sits in the page's memory; its progress comes back as
 * 'progress' notices under the key the page gave. "Replace" imports into a
 * new database beside the real one and, when nothing is refused, swaps it in
 * as one durable image (like restoring a backup); "merge" adds to the real
 * database in one transaction. A dry run of either reports and writes nothing.
 */
import { checkFileSize, FILE_KINDS } from '../../domain/file-limits';
import { snapshotFromBytes } from '../../domain/snapshot-bytes';
import { parseSnapshotText } from '../../domain/snapshot-text';
import { writeSnapshot } from '../../services/snapshot/export';
import { importSnapshot, type SnapshotImportOptions } from '../../services/snapshot/import';
import { TOPICS } from '../topics';
import type { HandlerContext } from './context';
import { defineHandlers, read, write } from './define';

export interface SnapshotImportRequest {
  file: Blob;
  /** 'replace': everything on this device becomes the file's content; 'merge': what is missing is added. */
  mode: 'replace' | 'merge';
  dryRun: boolean;
  /** Names this request's progress notices. */
  progressKey?: string;
}

/**
 * The snapshot's bytes, encoded piece by piece as the export writes them: the
 * page needs one array to save, but never the whole text as a string next to
 * every record object and the bytes.
 */
function snapshotBytes(ctx: HandlerContext): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let length = 0;
  writeSnapshot(ctx.db, (piece) => {
    const bytes = encoder.encode(piece);
    parts.push(bytes);
    length += bytes.length;
  });
  const all = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

function progressOf(ctx: HandlerContext, key: string | undefined): SnapshotImportOptions['onProgress'] {
  return key === undefined ? undefined : (p) => ctx.runtime.progress(key, p.phase, p.done, p.total);
}

export const snapshotHandlers = defineHandlers({
  /** The whole database as a snapshot file's bytes (transferred to the page). */
  'snapshot.export': read(TOPICS, (ctx, _params: void) => snapshotBytes(ctx)),
  'snapshot.import': write(async (ctx, params: SnapshotImportRequest) => {
    checkFileSize(FILE_KINDS.snapshot, params.file.size);
    // A plain snapshot is read from its bytes a batch of records at a time (docs/design/snapshot-streaming.md); anything else is parsed whole.
    const bytes = new Uint8Array(await params.file.arrayBuffer());
    const data = snapshotFromBytes(bytes) ?? parseSnapshotText(new TextDecoder().decode(bytes));
    const onProgress = progressOf(ctx, params.progressKey);
    // `consume`: the file was parsed for this import only, so its records are let go as they are read.
    if (params.mode === 'merge') return importSnapshot(ctx.db, data, { mode: 'merge', dryRun: params.dryRun, onProgress, consume: true });
    const scratch = await ctx.runtime.scratchDatabase();
    try {
      const report = importSnapshot(scratch, data, { mode: 'restore', dryRun: params.dryRun, onProgress, consume: true });
      if (report.written) await ctx.runtime.restoreFile(scratch.engine.exportImage!());
      return report;
    } finally {
      scratch.close();
    }
  }),
});
