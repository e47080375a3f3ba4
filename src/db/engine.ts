/**
 * The narrow interface every SQLite driver sits behind: sql.js in the worker,
 * sql.js in Node (tests, CLI) and better-sqlite3 in Node (benchmarks only).
 * Parameters are positional so a committed statement can be logged and
 * replayed verbatim (see docs/design/persistence.md). Implementations cache
 * prepared statements by SQL text.
 *
 * Nothing outside src/db/session.ts may call an Engine directly for writes:
 * services receive a transaction handle (`Tx`) instead.
 */

export type SqlValue = number | string | Uint8Array | null;
export type Params = readonly SqlValue[];

export interface RunResult {
  changes: number;
  lastInsertRowid: number;
}

export type Row = Record<string, SqlValue>;

export interface Engine {
  readonly driver: 'sqljs' | 'native';
  run(sql: string, params?: Params): RunResult;
  get<T = Row>(sql: string, params?: Params): T | undefined;
  all<T = Row>(sql: string, params?: Params): T[];
  /** Runs one or more statements without parameters (DDL, pragmas). */
  exec(sql: string): void;
  /** The whole database image; only sql.js supports it (checkpoints). */
  exportImage?(): Uint8Array;
  close(): void;
}

/** Pragmas every connection gets, whatever the driver. */
export const CONNECTION_PRAGMAS = `
  PRAGMA foreign_keys = ON;
  PRAGMA recursive_triggers = ON;
`;
