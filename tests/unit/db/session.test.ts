import { describe, expect, it } from 'vitest';
import { savepoint, transaction, withTransaction, type Database, type LoggedStatement, type Tx } from '../../../src/db/session';
import { AppError } from '../../../src/errors';
import { count, testDb } from '../../helpers/db';

/*
 * Two tiny services written exactly as real services are (db, input, tx?),
 * so these tests pin the session rules themselves. The pantry tests repeat
 * the same scenarios through the real purchase and FIFO services.
 */
function addSupplier(db: Database, name: string, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run('INSERT INTO suppliers (slug, name, created_at, updated_at) VALUES (?, ?, ?, ?)', [
      name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      name,
      now,
      now,
    ]).lastInsertRowid;
  });
}

function supplierCount(db: Database, tx?: Tx): number {
  return withTransaction(db, tx, (t) => t.get<{ n: number }>('SELECT count(*) AS n FROM suppliers')!.n);
}

describe('session helpers: who owns a transaction', () => {
  it('a service called without a handle commits by itself and is visible to the next call', async () => {
    const db = await testDb();
    addSupplier(db, 'Costco');
    expect(db.inTransaction).toBe(false);
    expect(supplierCount(db)).toBe(1);
  });

  it("a caller-owned transaction spanning two services commits both when the caller returns", async () => {
    const db = await testDb();
    transaction(db, (tx) => {
      addSupplier(db, 'Costco', tx);
      addSupplier(db, 'Wegmans', tx);
    });
    expect(count(db, 'suppliers')).toBe(2);
  });

  it('a caller-owned transaction spanning two services rolls back both when the caller throws', async () => {
    const db = await testDb();
    expect(() =>
      transaction(db, (tx) => {
        addSupplier(db, 'Costco', tx);
        addSupplier(db, 'Wegmans', tx);
        throw new Error('the baker cancelled');
      }),
    ).toThrow('the baker cancelled');
    expect(count(db, 'suppliers')).toBe(0);
  });

  it("a service called inside a caller's transaction reads that transaction's uncommitted writes", async () => {
    const db = await testDb();
    transaction(db, (tx) => {
      addSupplier(db, 'Costco', tx);
      expect(supplierCount(db, tx)).toBe(1);
      addSupplier(db, 'Wegmans', tx);
      expect(supplierCount(db, tx)).toBe(2);
    });
  });

  it('a handle used after commit is rejected', async () => {
    const db = await testDb();
    let kept: Tx | undefined;
    transaction(db, (tx) => {
      kept = tx;
      addSupplier(db, 'Costco', tx);
    });
    expect(kept!.active).toBe(false);
    expect(() => addSupplier(db, 'Wegmans', kept)).toThrowError(expect.objectContaining({ code: 'TX_ENDED' }));
    expect(() => kept!.run('DELETE FROM suppliers')).toThrowError(expect.objectContaining({ code: 'TX_ENDED' }));
    expect(count(db, 'suppliers')).toBe(1);
  });

  it('a handle used after rollback is rejected', async () => {
    const db = await testDb();
    let kept: Tx | undefined;
    expect(() =>
      transaction(db, (tx) => {
        kept = tx;
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(() => supplierCount(db, kept)).toThrowError(expect.objectContaining({ code: 'TX_ENDED' }));
  });

  it('opening a second transaction inside a body (a forgotten handle) is refused and rolls the outer one back', async () => {
    const db = await testDb();
    let err: unknown;
    try {
      transaction(db, (tx) => {
        addSupplier(db, 'Costco', tx);
        addSupplier(db, 'Wegmans'); // no handle: would commit on its own
      });
    } catch (e) {
      err = e;
    }
    expect((err as AppError).code).toBe('TX_NESTED');
    expect(count(db, 'suppliers')).toBe(0);
  });

  it('an async body cannot interleave: it is rolled back and rejected', async () => {
    const db = await testDb();
    expect(() =>
      transaction(db, (tx) => {
        addSupplier(db, 'Costco', tx);
        return Promise.resolve(1);
      }),
    ).toThrowError(expect.objectContaining({ code: 'TX_ASYNC_BODY' }));
    expect(count(db, 'suppliers')).toBe(0);
    expect(db.inTransaction).toBe(false);
  });

  it("a handle from another database is refused", async () => {
    const a = await testDb();
    const b = await testDb();
    transaction(a, (tx) => {
      expect(() => addSupplier(b, 'Costco', tx)).toThrowError(expect.objectContaining({ code: 'TX_FOREIGN' }));
    });
  });

  it('a savepoint undoes only its own work and the outer transaction commits the rest', async () => {
    const db = await testDb();
    const committed: LoggedStatement[][] = [];
    db.onCommit((s) => committed.push([...s]));
    transaction(db, (tx) => {
      addSupplier(db, 'Costco', tx);
      expect(() =>
        savepoint(tx, (sp) => {
          addSupplier(db, 'Wegmans', sp);
          throw new Error('skip this record');
        }),
      ).toThrow('skip this record');
    });
    expect(count(db, 'suppliers')).toBe(1);
    // The commit log holds only what was committed: the rolled-back insert is gone.
    expect(committed).toHaveLength(1);
    expect(committed[0]!.map((s) => s.params[1])).toEqual(['Costco']);
  });

  it('commit listeners receive each committed write with its bound values; reads and rollbacks log nothing', async () => {
    const db = await testDb();
    const committed: LoggedStatement[][] = [];
    db.onCommit((s) => committed.push([...s]));
    supplierCount(db);
    expect(() => transaction(db, (tx) => (addSupplier(db, 'Costco', tx), tx.run('INSERT INTO nope VALUES (1)')))).toThrow();
    addSupplier(db, 'Wegmans');
    expect(committed).toHaveLength(1);
    expect(committed[0]![0]!.params).toEqual(['wegmans', 'Wegmans', '2026-11-26T12:00:00.000Z', '2026-11-26T12:00:00.000Z']);
  });

  it("a write that calls SQLite's clock is refused so the commit log replays exactly", async () => {
    const db = await testDb();
    expect(() =>
      transaction(db, (tx) =>
        tx.run("INSERT INTO settings (key, value, updated_at) VALUES ('a', 'b', CURRENT_TIMESTAMP)"),
      ),
    ).toThrowError(expect.objectContaining({ code: 'SQL_NONDETERMINISTIC' }));
  });

  it('a constraint violation surfaces as a typed CONSTRAINT error and changes nothing', async () => {
    const db = await testDb();
    addSupplier(db, 'Costco');
    let err: unknown;
    try {
      transaction(db, (tx) => {
        addSupplier(db, 'Wegmans', tx);
        addSupplier(db, 'Costco', tx); // duplicate slug
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CONSTRAINT');
    expect(count(db, 'suppliers')).toBe(1);
  });

  it('every row a transaction writes shares its timestamp', async () => {
    let tick = 0;
    const db = await testDb(() => new Date(Date.UTC(2026, 10, 26, 12, 0, tick++)));
    transaction(db, (tx) => {
      addSupplier(db, 'Costco', tx);
      addSupplier(db, 'Wegmans', tx);
    });
    const stamps = db.engine.all<{ created_at: string }>('SELECT DISTINCT created_at FROM suppliers');
    expect(stamps).toHaveLength(1);
  });
});
