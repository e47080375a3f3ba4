/**
 * Rebuilding the database from what IndexedDB holds: the newest checkpoint
 * whose checksum holds, then every later log record in seq order. Anything
 * that fails its check (a damaged checkpoint, a corrupt or missing log
 * record, a record SQLite refuses) is never applied: replay stops there, the
 * record and everything after it are marked for quarantine, and the problem
 * goes into the report. What came before is kept. This module decides; the
 * caller moves records and talks to the user. It needs no browser, so the
 * same logic is tested in Node. It lives with the worker because it
 * needs both layers below: persistence (the records) and db (to apply them).
 */
import { schemaVersion } from '../db/migrate';
import { replayCommit, Database, type DatabaseOptions } from '../db/session';
import type { Engine } from '../db/engine';
import { markStartup } from '../rpc/startup-marks';
import {
  checkpointChecksum,
  decodeStatements,
  verifyLogRecord,
  type CheckpointMeta,
  type LogRecord,
  type RecoverySource,
} from '../persistence/records';


export type RecoveryProblemKind = 'checkpoint-corrupt' | 'log-corrupt' | 'log-gap' | 'log-replay-failed';

export interface RecoveryProblem {
  kind: RecoveryProblemKind;
  message: string;
  seq?: number;
  checkpointId?: number;
}

export interface Recovered {
  db: Database;
  /** The last log record applied (or the checkpoint's upToSeq): the next commit gets lastSeq + 1. */
  lastSeq: number;
  checkpoint: CheckpointMeta | null;
  replayed: number;
  /** Payload bytes of the replayed records (what the next checkpoint will fold in). */
  replayedBytes: number;
  problems: RecoveryProblem[];
  /** Log records to move to quarantine (the failed one and all after it). */
  quarantineLog: LogRecord[];
  /** Checkpoints that failed their check. */
  quarantineCheckpoints: CheckpointMeta[];
}

export type OpenEngine = (image?: Uint8Array) => Promise<Engine>;

export async function recover(
  source: RecoverySource,
  openEngine: OpenEngine,
  options: DatabaseOptions = {},
): Promise<Recovered> {
  const problems: RecoveryProblem[] = [];
  const quarantineCheckpoints: CheckpointMeta[] = [];
  const metas = (await source.checkpoints()).sort((a, b) => b.upToSeq - a.upToSeq || b.id - a.id);

  let db: Database | undefined;
  let checkpoint: CheckpointMeta | null = null;
  // The log after the newest checkpoint is read along with its image (one wait instead of two); it is
  // used if that checkpoint is, and read again after whichever is used otherwise.
  const newestUpTo = metas[0]?.upToSeq ?? 0;
  const logAfterNewest = source.logAfter(newestUpTo);
  logAfterNewest.catch(() => undefined); // not used (another checkpoint was): its failure concerns nobody
  for (const meta of metas) {
    const image = await source.image(meta.id);
    markStartup('image-read');
    const reason = !image
      ? 'its image is missing'
      : image.length !== meta.bytes
        ? `its image is ${image.length} bytes, ${meta.bytes} were written`
        : checkpointChecksum(meta.upToSeq, image) !== meta.checksum
          ? 'its checksum does not match'
          : null;
    markStartup('checksum');
    if (reason === null) {
      try {
        const candidate = new Database(await openEngine(image), options);
        schemaVersion(candidate); // reads the header: a valid checksum over a non-database is still refused
        markStartup('database-open');
        db = candidate;
        checkpoint = meta;
        break;
      } catch (e) {
        problems.push(checkpointProblem(meta, `SQLite cannot read it (${(e as Error).message})`));
      }
    } else {
      problems.push(checkpointProblem(meta, reason));
    }
    quarantineCheckpoints.push(meta);
  }
  db ??= new Database(await openEngine(), options);

  const from = checkpoint?.upToSeq ?? 0;
  const records = await (from === newestUpTo ? logAfterNewest : source.logAfter(from));
  let lastSeq = checkpoint?.upToSeq ?? 0;
  let replayed = 0;
  let replayedBytes = 0;
  let stopAt = records.length;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const problem = await applyRecord(record, lastSeq + 1, db, openEngine, options).then(
      (next) => {
        db = next;
        return null;
      },
      (p: RecoveryProblem) => p,
    );
    if (problem) {
      problems.push(problem);
      stopAt = i;
      break;
    }
    lastSeq = record.seq;
    replayed++;
    replayedBytes += record.payload.length;
  }

  markStartup('replayed');
  return {
    db,
    lastSeq,
    checkpoint,
    replayed,
    replayedBytes,
    problems,
    quarantineLog: records.slice(stopAt),
    quarantineCheckpoints,
  };
}

/** Applies one log record, or rejects with the reason it must not be applied. */
async function applyRecord(
  record: LogRecord,
  expectedSeq: number,
  db: Database,
  openEngine: OpenEngine,
  options: DatabaseOptions,
): Promise<Database> {
  if (record.seq !== expectedSeq) {
    throw logProblem('log-gap', record.seq, `Saved changes ${expectedSeq} to ${record.seq - 1} are missing`);
  }
  if (!verifyLogRecord(record)) {
    throw logProblem('log-corrupt', record.seq, `Saved change ${record.seq} is damaged (checksum mismatch)`);
  }
  try {
    if (record.kind === 'image') {
      const next = new Database(await openEngine(record.payload), options);
      schemaVersion(next);
      db.close();
      return next;
    }
    replayCommit(db, decodeStatements(record.payload));
    return db;
  } catch (e) {
    throw logProblem(
      'log-replay-failed',
      record.seq,
      `Saved change ${record.seq} could not be re-applied (${(e as Error).message})`,
    );
  }
}

function checkpointProblem(meta: CheckpointMeta, reason: string): RecoveryProblem {
  return {
    kind: 'checkpoint-corrupt',
    checkpointId: meta.id,
    message: `Checkpoint ${meta.id} (changes up to ${meta.upToSeq}, written ${meta.writtenAt}) was not used: ${reason}.`,
  };
}

function logProblem(kind: RecoveryProblemKind, seq: number, what: string): RecoveryProblem {
  return {
    kind,
    seq,
    message: `${what}. It and every change after it were set aside, not applied; everything saved before it is intact.`,
  };
}
