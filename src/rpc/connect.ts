/** Starts the database worker and returns the page's RPC client for it. */
import { RpcClient } from './client';

export function connectWorker(): RpcClient {
  const worker = new Worker(new URL('../worker/db.worker.ts', import.meta.url), { type: 'module', name: 'bake-planner-db' });
  return new RpcClient(worker);
}
