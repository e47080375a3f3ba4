/**
 * The writer: the one worker (across all tabs) that holds the database. It
 * rebuilds the database from IndexedDB on open, serves requests one at a time
 * and makes each commit durable before answering: the handler's committed
 * write statements go to the IndexedDB log with strict durability, and only
 * then does the reply leave, followed by a 'changed' notice. If that write
 * fails (a full disk), the in-memory database is ahead of storage, so it is
 * rebuilt from IndexedDB and the caller gets the storage error: the last
 * acknowledged state is what remains.
 *
 * Checkpoints (a whole image) are written in the background when the worker
 * is idle or the log grows large, always between requests, never inside a
 * transaction. The new checkpoint is read back and checked before the older
 * one and the log it covers are pruned. The mechanism, guarantee and recovery
 * are described in docs/design/persistence.md.
 */
import { AppError, toErrorPayload } from '../errors';
import { migrate, schemaVersion } from '../db/migrate';
import { Database, type LoggedStatement } from '../db/session';
import { CHECKPOINT_POLICY } from '../persistence/policy';
import { recover, type OpenEngine } from './recovery';
import {
  checkpointChecksumInSlices,
  sealCheckpoint,
  encodeStatements,
  makeLogRecord,
  type CheckpointMeta,
  type LogRecord,
  type RecoverySource,
} from '../persistence/records';
import type { FirstReads } from '../persistence/first-reads';
import { openBackupFile } from './backup-file';
import { TOUCH_TABLE } from './handlers/system';
import { buildReport, type RecoveryReport } from './recovery-report';
import { isQuotaError, type PersistenceStore } from '../persistence/store';
import { BUILD_ID } from '../rpc/app-version';
import { markStartup } from '../rpc/startup-marks';
import type { RpcRequest, RpcResponse, WorkerNotice } from '../rpc/wire';
import { appUpdatedError } from './app-updated';
import { changeNotice, changedTables } from './change-notice';
import type { CommitMode, RuntimeServices, WorkerStorageStatus } from './handlers/context';
import { answerFamily, answerKey, isRemembered, OpeningAnswers } from './remembered-answers';
import { serve } from './rpc-server';

/** Where a request came from: a follower tab's forwarded requests carry a key and, after a handover, a retry mark. */
export interface RequestOrigin {
  requestKey?: string;
  /** Set when the request had been sent to a previous writer that went away; the last seq its tab had seen. */
  retryAfterSeq?: number;
  /** The tab that sent it runs an older app version: it is never run, only a retry is looked up. */
  olderVersion?: boolean;
}

export interface WriterOptions {
  testHooks: boolean;
  notify: (notice: WorkerNotice) => void;
  clock?: () => Date;
  /**
   * The first opening's reads, already asked for (first-reads.ts), the remembered answers among them
   * (remembered-answers.ts); null or failed: the store is asked, and nothing is answered from memory.
   */
  firstReads?: Promise<FirstReads | null>;
}

type PublicCheckpoint = Omit<CheckpointMeta, 'checksum'>;

export class Writer {
  private db: Database | null = null;
  private lastSeq = 0;
  private lastCheckpoint: CheckpointMeta | null = null;
  private report: RecoveryReport | null = null;
  private broken: AppError | null = null;
  private commits: LoggedStatement[][] = [];
  /** The request being served: a restore logs its key too, so a retry of it is recognised as saved. */
  private serving: RequestOrigin = {};
  private since = { commits: 0, bytes: 0 };
  private queue: Promise<unknown>;
  private checkpointWrite: Promise<unknown> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private commitMode: CommitMode = 'log';
  private checkpointQueued = false;
  private mustSaveAgain = false;
  /** Handing over to another tab: requests not yet started are declined, nothing new is written. */
  private closing = false;
  /** Read ahead for the first opening only; a reopening reads the store. */
  private firstReads: Promise<RecoverySource | null> | undefined;
  /** Answers given from memory while the first opening runs; null once it is done. */
  private opening: OpeningAnswers | null;
  /** The seq each remembered answer (by key) is stored at: an answer read again at the same seq is not written again. */
  private readonly rememberedSeq = new Map<string, number>();
  /** The reads whose answers are remembered (by key), to read again once changes settle. */
  private readonly rememberedReads = new Map<string, Pick<RpcRequest, 'method' | 'params'>>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly services: RuntimeServices;
  /** Resolves once the first opening has finished (successfully or not). */
  readonly ready: Promise<void>;

  constructor(
    private readonly store: PersistenceStore,
    private readonly openEngine: OpenEngine,
    private readonly options: WriterOptions,
  ) {
    this.services = this.makeServices();
    this.firstReads = options.firstReads;
    this.opening = options.firstReads ? new OpeningAnswers(options.firstReads.then((reads) => reads?.remembered ?? null)) : null;
    void this.opening?.found().then((answers) => {
      for (const a of answers) if (a.build === BUILD_ID && !this.rememberedSeq.has(a.key)) this.rememberedSeq.set(a.key, a.seq);
    });
    this.ready = this.store
      .open()
      .then(() => {
        markStartup('storage-open');
        return this.load();
      })
      .then(() => markStartup('ready'))
      .catch((e: unknown) => this.fail(e));
    this.queue = this.ready;
  }

  /** The seq of the last durable commit; followers use it to prove a retried request was never applied. */
  get seq(): number {
    return this.lastSeq;
  }

  /**
   * Serves a request in turn. Resolves with null when this writer is handing over and did not run
   * it (for certain): the caller sends it on to the next writer.
   */
  submit(request: RpcRequest, origin: RequestOrigin = {}): Promise<RpcResponse | null> {
    if (this.closing) return Promise.resolve(null);
    // While the first opening runs, a first screen's read may have its remembered answer at once; it
    // keeps its place in the queue all the same, in case it has none. Every request is shown to the
    // opening's answers (a write stops the reads after it), but a retried request or an older tab's
    // is always served the usual way.
    const offered = this.opening?.answer(request) ?? null;
    const early = origin.olderVersion || origin.retryAfterSeq !== undefined ? null : offered;
    const run = this.queue.then(async () => (await early) ?? this.process(request, origin));
    this.queue = run.catch(() => undefined);
    if (!early) return run;
    return early.then((answered) => {
      if (!answered) return run;
      this.rememberedReads.set(answerKey(request), { method: request.method, params: request.params });
      return answered;
    });
  }

  /**
   * Hands the database over: requests already queued are declined, the one being served finishes
   * (durably, as always), a checkpoint being written completes; then the database is closed and
   * IndexedDB released. Resolves when another tab may open it.
   */
  async resign(): Promise<void> {
    this.closing = true;
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    for (let drained = this.queue; ; drained = this.queue) {
      await drained;
      await this.checkpointWrite?.catch(() => undefined);
      if (drained === this.queue) break;
    }
    this.db?.close();
    this.db = null;
    this.store.close();
  }

  private async process(request: RpcRequest, origin: RequestOrigin): Promise<RpcResponse | null> {
    if (this.closing) return null;
    if (this.broken) return failure(request.id, this.broken);
    if (origin.requestKey !== undefined && origin.retryAfterSeq !== undefined) {
      const refusal = await this.checkRetry(origin.requestKey, origin.retryAfterSeq);
      if (refusal) return failure(request.id, refusal);
    }
    // Older code may call a method this version changed: it reloads first.
    if (origin.olderVersion) return failure(request.id, appUpdatedError());
    this.commits = [];
    this.serving = origin;
    const response = await serve(
      { db: this.db!, runtime: this.services, forwarded: origin.requestKey !== undefined },
      request,
    );
    const commits = this.commits;
    this.commits = [];
    // Not in the benchmark's whole-image mode: its checkpoints carry no checksum, so the next opening repairs.
    if (response.ok && commits.length === 0 && !origin.olderVersion && this.commitMode === 'log' && isRemembered(request)) {
      this.remember(request, response.result);
    }
    if (commits.length > 0) {
      try {
        if (this.commitMode === 'full-image') {
          await this.saveWholeImage(commits);
        } else {
          const records = commits.map((statements, i) =>
            makeLogRecord(this.lastSeq + 1 + i, 'commit', encodeStatements(statements), this.nowIso(), origin.requestKey),
          );
          await this.append(records, changedTables(commits));
        }
      } catch (e) {
        // Memory holds commits that storage does not (the write failed, or the log could not encode them).
        return failure(request.id, await this.revertToDurable(e));
      }
    }
    const lost = await this.saveAgainIfDeleted();
    if (lost && commits.length > 0) return failure(request.id, lost);
    this.scheduleCheckpoint(commits.length > 0);
    if (commits.length > 0) this.scheduleRefresh();
    return response;
  }

  /**
   * Keeps a first screen's answer for the next cold start (remembered-answers.ts), once per state: it
   * is stored again only when read at a new seq. Never awaited: losing it costs only that head start.
   */
  private remember(request: RpcRequest, result: unknown): void {
    const key = answerKey(request);
    const seq = this.lastSeq;
    const { method, params } = request;
    this.rememberedReads.set(key, { method, params });
    if (this.rememberedSeq.get(key) === seq) return;
    this.rememberedSeq.set(key, seq);
    for (const other of [...this.rememberedReads.keys()]) {
      if (other !== key && other.startsWith(answerFamily(method))) {
        this.rememberedSeq.delete(other);
        this.rememberedReads.delete(other);
      }
    }
    this.store.rememberAnswer({ key, method, params, build: BUILD_ID, seq, result }, answerFamily(method)).catch(() => {
      if (this.rememberedSeq.get(key) === seq) this.rememberedSeq.delete(key);
    });
  }

  /**
   * Once changes have settled (no commit for REFRESH_AFTER_MS), the remembered reads are read again,
   * so the next cold start finds answers for the state it opens, whatever screen the baker left on.
   * Each is its own turn in the queue, between requests: a tap waits for one read at most.
   */
  private scheduleRefresh(): void {
    if (this.rememberedReads.size === 0 || this.closing) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      for (const [key, read] of this.rememberedReads) {
        this.queue = this.queue
          .then(() => {
            if (this.closing || this.broken || this.rememberedSeq.get(key) === this.lastSeq || !this.rememberedReads.has(key)) return;
            return this.process({ kind: 'request', id: 0, method: read.method, params: read.params }, {});
          })
          .catch(() => undefined);
      }
    }, REFRESH_AFTER_MS);
  }

  /**
   * The browser deleted the database under the app (site data cleared, storage evicted) and a
   * reconnection created it empty, so the log no longer has the base it continues. Memory holds
   * everything the baker has seen saved, this request's commits included: write it as a checkpoint
   * before answering. Returns the error if that fails (it is tried again after the next request).
   */
  private async saveAgainIfDeleted(): Promise<AppError | null> {
    if (this.store.takeRecreated()) {
      this.mustSaveAgain = true;
      this.rememberedSeq.clear(); // they went with the database
    }
    if (!this.mustSaveAgain) return null;
    try {
      await this.checkpoint(true);
    } catch (e) {
      const error = e instanceof AppError ? e : new AppError('STORAGE', `Saving failed: ${String(e)}`);
      this.options.notify({ type: 'problem', error: error.toPayload() });
      return error;
    }
    this.mustSaveAgain = false;
    this.options.notify({
      type: 'problem',
      error: new AppError(
        'STORAGE',
        'The browser deleted Bake Planner’s saved data while the app was open (site data cleared, or storage running low). Everything shown here has been saved again.',
        { recreated: true },
      ).toPayload(),
    });
    return null;
  }

  /** Stores records durably, then advances the seq and tells every tab. */
  private async append(records: LogRecord[], tables: string[]): Promise<void> {
    await this.store.appendLog(records);
    this.lastSeq = records[records.length - 1]!.seq;
    this.since.commits += records.length;
    for (const r of records) this.since.bytes += r.payload.length;
    this.options.notify(changeNotice(tables, this.lastSeq));
  }

  /** The benchmark baseline: export and store the whole image for this commit (no checksum, no log). */
  private async saveWholeImage(commits: LoggedStatement[][]): Promise<void> {
    const db = this.db!;
    const image = db.engine.exportImage!();
    const upToSeq = this.lastSeq + commits.length;
    await this.store.replaceWithImage(
      { upToSeq, bytes: image.length, checksum: 0, schemaVersion: schemaVersion(db), writtenAt: this.nowIso() },
      image,
    );
    this.lastSeq = upToSeq;
    this.lastCheckpoint = null;
    this.options.notify(changeNotice(changedTables(commits), upToSeq));
  }

  /** Opens (or reopens) the database from IndexedDB: checkpoint, log replay, quarantine, migrations. */
  private async load(): Promise<void> {
    const openedAt = this.nowIso();
    const clock = this.options.clock;
    const firstReads = this.firstReads;
    this.firstReads = undefined;
    const source = (await firstReads?.catch(() => null)) ?? this.store;
    const recovered = await recover(source, this.openEngine, clock ? { clock } : {});
    if (recovered.problems.length > 0) {
      // Repairing the log gives its later seqs again, to other states: no answer kept at one may stay
      // (the quarantine below forgets the stored ones in its transaction).
      this.rememberedSeq.clear();
      this.rememberedReads.clear();
    }
    if (recovered.quarantineLog.length > 0 || recovered.quarantineCheckpoints.length > 0) {
      const reasons = new Map(recovered.problems.flatMap((p) => (p.seq === undefined ? [] : [[p.seq, p.message]])));
      await this.store.quarantine(openedAt, reasons, recovered.quarantineLog, recovered.quarantineCheckpoints);
    }
    // Migrations are logged like any commit, so the log alone rebuilds the schema too: a damaged
    // checkpoint (the only one, or the first after a schema change) then costs no saved change.
    const migrations: LoggedStatement[][] = [];
    const stopLogging = recovered.db.onCommit((statements) => migrations.push([...statements]));
    const migrated = migrate(recovered.db).map((m) => m.version);
    stopLogging();
    const migrationRecords = migrations.map((statements, i) =>
      makeLogRecord(recovered.lastSeq + 1 + i, 'commit', encodeStatements(statements), openedAt),
    );
    if (migrationRecords.length > 0) await this.store.appendLog(migrationRecords);
    this.db?.close();
    this.db = recovered.db;
    this.db.onCommit((statements) => this.commits.push([...statements]));
    this.lastSeq = recovered.lastSeq + migrationRecords.length;
    this.lastCheckpoint = recovered.checkpoint;
    this.since = { commits: recovered.replayed, bytes: recovered.replayedBytes };
    this.report = buildReport(openedAt, recovered, migrated);
    // A migration or a recovery changed what the log means: anchor the result in a checkpoint, so the
    // next opening starts from it. In the background, after the requests already waiting (the first
    // screen's), and never a condition for opening: the migration and the repair are already stored,
    // so without it (a full disk, the tab closed first) the next opening rebuilds the same state from
    // the log, only more slowly. A failure is told like any checkpoint's (storage is full).
    if (migrated.length > 0 || recovered.problems.length > 0 || !recovered.checkpoint) this.queueCheckpoint();
    if (recovered.problems.length > 0) {
      this.options.notify({
        type: 'problem',
        error: new AppError('CORRUPT_RECORD', this.report.summary, { report: this.report }).toPayload(),
      });
    }
    // A long replay is folded into a checkpoint soon, so the next opening is fast again.
    this.scheduleCheckpoint();
    this.endOpening(recovered.problems.length > 0);
  }

  /**
   * From now on SQLite answers everything. If remembered answers were given for a state other than the
   * one opened (a record failed to replay, a migration ran), every screen is told to read again.
   */
  private endOpening(repaired: boolean): void {
    const opening = this.opening;
    if (!opening) return;
    this.opening = null;
    opening.close();
    if (opening.servedAt !== null && (repaired || opening.servedAt !== this.lastSeq)) {
      this.options.notify(changeNotice([], this.lastSeq));
    }
  }

  /** After a failed IndexedDB write: rebuild from what is durable, so memory never runs ahead of storage. */
  private async revertToDurable(e: unknown): Promise<AppError> {
    const error = e instanceof AppError ? e : new AppError('STORAGE', `Saving failed: ${String(e)}`);
    // Every tab hears it, not only the screen that asked: a full disk refuses the next change anywhere.
    this.options.notify({ type: 'problem', error: error.toPayload() });
    try {
      await this.checkpointWrite;
      await this.load();
    } catch (reloadError) {
      this.fail(reloadError);
    }
    return error;
  }

  private fail(e: unknown): void {
    this.opening?.close();
    this.opening = null;
    const payload = toErrorPayload(e);
    this.broken =
      e instanceof AppError
        ? e
        : new AppError('STORAGE', `Your data could not be opened: ${payload.message}. Reload the page to try again.`);
    this.options.notify({ type: 'problem', error: this.broken.toPayload() });
  }

  /**
   * A request first sent to a writer that went away: run it only if it provably
   * never committed (no log record carries its key, and the log still holds
   * every record its tab could not have seen); otherwise say so.
   */
  private async checkRetry(requestKey: string, afterSeq: number): Promise<AppError | null> {
    const seq = await this.store.seqOfRequest(requestKey);
    if (seq !== undefined) {
      return new AppError(
        'WRITER_CHANGED',
        'The tab that was saving your changes closed just after saving this one. It is saved; the screen will refresh.',
        { applied: true, seq },
      );
    }
    const coveredFrom = (await this.store.oldestLogSeq()) ?? this.lastSeq + 1;
    if (coveredFrom <= afterSeq + 1) return null;
    return new AppError(
      'WRITER_CHANGED',
      'The tab that was saving your changes closed while this change was on its way, and it cannot be told whether it was saved. Check it, and repeat it if it is missing.',
      { applied: 'unknown' },
    );
  }

  /**
   * "Idle" means no commit for CHECKPOINT_POLICY.idleMs: a write restarts the wait, a read does not (a
   * screen refreshing itself must not postpone checkpoints for ever).
   */
  private scheduleCheckpoint(wrote = true): void {
    const p = CHECKPOINT_POLICY;
    if (this.checkpointQueued || this.checkpointWrite || this.closing) return;
    if (this.since.commits >= p.forceCommits || this.since.bytes >= p.forceLogBytes) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
      this.queueCheckpoint();
    } else if (this.since.commits >= p.idleMinCommits || this.since.bytes >= p.idleMinLogBytes) {
      if (this.idleTimer !== undefined && !wrote) return;
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => {
        this.idleTimer = undefined;
        this.queueCheckpoint();
      }, p.idleMs);
    }
  }

  /** Runs a background checkpoint at the next gap between requests. */
  private queueCheckpoint(): void {
    this.checkpointQueued = true;
    this.queue = this.queue
      .then(() => {
        this.checkpointQueued = false;
        const nothingNew = this.lastCheckpoint?.upToSeq === this.lastSeq;
        return this.checkpointWrite || this.broken || this.closing || nothingNew ? null : this.checkpoint(false);
      })
      .catch(() => undefined);
  }

  /**
   * Copies the whole database now (between requests, so no transaction is
   * open: the one step that holds the worker, about 100 ms at 50 MB) and
   * stores the copy. With `wait` the caller gets it once durable and
   * verified; otherwise checksum, IndexedDB write and verification proceed
   * while requests are served.
   */
  private async checkpoint(wait: boolean): Promise<PublicCheckpoint | null> {
    if (this.checkpointWrite) await this.checkpointWrite;
    const db = this.db!;
    if (db.inTransaction) throw new AppError('INTERNAL', 'A checkpoint was attempted inside a transaction.');
    const image = db.engine.exportImage!();
    const taken = { upToSeq: this.lastSeq, bytes: image.length, schemaVersion: schemaVersion(db), writtenAt: this.nowIso() };
    // Counted as folded even if the write fails: the next try then waits for another threshold's worth of
    // commits, instead of exporting the whole database after every change while the disk is full.
    this.since = { commits: 0, bytes: 0 };
    const write = this.storeCheckpoint(taken, image);
    this.checkpointWrite = write.then(
      () => (this.checkpointWrite = null),
      () => (this.checkpointWrite = null),
    );
    if (wait) return write;
    write.catch((e: unknown) => this.options.notify({ type: 'problem', error: checkpointFailed(e).toPayload() }));
    return null;
  }

  /**
   * Seals the copy with its checksum, stores it, reads it back and checks it, then prunes. The copy
   * no longer changes, so requests run meanwhile (their commits go to the log after `upToSeq`); the
   * checksums are computed, and the stored Blob built, a slice at a time so that they do not hold the
   * worker either.
   */
  private async storeCheckpoint(taken: Omit<CheckpointMeta, 'id' | 'checksum'>, image: Uint8Array): Promise<PublicCheckpoint> {
    const sealed = await sealCheckpoint(taken.upToSeq, image);
    const meta: Omit<CheckpointMeta, 'id'> = { ...taken, checksum: sealed.checksum };
    const id = await this.store.writeCheckpoint(meta, image, sealed.blob);
    const written: CheckpointMeta = { ...meta, id };
    const back = await this.store.image(id);
    if (!back || back.length !== meta.bytes || (await checkpointChecksumInSlices(meta.upToSeq, back)) !== meta.checksum) {
      await this.store.quarantine(this.nowIso(), new Map(), [], [written]);
      throw new AppError('STORAGE', 'A checkpoint did not read back intact, so the previous one was kept.', {
        checkpointId: id,
      });
    }
    const previous = this.lastCheckpoint;
    this.lastCheckpoint = written;
    await this.store.retain(previous ? [previous.id, id] : [id], previous?.upToSeq ?? 0);
    const { checksum: _checksum, ...visible } = written;
    return visible;
  }

  private makeServices(): RuntimeServices {
    return {
      testHooks: this.options.testHooks,
      storageStatus: (forwarded) => this.storageStatus(forwarded),
      recoveryReport: () => this.report!,
      checkpointNow: () => this.checkpoint(true),
      checkpointInBackground: () => {
        this.queueCheckpoint();
        return { upToSeq: this.lastSeq };
      },
      quarantined: () => this.store.quarantined(),
      clearQuarantine: () => this.store.clearQuarantine(),
      exportFile: () => this.db!.engine.exportImage!(),
      restoreFile: (file) => this.restoreFile(file),
      progress: (key, phase, done, total) => this.options.notify({ type: 'progress', key, phase, done, total }),
      scratchDatabase: async () => {
        const clock = this.options.clock;
        const scratch = new Database(await this.openEngine(undefined), clock ? { clock } : {});
        migrate(scratch);
        return scratch;
      },
      dropConnection: () => this.store.dropConnection(),
      failNextWrite: (name, write, times) => this.store.injectFailure(name, write, times),
      setCommitMode: (mode) => (this.commitMode = mode),
    };
  }

  private async storageStatus(forwarded: boolean): Promise<WorkerStorageStatus> {
    const stats = await this.store.stats();
    const engine = this.db!.engine;
    const pages = engine.get<{ page_count: number }>('PRAGMA page_count')?.page_count ?? 0;
    const pageSize = engine.get<{ page_size: number }>('PRAGMA page_size')?.page_size ?? 0;
    const checkpoints = stats.checkpoints
      .sort((a, b) => b.upToSeq - a.upToSeq)
      .map(({ checksum: _checksum, ...visible }) => visible);
    return {
      role: forwarded ? 'follower' : 'writer',
      databaseBytes: pages * pageSize,
      lastSeq: this.lastSeq,
      log: { records: stats.logRecords, bytes: stats.logBytes },
      checkpoints,
      lastCheckpointAt: checkpoints[0]?.writtenAt ?? null,
      checkpointInProgress: this.checkpointWrite !== null,
      quarantined: stats.quarantined,
      recovery: this.report!,
    };
  }

  /** Replaces the database with a SQLite file: checked and migrated first (backup-file.ts), then logged as one image record. */
  private async restoreFile(file: Uint8Array): Promise<{ schemaVersion: number; bytes: number }> {
    const clock = this.options.clock;
    const candidate = await openBackupFile(file, this.openEngine, {
      ...(clock ? { clock } : {}),
      // Test databases have the test hooks' table (system.touch); only a test build lets it in.
      extraTables: this.options.testHooks ? [TOUCH_TABLE] : [],
    });
    try {
      const image = candidate.engine.exportImage!();
      const record = makeLogRecord(this.lastSeq + 1, 'image', image, this.nowIso(), this.serving.requestKey);
      await this.append([record], []);
    } catch (e) {
      candidate.close();
      throw e;
    }
    this.db!.close();
    this.db = candidate;
    candidate.onCommit((statements) => this.commits.push([...statements]));
    this.scheduleCheckpoint();
    return { schemaVersion: schemaVersion(candidate), bytes: file.length };
  }

  private nowIso(): string {
    return (this.options.clock?.() ?? new Date()).toISOString();
  }
}

/**
 * A background checkpoint that failed, told as what it is: every change was saved (in the log) before
 * it was acknowledged; only folding them into one image did not work. Never "the change was not saved",
 * which would have the baker enter a saved purchase twice.
 */
function checkpointFailed(e: unknown): AppError {
  const cause = toErrorPayload(e).message;
  const why = isQuotaError(e)
    ? 'this device is almost out of storage space. Free some space: until then opening Bake Planner gets slower'
    : `the browser’s storage refused it (${cause}). It will be tried again later`;
  return new AppError(
    'STORAGE',
    `Every change you made is saved, but Bake Planner could not write a checkpoint (a copy of the whole database that keeps opening fast): ${why}.`,
    { checkpoint: true, quota: isQuotaError(e), cause },
  );
}

/** How long after the last commit the remembered reads are read again (see scheduleRefresh). */
const REFRESH_AFTER_MS = 1_500;

function failure(id: number, error: AppError): RpcResponse {
  return { kind: 'response', id, ok: false, error: error.toPayload() };
}
