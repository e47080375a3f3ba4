/**
 * The browser tests' handle on the test build (a production bundle built with
 * `--mode test-hooks`; in any other build `__TEST_HOOKS__` is false and all of
 * this is left out). Only when the page URL also
 * carries `?test-hooks` does the app put `window.__bakePlanner` in place: the
 * page's RPC client plus every notice the worker has pushed. Tests drive the
 * worker through it instead of through screens, so they survive UI changes.
 * The worker, told the same through its name, unlocks its test-only handlers
 * (system.touch…) and reads the hooks' options from the page's query.
 */
import type { RpcClient } from './client';
import type { WorkerNotice } from './wire';

export interface TestHooks {
  rpc: RpcClient;
  notices: WorkerNotice[];
}

declare global {
  interface Window {
    __bakePlanner?: TestHooks;
  }
}

export function testHooksRequested(): boolean {
  return typeof location !== 'undefined' && new URLSearchParams(location.search).has('test-hooks');
}

const WORKER_NAME = 'bake-planner-db';

/** The worker's name: with test hooks it carries the page's query, which the worker reads with `workerHookOptions`. */
export function workerName(hooks: boolean): string {
  return hooks ? `${WORKER_NAME} ${location.search}` : WORKER_NAME;
}

/**
 * The test hooks' options as the worker sees them, or null without test hooks. `full-disk-checkpoints`:
 * every checkpoint write fails as on a full disk from the moment the worker opens the database.
 */
export function workerHookOptions(name: string): URLSearchParams | null {
  const query = new URLSearchParams(name.slice(WORKER_NAME.length).trim());
  return query.has('test-hooks') ? query : null;
}

export function installTestHooks(rpc: RpcClient): void {
  const notices: WorkerNotice[] = [];
  rpc.onNotice((notice) => notices.push(notice));
  window.__bakePlanner = { rpc, notices };
}
