/**
 * The database worker's entry, one per tab. It is kept tiny, because nothing
 * in a worker starts before its script has been fetched, compiled and run:
 * it starts what takes long and needs none of the app's code (fetching and
 * compiling SQLite's wasm, which the browser does on other threads), warms up
 * the checksum, and loads the worker's main code (src/worker/tab.ts: role,
 * storage, the database, the handlers) with a dynamic import meanwhile. The
 * page's messages are kept until that code takes them (inbox.ts).
 */
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { AppError } from '../errors';
import { warmUpCrc32 } from '../persistence/checksum';
import { markStartup } from '../rpc/startup-marks';
import type { PageMessage, WorkerMessage } from '../rpc/wire';
import { holdMessages } from './inbox';

markStartup('worker-start');
const scope = self as unknown as DedicatedWorkerGlobalScope;
const inbox = holdMessages(scope);
const wasmModule = compileWasm(wasmUrl);
const tab = import('./tab');
warmUpCrc32();

tab.then(
  ({ startTab }) => startTab({ inbox, sqlJs: { locateWasm: () => wasmUrl, wasmModule } }),
  (e: unknown) => refuseEverything(e),
);

/**
 * Streaming compilation works on the response as it arrives (the service worker serves the wasm with
 * its type, application/wasm). Where the browser refuses it, sql.js fetches and compiles it itself.
 */
function compileWasm(url: string): Promise<WebAssembly.Module> {
  const compiled = WebAssembly.compileStreaming(fetch(url));
  compiled.catch(() => undefined); // handled where it is used: loadSqlJs falls back
  return compiled;
}

/** The main code did not load (offline before the app was ever cached whole): say so, answer every request. */
function refuseEverything(e: unknown): void {
  const error = new AppError('STORAGE', `Bake Planner could not finish loading (${String(e)}). Reload the page to try again.`).toPayload();
  const post = (message: WorkerMessage) => scope.postMessage(message);
  post({ kind: 'notice', notice: { type: 'problem', error } });
  inbox.deliverTo((message) => {
    const m = message as PageMessage | undefined;
    if (m?.kind === 'request') post({ kind: 'response', id: m.id, ok: false, error });
  });
}
