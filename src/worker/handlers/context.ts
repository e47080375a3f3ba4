/**
 * What every RPC handler receives (handlers are declared in ./define.ts).
 * Handlers are thin: they validate nothing themselves and call services,
 * which own the rules and the transactions.
 * `runtime` is the worker's own machinery (storage figures, checkpoints,
 * backups) for the system handlers; domain handlers need only `db`.
 */
import type { Database } from '../../db/session';
import type { CheckpointMeta, QuarantineRecord } from '../../persistence/records';
import type { InjectedWrite } from '../../persistence/store';
import type { RecoveryReport } from '../recovery-report';

export interface HandlerContext {
  db: Database;
  runtime: RuntimeServices;
  /** True when the request came from another tab (a follower) through this writer. */
  forwarded?: boolean;
}

/** The writer's view of its storage, for the Settings screen. */
export interface WorkerStorageStatus {
  /** The asking tab's role: it holds the database ('writer') or saves through another tab ('follower'). */
  role: 'writer' | 'follower';
  /** Size of the database itself (SQLite pages). */
  databaseBytes: number;
  /** The last committed change's position in the log. */
  lastSeq: number;
  log: { records: number; bytes: number };
  checkpoints: Omit<CheckpointMeta, 'checksum'>[];
  lastCheckpointAt: string | null;
  /** A checkpoint is being checksummed, written or verified right now. */
  checkpointInProgress: boolean;
  /** Records set aside by recovery and still kept. */
  quarantined: number;
  recovery: RecoveryReport;
}

export interface RuntimeServices {
  /** True when the page was opened with `?test-hooks` (tests and benchmarks only). */
  readonly testHooks: boolean;
  storageStatus(forwarded: boolean): Promise<WorkerStorageStatus>;
  recoveryReport(): RecoveryReport;
  /** Writes a checkpoint now and prunes the log; resolves once it is durable and verified. */
  checkpointNow(): Promise<Omit<CheckpointMeta, 'checksum'> | null>;
  /**
   * Queues a checkpoint the way the idle timer does (taken at the next gap between requests, written
   * while they go on) and returns at once with the last seq it will cover; the benchmark times
   * requests that arrive during one.
   */
  checkpointInBackground(): { upToSeq: number };
  /** The records recovery set aside and that are still kept, bytes included. */
  quarantined(): Promise<QuarantineRecord[]>;
  /** Discards records recovery set aside, after the user has read the report. */
  clearQuarantine(): Promise<void>;
  /** The whole database as a SQLite file (handed to the page, not copied). */
  exportFile(): Uint8Array;
  /** Tells the page how far the request under `key` has got (a large import). */
  progress(key: string, phase: string, done: number, total: number): void;
  /** A new, empty, migrated database beside the real one (an import restored into it replaces the real one by restoreFile). */
  scratchDatabase(): Promise<Database>;
  /** Replaces the whole database with a SQLite file; durable before it resolves. */
  restoreFile(file: Uint8Array): Promise<{ schemaVersion: number; bytes: number }>;
  /** Test hook: drops the IndexedDB connection the way mobile Safari does after backgrounding. */
  dropConnection(): void;
  /** Test hook: the next `times` durable writes of this kind (default: one commit) fail with this DOMException name. */
  failNextWrite(name: string, write?: InjectedWrite, times?: number): void;
  /**
   * Benchmark hook: 'full-image' saves the whole image per commit instead of logging the change (the
   * baseline the log is measured against); 'log' is the real mode.
   */
  setCommitMode(mode: CommitMode): void;
}

export type CommitMode = 'log' | 'full-image';
