/**
 * The worker compiles SQLite's wasm before its own code has loaded and hands the compiled module to
 * sql.js (src/worker/early-start.ts). Each file runs in its own module graph, so sql.js starts afresh here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { loadSqlJs, SqlJsEngine } from '../../../src/db/sqljs-engine';

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');

test('sql.js runs on a wasm module compiled beforehand, without fetching the wasm itself', async () => {
  const wasmModule = WebAssembly.compile(readFileSync(wasmPath));
  // A locateWasm that leads nowhere: were the compiled module not used, sql.js would fail to load.
  await loadSqlJs({ wasmModule, locateWasm: () => '/nowhere/sql-wasm.wasm' });
  const engine = await SqlJsEngine.open();
  engine.exec('CREATE TABLE t (x INTEGER)');
  engine.run('INSERT INTO t (x) VALUES (?)', [42]);
  expect(engine.get<{ x: number }>('SELECT x FROM t')).toEqual({ x: 42 });
  engine.close();
});
