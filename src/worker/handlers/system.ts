/**
 * Handlers about the database itself: readiness, versions, storage figures
 * for the Settings screen, the recovery report and the records it set aside
 * (listed, downloaded as a file, discarded), checkpoints and whole-file
 * backups. The `system.touch*` pair (a one-row write with a known value),
 * `system.dropConnection`, `system.failNextWrite` (fault injection) and
 * `system.setCommitMode` (the benchmark's whole-image baseline) exist
 * only for tests and benchmarks and refuse to run unless the page of the test
 * build (`--mode test-hooks`) was opened with `?test-hooks`. Their reads depend on no topic: they change only with
 * the whole database (a restore), or are asked for when needed.
 */
import { AppError } from '../../errors';
import { schemaVersion } from '../../db/migrate';
import { withTransaction, type Database, type Tx } from '../../db/session';
import { describeQuarantine, encodeQuarantineFile } from '../quarantine-file';
import type { CommitMode, HandlerContext } from './context';
import { defineHandlers, read, write } from './define';

export const systemHandlers = defineHandlers({
  'system.ping': read([], (_ctx, _params: void) => 'pong' as const),
  'system.info': read([], (ctx, _params: void) => ({
    schemaVersion: schemaVersion(ctx.db),
    driver: ctx.db.engine.driver,
  })),
  'system.storageStatus': read([], (ctx, _params: void) => ctx.runtime.storageStatus(ctx.forwarded === true)),
  'system.recoveryReport': read([], (ctx, _params: void) => ctx.runtime.recoveryReport()),
  /** The records recovery set aside and still kept: which, when, how big, why (no bytes). */
  'system.quarantined': read([], async (ctx, _params: void) => describeQuarantine(await ctx.runtime.quarantined())),
  /** Every set-aside record with its bytes, as a JSON file transferred to the page, so discarding loses nothing. */
  'system.exportQuarantine': read([], async (ctx, _params: void) =>
    encodeQuarantineFile(await ctx.runtime.quarantined(), new Date().toISOString()),
  ),
  'system.clearQuarantine': write((ctx, _params: void) => ctx.runtime.clearQuarantine()),
  'system.checkpoint': write((ctx, _params: void) => ctx.runtime.checkpointNow()),
  /** Queued like an idle checkpoint, answered at once (the benchmark times requests that arrive during one). */
  'system.checkpointInBackground': write((ctx, _params: void) => ctx.runtime.checkpointInBackground()),
  /** The database as a SQLite file; its buffer is transferred to the page. */
  'system.exportFile': read([], (ctx, _params: void) => ctx.runtime.exportFile()),
  'system.restoreFile': write((ctx, params: { file: Uint8Array }) => ctx.runtime.restoreFile(params.file)),
  'system.touch': write((ctx, params: { label: string; value: number }) => {
    requireTestHooks(ctx);
    return touch(ctx.db, params.label, params.value);
  }),
  'system.touched': read([], (ctx, _params: void) => {
    requireTestHooks(ctx);
    return touched(ctx.db);
  }),
  'system.dropConnection': write((ctx, _params: void) => {
    requireTestHooks(ctx);
    ctx.runtime.dropConnection();
  }),
  'system.failNextWrite': write(
    (ctx, params: { name: 'QuotaExceededError' | 'UnknownError'; write?: 'commit' | 'checkpoint'; times?: number }) => {
      requireTestHooks(ctx);
      ctx.runtime.failNextWrite(params.name, params.write, params.times);
    },
  ),
  'system.setCommitMode': write((ctx, params: { mode: CommitMode }) => {
    requireTestHooks(ctx);
    ctx.runtime.setCommitMode(params.mode);
  }),
});

function requireTestHooks(ctx: HandlerContext): void {
  if (!ctx.runtime.testHooks) {
    throw new AppError('UNKNOWN_METHOD', 'This request is available only to tests, in the test build opened with ?test-hooks.');
  }
}

/** The test hooks' own table; a restored test database may have it (backup-file.ts), in test builds only. */
export const TOUCH_TABLE = 'test_hook_touches';

/** One-row write into a table that exists only in databases driven by tests. */
function touch(db: Database, label: string, value: number, tx?: Tx): { label: string; value: number } {
  return withTransaction(db, tx, (tx) => {
    const exists = tx.get("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?", [TOUCH_TABLE]);
    if (!exists) tx.exec(`CREATE TABLE ${TOUCH_TABLE} (label TEXT PRIMARY KEY, value REAL NOT NULL, at TEXT NOT NULL)`);
    tx.run(`INSERT OR REPLACE INTO ${TOUCH_TABLE} (label, value, at) VALUES (?, ?, ?)`, [label, value, tx.now()]);
    return { label, value };
  });
}

function touched(db: Database): Record<string, number> {
  const exists = db.engine.get("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?", [TOUCH_TABLE]);
  if (!exists) return {};
  const rows = db.engine.all<{ label: string; value: number }>(`SELECT label, value FROM ${TOUCH_TABLE}`);
  return Object.fromEntries(rows.map((r) => [r.label, r.value]));
}
