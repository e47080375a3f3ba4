/**
 * The independent checker's bench: a bakery written as a snapshot file by
 * hand (docs/export-format.md), imported with the real `bake-planner import`,
 * then driven with the real commands and --json. `cli` runs the command
 * line through the runner bin.mjs calls, in this process (starting tsx and
 * sql.js per command would take seconds each on a shared machine);
 * `spawnCli` runs the real executable where a test is about the process
 * itself (exit code, stdout, stderr).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openDatabaseFile, saveDatabaseFile } from '../../../src/cli/files';
import { runCli } from '../../../src/cli/main';
import type { Database } from '../../../src/db/session';
import { AppError } from '../../../src/errors';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'src/cli/bin.mjs');

export interface Result {
  code: number;
  out: string;
  err: string;
}

export async function cli(...argv: string[]): Promise<Result> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

export function spawnCli(...argv: string[]): Result {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** The JSON a command printed, once it succeeded. */
export async function json(...argv: string[]): Promise<any> {
  const r = await cli(...argv, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

/** A refusal: exit 1, `error: <message>` on stderr, the error object on stdout, and the database file byte for byte as before. */
export async function refusal(db: string, ...argv: string[]): Promise<{ code: string; message: string; details: any }> {
  const before = hashOf(db);
  const r = await cli(...argv, '--json');
  expect(r.code).toBe(1);
  const document = JSON.parse(r.out) as { error: { code: string; message: string; details: unknown } };
  expect(Object.keys(document)).toEqual(['error']);
  expect(Object.keys(document.error)).toEqual(['code', 'message', 'details']);
  expect(r.err.split('\n')[0]).toBe(`error: ${document.error.message}`);
  expect(hashOf(db)).toBe(before);
  return document.error as any;
}

export const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A new database file holding the snapshot: `{ format, format_version }` are added here. */
export async function bakery(snapshot: Record<string, unknown>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bp-verify-'));
  const file = join(dir, 'bakery.json');
  writeFileSync(file, JSON.stringify({ format: 'bake-planner-snapshot', format_version: 1, ...snapshot }));
  const db = join(dir, 'bakery.sqlite');
  const r = await cli('import', db, file);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return db;
}

/** Rounds for comparing a figure worked by hand with one computed in floating point. */
export const r4 = (n: number) => Math.round(n * 1e4) / 1e4;

/** A change made through the services on the database file itself (what the CLI has no command for), saved as the CLI saves. */
export async function onFile<T>(path: string, change: (db: Database) => T): Promise<T> {
  const db = await openDatabaseFile(path, false);
  try {
    const out = change(db);
    saveDatabaseFile(db, path);
    return out;
  } finally {
    db.close();
  }
}

/** The AppError a service call is refused with; anything else (or no refusal) fails the test. */
export function refusedBy(change: () => unknown): AppError {
  try {
    change();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}
