/**
 * JSON snapshots on the command line (docs/export-format.md): the demo
 * bakery into a new file, export, import (restore, merge, dry run) and
 * validate. A failed import leaves the database file as it was, and a dry
 * run never writes (nor creates) it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { openSqlJsDatabase } from '../../db/open';
import type { ImportReport } from '../../domain/import-report';
import { snapshotFromBytes } from '../../domain/snapshot-bytes';
import { parseSnapshotText } from '../../domain/snapshot-text';
import { AppError } from '../../errors';
import { FILE_KINDS } from '../../domain/file-limits';
import { loadSample } from '../../services/sample/sample-pantry';
import { writeSnapshot } from '../../services/snapshot/export';
import { importSnapshot } from '../../services/snapshot/import';
import { fullCollection } from '../collect';
import { defineCommand } from '../command';
import { readFileBytes, writeFileInPieces } from '../files';

/**
 * The file, refused by its size before it is read when over the snapshot
 * limit. A plain snapshot is read section by section from its bytes (a
 * batch of records at a time, as the import asks for them); anything else
 * (a Bake Tracker backup, an older format, a broken file) is parsed whole,
 * which also words every refusal.
 */
function readSnapshotFile(path: string): unknown {
  const bytes = readFileBytes(path, FILE_KINDS.snapshot);
  return snapshotFromBytes(bytes) ?? parseSnapshotText(bytes.toString('utf8'));
}

/** The report as lines: the summary, what each kind of record came to, notes, and each rejected record's path and reason. */
function reportLines(report: ImportReport): string[] {
  const lines = [report.summary];
  for (const [entity, c] of Object.entries(report.counts)) {
    if (c.created + c.skipped + c.rejected === 0) continue;
    const parts = [c.created && `${c.created} ${report.written ? 'created' : 'to create'}`, c.skipped && `${c.skipped} skipped (already there)`, c.rejected && `${c.rejected} rejected`];
    lines.push(`  ${entity}: ${parts.filter(Boolean).join(', ')}`);
  }
  for (const w of report.warnings) lines.push(`  note: ${w.path}: ${w.message}`);
  for (const n of report.notImported) lines.push(`  not imported: ${n.section} (${n.count} records)`);
  return lines;
}

/** A report with rejected records is an error: the runner prints each { path, reason } and exits 1. */
function refuseIfRejected(report: ImportReport): void {
  if (report.ok) return;
  const problems = report.records.filter((r) => r.outcome === 'rejected').map((r) => ({ path: r.path, reason: r.reason ?? '' }));
  throw new AppError('IMPORT', report.summary, { problems, report });
}

export const snapshotCommands = [
  defineCommand({
    name: 'demo',
    usage: '<db>',
    summary: 'the demo bakery (sample catalog, recipes, goods, purchases) into a new database file',
    database: 'create',
    run: ({ db, path }) => {
      if (existsSync(path)) throw new AppError('CONFLICT', `${path} already exists; demo writes a new file only. Choose another name.`, { path });
      const data = JSON.parse(readFileSync(new URL('../../services/sample/bake-tracker-sample.json', import.meta.url), 'utf8')) as unknown;
      const result = loadSample(db, data);
      return { json: { path, ...result }, text: [`Created ${path} with the demo bakery: ${result.report.summary} ${result.purchasesRecorded} sample purchases recorded.`] };
    },
  }),
  defineCommand({
    name: 'export',
    usage: '<db> [--out FILE]',
    summary: 'the whole database as a JSON snapshot, to stdout or FILE',
    database: 'read',
    options: { out: 'value' },
    run: ({ db, options }) => {
      const out = options.out;
      if (typeof out !== 'string') {
        // To stdout: the pieces are printed once the command returns, after the database is closed.
        const pieces: string[] = [];
        const counts = writeSnapshot(db, (piece) => pieces.push(piece));
        return { json: counts, text: [], raw: pieces };
      }
      const { result: counts, bytes } = writeFileInPieces(out, (write) => writeSnapshot(db, write));
      const records = Object.values(counts).reduce((a, b) => a + b, 0);
      return { json: { path: out, records, bytes }, text: [`Exported ${records} records to ${out}.`] };
    },
  }),
  defineCommand({
    name: 'import',
    usage: '<db> <file> [--merge] [--dry-run]',
    summary: 'import a snapshot (or a Bake Tracker backup): into an empty database, or --merge into one with data; --dry-run only reports',
    database: 'create',
    minArgs: 1,
    options: { merge: 'flag', 'dry-run': 'flag' },
    run: ({ db, args, options }) => {
      const dryRun = options['dry-run'] === true;
      const report = importSnapshot(db, readSnapshotFile(args[0]!), {
        mode: options.merge === true ? 'merge' : 'restore',
        dryRun,
        consume: true,
        collect: fullCollection(),
      });
      refuseIfRejected(report);
      return { json: report, text: reportLines(report), changed: report.written };
    },
  }),
  defineCommand({
    name: 'validate',
    usage: '<file>',
    summary: 'check a snapshot (or a Bake Tracker backup) without importing it: exit 1 and every problem when it would be refused',
    database: 'none',
    minArgs: 1,
    run: async ({ args }) => {
      const data = readSnapshotFile(args[0]!);
      const db = await openSqlJsDatabase();
      try {
        const report = importSnapshot(db, data, { mode: 'restore', dryRun: true, consume: true });
        refuseIfRejected(report);
        return { json: report, text: reportLines(report) };
      } finally {
        db.close();
      }
    },
  }),
];
