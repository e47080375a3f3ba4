/**
 * Rebuilding a baker's pantry from checkpoints and the commit log, in Node
 * with real sql.js: the same decisions the browser worker makes on open, with
 * storage damaged in each way the recovery must survive.
 */
import { describe, expect, test } from 'vitest';
import { migrate, schemaVersion } from '../../../src/db/migrate';
import { MIGRATIONS } from '../../../src/db/migrations';
import { SqlJsEngine } from '../../../src/db/sqljs-engine';
import { transaction, type Database, type LoggedStatement } from '../../../src/db/session';
import { recover } from '../../../src/worker/recovery';
import { decodeStatements, encodeStatements, makeLogRecord } from '../../../src/persistence/records';
import { MemoryStorage, loggedPantry } from '../../helpers/memory-storage';

const pantry = () => loggedPantry(new MemoryStorage());

const openEngine = (image?: Uint8Array) => SqlJsEngine.open(image);
const names = (db: Database) => db.engine.all<{ name: string }>('SELECT name FROM ingredients ORDER BY id').map((r) => r.name);

describe('recovery', () => {
  test('the newest checkpoint plus the later log records give back every ingredient', async () => {
    const { storage, checkpoint, buy } = await pantry();
    buy('Flour');
    buy('Sugar');
    checkpoint();
    buy('Butter');
    buy('Eggs');
    const recovered = await recover(storage, openEngine);
    expect(names(recovered.db)).toEqual(['Flour', 'Sugar', 'Butter', 'Eggs']);
    expect(recovered.checkpoint!.upToSeq).toBe(2);
    expect(recovered.replayed).toBe(2);
    expect(recovered.lastSeq).toBe(4);
    expect(recovered.problems).toEqual([]);
  });

  test('a bit flip in record 3 of 4 stops replay there: flour and sugar kept, records 3 and 4 set aside', async () => {
    const { storage, buy } = await pantry();
    ['Flour', 'Sugar', 'Butter', 'Eggs'].forEach(buy);
    const payload = storage.log[2]!.payload;
    payload[10] = payload[10]! ^ 0x01;
    const recovered = await recover(storage, openEngine);
    expect(names(recovered.db)).toEqual(['Flour', 'Sugar']);
    expect(recovered.lastSeq).toBe(2);
    expect(recovered.problems).toEqual([expect.objectContaining({ kind: 'log-corrupt', seq: 3 })]);
    expect(recovered.quarantineLog.map((r) => r.seq)).toEqual([3, 4]);
  });

  test('a record moved to another position fails its check (the checksum covers the seq)', async () => {
    const { storage, buy } = await pantry();
    ['Flour', 'Sugar'].forEach(buy);
    storage.log[1] = { ...storage.log[0]!, seq: 2 };
    const recovered = await recover(storage, openEngine);
    expect(names(recovered.db)).toEqual(['Flour']);
    expect(recovered.problems[0]).toMatchObject({ kind: 'log-corrupt', seq: 2 });
  });

  test('a missing record (2 of 3) is a gap: nothing after it is applied', async () => {
    const { storage, buy } = await pantry();
    ['Flour', 'Sugar', 'Butter'].forEach(buy);
    storage.log.splice(1, 1);
    const recovered = await recover(storage, openEngine);
    expect(names(recovered.db)).toEqual(['Flour']);
    expect(recovered.problems[0]).toMatchObject({ kind: 'log-gap', seq: 3 });
    expect(recovered.quarantineLog.map((r) => r.seq)).toEqual([3]);
  });

  test('a torn newest checkpoint is skipped for the previous one plus the log', async () => {
    const { storage, checkpoint, buy } = await pantry();
    buy('Flour');
    checkpoint();
    buy('Sugar');
    const torn = checkpoint();
    buy('Butter');
    storage.images.set(torn, storage.images.get(torn)!.slice(0, 4096));
    const recovered = await recover(storage, openEngine);
    expect(names(recovered.db)).toEqual(['Flour', 'Sugar', 'Butter']);
    expect(recovered.checkpoint!.upToSeq).toBe(1);
    expect(recovered.problems).toEqual([expect.objectContaining({ kind: 'checkpoint-corrupt', checkpointId: torn })]);
    expect(recovered.quarantineCheckpoints.map((c) => c.id)).toEqual([torn]);
  });

  test('a record SQLite refuses on replay is set aside, not half-applied', async () => {
    const { storage, buy } = await pantry();
    buy('Flour');
    const duplicate: LoggedStatement[] = [
      { sql: 'INSERT INTO ingredients (slug, name, created_at, updated_at) VALUES (?, ?, ?, ?)', params: ['sugar', 'Sugar', 'x', 'x'] },
      { sql: 'INSERT INTO ingredients (slug, name, created_at, updated_at) VALUES (?, ?, ?, ?)', params: ['flour', 'Flour again', 'x', 'x'] },
    ];
    storage.log.push(makeLogRecord(2, 'commit', encodeStatements(duplicate), ''));
    const recovered = await recover(storage, openEngine);
    expect(names(recovered.db)).toEqual(['Flour']);
    expect(recovered.problems[0]).toMatchObject({ kind: 'log-replay-failed', seq: 2 });
  });

  test('a schema change logged like a commit: a checkpoint from before it plus the log rebuild the new column too', async () => {
    const { db, storage, buy } = await pantry();
    buy('Flour');
    // A later app version adds where an ingredient comes from; the writer logs the migration's commit.
    const origin = { version: MIGRATIONS.length + 1, name: 'ingredient origin', up: 'ALTER TABLE ingredients ADD COLUMN origin TEXT' };
    expect(migrate(db, [...MIGRATIONS, origin]).map((m) => m.version)).toEqual([origin.version]);
    transaction(db, (tx) =>
      tx.run('INSERT INTO ingredients (slug, name, origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
        'rye', 'Rye flour', 'Bavaria', tx.now(), tx.now(),
      ]),
    );
    // Only the checkpoint from before the schema change is left (the one after it was damaged).
    const recovered = await recover(storage, openEngine);
    expect(recovered.problems).toEqual([]);
    expect(schemaVersion(recovered.db)).toBe(origin.version);
    expect(recovered.db.engine.all('SELECT name, origin FROM ingredients ORDER BY id')).toEqual([
      { name: 'Flour', origin: null },
      { name: 'Rye flour', origin: 'Bavaria' },
    ]);
  });

  test('an image record (a restored backup) replaces the database, and later commits apply on top of it', async () => {
    const backup = await pantry();
    backup.buy('Rye flour');
    const image = backup.db.engine.exportImage!();

    const { storage, buy } = await pantry();
    buy('Flour');
    storage.log.push(makeLogRecord(2, 'image', image, ''));
    storage.log.push(
      makeLogRecord(3, 'commit', encodeStatements([
        { sql: 'INSERT INTO ingredients (slug, name, created_at, updated_at) VALUES (?, ?, ?, ?)', params: ['spelt', 'Spelt', 'x', 'x'] },
      ]), ''),
    );
    const recovered = await recover(storage, openEngine);
    expect(names(recovered.db)).toEqual(['Rye flour', 'Spelt']);
    expect(recovered.lastSeq).toBe(3);
  });
});

describe('log record encoding', () => {
  test('blobs, infinities, nulls and non-ASCII text come back exactly', () => {
    const statements: LoggedStatement[] = [
      { sql: 'INSERT INTO t VALUES (?, ?, ?, ?, ?)', params: [new Uint8Array([0, 255, 7]), Infinity, null, 'Crème brûlée ½ cup', -0.25] },
      { sql: 'DELETE FROM t', params: [] },
    ];
    expect(decodeStatements(encodeStatements(statements))).toEqual(statements);
  });
});
