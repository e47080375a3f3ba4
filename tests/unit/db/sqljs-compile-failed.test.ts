/** If compiling the wasm beforehand failed, sql.js loads it itself (and reports what really fails). */
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { loadSqlJs, SqlJsEngine } from '../../../src/db/sqljs-engine';

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');

test('a failed early compile falls back to sql.js loading the wasm from locateWasm', async () => {
  const wasmModule = Promise.reject(new Error('compile failed'));
  await loadSqlJs({ wasmModule, locateWasm: () => wasmPath });
  const engine = await SqlJsEngine.open();
  expect(engine.get<{ n: number }>('SELECT 6 * 7 AS n')).toEqual({ n: 42 });
  engine.close();
});
