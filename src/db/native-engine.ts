/**
 * better-sqlite3 (native SQLite) behind the Engine interface. Node only, and
 * a dev dependency: it exists so benchmarks can run the very same services
 * against native SQLite and show what the WebAssembly build costs.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { CONNECTION_PRAGMAS, type Engine, type Params, type RunResult } from './engine';

export class NativeEngine implements Engine {
  readonly driver = 'native' as const;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly db: BetterSqlite3.Database) {
    db.exec(CONNECTION_PRAGMAS);
    db.pragma('journal_mode = MEMORY');
  }

  static async open(path = ':memory:'): Promise<NativeEngine> {
    const { default: Database } = await import('better-sqlite3');
    return new NativeEngine(new Database(path));
  }

  private prepare(sql: string): BetterSqlite3.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  run(sql: string, params: Params = []): RunResult {
    const r = this.prepare(sql).run(...(params as unknown[]));
    return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
  }

  get<T>(sql: string, params: Params = []): T | undefined {
    return this.prepare(sql).get(...(params as unknown[])) as T | undefined;
  }

  all<T>(sql: string, params: Params = []): T[] {
    return this.prepare(sql).all(...(params as unknown[])) as T[];
  }

  exec(sql: string): void {
    this.db.exec(sql);
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }
}
