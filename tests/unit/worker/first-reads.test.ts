/**
 * The first opening's reads, asked for before the worker's main code has
 * loaded (src/persistence/first-reads.ts): recovery over them must decide
 * exactly as over the store itself, each read ahead must be used once and
 * only for the question it answers, and a read that failed ahead is asked
 * again rather than failing the opening. Real sql.js, storage in memory.
 */
import { describe, expect, test } from 'vitest';
import { SqlJsEngine } from '../../../src/db/sqljs-engine';
import { Database, transaction } from '../../../src/db/session';
import { FirstReads, durableSeq, newestCheckpoint } from '../../../src/persistence/first-reads';
import { encodeStatements, makeLogRecord, type RememberedAnswer } from '../../../src/persistence/records';
import { recover } from '../../../src/worker/recovery';
import { TEST_NOW } from '../../helpers/db';
import { MemoryStorage, loggedPantry } from '../../helpers/memory-storage';

/** Stored records in memory, counting every read and failing the ones asked to. */
class CountingStorage extends MemoryStorage {
  readonly reads: string[] = [];
  readonly remembered: RememberedAnswer[] = [];
  failNext = new Set<string>();

  private read<T>(what: string, answer: () => Promise<T>): Promise<T> {
    this.reads.push(what);
    const kind = what.split(' ')[0]!;
    if (this.failNext.delete(kind)) return Promise.reject(new Error(`${kind} failed`));
    return answer();
  }
  override checkpoints() {
    return this.read('checkpoints', () => super.checkpoints());
  }
  override image(id: number) {
    return this.read(`image ${id}`, () => super.image(id));
  }
  imageAtOnce(id: number) {
    return this.read(`image ${id} at once`, () => super.image(id));
  }
  override logAfter(seq: number) {
    return this.read(`log after ${seq}`, () => super.logAfter(seq));
  }
  answers() {
    return this.read('answers', async () => this.remembered.map((a) => ({ ...a })));
  }
}

/** Flour and Sugar up to the newest checkpoint, Butter in the log after it. */
async function bakery() {
  const bakery = await loggedPantry(new CountingStorage());
  bakery.buy('Flour');
  bakery.buy('Sugar');
  bakery.checkpoint();
  bakery.buy('Butter');
  return bakery;
}

const openEngine = (image?: Uint8Array) => SqlJsEngine.open(image);
const names = (db: Database) => db.engine.all<{ name: string }>('SELECT name FROM ingredients ORDER BY id').map((r) => r.name);

describe('the first opening read ahead', () => {
  test('recovery gives the same database, and every record is read once: the list, the remembered answers, the log after the newest checkpoint, then its image at once', async () => {
    const { storage } = await bakery();
    const plain = await recover(storage, openEngine);
    storage.reads.length = 0;
    const ahead = await recover(new FirstReads(storage), openEngine);
    expect(names(ahead.db)).toEqual(['Flour', 'Sugar', 'Butter']);
    expect(names(ahead.db)).toEqual(names(plain.db));
    expect([ahead.lastSeq, ahead.checkpoint?.id, ahead.replayed]).toEqual([plain.lastSeq, plain.checkpoint?.id, plain.replayed]);
    expect(storage.reads).toEqual(['checkpoints', 'answers', 'log after 2', 'image 2 at once']);
  });

  test('the newest checkpoint damaged: the older one and the log after it are asked of the store, and nothing is lost', async () => {
    const { storage } = await bakery();
    const image = storage.images.get(2)!;
    image[200] = image[200]! ^ 0xff;
    const recovered = await recover(new FirstReads(storage), openEngine);
    expect(names(recovered.db)).toEqual(['Flour', 'Sugar', 'Butter']);
    expect(recovered.checkpoint?.id).toBe(1);
    expect(recovered.quarantineCheckpoints.map((m) => m.id)).toEqual([2]);
    expect(storage.reads).toEqual(['checkpoints', 'answers', 'log after 2', 'image 2 at once', 'image 1', 'log after 0']);
  });

  test('a read that failed ahead is asked again of the store, and the opening goes through', async () => {
    for (const failing of ['checkpoints', 'answers', 'image', 'log']) {
      const { storage } = await bakery();
      storage.failNext.add(failing);
      const recovered = await recover(new FirstReads(storage), openEngine);
      expect(names(recovered.db), failing).toEqual(['Flour', 'Sugar', 'Butter']);
      expect(recovered.problems, failing).toEqual([]);
    }
  });

  test('each answer is used once: a second opening over the same reads sees what was written since', async () => {
    const { storage, buy } = await bakery();
    const reads = new FirstReads(storage);
    await recover(reads, openEngine);
    buy('Eggs');
    const again = await recover(reads, openEngine);
    expect(names(again.db)).toEqual(['Flour', 'Sugar', 'Butter', 'Eggs']);
  });

  test('no checkpoint yet (a new database): the whole log is read ahead and replayed', async () => {
    const storage = new CountingStorage();
    const db = new Database(await SqlJsEngine.open());
    let seq = 0;
    db.onCommit((statements) => {
      seq++;
      storage.log.push(makeLogRecord(seq, 'commit', encodeStatements(statements), TEST_NOW.toISOString()));
    });
    transaction(db, (tx) => tx.run('CREATE TABLE jars (name TEXT NOT NULL)'));
    transaction(db, (tx) => tx.run("INSERT INTO jars VALUES ('Honey'), ('Molasses')"));
    const recovered = await recover(new FirstReads(storage), openEngine);
    expect(recovered.checkpoint).toBeNull();
    expect(recovered.replayed).toBe(2);
    expect(recovered.db.engine.all<{ name: string }>('SELECT name FROM jars').map((r) => r.name)).toEqual(['Honey', 'Molasses']);
    expect(storage.reads).toEqual(['checkpoints', 'answers', 'log after 0']);
  });

  test('the remembered answers come with the seq the stored state ends at: the newest checkpoint and the whole log after it', async () => {
    const { storage } = await bakery();
    const answer = { key: 'pantry.ingredientTree null', method: 'pantry.ingredientTree', params: undefined, build: '1.0.0', seq: 3, result: ['tree'] };
    storage.remembered.push(answer);
    expect(await new FirstReads(storage).remembered).toEqual({ answers: [answer], seq: 3 });
  });

  test('a log that is not whole ends nowhere known: a damaged record, a gap, a record out of place', async () => {
    const { storage } = await bakery();
    const newest = newestCheckpoint(storage.metas);
    const log = await storage.logAfter(2);
    expect(durableSeq(newest, log)).toBe(3);
    const damaged = { ...log[0]!, payload: log[0]!.payload.slice() };
    damaged.payload[0] = damaged.payload[0]! ^ 0xff;
    expect(durableSeq(newest, [damaged])).toBeNull();
    expect(durableSeq(newest, [{ ...log[0]!, seq: 4 }])).toBeNull();
    expect(durableSeq(undefined, log)).toBeNull();
    expect(durableSeq(newest, [])).toBe(2);
    expect(durableSeq(undefined, [])).toBe(0);
    storage.remembered.push({ key: 'pantry.ingredientTree null', method: 'pantry.ingredientTree', params: undefined, build: '1', seq: 3, result: [] });
    storage.log[storage.log.length - 1]!.payload[0]! ^= 0xff;
    expect((await new FirstReads(storage).remembered).seq).toBeNull();
  });

  test('with no answer remembered, the log is left to recovery to check', async () => {
    const { storage } = await bakery();
    expect(await new FirstReads(storage).remembered).toEqual({ answers: [], seq: null });
  });

  test('answers that cannot be read are none: the opening goes on without them', async () => {
    const { storage } = await bakery();
    storage.remembered.push({ key: 'k', method: 'm', params: null, build: '1', seq: 3, result: 1 });
    storage.failNext.add('answers');
    expect(await new FirstReads(storage).remembered).toEqual({ answers: [], seq: null });
  });

  test('the newest checkpoint is the one covering the most log, the later one on a tie, as recovery orders them', () => {
    const meta = (id: number, upToSeq: number) => ({ id, upToSeq, bytes: 0, checksum: 0, schemaVersion: 1, writtenAt: '' });
    expect(newestCheckpoint([meta(1, 5), meta(3, 9), meta(2, 9)])?.id).toBe(3);
    expect(newestCheckpoint([meta(4, 2), meta(1, 7)])?.id).toBe(1);
    expect(newestCheckpoint([])).toBeUndefined();
  });
});
