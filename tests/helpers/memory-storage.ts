/**
 * Stored records in memory, as the worker keeps them in IndexedDB: the
 * recovery tests read them back through `RecoverySource` exactly as the
 * worker's opening does, with real sql.js behind them.
 */
import { transaction } from '../../src/db/session';
import {
  checkpointChecksum,
  encodeStatements,
  makeLogRecord,
  type CheckpointMeta,
  type LogRecord,
  type RecoverySource,
} from '../../src/persistence/records';
import { TEST_NOW, testDb } from './db';

export class MemoryStorage implements RecoverySource {
  readonly metas: CheckpointMeta[] = [];
  readonly images = new Map<number, Uint8Array>();
  readonly log: LogRecord[] = [];
  async checkpoints() {
    return this.metas.map((m) => ({ ...m }));
  }
  async image(id: number) {
    return this.images.get(id);
  }
  async logAfter(seq: number) {
    return this.log.filter((r) => r.seq > seq).sort((a, b) => a.seq - b.seq);
  }
}

/**
 * A live pantry whose commits and checkpoints land in `storage`, as the worker's would; it starts
 * with a checkpoint of the migrated, empty database, as the worker writes on first open.
 */
export async function loggedPantry<S extends MemoryStorage>(storage: S) {
  const db = await testDb();
  let seq = 0;
  db.onCommit((statements) => {
    seq++;
    storage.log.push(makeLogRecord(seq, 'commit', encodeStatements(statements), TEST_NOW.toISOString()));
  });
  const checkpoint = () => {
    const image = db.engine.exportImage!();
    const id = storage.metas.length + 1;
    storage.metas.push({ id, upToSeq: seq, bytes: image.length, checksum: checkpointChecksum(seq, image), schemaVersion: 1, writtenAt: '' });
    storage.images.set(id, image);
    return id;
  };
  const buy = (name: string) =>
    transaction(db, (tx) =>
      tx.run('INSERT INTO ingredients (slug, name, created_at, updated_at) VALUES (?, ?, ?, ?)', [
        name.toLowerCase().replace(/\W+/g, '-'),
        name,
        tx.now(),
        tx.now(),
      ]),
    );
  checkpoint();
  return { db, storage, checkpoint, buy };
}
