/**
 * The database worker's entry, one per tab. Nothing in a worker starts
 * before its script has been fetched and compiled, and the worker's whole
 * code (every service and handler) is large: so this entry holds only what
 * the opening waits on first (early-start.ts: IndexedDB opened, the writer
 * lock asked for, SQLite's wasm compiled off this thread, the page's
 * messages kept) and loads the main code (tab.ts) with a dynamic import,
 * fetched and compiled while the browser works on those.
 *
 * The build puts early-start.ts and what it imports in a chunk of their own
 * (vite.config.ts), which this entry and tab.ts both import, so the main code
 * never imports the worker's own entry script back.
 */
import { AppError } from '../errors';
import type { PageMessage, WorkerMessage } from '../rpc/wire';
import { pageMessages } from './early-start';

import('./tab').catch(refuseEverything);

/**
 * The main code did not load (a new version removed it while this tab was open, or the app's files
 * were never all stored): every request is answered with what to do, none waits forever.
 */
function refuseEverything(e: unknown): void {
  const error = new AppError(
    'APP_UPDATED',
    'Bake Planner could not finish loading: part of it is missing, usually because a new version was installed while this tab was open. Reload the page to carry on. Nothing was changed.',
    { technical: String(e) },
  ).toPayload();
  const post = (message: WorkerMessage) => self.postMessage(message);
  post({ kind: 'notice', notice: { type: 'problem', error } });
  pageMessages.deliverTo((data) => {
    const message = data as PageMessage | undefined;
    if (message?.kind === 'request') post({ kind: 'response', id: message.id, ok: false, error });
  });
}
