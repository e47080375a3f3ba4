/**
 * Starts this tab's database worker (once) and returns the page's RPC client
 * for it. The worker hears when the page is hidden or shown: a writer tab
 * left in the background hands the database over to a tab in use. In the
 * test build, with `?test-hooks` in the page URL, the worker unlocks its
 * test-only handlers and the client is exposed to browser tests (see
 * src/rpc/test-hooks.ts); without it nothing is made global. In any other
 * build `__TEST_HOOKS__` is the constant false, so the bundler leaves the
 * hooks out of the app entirely.
 */
import type { VisibilityMessage } from './wire';
import { markStartup } from './startup-marks';
import { installTestHooks, testHooksRequested, workerName } from './test-hooks';
import { RpcClient } from './client';

let client: RpcClient | undefined;

export function connectWorker(): RpcClient {
  if (client) return client;
  const hooks = __TEST_HOOKS__ && testHooksRequested();
  const worker = new Worker(new URL('../worker/db.worker.ts', import.meta.url), { type: 'module', name: workerName(hooks) });
  markStartup('worker-created');
  client = new RpcClient(worker);
  const tellVisibility = () => worker.postMessage({ kind: 'visibility', hidden: document.visibilityState === 'hidden' } satisfies VisibilityMessage);
  tellVisibility();
  document.addEventListener('visibilitychange', tellVisibility);
  if (hooks) installTestHooks(client);
  return client;
}
