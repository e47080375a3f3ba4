/**
 * The IndexedDB side of persistence (through Dexie): the commit log, the
 * checkpoints (description and image in separate tables, so listing them
 * never reads an image), and the quarantine. Every transaction asks for
 * strict durability: a write counts as saved only once the browser has
 * flushed it, which is what the worker waits for before acknowledging a
 * change. Only the writer tab's worker uses this store (every tab's worker
 * opens it while it asks for the writer lock; one that turns out to follow
 * closes it again).
 *
 * IndexedDB errors become typed errors here: a full disk is STORAGE_QUOTA,
 * anything else STORAGE. A connection the browser dropped (mobile Safari
 * after backgrounding) is reopened once and the operation retried; the
 * operations are idempotent or keyed, so a retry never writes twice.
 */
import Dexie, { type Table } from 'dexie';
import { AppError } from '../errors';
import type { CheckpointImage, CheckpointMeta, LogRecord, QuarantineRecord, RecoverySource, RememberedAnswer } from './records';

export const DATABASE_NAME = 'bake-planner';

// Dexie turns its debug mode on by itself when the page is served from localhost (a developer's
// machine, and every browser test and benchmark): each operation then creates a console task for
// DevTools' async stacks, which made the worker re-read its whole script for source positions at
// cold start (about 40 ms). Users never get it; tests and benchmarks should measure what they get.
Dexie.debug = false;

/** Which durable write a test's injected failure hits: a commit's log append or a checkpoint. */
export type InjectedWrite = 'commit' | 'checkpoint';

class PersistenceDb extends Dexie {
  log!: Table<LogRecord, number>;
  checkpoints!: Table<CheckpointMeta, number>;
  images!: Table<CheckpointImage, number>;
  quarantine!: Table<QuarantineRecord, number>;
  answers!: Table<RememberedAnswer, string>;

  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      log: 'seq, requestKey',
      checkpoints: '++id, upToSeq',
      images: 'id',
      quarantine: '++id, incident',
    });
    // The first screens' answers, remembered for the next cold start (src/worker/remembered-answers.ts).
    this.version(2).stores({ answers: 'key' });
  }
}

export interface StoreStats {
  logRecords: number;
  logBytes: number;
  checkpoints: CheckpointMeta[];
  quarantined: number;
}

export class PersistenceStore implements RecoverySource {
  private readonly dexie: PersistenceDb;
  private injected: { name: string; write: InjectedWrite; times: number } | null = null;
  /** Set once this browser refused to store a checkpoint's image as a Blob: images go in as bytes. */
  private blobsRefused = false;
  /** Set when a reconnection found the database created afresh: the browser deleted it under the app. */
  private recreated = false;

  constructor(name = DATABASE_NAME) {
    this.dexie = new PersistenceDb(name);
    this.dexie.on('populate', () => {
      this.recreated = true;
    });
  }

  async open(): Promise<void> {
    await this.guard(() => this.dexie.open().then(() => undefined));
    // Created on this first opening is simply a new database.
    this.recreated = false;
  }

  /**
   * True (once) when the database was deleted while open (site data cleared, storage evicted) and a
   * reconnection created it empty: memory is then the only copy and must be written again at once.
   */
  takeRecreated(): boolean {
    const recreated = this.recreated;
    this.recreated = false;
    return recreated;
  }

  checkpoints(): Promise<CheckpointMeta[]> {
    return this.guard(() => this.dexie.checkpoints.toArray());
  }

  /**
   * A checkpoint's image as bytes. A stored Blob whose bytes the browser cannot read (its file gone)
   * counts as missing: the opening sets that checkpoint aside and falls back, rather than failing.
   */
  async image(id: number): Promise<Uint8Array | undefined> {
    const image = await this.storedImage(id);
    return image instanceof Blob ? bytesOf(image).catch(() => undefined) : image;
  }

  /**
   * The same, for the opening, when nothing can be served before the image is in: in a worker the
   * Blob's bytes are read synchronously. Read asynchronously they come through a pipe of a couple
   * of megabytes that waits for this thread to empty it, so any long task meanwhile (compiling the
   * worker's code, SQLite's warm-up) stalled a 10 MB read several times; read at once they flow as
   * fast as the browser delivers them. Never for a checkpoint read while requests are served.
   */
  async imageAtOnce(id: number): Promise<Uint8Array | undefined> {
    const image = await this.storedImage(id);
    if (image instanceof Blob && typeof FileReaderSync === 'function') {
      try {
        return new Uint8Array(new FileReaderSync().readAsArrayBuffer(image));
      } catch {
        // Its file gone (counted as missing, as below) or a browser that refuses: read it the usual way.
      }
    }
    return image instanceof Blob ? bytesOf(image).catch(() => undefined) : image;
  }

  /** The stored image: a Blob (bytes before the Blob change, and where the browser refuses Blobs). */
  private async storedImage(id: number): Promise<Uint8Array | Blob | undefined> {
    return (await this.guard(() => this.dexie.images.get(id)))?.image;
  }

  /** The remembered answers (src/worker/remembered-answers.ts). */
  answers(): Promise<RememberedAnswer[]> {
    return this.guard(() => this.dexie.answers.toArray());
  }

  /**
   * Remembers an answer in place of every other kept under `family` (its read, whatever the
   * parameters: a dashboard remembered for each day would pile up). With relaxed durability: it is
   * only a head start for the next opening (which checks it against the log), so it need not wait
   * for the disk, nor hold up the log's strict writes behind a flush of its own.
   */
  rememberAnswer(answer: RememberedAnswer, family: string): Promise<void> {
    return this.guard(
      () =>
        new Promise<void>((resolve, reject) => {
          const tx = this.dexie.backendDB().transaction('answers', 'readwrite', { durability: 'relaxed' });
          const answers = tx.objectStore('answers');
          answers.delete(IDBKeyRange.bound(family, `${family}\uffff`));
          answers.put(answer);
          tx.oncomplete = () => resolve();
          tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
        }),
    );
  }

  logAfter(seq: number): Promise<LogRecord[]> {
    return this.guard(() => this.dexie.log.where('seq').above(seq).toArray());
  }

  /** Appends committed records; resolves only once they are durably stored. Refuses to overwrite a seq. */
  appendLog(records: LogRecord[]): Promise<void> {
    const { dexie } = this;
    return this.guard(() =>
      dexie.transaction('rw', dexie.log, async () => {
        await dexie.log.bulkAdd(records);
        this.failIfInjected('commit');
      }),
    );
  }

  /**
   * Test hook: the next `times` log appends (or checkpoint writes) abort their (real) transaction with a
   * DOMException of this name. Chromium's DevTools quota override does not reach IndexedDB, so a full
   * disk is played this way.
   */
  injectFailure(name: string, write: InjectedWrite = 'commit', times = 1): void {
    this.injected = { name, write, times };
  }

  private failIfInjected(write: InjectedWrite): void {
    const injected = this.injected;
    if (injected?.write !== write) return;
    if (--injected.times <= 0) this.injected = null;
    throw new DOMException(`Injected failure (${injected.name}).`, injected.name);
  }

  /**
   * Stores a checkpoint (description and image in one transaction); resolves with its id once durable.
   * The image goes in as the Blob `sealed` (see sealCheckpoint) where the browser takes one, else as
   * its bytes: WebKitGTK 2.50 aborts a worker's transaction that puts a Blob (with no error), so the
   * first such failure that is not a full disk makes this store write bytes from then on.
   */
  async writeCheckpoint(meta: Omit<CheckpointMeta, 'id'>, image: Uint8Array, sealed: Blob): Promise<number> {
    if (!this.blobsRefused) {
      try {
        return await this.writeCheckpointImage(meta, sealed);
      } catch (e) {
        if (isQuotaError(e)) throw e;
        this.blobsRefused = true;
      }
    }
    return this.writeCheckpointImage(meta, image);
  }

  private writeCheckpointImage(meta: Omit<CheckpointMeta, 'id'>, image: Uint8Array | Blob): Promise<number> {
    const { dexie } = this;
    return this.guard(() =>
      dexie.transaction('rw', dexie.checkpoints, dexie.images, async () => {
        const id = await dexie.checkpoints.add(meta as CheckpointMeta);
        await dexie.images.add({ id, image });
        this.failIfInjected('checkpoint');
        return id;
      }),
    );
  }

  /**
   * The naive alternative to the log, kept only as the benchmark's baseline: the whole image replaces
   * every checkpoint and log record in one transaction, on every commit.
   */
  replaceWithImage(meta: Omit<CheckpointMeta, 'id'>, image: Uint8Array): Promise<void> {
    const { dexie } = this;
    return this.guard(() =>
      dexie.transaction('rw', dexie.checkpoints, dexie.images, dexie.log, async () => {
        await dexie.checkpoints.clear();
        await dexie.images.clear();
        await dexie.log.clear();
        const id = await dexie.checkpoints.add(meta as CheckpointMeta);
        await dexie.images.add({ id, image });
      }),
    );
  }

  /** Keeps only the checkpoints in `keep` and drops log records already inside the oldest of them. */
  retain(keep: readonly number[], pruneUpToSeq: number): Promise<void> {
    const { dexie } = this;
    return this.guard(() =>
      dexie.transaction('rw', dexie.checkpoints, dexie.images, dexie.log, async () => {
        const stale = (await dexie.checkpoints.toCollection().primaryKeys()).filter((id) => !keep.includes(id));
        await dexie.checkpoints.bulkDelete(stale);
        await dexie.images.bulkDelete(stale);
        await dexie.log.where('seq').belowOrEqual(pruneUpToSeq).delete();
      }),
    );
  }

  /**
   * Moves failed records out of the log and checkpoints into the quarantine, in one transaction, and
   * forgets every remembered answer in it: the log's later seqs are given again after a repair, to
   * other states (src/worker/remembered-answers.ts). A
   * checkpoint's image is set aside as bytes, read first (a Blob cannot be read inside the
   * transaction: waiting for it would end it), so the quarantine file always has them to give.
   */
  async quarantine(incident: string, reasons: Map<number, string>, log: LogRecord[], checkpoints: CheckpointMeta[]): Promise<void> {
    const { dexie } = this;
    const images = new Map<number, Uint8Array | undefined>();
    for (const meta of checkpoints) images.set(meta.id, await this.image(meta.id));
    return this.guard(() =>
      dexie.transaction('rw', [dexie.log, dexie.checkpoints, dexie.images, dexie.quarantine, dexie.answers], async () => {
        await dexie.answers.clear();
        for (const record of log) {
          const reason = reasons.get(record.seq) ?? 'comes after a change that could not be applied';
          await dexie.quarantine.add({ incident, reason, source: 'log', seq: record.seq, log: record });
          await dexie.log.delete(record.seq);
        }
        for (const meta of checkpoints) {
          const image = images.get(meta.id);
          const checkpoint = image ? { ...meta, image } : meta;
          await dexie.quarantine.add({ incident, reason: 'checkpoint failed its check', source: 'checkpoint', checkpoint });
          await dexie.checkpoints.delete(meta.id);
          await dexie.images.delete(meta.id);
        }
      }),
    );
  }

  quarantined(): Promise<QuarantineRecord[]> {
    return this.guard(() => this.dexie.quarantine.toArray());
  }

  clearQuarantine(): Promise<void> {
    return this.guard(() => this.dexie.quarantine.clear());
  }

  /** The seq of the log record written for a forwarded request, if one was stored. */
  async seqOfRequest(requestKey: string): Promise<number | undefined> {
    return (await this.guard(() => this.dexie.log.where('requestKey').equals(requestKey).first()))?.seq;
  }

  /** The lowest seq still in the log, or undefined when it is empty. */
  async oldestLogSeq(): Promise<number | undefined> {
    return (await this.guard(() => this.dexie.log.orderBy('seq').first()))?.seq;
  }

  async stats(): Promise<StoreStats> {
    return this.guard(async () => {
      let logRecords = 0;
      let logBytes = 0;
      await this.dexie.log.each((r) => {
        logRecords++;
        logBytes += r.payload.length;
      });
      return {
        logRecords,
        logBytes,
        checkpoints: await this.dexie.checkpoints.toArray(),
        quarantined: await this.dexie.quarantine.count(),
      };
    });
  }

  /** Closes the browser's connection under Dexie's feet, as mobile Safari does; for the reconnect test. */
  dropConnection(): void {
    this.dexie.backendDB()?.close();
  }

  close(): void {
    this.dexie.close();
  }

  /** Runs an IndexedDB operation, retrying once on a dropped connection and typing the failure. */
  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (e) {
      if (!isConnectionLost(e)) throw storageError(e);
      try {
        if (!this.dexie.isOpen()) await this.dexie.open();
        return await operation();
      } catch (again) {
        throw storageError(again);
      }
    }
  }
}

function errorNames(e: unknown): string[] {
  const names: string[] = [];
  let current = e as { name?: string; inner?: unknown } | undefined;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current.name) names.push(current.name);
    current = current.inner as typeof current;
  }
  return names;
}

function isConnectionLost(e: unknown): boolean {
  return errorNames(e).some((n) => n === 'DatabaseClosedError' || n === 'InvalidStateError');
}

export function isQuotaError(e: unknown): boolean {
  return (e instanceof AppError && e.code === 'STORAGE_QUOTA') || errorNames(e).includes('QuotaExceededError');
}

function storageError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  if (isQuotaError(e)) {
    return new AppError(
      'STORAGE_QUOTA',
      'This device has no storage space left for Bake Planner, so the change was not saved. Free some space (or remove unused sites’ data) and try again; everything saved before is intact.',
      { cause: detail },
    );
  }
  return new AppError('STORAGE', `The browser’s storage failed, so the change was not saved: ${detail}`, {
    cause: detail,
    names: errorNames(e),
  });
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}
