/**
 * Starts this tab's database worker (once) and returns the page's RPC client
 * for it. With `?test-hooks` in the page URL the worker unlocks its test-only
 * handlers and the client is exposed to browser tests (see
 * src/rpc/test-hooks.ts); without it nothing is made global.
 */
import { installTestHooks, testHooksRequested, workerName } from './test-hooks';
import { RpcClient } from './client';

let client: RpcClient | undefined;

export function connectWorker(): RpcClient {
  if (client) return client;
  const hooks = testHooksRequested();
  const worker = new Worker(new URL('../worker/db.worker.ts', import.meta.url), { type: 'module', name: workerName(hooks) });
  client = new RpcClient(worker);
  if (hooks) installTestHooks(client);
  return client;
}
