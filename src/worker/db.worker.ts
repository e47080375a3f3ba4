/**
 * The database worker, one per tab. It decides its role with the Web Locks
 * API: the worker holding the 'bake-planner-writer' lock is the writer and the
 * only one that opens the database; every other tab's worker is a follower
 * that forwards its page's requests to the writer over a BroadcastChannel.
 * The browser releases the lock when the writer's tab closes or crashes; the
 * next waiting worker then becomes the writer, loads everything acknowledged
 * from IndexedDB and carries on without a reload. Requests from the page
 * that arrive before the role is known wait here.
 *
 * Opening the page with `?test-hooks` names the worker accordingly, which
 * unlocks the test-only system handlers (see docs/design/persistence.md).
 */
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { SqlJsEngine } from '../db/sqljs-engine';
import { RPC_CHANNEL, WRITER_LOCK } from '../persistence/policy';
import { PersistenceStore } from '../persistence/store';
import type { RpcRequest, RpcResponse, WorkerMessage, WorkerNotice } from '../rpc/contract';
import { workerHookOptions } from '../rpc/test-hooks';
import { transferablesOf } from '../rpc/transfer';
import type { ChannelMessage } from './channel';
import { FOLLOWER_MESSAGE, Follower } from './follower';
import { Writer } from './writer';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const hookOptions = workerHookOptions(scope.name);
const id = crypto.randomUUID();
const channel = new BroadcastChannel(RPC_CHANNEL);

let writer: Writer | null = null;
let follower: Follower | null = null;
const waiting: RpcRequest[] = [];

function toPage(message: WorkerMessage): void {
  scope.postMessage(message, message.kind === 'response' && message.ok ? transferablesOf(message.result) : []);
}

function noticeToPage(notice: WorkerNotice): void {
  toPage({ kind: 'notice', notice });
}

function route(request: RpcRequest): void {
  const reply = (response: RpcResponse) => toPage(response);
  if (writer) void writer.submit(request).then(reply);
  else if (follower) void follower.forward(request).then(reply);
  else waiting.push(request);
}

scope.addEventListener('message', (event: MessageEvent) => {
  const request = event.data as RpcRequest | undefined;
  if (request?.kind === 'request') route(request);
});

channel.addEventListener('message', (event: MessageEvent<ChannelMessage>) => {
  const message = event.data;
  if (!writer) {
    follower?.receive(message);
    return;
  }
  if (message.type === 'hello') {
    announce(writer);
  } else if (message.type === 'request' && message.to === id) {
    const origin =
      message.retryAfterSeq === undefined
        ? { requestKey: message.key }
        : { requestKey: message.key, retryAfterSeq: message.retryAfterSeq };
    void writer.submit(message.request, origin).then((response) =>
      channel.postMessage({ type: 'response', to: message.from, key: message.key, response } satisfies ChannelMessage),
    );
  }
});

function announce(w: Writer): void {
  void w.ready.then(() => channel.postMessage({ type: 'writer', writerId: id, seq: w.seq } satisfies ChannelMessage));
}

function becomeWriter(): void {
  const unanswered = follower?.handOver() ?? [];
  follower = null;
  noticeToPage({ type: 'status', role: 'starting', message: 'Opening your data…' });
  const store = new PersistenceStore();
  if (hookOptions?.has('full-disk-checkpoints')) store.injectFailure('QuotaExceededError', 'checkpoint', Number.POSITIVE_INFINITY);
  const w = new Writer(store, (image) => SqlJsEngine.open(image, { locateWasm: () => wasmUrl }), {
    testHooks: hookOptions !== null,
    notify: (notice) => {
      noticeToPage(notice);
      channel.postMessage({ type: 'notice', from: id, notice } satisfies ChannelMessage);
    },
  });
  writer = w;
  // Requests left unanswered by the previous writer go first, checked as retries; then everything that waited.
  for (const item of unanswered) {
    const origin =
      item.retryAfterSeq === undefined
        ? { requestKey: item.key }
        : { requestKey: item.key, retryAfterSeq: item.retryAfterSeq };
    void w.submit(item.request, origin).then(item.resolve);
  }
  for (const request of waiting.splice(0)) route(request);
  void w.ready.then(() => {
    noticeToPage({ type: 'status', role: 'writer' });
    announce(w);
  });
}

function becomeFollower(): void {
  follower = new Follower(id, channel, noticeToPage);
  noticeToPage({ type: 'status', role: 'follower', message: FOLLOWER_MESSAGE });
  for (const request of waiting.splice(0)) route(request);
}

/** Holds the writer lock for the rest of this worker's life; the browser releases it when the tab goes. */
const holdForever = () => new Promise<never>(() => {});

if (!('locks' in navigator)) {
  // No Web Locks (browsers before 2022): this tab writes alone. A second tab would be refused by
  // IndexedDB (log keys are unique) rather than silently overwrite, and the user is told why.
  becomeWriter();
  noticeToPage({
    type: 'problem',
    error: {
      code: 'STORAGE',
      message: 'This browser cannot coordinate tabs. Keep Bake Planner open in one tab only, or update the browser.',
    },
  });
} else {
  void navigator.locks.request(WRITER_LOCK, { ifAvailable: true }, (lock) => {
    if (lock) {
      becomeWriter();
      return holdForever();
    }
    becomeFollower();
    void navigator.locks.request(WRITER_LOCK, () => {
      becomeWriter();
      return holdForever();
    });
    return undefined;
  });
}
