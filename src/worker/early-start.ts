/**
 * What the database worker starts before its main code has even loaded
 * (db.worker.ts imports this, then loads tab.ts). It asks the browser, at
 * once, for what the opening waits on: IndexedDB opened and the writer lock;
 * then, as soon as both are there, for the opening's reads (the checkpoints,
 * the newest image, the log after it: first-reads.ts); and in the first task
 * after the script, for SQLite's wasm (fetched and compiled off this thread).
 * The answers arrive as tasks, while the main code is fetched and compiled,
 * so the browser works on them meanwhile instead of after it.
 *
 * Keep the imports here few: whatever this module imports is fetched and
 * evaluated before it starts anything.
 */
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { WRITER_LOCK } from '../persistence/policy';
import { warmUpCrc32 } from '../persistence/checksum';
import { FirstReads } from '../persistence/first-reads';
import { PersistenceStore } from '../persistence/store';
import { markStartup } from '../rpc/startup-marks';
import { workerHookOptions } from '../rpc/test-hooks';

markStartup('worker-start');

/**
 * SQLite's wasm, compiled while it streams in (from the browser's cache of compiled code after the
 * first time), asked for in the first task after this script has been evaluated. Not during it: a
 * fetch records the calling stack for DevTools (and for the Playwright that drives the tests and
 * benchmarks), and with the script's top level on that stack V8 re-reads the whole script for source
 * positions (40-70 ms). Undefined where the browser cannot compile a stream: sql.js then loads the
 * wasm itself, and reports what really fails.
 */
export const sqlWasm: Promise<WebAssembly.Module> | undefined =
  typeof WebAssembly.compileStreaming === 'function'
    ? new Promise<void>((resolve) => setTimeout(resolve)).then(() => WebAssembly.compileStreaming(fetch(wasmUrl)))
    : undefined;
sqlWasm?.catch(() => undefined);

/** Where sql.js finds its wasm if the compile above failed. */
export const locateWasm = (): string => wasmUrl;

/**
 * IndexedDB, opened while the lock is asked for (each is a round trip to the browser): the writer then
 * reads at once. The tab that turns out to follow closes it again.
 */
export const earlyStore = new PersistenceStore();
const earlyOpened = earlyStore.open();
earlyOpened.catch(() => {
  // The writer opens it again and reports the failure.
});

/** The answer to this tab's first request for the writer lock. */
export interface FirstLockAnswer {
  granted: boolean;
  /** Keeps the lock (when granted) until `until` settles. */
  hold(until: Promise<void>): void;
}

/** The writer lock asked for without waiting in line; null without Web Locks (browsers before 2022). */
export const firstLock: Promise<FirstLockAnswer> | null =
  'locks' in navigator
    ? new Promise((answer) => {
        void navigator.locks.request(WRITER_LOCK, { ifAvailable: true }, (lock) => {
          markStartup('role');
          if (!lock) {
            answer({ granted: false, hold: () => undefined });
            return undefined;
          }
          return new Promise<void>((release) => answer({ granted: true, hold: (until) => void until.then(release) }));
        });
      })
    : null;

/**
 * The first opening's reads (the checkpoints, the newest image and the log after it), asked for as soon
 * as this tab is the writer and IndexedDB is open, while the worker's main code still loads. Null for a
 * tab that follows; rejected if IndexedDB did not open (the writer then reports why).
 */
export const firstReads: Promise<FirstReads | null> = (firstLock ?? Promise.resolve({ granted: true })).then((answer) =>
  answer.granted
    ? earlyOpened.then(() => new FirstReads(earlyStore, () => markStartup('image-read'), readAnswers()))
    : null,
);

/** Whether the opening reads the answers the last session remembered: not in a test build's `?no-remembered-answers` (the benchmark's SQLite path). */
function readAnswers(): boolean {
  return !(__TEST_HOOKS__ && workerHookOptions((self as unknown as { name: string }).name)?.has('no-remembered-answers'));
}
firstReads.catch(() => undefined);

// While IndexedDB opens and the lock is granted (answers that come as tasks after this script).
warmUpCrc32();
