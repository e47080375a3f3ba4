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
import type { CheckpointMeta, LogRecord, RecoverySource } from './records';
import type { PersistenceStore } from './store';

/** Recovery's order: the newest checkpoint is the one covering the most log, the later one on a tie. */
export function newestCheckpoint(metas: readonly CheckpointMeta[]): CheckpointMeta | undefined {
  let newest: CheckpointMeta | undefined;
  for (const meta of metas) {
    if (!newest || meta.upToSeq > newest.upToSeq || (meta.upToSeq === newest.upToSeq && meta.id > newest.id)) newest = meta;
  }
  return newest;
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

  /** `onImageRead` is told when the newest image is in (the worker marks that startup phase). */
  constructor(
    private readonly store: RecoverySource & Pick<PersistenceStore, 'imageAtOnce'>,
    onImageRead: () => void = () => undefined,
  ) {
    this.metas = store.checkpoints();
    const newest = this.metas.then(newestCheckpoint);
    this.newestImage = newest.then((meta) =>
      meta ? readAhead(meta.id, store.imageAtOnce(meta.id).finally(onImageRead)) : null,
    );
    this.logAfterNewest = newest.then((meta) => readAhead(meta?.upToSeq ?? 0, store.logAfter(meta?.upToSeq ?? 0)));
    // Failures are taken up where an answer is used: it is asked again of the store.
    for (const read of [this.metas, this.newestImage, this.logAfterNewest]) read.catch(() => undefined);
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
