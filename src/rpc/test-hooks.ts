/**
 * The browser tests' handle on the test build (a production bundle built with
 * `--mode test-hooks`; in any other build `__TEST_HOOKS__` is false and all of
 * this is left out). Only when the page URL also
 * carries `?test-hooks` does the app put `window.__bakePlanner` in place: the
 * page's RPC client plus every notice the worker has pushed. Tests drive the
 * worker through it instead of through screens, so they survive UI changes.
 * The worker, told the same, unlocks its test-only handlers (system.touch…).
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

export function installTestHooks(rpc: RpcClient): void {
  const notices: WorkerNotice[] = [];
  rpc.onNotice((notice) => notices.push(notice));
  window.__bakePlanner = { rpc, notices };
}
