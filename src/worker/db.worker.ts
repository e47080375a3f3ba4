/**
 * The database worker's entry, one per tab. Nothing in a worker starts
 * before its script has been fetched and compiled, and the worker's whole
 * code (every service and handler) is large: so this entry holds only what
 * the opening waits on first (early-start.ts: IndexedDB opened, the writer
 * lock asked for, SQLite's wasm compiled off this thread, the page's
 * messages kept) and loads the main code (tab.ts) with a dynamic import,
 * fetched and compiled while the browser works on those.
 *
 * Both are dynamic imports, asked for at once, so the browser fetches them
 * side by side and takes their compiled code from its cache (it keeps none
 * for a module worker's static imports: each start parsed early-start's
 * chunk again and serialized a cache it never used). This entry shares
 * no module with them, so the build puts early-start.ts and what it
 * imports in a chunk of their own, which tab.ts imports too, and nothing
 * imports this entry back (WebKitGTK hangs on that: vite.config.ts). The page's messages are kept from this script's first task
 * (inbox.ts) until the main code takes them.
 */
import type { ErrorPayload } from '../errors';
import type { PageMessage, WorkerMessage } from '../rpc/wire';
import { holdMessages } from './inbox';

const pageMessages = holdMessages(self);
// early-start first: tab.ts imports it too, and the browser evaluates it once, as soon as it is in.
void import('./early-start').catch(() => undefined); // a failure shows in the main code's import below
import('./tab').then(({ takePageMessages }) => takePageMessages(pageMessages), refuseEverything);

/**
 * The main code did not load (a new version removed it while this tab was open, or the app's files
 * were never all stored): every request is answered with what to do, none waits forever. The error
 * is written out, not an AppError: its module is shared with the main code, in the chunk that did
 * not load.
 */
function refuseEverything(e: unknown): void {
  const error: ErrorPayload = {
    code: 'APP_UPDATED',
    message:
      'Bake Planner could not finish loading: part of it is missing, usually because a new version was installed while this tab was open. Reload the page to carry on. Nothing was changed.',
    details: { technical: String(e) },
  };
  const post = (message: WorkerMessage) => self.postMessage(message);
  post({ kind: 'notice', notice: { type: 'problem', error } });
  pageMessages.deliverTo((data) => {
    const message = data as PageMessage | undefined;
    if (message?.kind === 'request') post({ kind: 'response', id: message.id, ok: false, error });
  });
}
