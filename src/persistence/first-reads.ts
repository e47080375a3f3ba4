/**
 * The first opening's reads, asked for the moment the writer lock and
 * IndexedDB are there: the checkpoints' list, then the newest checkpoint's
 * image and the log after it, together. The worker's entry starts them
 * (src/worker/early-start.ts) while its main code is still loading, so the
 * bytes are in memory, or on their way, when recovery asks for them.
 *
 * Each answer is given once, to the opening it was read for, and only for
 * the same question (a recovery that falls back to an older checkpoint asks
 * the store). A read that failed is asked again of the store rather than
 * failing the opening. Nothing can change in between: this tab holds the
 * writer lock from before the first read, and only the writer writes.
 */
import { verifyLogRecord, type CheckpointMeta, type LogRecord, type RecoverySource, type RememberedAnswer } from './records';
import type { PersistenceStore } from './store';

/** Recovery's order: the newest checkpoint is the one covering the most log, the later one on a tie. */
export function newestCheckpoint(metas: readonly CheckpointMeta[]): CheckpointMeta | undefined {
  let newest: CheckpointMeta | undefined;
  for (const meta of metas) {
    if (!newest || meta.upToSeq > newest.upToSeq || (meta.upToSeq === newest.upToSeq && meta.id > newest.id)) newest = meta;
  }
  return newest;
}

/**
 * The seq the stored state ends at, from the newest checkpoint and the log after it, or null unless
 * that log is whole: contiguous from the checkpoint on and every record intact. What an opening
 * rebuilds from a whole log ends exactly there (unless a record then fails to replay, which the
 * opening reports).
 */
export function durableSeq(newest: CheckpointMeta | undefined, log: readonly LogRecord[]): number | null {
  let seq = newest?.upToSeq ?? 0;
  for (const record of log) {
    if (record.seq !== seq + 1 || !verifyLogRecord(record)) return null;
    seq = record.seq;
  }
  return seq;
}

/** The remembered answers, with the seq the stored state ends at (null: not known to be whole). */
export interface RememberedAtOpening {
  answers: RememberedAnswer[];
  seq: number | null;
}

/** An answer read ahead for one question: `key` is what it answers (a checkpoint's id, a seq). */
interface ReadAhead<T> {
  key: number;
  answer: Promise<T>;
}

export class FirstReads implements RecoverySource {
  private metas: Promise<CheckpointMeta[]> | null;
  private newestImage: Promise<ReadAhead<Uint8Array | undefined> | null> | null;
  private logAfterNewest: Promise<ReadAhead<LogRecord[]> | null> | null;
  /** The remembered answers and where the stored state ends: read along, never before the image. */
  readonly remembered: Promise<RememberedAtOpening>;

  /**
   * `onImageRead` is told when the newest image is in (the worker marks that startup phase).
   * `readAnswers` false: the remembered answers are not read (the benchmark's SQLite path).
   */
  constructor(
    private readonly store: RecoverySource & Pick<PersistenceStore, 'imageAtOnce' | 'answers'>,
    onImageRead: () => void = () => undefined,
    readAnswers = true,
  ) {
    this.metas = store.checkpoints();
    const newest = this.metas.then(newestCheckpoint);
    const logAfterNewest = newest.then((meta) => readAhead(meta?.upToSeq ?? 0, store.logAfter(meta?.upToSeq ?? 0)));
    const answers = readAnswers ? store.answers() : Promise.resolve([]);
    const logRead = logAfterNewest.then((log) => log.answer);
    this.remembered = Promise.all([answers, newest, logRead]).then(
      // With no answer to check, the log's checksums are left to recovery (it checks each once anyway).
      ([list, meta, log]) => ({ answers: list, seq: list.length > 0 ? durableSeq(meta, log) : null }),
      () => ({ answers: [], seq: null }),
    );
    // The image is read once the answers and the log are in: its read holds this thread (imageAtOnce),
    // and they are small, and what a remembered answer waits on.
    const settled = (read: Promise<unknown>) => read.then(() => undefined, () => undefined);
    this.newestImage = Promise.all([newest, settled(answers), settled(logRead)]).then(([meta]) =>
      meta ? readAhead(meta.id, store.imageAtOnce(meta.id).finally(onImageRead)) : null,
    );
    this.logAfterNewest = logAfterNewest;
    // Failures are taken up where an answer is used: it is asked again of the store.
    for (const read of [this.metas, this.newestImage, this.logAfterNewest, this.remembered]) read.catch(() => undefined);
  }

  checkpoints(): Promise<CheckpointMeta[]> {
    const read = this.metas;
    this.metas = null;
    return read ? read.catch(() => this.store.checkpoints()) : this.store.checkpoints();
  }

  async image(id: number): Promise<Uint8Array | undefined> {
    const read = this.newestImage;
    this.newestImage = null;
    const ahead = await read?.catch(() => null);
    return ahead?.key === id ? ahead.answer.catch(() => this.store.image(id)) : this.store.image(id);
  }

  async logAfter(seq: number): Promise<LogRecord[]> {
    const read = this.logAfterNewest;
    this.logAfterNewest = null;
    const ahead = await read?.catch(() => null);
    return ahead?.key === seq ? ahead.answer.catch(() => this.store.logAfter(seq)) : this.store.logAfter(seq);
  }
}

function readAhead<T>(key: number, answer: Promise<T>): ReadAhead<T> {
  answer.catch(() => undefined);
  return { key, answer };
}
