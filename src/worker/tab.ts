/**
 * The database worker's main code, one per tab, loaded by its entry
 * (db.worker.ts) while what the opening waits on is already under way
 * (early-start.ts). It decides its role with the Web Locks
 * API: the worker holding the 'bake-planner-writer' lock is the writer and the
 * only one that opens the database; every other tab's worker is a follower
 * that forwards its page's requests to the writer over a BroadcastChannel.
 * The browser releases the lock when the writer's tab closes or crashes; the
 * next waiting worker then becomes the writer, loads everything acknowledged
 * from IndexedDB and carries on without a reload. Requests from the page
 * that arrive before the role is known wait here.
 *
 * The writer also lets go of the lock itself (a handover): when a tab of a
 * newer app version asks (this tab is then outdated, refuses everything and
 * asks the baker to reload), and when it has been in the background for a
 * few seconds while a tab on screen uses it (this tab then follows). Either
 * way the request being served finishes, the ones not started are declined
 * and go to the next writer, so none is lost or run twice.
 *
 * In the test build, opening the page with `?test-hooks` names the worker
 * accordingly, which unlocks the test-only system handlers and the hooks'
 * options (see docs/design/persistence.md); in a production build no name
 * unlocks them.
 */
import { earlyStore as firstStore, firstLock, firstReads, locateWasm, sqlWasm } from './early-start';
import type { Inbox } from './inbox';
import { SqlJsEngine, loadSqlJs, type SqlJsLoadOptions } from '../db/sqljs-engine';
import { RPC_CHANNEL, WRITER_LOCK } from '../persistence/policy';
import { PersistenceStore } from '../persistence/store';
import { APP_VERSION, compareVersions } from '../rpc/app-version';
import { markStartup } from '../rpc/startup-marks';
import { workerHookOptions } from '../rpc/test-hooks';
import type { PageMessage, RpcRequest, RpcResponse, WorkerMessage, WorkerNotice } from '../rpc/wire';
import { transferablesOf } from '../rpc/transfer';
import { APP_UPDATED_STATUS, appUpdatedError } from './app-updated';
import { BackgroundWatch } from './background-watch';
import type { ChannelMessage } from './channel';
import { FOLLOWER_MESSAGE, Follower } from './follower';
import { Writer, type RequestOrigin } from './writer';

markStartup('worker-evaluated');
const scope = self as unknown as DedicatedWorkerGlobalScope;
const hookOptions = __TEST_HOOKS__ ? workerHookOptions(scope.name) : null;
const id = crypto.randomUUID();
const channel = new BroadcastChannel(RPC_CHANNEL);

/**
 * starting: the role is not known yet (requests wait); resigning: handing the database to another
 * tab, to follow it next (requests wait); outdated: another tab runs a newer version (requests are refused).
 */
type Role = 'starting' | 'writer' | 'resigning' | 'follower' | 'outdated';
let role: Role = 'starting';
let writer: Writer | null = null;
let follower: Follower | null = null;
const waiting: RpcRequest[] = [];
let hidden = false;
/** This tab has the lock but waits for the previous writer's last word before it serves. */
let takingOver = false;
/** Ends this tab's hold on the writer lock. */
let releaseLock: (() => void) | null = null;
/** Withdraws this tab's place in the queue for the writer lock. */
let lockQueue: AbortController | null = null;
const background = new BackgroundWatch(() => void handOver('background'));
/** IndexedDB, opened by early-start.ts for the first writer; a follower closes it. */
let earlyStore: PersistenceStore | null = firstStore;
const sqlJsOptions: SqlJsLoadOptions = sqlWasm ? { locateWasm, wasmModule: sqlWasm } : { locateWasm };

function toPage(message: WorkerMessage): void {
  scope.postMessage(message, message.kind === 'response' && message.ok ? transferablesOf(message.result) : []);
}

function noticeToPage(notice: WorkerNotice): void {
  toPage({ kind: 'notice', notice });
}

function post(message: ChannelMessage): void {
  channel.postMessage(message);
}

function route(request: RpcRequest): void {
  const reply = (response: RpcResponse) => {
    markStartup('first-reply');
    toPage(response);
  };
  if (role === 'writer' && !takingOver) void writer!.submit(request).then((response) => (response ? reply(response) : route(request)));
  else if (role === 'follower') void follower!.forward(request).then(reply);
  else if (role === 'outdated') reply({ kind: 'response', id: request.id, ok: false, error: appUpdatedError().toPayload() });
  else waiting.push(request);
}

/** The page's messages, those kept by the entry while this code loaded first (db.worker.ts). */
export function takePageMessages(inbox: Inbox): void {
  inbox.deliverTo((data) => {
    const message = data as PageMessage | undefined;
    if (message?.kind === 'request') route(message);
    else if (message?.kind === 'visibility') {
      hidden = message.hidden;
      background.setHidden(hidden);
    }
  });
}

channel.addEventListener('message', (event: MessageEvent<ChannelMessage>) => {
  const message = event.data;
  if (message.type === 'handover') {
    // Every older tab that hears of a newer one steps aside, not only the writer it asked:
    // a follower of the old version must not take the lock next.
    if (compareVersions(message.version, APP_VERSION) > 0) becomeOutdated();
  } else if (message.type === 'request') {
    if (message.to === id) serveForwarded(message);
  } else if (message.type === 'hello') {
    if (role === 'writer') announce(writer!);
  } else {
    follower?.receive(message);
  }
});

/** A follower's request addressed to this tab as the writer. */
function serveForwarded(message: Extract<ChannelMessage, { type: 'request' }>): void {
  const decline = () => post({ type: 'declined', from: id, to: message.from, key: message.key });
  // No version: a tab of 0.1.0, from before the handshake, so older.
  const age = message.version === undefined ? -1 : compareVersions(message.version, APP_VERSION);
  if (role !== 'writer' || age > 0) {
    // Not (or no longer) the writer, or asked by newer code, which should have asked for a handover.
    decline();
    if (age > 0) becomeOutdated();
    return;
  }
  if (message.visible) background.claim();
  const origin: RequestOrigin = { requestKey: message.key };
  if (message.retryAfterSeq !== undefined) origin.retryAfterSeq = message.retryAfterSeq;
  if (age < 0) origin.olderVersion = true;
  void writer!.submit(message.request, origin).then((response) => {
    if (response) post({ type: 'response', to: message.from, key: message.key, response });
    else decline();
  });
}

function announce(w: Writer): void {
  void w.ready.then(() => {
    if (writer === w && role === 'writer') post({ type: 'writer', writerId: id, seq: w.seq, version: APP_VERSION });
  });
}

function becomeWriter(): Promise<void> {
  lockQueue = null;
  // An outdated tab never writes: it passes the lock straight on.
  if (role === 'outdated') return Promise.resolve();
  const previous = follower;
  role = 'writer';
  noticeToPage({ type: 'status', role: 'starting', message: 'Opening your data…' });
  const early = earlyStore !== null;
  const store = earlyStore ?? new PersistenceStore();
  earlyStore = null;
  // SQLite is instantiated while IndexedDB reads; the image needs it only once read and checked.
  loadSqlJs(sqlJsOptions).then(
    () => markStartup('sqlite-loaded'),
    () => undefined, // the opening itself reports a wasm that does not load
  );
  const fullDisk = hookOptions?.has('full-disk-checkpoints');
  if (fullDisk) store.injectFailure('QuotaExceededError', 'checkpoint', Number.POSITIVE_INFINITY);
  const w = new Writer(store, (image) => SqlJsEngine.open(image, sqlJsOptions), {
    testHooks: hookOptions !== null,
    ...(early ? { firstReads } : {}),
    notify: (notice) => {
      noticeToPage(notice);
      post({ type: 'notice', from: id, notice });
    },
  });
  writer = w;
  // While the previous writer has its last word, this page's requests wait (`takingOver`). Then those
  // it left unanswered go first, checked as retries; then everything that waited, in order.
  takingOver = true;
  void (previous?.handOver() ?? Promise.resolve([])).then((unanswered) => {
    if (follower === previous) follower = null;
    takingOver = false;
    for (const item of unanswered) {
      const origin: RequestOrigin = { requestKey: item.key };
      if (item.retryAfterSeq !== undefined) origin.retryAfterSeq = item.retryAfterSeq;
      void w.submit(item.request, origin).then((response) => (response ? item.resolve(response) : route(item.request)));
    }
    for (const request of waiting.splice(0)) route(request);
  });
  void w.ready.then(() => {
    if (writer !== w) return;
    noticeToPage({ type: 'status', role: 'writer' });
    announce(w);
  });
  return new Promise((release) => (releaseLock = release));
}

function becomeFollower(): void {
  earlyStore?.close();
  earlyStore = null;
  role = 'follower';
  follower = new Follower({
    id,
    channel,
    version: APP_VERSION,
    relay: noticeToPage,
    isVisible: () => !hidden,
    onOlderWriter: (writerId) => post({ type: 'handover', from: id, to: writerId, version: APP_VERSION }),
    onNewerWriter: becomeOutdated,
  });
  noticeToPage({ type: 'status', role: 'follower', message: FOLLOWER_MESSAGE });
  for (const request of waiting.splice(0)) route(request);
}

/**
 * Gives the database to another tab: the request being served finishes, the others are declined
 * (a follower's go to the next writer; this page's wait for it, or are refused if this tab is outdated).
 */
async function handOver(reason: 'update' | 'background'): Promise<void> {
  if (role !== 'writer') return;
  const w = writer!;
  background.stop();
  if (reason === 'update') {
    role = 'outdated';
    noticeToPage({ type: 'status', role: 'outdated', message: APP_UPDATED_STATUS });
  } else {
    role = 'resigning';
  }
  await w.resign();
  writer = null;
  // After every answer and decline (the channel keeps one sender's messages in order), before the lock.
  post({ type: 'left', from: id });
  releaseLock?.();
  releaseLock = null;
  if (reason === 'background') {
    becomeFollower();
    queueForLock();
  }
}

/** Another tab runs a newer version of the app: this one steps aside and asks the baker to reload. */
function becomeOutdated(): void {
  if (role === 'outdated' || role === 'resigning') return;
  if (role === 'writer') {
    void handOver('update');
    return;
  }
  role = 'outdated';
  lockQueue?.abort();
  lockQueue = null;
  follower?.outdate();
  noticeToPage({ type: 'status', role: 'outdated', message: APP_UPDATED_STATUS });
  for (const request of waiting.splice(0)) route(request);
}

/** Waits in line for the writer lock; the tab at the head of the line becomes the writer when it is free. */
function queueForLock(): void {
  const queue = new AbortController();
  lockQueue = queue;
  navigator.locks.request(WRITER_LOCK, { signal: queue.signal }, becomeWriter).catch(() => {
    // Withdrawn: this tab is outdated and will not write again.
  });
}

if (!firstLock) {
  // No Web Locks (browsers before 2022): this tab writes alone. A second tab would be refused by
  // IndexedDB (log keys are unique) rather than silently overwrite, and the user is told why.
  void becomeWriter();
  noticeToPage({
    type: 'problem',
    error: {
      code: 'STORAGE',
      message: 'This browser cannot coordinate tabs. Keep Bake Planner open in one tab only, or update the browser.',
    },
  });
} else {
  void firstLock.then((answer) => {
    if (answer.granted) {
      answer.hold(becomeWriter());
      return;
    }
    becomeFollower();
    queueForLock();
  });
}
