/**
 * The database worker: owns the sql.js database and serves RPC requests.
 * (Interim: in-memory only. Persistence, writer election and change notices
 * come with the browser runtime.)
 */
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { openSqlJsDatabase } from '../db/open';
import type { RpcRequest, WorkerMessage } from '../rpc/contract';
import { serve } from './rpc-server';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: WorkerMessage) => scope.postMessage(m);

const ready = openSqlJsDatabase({ locateWasm: () => wasmUrl });
let queue: Promise<unknown> = Promise.resolve();

scope.addEventListener('message', (event: MessageEvent<RpcRequest>) => {
  const request = event.data;
  if (request?.kind !== 'request') return;
  queue = queue.then(async () => {
    const db = await ready;
    post(await serve({ db }, request));
  });
});

ready.then(
  () => post({ kind: 'notice', notice: { type: 'status', role: 'writer' } }),
  (e: unknown) =>
    post({ kind: 'notice', notice: { type: 'problem', error: { code: 'STORAGE', message: String(e) } } }),
);
