/**
 * sql.js (SQLite compiled to WebAssembly) behind the Engine interface. Used in
 * the browser worker and in Node. The wasm binary is located by the caller so
 * the same code works with Vite's asset URLs and with a file path in Node.
 */
import initSqlJs, { type Database as SqlJsDatabase, type SqlJsStatic, type Statement } from 'sql.js';
import { AppError } from '../errors';
import { CONNECTION_PRAGMAS, type Engine, type Params, type RunResult } from './engine';

let sqlJsPromise: Promise<SqlJsStatic> | undefined;

export interface SqlJsLoadOptions {
  /** Where the wasm lives: a URL in the browser, a file path in Node. */
  locateWasm?: (file: string) => string;
  /** The wasm bytes themselves, when the caller already has them. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /**
   * The wasm already being compiled (the worker starts that before its own code has loaded, see
   * src/worker/early-start.ts): sql.js then only instantiates it. If it failed to compile, sql.js
   * fetches and compiles the wasm itself (`locateWasm`), which reports a wasm that really does not load.
   */
  wasmModule?: Promise<WebAssembly.Module>;
}

export function loadSqlJs(options: SqlJsLoadOptions = {}): Promise<SqlJsStatic> {
  if (!sqlJsPromise) {
    const config: Record<string, unknown> = {};
    if (options.locateWasm) config.locateFile = options.locateWasm;
    if (options.wasmBinary) config.wasmBinary = options.wasmBinary;
    const { wasmModule } = options;
    sqlJsPromise = wasmModule
      ? wasmModule.then(
          (module) => instantiateCompiled(module, config),
          () => initSqlJs(config),
        )
      : initSqlJs(config);
    sqlJsPromise.catch(() => (sqlJsPromise = undefined));
  }
  return sqlJsPromise;
}

/** sql.js over a wasm module compiled already: Emscripten's `instantiateWasm` hook passes the imports, takes the instance. */
function instantiateCompiled(module: WebAssembly.Module, config: Record<string, unknown>): Promise<SqlJsStatic> {
  return new Promise((resolve, reject) => {
    const instantiateWasm = (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) => {
      WebAssembly.instantiate(module, imports).then(receive, reject);
      return {};
    };
    initSqlJs({ ...config, instantiateWasm }).then(resolve, reject);
  });
}

export class SqlJsEngine implements Engine {
  readonly driver = 'sqljs' as const;
  private readonly statements = new Map<string, Statement>();
  /**
   * Column names per prepared statement. sql.js's getAsObject decodes every
   * column name from wasm memory for every row, which was the largest single
   * cost of reading many rows; the names are read once instead. DDL (exec)
   * may change what `SELECT *` returns, so exec forgets them.
   */
  private readonly columns = new Map<Statement, string[]>();
  private closed = false;

  constructor(private readonly db: SqlJsDatabase) {
    db.exec(CONNECTION_PRAGMAS);
    // The database lives in memory; durability is the persistence layer's job,
    // and an in-memory journal made small transactions about 4x faster here.
    // Every page SQLite reads is copied to it through JavaScript from that
    // in-memory file; a page cache of up to 16 MB (SQLite's default is 2 MB)
    // keeps a typical database's pages after the first read, which made
    // repeated stock totals over 16,000 lots about 25% faster.
    db.exec('PRAGMA journal_mode = MEMORY; PRAGMA cache_size = -16384;');
  }

  static async open(image?: Uint8Array, options: SqlJsLoadOptions = {}): Promise<SqlJsEngine> {
    const SQL = await loadSqlJs(options);
    return new SqlJsEngine(image ? new SQL.Database(image) : new SQL.Database());
  }

  private prepare(sql: string): Statement {
    if (this.closed) throw new AppError('INTERNAL', 'The database is closed.');
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  run(sql: string, params: Params = []): RunResult {
    const stmt = this.prepare(sql);
    try {
      stmt.bind(params as SqlJsBind);
      stmt.step();
    } finally {
      stmt.reset();
    }
    const changes = this.db.getRowsModified();
    const id = this.prepare('SELECT last_insert_rowid() AS id');
    let lastInsertRowid = 0;
    try {
      if (id.step()) lastInsertRowid = Number(id.get()[0]);
    } finally {
      id.reset();
    }
    return { changes, lastInsertRowid };
  }

  get<T>(sql: string, params: Params = []): T | undefined {
    const stmt = this.prepare(sql);
    try {
      stmt.bind(params as SqlJsBind);
      return stmt.step() ? this.row<T>(stmt) : undefined;
    } finally {
      stmt.reset();
    }
  }

  all<T>(sql: string, params: Params = []): T[] {
    const stmt = this.prepare(sql);
    const rows: T[] = [];
    try {
      stmt.bind(params as SqlJsBind);
      while (stmt.step()) rows.push(this.row<T>(stmt));
    } finally {
      stmt.reset();
    }
    return rows;
  }

  private row<T>(stmt: Statement): T {
    const values = stmt.get();
    let names = this.columns.get(stmt);
    if (!names || names.length !== values.length) {
      names = stmt.getColumnNames();
      this.columns.set(stmt, names);
    }
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
    return row as T;
  }

  exec(sql: string): void {
    this.columns.clear();
    this.db.exec(sql);
  }

  exportImage(): Uint8Array {
    return this.db.export();
  }

  close(): void {
    if (this.closed) return;
    for (const stmt of this.statements.values()) stmt.free();
    this.statements.clear();
    this.columns.clear();
    this.db.close();
    this.closed = true;
  }
}

type SqlJsBind = Parameters<Statement['bind']>[0];
