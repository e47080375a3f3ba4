/**
 * Launching Chromium (found by tests/setup/test-browsers.ts) for tests and benchmarks, one fresh profile
 * (user-data-dir) per launch so IndexedDB, the service worker and Web Locks
 * start empty, and driving the app through its test hooks: pages are opened
 * with `?test-hooks`, and `rpc()` calls the page's own RPC client
 * (window.__bakePlanner), returning errors as values instead of throwing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { ErrorPayload } from '../../../src/errors';
import { STARTUP_MARK_PREFIX } from '../../../src/rpc/startup-marks';
import { toolPath } from '../../setup/test-browsers';
import type { Method, ParamsOf, ResultOf } from '../../../src/rpc/contract';
import type { WorkerNotice, WorkerRole } from '../../../src/rpc/wire';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Profile {
  context: BrowserContext;
  dir: string;
  /** Closes the browser; the profile folder stays for a relaunch until `remove()`. */
  close(): Promise<void>;
  remove(): Promise<void>;
}

export interface LaunchOptions {
  /** 'block' keeps service workers out (two builds served from one origin would claim each other's pages). */
  serviceWorkers?: 'allow' | 'block';
}

export async function launch(
  dir = mkdtempSync(join(tmpdir(), 'bake-planner-profile-')),
  options: LaunchOptions = {},
): Promise<Profile> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: toolPath('chromium'),
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close();
  };
  return {
    context,
    dir,
    close,
    remove: async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `body` the moment the page's RPC client exists, before the app's first screen asks anything
 * (`rpc` is the client). A plain string: it runs before the app, whatever compiled this file.
 */
export async function onClientReady(page: Page, body: string): Promise<void> {
  await page.addInitScript(`
    let hooks;
    Object.defineProperty(window, '__bakePlanner', {
      configurable: true,
      get: () => hooks,
      set: (value) => {
        hooks = value;
        ((rpc) => { ${body} })(value.rpc);
      },
    });
  `);
}

/** The app's startup marks (src/rpc/startup-marks.ts) on a page's or its worker's clock, with that clock's origin. */
export function startupMarks(target: Page | Worker): Promise<{ origin: number; marks: Record<string, number> }> {
  const read = (prefix: string) => {
    const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith(prefix));
    return { origin: performance.timeOrigin, marks: Object.fromEntries(marks.map((m) => [m.name.slice(prefix.length), m.startTime])) };
  };
  // Page and Worker each take the function; their overloads do not combine into one call.
  return 'workers' in target ? target.evaluate(read, STARTUP_MARK_PREFIX) : target.evaluate(read, STARTUP_MARK_PREFIX);
}

export function appUrl(baseUrl: string): string {
  return `${baseUrl}?test-hooks`;
}

/** Opens the app and waits until its worker answers (as writer or through the writer). */
export async function openApp(context: BrowserContext, baseUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(appUrl(baseUrl));
  await waitForWorker(page);
  return page;
}

/** Waits until the page's app (opened with its test hooks) has a worker that answers. */
export async function waitForWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__bakePlanner !== undefined);
  await page.evaluate(() => window.__bakePlanner!.rpc.call('system.ping'));
}

export type RpcOutcome<M extends Method> = { ok: true; result: ResultOf<M> } | { ok: false; error: ErrorPayload };

export async function rpc<M extends Method>(page: Page, method: M, params?: ParamsOf<M>): Promise<RpcOutcome<M>> {
  return page.evaluate(
    async ([m, p]) => {
      try {
        const client = window.__bakePlanner!.rpc as unknown as { call(method: string, params?: unknown): Promise<unknown> };
        return { ok: true as const, result: await client.call(m, p) };
      } catch (e) {
        const err = e as { code?: string; message?: string; details?: Record<string, unknown> };
        return { ok: false as const, error: { code: err.code ?? 'INTERNAL', message: String(err.message), details: err.details ?? {} } };
      }
    },
    [method, params] as const,
  ) as Promise<RpcOutcome<M>>;
}

/** Like rpc() but throws with the error's code and message, for steps that must succeed. */
export async function call<M extends Method>(page: Page, method: M, params?: ParamsOf<M>): Promise<ResultOf<M>> {
  const outcome = await rpc(page, method, params);
  if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result;
}

export function notices(page: Page): Promise<WorkerNotice[]> {
  return page.evaluate(() => window.__bakePlanner!.notices);
}

export function role(page: Page): Promise<string> {
  return page.evaluate(() => window.__bakePlanner!.rpc.lastStatus.role);
}

/**
 * Keeps the worker of `page` (the writer tab) busy for `ms`: a phone's sleeping
 * background tab answers no better. Resolves once the busy spell has begun (the
 * worker announces it first, so a request sent next surely arrives during it);
 * `over` settles when the spell ends.
 */
export async function keepWorkerBusy(page: Page, ms: number): Promise<{ over: Promise<void> }> {
  type Busy = { busy?: Promise<unknown> };
  await page.evaluate(() => {
    (window as Busy).busy = new Promise((resolve) => (new BroadcastChannel('busy-spell').onmessage = resolve));
  });
  const [worker] = page.workers();
  const over = worker!.evaluate((duration) => {
    new BroadcastChannel('busy-spell').postMessage('busy');
    const until = Date.now() + duration;
    while (Date.now() < until);
  }, ms);
  await page.evaluate(() => (window as Busy).busy);
  return { over };
}

/** Waits until this tab's worker reports `wanted` as its role. */
export async function waitForRole(page: Page, wanted: WorkerRole): Promise<void> {
  await page.waitForFunction((w) => window.__bakePlanner?.rpc.lastStatus.role === w, wanted);
}

/** The writer lock as the browser sees it: how many hold it (at most one) and how many wait for it. */
export function writerLocks(page: Page): Promise<{ held: number; pending: number }> {
  return page.evaluate(async () => {
    const state = await navigator.locks.query();
    const mine = (l: LockInfo) => l.name === 'bake-planner-writer';
    return { held: (state.held ?? []).filter(mine).length, pending: (state.pending ?? []).filter(mine).length };
  });
}

/**
 * Hides or shows a page the way the browser tells the app: `document.visibilityState` reads
 * 'hidden' (or 'visible') and 'visibilitychange' fires. Headless Chromium keeps every page visible
 * and ignores the Page Lifecycle emulation (CDP Page.setWebLifecycleState 'frozen' fires no
 * visibilitychange or freeze event and timers run on; checked with Chromium 156), so this is the
 * one way to put a page in the background here. A frozen worker is played by keepWorkerBusy().
 */
export async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}
