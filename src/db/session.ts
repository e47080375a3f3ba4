/**
 * Session helpers: the only code that issues BEGIN, COMMIT, ROLLBACK or
 * SAVEPOINT. Every service takes an optional `Tx` as its last argument and
 * calls `withTransaction(db, tx, body)`: with a handle it joins the caller's
 * transaction, without one it opens (and owns) a new one. Why this matters:
 * docs/design/transactions.md.
 *
 * Bodies are synchronous on purpose. There is one connection; an `await`
 * inside a transaction would let another call run inside it. A body that
 * returns a promise is rolled back and rejected.
 *
 * Each transaction records the write statements it ran (SQL + bound values).
 * On COMMIT that list goes to the commit listeners, which is how the browser
 * persists a commit without saving the whole image (docs/design/persistence.md).
 * For the log to replay to the same state, statements may not call SQLite's
 * clock or random functions: timestamps come from `tx.now()`.
 */
import { AppError } from '../errors';
import type { Engine, Params, RunResult, SqlValue } from './engine';

export interface LoggedStatement {
  sql: string;
  params: SqlValue[];
}

export type CommitListener = (statements: readonly LoggedStatement[]) => void;

/** A transaction handle. Valid only while its transaction is open. */
export interface Tx {
  readonly db: Database;
  readonly active: boolean;
  /** The transaction's timestamp (ISO 8601): every row it writes shares it. */
  now(): string;
  run(sql: string, params?: Params): RunResult;
  get<T>(sql: string, params?: Params): T | undefined;
  all<T>(sql: string, params?: Params): T[];
  /** Parameterless statements (DDL in migrations). Logged like writes. */
  exec(sql: string): void;
}

export interface DatabaseOptions {
  /** Injected for deterministic tests; defaults to the wall clock. */
  clock?: () => Date;
}

/** One open database: the engine plus the bookkeeping of its single connection. */
export class Database {
  readonly engine: Engine;
  private readonly clock: () => Date;
  private readonly listeners = new Set<CommitListener>();
  /** @internal the transaction now open, if any. */
  current: TxHandle | null = null;
  private txCounter = 0;

  constructor(engine: Engine, options: DatabaseOptions = {}) {
    this.engine = engine;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Called synchronously after every COMMIT that wrote something. Returns an unsubscribe function. */
  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Whether anyone keeps commits (the browser's writer does; the command line does not): only then does a
   * transaction record its statements, so a large import on the command line does not hold them all in memory.
   * Listeners are registered before the transactions they are to hear.
   */
  get logsCommits(): boolean {
    return this.listeners.size > 0;
  }

  get inTransaction(): boolean {
    return this.current !== null;
  }

  /** @internal */
  nextTxId(): number {
    return ++this.txCounter;
  }

  /** @internal */
  nowIso(): string {
    return this.clock().toISOString();
  }

  /** @internal */
  notifyCommit(statements: readonly LoggedStatement[]): void {
    for (const listener of this.listeners) listener(statements);
  }

  close(): void {
    if (this.current) throw new AppError('CONFLICT', 'Cannot close the database while a transaction is open.');
    this.engine.close();
  }
}

const READ_ONLY = /^\s*(SELECT|WITH|VALUES|EXPLAIN|PRAGMA\s+[a-z_]+\s*;?\s*$|PRAGMA\s+[a-z_]+\s*\([^)]*\)\s*;?\s*$)/i;
const WRITE_IN_WITH = /\b(INSERT|UPDATE|DELETE|REPLACE)\b/i;
const NONDETERMINISTIC =
  /\b(random|randomblob|changes|total_changes|last_insert_rowid)\s*\(|\bCURRENT_(TIMESTAMP|DATE|TIME)\b|['"]now['"]/i;
const checkedSql = new Map<string, 'read' | 'write'>();

function classify(sql: string): 'read' | 'write' {
  let kind = checkedSql.get(sql);
  if (kind) return kind;
  kind = READ_ONLY.test(sql) && !(/^\s*WITH/i.test(sql) && WRITE_IN_WITH.test(sql)) ? 'read' : 'write';
  if (kind === 'write' && NONDETERMINISTIC.test(sql)) {
    throw new AppError(
      'SQL_NONDETERMINISTIC',
      'A write statement uses SQLite clock or random functions; bind the value from TypeScript so the commit log replays exactly.',
      { sql },
    );
  }
  checkedSql.set(sql, kind);
  return kind;
}

/** @internal exported for the session module's own helpers only. */
export class TxHandle implements Tx {
  readonly id: number;
  private open = true;
  private readonly timestamp: string;
  readonly log: LoggedStatement[] = [];
  savepointDepth = 0;

  private readonly logging: boolean;

  constructor(readonly db: Database) {
    this.id = db.nextTxId();
    this.timestamp = db.nowIso();
    this.logging = db.logsCommits;
  }

  get active(): boolean {
    return this.open;
  }

  end(): void {
    this.open = false;
  }

  private ensureActive(): void {
    if (!this.open) {
      throw new AppError('TX_ENDED', 'This transaction has already ended; its handle cannot be used again.', {
        txId: this.id,
      });
    }
  }

  now(): string {
    this.ensureActive();
    return this.timestamp;
  }

  run(sql: string, params: Params = []): RunResult {
    this.ensureActive();
    classify(sql);
    const result = this.db.engine.run(sql, params);
    if (this.logging) this.log.push({ sql, params: [...params] });
    return result;
  }

  get<T>(sql: string, params: Params = []): T | undefined {
    this.ensureActive();
    assertRead(sql);
    return this.db.engine.get<T>(sql, params);
  }

  all<T>(sql: string, params: Params = []): T[] {
    this.ensureActive();
    assertRead(sql);
    return this.db.engine.all<T>(sql, params);
  }

  exec(sql: string): void {
    this.ensureActive();
    classify(sql);
    this.db.engine.exec(sql);
    if (this.logging) this.log.push({ sql, params: [] });
  }
}

function assertRead(sql: string): void {
  if (classify(sql) !== 'read') {
    throw new AppError('INTERNAL', 'get/all are for reads; use run() for statements that write so they are logged.', {
      sql,
    });
  }
}

function isThenable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** SQLite constraint failures become typed errors instead of raw driver messages. */
function translate(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/constraint|append-only/i.test(message)) {
    return new AppError('CONSTRAINT', `The database refused the change: ${message}`, { sqlite: message });
  }
  return e;
}

/**
 * Runs `body` in a new transaction: COMMIT when it returns, ROLLBACK when it
 * throws. Refuses to open a transaction inside another one: a service that
 * does so was not given the caller's handle, and committing on its own would
 * break the caller's atomicity.
 */
export function transaction<T>(db: Database, body: (tx: Tx) => T): T {
  if (db.current) {
    throw new AppError(
      'TX_NESTED',
      'A transaction is already open on this database; pass its handle instead of opening another.',
      { openTxId: db.current.id },
    );
  }
  const tx = new TxHandle(db);
  db.engine.exec('BEGIN IMMEDIATE');
  db.current = tx;
  let result: T;
  try {
    result = body(tx);
    if (isThenable(result)) {
      throw new AppError('TX_ASYNC_BODY', 'A transaction body must be synchronous; it returned a promise.');
    }
    db.engine.exec('COMMIT');
  } catch (e) {
    try {
      db.engine.exec('ROLLBACK');
    } catch {
      // SQLite already rolled back (some errors end the transaction themselves).
    }
    tx.end();
    db.current = null;
    throw translate(e);
  }
  tx.end();
  db.current = null;
  if (tx.log.length > 0) db.notifyCommit(tx.log);
  return result;
}

/** The ownership rule: join the caller's transaction when given one, else open a new one. */
export function withTransaction<T>(db: Database, tx: Tx | undefined, body: (tx: Tx) => T): T {
  if (!tx) return transaction(db, body);
  if (tx.db !== db) {
    throw new AppError('TX_FOREIGN', 'This transaction handle belongs to another database.');
  }
  if (!tx.active) {
    throw new AppError('TX_ENDED', 'This transaction has already ended; its handle cannot be used again.');
  }
  return body(tx);
}

/**
 * Runs `body` inside a SAVEPOINT of an open transaction: on throw only the
 * savepoint's work is undone (and dropped from the commit log), the outer
 * transaction goes on. Used where one record may fail without failing all.
 */
export function savepoint<T>(tx: Tx, body: (tx: Tx) => T): T {
  if (!(tx instanceof TxHandle) || !tx.active) {
    throw new AppError('TX_ENDED', 'A savepoint needs an open transaction.');
  }
  const name = `sp_${tx.id}_${++tx.savepointDepth}`;
  const mark = tx.log.length;
  tx.db.engine.exec(`SAVEPOINT ${name}`);
  try {
    const result = body(tx);
    if (isThenable(result)) {
      throw new AppError('TX_ASYNC_BODY', 'A savepoint body must be synchronous; it returned a promise.');
    }
    tx.db.engine.exec(`RELEASE ${name}`);
    return result;
  } catch (e) {
    tx.db.engine.exec(`ROLLBACK TO ${name}`);
    tx.db.engine.exec(`RELEASE ${name}`);
    tx.log.length = mark;
    throw translate(e);
  } finally {
    tx.savepointDepth--;
  }
}

/**
 * Re-applies a committed statement list (from the persistence log) as one
 * transaction, without notifying commit listeners: the statements are
 * already stored.
 */
export function replayCommit(db: Database, statements: readonly LoggedStatement[]): void {
  if (db.current) throw new AppError('TX_NESTED', 'Cannot replay a commit inside an open transaction.');
  db.engine.exec('BEGIN IMMEDIATE');
  try {
    for (const s of statements) {
      if (s.params.length === 0) db.engine.exec(s.sql);
      else db.engine.run(s.sql, s.params);
    }
    db.engine.exec('COMMIT');
  } catch (e) {
    db.engine.exec('ROLLBACK');
    throw translate(e);
  }
}
